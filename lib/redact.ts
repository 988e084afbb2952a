import { StringSet } from './aho-corasick.ts';
import { scanShapes } from './redact-shapes.ts';
import { escapeCell, escapeText } from './report/summary.ts';

/**
 * One redactor per run. Every string leaving an action — log lines, annotations, the job summary,
 * outputs, reports, SARIF, evidence files — passes through `redact()`. Secrets are registered by
 * value (tokens from inputs, values a scanner found) and by pattern (shapes that must never be
 * printed even if nobody registered them).
 */

export const MASK = '***';

/** Values shorter than this are not registered: masking "a" or "10" everywhere destroys output. */
const MIN_SECRET_LENGTH = 4;

/**
 * Masking is one pass over the text whatever was registered: registered values (every encoded
 * form) sit in an Aho-Corasick automaton, never in a RegExp built from them — V8 refuses a large
 * one and puts its source, the secrets, in the error — and the built-in credential shapes come from
 * a linear hand-written scanner (lib/redact-shapes.ts). Every match becomes an interval; the union
 * of the intervals is replaced by the mask, so overlapping matches never leave a tail visible.
 */
export class Redactor {
  private readonly values = new Set<string>();
  private readonly automaton = new StringSet();
  private readonly patterns: RegExp[] = [];
  /** Strings that stay readable where they appear whole (made on the first `addReadable`). */
  private readable: StringSet | undefined;

  /** Registers a value to mask wherever it appears, with its JSON- and URL-encoded forms. */
  addSecret(value: string | undefined | null): void {
    if (!value) return;
    for (const form of encodedForms(value)) {
      if (form.length >= MIN_SECRET_LENGTH && !this.values.has(form)) {
        this.values.add(form);
        this.automaton.add(form);
      }
    }
  }

  /**
   * Registers a URL that may carry credentials: the whole URL, and its user name and password on
   * their own (raw and percent-decoded), since a server's message or a log line can show either alone.
   */
  addUrlCredentials(url: URL): void {
    this.addSecret(url.href);
    for (const part of [url.username, url.password]) {
      if (!part) continue;
      this.addSecret(part);
      try {
        this.addSecret(decodeURIComponent(part));
      } catch {
        // not valid percent-encoding: the raw form is registered already
      }
    }
  }

  /**
   * An extra shape to mask. The caller vouches that it is linear (no nested or adjacent
   * overlapping repeats: lib/dlp/regex-safety.ts checks that) and never builds it from secrets.
   */
  addPattern(pattern: RegExp): void {
    const flags = pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g';
    this.patterns.push(new RegExp(pattern.source, flags));
  }

  /**
   * A string that stays readable wherever it appears whole: a workspace path a report names. A
   * found value that equals a file name, or sits inside one (`keys/<value>.pem`), is masked
   * everywhere else but not inside that path, so annotations, tables and SARIF locations still
   * say where the finding is. A path is no secret (anyone who sees the report sees the tree), and
   * a mask that reaches outside the path's text is kept whole.
   */
  addReadable(text: string | undefined | null): void {
    if (!text) return;
    this.readable ??= new StringSet();
    for (const form of readableForms(text)) if (form.length >= MIN_SECRET_LENGTH) this.readable.add(form);
  }

  /** The registered values, for handing on to a child redactor (never for printing). */
  secrets(): readonly string[] {
    return [...this.values];
  }

  redact(text: string): string {
    if (!text) return text;
    // Most strings hold nothing to mask: no span set is made for them.
    let spans: Spans | undefined;
    const add = (start: number, end: number): void => (spans ??= new Spans()).add(start, end);
    this.automaton.scan(text, add);
    scanShapes(text, add);
    for (const pattern of this.patterns) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        if (m[0].length === 0) pattern.lastIndex++;
        else add(m.index, m.index + m[0].length);
      }
    }
    if (spans === undefined) return text;
    if (this.readable !== undefined) {
      const kept = spans as Spans;
      const readable = new Spans();
      this.readable.scan(text, (start, end) => readable.add(start, end));
      kept.dropInside(readable);
    }
    return (spans as Spans).apply(text, MASK);
  }

  /** Redacts every string inside a JSON-like value, keys included. */
  redactDeep<T>(value: T): T {
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((item) => this.walk(item));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[this.redact(key)] = this.walk(item);
      return out;
    }
    return value;
  }
}

