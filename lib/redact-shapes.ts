/**
 * Credential shapes the redactor masks even when nobody registered the value, found by a
 * hand-written scanner instead of regexes with lookbehind and open-ended repeats (those backtrack:
 * one such pattern took 27 s on a 68 KB string). One literal-anchor pass finds where a shape may
 * start; each anchor is then extended over character runs that are never scanned twice, so the
 * whole pass is linear in the text.
 *
 * An optional backslash before `_` and `-`: the same tokens after markdown escaping in a job
 * summary. No Node built-ins (lib/dlp and the edge Worker share this file's consumers).
 */

type Hit = (start: number, end: number) => void;

const ANCHORS =
  /gh[pousr]\\?_|github\\?_pat\\?_|A(?:KIA|SIA|BIA|CCA)|xox[abposre]|glpat\\?-|npm\\?_|eyJ|[Bb]earer|-----BEGIN |:\/\//g;

const ALNUM = charClass('A-Za-z0-9');
const UPPER_DIGIT = charClass('A-Z0-9');
const PAT = charClass('A-Za-z0-9_\\\\');
const SLACK = charClass('A-Za-z0-9\\\\\\-');
const GLPAT = charClass('A-Za-z0-9_\\\\\\-');
const JWT = GLPAT;
const BEARER = charClass('A-Za-z0-9._~+/\\\\\\-');
const WORD = charClass('A-Za-z0-9_');
const SCHEME = charClass('A-Za-z0-9+.\\-');
const PEM_BODY = charClass('A-Za-z0-9+/=,:.\\- \\t\\r\\n');

/** A 128-entry lookup table; code units past ASCII are never in these classes. */
function charClass(spec: string): Uint8Array {
  const table = new Uint8Array(128);
  const re = new RegExp(`[${spec}]`);
  for (let c = 0; c < 128; c++) if (re.test(String.fromCharCode(c))) table[c] = 1;
  return table;
}

function inClass(table: Uint8Array, code: number): boolean {
  return code < 128 && table[code] === 1;
}

/**
 * The end of the run of `table` characters starting at `from`. Remembers the last run per table so
 * that anchors inside one long run (`eyJ-eyJ-eyJ…`) do not rescan it: anchors arrive in order.
 */
class Runs {
  private readonly cache = new Map<Uint8Array, { start: number; end: number }>();
  private readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  end(table: Uint8Array, from: number): number {
    const last = this.cache.get(table);
    if (last && from >= last.start && from <= last.end) return last.end;
    let i = from;
    const { text } = this;
    while (i < text.length && inClass(table, text.charCodeAt(i))) i++;
    this.cache.set(table, { start: from, end: i });
    return i;
  }
}

function wordBefore(text: string, at: number): boolean {
  return at > 0 && inClass(WORD, text.charCodeAt(at - 1));
}

function wordAt(text: string, at: number): boolean {
  return at < text.length && inClass(WORD, text.charCodeAt(at));
}

export function scanShapes(text: string, hit: Hit): void {
  ANCHORS.lastIndex = 0;
  let m = ANCHORS.exec(text);
  if (!m) return;
  const runs = new Runs(text);
  // The next PEM footer at or after a position. Callers ask with increasing positions, and a
  // search starts past the previous answer, so all searches together read the text once.
  let footerAt = -2;
  const footer = (from: number): number => {
    if (footerAt === -2 || (footerAt >= 0 && footerAt < from)) footerAt = text.indexOf('-----END ', from);
    return footerAt;
  };
  let maskedTo = 0;
  const emit = (start: number, end: number) => {
    hit(start, end);
    if (end > maskedTo) maskedTo = end;
  };
  for (; m; m = ANCHORS.exec(text)) {
    const at = m.index;
    const anchor = m[0];
    const after = at + anchor.length;
    if (at < maskedTo && anchor !== '://') continue;
    switch (anchor[0]) {
      case 'g':
        if (wordBefore(text, at)) break;
        if (anchor.startsWith('github')) {
          if (runs.end(PAT, after) - after >= 22) emit(at, runs.end(PAT, after));
        } else if (anchor.startsWith('glpat')) {
          if (runs.end(GLPAT, after) - after >= 20) emit(at, runs.end(GLPAT, after));
        } else if (runs.end(ALNUM, after) - after >= 36) emit(at, runs.end(ALNUM, after));
        break;
      case 'A': {
        if (wordBefore(text, at)) break;
        const end = runs.end(UPPER_DIGIT, after);
        if (end - after === 16 && !wordAt(text, end)) emit(at, end);
        break;
      }
      case 'x': {
        if (wordBefore(text, at)) break;
        // xoxb-, xoxe.xoxp-, xoxe-: a dash or dot, then the token body
        const sep = text[after] === '\\' ? after + 1 : after;
        if (text[sep] !== '-' && text[sep] !== '.') break;
        const end = runs.end(SLACK, sep + 1);
        if (end - sep - 1 >= 10) emit(at, end);
        break;
      }
      case 'n': {
        if (wordBefore(text, at)) break;
        const end = runs.end(ALNUM, after);
        if (end - after >= 36) emit(at, end);
        break;
      }
      case 'e': {
        if (wordBefore(text, at)) break;
        const one = runs.end(JWT, after);
        if (one - after < 8 || text[one] !== '.' || !text.startsWith('eyJ', one + 1)) break;
        const two = runs.end(JWT, one + 4);
        if (two - one - 4 < 8 || text[two] !== '.') break;
        const three = runs.end(JWT, two + 1);
        if (three - two - 1 < 8) break;
        emit(at, three);
        break;
      }
      case 'B':
      case 'b': {
        if (wordBefore(text, at)) break;
        let i = after;
        while (i < text.length && /\s/.test(text[i]!)) i++;
        if (i === after) break;
        let end = runs.end(BEARER, i);
        if (end - i < 16) break;
        while (text[end] === '=') end++;
        emit(i, end);
        break;
      }
      case '-': {
        const header = /^[A-Z ]{0,40}PRIVATE KEY-----/.exec(text.slice(after, after + 60));
        if (!header) break;
        const bodyStart = after + header[0].length;
        let end = -1;
        for (let f = footer(bodyStart); f >= 0; f = footer(f + 1)) {
          const closing = /^-----END [A-Z ]{0,40}PRIVATE KEY-----/.exec(text.slice(f, f + 70));
          if (closing) {
            end = f + closing[0].length;
            break;
          }
        }
        // No footer (a truncated key in a log): mask the key material that follows the header.
        emit(at, end >= 0 ? end : runs.end(PEM_BODY, bodyStart));
        break;
      }
      case ':': {
        // scheme://userinfo@host — the userinfo runs to the last @ before the host.
        if (at === 0 || !inClass(SCHEME, text.charCodeAt(at - 1))) break;
        const start = after;
        let stop = start;
        while (stop < text.length && text[stop] !== '/' && !/\s/.test(text[stop]!)) stop++;
        let lastAt = -1;
        for (let i = stop - 2; i >= start; i--) {
          if (text[i] === '@' && text[i + 1] !== '@') {
            lastAt = i;
            break;
          }
        }
        if (lastAt <= start) break;
        let colon = start;
        while (colon < lastAt && text[colon] !== ':') colon++;
        const user = colon < lastAt ? text.slice(start, colon) : '';
        if (user.length > 0 && !user.includes('@')) {
          emit(start, lastAt);
          break;
        }
        // a token alone as userinfo: https://<token>@host (short names such as git@ are left alone)
        const end = runs.end(GLPAT, start);
        if (end === lastAt && end - start >= 20) emit(start, end);
        break;
      }
    }
  }
}
