/**
 * One pass over the text before any regex runs: an Aho-Corasick automaton, compiled to a dense
 * DFA over a small alphabet (one class per keyword character, one for all digits, one per gate
 * character, one for everything else). Its patterns are the keywords, "three digits in a row"
 * (the trigger for card/SSN/phone/IBAN rules, which have no distinctive keyword) and the gate
 * characters (`@` for email). The hot loop is one table lookup and one compare per byte;
 * everything else in the scanner only looks at what this pass reported.
 *
 * Case: keywords are matched on ASCII-lowercased text; a case-sensitive keyword (or one with a
 * digit, since digits share a class) is confirmed with one comparison at the hit, so all kinds
 * share one automaton.
 */
import { DIGIT_TRIGGER, MAX_SEPARATORS, SEPARATORS } from './digit-run.ts';

export interface KeywordSpec {
  text: string;
  ignoreCase: boolean;
}

export interface PrefilterResult {
  /** Pairs of (keyword index, start offset). */
  keywordHits: number[];
  /** Triples of (start offset, end offset, digit count) for digit runs >= the smallest gate. */
  digitRuns: number[];
  /** Pairs of (char code, offset) for gate characters. */
  charHits: number[];
}

/** Texts from this size are walked as two interleaved streams. */
const TWO_STREAMS_FROM = 1024;

const DIGITS_CODE = -1;
/** Gate character c is reported as `CHAR_CODE - c` (always < DIGITS_CODE). */
const CHAR_CODE = -2;

type Output = { kind: 'keyword'; index: number } | { kind: 'digits' } | { kind: 'char'; code: number };

let scratch = Buffer.allocUnsafe(1 << 16);

/** The string's UTF-16 code units as bytes (low byte), in a reused buffer: no allocation per call. */
function latin1(text: string): Buffer {
  if (scratch.length < text.length) scratch = Buffer.allocUnsafe(Math.max(text.length, scratch.length * 2));
  const n = scratch.write(text, 0, 'latin1');
  return scratch.subarray(0, n);
}

export class Prefilter {
  readonly keywords: readonly KeywordSpec[];
  private readonly lowered: readonly string[];
  private readonly confirm: readonly boolean[];
  /** Byte -> alphabet class. */
  private readonly classOf = new Uint8Array(256);
  /** Byte -> 1 digit, 2 separator, 0 other. */
  private readonly digitKind = new Uint8Array(256);
  /** delta[state + class] = next state; states premultiplied by the class count. */
  private readonly delta: Uint16Array | Uint32Array;
  /** States with outputs are numbered last: `state >= outputFrom` is the only test per byte. */
  private readonly outputFrom: number;
  /** Outputs by (premultiplied) state. */
  private readonly outputs: Output[][] = [];
  /**
   * The same outputs, flat and typed for the hot path: for state s, `outputCodes` from
   * `outputStart[s / K]` to `outputStart[s / K + 1]`; a code >= 0 is a keyword index,
   * `DIGITS_CODE` the digit trigger, `CHAR_CODE - c` the gate character c.
   */
  private readonly outputStart: Int32Array;
  private readonly outputCodes: Int32Array;
  private readonly classCount: number;
  private readonly keywordLength: Int32Array;
  /** 0: no confirmation; 1: case-sensitive `startsWith`; 2: ASCII case-insensitive compare. */
  private readonly confirmKind: Uint8Array;
  /**
   * By (premultiplied) state: the keyword index when the state's only output is one keyword that
   * needs no confirmation (the generic words: most hits), else -1. Lets the loop record those
   * hits itself instead of calling `report`.
   */
  private readonly singleKeyword: Int32Array;
  /** 1 for states whose only output is the digit trigger: inside a long run they fire per digit. */
  private readonly digitsOnly: Uint8Array;
  private readonly minDigits: number;
  /** How far back a state can look: the longest pattern, or the digit twin state's 4 digits. */
  private readonly overlap: number;

