import { beforeAll, expect, test } from '@jest/globals';
import { missingComponent, testUnless } from '../../test/support/components.ts';
import { expectTruthy } from '../../test/support/narrow.ts';

import { loadParser } from '../../actions/catalog-gate/src/sql/parser.ts';
import { existsSync, readFileSync } from 'node:fs';
import { MAPPING, casesDir, measure, verdictOf, type Case } from './sql-risk.ts';

beforeAll(async () => {
  await loadParser();
});

const c = (sql: string, extra: Partial<Case> = {}): Case => ({ source: 't', sql, verdict: 'ok', ...extra });

test('a statement that used to crash the analyser is a verdict, not a parse error', () => {
  const r = verdictOf(
    c('ALTER TABLE legacy_invoices ALTER COLUMN amount TYPE bigint USING amount::bigint;'),
    MAPPING['ChangingColumnType']!,
  );
  expect(r).toStrictEqual({ verdict: 'violation', found: ['alter-column-type'] });
});

test('only SQL PostgreSQL rejects is a parse error, with the parser message', () => {
  const r = verdictOf(c('ALTER TABLE t ADD COLUMN;'), MAPPING['ChangingColumnType']!);
  expect(r.verdict).toBe('parse-error');
  expect(r.error ?? '').toMatch(/syntax error/);
});

testUnless(
  missingComponent(
    existsSync(casesDir),
    `the labelled SQL cases are not at ${casesDir} (the shared folder beside the repository)`,
  ),
)('the README quotes the overall figure the labelled cases give today', () => {
  const readme = readFileSync(new URL('../../actions/catalog-gate/README.md', import.meta.url), 'utf8');
  const quoted = /Overall agreement: \*\*(\d+)\/(\d+) = ([\d.]+)%\*\*/.exec(readme);
  expectTruthy(quoted);
  const { agree, total } = measure();
  expect(`${quoted[1]}/${quoted[2]} = ${quoted[3]}%`).toBe(
    `${agree}/${total} = ${((100 * agree) / total).toFixed(1)}%`,
  );
});
