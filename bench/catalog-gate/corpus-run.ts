/**
 * catalog-gate on a corpus shaped like a real migration history (bench/catalog-gate/corpus.ts,
 * 346 migrations), as a CI job and a pre-commit hook see it: the committed bundle as a whole
 * process (node dist/index.js, as the runner starts it) next to squawk-cli on the same files, both
 * whole processes, median of several runs; then the back-out proof of every migration on PGlite
 * and on PostgreSQL. Prints only; asserts nothing.
 *
 *   npx node bench/catalog-gate/corpus-run.ts        # CORPUS_RUNS=5 repetitions per measurement
 */
import { peerBin } from '../peers.ts';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runGate } from '../../actions/catalog-gate/src/gate.ts';
import { openPostgres } from '../../actions/catalog-gate/src/backout.ts';
import { startPgServer } from '../../actions/catalog-gate/test/pg-cluster.ts';
import { corpus, type CorpusMigration } from './corpus.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const BUNDLE = join(ROOT, 'actions/catalog-gate/dist/index.js');
const RUNS = Number(process.env['CORPUS_RUNS'] ?? 5);

function writeWorkspace(migrations: CorpusMigration[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-gate-corpus-'));
  mkdirSync(join(dir, 'db/migrations'), { recursive: true });
  mkdirSync(join(dir, 'db/catalog'), { recursive: true });
  const yaml: string[] = [];
  for (const m of migrations) {
    writeFileSync(join(dir, 'db/migrations', `${m.id}.up.sql`), m.up);
    writeFileSync(join(dir, 'db/migrations', `${m.id}.down.sql`), m.down);
    yaml.push(
      `- id: ${m.id}`,
      '  service: app',
      `  risk: ${m.risk}`,
      '  pii: false',
      `  rollout: ${m.rollout}`,
      "  owner: '@app'",
    );
    if (m.risk !== 'low')
      yaml.push(
        '  readiness: { locks: reviewed, long_transactions: none over 1 min, size_estimate: 1M rows }',
      );
  }
  writeFileSync(join(dir, 'db/catalog/migrations.yaml'), `${yaml.join('\n')}\n`);
  return dir;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

function timed(
  cmd: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
): { ms: number; status: number | null; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { env: env ?? process.env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ms: performance.now() - t0, status: r.status, stdout: r.stdout };
}

/** A timing only counts when the bundle really gated every migration (a crash is fast too). */
function checkGated(env: NodeJS.ProcessEnv, expected: number): void {
  const out = readFileSync(env['GITHUB_OUTPUT']!, 'utf8');
  const path = /report-path<<(\S+)\n(.*)\n/.exec(out)?.[2];
  const entries = path
    ? (JSON.parse(readFileSync(path, 'utf8')) as { entries: unknown[] }).entries.length
    : -1;
  if (entries !== expected)
    throw new Error(`the bundle did not gate the corpus (report entries: ${entries})`);
  writeFileSync(env['GITHUB_OUTPUT']!, '');
}

/** The bundle as the runner starts it: `node dist/index.js` with INPUT_* and the GITHUB_* files. */
function bundleEnv(workspace: string): NodeJS.ProcessEnv {
  const temp = mkdtempSync(join(tmpdir(), 'catalog-gate-corpus-run-'));
  for (const f of ['output', 'summary', 'env', 'path', 'state']) writeFileSync(join(temp, f), '');
  writeFileSync(join(temp, 'event.json'), '{}');
  return {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(temp, 'output'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
    GITHUB_ENV: join(temp, 'env'),
    GITHUB_PATH: join(temp, 'path'),
    GITHUB_STATE: join(temp, 'state'),
    GITHUB_EVENT_PATH: join(temp, 'event.json'),
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'summit-ops/bench',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    RUNNER_TEMP: temp,
    INPUT_CATALOG: 'db/catalog/migrations.yaml',
    'INPUT_MIGRATIONS-DIR': 'db/migrations',
    'INPUT_PROVE-BACKOUT': 'false',
    'INPUT_FAIL-ON': 'error',
    'INPUT_CHANGED-ONLY': 'false',
  };
}

function compare(label: string, workspace: string, upFiles: string[], expected: number): void {
  const squawk = peerBin('squawk-cli', '2.66.0', 'squawk');
  const env = bundleEnv(workspace);
  const ours: number[] = [];
  const direct: number[] = [];
  const peer: number[] = [];
  let status: (number | null)[] = [];
  for (let r = 0; r < RUNS; r++) {
    const a = timed(process.execPath, [BUNDLE], env);
    checkGated(env, expected);
    const b = timed(process.execPath, ['--liftoff-only', BUNDLE], env);
    checkGated(env, expected);
    const c = timed(squawk, ['--reporter', 'gcc', ...upFiles]);
    ours.push(a.ms);
    direct.push(b.ms);
    peer.push(c.ms);
    status = [a.status, b.status, c.status];
  }
  console.log(`\n${label} (median of ${RUNS}; exit codes ${status.join('/')}, non-zero = findings):`);
  console.log(
    `   catalog-gate bundle, node dist/index.js (re-exec with --liftoff-only): ${ms(median(ours))}`,
  );
  console.log(
    `   catalog-gate bundle, node --liftoff-only dist/index.js (no re-exec):  ${ms(median(direct))}`,
  );
  console.log(`   squawk 2.66:                                                          ${ms(median(peer))}`);
  console.log(
    `   ratio ours/squawk: ${(median(ours) / median(peer)).toFixed(2)}× (${(median(direct) / median(peer)).toFixed(2)}× without the re-exec)`,
  );
}

async function proof(label: string, workspace: string, databaseUrl?: string): Promise<void> {
  const t0 = performance.now();
  const report = await runGate({
    workspace,
    catalog: 'db/catalog/migrations.yaml',
    migrationsDir: 'db/migrations',
    proveBackout: true,
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  const total = performance.now() - t0;
  const count = (s: string) => report.entries.filter((e) => e.backout.status === s).length;
  const database = report.findings.find((f) => f.ruleId === 'backout-database');
  console.log(
    `   ${label.padEnd(12)} ${ms(total)} for ${report.entries.length} migrations: ${count('proven')} proven, ${count('failed')} not proven, ${count('not-provable')} not provable, ${count('no-backout')} without back-out${database ? `; ${database.message}` : ''}`,
  );
}

const migrations = corpus();
const dir = writeWorkspace(migrations);
const one = writeWorkspace(migrations.slice(20, 21));
try {
  const upFiles = migrations.map((m) => join(dir, 'db/migrations', `${m.id}.up.sql`));
  console.log(`corpus: ${migrations.length} migrations in ${dir}`);
  compare(`1. whole process, ${migrations.length} migrations, no proof`, dir, upFiles, migrations.length);
  compare(
    '2. whole process, one migration (pre-commit), no proof',
    one,
    [join(one, 'db/migrations', `${migrations[20]!.id}.up.sql`)],
    1,
  );
  console.log(`\n3. back-out proof of all ${migrations.length} migrations, each from the schema before it:`);
  await proof('PGlite:', dir);
  const server = await startPgServer().catch((error: Error) => error);
  if (server instanceof Error) console.log(`   PostgreSQL: skipped (${server.message})`);
  else {
    try {
      const admin = await openPostgres(server.url);
      await admin.exec('CREATE DATABASE proof');
      await admin.close();
      await proof('PostgreSQL:', dir, server.url.replace(/\/postgres$/, '/proof'));
    } finally {
      await server.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(one, { recursive: true, force: true });
}
