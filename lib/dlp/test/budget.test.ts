// User rules under a time budget: a rule the static check cannot see through (a repeated group of
// bounded repeats, here) must not hang a scan. It is stopped on the file it runs over, named with
// the file, and every other rule still runs there. Budgets here are short so the tests stay fast;
// the default (2 s plus 2 s per MiB) is for a loaded CI runner.
import { afterAll, expect, test } from '@jest/globals';
import { thrownBy } from '../../../test/support/errors.ts';

import {
  DlpRulePackError,
  defaultRulePack,
  loadRulePackOverride,
  secretOf,
  unvettedRuleIds,
} from '../index.ts';
import { seededRng, synth } from '../synth.ts';
import { closeScanWorkers, defaultRuleBudgetMs, scanFilesBudgeted } from '../threads.ts';

afterAll(closeScanWorkers);

const rule = (id: string, keyword: string, regex: string) =>
  `  - id: ${id}\n    description: ${id}\n    severity: error\n    tags: [secret]\n    keywords: [${keyword}]\n    regex: '${regex}'\n`;
// Passes regex-safety (no unbounded repeat is nested, no adjacent pair is large), yet a failing
// match tries every way of cutting a run of digits into up to 30 pieces of up to 30.
const HOSTILE = rule('svc-slow', 'svc_token', 'svc_token=(?:\\d{0,30}){1,30}y');
const FINE = rule('acme-key', 'acme_', 'acme_[a-z0-9]{24}');
/** A 30 KB line the hostile rule runs over. */
const LONG_LINE = `svc_token=${'1'.repeat(30_000)}\n`;

test('the hostile rule passes the static check: only a clock can stop it', () => {
  expect(() => loadRulePackOverride(`rules:\n${HOSTILE}`, 'override.yml')).not.toThrow();
});

test('a user rule that runs past its budget on a 30 KB line is stopped and named with the file; the other rules still run there and on the other files', async () => {
  const rng = seededRng(5);
  const aws = synth.awsAccessKeyId(rng);
  const acme = `acme_${'k3y9'.repeat(6)}`;
  const rules = loadRulePackOverride(`rules:\n${HOSTILE}${FINE}`, 'override.yml');
  expect(unvettedRuleIds(rules)).toStrictEqual(['svc-slow', 'acme-key']);
  const started = performance.now();
  const { results, exceeded } = await scanFilesBudgeted(
    [
      { path: 'src/long.txt', text: `AWS_ACCESS_KEY_ID=${aws}\n${LONG_LINE}key = ${acme}\n` },
      { path: 'src/ok.txt', text: `svc_token=12345y\n` },
    ],
    { rules, budgetMs: 400 },
  );
  // The whole file, the hostile rule alone, the fine rule alone, the file without the hostile
  // rule: two budgets spent waiting, the rest is quick.
  expect(performance.now() - started).toBeLessThan(10_000);
  expect(exceeded).toStrictEqual([
    { path: 'src/long.txt', ruleIds: ['svc-slow'], allowlist: false, budgetMs: 400, unscanned: false },
  ]);
  expect(results[0]!.findings.map((f) => `${f.ruleId}:${f.line}`)).toStrictEqual([
    'aws-access-key-id:1',
    'acme-key:3',
  ]);
  // Raw values came back from the worker for the redactor.
  expect(secretOf(results[0]!.findings[0]!)).toBe(aws);
  expect(results[1]!.findings.map((f) => f.ruleId)).toStrictEqual(['svc-slow']);
}, 30_000);

