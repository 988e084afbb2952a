/**
 * Runs the ingress filter under the real LuaJIT with the stub Envoy host (harness.lua). One
 * luajit process handles a whole batch of requests, so hundreds of cases cost one spawn.
 */
import { missingComponent } from '../../../test/support/components.ts';
import * as exec from '@actions/exec';
import * as io from '@actions/io';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HARNESS = join(dirname(fileURLToPath(import.meta.url)), 'harness.lua');

export interface FilterRequest {
  headers?: Record<string, string>;
  /** undefined: a request without body (GET); Envoy's body() returns nil. */
  body?: Uint8Array | string;
  /** The gateway's buffer limit as the stub host enforces it; default: unlimited. */
  envoyBufferLimit?: number;
  /** body():getBytes() raises, to exercise the script's own failure path. */
  failGetBytes?: boolean;
}

export interface FilterOutcome {
  action: 'continue' | 'respond' | 'envoy_413' | 'script_error';
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  error?: string;
  logs: Array<{ level: string; msg: string }>;
  metadata: Record<string, Record<string, string>>;
  bodyCalls: number;
}

export async function luajitAvailable(): Promise<boolean> {
  if (!(await io.which('luajit'))) return false;
  const r = await exec.getExecOutput('luajit', ['-v'], { silent: true, ignoreReturnCode: true });
  return r.exitCode === 0;
}

export const LUAJIT_MISSING =
  'luajit is not installed: `apt-get install -y luajit` (Debian package; .ci/run installs it). The ingress filter tests need the real LuaJIT.';

const LUAJIT_PRESENT = await luajitAvailable();

/** Why LuaJIT tests skip here (false when luajit runs); throws in CI, see missingComponent(). */
export function luajitSkip(env: NodeJS.ProcessEnv = process.env, available = LUAJIT_PRESENT): false | string {
  return missingComponent(available, LUAJIT_MISSING, env);
}

/** Runs `lua` (the filter source) over the requests, in order. */
export async function runFilter(lua: string, requests: FilterRequest[]): Promise<FilterOutcome[]> {
  const dir = mkdtempSync(join(tmpdir(), 'summit-dlp-ingress-'));
  try {
    const filterPath = join(dir, 'filter.lua');
    writeFileSync(filterPath, lua);
    const chunks: Buffer[] = [];
    requests.forEach((req, i) => {
      let head = `CASE ${i}\n`;
      if (req.envoyBufferLimit !== undefined) head += `LIMIT ${req.envoyBufferLimit}\n`;
      for (const [name, value] of Object.entries(req.headers ?? {})) {
        if (/[\r\n]/.test(name + value) || /\s/.test(name))
          throw new Error(`header ${JSON.stringify(name)}: no whitespace in names, no newlines in values`);
        head += `HEADER ${name} ${value}\n`;
      }
      if (req.failGetBytes) head += 'FAIL_GETBYTES\n';
      if (req.body === undefined) {
        chunks.push(Buffer.from(`${head}NOBODY\nEND\n`));
      } else {
        const body = typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : Buffer.from(req.body);
        chunks.push(Buffer.from(`${head}BODY ${body.length}\n`), body, Buffer.from('END\n'));
      }
    });
    const r = await exec.getExecOutput('luajit', [HARNESS, filterPath], {
      input: Buffer.concat(chunks),
      silent: true,
      ignoreReturnCode: true,
    });
    if (r.exitCode !== 0)
      throw new Error(`luajit harness failed (exit ${r.exitCode}): ${r.stderr.slice(0, 2000)}`);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    if (lines.length !== requests.length)
      throw new Error(`harness answered ${lines.length} of ${requests.length} requests`);
    return lines.map((l) => {
      const o = JSON.parse(l) as FilterOutcome & { logs: unknown; metadata: unknown };
      return {
        ...o,
        logs: Array.isArray(o.logs) ? o.logs : [],
        metadata: (o.metadata ?? {}) as FilterOutcome['metadata'],
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rule ids a 422 answer names (from its JSON body), or [] when the request passed. */
export function blockedRules(outcome: FilterOutcome): string[] {
  if (outcome.action === 'continue') return [];
  if (outcome.action !== 'respond' || outcome.status !== 422)
    throw new Error(
      `expected pass or 422, got ${outcome.action} ${outcome.status ?? ''} ${outcome.error ?? ''}`,
    );
  const parsed = JSON.parse(outcome.body ?? '') as { error?: string; rules?: string[] };
  if (parsed.error !== 'dlp_blocked' || !Array.isArray(parsed.rules))
    throw new Error(`422 body is not {"error":"dlp_blocked","rules":[...]}`);
  return parsed.rules;
}
