// The benchmark's scoring: a finding counts only on the truth item's line AND for its rule.
import { expect, test } from '@jest/globals';

import { sameRule, score } from './run.ts';

const truth = [
  { file: 'a.ts', line: 3, ruleId: 'payment-card', kind: 'pii' as const },
  { file: 'b.env', line: 1, ruleId: 'aws-access-key-id', kind: 'secret' as const },
];

test('a finding on the right line but for another rule is a miss and a false positive', () => {
  const s = score(truth, [
    { file: 'a.ts', line: 3, ruleId: 'phone-number' },
    { file: 'b.env', line: 1, ruleId: 'aws-access-key-id' },
  ]);
  expect(s.found).toBe(1);
  expect(s.recall).toBe(0.5);
  expect(s.recallSecrets).toBe(1);
  expect(s.precision).toBe(0.5);
});

test("secretlint's rule ids count for the family they cover; unknown ones match nothing and are listed", () => {
  expect(sameRule('aws-access-key-id', '@secretlint/secretlint-rule-aws')).toBe(true);
  expect(sameRule('payment-card', '@secretlint/secretlint-rule-aws')).toBe(false);
  const s = score(truth, [
    { file: 'b.env', line: 1, ruleId: '@secretlint/secretlint-rule-aws' },
    { file: 'a.ts', line: 3, ruleId: '@secretlint/secretlint-rule-made-up' },
  ]);
  expect(s.found).toBe(1);
  expect(s.precision).toBe(0.5);
  expect(s.unmappedRules).toStrictEqual(['made-up']);
});
