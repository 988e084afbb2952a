// The Node 20 fallback for duplicate named groups, held to what Node 24's native engine does with
// the same pattern (this suite runs on Node 24, where both exist side by side). The installed CLI's
// test (test/package.test.ts) runs the fallback for real on the machine's Node 20.
import { expect, test } from '@jest/globals';

import fc from 'fast-check';
import { builtInRulePackSpec } from '../pack.ts';
import { compileRegExp, DuplicateGroupsRegExp, renameDuplicateGroups } from '../regexp-compat.ts';

test('renames every repeat of a group name, and nothing that only looks like a group', () => {
  expect(renameDuplicateGroups('(?<a>x)|(?<a>y)|(?<b>z)|(?<a>w)')).toStrictEqual({
    source: '(?<a>x)|(?<a$2>y)|(?<b>z)|(?<a$3>w)',
    aliases: new Map([
      ['a$2', 'a'],
      ['a$3', 'a'],
    ]),
  });
  // Lookbehinds, an escaped parenthesis and a character class are not groups.
  expect(renameDuplicateGroups('(?<!a)(?<=b)(?<s>x)[(?<s>]\\(?<s>|(?<s>y)')?.source).toBe(
    '(?<!a)(?<=b)(?<s>x)[(?<s>]\\(?<s>|(?<s$2>y)',
  );
  // An alias never takes a name the pattern already uses.
  expect(renameDuplicateGroups('(?<s>x)|(?<s>y)|(?<s$2>z)')?.source).toBe('(?<s>x)|(?<s$2$>y)|(?<s$2>z)');
  expect(renameDuplicateGroups('(?<a>x)(?<b>y)')).toBe(undefined);
  // A backreference to a repeated name cannot be rewritten: the native error stands.
  expect(renameDuplicateGroups('(?<a>x)\\k<a>|(?<a>y)')).toBe(undefined);
});

test('compileRegExp keeps the written source and answers under the one name', () => {
  const re = new DuplicateGroupsRegExp(
    '"(?<v>\\w+)"|(?<v$2>\\d+)',
    'g',
    '"(?<v>\\w+)"|(?<v>\\d+)',
    new Map([['v$2', 'v']]),
  );
  expect(re.source).toBe('"(?<v>\\w+)"|(?<v>\\d+)');
  const hits = [...'"ab" 12'.matchAll(re)].map((m) => m[0]);
  expect(hits).toStrictEqual(['"ab"', '12']);
  re.lastIndex = 5;
  const m = re.exec('"ab" 12')!;
  expect({ ...m.groups }).toStrictEqual({ v: '12' });
  // A pattern this engine compiles natively comes back as a plain RegExp.
  expect(compileRegExp('(?<v>x)', 'g').constructor).toBe(RegExp);
});

const duplicated = builtInRulePackSpec().rules.filter((rule) => renameDuplicateGroups(rule.regex));

test('the built-in rules that repeat a group name are the ones the fallback exists for', () => {
  // If this list empties, the fallback is dead code; if it grows, the differential test below covers it.
  expect(duplicated.map((r) => r.id).sort()).toStrictEqual(['generic-secret', 'generic-secret-forms']);
});

// Keyword-led assignments in the forms these rules read, and noise between them.
const FRAGMENTS = [
  'password',
  'SECRET',
  'api_key',
  'token',
  'credential',
  'setProperty(',
  'putenv(',
  '"db.password"',
  ', ',
  ' string = ',
  '=',
  ':=',
  '::=',
  '?=',
  '+=',
  '.=',
  '>',
  '" value=',
  '"',
  "'",
  '`',
  ' ',
  '\\n',
  '\n',
  'Zk3lQ9pXv2',
  'A1b2C3d4E5f6G7',
  'q'.repeat(9),
  '$HOME',
  ')',
  ';',
];

for (const rule of duplicated) {
  test(`${rule.id}: the fallback finds the same matches and secret spans as the native engine`, () => {
    const flags = `g${rule.ignoreCase ? 'i' : ''}d`;
    const native = new RegExp(rule.regex, flags);
    const renamed = renameDuplicateGroups(rule.regex)!;
    const fallback = new DuplicateGroupsRegExp(renamed.source, flags, rule.regex, renamed.aliases);
    const all = (re: RegExp, text: string) => {
      const out = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        out.push([m.index, m[0], m.groups?.['secret'], m.indices?.groups?.['secret']]);
        if (m[0].length === 0) re.lastIndex++;
      }
      return out;
    };
    // Matches whose secret sits in a renamed group: only the merge puts it under `secret`.
    const plain = new RegExp(renamed.source, flags);
    let viaAlias = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        const expected = all(native, text);
        for (const [, , secret] of all(plain, text)) if (secret === undefined) viaAlias++;
        expect(all(fallback, text)).toStrictEqual(expected);
      }),
      { numRuns: 3000, seed: 20 },
    );
    // The fragments must reach the repeated groups, or the comparison proves nothing.
    expect(viaAlias).toBeGreaterThan(20);
  });
}
