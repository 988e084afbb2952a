import { expect, test } from '@jest/globals';
import { expectTruthy } from '../../../test/support/narrow.ts';

import {
  checkDrift,
  checkPolicy,
  checkRisk,
  compareIds,
  parseCatalog,
  revertsItself,
  rollbackOf,
  type Catalog,
  type CatalogEntry,
} from '../src/catalog.ts';
import type { Finding } from '../../../lib/report/types.ts';

const FILE = 'db/catalog/migrations.yaml';

const GOOD = `# catalog
- id: 2026-11-01-001-add-user-phone
  service: accounts
  risk: low
  pii: true
  retention_days: 365
  fields:
    - name: users.phone
      pii: true
  rollout: online
  rollback: 2026-11-01-001-add-user-phone.down.sql
  owner: '@accounts-team'
- id: 2026-11-02-002-reindex-events
  service: events
  risk: medium
  pii: false
  rollout: concurrent_index
  rollback: DROP INDEX CONCURRENTLY IF EXISTS events_created_at_idx
  owner: '@data-platform'
  readiness:
    locks: SHARE UPDATE EXCLUSIVE only
    long_transactions: checked pg_stat_activity
    size_estimate: 40M rows
`;

function load(text: string): Catalog {
  const { catalog, problems } = parseCatalog(FILE, text);
  expect(problems).toStrictEqual([]);
  return catalog!;
}

const brief = (fs: Finding[]) => fs.map((f) => `${f.ruleId}@${f.location?.line}`);

test('a valid catalog parses with no problems', () => {
  const c = load(GOOD);
  expect(c.entries.length).toBe(2);
  expect(checkPolicy(c, new Set())).toStrictEqual([]);
  expect(
    checkDrift(c, 'db/migrations', [
      '2026-11-01-001-add-user-phone.up.sql',
      '2026-11-01-001-add-user-phone.down.sql',
      '2026-11-02-002-reindex-events.up.sql',
    ]),
  ).toStrictEqual([]);
});

test('malformed YAML is reported at its line', () => {
  const { catalog, problems } = parseCatalog(FILE, '- id: a\n  service: [unclosed\n  risk: low\n');
  expect(catalog).toBe(undefined);
  expect(problems.length).toBe(1);
  expect(problems[0]!.ruleId).toBe('catalog-yaml');
  expect(problems[0]!.location!.file).toBe(FILE);
  expect(problems[0]!.location!.line).toBeGreaterThanOrEqual(2);
});

test('unknown keys and bad values are reported at the exact line:column', () => {
  const text = GOOD.replace('  rollout: online\n', '  rollout: online\n  rolback: oops\n').replace(
    'risk: medium',
    'risk: severe',
  );
  const { problems } = parseCatalog(FILE, text);
  const unknown = problems.find((p) => /unknown key 'rolback'/.test(p.message));
  expectTruthy(unknown);
  expect(unknown.location!.line).toBe(11);
  expect(unknown.location!.column).toBe(3);
  const risk = problems.find((p) => /risk must be one of/.test(p.message));
  expectTruthy(risk);
  expect(risk.location!.line).toBe(16);
  expect(risk.location!.column).toBe(9);
});

test('an id that is no safe file stem (a path, a space, a leading dot) is a schema error at the id line', () => {
  for (const bad of ['../etc/x', 'add phone', '.hidden', 'a/b', '']) {
    const { problems } = parseCatalog(FILE, GOOD.replace('2026-11-02-002-reindex-events', `'${bad}'`));
    expect(brief(problems)).toStrictEqual(['catalog-schema@13']);
  }
});

test('ids as migration tools name files are accepted, and ascend in natural order', () => {
  const entry = (id: string) =>
    `- id: ${id}\n  service: s\n  risk: low\n  pii: false\n  rollout: online\n  owner: '@o'\n`;
  const catalogOf = (ids: string[]) => load(ids.map(entry).join(''));
  const drift = (ids: string[]) =>
    brief(
      checkDrift(
        catalogOf(ids),
        'db/migrations',
        ids.flatMap((id) => [`${id}.up.sql`, `${id}.down.sql`]),
      ),
    );
  // golang-migrate, Flyway (V2 before V10), timestamps (Rails, Prisma), the YYYY-MM-DD-NNN form.
  expect(
    drift(['000001_create_teams', '000002_create_team_members', '000061_upgrade_channels_v6.0']),
  ).toStrictEqual([]);
  expect(drift(['V1__init', 'V2__add_index', 'V10__backfill'])).toStrictEqual([]);
  expect(drift(['20240101120000_create_users', '20240102093000_add_email'])).toStrictEqual([]);
  expect(drift(['2026-11-01-001-a', '2026-11-01-002-b', '2026-11-02-001-c'])).toStrictEqual([]);
  expect(drift(['V10__backfill', 'V2__add_index'])).toStrictEqual(['drift-out-of-order@7']);
  expect(compareIds('V2__x', 'V10__x')).toBeLessThan(0);
  expect(compareIds('000010_a', '000002_b')).toBeGreaterThan(0);
  expect(compareIds('001_a', '1_a')).not.toBe(0);
});