  constructor(keywords: readonly KeywordSpec[], gate: { minDigits?: number; chars?: string[] } = {}) {
    this.keywords = keywords;
    for (const k of keywords) {
      if (k.text.length === 0) throw new Error('empty keyword');
      for (let i = 0; i < k.text.length; i++) {
        if (k.text.charCodeAt(i) < 32 || k.text.charCodeAt(i) > 126)
          throw new Error(`keyword '${k.text}': only printable ASCII is supported`);
      }
    }
    this.lowered = keywords.map((k) => k.text.toLowerCase());
    this.confirm = keywords.map((k) => !k.ignoreCase || /\d/.test(k.text));
    this.minDigits = gate.minDigits ?? 0;
    this.overlap = Math.max(DIGIT_TRIGGER + 1, ...keywords.map((k) => k.text.length));

    // Alphabet.
    let next = 1;
    const digitClass = next++;
    for (let c = 48; c <= 57; c++) {
      this.classOf[c] = digitClass;
      this.digitKind[c] = 1;
    }
    for (const ch of SEPARATORS) this.digitKind[ch.charCodeAt(0)] = 2;
    const classFor = (code: number): number => {
      if (this.classOf[code] === 0) this.classOf[code] = next++;
      return this.classOf[code]!;
    };
    for (const k of this.lowered) for (const ch of k) classFor(ch.charCodeAt(0));
    for (const ch of gate.chars ?? []) classFor(ch.charCodeAt(0));
    for (let c = 65; c <= 90; c++) if (this.classOf[c + 32] !== 0) this.classOf[c] = this.classOf[c + 32]!;
    const K = next;

    // Patterns as class sequences.
    const patterns: Array<{ classes: number[]; output: Output }> = this.lowered.map((k, index) => ({
      classes: [...k].map((ch) => this.classOf[ch.charCodeAt(0)]!),
      output: { kind: 'keyword', index },
    }));
    if (this.minDigits > 0)
      patterns.push({ classes: Array(DIGIT_TRIGGER).fill(digitClass), output: { kind: 'digits' } });
    for (const ch of gate.chars ?? []) {
      const code = ch.charCodeAt(0);
      patterns.push({ classes: [this.classOf[code]!], output: { kind: 'char', code } });
    }

    // Trie.
    const goto: Array<Map<number, number>> = [new Map()];
    const out: Output[][] = [[]];
    for (const p of patterns) {
      let s = 0;
      for (const cls of p.classes) {
        let t = goto[s]!.get(cls);
        if (t === undefined) {
          t = goto.length;
          goto.push(new Map());
          out.push([]);
          goto[s]!.set(cls, t);
        }
        s = t;
      }
      out[s]!.push(p.output);
    }

    // Failure links (BFS), folded into a full transition table.
    let states = goto.length;
    let next0 = new Int32Array(states * K);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let cls = 0; cls < K; cls++) {
      const t = goto[0]!.get(cls);
      if (t !== undefined) {
        next0[cls] = t;
        queue.push(t);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      out[s]!.push(...out[fail[s]!]!);
      for (let cls = 0; cls < K; cls++) {
        const t = goto[s]!.get(cls);
        if (t !== undefined) {
          fail[t] = next0[fail[s]! * K + cls]!;
          next0[s * K + cls] = t;
          queue.push(t);
        } else {
          next0[s * K + cls] = next0[fail[s]! * K + cls]!;
        }
      }
    }

    // Inside a long digit run (timestamps, hashes, ids) the trigger state would fire on every
    // digit after the third. A twin state without output takes over after the trigger's next
    // digit, so a run fires once (again after a separator). Same transitions otherwise, so no
    // keyword is affected; skipped when a keyword holds three digits in a row.
    const triggerPath = Array(DIGIT_TRIGGER).fill(digitClass);
    const digitHeavy = patterns.some(
      (p) =>
        p.output.kind === 'keyword' &&
        p.classes.some((_, i) => triggerPath.every((c, j) => p.classes[i + j] === c)),
    );
    if (this.minDigits > 0 && !digitHeavy) {
      let trigger = 0;
      for (const cls of triggerPath) trigger = goto[trigger]!.get(cls)!;
      const twin = states++;
      const grown = new Int32Array(states * K);
      grown.set(next0);
      for (let cls = 0; cls < K; cls++) grown[twin * K + cls] = next0[trigger * K + cls]!;
      grown[twin * K + digitClass] = twin;
      grown[trigger * K + digitClass] = twin;
      next0 = grown;
      out.push([]);
    }

    // Renumber: states without outputs first, so one compare tells "has outputs".
    const order = [...Array(states).keys()].sort(
      (a, b) => Number(out[a]!.length > 0) - Number(out[b]!.length > 0),
    );
    const renumbered = new Int32Array(states);
    order.forEach((old, i) => (renumbered[old] = i));
    const firstOutput = order.findIndex((s) => out[s]!.length > 0);
    this.outputFrom = (firstOutput === -1 ? states : firstOutput) * K;
    const delta = states * K < 65536 ? new Uint16Array(states * K) : new Uint32Array(states * K);
    for (let s = 0; s < states; s++) {
      for (let cls = 0; cls < K; cls++)
        delta[renumbered[s]! * K + cls] = renumbered[next0[s * K + cls]!]! * K;
      if (out[s]!.length > 0) this.outputs[renumbered[s]! * K] = out[s]!;
    }
    this.delta = delta;
    this.digitsOnly = new Uint8Array(states * K);
    this.outputs.forEach((o, state) => {
      if (o.every((x) => x.kind === 'digits')) this.digitsOnly[state] = 1;
    });
    this.classCount = K;
    this.outputStart = new Int32Array(states + 1);
    const codes: number[] = [];
    for (let s = 0; s < states; s++) {
      this.outputStart[s] = codes.length;
      for (const o of this.outputs[s * K] ?? [])
        codes.push(o.kind === 'keyword' ? o.index : o.kind === 'digits' ? DIGITS_CODE : CHAR_CODE - o.code);
    }
    this.outputStart[states] = codes.length;
    this.outputCodes = Int32Array.from(codes);
    this.keywordLength = Int32Array.from(keywords, (k) => k.text.length);
    this.confirmKind = Uint8Array.from(keywords, (k, i) => (!this.confirm[i] ? 0 : k.ignoreCase ? 2 : 1));
    this.singleKeyword = new Int32Array(states * K).fill(-1);
    for (let s = 0; s < states; s++) {
      const codesOf = this.outputCodes.subarray(this.outputStart[s]!, this.outputStart[s + 1]!);
      if (codesOf.length === 1 && codesOf[0]! >= 0 && this.confirmKind[codesOf[0]!] === 0)
        this.singleKeyword[s * K] = codesOf[0]!;
    }
  }

