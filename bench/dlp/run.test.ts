// The benchmark's scoring: a finding counts only on the truth item's line AND for its rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  assert.equal(s.found, 1);
  assert.equal(s.recall, 0.5);
  assert.equal(s.recallSecrets, 1);
  assert.equal(s.precision, 0.5);
});

test("secretlint's rule ids count for the family they cover; unknown ones match nothing and are listed", () => {
  assert.equal(sameRule('aws-access-key-id', '@secretlint/secretlint-rule-aws'), true);
  assert.equal(sameRule('payment-card', '@secretlint/secretlint-rule-aws'), false);
  const s = score(truth, [
    { file: 'b.env', line: 1, ruleId: '@secretlint/secretlint-rule-aws' },
    { file: 'a.ts', line: 3, ruleId: '@secretlint/secretlint-rule-made-up' },
  ]);
  assert.equal(s.found, 1);
  assert.equal(s.precision, 0.5);
  assert.deepEqual(s.unmappedRules, ['made-up']);
});
