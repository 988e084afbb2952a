/**
 * The wrangler configs are what `wrangler deploy` ships: dates workerd accepts (and the tests
 * use), bindings that match each other, secrets named but never given a value in the repository.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanText } from '../../lib/dlp/index.ts';
import { EDGE_ROOT } from '../lab/bundle.ts';
import { COMPATIBILITY_DATE } from '../lab/lab.ts';

/** Newest compatibility date the workerd in miniflare 4.20260730.0 accepts. */
const NEWEST_DATE = '2026-08-06';

interface WranglerConfig {
  name: string;
  main: string;
  compatibility_date: string;
  compatibility_flags?: string[];
  vars?: Record<string, string>;
  services?: Array<{ binding: string; service: string }>;
  d1_databases?: Array<{
    binding: string;
    database_name: string;
    database_id: string;
    migrations_dir: string;
  }>;
  triggers?: { crons: string[] };
  workers_dev?: boolean;
}

function load(worker: string): { config: WranglerConfig; secrets: string[]; path: string } {
  const path = join(EDGE_ROOT, 'workers', worker, 'wrangler.jsonc');
  const text = readFileSync(path, 'utf8');
  const secrets = /^\/\/\s+secrets: (.+)$/m.exec(text)?.[1]?.split(/,\s*/) ?? [];
  const json = text
    .split('\n')
    .filter((l) => !/^\s*\/\//.test(l))
    .join('\n')
    // JSONC as wrangler reads it: trailing commas allowed.
    .replace(/,(\s*[}\]])/g, '$1');
  return { config: JSON.parse(json) as WranglerConfig, secrets, path };
}

const tokenize = load('tokenize');
const vault = load('vault');

describe('wrangler configs', () => {
  test.each([tokenize, vault])(
    "$path: entry exists, date is the tests' and one workerd accepts",
    ({ config, path }) => {
      expect(existsSync(join(path, '..', config.main))).toBe(true);
      expect(config.compatibility_date).toBe(COMPATIBILITY_DATE);
      expect(config.compatibility_date <= NEWEST_DATE).toBe(true);
    },
  );

  test('tokenize binds the vault service by its name and enables nodejs_compat (brotli)', () => {
    expect(tokenize.config.services).toEqual([{ binding: 'VAULT', service: vault.config.name }]);
    expect(tokenize.config.compatibility_flags).toContain('nodejs_compat');
    expect(tokenize.config.vars?.['ORIGIN_URL']).toMatch(/^https:\/\//);
  });

  test('vault: D1 binding with its migrations, a purge cron, no public route', () => {
    const [db] = vault.config.d1_databases ?? [];
    expect(db).toMatchObject({ binding: 'DB', migrations_dir: 'migrations' });
    const dir = join(EDGE_ROOT, 'workers', 'vault', db!.migrations_dir);
    expect(readdirSync(dir).filter((f) => f.endsWith('.sql')).length).toBeGreaterThan(0);
    expect(vault.config.triggers?.crons.length).toBeGreaterThan(0);
    expect(vault.config.workers_dev).toBe(false);
  });

  test('secrets are named in each config and never given a value there', () => {
    expect(tokenize.secrets.sort()).toEqual(['TOKEN_SECRETS', 'VAULT_KEK', 'VAULT_WRITE_SECRET']);
    expect(vault.secrets.sort()).toEqual(['CLAIM_KEYS', 'VAULT_KEK', 'VAULT_WRITE_SECRET']);
    for (const { config, secrets } of [tokenize, vault])
      for (const s of secrets) expect(Object.keys(config.vars ?? {})).not.toContain(s);
  });

  test('no key material is committed under edge/ (lib/dlp secret rules over every file)', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else files.push(join(dir, e.name));
      }
    };
    walk(EDGE_ROOT);
    const findings = files.flatMap((f) =>
      scanText(readFileSync(f, 'utf8'), { path: f })
        .filter((x) => x.tags.includes('secret'))
        .map((x) => `${x.ruleId} ${f}:${x.line}`),
    );
    expect(findings).toEqual([]);
  });
});
