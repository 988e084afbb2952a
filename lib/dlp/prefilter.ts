/**
 * One pass over the text before any regex runs. An Aho-Corasick automaton (a dense DFA over a
 * small alphabet of the keywords' characters) finds every keyword occurrence; the same loop
 * records runs of digits (for card/SSN/phone/IBAN rules, which have no distinctive keyword) and
 * the positions of gate characters (`@` for email). Everything else in the scanner only looks at
 * what this pass reported.
 *
 * Case: keywords are matched on ASCII-lowercased text; a case-sensitive keyword is confirmed
 * with one `startsWith` at the hit, so both kinds share one automaton.
 */

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

const FLAG_DIGIT = 1;
const FLAG_SEPARATOR = 2;
const FLAG_GATE_CHAR = 4;
/** Characters allowed inside a formatted number: `4111 1111`, `555-0100`, `(415) 555`, `+44 20`. */
const SEPARATORS = ' -.()/+';
/** More consecutive separators than this end a digit run. */
const MAX_SEPARATORS = 2;

export class Prefilter {
  readonly keywords: readonly KeywordSpec[];
  private readonly classOf = new Uint16Array(128);
  private readonly flags = new Uint8Array(128);
  private readonly classes: number;
  /** delta[state + class] = next state, states premultiplied by `classes`. */
  private readonly delta: Int32Array;
  /** Non-zero when the (premultiplied) state has outputs. */
  private readonly hasOutput: Uint8Array;
  private readonly outputs: Map<number, number[]>;
  private readonly minDigits: number;

  constructor(keywords: readonly KeywordSpec[], gate: { minDigits?: number; chars?: string[] } = {}) {
    this.keywords = keywords;
    for (const k of keywords) {
      if (k.text.length === 0) throw new Error('empty keyword');
      for (let i = 0; i < k.text.length; i++) {
        if (k.text.charCodeAt(i) > 126) throw new Error(`keyword '${k.text}': only printable ASCII is supported`);
      }
    }
    // Alphabet: one class per distinct lowercased keyword character; class 0 is "anything else".
    let next = 1;
    for (const k of keywords) {
      for (const ch of k.text.toLowerCase()) {
        const code = ch.charCodeAt(0);
        if (this.classOf[code] === 0) this.classOf[code] = next++;
      }
    }
    for (let c = 65; c <= 90; c++) this.classOf[c] = this.classOf[c + 32]!;
    this.classes = next;

    // Trie.
    const goto: Array<Map<number, number>> = [new Map()];
    const out: number[][] = [[]];
    keywords.forEach((k, index) => {
      let s = 0;
      for (const ch of k.text.toLowerCase()) {
        const cls = this.classOf[ch.charCodeAt(0)]!;
        let t = goto[s]!.get(cls);
        if (t === undefined) {
          t = goto.length;
          goto.push(new Map());
          out.push([]);
          goto[s]!.set(cls, t);
        }
        s = t;
      }
      out[s]!.push(index);
    });

    // Failure links (BFS) folded into a full DFA.
    const states = goto.length;
    const K = this.classes;
    const delta = new Int32Array(states * K);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let cls = 0; cls < K; cls++) {
      const t = goto[0]!.get(cls);
      if (t !== undefined) {
        delta[cls] = t * K;
        fail[t] = 0;
        queue.push(t);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      out[s]!.push(...out[fail[s]!]!);
      for (let cls = 0; cls < K; cls++) {
        const t = goto[s]!.get(cls);
        if (t !== undefined) {
          fail[t] = delta[fail[s]! * K + cls]! / K;
          delta[s * K + cls] = t * K;
          queue.push(t);
        } else {
          delta[s * K + cls] = delta[fail[s]! * K + cls]!;
        }
      }
    }
    this.delta = delta;
    this.hasOutput = new Uint8Array(states * K);
    this.outputs = new Map();
    for (let s = 0; s < states; s++) {
      if (out[s]!.length > 0) {
        this.hasOutput[s * K] = 1;
        this.outputs.set(s * K, [...new Set(out[s])]);
      }
    }

    this.minDigits = gate.minDigits ?? 0;
    if (this.minDigits > 0) {
      for (let c = 48; c <= 57; c++) this.flags[c] = FLAG_DIGIT;
      for (const ch of SEPARATORS) this.flags[ch.charCodeAt(0)] = FLAG_SEPARATOR;
    }
    for (const ch of gate.chars ?? []) this.flags[ch.charCodeAt(0)] = this.flags[ch.charCodeAt(0)]! | FLAG_GATE_CHAR;
  }

  scan(text: string): PrefilterResult {
    const keywordHits: number[] = [];
    const digitRuns: number[] = [];
    const charHits: number[] = [];
    const { delta, hasOutput, classOf, flags, keywords, outputs, minDigits } = this;
    const n = text.length;
    let s = 0;
    let run = 0;
    let runStart = 0;
    let runEnd = 0;
    let separators = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) {
        s = 0;
        if (run !== 0) {
          if (run >= minDigits) digitRuns.push(runStart, runEnd, run);
          run = 0;
        }
        continue;
      }
      s = delta[s + classOf[c]!]!;
      if (hasOutput[s] !== 0) {
        for (const k of outputs.get(s)!) {
          const kw = keywords[k]!;
          const start = i - kw.text.length + 1;
          if (kw.ignoreCase || text.startsWith(kw.text, start)) keywordHits.push(k, start);
        }
      }
      const f = flags[c]!;
      if (f === 0 && run === 0) continue;
      if ((f & FLAG_DIGIT) !== 0) {
        if (run === 0) runStart = i;
        run++;
        runEnd = i + 1;
        separators = 0;
      } else if (run !== 0) {
        if ((f & FLAG_SEPARATOR) !== 0 && separators < MAX_SEPARATORS) separators++;
        else {
          if (run >= minDigits) digitRuns.push(runStart, runEnd, run);
          run = 0;
          separators = 0;
        }
      }
      if ((f & FLAG_GATE_CHAR) !== 0) charHits.push(c, i);
    }
    if (run !== 0 && run >= minDigits) digitRuns.push(runStart, runEnd, run);
    return { keywordHits, digitRuns, charHits };
  }
}
