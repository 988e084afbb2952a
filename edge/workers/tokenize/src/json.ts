/**
 * Finds what to tokenize in a JSON text without building a tree: one forward walk that records
 * the spans (strings, numbers, keys) to replace. Everything between them is copied as it was, so
 * key order, arrays, formatting and numbers that do not fit a double (big integers) stay exact.
 * The walk assumes valid JSON: the caller has JSON.parse'd the text first (native, and the one
 * place that decides "malformed").
 */
import { findPii, GATE_CHARS, KEYWORD_RULES, MIN_DIGITS, type Span } from './detect.ts';
import type { FieldMap } from './fields.ts';

export interface Site {
  /** [start, end) in the text: a string with its quotes, or a number. */
  start: number;
  end: number;
  kind: 'string' | 'number' | 'key';
  /** Decoded string value, or the number's text. */
  value: string;
  /** A configured field: the whole value becomes one token. */
  field?: string;
  /** Otherwise: detected PII spans inside `value`. */
  spans?: Span[];
  /** The key the value sits under (the detectors' context). */
  context?: string;
}

export class JsonDepthError extends Error {}

/** Deeper than this is refused: the walk is recursive and a Worker's stack is small. */
export const MAX_DEPTH = 512;

const WS = new Uint8Array(128);
for (const c of ' \t\n\r') WS[c.charCodeAt(0)] = 1;

class Walk {
  private i = 0;
  private nextBackslash: number;
  /** Next position of each gate character (lib/dlp gates, e.g. `@`), advanced lazily. */
  private readonly nextGate: number[];
  private readonly keyCache = new Map<string, string | null>();
  readonly sites: Site[] = [];
  private readonly s: string;
  private readonly fields: FieldMap;

  constructor(s: string, fields: FieldMap) {
    this.s = s;
    this.fields = fields;
    this.nextBackslash = this.find('\\', 0);
    this.nextGate = GATE_CHARS.map((c) => this.find(c, 0));
  }

  private find(ch: string, from: number): number {
    const at = this.s.indexOf(ch, from);
    return at === -1 ? Infinity : at;
  }

  private ws(): void {
    const s = this.s;
    let c = s.charCodeAt(this.i);
    while (c < 128 && WS[c] === 1) c = s.charCodeAt(++this.i);
  }

  /** The end (exclusive, after the quote) of the string starting at i; sets `escaped`. */
  private stringEnd(): number {
    const s = this.s;
    const open = this.i;
    let close = s.indexOf('"', open + 1);
    this.escaped = this.nextBackslash < close;
    if (this.escaped) {
      let k = open + 1;
      for (;;) {
        const c = s.charCodeAt(k);
        if (c === 92) k += 2;
        else if (c === 34) break;
        else k++;
      }
      close = k;
      this.nextBackslash = this.find('\\', close);
    }
    this.i = close + 1;
    return this.i;
  }
  private escaped = false;

  /** lib/dlp's gates over [a, b) of the raw text, without slicing it. */
  private gateInRange(a: number, b: number): boolean {
    if (KEYWORD_RULES) return true;
    for (let g = 0; g < this.nextGate.length; g++) {
      let at = this.nextGate[g]!;
      if (at < a) this.nextGate[g] = at = this.find(GATE_CHARS[g]!, a);
      if (at < b) return true;
    }
    const s = this.s;
    let digits = 0;
    for (let k = a; k < b; k++) {
      const c = s.charCodeAt(k);
      if (c >= 48 && c <= 57 && ++digits >= MIN_DIGITS) return true;
    }
    return false;
  }

  private fieldOfKey(key: string): string | undefined {
    let field = this.keyCache.get(key);
    if (field === undefined) {
      field = this.fields.fieldOf(key) ?? null;
      this.keyCache.set(key, field);
    }
    return field ?? undefined;
  }

  value(field: string | undefined, key: string, depth: number): void {
    if (depth > MAX_DEPTH) throw new JsonDepthError(`JSON nested deeper than ${MAX_DEPTH}`);
    this.ws();
    const s = this.s;
    const c = s.charCodeAt(this.i);
    if (c === 123) return this.object(depth);
    if (c === 91) return this.array(field, key, depth);
    if (c === 34) {
      const start = this.i;
      const end = this.stringEnd();
      if (field !== undefined) {
        this.sites.push({ start, end, kind: 'string', value: this.decode(start, end), field });
        return;
      }
      if (this.escaped) {
        const value = this.decode(start, end);
        const spans = findPii(value, key);
        if (spans.length > 0) this.sites.push({ start, end, kind: 'string', value, spans, context: key });
      } else if (this.gateInRange(start + 1, end - 1)) {
        const value = s.slice(start + 1, end - 1);
        const spans = findPii(value, key);
        if (spans.length > 0) this.sites.push({ start, end, kind: 'string', value, spans, context: key });
      }
      return;
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      const start = this.i;
      let k = start + 1;
      for (;;) {
        const d = s.charCodeAt(k);
        if ((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45) k++;
        else break;
      }
      this.i = k;
      if (field !== undefined)
        this.sites.push({ start, end: k, kind: 'number', value: s.slice(start, k), field });
      else if (this.gateInRange(start, k)) {
        const value = s.slice(start, k);
        const spans = findPii(value, key);
        if (spans.length > 0) this.sites.push({ start, end: k, kind: 'number', value, spans, context: key });
      }
      return;
    }
    // true / false / null
    this.i += c === 102 ? 5 : 4;
  }

  private decode(start: number, end: number): string {
    return this.escaped ? (JSON.parse(this.s.slice(start, end)) as string) : this.s.slice(start + 1, end - 1);
  }

  private object(depth: number): void {
    const s = this.s;
    this.i++;
    this.ws();
    if (s.charCodeAt(this.i) === 125) {
      this.i++;
      return;
    }
    for (;;) {
      this.ws();
      const start = this.i;
      const end = this.stringEnd();
      const key = this.decode(start, end);
      if (this.escaped || this.gateInRange(start + 1, end - 1)) {
        const spans = findPii(key, '');
        if (spans.length > 0) this.sites.push({ start, end, kind: 'key', value: key, spans, context: '' });
      }
      this.ws();
      this.i++; // ':'
      this.value(this.fieldOfKey(key), key, depth + 1);
      this.ws();
      if (s.charCodeAt(this.i++) === 125) return;
    }
  }

  /** Elements of an array under a configured key are that field too (`"emails": [...]`). */
  private array(field: string | undefined, key: string, depth: number): void {
    const s = this.s;
    this.i++;
    this.ws();
    if (s.charCodeAt(this.i) === 93) {
      this.i++;
      return;
    }
    for (;;) {
      this.value(field, key, depth + 1);
      this.ws();
      if (s.charCodeAt(this.i++) === 93) return;
    }
  }
}

/** Sites to tokenize in `text`, in text order. `text` must be valid JSON. */
export function planJson(text: string, fields: FieldMap): Site[] {
  const walk = new Walk(text, fields);
  walk.value(undefined, '', 0);
  return walk.sites;
}