  /**
   * The pass runs over `latin1` bytes of the string: one byte per UTF-16 code unit, so offsets
   * are the string's. A code unit above 0xFF keeps only its low byte, which can only add a
   * spurious hit (the regex then rejects it), never hide a keyword, since keywords are ASCII.
   * Bytes are about twice as fast to walk as `charCodeAt`.
   */
  scan(text: string): PrefilterResult {
    const bytes = latin1(text);
    const result: PrefilterResult = { keywordHits: [], digitRuns: [], charHits: [] };
    const n = bytes.length;
    // Stream 2 starts `overlap` bytes before the middle, so from the middle on its state is the
    // one a single pass would have (no pattern, nor the digit twin state, looks further back).
    // Both streams are `mid` bytes long, so one loop covers both with no tail loop: a tail that
    // runs after the loop was optimised would deoptimise it on every call (no type feedback).
    const mid = (n + this.overlap + 1) >> 1;
    if (n < TWO_STREAMS_FROM) {
      this.walk(bytes, text, 0, n, 0, result);
      return result;
    }
    const second: PrefilterResult = { keywordHits: [], digitRuns: [], charHits: [] };
    this.walkTwo(bytes, text, mid, n - mid, result, second);
    // A digit run across the middle is reported by both streams: keep the first stream's.
    const lastEnd = result.digitRuns.length > 0 ? result.digitRuns[result.digitRuns.length - 2]! : -1;
    let r = 0;
    while (r < second.digitRuns.length && second.digitRuns[r]! < lastEnd) r += 3;
    for (; r < second.digitRuns.length; r++) result.digitRuns.push(second.digitRuns[r]!);
    for (const x of second.keywordHits) result.keywordHits.push(x);
    for (const x of second.charHits) result.charHits.push(x);
    return result;
  }

  /** One pass over bytes [from, to), reporting outputs that end at or after `reportFrom`. */
  private walk(
    bytes: Uint8Array,
    text: string,
    from: number,
    to: number,
    reportFrom: number,
    result: PrefilterResult,
  ): void {
    const { delta, classOf, outputFrom, digitsOnly, singleKeyword, keywordLength } = this;
    const hits = result.keywordHits;
    let s = 0;
    let skipDigitsUntil = reportFrom;
    for (let i = from; i < to; i++) {
      s = delta[s + classOf[bytes[i]!]!]!;
      if (s >= outputFrom && i >= reportFrom) {
        const k = singleKeyword[s]!;
        if (k >= 0) hits.push(k, i - keywordLength[k]! + 1);
        else if (digitsOnly[s] === 0)
          skipDigitsUntil = this.report(s, i, text, bytes, result, skipDigitsUntil);
        else if (i >= skipDigitsUntil) skipDigitsUntil = this.digitRun(bytes, i - DIGIT_TRIGGER + 1, result);
      }
    }
  }

