/**
 * The sprint plan's two catalog entries, with the fields this gate requires added (`pii`, `owner`,
 * and the readiness checklist of a medium-risk entry): `revert 2025-11-10-001` on
 * `2025-11-10-001-add-user-phone` means "revert this migration", i.e. run its own down file.
 */
import { expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGate } from '../src/gate.ts';
import { sharedPglite } from './shared-pglite.ts';

const CATALOG = `- id: 2025-11-01-000-baseline
  service: user
  risk: low
  pii: true
  retention_days: 365
  rollout: online
  owner: '@data'
- id: 2025-11-10-001-add-user-phone
  service: user
  risk: medium
  pii: true
  retention_days: 365
  rollout: online
  rollback: 'revert 2025-11-10-001'
  owner: '@data'
  readiness: { locks: ACCESS EXCLUSIVE on users for a catalog-only change, long_transactions: none over 1 min, size_estimate: users 2M rows }
- id: 2025-11-12-002-reindex-events
  service: events
  risk: low
  pii: false
  rollout: concurrent_index
  rollback: 'drop index concurrently if exists events_ts_idx'
  owner: '@data'
`;

function workspace(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-gate-seed-'));
  mkdirSync(join(dir, 'db/catalog'), { recursive: true });
  mkdirSync(join(dir, 'db/migrations'), { recursive: true });
  const files: Record<string, string> = {
    'db/catalog/migrations.yaml': CATALOG,
    'db/migrations/2025-11-01-000-baseline.up.sql':
      'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE TABLE events (id bigint, ts timestamptz);\n',
    'db/migrations/2025-11-01-000-baseline.down.sql': 'DROP TABLE events;\nDROP TABLE users;\n',
    'db/migrations/2025-11-10-001-add-user-phone.up.sql':
      "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN phone text;\n",
    'db/migrations/2025-11-10-001-add-user-phone.down.sql': 'ALTER TABLE users DROP COLUMN phone;\n',
    'db/migrations/2025-11-12-002-reindex-events.up.sql':
      'CREATE INDEX CONCURRENTLY events_ts_idx ON events (ts);\n',
    ...extra,
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const options = (ws: string) => ({
  workspace: ws,
  catalog: 'db/catalog/migrations.yaml',
  migrationsDir: 'db/migrations',
  proveBackout: true,
  openDatabase: sharedPglite(),
});

test("the seed's entries pass: 'revert <own date-number prefix>' proves the migration's own down file", async () => {
  const report = await runGate(options(workspace()));
  expect(report.findings.filter((f) => f.level === 'error')).toStrictEqual([]);
  expect(report.entries.map((e) => [e.id, e.backout.kind, e.backout.status])).toStrictEqual([
    ['2025-11-01-000-baseline', 'file', 'proven'],
    ['2025-11-10-001-add-user-phone', 'file', 'proven'],
    ['2025-11-12-002-reindex-events', 'inline', 'proven'],
  ]);
});

test('reverting itself needs the down file: a missing one is rollback-target-missing at the rollback line', async () => {
  const ws = workspace();
  const { rmSync } = await import('node:fs');
  rmSync(join(ws, 'db/migrations/2025-11-10-001-add-user-phone.down.sql'));
  const report = await runGate({ ...options(ws), proveBackout: false });
  const f = report.findings.filter((x) => x.ruleId === 'rollback-target-missing');
  expect(f.map((x) => [x.location?.line, x.message])).toStrictEqual([
    [
      14,
      "'revert 2025-11-10-001' reverts this migration with its down file, but db/migrations/2025-11-10-001-add-user-phone.down.sql does not exist",
    ],
  ]);
});
