/**
 * A static check against catastrophic backtracking: a quantified group that itself contains a
 * quantifier, where one of the two is unbounded (`(a+)+`, `(\d+-?)*`, `(x{1,3})+`), is rejected.
 * Bounded nesting (`(?:\.[a-z]{1,63}){1,8}`) is allowed: its work per start position is capped.
 * A repeated group that contains an alternation (`(?:\d|\w\d?)*`, `(a|ab){1,30}`) is rejected too:
 * when two branches can match the same text, every repetition doubles the ways to fail, and even
 * a bound of 30 is 2^30. Telling ambiguous branches from safe ones needs more than syntax, so any
 * such group is refused: a character class or a single branch says the same thing safely.
 * The check is deliberately conservative and syntactic.
 */

interface Quantifier {
  unbounded: boolean;
  /** Upper bound > 1 (repeats, as opposed to `?` / `{0,1}`). */
  repeats: boolean;
  length: number;
}

function readQuantifier(source: string, i: number): Quantifier | undefined {
  const c = source[i];
  let q: Quantifier | undefined;
  if (c === '*' || c === '+') q = { unbounded: true, repeats: true, length: 1 };
  else if (c === '?') q = { unbounded: false, repeats: false, length: 1 };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return undefined;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    q = { unbounded: max === Infinity, repeats: max > 1, length: m[0].length };
  }
  if (q && source[i + q.length] === '?') q.length += 1; // lazy
  return q;
}

/** Length of `(`, `(?:`, `(?=`, `(?<!`, `(?<name>`, `(?i:` at i. */
function groupPrefixLength(source: string, i: number): number {
  if (source[i + 1] !== '?') return 1;
  const m = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>|[a-z-]+:)/.exec(source.slice(i, i + 80));
  return m ? m[0].length : 2;
}

interface Frame {
  hasQuantifier: boolean;
  hasUnbounded: boolean;
  hasAlternation: boolean;
}

/** Returns a description of the first nested unbounded quantifier, or undefined when safe. */
export function findNestedQuantifier(source: string): string | undefined {
  const stack: Frame[] = [{ hasQuantifier: false, hasUnbounded: false, hasAlternation: false }];
  let i = 0;
  let lastGroup: { frame: Frame; start: number } | undefined;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      lastGroup = undefined;
      i += 2;
    } else if (c === '[') {
      lastGroup = undefined;
      i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '(') {
      stack.push({ hasQuantifier: false, hasUnbounded: false, hasAlternation: false });
      (stack[stack.length - 1] as Frame & { start?: number }).start = i;
      lastGroup = undefined;
      i += groupPrefixLength(source, i);
    } else if (c === ')') {
      const frame = stack.pop() as Frame & { start?: number };
      const parent = stack[stack.length - 1]!;
      parent.hasQuantifier ||= frame.hasQuantifier;
      parent.hasUnbounded ||= frame.hasUnbounded;
      parent.hasAlternation ||= frame.hasAlternation;
      lastGroup = { frame, start: frame.start ?? 0 };
      i++;
    } else if (c === '|') {
      stack[stack.length - 1]!.hasAlternation = true;
      lastGroup = undefined;
      i++;
    } else {
      const q = readQuantifier(source, i);
      if (q) {
        const top = stack[stack.length - 1]!;
        if (lastGroup) {
          const inner = lastGroup.frame;
          if ((q.unbounded && inner.hasQuantifier) || (q.repeats && inner.hasUnbounded)) {
            return `nested quantifier at ${lastGroup.start}: ${source.slice(lastGroup.start, i + q.length)}`;
          }
          if (q.repeats && inner.hasAlternation) {
            return `repeated group with alternation at ${lastGroup.start}: ${source.slice(lastGroup.start, i + q.length)} (use a character class or a single branch)`;
          }
        }
        top.hasQuantifier = true;
        top.hasUnbounded ||= q.unbounded;
        lastGroup = undefined;
        i += q.length;
      } else {
        lastGroup = undefined;
        i++;
      }
    }
  }
  return undefined;
}

/** True when the source uses `*`, `+` or `{n,}` anywhere (the built-in pack uses none). */
export function hasUnboundedQuantifier(source: string): boolean {
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') i += 2;
    else if (c === '[') {
      i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
    } else {
      if (c === '(') {
        i += groupPrefixLength(source, i);
        continue;
      }
      const q = readQuantifier(source, i);
      if (q?.unbounded) return true;
      i += q ? q.length : 1;
    }
  }
  return false;
}

/**
 * The literal texts a match of `source` must start with, one per top-level alternative of a
 * leading group (`(?:AKIA|ASIA)` gives both), after any leading lookbehind. An empty string in the
 * result means "cannot tell" (a class, a `.`, an optional first character).
 */
