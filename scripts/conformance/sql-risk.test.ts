import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadParser } from '../../actions/catalog-gate/src/sql/parser.ts';
import { MAPPING, verdictOf, type Case } from './sql-risk.ts';

before(async () => {
  await loadParser();
});

const c = (sql: string, extra: Partial<Case> = {}): Case => ({ source: 't', sql, verdict: 'ok', ...extra });

test('a statement that used to crash the analyser is a verdict, not a parse error', () => {
  const r = verdictOf(
    c('ALTER TABLE legacy_invoices ALTER COLUMN amount TYPE bigint USING amount::bigint;'),
    MAPPING['ChangingColumnType']!,
  );
  assert.deepEqual(r, { verdict: 'violation', found: ['alter-column-type'] });
});

test('only SQL PostgreSQL rejects is a parse error, with the parser message', () => {
  const r = verdictOf(c('ALTER TABLE t ADD COLUMN;'), MAPPING['ChangingColumnType']!);
  assert.equal(r.verdict, 'parse-error');
  assert.match(r.error ?? '', /syntax error/);
});
