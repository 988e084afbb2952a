import { expect, test } from '@jest/globals';

import fc from 'fast-check';
import { defaultRulePack } from '../pack.ts';
import { longestDigitRun } from '../digit-run.ts';
import { Prefilter, type KeywordSpec, type PrefilterResult } from '../prefilter.ts';

/**
 * The prefilter's contract, computed the slow and obvious way: every keyword occurrence (ASCII
 * case folded when the keyword ignores case), every gate character, and each maximal digit run
 * (separators ` -.()/+`, at most 2 in a row) that holds 3 consecutive digits and at least
 * `minDigits` digits. Like the real pass it reads the low byte of each UTF-16 unit.
 */
function reference(
  text: string,
  keywords: readonly KeywordSpec[],
  minDigits: number,
  chars: string[],
): PrefilterResult {
  const byte = (i: number) => text.charCodeAt(i) & 0xff;
  const low = Array.from({ length: text.length }, (_, i) => String.fromCharCode(byte(i))).join('');
  const folded = low.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const keywordHits: number[] = [];
  for (let start = 0; start < text.length; start++) {
    keywords.forEach((k, index) => {
      const ok = k.ignoreCase
        ? folded.startsWith(k.text.toLowerCase(), start) &&
          (!/\d/.test(k.text) ||
            text.slice(start, start + k.text.length).toLowerCase() === k.text.toLowerCase())
        : text.startsWith(k.text, start) && low.startsWith(k.text, start);
      if (ok) keywordHits.push(index, start);
    });
  }
  const charHits: number[] = [];
  for (let i = 0; i < text.length; i++)
    if (chars.includes(String.fromCharCode(byte(i)))) charHits.push(byte(i), i);
  const digitRuns: number[] = [];
  const isDigit = (i: number) => byte(i) >= 48 && byte(i) <= 57;
  const isSep = (i: number) => ' -.()/+'.includes(String.fromCharCode(byte(i)));
  let skip = 0;
  for (let p = 2; p < text.length; p++) {
    if (p < skip || !(isDigit(p) && isDigit(p - 1) && isDigit(p - 2))) continue;
    let start = p - 2;
    let digits = 0;
    for (let i = p - 3, seps = 0; i >= 0; i--) {
      if (isDigit(i)) [start, digits, seps] = [i, digits + 1, 0];
      else if (isSep(i) && seps < 2) seps++;
      else break;
    }
    let end = p - 2;
    for (let i = p - 2, seps = 0; i < text.length; i++) {
      if (isDigit(i)) [end, digits, seps] = [i + 1, digits + 1, 0];
      else if (isSep(i) && seps < 2) seps++;
      else break;
    }
    if (digits >= minDigits) digitRuns.push(start, end, digits);
    skip = end;
  }
  return { keywordHits, digitRuns, charHits };
}

/** Keyword hits as a sorted set: outputs ending at the same byte may come in either order. */
function normalise(r: PrefilterResult): PrefilterResult {
  const pairs: string[] = [];
  for (let i = 0; i < r.keywordHits.length; i += 2)
    pairs.push(`${String(r.keywordHits[i + 1]).padStart(8, '0')}:${r.keywordHits[i]}`);
  return { keywordHits: pairs.sort() as unknown as number[], digitRuns: r.digitRuns, charHits: r.charHits };
}

const pack = defaultRulePack();
const prefilter = pack.prefilter;
const minDigits = Math.min(...pack.digitRules.map((r) => r.gate!.digits!));
const chars = [...pack.charRules.keys()].map((c) => String.fromCharCode(c));

const FRAGMENTS = [
  ...prefilter.keywords.map((k) => k.text),
  'PASSWORD',
  'Token',
  'aKiA',
  '1',
  '12',
  '123',
  '4111',
  '0000000',
  ' ',
  '-',
  '--',
  '---',
  '.',
  '(',
  ')',
  '+',
  '/',
  '@',
  'a',
  'Z',
  '\n',
  ['x', 'y.io'].join('@'), // built at run time: the repository scans itself
  '\u0131',
  '\u0141',
  'é',
  '\u{1F511}',
  '=',
  ':',
  '"',
];

test('prefilter finds exactly what the obvious definition finds, across the two-stream split', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 0, maxLength: 700, size: 'max' }),
      fc.nat(40),
      (parts, pad) => {
        // Padding moves the middle (where the second stream starts) across the fragments.
        const text = 'q'.repeat(pad) + parts.join('');
        expect(normalise(prefilter.scan(text))).toStrictEqual(
          normalise(reference(text, prefilter.keywords, minDigits, chars)),
        );
      },
    ),
    { numRuns: 150 },
  );
});

test('prefilter: a digit run, a keyword and a gate char straddling the middle are reported once', () => {
  for (const middle of [
    ['4111', '1111', '1111', '1111', '2222', '333'].join(' '),
    'xxpasswordxx',
    'ab@cd',
    '123' + '4'.repeat(50),
  ]) {
    for (let shift = -30; shift <= 30; shift++) {
      const before = 'q'.repeat(1500 + shift);
      const text = before + middle + 'q'.repeat(1500);
      expect(normalise(prefilter.scan(text))).toStrictEqual(
        normalise(reference(text, prefilter.keywords, minDigits, chars)),
      );
    }
  }
});

test("longestDigitRun (the edge Worker's gate) measures the runs the prefilter reports", () => {
  const everyRun = new Prefilter([], { minDigits: 3 });
  const ascii = FRAGMENTS.filter((f) => /^[\x00-\x7f]*$/.test(f));
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...ascii), { maxLength: 200 }), (parts) => {
      const text = parts.join('');
      const runs = everyRun.scan(text).digitRuns;
      let longest = 0;
      for (let r = 2; r < runs.length; r += 3) longest = Math.max(longest, runs[r]!);
      expect(longestDigitRun(text)).toBe(longest);
    }),
    { numRuns: 300 },
  );
  expect(longestDigitRun('+33.1.23.45.67.89')).toBe(0);
  expect(longestDigitRun('call 415-555-0100 now')).toBe(10);
  expect(longestDigitRun('1 2 3 4 5 6 7 8 9 0')).toBe(0);
});
