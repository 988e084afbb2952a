/**
 * Hand-written matchers for built-in regexes that run thousands of times per MiB. A rule pack is
 * data: a rule uses a native matcher only when its regex source and flags are exactly the ones
 * the matcher was written for (a user who edits the regex gets the regex). Each matcher returns
 * the same match and secret span as a sticky `exec` at the same position; a differential
 * property test (test/native.test.ts) holds them to that.
 *
 * Why: the generic assignment rule's keywords ("token", "password", "secret") hit ~15,000 times
 * per MiB of ordinary source. A regex call, its match array, its `groups` object and two string
 * slices per hit cost more than the whole prefilter pass; walking a few characters after the
 * keyword and rejecting most hits with no allocation does not.
 */

/** Writes [matchStart, matchEnd, secretStart, secretEnd] into `out`; false when there is no match. */
export type NativeMatcher = (text: string, at: number, out: Int32Array) => boolean;

/** The built-in `generic-secret` regex (lib/dlp/rules.json), with the `i` flag. */
export const GENERIC_ASSIGNMENT_SOURCE =
  '(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)[A-Za-z0-9_.-]{0,30}["\'\\]]{0,2}[ \\t]{0,8}(?::=|=>|[:=])[ \\t]{0,8}(?:["\'`](?<secret>[^"\'`\\s$<>{}\\\\]{8,256})["\'`]|(?<secret>[A-Za-z0-9+/=_.~-]{8,256})(?![^\\s,;)\\]}]))';

// Character classes as 128-entry tables (every class here is ASCII-only, except `\s` below).
function table(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** `[A-Za-z0-9_.-]` */
const KEY_TAIL = table(ALNUM + '_.-');
/** `["'\]]` */
const KEY_QUOTE = table(`"']`);
/** `["'`]` */
const QUOTE = table('"\'`');
/** `[A-Za-z0-9+/=_.~-]` */
const BARE = table(ALNUM + '+/=_.~-');
/** `[,;)\]}]` (with `\s`, what may follow a bare value) */
const BARE_END = table(',;)]}');
/** `["'`$<>{}\\]`: excluded from a quoted value, with `\s`. */
const QUOTED_EXCLUDED = table('"\'`$<>{}\\');

/** ECMAScript `\s`: WhiteSpace and LineTerminator code points. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** `text` at `at` equals the lowercase ASCII `word`, ignoring ASCII case. */
function sameWord(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let i = 0; i < word.length; i++)
    if (lower(text.charCodeAt(at + i)) !== word.charCodeAt(i)) return false;
  return true;
}

/** `stem[_-]?key` at `at` (`api_key`, `accesskey`, `private-key`): its length, or 0. */
function stemKey(text: string, at: number, stem: string): number {
  if (!sameWord(text, at, stem)) return 0;
  const i = at + stem.length;
  const c = text.charCodeAt(i);
  if ((c === 95 || c === 45) && sameWord(text, i + 1, 'key')) return stem.length + 4;
  return sameWord(text, i, 'key') ? stem.length + 3 : 0;
}

/**
 * Length of the keyword alternation at `at` (case-insensitive, ASCII only, as the `i` flag
 * without `u` does), or 0. At most one alternative can match at a position, so no backtracking
 * between alternatives is needed.
 */
function keywordLength(text: string, at: number): number {
  switch (lower(text.charCodeAt(at))) {
    case 112: // p
      if (sameWord(text, at, 'password')) return 8;
      if (sameWord(text, at, 'passwd')) return 6;
      if (sameWord(text, at, 'pwd')) return 3;
      return stemKey(text, at, 'private');
    case 115: // s
      return sameWord(text, at, 'secret') ? 6 : 0;
    case 116: // t
      return sameWord(text, at, 'token') ? 5 : 0;
    case 97: // a
      return stemKey(text, at, 'api') || stemKey(text, at, 'access');
    case 99: // c
      return sameWord(text, at, 'credential') ? 10 : 0;
    default:
      return 0;
  }
}

