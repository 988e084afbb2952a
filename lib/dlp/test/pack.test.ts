import { expect, test } from '@jest/globals';
import { expectTruthy } from '../../../test/support/narrow.ts';
import { thrownBy } from '../../../test/support/errors.ts';

import {
  DlpRulePackError,
  builtInRulePackSpec,
  compileRulePack,
  loadRulePackOverride,
  loadRulePackText,
  mergeRulePack,
} from '../pack.ts';
import { scanText } from '../scan.ts';
import { seededRng, synth } from '../synth.ts';
import { findNestedQuantifier, hasUnboundedQuantifier, keywordCannotStart } from '../regex-safety.ts';

function packWith(change: Record<string, unknown>, id = 'aws-access-key-id') {
  const spec = builtInRulePackSpec();
  const rule = spec.rules.find((r) => r.id === id)!;
  Object.assign(rule, change);
  return spec;
}

function throwsWith(fn: () => unknown, ...parts: string[]): void {
  expect(
    ((error: unknown) => {
      expectTruthy(error instanceof DlpRulePackError);
      for (const part of parts) expectTruthy(error.message.includes(part));
      return true;
    })(thrownBy(fn)),
  ).toBe(true);
}

test('the built-in pack compiles', () => {
  const pack = compileRulePack(builtInRulePackSpec());
  expect(pack.rules.length).toBeGreaterThanOrEqual(20);
});

test('invalid regex: names the rule and the field', () => {
  throwsWith(
    () => compileRulePack(packWith({ regex: '(AKIA' }), 'rules.json'),
    "rules.json: rule 'aws-access-key-id': field 'regex': Invalid regular expression",
  );
});

test('nested unbounded quantifier is refused with the offending group', () => {
  throwsWith(
    () => compileRulePack(packWith({ regex: '(?:[A-Z]+)+' })),
    "rule 'aws-access-key-id': field 'regex'",
    'nested quantifier',
    'backtrack',
  );
});

test('unknown validator, bad severity, missing field, unknown field, duplicate id', () => {
  throwsWith(
    () => compileRulePack(packWith({ validator: 'luhnn' })),
    "field 'validator'",
    "unknown validator 'luhnn'",
  );
  throwsWith(
    () => compileRulePack(packWith({ severity: 'fatal' })),
    "field 'severity'",
    'error, warning, notice',
  );
  const missing = builtInRulePackSpec();
  delete (missing.rules[2] as Partial<(typeof missing.rules)[number]>).regex;
  throwsWith(() => compileRulePack(missing), `rule '${missing.rules[2]!.id}': field 'regex': is required`);
  throwsWith(() => compileRulePack(packWith({ keyword: ['x'] })), "field 'keyword'", 'unknown field');
  const dup = builtInRulePackSpec();
  dup.rules.push({ ...dup.rules[0]! });
  throwsWith(() => compileRulePack(dup), `rule '${dup.rules[0]!.id}': field 'id': duplicate id`);
});

test('a rule that could never run, or mixes windows and gates wrongly, is refused', () => {
  throwsWith(() => compileRulePack(packWith({ keywords: [] })), "field 'keywords'", 'never runs');
  throwsWith(
    () => compileRulePack(packWith({ window: 'keyword', keywords: [], gate: { digits: 9 } })),
    "field 'window'",
  );
  throwsWith(() => compileRulePack(packWith({ tags: ['aws'] })), "field 'tags'", "'secret' or 'pii'");
  throwsWith(() => compileRulePack(packWith({ keywords: ['ab'] })), "field 'keywords.0'");
  throwsWith(
    () => compileRulePack(packWith({ gate: { digits: 9, char: '@' } }, 'us-ssn')),
    "field 'gate'",
    'exactly one',
  );
  throwsWith(
    () => compileRulePack(packWith({ followedBy: { chars: '=', within: 10 } }, 'us-ssn')),
    "field 'followedBy'",
  );
});

test('a rule without an id is named by its position', () => {
  const spec = builtInRulePackSpec();
  (spec.rules[4] as { id?: string }).id = '';
  throwsWith(() => compileRulePack(spec), "rule '#5 (no id)': field 'id'");
});

test('YAML pack text: the error names the file and the line of the field', () => {
  const text = [
    'rules:',
    '  - id: acme-key',
    '    description: ACME key',
    '    severity: error',
    '    keywords: [acme_]',
    "    regex: 'acme_[a-z'",
    '    tags: [secret]',
  ].join('\n');
  throwsWith(() => loadRulePackText(text, 'acme.yaml'), "acme.yaml:6: rule 'acme-key': field 'regex'");
  throwsWith(() => loadRulePackText('rules: [\n', 'broken.yaml'), 'broken.yaml', 'cannot parse');
});

