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
