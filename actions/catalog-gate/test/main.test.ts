import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import action from '../src/main.ts';
import { Redactor } from '../../../lib/redact.ts';
import type { RunContext } from '../../../lib/action.ts';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-gate-ws-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function context(ws: string): RunContext {
  const warnings: string[] = [];
  return { workspace: ws, tempDir: mkdtempSync(join(tmpdir(), 'catalog-gate-tmp-')), github: { apiUrl: 'http://127.0.0.1:1', serverUrl: 'http://127.0.0.1:1' }, log: { info() {}, debug() {}, warning: (m) => warnings.push(m) }, redactor: new Redactor(), now: () => new Date(0) };
}

const CATALOG = `- id: 2026-11-01-001-add-index
  service: accounts
  risk: low
  pii: false
  rollout: online
  owner: '@team'
`;

test('understated risk fails the step with annotations at the YAML and SQL lines, SARIF and report written', async () => {
  const ws = workspace({
    'db/catalog/migrations.yaml': CATALOG,
    'db/migrations/2026-11-01-001-add-index.up.sql': "CREATE TABLE t (a int);\n-- later\nSET lock_timeout = '2s';\nCREATE INDEX ti ON users (a);\n",
  });
  const result = await action.run({ catalog: 'db/catalog/migrations.yaml', migrationsDir: 'db/migrations', proveBackout: false, failOn: 'error', changedOnly: false }, context(ws));
  assert.ok(result.failure);
  const understated = result.annotations.find((a) => a.title === 'risk-understated')!;
  assert.equal(understated.file, 'db/catalog/migrations.yaml');
  assert.equal(understated.line, 3);
  assert.match(understated.message, /declares risk low but the SQL is medium risk \(create-index-not-concurrent at db\/migrations\/2026-11-01-001-add-index\.up\.sql:4\)/);
  const sql = result.annotations.find((a) => a.title === 'create-index-not-concurrent')!;
  assert.equal(sql.file, 'db/migrations/2026-11-01-001-add-index.up.sql');
  assert.equal(sql.line, 4);
  assert.equal(result.outputs['violations'], '1');
  const sarif = JSON.parse(readFileSync(result.outputs['sarif-path']!, 'utf8'));
  assert.ok(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'risk-understated'));
  assert.ok(existsSync(result.outputs['report-path']!));
  assert.match(result.summary, /\| 2026-11-01-001-add-index \| accounts \| low / );
  assert.match(result.summary, /medium ✗/);
  assert.match(result.summary, /DROP INDEX CONCURRENTLY IF EXISTS ti;/);
  assert.equal(result.checkRun?.conclusion, 'failure');
});

test('risks the entry declares are acknowledged as notices, not violations', async () => {
  const ws = workspace({ 'db/catalog/migrations.yaml': CATALOG.replace('risk: low', 'risk: medium') + "  rollback: DROP INDEX ti\n  readiness: {locks: SHARE, long_transactions: none, size_estimate: small}\n", 'db/migrations/2026-11-01-001-add-index.up.sql': 'CREATE INDEX ti ON users (a);\n' });
  const asError = await action.run({ catalog: 'db/catalog/migrations.yaml', migrationsDir: 'db/migrations', proveBackout: false, failOn: 'error', changedOnly: false }, context(ws));
  assert.equal(asError.failure, undefined, JSON.stringify(asError.annotations));
  assert.equal(asError.outputs['violations'], '0');
});

test('a migrations dir that does not exist is an error naming it', async () => {
  const ws = workspace({ 'db/catalog/migrations.yaml': CATALOG });
  const result = await action.run({ catalog: 'db/catalog/migrations.yaml', migrationsDir: 'db/nope', proveBackout: true, failOn: 'error', changedOnly: false }, context(ws));
  assert.ok(result.failure);
  assert.ok(result.annotations.some((a) => a.title === 'drift-missing-dir' && /db\/nope/.test(a.message)));
});

test('SQL the parser rejects is an annotation at its line', async () => {
  const ws = workspace({ 'db/catalog/migrations.yaml': CATALOG, 'db/migrations/2026-11-01-001-add-index.up.sql': 'SELECT 1;\nCREAT INDEX x ON t (a);\n' });
  const result = await action.run({ catalog: 'db/catalog/migrations.yaml', migrationsDir: 'db/migrations', proveBackout: false, failOn: 'error', changedOnly: false }, context(ws));
  const a = result.annotations.find((x) => x.title === 'sql-parse-error')!;
  assert.equal(a.line, 2);
  assert.match(a.message, /syntax error at or near "CREAT"/);
});

test('an unreachable database-url fails with host:port and no credentials', async () => {
  const ws = workspace({ 'db/catalog/migrations.yaml': CATALOG.replace('risk: low', 'risk: medium') + "  rollback: DROP INDEX ti\n  readiness: {locks: SHARE, long_transactions: none, size_estimate: small}\n", 'db/migrations/2026-11-01-001-add-index.up.sql': 'CREATE TABLE t (a int);\n' });
  const pw = ['pa', 'ss', 'w0rd'].join('');
  const result = await action.run({ catalog: 'db/catalog/migrations.yaml', migrationsDir: 'db/migrations', proveBackout: true, databaseUrl: `postgres://admin:${pw}@127.0.0.1:1/x`, failOn: 'error', changedOnly: false }, context(ws));
  const a = result.annotations.find((x) => x.title === 'backout-database')!;
  assert.match(a.message, /127\.0\.0\.1:1/);
  assert.ok(!a.message.includes(pw) && !a.message.includes('admin'));
  assert.ok(result.failure);
});