/** The value after the operator at `v`: fills out[1..3] and returns true when it matches. */
function assignmentValue(text: string, v: number, out: Int32Array): boolean {
  const n = text.length;
  if (v >= n) return false;
  const first = text.charCodeAt(v);
  if (first < 128 && QUOTE[first] === 1) {
    // `["'`](?<secret>[^"'`\s$<>{}\\]{8,256})["'`]`: the run cannot give back characters (the
    // closing quote is excluded from it), so it must end at a quote after 8..256 characters.
    const from = v + 1;
    const limit = Math.min(n, from + 257);
    let i = from;
    for (; i < limit; i++) {
      const c = text.charCodeAt(i);
      if (c < 128 ? QUOTED_EXCLUDED[c] === 1 || isSpace(c) : isSpace(c)) break;
    }
    const len = i - from;
    if (len < 8 || len > 256 || i >= n) return false;
    const close = text.charCodeAt(i);
    if (close >= 128 || QUOTE[close] !== 1) return false;
    out[1] = i + 1;
    out[2] = from;
    out[3] = i;
    return true;
  }
  // `(?<secret>[A-Za-z0-9+/=_.~-]{8,256})(?![^\s,;)\]}])`: giving characters back would leave a
  // class character next, which the lookahead refuses, so only the whole run can match.
  const limit = Math.min(n, v + 257);
  let i = v;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || BARE[c] !== 1) break;
  }
  const len = i - v;
  if (len < 8 || len > 256) return false;
  if (i < n) {
    const c = text.charCodeAt(i);
    if (!(isSpace(c) || (c < 128 && BARE_END[c] === 1))) return false;
  }
  out[1] = i;
  out[2] = v;
  out[3] = i;
  return true;
}

/** Skips up to `max` of [ \t]; returns the position after them, or -1 when more follow. */
function blanks(text: string, i: number, max: number): number {
  const end = Math.min(text.length, i + max);
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  const c = text.charCodeAt(i);
  return c === 32 || c === 9 ? -1 : i;
}

/**
 * `GENERIC_ASSIGNMENT_SOURCE` (flag `i`) anchored at `at`. Each quantified run before the
 * operator is followed by something its class excludes, so greedy is the only way it can match;
 * the operator is the one place the regex backtracks (`:=` then `:` alone, `=>` then `=`).
 */
export const genericAssignment: NativeMatcher = (text, at, out) => {
  const kw = keywordLength(text, at);
  if (kw === 0) return false;
  const n = text.length;
  let i = at + kw;
  // [A-Za-z0-9_.-]{0,30}
  const tailEnd = Math.min(n, i + 30);
  while (i < tailEnd) {
    const c = text.charCodeAt(i);
    if (c >= 128 || KEY_TAIL[c] !== 1) break;
    i++;
  }
  if (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 && KEY_TAIL[c] === 1) return false;
  }
  // ["'\]]{0,2}
  for (let q = 0; q < 2 && i < n; q++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || KEY_QUOTE[c] !== 1) break;
    i++;
  }
  if (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 && KEY_QUOTE[c] === 1) return false;
  }
  // [ \t]{0,8}
  i = blanks(text, i, 8);
  if (i === -1 || i >= n) return false;
  // (?::=|=>|[:=]) [ \t]{0,8} value, trying the operators in the regex's order.
  const op = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  out[0] = at;
  if ((op === 58 && next === 61) || (op === 61 && next === 62)) {
    const v = blanks(text, i + 2, 8);
    if (v !== -1 && assignmentValue(text, v, out)) return true;
  }
  if (op === 58 || op === 61) {
    const v = blanks(text, i + 1, 8);
    if (v !== -1 && assignmentValue(text, v, out)) return true;
  }
  return false;
};

/** Native matchers by regex source, with the flags they assume (besides `y`/`g`). */
export const NATIVE_MATCHERS: ReadonlyMap<string, { ignoreCase: boolean; matcher: NativeMatcher }> = new Map([
  [GENERIC_ASSIGNMENT_SOURCE, { ignoreCase: true, matcher: genericAssignment }],
]);