export function leadingLiterals(source: string): string[] {
  let i = 0;
  // Lookbehinds and lookaheads consume nothing: skip them.
  while (
    source.startsWith('(?<!', i) ||
    source.startsWith('(?<=', i) ||
    source.startsWith('(?=', i) ||
    source.startsWith('(?!', i)
  ) {
    const end = groupEnd(source, i);
    if (end < 0) return [''];
    i = end + 1;
  }
  if (source[i] === '(' && !source.startsWith('(?<!', i) && !source.startsWith('(?<=', i)) {
    const end = groupEnd(source, i);
    if (end < 0) return [''];
    // A quantifier that allows zero or repeats the group makes its prefix uncertain.
    const after = source[end + 1];
    if (after === '?' || after === '*' || source.startsWith('{0', end + 1)) return [''];
    const inner = source.slice(i + groupPrefixLength(source, i), end);
    return splitTopLevel(inner).flatMap((branch) => leadingLiterals(branch));
  }
  return [literalPrefix(source, i)];
}

function literalPrefix(source: string, start: number): string {
  let out = '';
  let i = start;
  while (i < source.length) {
    let char: string;
    let width: number;
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[A-Za-z0-9]/.test(next)) break; // \d, \w, \b, \1, \x…: not a literal
      char = next;
      width = 2;
    } else if ('^$.[](){}|*+?'.includes(c)) break;
    else {
      char = c;
      width = 1;
    }
    const q = source[i + width];
    if (q === '?' || q === '*' || source.startsWith('{0', i + width)) break;
    out += char;
    if (q === '+' || q === '{') break;
    i += width;
  }
  return out;
}

function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/**
 * With the `keyword` window the regex is tried only where a keyword starts: a regex that cannot
 * start with any keyword never matches. Returns the keywords and prefixes when that is certain.
 */
export function keywordCannotStart(
  source: string,
  keywords: readonly string[],
  ignoreCase: boolean,
): string | undefined {
  const norm = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  const prefixes = leadingLiterals(source).map(norm);
  if (prefixes.some((p) => p === '')) return undefined;
  const fits = keywords.some((k) => prefixes.some((p) => norm(k).startsWith(p) || p.startsWith(norm(k))));
  if (fits) return undefined;
  return `the regex must start with ${prefixes.map((p) => `'${p}'`).join(' or ')}, but its keywords are ${keywords.map((k) => `'${k}'`).join(', ')}`;
}

/** An ASCII character set (128 bits) plus one bit for "anything past ASCII". */
type CharSet = Uint8Array;
const SET_SIZE = 129;

function setOf(test: (c: number) => boolean, other: boolean): CharSet {
  const set = new Uint8Array(SET_SIZE);
  for (let c = 0; c < 128; c++) if (test(c)) set[c] = 1;
  set[128] = other ? 1 : 0;
  return set;
}

const ANY = setOf(() => true, true);
const ESCAPES: Record<string, CharSet> = {
  d: setOf((c) => c >= 48 && c <= 57, false),
  w: setOf((c) => /\w/.test(String.fromCharCode(c)), false),
  s: setOf((c) => /\s/.test(String.fromCharCode(c)), true),
};
ESCAPES['D'] = complement(ESCAPES['d']!);
ESCAPES['W'] = complement(ESCAPES['w']!);
ESCAPES['S'] = complement(ESCAPES['s']!);

function complement(set: CharSet): CharSet {
  return set.map((bit) => 1 - bit);
}

function overlaps(a: CharSet, b: CharSet): boolean {
  for (let i = 0; i < SET_SIZE; i++) if (a[i] && b[i]) return true;
  return false;
}

function single(code: number): CharSet {
  const set = new Uint8Array(SET_SIZE);
  set[code < 128 ? code : 128] = 1;
  return set;
}

/** The set of an escape `\x` (i at the backslash); unknown escapes count as their character. */
function escapeSet(source: string, i: number): { set: CharSet; width: number } {
  const e = source[i + 1] ?? '';
  if (ESCAPES[e]) return { set: ESCAPES[e]!, width: 2 };
  if (e === 'p' || e === 'P') {
    const end = source.indexOf('}', i);
    return { set: ANY, width: end > i ? end - i + 1 : 2 };
  }
  if (e === 'x') return { set: single(parseInt(source.slice(i + 2, i + 4), 16) || 0), width: 4 };
  if (e === 'u') return { set: single(parseInt(source.slice(i + 2, i + 6), 16) || 0), width: 6 };
  const named: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };
  return { set: single(named[e] ?? e.charCodeAt(0)), width: 2 };
}

