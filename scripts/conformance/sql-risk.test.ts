import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadParser } from '../../actions/catalog-gate/src/sql/parser.ts';
import { existsSync, readFileSync } from 'node:fs';
import { MAPPING, casesDir, measure, verdictOf, type Case } from './sql-risk.ts';

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

test(
  'the README quotes the overall figure the labelled cases give today',
  { skip: !existsSync(casesDir) && 'no ../shared/eval/sql-risk here' },
  () => {
    const readme = readFileSync(new URL('../../actions/catalog-gate/README.md', import.meta.url), 'utf8');
    const quoted = /Overall agreement: \*\*(\d+)\/(\d+) = ([\d.]+)%\*\*/.exec(readme);
    assert.ok(
      quoted,
      'actions/catalog-gate/README.md: no "Overall agreement: **a/b = p%**" line in the Conformance section',
    );
    const { agree, total } = measure();
    assert.equal(
      `${quoted[1]}/${quoted[2]} = ${quoted[3]}%`,
      `${agree}/${total} = ${((100 * agree) / total).toFixed(1)}%`,
      'actions/catalog-gate/README.md: the Conformance figure is out of date; run npx node scripts/conformance/sql-risk.ts and copy it',
    );
  },
);
