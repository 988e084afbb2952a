/**
 * catalog-gate benchmark. Generates, in a temp dir, a catalog of 1,000 migrations (~5,000
 * statements: new tables, added columns, CHECK/FK added NOT VALID then validated, concurrent and
 * plain indexes, views, backfills, lock/statement timeouts) and measures, in the same run:
 *   1. the whole gate without the back-out proof (runGate, proveBackout false), in process and as a
 *      whole process (Node 24 waits for the wasm compile at exit, ARCHITECTURE §2);
 *   2. the SQL analysis alone (libpg-query parse + lock analysis) against squawk-cli on the same
 *      files, both as whole processes, and our in-process loop; prints the ratio;
 *   3. the back-out proof per migration on PGlite and on a real PostgreSQL (first 20 migrations).
 * Prints only; asserts nothing. Goals: analysis no slower than squawk; 1,000 migrations gated < 10 s.
 *
 *   npx node bench/catalog-gate/run.ts            # CATALOG_BENCH_N=200 for a smaller catalog
 */
import { peerBin } from '../peers.ts';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runGate } from '../../actions/catalog-gate/src/gate.ts';
import { loadParser, parseSql } from '../../actions/catalog-gate/src/sql/parser.ts';
import { analyseStatements, emptySchemaState } from '../../actions/catalog-gate/src/sql/analyse.ts';
import { openPglite } from '../../actions/catalog-gate/src/backout.ts';
import { startPgServer } from '../../actions/catalog-gate/test/pg-cluster.ts';

const self = fileURLToPath(import.meta.url);

interface Generated {
  id: string;
  up: string;
  down: string;
  risk: 'low' | 'medium';
  rollout: string;
  statements: number;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Deterministic migrations that apply in order on an empty database. */
export function generate(n: number): Generated[] {
  const out: Generated[] = [];
  const tables: number[] = [];
  const LT = "SET lock_timeout = '3s';\nSET statement_timeout = '15min';\n";
  // A concurrent build must not run under a statement_timeout (statement-timeout-concurrently).
  const LT_CONCURRENT = "SET lock_timeout = '3s';\nSET statement_timeout = 0;\n";
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const id = `${day}-${pad(i % 1000, 3)}-m${i}`;
    const t = tables.length ? `t${tables[(i * 7) % tables.length]}` : '';
    const kind = tables.length < 3 ? 0 : i % 8;
    let up: string;
    let down: string;
    let risk: Generated['risk'] = 'low';
    let rollout = 'online';
    switch (kind) {
      case 0:
      case 4:
        tables.push(i);
        up = `-- ${id}: new table for service s${i % 17}
${LT}CREATE TABLE t${i} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  org_id bigint
);
CREATE INDEX t${i}_org_idx ON t${i} (org_id);
COMMENT ON TABLE t${i} IS 'generated table ${i}';
`;
        down = `DROP TABLE t${i};\n`;
        break;
      case 1:
        up = `${LT}ALTER TABLE ${t} ADD COLUMN c${i} text;
ALTER TABLE ${t} ADD COLUMN d${i} integer DEFAULT 0;
COMMENT ON COLUMN ${t}.c${i} IS 'free text';
`;
        down = `ALTER TABLE ${t} DROP COLUMN d${i};\nALTER TABLE ${t} DROP COLUMN c${i};\n`;
        break;
      case 2:
        up = `${LT}ALTER TABLE ${t} ADD COLUMN n${i} integer;
ALTER TABLE ${t} ADD CONSTRAINT ${t}_n${i}_check CHECK (n${i} >= 0) NOT VALID;
ALTER TABLE ${t} VALIDATE CONSTRAINT ${t}_n${i}_check;
`;
        down = `ALTER TABLE ${t} DROP CONSTRAINT ${t}_n${i}_check;\nALTER TABLE ${t} DROP COLUMN n${i};\n`;
        break;
      case 3:
        rollout = 'concurrent_index';
        up = `${LT_CONCURRENT}CREATE INDEX CONCURRENTLY IF NOT EXISTS ${t}_created_${i}_idx ON ${t} (created_at, name);
SET statement_timeout = '15min';
ANALYZE ${t};
`;
        down = `DROP INDEX CONCURRENTLY IF EXISTS ${t}_created_${i}_idx;\n`;
        break;
      case 5: {
        const ref = `t${tables[(i * 3) % tables.length]}`;
        up = `${LT}ALTER TABLE ${t} ADD COLUMN ref${i} bigint;
ALTER TABLE ${t} ADD CONSTRAINT ${t}_ref${i}_fk FOREIGN KEY (ref${i}) REFERENCES ${ref} (id) NOT VALID;
ALTER TABLE ${t} VALIDATE CONSTRAINT ${t}_ref${i}_fk;
`;
        down = `ALTER TABLE ${t} DROP CONSTRAINT ${t}_ref${i}_fk;\nALTER TABLE ${t} DROP COLUMN ref${i};\n`;
        break;
      }
      case 6:
        up = `${LT}CREATE VIEW v${i} AS SELECT id, name, created_at FROM ${t} WHERE created_at > now() - interval '30 days';
UPDATE ${t} SET name = lower(name) WHERE id < 1000;
COMMENT ON VIEW v${i} IS 'last 30 days of ${t}';
`;
        down = `DROP VIEW v${i};\n`;
        break;
      default:
        // A medium-risk one: plain CREATE INDEX, declared and acknowledged.
        risk = 'medium';
        up = `${LT}CREATE INDEX ${t}_name_${i}_idx ON ${t} (name);
COMMENT ON INDEX ${t}_name_${i}_idx IS 'lookup by name';
ANALYZE ${t};
`;
        down = `DROP INDEX IF EXISTS ${t}_name_${i}_idx;\n`;
    }
    out.push({ id, up, down, risk, rollout, statements: 0 });
  }
  return out;
}

