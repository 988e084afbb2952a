/**
 * What a "digit run" is for the rules' `gate.digits`: digits with at most MAX_SEPARATORS
 * separator characters between them, noticed from DIGIT_TRIGGER consecutive digits. The
 * scanner's prefilter finds runs in bytes with its own DFA; the edge Worker, which checks one
 * value at a time, uses `longestDigitRun`. Both read these constants, so a number that opens a
 * rule's gate in a file opens it at the edge too (and `+33.1.23.45.67.89`, with no three digits
 * in a row, opens neither: the context rule `phone-number-context` exists for it).
 */

/** A digit run is noticed from its first three consecutive digits. */
export const DIGIT_TRIGGER = 3;
/** Characters allowed inside a formatted number: `4111 1111`, `555-0100`, `(415) 555`, `+44 20`. */
export const SEPARATORS = ' -.()/+';
/** More consecutive separators than this end a digit run. */
export const MAX_SEPARATORS = 2;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const SEPARATOR_CODES = new Set([...SEPARATORS].map((ch) => ch.charCodeAt(0)));

/**
 * The digit count of the longest run in `text` that holds DIGIT_TRIGGER consecutive digits
 * (0 when none does). Stops early once `enough` is reached.
 */
export function longestDigitRun(text: string, enough = Infinity): number {
  let best = 0;
  let digits = 0;
  let consecutive = 0;
  let triggered = false;
  let seps = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (isDigit(c)) {
      digits++;
      seps = 0;
      if (++consecutive >= DIGIT_TRIGGER) triggered = true;
      continue;
    }
    consecutive = 0;
    if (SEPARATOR_CODES.has(c) && seps < MAX_SEPARATORS && digits > 0) {
      seps++;
      continue;
    }
    if (triggered && digits > best) {
      best = digits;
      if (best >= enough) return best;
    }
    digits = 0;
    triggered = false;
    seps = SEPARATOR_CODES.has(c) ? 1 : 0;
  }
  return best;
}