/** A union of half-open intervals, sorted once when applied (O(k log k) for k matches). */
class Spans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  add(start: number, end: number): void {
    const last = this.starts.length - 1;
    // Consecutive hits of one source often overlap (a long value reported at each end position).
    if (last >= 0 && this.starts[last]! <= start && this.ends[last]! >= start) {
      if (end > this.ends[last]!) this.ends[last] = end;
      return;
    }
    this.starts.push(start);
    this.ends.push(end);
  }

  /**
   * Drops every interval that lies wholly inside one of `outer`'s. Sorted once, then a binary
   * search per interval: O((k + r) log r).
   */
  dropInside(outer: Spans): void {
    const count = outer.starts.length;
    if (count === 0) return;
    const order = Array.from({ length: count }, (_, i) => i).sort(
      (a, b) => outer.starts[a]! - outer.starts[b]!,
    );
    const starts = order.map((i) => outer.starts[i]!);
    // reach[i]: the furthest end among the first i+1 outer intervals by start.
    const reach: number[] = [];
    for (const i of order) reach.push(Math.max(reach[reach.length - 1] ?? 0, outer.ends[i]!));
    // Compacted in place: kept intervals move down, the tail is cut.
    let w = 0;
    for (let k = 0; k < this.starts.length; k++) {
      const s = this.starts[k]!;
      const e = this.ends[k]!;
      let lo = 0;
      let hi = count;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! <= s) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0 && reach[lo - 1]! >= e) continue;
      this.starts[w] = s;
      this.ends[w] = e;
      w++;
    }
    this.starts.length = w;
    this.ends.length = w;
  }

  apply(text: string, mask: string): string {
    const count = this.starts.length;
    if (count === 0) return text;
    const order = Array.from({ length: count }, (_, i) => i).sort(
      (a, b) => this.starts[a]! - this.starts[b]!,
    );
    const parts: string[] = [];
    let at = 0;
    let open = -1;
    let close = -1;
    for (const i of order) {
      const s = this.starts[i]!;
      const e = this.ends[i]!;
      if (open >= 0 && s <= close) {
        if (e > close) close = e;
        continue;
      }
      if (open >= 0) {
        parts.push(text.slice(at, open), mask);
        at = close;
      }
      open = s;
      close = e;
    }
    parts.push(text.slice(at, open), mask, text.slice(close));
    return parts.join('');
  }
}

function encodedForms(value: string): string[] {
  const forms = new Set<string>([value, value.trim()]);
  forms.add(JSON.stringify(value).slice(1, -1));
  forms.add(encodeURIComponent(value));
  // Markdown and HTML escaping happen before redaction (the summary builder escapes user text),
  // and GitHub renders the escaped form back to the value: mask those forms too.
  forms.add(escapeText(value));
  forms.add(escapeCell(value));
  // Workflow-command escaping of annotation data and properties.
  forms.add(value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
  forms.add(
    value
      .replace(/%/g, '%25')
      .replace(/\r/g, '%0D')
      .replace(/\n/g, '%0A')
      .replace(/:/g, '%3A')
      .replace(/,/g, '%2C'),
  );
  // A multi-line secret (a PEM key) also appears line by line in logs.
  for (const line of value.split(/\r?\n/)) if (line.trim().length >= 8) forms.add(line.trim());
  return [...forms].filter(Boolean);
}

/**
 * The forms a path takes in outputs: as is, JSON-escaped, escaped for the summary's text and
 * table cells, and as a SARIF artifact URI (each segment percent-encoded, `@` and `+` kept, as
 * lib/report/sarif.ts writes it).
 */
function readableForms(path: string): string[] {
  const forms = new Set<string>([
    path,
    JSON.stringify(path).slice(1, -1),
    escapeText(path),
    escapeCell(path),
  ]);
  forms.add(
    path
      .split('/')
      .map((segment) => encodeURIComponent(segment).replace(/%40/g, '@').replace(/%2B/g, '+'))
      .join('/'),
  );
  return [...forms].filter(Boolean);
}

/**
 * A preview that says which value without showing it: its first characters and its length,
 * e.g. `AKIA…(20)`. Short values show nothing but the length.
 */
export function maskedPreview(value: string, visible = 4): string {
  if (value.length <= visible * 2) return `…(${value.length})`;
  return `${value.slice(0, visible)}…(${value.length})`;
}