function writeCatalog(dir: string, migrations: Generated[]): void {
  mkdirSync(join(dir, 'db/migrations'), { recursive: true });
  mkdirSync(join(dir, 'db/catalog'), { recursive: true });
  const yaml: string[] = [];
  for (const m of migrations) {
    writeFileSync(join(dir, 'db/migrations', `${m.id}.up.sql`), m.up);
    writeFileSync(join(dir, 'db/migrations', `${m.id}.down.sql`), m.down);
    yaml.push(
      `- id: ${m.id}`,
      `  service: s${m.id.length % 17}`,
      `  risk: ${m.risk}`,
      '  pii: false',
      `  rollout: ${m.rollout}`,
      "  owner: '@bench'",
    );
    if (m.risk !== 'low')
      yaml.push(
        '  readiness:',
        '    locks: SHARE on one table',
        '    long_transactions: none over 1 min',
        '    size_estimate: 10k rows',
      );
  }
  writeFileSync(join(dir, 'db/catalog/migrations.yaml'), `${yaml.join('\n')}\n`);
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

function wall(
  cmd: string,
  args: string[],
): { ms: number; status: number | null; stdout: string; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ms: performance.now() - t0, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Child modes, so whole-process times include wasm load and Node's exit.
const mode = process.argv[2];
if (!import.meta.main) {
  // Imported (run.test.ts): generate() only.
} else if (mode === '--gate') {
  const report = await runGate({
    workspace: process.argv[3]!,
    catalog: 'db/catalog/migrations.yaml',
    migrationsDir: 'db/migrations',
    proveBackout: false,
  });
  console.log(
    JSON.stringify({
      entries: report.entries.length,
      findings: report.findings.length,
      blocking: report.findings.filter((f) => f.level !== 'notice').length,
    }),
  );
} else if (mode === '--analyse') {
  await loadParser();
  const state = emptySchemaState();
  let findings = 0;
  for (const file of process.argv.slice(3))
    findings += analyseStatements(parseSql(readFileSync(file, 'utf8'), file), state).findings.length;
  console.log(JSON.stringify({ findings }));
} else {
  await main();
}

async function main(): Promise<void> {
  const n = Number(process.env['CATALOG_BENCH_N'] ?? 1000);
  const dir = mkdtempSync(join(tmpdir(), 'catalog-gate-bench-'));
  try {
    const migrations = generate(n);
    writeCatalog(dir, migrations);
    await loadParser();
    const upFiles = migrations.map((m) => join(dir, 'db/migrations', `${m.id}.up.sql`));
    const statements = migrations.reduce((acc, m) => acc + parseSql(m.up).length, 0);
    console.log(
      `catalog: ${n} migrations, ${statements} statements in up scripts (+ ${migrations.reduce((a, m) => a + parseSql(m.down).length, 0)} in down scripts), ${dir}`,
    );

    // 1. The whole gate without the proof.
    let t0 = performance.now();
    const report = await runGate({
      workspace: dir,
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/migrations',
      proveBackout: false,
    });
    const gateWarm = performance.now() - t0;
    const blocking = report.findings.filter((f) => f.level !== 'notice');
    const gateProc = wall(process.execPath, [self, '--gate', dir]);
    const gateLiftoff = wall(process.execPath, ['--liftoff-only', self, '--gate', dir]);
    console.log(
      `\n1. whole gate, no back-out proof (${report.entries.length} entries, ${report.findings.length} findings, ${blocking.length} blocking):`,
    );
    console.log(`   in process (parser loaded):  ${ms(gateWarm)}`);
    console.log(
      `   whole process (node + wasm): ${ms(gateProc.ms)}   goal < 10000 ms: ${gateProc.ms < 10_000 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `   whole process, --liftoff-only: ${ms(gateLiftoff.ms)}   (no optimising wasm compile for Node to wait for at exit)`,
    );
    if (blocking.length)
      console.log(`   first blocking finding: ${blocking[0]!.ruleId} ${blocking[0]!.message}`);

    // 2. SQL analysis alone vs squawk on the same files.
    t0 = performance.now();
    const state = emptySchemaState();
    let ours = 0;
    for (const f of upFiles)
      ours += analyseStatements(parseSql(readFileSync(f, 'utf8'), f), state).findings.length;
    const loop = performance.now() - t0;
    const oursProc = wall(process.execPath, [self, '--analyse', ...upFiles]);
    const oursLiftoff = wall(process.execPath, ['--liftoff-only', self, '--analyse', ...upFiles]);
    const squawk = wall(peerBin('squawk-cli', '2.66.0', 'squawk'), ['--reporter', 'gcc', ...upFiles]);
    const squawkFindings = squawk.stdout.split('\n').filter((l) => /:\d+:\d+: /.test(l)).length;
    console.log(`\n2. SQL analysis alone, ${upFiles.length} files / ${statements} statements:`);
    console.log(
      `   ours, in process:       ${ms(loop)} (${Math.round(statements / (loop / 1000))} statements/s, ${ours} findings)`,
    );
    console.log(`   ours, whole process:    ${ms(oursProc.ms)}`);
    console.log(`   ours, whole process, --liftoff-only: ${ms(oursLiftoff.ms)}`);
    console.log(
      `   squawk ${'2.66'}, process:   ${ms(squawk.ms)} (exit ${squawk.status}, ${squawkFindings} findings${squawk.status !== 0 && squawkFindings === 0 ? `; stderr: ${squawk.stderr.slice(0, 200)}` : ''})`,
    );
    console.log(
      `   ratio ours/squawk, whole process: ${(oursProc.ms / squawk.ms).toFixed(2)}; with --liftoff-only: ${(oursLiftoff.ms / squawk.ms).toFixed(2)}; in-process loop: ${(loop / squawk.ms).toFixed(2)}  (< 1 = faster than squawk)`,
    );

    // 3. Back-out proof per migration, first 20 migrations.
    const subsetN = Math.min(20, n);
    const sub = mkdtempSync(join(tmpdir(), 'catalog-gate-bench-proof-'));
    writeCatalog(sub, migrations.slice(0, subsetN));
    const prove = async (label: string, options: { databaseUrl?: string }) => {
      const t = performance.now();
      const r = await runGate({
        workspace: sub,
        catalog: 'db/catalog/migrations.yaml',
        migrationsDir: 'db/migrations',
        proveBackout: true,
        ...options,
        ...(options.databaseUrl ? {} : { openDatabase: openPglite }),
      });
      const total = performance.now() - t;
      const per = r.entries
        .map((e) => e.backout.ms ?? NaN)
        .filter(Number.isFinite)
        .sort((a, b) => a - b);
      const proven = r.entries.filter((e) => e.backout.status === 'proven').length;
      const mean = per.reduce((a, b) => a + b, 0) / Math.max(per.length, 1);
      console.log(
        `   ${label.padEnd(22)} ${proven}/${subsetN} proven; per migration mean ${ms(mean)}, median ${ms(per[per.length >> 1] ?? NaN)}, max ${ms(per[per.length - 1] ?? NaN)}; whole run ${ms(total)} (incl. start-up)`,
      );
      const bad = r.entries.find((e) => e.backout.status !== 'proven');
      if (bad) console.log(`     first not proven: ${bad.id}: ${bad.backout.problems.join('; ')}`);
    };
    console.log(
      `\n3. back-out proof (apply up, snapshot, down, compare, re-apply) on the first ${subsetN} migrations:`,
    );
    await prove('PGlite (embedded):', {});
    const server = await startPgServer().catch((error: Error) => error);
    if (server instanceof Error) console.log(`   PostgreSQL: skipped (${server.message})`);
    else {
      try {
        await prove(`PostgreSQL :${server.port}:`, { databaseUrl: server.url });
      } finally {
        await server.stop();
      }
    }
    rmSync(sub, { recursive: true, force: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
