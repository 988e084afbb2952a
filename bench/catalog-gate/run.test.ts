import { beforeAll, expect, test } from '@jest/globals';
import { expectTruthy } from '../../test/support/narrow.ts';

import { readFileSync } from 'node:fs';
import { loadParser, parseSql } from '../../actions/catalog-gate/src/sql/parser.ts';
import { generate } from './run.ts';

beforeAll(async () => {
  await loadParser();
});

test('the generated catalog has the size the README quotes (1,000 migrations, ~5,000 statements)', () => {
  const migrations = generate(1000);
  const statements = migrations.reduce((acc, m) => acc + parseSql(m.up).length, 0);
  expect(migrations.length).toBe(1000);
  expect(statements >= 4900 && statements <= 5100).toBeTruthy();
  const readme = readFileSync(new URL('../../actions/catalog-gate/README.md', import.meta.url), 'utf8');
  const quoted = /generates 1,000 migrations \(([\d,]+) statements\)/.exec(readme);
  expectTruthy(quoted);
  expect(Number(quoted[1]!.replace(/,/g, ''))).toBe(statements);
});

test('every generated migration applies in order: its ids ascend and each up script parses', () => {
  const migrations = generate(40);
  const ids = migrations.map((m) => m.id);
  expect([...ids].sort()).toStrictEqual(ids);
  for (const m of migrations) expect(parseSql(m.up).length).toBeGreaterThan(0);
});

test('the real-history corpus has 346 migrations with the shapes the benchmark claims, ids ascending', async () => {
  const { corpus, CORPUS_SIZE } = await import('./corpus.ts');
  const migrations = corpus();
  expect(migrations.length).toBe(CORPUS_SIZE);
  expect(CORPUS_SIZE).toBe(346);
  const ids = migrations.map((m) => m.id);
  expect([...ids].sort()).toStrictEqual(ids);
  const count = (re: RegExp, field: 'up' | 'down' = 'up') =>
    migrations.filter((m) => re.test(m[field])).length;
  expect(count(/"public"\."legacy_/)).toBeGreaterThan(5); // machine-converted
  expect(count(/^--[^\n]*\n$/, 'down')).toBeGreaterThan(10); // empty down files
  expect(count(/ALTER COLUMN id TYPE UUID/)).toBeGreaterThan(10); // same-type changes
  expect(count(/CREATE EXTENSION/)).toBeGreaterThan(10);
  expect(count(/DELETE FROM \w+;/)).toBeGreaterThan(10);
  for (const m of migrations) expect(parseSql(m.up).length).toBeGreaterThan(0);
});
