import { expect, test } from '@jest/globals';

import fc from 'fast-check';
import { builtInRulePackSpec, compileRulePack, defaultRulePack } from '../pack.ts';
import { GENERIC_ASSIGNMENT_SOURCE, genericAssignment } from '../native.ts';
import { scanText } from '../scan.ts';
import { seededRng, synth } from '../synth.ts';

/** What the regex says at `at`: [matchStart, matchEnd, secretStart, secretEnd] or undefined. */
function byRegex(regex: RegExp, text: string, at: number): number[] | undefined {
  regex.lastIndex = at;
  const m = regex.exec(text);
  if (!m) return undefined;
  const g = m.indices!.groups!.secret!;
  return [m.index, m.index + m[0].length, g[0], g[1]];
}

function byNative(text: string, at: number): number[] | undefined {
  const out = new Int32Array(4);
  return genericAssignment(text, at, out) ? [...out] : undefined;
}

// Fragments that exercise every branch: keywords in any case, key tails, quotes, blanks, each
// operator (and the ones that make the regex backtrack), value characters of both branches,
// characters excluded from values, Unicode spaces, and the length limits (8 and 256).
const FRAGMENTS = [
  'password',
  'PassWord',
  'passwd',
  'pwd',
  'secret',
  'SECRET',
  'token',
  'api_key',
  'api-key',
  'apikey',
  'API_KEY',
  'access_key',
  'accesskey',
  'access-Key',
  'private_key',
  'privatekey',
  'private-key',
  'credential',
  'api_',
  'acces',
  '_',
  '.',
  '-',
  'x',
  'Ref',
  'a1',
  '"',
  "'",
  ']',
  '`',
  ' ',
  '\t',
  '  ',
  ':',
  '=',
  ':=',
  '=>',
  '==',
  ':::',
  '=:',
  'abcdefgh',
  'Zk3lQ9pX',
  'A1b2C3d4E5',
  '+/=~',
  '$',
  '<',
  '>',
  '{',
  '}',
  '\\',
  ',',
  ';',
  ')',
  '\n',
  '\r',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\u202f',
  '\u000b',
  'é',
  '\u{1F511}',
  'q'.repeat(248),
  'q'.repeat(249),
  'w'.repeat(7),
  '0123456789',
];

test('genericAssignment matches exactly what the generic-secret regex matches, at every position', () => {
  const regex = new RegExp(GENERIC_ASSIGNMENT_SOURCE, 'yid');
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 }), (parts) => {
      const text = parts.join('');
      for (let at = 0; at < text.length; at++) {
        expect(byNative(text, at)).toStrictEqual(byRegex(regex, text, at));
      }
    }),
    { numRuns: 1500 },
  );
});

test('genericAssignment: hand-picked edges of the regex', () => {
  const regex = new RegExp(GENERIC_ASSIGNMENT_SOURCE, 'yid');
  const v = 'Zk3lQ9pXa1';
  const cases = [
    `token=${v}`,
    `token:=${v}`,
    `token:=abcdefg`,
    `token=>${v}`,
    `token=>"${v}"`,
    `TOKEN = '${v}'`,
    `token"]: "${v}"`,
    `token""": "${v}"`,
    `token ${' '.repeat(8)}= ${v}`,
    `token ${' '.repeat(9)}= ${v}`,
    `token = ${' '.repeat(8)}${v}`,
    `token =${' '.repeat(9)}${v}`,
    `token${'a'.repeat(30)}=${v}`,
    `token${'a'.repeat(31)}=${v}`,
    `token="${'a'.repeat(256)}"`,
    `token="${'a'.repeat(257)}"`,
    `token=${'a'.repeat(256)}`,
    `token=${'a'.repeat(257)}`,
    `token=${v}x!`,
    `token=${v},`,
    `token=${v}\u2028`,
    `token="${v}'`,
    `token="${v}`,
    `token="${v} "`,
    `token=${v}`.slice(0, 12),
    'token',
    'api_key=',
    `secret:${v}`,
    `password: "\${DB_PASSWORD}"`,
    `api-KEY\t=\t${v};`,
    `privatekey=${v}`,
    `private_key=${v}`,
  ];
  for (const text of cases) expect(byNative(text, 0)).toStrictEqual(byRegex(regex, text, 0));
  // Both branches and both outcomes occur among the cases, so the comparison is not vacuous.
  const outcomes = cases.map((t) => byRegex(regex, t, 0) !== undefined);
  expect(outcomes.includes(true) && outcomes.includes(false)).toBeTruthy();
});

test('genericAssignment: every UTF-16 code unit after a key, inside and after a value', () => {
  const regex = new RegExp(GENERIC_ASSIGNMENT_SOURCE, 'yid');
  for (let code = 0; code < 0x10000; code++) {
    const ch = String.fromCharCode(code);
    for (const text of [
      `token="abcdefgh${ch}"`,
      `token=abcdefgh${ch}`,
      `token${ch}=abcdefgh`,
      `token=${ch}abcdefgh `,
    ]) {
      const native = byNative(text, 0);
      const expected = byRegex(regex, text, 0);
      if (native?.join() !== expected?.join())
        throw new Error(`U+${code.toString(16)} in ${JSON.stringify(text)}: ${native} vs ${expected}`);
    }
  }
});

test('the built-in generic rule runs natively; an edited regex or flag falls back to the regex', () => {
  const builtIn = defaultRulePack().byId.get('generic-secret')!;
  expect(builtIn.native).toBe(genericAssignment);
  const spec = builtInRulePackSpec();
  const edited = spec.rules.find((r) => r.id === 'generic-secret')!;
  edited.regex = edited.regex.replace('|credential)', '|credential|passphrase)');
  edited.keywords = [...edited.keywords!, 'passphrase'];
  const pack = compileRulePack(spec);
  expect(pack.byId.get('generic-secret')!.native).toBe(undefined);
  const value = synth.genericValue(seededRng(3));
  // The edited regex is really the one that runs: a keyword only it knows is found.
  expect(scanText(`passphrase = "${value}"`, { rules: pack }).map((f) => f.ruleId)).toStrictEqual([
    'generic-secret',
  ]);
  expect(scanText(`passphrase = "${value}"`).map((f) => f.ruleId)).toStrictEqual([]);
  const caseSensitive = builtInRulePackSpec();
  caseSensitive.rules.find((r) => r.id === 'generic-secret')!.ignoreCase = false;
  expect(compileRulePack(caseSensitive).byId.get('generic-secret')!.native).toBe(undefined);
});
