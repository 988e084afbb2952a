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