  /**
   * Two interleaved passes of `mid` bytes: [0, mid) and [start2, start2 + mid), reporting the
   * second from `mid` on. Each step of one automaton waits on the previous table load; two
   * independent chains keep the CPU busy during that wait (measured ~1.5x on the bench corpus).
   */
  private walkTwo(
    bytes: Uint8Array,
    text: string,
    mid: number,
    start2: number,
    first: PrefilterResult,
    second: PrefilterResult,
  ): void {
    const { delta, classOf, outputFrom, digitsOnly, singleKeyword, keywordLength } = this;
    const hits1 = first.keywordHits;
    const hits2 = second.keywordHits;
    let s1 = 0;
    let s2 = 0;
    let skip1 = 0;
    let skip2 = mid;
    for (let i = 0, j = start2; i < mid; i++, j++) {
      s1 = delta[s1 + classOf[bytes[i]!]!]!;
      s2 = delta[s2 + classOf[bytes[j]!]!]!;
      if (s1 >= outputFrom) {
        const k = singleKeyword[s1]!;
        if (k >= 0) hits1.push(k, i - keywordLength[k]! + 1);
        else if (digitsOnly[s1] === 0) skip1 = this.report(s1, i, text, bytes, first, skip1);
        else if (i >= skip1) skip1 = this.digitRun(bytes, i - DIGIT_TRIGGER + 1, first);
      }
      if (s2 >= outputFrom && j >= mid) {
        const k = singleKeyword[s2]!;
        if (k >= 0) hits2.push(k, j - keywordLength[k]! + 1);
        else if (digitsOnly[s2] === 0) skip2 = this.report(s2, j, text, bytes, second, skip2);
        else if (j >= skip2) skip2 = this.digitRun(bytes, j - DIGIT_TRIGGER + 1, second);
      }
    }
  }

  private report(
    state: number,
    end: number,
    text: string,
    bytes: Uint8Array,
    result: PrefilterResult,
    skipDigitsUntil: number,
  ): number {
    const row = state / this.classCount;
    const last = this.outputStart[row + 1]!;
    for (let o = this.outputStart[row]!; o < last; o++) {
      const code = this.outputCodes[o]!;
      if (code >= 0) {
        const start = end - this.keywordLength[code]! + 1;
        const kind = this.confirmKind[code]!;
        if (
          kind === 0 ||
          (kind === 1
            ? text.startsWith(this.keywords[code]!.text, start)
            : this.sameIgnoringCase(text, start, this.lowered[code]!))
        ) {
          result.keywordHits.push(code, start);
        }
      } else if (code === DIGITS_CODE) {
        if (end >= skipDigitsUntil) skipDigitsUntil = this.digitRun(bytes, end - DIGIT_TRIGGER + 1, result);
      } else {
        result.charHits.push(CHAR_CODE - code, end);
      }
    }
    return skipDigitsUntil;
  }

  /** `text` at `start` equals `lowered` ignoring ASCII case (no slice, no toLowerCase copy). */
  private sameIgnoringCase(text: string, start: number, lowered: string): boolean {
    for (let i = 0; i < lowered.length; i++) {
      let c = text.charCodeAt(start + i);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== lowered.charCodeAt(i)) return false;
    }
    return true;
  }

  /**
   * Measures the run of digits (separators allowed) around the three digits at `at`; records it
   * when long enough. Most runs in code are short numbers (ports, ids, hex), rejected after a few
   * bytes.
   */
  private digitRun(bytes: Uint8Array, at: number, result: PrefilterResult): number {
    const kind = this.digitKind;
    let start = at;
    let digits = DIGIT_TRIGGER;
    for (let i = at - 1, seps = 0; i >= 0; i--) {
      const k = kind[bytes[i]!]!;
      if (k === 1) {
        start = i;
        digits++;
        seps = 0;
      } else if (k === 2 && seps < MAX_SEPARATORS) seps++;
      else break;
    }
    let end = at + DIGIT_TRIGGER;
    for (let i = end, seps = 0, n = bytes.length; i < n; i++) {
      const k = kind[bytes[i]!]!;
      if (k === 1) {
        end = i + 1;
        digits++;
        seps = 0;
      } else if (k === 2 && seps < MAX_SEPARATORS) seps++;
      else break;
    }
    if (digits >= this.minDigits) result.digitRuns.push(start, end, digits);
    return end;
  }
}