test("revert with the entry's own id or its version prefix runs its own down file, whatever the naming", () => {
  const own = (id: string, target: string) => revertsItself({ id } as CatalogEntry, target);
  expect(own('2025-11-10-001-add-user-phone', '2025-11-10-001')).toBe(true);
  expect(own('000061_upgrade_channels', '000061')).toBe(true);
  expect(own('V3__add_index', 'V3')).toBe(true);
  expect(own('20240101120000_create_users', '20240101120000')).toBe(true);
  expect(own('V3__add_index', 'V3__add_index')).toBe(true);
  // Not the whole version: a part of the date, another number, a part of the name.
  expect(own('2025-11-10-001-add-user-phone', '2025')).toBe(false);
  expect(own('2025-11-10-001-add-user-phone', '2025-11-10')).toBe(false);
  expect(own('000061_upgrade_channels', '00006')).toBe(false);
  expect(own('V3__add_index', 'V3__add')).toBe(false);
});

test('drift: file without entry, entry without file, duplicate id, out of order, missing dir', () => {
  const dup =
    GOOD +
    `- id: 2026-11-01-001-add-user-phone
  service: accounts
  risk: low
  pii: false
  rollout: online
  owner: '@a'
`;
  const c = load(dup);
  const problems = checkDrift(c, 'db/migrations', [
    '2026-11-01-001-add-user-phone.up.sql',
    '2026-11-01-001-add-user-phone.down.sql',
    '2026-11-03-003-orphan.up.sql',
    'README.md',
  ]);
  expect(brief(problems).sort()).toStrictEqual(
    [
      'drift-duplicate-id@24',
      'drift-entry-without-file@13',
      'drift-file-without-entry@1',
      'drift-out-of-order@24',
    ].sort(),
  );
  const orphan = problems.find((p) => p.ruleId === 'drift-file-without-entry')!;
  expect(orphan.location!.file).toBe('db/migrations/2026-11-03-003-orphan.up.sql');
  expect(problems.find((p) => p.ruleId === 'drift-duplicate-id')!.message).toMatch(/first at line 2/);
  expect(brief(checkDrift(c, 'db/nope', null))).toStrictEqual(['drift-missing-dir@1']);
  expect(checkDrift(c, 'db/nope', null)[0]!.message).toMatch(/db\/nope/);
});

test('drift: a rollback file or revert target that does not exist', () => {
  const c = load(
    GOOD.replace('rollback: 2026-11-01-001-add-user-phone.down.sql', 'rollback: missing.down.sql').replace(
      'rollback: DROP INDEX CONCURRENTLY IF EXISTS events_created_at_idx',
      'rollback: revert 2099-01-01-001-nope',
    ),
  );
  const p = checkDrift(c, 'db/migrations', [
    '2026-11-01-001-add-user-phone.up.sql',
    '2026-11-02-002-reindex-events.up.sql',
  ]);
  expect(brief(p)).toStrictEqual(['rollback-target-missing@11', 'rollback-target-missing@18']);
});

test('policy: PII without retention, field PII without retention, owner missing, medium without rollback/readiness', () => {
  const text = GOOD.replace('  retention_days: 365\n', '')
    .replace("  owner: '@accounts-team'\n", '')
    .replace('  rollback: DROP INDEX CONCURRENTLY IF EXISTS events_created_at_idx\n', '')
    .replace(/ {2}readiness:\n( {4}.*\n)+/, '');
  const c = load(text);
  expect(brief(checkPolicy(c, new Set())).sort()).toStrictEqual(
    [
      'owner-required@2',
      'pii-retention-required@5',
      'pii-retention-required@8',
      'readiness-required@13',
      'rollback-required@13',
    ].sort(),
  );
});

test('policy: a conventional down file counts as the rollback', () => {
  const c = load(GOOD.replace('  rollback: DROP INDEX CONCURRENTLY IF EXISTS events_created_at_idx\n', ''));
  expect(checkPolicy(c, new Set()).map((f) => f.ruleId)).toStrictEqual(['rollback-required']);
  expect(checkPolicy(c, new Set(['2026-11-02-002-reindex-events.down.sql']))).toStrictEqual([]);
  expect(rollbackOf(c.entries[1]!, new Set(['2026-11-02-002-reindex-events.down.sql']))).toStrictEqual({
    kind: 'file',
    file: '2026-11-02-002-reindex-events.down.sql',
  });
});

test('rollback kinds', () => {
  const base = load(GOOD).entries[0]!;
  expect(rollbackOf({ ...base, rollback: 'revert 2026-12-01-001-x' }, new Set())).toStrictEqual({
    kind: 'revert',
    id: '2026-12-01-001-x',
  });
  expect(rollbackOf({ ...base, rollback: 'ALTER TABLE users DROP COLUMN phone' }, new Set())).toStrictEqual({
    kind: 'inline',
    sql: 'ALTER TABLE users DROP COLUMN phone',
  });
  expect(rollbackOf({ ...base, rollback: undefined }, new Set())).toStrictEqual({ kind: 'none' });
});

test('risk: declared lower than detected is an error showing both, at the risk line', () => {
  const c = load(GOOD);
  const f = checkRisk(c, 0, 'medium', [
    {
      ruleId: 'create-index-not-concurrent',
      risk: 'medium',
      level: 'warning',
      message: '',
      line: 4,
      column: 1,
      statement: 1,
      file: 'db/migrations/a.up.sql',
    },
  ]);
  expectTruthy(f);
  expect(f.location!.line).toBe(4);
  expect(f.message).toMatch(
    /declares risk low but the SQL is medium risk \(create-index-not-concurrent at db\/migrations\/a\.up\.sql:4\)/,
  );
  expect(checkRisk(c, 1, 'medium', [])).toBe(undefined);
  expect(checkRisk(c, 1, 'low', [])).toBe(undefined);
});

test('an empty catalog file is an empty catalog', () => {
  expect(load('').entries).toStrictEqual([]);
});
