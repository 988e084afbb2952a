import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkDrift,
  checkPolicy,
  checkRisk,
  parseCatalog,
  rollbackOf,
  type Catalog,
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
  assert.deepEqual(problems, []);
  return catalog!;
}

const brief = (fs: Finding[]) => fs.map((f) => `${f.ruleId}@${f.location?.line}`);

test('a valid catalog parses with no problems', () => {
  const c = load(GOOD);
  assert.equal(c.entries.length, 2);
  assert.deepEqual(checkPolicy(c, new Set()), []);
  assert.deepEqual(
    checkDrift(c, 'db/migrations', [
      '2026-11-01-001-add-user-phone.up.sql',
      '2026-11-01-001-add-user-phone.down.sql',
      '2026-11-02-002-reindex-events.up.sql',
    ]),
    [],
  );
});

test('malformed YAML is reported at its line', () => {
  const { catalog, problems } = parseCatalog(FILE, '- id: a\n  service: [unclosed\n  risk: low\n');
  assert.equal(catalog, undefined);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.ruleId, 'catalog-yaml');
  assert.equal(problems[0]!.location!.file, FILE);
  assert.ok(problems[0]!.location!.line >= 2, `line ${problems[0]!.location!.line}`);
});

test('unknown keys and bad values are reported at the exact line:column', () => {
  const text = GOOD.replace('  rollout: online\n', '  rollout: online\n  rolback: oops\n').replace(
    'risk: medium',
    'risk: severe',
  );
  const { problems } = parseCatalog(FILE, text);
  const unknown = problems.find((p) => /unknown key 'rolback'/.test(p.message));
  assert.ok(unknown, JSON.stringify(problems));
  assert.equal(unknown.location!.line, 11);
  assert.equal(unknown.location!.column, 3);
  const risk = problems.find((p) => /risk must be one of/.test(p.message));
  assert.ok(risk);
  assert.equal(risk.location!.line, 16);
  assert.equal(risk.location!.column, 9);
});

test('a bad id format is a schema error at the id line', () => {
  const { problems } = parseCatalog(
    FILE,
    GOOD.replace('2026-11-02-002-reindex-events', '2026-13-02-2-Reindex'),
  );
  assert.deepEqual(brief(problems), ['catalog-schema@13']);
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
  assert.deepEqual(
    brief(problems).sort(),
    [
      'drift-duplicate-id@24',
      'drift-entry-without-file@13',
      'drift-file-without-entry@1',
      'drift-out-of-order@24',
    ].sort(),
  );
  const orphan = problems.find((p) => p.ruleId === 'drift-file-without-entry')!;
  assert.equal(orphan.location!.file, 'db/migrations/2026-11-03-003-orphan.up.sql');
  assert.match(problems.find((p) => p.ruleId === 'drift-duplicate-id')!.message, /first at line 2/);
  assert.deepEqual(brief(checkDrift(c, 'db/nope', null)), ['drift-missing-dir@1']);
  assert.match(checkDrift(c, 'db/nope', null)[0]!.message, /db\/nope/);
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
  assert.deepEqual(brief(p), ['rollback-target-missing@11', 'rollback-target-missing@18']);
});

test('policy: PII without retention, field PII without retention, owner missing, medium without rollback/readiness', () => {
  const text = GOOD.replace('  retention_days: 365\n', '')
    .replace("  owner: '@accounts-team'\n", '')
    .replace('  rollback: DROP INDEX CONCURRENTLY IF EXISTS events_created_at_idx\n', '')
    .replace(/ {2}readiness:\n( {4}.*\n)+/, '');
  const c = load(text);
  assert.deepEqual(
    brief(checkPolicy(c, new Set())).sort(),
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
  assert.deepEqual(
    checkPolicy(c, new Set()).map((f) => f.ruleId),
    ['rollback-required'],
  );
  assert.deepEqual(checkPolicy(c, new Set(['2026-11-02-002-reindex-events.down.sql'])), []);
  assert.deepEqual(rollbackOf(c.entries[1]!, new Set(['2026-11-02-002-reindex-events.down.sql'])), {
    kind: 'file',
    file: '2026-11-02-002-reindex-events.down.sql',
  });
});

test('rollback kinds', () => {
  const base = load(GOOD).entries[0]!;
  assert.deepEqual(rollbackOf({ ...base, rollback: 'revert 2026-12-01-001-x' }, new Set()), {
    kind: 'revert',
    id: '2026-12-01-001-x',
  });
  assert.deepEqual(rollbackOf({ ...base, rollback: 'ALTER TABLE users DROP COLUMN phone' }, new Set()), {
    kind: 'inline',
    sql: 'ALTER TABLE users DROP COLUMN phone',
  });
  assert.deepEqual(rollbackOf({ ...base, rollback: undefined }, new Set()), { kind: 'none' });
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
  assert.ok(f);
  assert.equal(f.location!.line, 4);
  assert.match(
    f.message,
    /declares risk low but the SQL is medium risk \(create-index-not-concurrent at db\/migrations\/a\.up\.sql:4\)/,
  );
  assert.equal(checkRisk(c, 1, 'medium', []), undefined);
  assert.equal(checkRisk(c, 1, 'low', []), undefined);
});

test('an empty catalog file is an empty catalog', () => {
  assert.deepEqual(load('').entries, []);
});