/** `[...]` at i: its set and width. Ranges past ASCII and case folding count as "other". */
function classSet(source: string, i: number, ignoreCase: boolean): { set: CharSet; width: number } {
  let j = i + 1;
  const negated = source[j] === '^';
  if (negated) j++;
  const set = new Uint8Array(SET_SIZE);
  while (j < source.length && source[j] !== ']') {
    let code: number;
    if (source[j] === '\\') {
      const { set: inner, width } = escapeSet(source, j);
      j += width;
      const count = inner.reduce((n, bit) => n + bit, 0);
      if (count !== 1) {
        for (let k = 0; k < SET_SIZE; k++) set[k] ||= inner[k]!;
        continue;
      }
      code = inner.indexOf(1);
    } else {
      code = source.charCodeAt(j);
      j++;
    }
    if (source[j] === '-' && source[j + 1] !== ']' && source[j + 1] !== undefined) {
      let end: number;
      if (source[j + 1] === '\\') {
        const { set: inner, width } = escapeSet(source, j + 1);
        end = inner.indexOf(1);
        j += 1 + width;
      } else {
        end = source.charCodeAt(j + 1);
        j += 2;
      }
      for (let c = code; c <= Math.min(end, 127); c++) set[c] = 1;
      if (end >= 128) set[128] = 1;
      continue;
    }
    set[code < 128 ? code : 128] = 1;
  }
  if (ignoreCase) foldCase(set);
  return { set: negated ? complement(set) : set, width: j + 1 - i };
}

function foldCase(set: CharSet): void {
  for (let c = 65; c <= 90; c++) if (set[c] || set[c + 32]) set[c] = set[c + 32] = 1;
}

interface Atom {
  set: CharSet;
  /** Upper bound of its quantifier: 1 when none, Infinity for `*`, `+`, `{n,}`. */
  max: number;
  /** Lower bound: 0 for `?`, `*`, `{0,…}`. */
  min: number;
  at: number;
  end: number;
}

/**
 * Adjacent overlapping repeats: `\w*\w*x`, `a+a+b`, `\d+_?\d+$`, `.*\s*.*=`. Two repeats, one of
 * them unbounded, whose characters overlap, with nothing between them that the first could not
 * also eat: every way of splitting a run between them is tried before the match fails, which is
 * quadratic per start (`\w*` five times over is n^5: a 30 KB line never ends). Groups end the
 * sequence (they are checked by findNestedQuantifier). Returns a description or undefined.
 */
export function findAdjacentOverlap(source: string, ignoreCase = false): string | undefined {
  // Per open group: the repeats still "live" (nothing since them that they could not eat).
  const stack: Atom[][] = [[]];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    let atom: { set: CharSet; width: number } | undefined;
    if (c === '(') {
      stack.push([]);
      i += groupPrefixLength(source, i);
      continue;
    }
    if (c === ')') {
      stack.pop();
      if (stack.length === 0) stack.push([]);
      // A quantified group: what follows may repeat it; start afresh (conservative for nesting).
      stack[stack.length - 1] = [];
      i++;
      const q = readQuantifier(source, i);
      if (q) i += q.length;
      continue;
    }
    if (c === '|') {
      stack[stack.length - 1] = [];
      i++;
      continue;
    }
    if (c === '^' || c === '$') {
      i++;
      continue;
    }
    if (c === '\\') {
      const e = source[i + 1];
      if (e === 'b' || e === 'B') {
        i += 2;
        continue;
      }
      atom = escapeSet(source, i);
    } else if (c === '[') atom = classSet(source, i, ignoreCase);
    else if (c === '.') atom = { set: ANY, width: 1 };
    else {
      const set = single(source.charCodeAt(i));
      if (ignoreCase) foldCase(set);
      atom = { set, width: 1 };
    }
    const at = i;
    i += atom.width;
    const q = readQuantifier(source, i);
    let min = 1;
    let max = 1;
    if (q) {
      const text = source.slice(i, i + q.length).replace(/\?$/, '');
      if (text === '*') [min, max] = [0, Infinity];
      else if (text === '+') [min, max] = [1, Infinity];
      else if (text === '?' || q.length === 1) [min, max] = [0, 1];
      else {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(text)!;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      }
      i += q.length;
    }
    const current: Atom = { set: atom.set, min, max, at, end: i };
    const live = stack[stack.length - 1]!;
    for (const earlier of live) {
      const repeats = earlier.max > 1 && current.max > 1;
      // Bounded pairs cost up to max1 × max2 per start: `\d{0,3000}\d{0,3000}` is 9 million.
      const costly = earlier.max === Infinity || current.max === Infinity || earlier.max * current.max > 1024;
      if (repeats && costly && overlaps(earlier.set, current.set))
        return `adjacent overlapping repeats at ${earlier.at}: ${source.slice(earlier.at, current.end)} (every split of a run between them is tried: quadratic or worse per start; merge them into one repeat or make them disjoint)`;
    }
    // Repeats stay live while what follows is something they could eat; anything else ends them.
    // An optional atom may match nothing, so it ends none of them.
    const kept = current.min === 0 ? [...live] : live.filter((earlier) => overlaps(earlier.set, current.set));
    if (current.max > 1) kept.push(current);
    stack[stack.length - 1] = kept;
  }
  return undefined;
}
