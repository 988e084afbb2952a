/**
 * A verdict per migration, the same on both engines: each migration is proven from the schema that
 * precedes it (a back-out that breaks the schema does not spoil the next verdicts), NOT NULL is
 * compared as a column property (PostgreSQL 18 in PGlite also names it as a constraint), PGlite
 * loads the contrib extensions the migrations create and names one it lacks.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import action from '../src/main.ts';
import { runGate, type GateReport } from '../src/gate.ts';
import { openPostgres } from '../src/backout.ts';
import { Redactor } from '../../../lib/redact.ts';
import type { ActionResult } from '../../../lib/action.ts';
import { testUnless } from '../../../test/support/components.ts';
import { postgresSkip, startPgServer, type PgServer } from './pg-server.ts';

interface M {
  id: string;
  up: string;
  down?: string;
}

function workspace(migrations: M[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-gate-ws-'));
  mkdirSync(join(dir, 'db/catalog'), { recursive: true });
  mkdirSync(join(dir, 'db/migrations'), { recursive: true });
  writeFileSync(
    join(dir, 'db/catalog/migrations.yaml'),
    migrations
      .map(
        (m) =>
          `- id: ${m.id}\n  service: s\n  risk: high\n  pii: false\n  rollout: offline\n  owner: '@t'\n  readiness: { locks: x, long_transactions: x, size_estimate: x }\n`,
      )
      .join(''),
  );
  for (const m of migrations) {
    writeFileSync(join(dir, `db/migrations/${m.id}.up.sql`), m.up);
    if (m.down !== undefined) writeFileSync(join(dir, `db/migrations/${m.id}.down.sql`), m.down);
  }
  return dir;
}

// Shared by both engines; ids are in catalog order.
const SAME: M[] = [
  {
    id: '2026-01-01-001-orders',
    up: 'CREATE TABLE orders (id int PRIMARY KEY, state text NOT NULL);',
    down: 'DROP TABLE orders;',
  },
  {
    // The back-out drops a column the up did not add: not proven, and it must not spoil 003.
    id: '2026-01-02-002-note',
    up: 'ALTER TABLE orders ADD COLUMN note text;',
    down: 'ALTER TABLE orders DROP COLUMN note;\nALTER TABLE orders DROP COLUMN state;',
  },
  {
    id: '2026-01-03-003-backfill',
    up: "UPDATE orders SET state = 'open' WHERE state IS NULL;",
    down: 'SELECT 1;',
  },
  { id: '2026-01-04-004-legacy', up: 'CREATE TABLE legacy (x int NOT NULL);', down: 'DROP TABLE legacy;' },
  {
    id: '2026-01-05-005-rename',
    up: 'ALTER TABLE legacy RENAME TO items;',
    down: 'ALTER TABLE items RENAME TO legacy;',
  },
  {
    // PostgreSQL 18 names the new NOT NULL items_x_not_null, the old one legacy_x_not_null.
    id: '2026-01-06-006-optional',
    up: 'ALTER TABLE items ALTER COLUMN x DROP NOT NULL;',
    down: 'ALTER TABLE items ALTER COLUMN x SET NOT NULL;',
  },
  {
    id: '2026-01-07-007-trgm',
    up: 'CREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE INDEX orders_state_trgm ON orders USING gin (state gin_trgm_ops);',
    down: 'DROP INDEX orders_state_trgm;\nDROP EXTENSION pg_trgm;',
  },
  {
    id: '2026-01-08-008-empty-down',
    up: '-- add a table\nCREATE TABLE audit (a int);\n',
    down: '-- nothing\n',
  },
  {
    id: '2026-01-09-009-after',
    up: 'ALTER TABLE audit ADD COLUMN b int;',
    down: 'ALTER TABLE audit DROP COLUMN b;',
  },
  {
    // Runs outside a transaction (CONCURRENTLY); its back-out does not recreate the index the up
    // drops. The schema is rebuilt for the next migration, which needs this up's column c.
    id: '2026-01-09-010-concurrent',
    up: 'ALTER TABLE audit ADD COLUMN c int;\nDROP INDEX IF EXISTS orders_state_trgm;\nCREATE INDEX CONCURRENTLY audit_c ON audit (c);',
    down: 'DROP INDEX audit_c;\nALTER TABLE audit DROP COLUMN c;',
  },
  {
    id: '2026-01-09-011-uses-c',
    up: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_c_a ON audit (c, a);',
    down: 'DROP INDEX CONCURRENTLY IF EXISTS audit_c_a;',
  },
];
const EXPECTED = [
  ...['proven', 'failed', 'proven', 'proven', 'proven', 'proven', 'proven', 'failed', 'proven'],
  ...['failed', 'proven'],
];

const statuses = (r: GateReport) => r.entries.map((e) => e.backout.status);
const inputs = { catalog: 'db/catalog/migrations.yaml', migrationsDir: 'db/migrations', proveBackout: true };

let pglite: ActionResult;
beforeAll(async () => {
  const ws = workspace([
    ...SAME,
    {
      id: '2026-01-10-012-postgis',
      up: 'CREATE EXTENSION IF NOT EXISTS postgis;',
      down: 'DROP EXTENSION postgis;',
    },
  ]);
  pglite = await action.run(
    { ...inputs, failOn: 'error', changedOnly: false, checkRun: false },
    {
      workspace: ws,
      tempDir: mkdtempSync(join(tmpdir(), 'catalog-gate-tmp-')),
      github: { apiUrl: 'http://127.0.0.1:1', serverUrl: 'http://127.0.0.1:1' },
      log: { info() {}, debug() {}, warning() {} },
      redactor: new Redactor(),
      now: () => new Date(0),
    },
  );
}, 120_000);

const pgliteReport = (): GateReport =>
  JSON.parse(readFileSync(pglite.outputs['report-path']!, 'utf8')) as GateReport;

test('PGlite: every migration gets its own verdict from the schema that precedes it', () => {
  expect(statuses(pgliteReport()).slice(0, SAME.length)).toStrictEqual(EXPECTED);
  expect(pgliteReport().entries[1]!.backout.problems).toContain(
    'column orders.state is missing after the back-out',
  );
});

test('PGlite: an extension it lacks is not provable, with the advice to use database-url', () => {
  const last = pgliteReport().entries.at(-1)!;
  expect(last.backout.status).toBe('not-provable');
  expect(last.backout.problems[0]).toMatch(
    /extension postgis is not available in the embedded PGlite; set database-url/,
  );
});

test('one short annotation per problem, at the line that causes it; the full list in the summary', () => {
  const notProven = pglite.annotations.filter((a) => a.title === 'backout-not-proven');
  expect(notProven.map((a) => [a.file, a.line])).toStrictEqual([
    ['db/migrations/2026-01-02-002-note.down.sql', 1],
    ['db/migrations/2026-01-08-008-empty-down.up.sql', 2],
    // The up's DROP INDEX, which the back-out does not undo.
    ['db/migrations/2026-01-09-010-concurrent.up.sql', 2],
  ]);
  expect(notProven[1]!.message).toBe(
    '2026-01-08-008-empty-down: the back-out db/migrations/2026-01-08-008-empty-down.down.sql is empty but db/migrations/2026-01-08-008-empty-down.up.sql creates table audit (and 2 more differences; see the job summary)',
  );
  for (const a of pglite.annotations) expect(a.message.length).toBeLessThan(400);
  expect(pglite.summary).toMatch(/### Back-out proof/);
  expect(pglite.summary).toMatch(/- column orders\.state is missing after the back-out/);
});

const skip = postgresSkip();
let server: PgServer | undefined;
afterAll(async () => server?.stop());

testUnless(skip)(
  'PostgreSQL gives the same verdicts (template-free: the savepoint keeps each start state)',
  async () => {
    server = await startPgServer();
    const admin = await openPostgres(server.url);
    await admin.exec('CREATE DATABASE proof');
    await admin.close();
    const report = await runGate({
      ...inputs,
      workspace: workspace(SAME),
      databaseUrl: server.url.replace(/\/postgres$/, '/proof'),
    });
    expect(report.findings.filter((f) => f.ruleId === 'backout-database')).toStrictEqual([]);
    expect(statuses(report)).toStrictEqual(EXPECTED);
    expect(statuses(report)).toStrictEqual(statuses(pgliteReport()).slice(0, SAME.length));
  },
  120_000,
);
