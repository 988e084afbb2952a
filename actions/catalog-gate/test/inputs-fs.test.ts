/**
 * Nothing thrown away: every input or file-system problem is a finding, and the other findings,
 * the summary and the outputs are still produced. Paths that leave the workspace (absolute, `..`,
 * symlinks) are refused and never read.
 */
import { expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import action from '../src/main.ts';
import { Redactor } from '../../../lib/redact.ts';
import type { ActionResult, RunContext } from '../../../lib/action.ts';
import { expectNoLeak } from '../../../test/support/leak.ts';
import { validateSarif } from '../../../lib/report/sarif.ts';

const ENTRY = (id: string, extra = '') =>
  `- id: ${id}\n  service: s\n  risk: low\n  pii: false\n  rollout: online\n  owner: '@t'\n${extra}`;

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-gate-ws-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function context(ws: string): RunContext {
  return {
    workspace: ws,
    tempDir: mkdtempSync(join(tmpdir(), 'catalog-gate-tmp-')),
    github: { apiUrl: 'http://127.0.0.1:1', serverUrl: 'http://127.0.0.1:1' },
    log: { info() {}, debug() {}, warning() {} },
    redactor: new Redactor(),
    now: () => new Date(0),
  };
}

async function gate(ws: string, extra: Record<string, string> = {}): Promise<ActionResult> {
  return action.run(
    {
      catalog: extra['catalog'] ?? 'db/catalog/migrations.yaml',
      migrationsDir: extra['migrations-dir'] ?? 'db/migrations',
      proveBackout: false,
      failOn: 'error',
      changedOnly: false,
      checkRun: false,
      ...(extra['evidence-dir'] ? { evidenceDir: extra['evidence-dir'] } : {}),
    },
    context(ws),
  );
}

const everything = (r: ActionResult) =>
  [
    JSON.stringify(r),
    readFileSync(r.outputs['report-path']!, 'utf8'),
    readFileSync(r.outputs['sarif-path']!, 'utf8'),
  ].join('\n');

/** A file outside every workspace, with synthetic content that must never be printed. */
function outsideSecret(): { path: string; content: string } {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-gate-outside-'));
  const content = `outside_${randomBytes(8).toString('hex')} INDEKS syntax error bait`;
  const path = join(dir, 'secret.sql');
  writeFileSync(path, content);
  return { path, content };
}

test('a catalog outside the workspace (absolute path or ..) is refused, never read; outputs and summary still come', async () => {
  const secret = outsideSecret();
  const ws = workspace({ 'db/migrations/.keep': '' });
  for (const catalog of [secret.path, '../../../../../../..' + secret.path]) {
    const r = await gate(ws, { catalog });
    const f = r.annotations.find((a) => a.title === 'path-outside-workspace');
    expect(f?.message).toMatch(
      /refused to read .*: it is outside the workspace; only files of the repository are read/,
    );
    expect(r.summary).toMatch(/## Migration catalog gate/);
    expect(r.outputs['violations']).toBe('1');
    expect(validateSarif(JSON.parse(readFileSync(r.outputs['sarif-path']!, 'utf8'))).valid).toBe(true);
    expectNoLeak(everything(r), secret.content.split(' ')[0]!, 'the outputs');
  }
});

test('a migration file symlinked outside the workspace is refused, not read; the other findings stay', async () => {
  const secret = outsideSecret();
  const ws = workspace({
    'db/catalog/migrations.yaml': ENTRY('2026-01-01-001-a') + ENTRY('2026-01-02-002-b'),
    'db/migrations/2026-01-02-002-b.up.sql': "SET lock_timeout = '1s';\nCREATE INDEX i ON t (a);\n",
  });
  symlinkSync(secret.path, join(ws, 'db/migrations/2026-01-01-001-a.up.sql'));
  const r = await gate(ws);
  const refused = r.annotations.find((a) => a.title === 'path-outside-workspace');
  expect([refused?.file, refused?.line]).toStrictEqual(['db/migrations/2026-01-01-001-a.up.sql', 1]);
  expect(refused?.message).toMatch(/symbolic link .* resolves outside the workspace/);
  expect(r.annotations.some((a) => a.title === 'sql-parse-error')).toBe(false);
  expect(r.annotations.some((a) => a.title === 'risk-understated')).toBe(true);
  expectNoLeak(everything(r), secret.content.split(' ')[0]!, 'the outputs');
});

test('a migrations directory that is a symlink out of the workspace is refused', async () => {
  const secret = outsideSecret();
  const ws = workspace({ 'db/catalog/migrations.yaml': ENTRY('2026-01-01-001-a') });
  symlinkSync(join(secret.path, '..'), join(ws, 'db/migrations'));
  const r = await gate(ws);
  expect(r.annotations.find((a) => a.title === 'path-outside-workspace')?.message).toMatch(
    /migrations-dir db\/migrations: it is a symbolic link .* outside the workspace/,
  );
  expectNoLeak(everything(r), secret.content.split(' ')[0]!, 'the outputs');
});

test('an unwritable evidence-dir is a finding; the report, SARIF, summary and other findings are still produced', async () => {
  const ws = workspace({
    'db/catalog/migrations.yaml': ENTRY('2026-01-01-001-a'),
    'db/migrations/2026-01-01-001-a.up.sql': 'CREATE INDEX i ON t (a);\n',
    'not-a-dir': 'a file',
  });
  const r = await gate(ws, { 'evidence-dir': 'not-a-dir/evidence' });
  const f = r.annotations.find((a) => a.title === 'evidence-dir-unwritable');
  expect(f?.message).toMatch(
    /evidence-dir not-a-dir\/evidence cannot be written \((ENOTDIR|EEXIST)\); no evidence bundle was written/,
  );
  expect(r.annotations.some((a) => a.title === 'risk-understated')).toBe(true);
  const report = JSON.parse(readFileSync(r.outputs['report-path']!, 'utf8'));
  expect(report.findings.some((x: { ruleId: string }) => x.ruleId === 'evidence-dir-unwritable')).toBe(true);
  expect(r.summary).toMatch(/evidence-dir-unwritable/);
});

test('a YAML alias bomb is a catalog-yaml finding at the first alias, not a crash', async () => {
  const bomb = [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  ].join('\n');
  const ws = workspace({ 'db/catalog/migrations.yaml': bomb, 'db/migrations/.keep': '' });
  const r = await gate(ws);
  const f = r.annotations.find((a) => a.title === 'catalog-yaml');
  expect([f?.file, f?.line]).toStrictEqual(['db/catalog/migrations.yaml', 2]);
  expect(f?.message).toMatch(/exceeds a resource limit/);
  expect(r.summary).toMatch(/## Migration catalog gate/);
});

test('an unreadable migration (a directory named like one) is a finding at it; the rest is analysed', async () => {
  const ws = workspace({
    'db/catalog/migrations.yaml': ENTRY('2026-01-01-001-a') + ENTRY('2026-01-02-002-b'),
    'db/migrations/2026-01-01-001-a.up.sql/x': '',
    'db/migrations/2026-01-02-002-b.up.sql': "SET lock_timeout = '1s';\nCREATE INDEX i ON t (a);\n",
  });
  const r = await gate(ws);
  const f = r.annotations.find((a) => a.title === 'file-unreadable');
  expect([f?.file, f?.message]).toStrictEqual([
    'db/migrations/2026-01-01-001-a.up.sql',
    'db/migrations/2026-01-01-001-a.up.sql: is a directory, not a file',
  ]);
  expect(r.annotations.some((a) => a.title === 'risk-understated')).toBe(true);
});

test('a catalog that is a FIFO is a finding, not a read that never returns', async () => {
  const ws = workspace({
    'db/catalog/other.yaml': '',
    'db/migrations/2026-01-02-002-b.up.sql': "SET lock_timeout = '1s';\nCREATE INDEX i ON t (a);\n",
  });
  rmSync(join(ws, 'db/catalog/other.yaml'));
  // Nothing ever writes to it: a blocking open or read would hang the gate.
  execFileSync('mkfifo', [join(ws, 'db/catalog/migrations.yaml')]);
  const r = await gate(ws);
  const f = r.annotations.find((a) => a.message.includes('migrations.yaml'));
  expect(f?.message).toMatch(/db\/catalog\/migrations\.yaml: is not a regular file/);
  expect(r.summary).toContain('not a regular file');
}, 15_000);
