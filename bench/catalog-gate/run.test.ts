import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadParser, parseSql } from '../../actions/catalog-gate/src/sql/parser.ts';
import { generate } from './run.ts';

before(async () => {
  await loadParser();
});

test('the generated catalog has the size the README quotes (1,000 migrations, ~5,000 statements)', () => {
  const migrations = generate(1000);
  const statements = migrations.reduce((acc, m) => acc + parseSql(m.up).length, 0);
  assert.equal(migrations.length, 1000);
  assert.ok(
    statements >= 4900 && statements <= 5100,
    `bench/catalog-gate/run.ts: ${statements} statements, not ~5,000`,
  );
  const readme = readFileSync(new URL('../../actions/catalog-gate/README.md', import.meta.url), 'utf8');
  const quoted = /generates 1,000 migrations \(([\d,]+) statements\)/.exec(readme);
  assert.ok(
    quoted,
    'actions/catalog-gate/README.md: the Performance section does not say how many statements',
  );
  assert.equal(
    Number(quoted[1]!.replace(/,/g, '')),
    statements,
    'actions/catalog-gate/README.md: statement count out of date',
  );
});

test('every generated migration applies in order: its ids ascend and each up script parses', () => {
  const migrations = generate(40);
  const ids = migrations.map((m) => m.id);
  assert.deepEqual([...ids].sort(), ids);
  for (const m of migrations) assert.ok(parseSql(m.up).length > 0, m.id);
});
