/**
 * The parts of an access policy that two engines read: decide() (JavaScript: Intl, RegExp) and
 * policy/opa/abac.rego (Go: time.LoadLocation, RE2, glob). The loader only accepts values both
 * read the same way and stores them in one canonical spelling, so the policy means one thing.
 */

/** Offsets are accepted as whole hours only: Go knows fixed offsets only as Etc/GMT±h zones. */
const OFFSET = /^([+-])(\d{2})(?::?(\d{2}))?$/;

/**
 * The IANA name Go's tzdata knows for `zone` (`utc` -> `UTC`, `europe/berlin` -> `Europe/Berlin`,
 * `+03:00` -> `Etc/GMT-3`), or an Error saying what to write instead.
 */
export function canonicalTimeZone(zone: string): string | Error {
  const offset = OFFSET.exec(zone.trim());
  if (offset) {
    const [, sign, hh, mm = '00'] = offset;
    const hours = Number(hh);
    if (mm !== '00' || hours > 14)
      return new Error(
        `time zone offset '${zone}' has no IANA name (only whole-hour offsets map to Etc/GMT±h); use the region's zone, e.g. Asia/Kolkata for +05:30`,
      );
    if (hours === 0) return 'UTC';
    // POSIX-style names invert the sign: UTC+03:00 is Etc/GMT-3.
    return `Etc/GMT${sign === '+' ? '-' : '+'}${hours}`;
  }
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return new Error(`unknown time zone '${zone}'; use an IANA name such as Europe/Berlin or UTC`);
  }
  // ICU also resolves names Go does not know (offsets, its own aliases): accept only the IANA
  // names of the tz database, which every Go build carries.
  if (resolved === 'UTC' || KNOWN_ZONES().has(resolved)) return resolved;
  return new Error(`time zone '${zone}' is not an IANA zone name; use one such as Europe/Berlin or UTC`);
}

let known: Set<string> | undefined;
function KNOWN_ZONES(): Set<string> {
  known ??= new Set([
    ...Intl.supportedValuesOf('timeZone'),
    // Canonical names ICU spells by their older alias; both spellings are in the tz database.
    'Asia/Kolkata',
    'Asia/Calcutta',
    'Europe/Kyiv',
    'Europe/Kiev',
    'Asia/Ho_Chi_Minh',
    'Asia/Saigon',
    'Asia/Kathmandu',
    'Asia/Katmandu',
    'America/Nuuk',
    'America/Godthab',
  ]);
  for (let h = 1; h <= 14; h++) {
    known.add(`Etc/GMT-${h}`);
    if (h <= 12) known.add(`Etc/GMT+${h}`);
  }
  return known;
}

/**
 * Checks that a /regex/ ref pattern is in the common subset of JavaScript (with the `u` flag) and
 * RE2: no lookaround, no backreferences, no named groups, no inline flags, no escapes that only
 * one of them knows, no `\s` (its meaning differs), repetition counts up to RE2's 1000.
 * Returns the problem, or undefined when the pattern is portable.
 */
export function re2Problem(source: string): string | undefined {
  const ESCAPES = new Set([...'dDwWbB.*+?()[]{}|^$\\/-nrtf']);
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const n = source[i + 1];
      if (n === undefined) return 'it ends with a lone backslash';
      if (/[1-9]/.test(n)) return `\\${n} is a backreference, which RE2 (OPA) does not support`;
      if (n === 'k') return '\\k<name> is a backreference, which RE2 (OPA) does not support';
      if (n === 's' || n === 'S')
        return `\\${n} matches different characters in JavaScript and RE2; write the characters, e.g. [ \\t]`;
      if (n === 'x') {
        if (!/^[0-9a-fA-F]{2}$/.test(source.slice(i + 2, i + 4)))
          return '\\x must be followed by two hex digits';
        i += 3;
        continue;
      }
      if (n === 'p' || n === 'P') {
        const m = /^\{[A-Za-z_]+\}/.exec(source.slice(i + 2));
        if (!m) return `\\${n} must name a Unicode class in braces, e.g. \\p{L}`;
        i += 1 + m[0].length;
        continue;
      }
      if (!ESCAPES.has(n))
        return `\\${n} is an escape that JavaScript and RE2 (OPA) do not read the same way`;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      else if (c === '[' && source[i + 1] === ':') return 'POSIX classes like [:alpha:] are RE2-only';
      continue;
    }
    if (c === '[') {
      if (source[i + 1] === ']' || source.slice(i + 1, i + 3) === '^]')
        return `'[]' and '[^]' mean different things in JavaScript and RE2`;
      inClass = true;
      // A leading ] or ^] is literal in RE2 but closes the class in JavaScript: rejected above.
      if (source[i + 1] === '^') i++;
      continue;
    }
    if (c === '(' && source[i + 1] === '?') {
      if (source[i + 2] === ':') continue;
      const what =
        source.startsWith('(?=', i) || source.startsWith('(?!', i)
          ? 'lookahead'
          : source.startsWith('(?<=', i) || source.startsWith('(?<!', i)
            ? 'lookbehind'
            : source.startsWith('(?<', i) || source.startsWith('(?P', i)
              ? 'a named group'
              : 'an inline flag';
      return `${what} '${source.slice(i, i + 4)}…' is not supported by RE2 (OPA); use (?:…) and plain alternatives`;
    }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (m && (Number(m[1]) > 1000 || (m[3] !== undefined && m[3] !== '' && Number(m[3]) > 1000)))
        return `a repetition count over 1000 (${m[0]}) is rejected by RE2 (OPA)`;
    }
  }
  return undefined;
}

/** Characters OPA's glob.match treats as syntax ({a,b}, [a-z], escapes) but our globs treat literally. */
export const GLOB_SPECIAL = /[{}[\]\\]/;

/**
 * A GitHub login as both engines compare it: NFC, without surrounding whitespace or invisible
 * characters (JavaScript's trim() and Go's strings.TrimSpace disagree on U+0085 and U+FEFF).
 */
export function normalizeLogin(login: string): string {
  return login
    .normalize('NFC')
    .replace(/^[\s\u0085\u180e\u200b-\u200d\u2060\ufeff]+|[\s\u0085\u180e\u200b-\u200d\u2060\ufeff]+$/gu, '');
}
