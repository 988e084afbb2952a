/**
 * The back-out proof on embedded PGlite, which cannot interrupt a statement itself: a migration
 * that never ends is stopped by the timeout (PGlite runs on a worker thread that is ended), the
 * migration is "not provable" with the reason, and the next one is still proven from the schema
 * rebuilt on a fresh PGlite.
 */
import { expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGate } from '../src/gate.ts';
import { openPglite, SessionEndedError } from '../src/backout.ts';
import { rejectionOf } from '../../../test/support/errors.ts';

function workspace(migrations: { id: string; up: string; down: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-gate-pglite-'));
  mkdirSync(join(dir, 'db/catalog'), { recursive: true });
  mkdirSync(join(dir, 'db/migrations'), { recursive: true });
  const yaml = migrations
    .map(
      (m) =>
        `- id: ${m.id}\n  service: s\n  risk: high\n  pii: false\n  rollout: offline\n  owner: '@t'\n  readiness: { locks: x, long_transactions: x, size_estimate: x }\n`,
    )
    .join('');
  writeFileSync(join(dir, 'db/catalog/migrations.yaml'), yaml);
  for (const m of migrations) {
    writeFileSync(join(dir, `db/migrations/${m.id}.up.sql`), m.up);
    writeFileSync(join(dir, `db/migrations/${m.id}.down.sql`), m.down);
  }
  return dir;
}

test('PGlite: an endless migration is ended by the timeout; the next migration is proven on the rebuilt schema', async () => {
  const ws = workspace([
    { id: '2026-04-01-001-base', up: 'CREATE TABLE base (a int);', down: 'DROP TABLE base;' },
    { id: '2026-04-02-002-endless', up: 'DO $$ BEGIN LOOP END LOOP; END $$;', down: 'SELECT 1;' },
    // Fails unless `base` (made by the first migration) is there again after the restart.
    {
      id: '2026-04-03-003-next',
      up: 'ALTER TABLE base ADD COLUMN b text;',
      down: 'ALTER TABLE base DROP COLUMN b;',
    },
  ]);
  const report = await runGate({
    workspace: ws,
    catalog: 'db/catalog/migrations.yaml',
    migrationsDir: 'db/migrations',
    proveBackout: true,
    timeouts: { statementMs: 1000, lockMs: 1000, idleInTransactionMs: 5000 },
  });
  expect(report.entries.map((e) => e.backout.status)).toStrictEqual(['proven', 'not-provable', 'proven']);
  expect(report.entries[1]!.backout.problems[0]).toMatch(/ended after a statement ran for 1 s/);
}, 60_000);

test('PGlite session: each endless statement fails as resumable, the next call runs on a fresh database, close ends it', async () => {
  const db = await openPglite([], { statementMs: 500 });
  for (const endless of [
    'DO $$ BEGIN LOOP END LOOP; END $$',
    'SELECT pg_sleep(600)',
    'SELECT count(*) FROM generate_series(1, 100000000000)',
  ]) {
    await db.exec('CREATE TABLE t (a int)');
    const error = await rejectionOf(db.exec(endless));
    expect(error).toBeInstanceOf(SessionEndedError);
    expect((error as SessionEndedError).resumable).toBe(true);
    // Fresh and empty: the table of the ended session is gone.
    expect(await db.rows(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 't'`)).toStrictEqual([
      { n: 0 },
    ]);
  }
  const bad = await rejectionOf(db.exec('SELECT * FROM missing_table'));
  expect(bad).not.toBeInstanceOf(SessionEndedError);
  expect((bad as Error & { code?: string }).code).toBe('42P01');
  await db.close();
  expect(((await rejectionOf(db.exec('SELECT 1'))) as Error).message).toMatch(/closed/);
}, 60_000);