test('override: merge by id, add new rules, disable by id, allowlists appended', () => {
  const override = [
    'rules:',
    '  - id: email-address',
    '    severity: notice',
    '  - id: acme-key',
    '    description: ACME key',
    '    severity: error',
    '    keywords: [acme_]',
    "    regex: 'acme_[a-z0-9]{24}'",
    '    tags: [secret]',
    'disable: [phone-number]',
    'allowlist:',
    '  stopwords: [fixture]',
  ].join('\n');
  const pack = loadRulePackOverride(override, '.dlp.yaml');
  expect(pack.byId.get('email-address')!.spec.severity).toBe('notice');
  expect(pack.byId.has('phone-number')).toBe(false);
  const acme = 'acme_' + 'k3y9'.repeat(6);
  expect(scanText(`x = ${acme}`, { rules: pack }).map((f) => f.ruleId)).toStrictEqual(['acme-key']);
  expect(scanText('call (415) 829-3746', { rules: pack }).length).toBe(0);
  // The stopword suppresses a finding the built-in pack reports.
  const fixture = `api_key = "fixture${synth.genericValue(seededRng(5))}"`;
  expect(scanText(fixture).length).toBe(1);
  expect(scanText(fixture, { rules: pack }).length).toBe(0);
});

test('override errors: unknown disabled id, new rule missing a field, bad field in a merged rule', () => {
  throwsWith(
    () => loadRulePackOverride('disable: [phone]\n', 'o.yaml'),
    'o.yaml:1',
    "field 'disable.0'",
    "unknown rule 'phone'",
  );
  throwsWith(
    () => loadRulePackOverride('rules:\n  - id: newrule\n    regex: x\n', 'o.yaml'),
    "rule 'newrule'",
    "field 'description'",
    'new rule',
  );
  throwsWith(
    () => mergeRulePack(builtInRulePackSpec(), { rules: [{ id: 'jwt', entropy: 'high' }] }, 'o.json'),
    "rule 'jwt'",
    "field 'entropy'",
  );
  throwsWith(
    () => loadRulePackOverride('rules:\n  - id: jwt\n    regex: "(a+)+"\n', 'o.yaml'),
    "o.yaml: rule 'jwt': field 'regex'",
    'nested',
  );
});

test('regex safety checker: catches nested unbounded quantifiers, accepts bounded nesting', () => {
  for (const bad of ['(a+)+', '(?:a*b)*', '(\\d+-?){2,}', '(?:x{1,3})+', '(?<n>[a-z]+\\.)+', '((a)+){2}']) {
    expect(findNestedQuantifier(bad)).toBeTruthy();
  }
  for (const ok of ['(?:\\.[a-z]{1,63}){1,8}', '(?:abc)+', '[(a+)+]', '\\(a+\\)+', '(?:a|b)?c+', '(?=a+)b']) {
    expect(findNestedQuantifier(ok)).toBe(undefined);
  }
});

test('built-in rules: no nested quantifiers and no unbounded quantifier at all', () => {
  for (const rule of builtInRulePackSpec().rules) {
    expect(findNestedQuantifier(rule.regex)).toBe(undefined);
    expect(hasUnboundedQuantifier(rule.regex)).toBe(false);
  }
  expect(hasUnboundedQuantifier('a{2,}')).toBe(true);
  expect(hasUnboundedQuantifier('[*+]')).toBe(false);
});

test('a keyword rule whose regex cannot start with any of its keywords is refused (it would never match)', () => {
  const override = (keywords: string, regex: string, extra = '') =>
    `rules:\n  - id: svc\n    description: svc\n    severity: error\n    tags: [secret]\n    keywords: [${keywords}]\n    regex: '${regex}'\n${extra}`;
  expect(
    ((error: unknown) =>
      error instanceof DlpRulePackError &&
      /rule 'svc': field 'regex'/.test(error.message) &&
      /must start with 'my_svc_token=', but its keywords are 'svc_token'/.test(error.message) &&
      /set window: line/.test(error.message))(
      thrownBy(() =>
        loadRulePackOverride(override('svc_token', 'my_svc_token=(?<secret>[a-z0-9]{32})'), 'o.yml'),
      ),
    ),
  ).toBe(true);
  expect(() => loadRulePackOverride(override('acme_, ACME-', '(?:key|tok)_[a-z]{8}'), 'o.yml')).toThrow(
    /must start with 'key' or 'tok'/,
  );
  // Allowed: the regex starts with a keyword (or a keyword with it), case folded with ignoreCase,
  // a leading lookbehind, a leading class (cannot tell), or the line window.
  for (const [keywords, regex, extra] of [
    ['svc_token', 'svc_token=(?<secret>[a-z0-9]{32})', ''],
    ['svc', 'svc_token=[a-z0-9]{32}', ''],
    ['SVC_TOKEN', 'svc_token=[a-z0-9]{32}', '    ignoreCase: true\n'],
    ['svc_token', '(?<![a-z])svc_token=[a-z0-9]{32}', ''],
    ['svc_token', '[a-z_]{0,10}token=[a-z0-9]{32}', ''],
    ['svc_token', 'my_svc_token=[a-z0-9]{32}', '    window: line\n'],
  ] as const)
    expect(() => loadRulePackOverride(override(keywords, regex, extra), 'o.yml')).not.toThrow();
  // The rule the check exists for: proved here to find nothing with the keyword window.
  expect(keywordCannotStart('my_svc_token=x', ['svc_token'], false)?.includes('my_svc_token=')).toBe(true);
});

test('the built-in pack passes the schema the start-up path skips for it', async () => {
  const { builtInRulePackSpec, compileRulePack } = await import('../pack.ts');
  expect(compileRulePack(builtInRulePackSpec(), 'lib/dlp/rules.json').rules.length).toBeGreaterThan(20);
});