test('on two workers: files keep their order, only the file the rule runs over is reported', async () => {
  const rules = loadRulePackOverride(`rules:\n${HOSTILE}`, 'override.yml');
  const files = Array.from({ length: 6 }, (_, i) => ({
    path: `f${i}.txt`,
    text: i === 3 ? LONG_LINE : `svc_token=${i}${i}y\n`,
  }));
  const { results, exceeded } = await scanFilesBudgeted(files, {
    rules,
    budgetMs: 300,
    threads: 2,
    minUnitsPerThread: 0,
  });
  expect(results.map((r) => r.findings.map((f) => `${f.path} ${f.ruleId}`).join())).toStrictEqual([
    'f0.txt svc-slow',
    'f1.txt svc-slow',
    'f2.txt svc-slow',
    '',
    'f4.txt svc-slow',
    'f5.txt svc-slow',
  ]);
  expect(exceeded.map((e) => e.path)).toStrictEqual(['f3.txt']);
}, 30_000);

test('with one unvetted rule, no search: the budget is spent once and the rule is named', async () => {
  const rules = loadRulePackOverride(`rules:\n${HOSTILE}`, 'override.yml');
  const started = performance.now();
  const { exceeded } = await scanFilesBudgeted([{ path: 'a.txt', text: LONG_LINE }], {
    rules,
    budgetMs: 300,
  });
  expect(performance.now() - started).toBeLessThan(5_000);
  expect(exceeded.map((e) => `${e.path} ${e.ruleIds.join(',')}`)).toStrictEqual(['a.txt svc-slow']);
}, 30_000);

test('an allowlist regex of the user that runs past the budget is dropped on that file: what it would allow is reported (fail closed)', async () => {
  const rng = seededRng(6);
  const aws = synth.awsAccessKeyId(rng);
  const rules = loadRulePackOverride(
    "allowlist:\n  regexTarget: line\n  regexes: ['svc=(?:\\d{0,30}){1,30}y']\n",
    'override.yml',
  );
  expect(unvettedRuleIds(rules)).toStrictEqual([]);
  const { results, exceeded } = await scanFilesBudgeted(
    [{ path: 'a.txt', text: `AWS_ACCESS_KEY_ID=${aws} svc=${'1'.repeat(3_000)}\n` }],
    { rules, budgetMs: 300 },
  );
  expect(exceeded).toStrictEqual([
    { path: 'a.txt', ruleIds: [], allowlist: true, budgetMs: 300, unscanned: false },
  ]);
  expect(results[0]!.findings.map((f) => f.ruleId)).toStrictEqual(['aws-access-key-id']);
}, 30_000);

test("the rule that hung a 30 KB line in the issue's review is refused before any scan", () => {
  const error = thrownBy(() =>
    loadRulePackOverride(`rules:\n${rule('acme', 'acme_', 'acme_\\w*\\w*\\w*\\w*\\w*x')}`, 'override.yml'),
  );
  expect(error instanceof DlpRulePackError && error.message).toMatch(
    /rule 'acme': field 'regex'.*adjacent overlapping repeats/,
  );
});

test('unvetted rules: new ids and replaced regexes; the built-in pack and field-only overrides have none (no worker, no clock)', async () => {
  expect(unvettedRuleIds(defaultRulePack())).toStrictEqual([]);
  const severityOnly = loadRulePackOverride(
    'rules:\n  - id: email-address\n    severity: notice\ndisable: [phone-number]\n',
    'o.yml',
  );
  expect(unvettedRuleIds(severityOnly)).toStrictEqual([]);
  const newRegex = loadRulePackOverride(
    "rules:\n  - id: npm-token\n    regex: 'npm_[A-Za-z0-9]{36}'\n",
    'o.yml',
  );
  expect(unvettedRuleIds(newRegex)).toStrictEqual(['npm-token']);
  // Nothing unvetted: the plain scan, whatever the budget.
  const { results, exceeded } = await scanFilesBudgeted([{ path: 'a.txt', text: 'nothing\n' }], {
    rules: severityOnly,
    budgetMs: 0,
  });
  expect(exceeded).toStrictEqual([]);
  expect(results[0]!.findings).toStrictEqual([]);
});

test('the default budget grows with the file: 2 s, plus 2 s per MiB', () => {
  expect(defaultRuleBudgetMs(0)).toBe(2000);
  expect(defaultRuleBudgetMs(1024 * 1024)).toBe(4000);
});
