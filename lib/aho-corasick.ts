/**
 * An Aho-Corasick automaton over UTF-16 code units that reports, for each position of a text, the
 * longest registered string ending there. One pass, O(text + total pattern length), whatever the
 * strings contain — unlike a RegExp alternation built from them, which V8 refuses past a size
 * ("Regular expression too large", with the source — the secrets — in the message) and which can
 * backtrack.
 *
 * Everything lives in typed arrays: the root's transitions in a dense table, every other
 * transition in one open-addressing hash table keyed by (node, code unit). A run that registers a
 * thousand findings (PEM keys in all their encoded forms: over half a million code units) builds
 * in a few milliseconds, and a scan costs a few table reads per code unit (bench/redact).
 *
 * No Node built-ins: lib/dlp and the edge Worker may use it.
 */

const ROOT = 0;
const NONE = -1;
const INITIAL_NODES = 1024;

export class StringSet {
  /** The root's transitions as a dense table: the hot path of a scan stays in the root. */
  private readonly rootNext = new Int32Array(65536).fill(NONE);
  /**
   * A long value is a chain of one-child nodes: each node's first child sits in two flat arrays
   * (read in sequence while a value is added), and only the other children of a branching node go
   * to the hash table.
   */
  private firstCode = new Int32Array(INITIAL_NODES).fill(NONE);
  private firstChild = new Int32Array(INITIAL_NODES);
  /** Per node: its parent, the code unit on the edge into it, its failure link and depth. */
  private parent = new Int32Array(INITIAL_NODES);
  private codes = new Uint16Array(INITIAL_NODES);
  private fail = new Int32Array(INITIAL_NODES);
  private depth = new Int32Array(INITIAL_NODES);
  /** Length of the longest registered string that is a suffix of this node's path (0: none). */
  private longest = new Int32Array(INITIAL_NODES);
  private nodes = 1;
  /** Other children: slot → (from, code, to); `from` is NONE in an empty slot. */
  private edgeFrom = new Int32Array(INITIAL_NODES * 2).fill(NONE);
  private edgeCode = new Uint16Array(INITIAL_NODES * 2);
  private edgeTo = new Int32Array(INITIAL_NODES * 2);
  private edges = 0;
  private built = true;

  /** Number of code units registered (the automaton's size is at most this plus one). */
  get size(): number {
    return this.nodes - 1;
  }

  add(text: string): void {
    if (!text) return;
    let node = ROOT;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let child = node === ROOT ? this.rootNext[code]! : this.edge(node, code);
      if (child < 0) {
        child = this.newNode(node, code);
        if (node === ROOT) this.rootNext[code] = child;
        else if (this.firstCode[node] === NONE) {
          this.firstCode[node] = code;
          this.firstChild[node] = child;
        } else this.addEdge(node, code, child);
      }
      node = child;
    }
    if (this.longest[node]! < text.length) this.longest[node] = text.length;
    this.built = false;
  }

  private newNode(parent: number, code: number): number {
    if (this.nodes === this.codes.length) this.growNodes();
    const node = this.nodes++;
    this.parent[node] = parent;
    this.codes[node] = code;
    this.depth[node] = this.depth[parent]! + 1;
    return node;
  }

  private growNodes(): void {
    const size = this.codes.length * 2;
    const widen = <T extends Int32Array | Uint16Array>(old: T, next: T): T => {
      next.set(old);
      return next;
    };
    this.firstCode = widen(this.firstCode, new Int32Array(size).fill(NONE));
    this.firstChild = widen(this.firstChild, new Int32Array(size));
    this.parent = widen(this.parent, new Int32Array(size));
    this.codes = widen(this.codes, new Uint16Array(size));
    this.fail = widen(this.fail, new Int32Array(size));
    this.depth = widen(this.depth, new Int32Array(size));
    this.longest = widen(this.longest, new Int32Array(size));
  }

  private static slot(node: number, code: number, mask: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;
  }

  /** The child of non-root `node` along `code`, or NONE. */
  private edge(node: number, code: number): number {
    const first = this.firstCode[node]!;
    if (first === code) return this.firstChild[node]!;
    if (first === NONE || this.edges === 0) return NONE;
    const { edgeFrom, edgeCode } = this;
    const mask = edgeFrom.length - 1;
    for (let s = StringSet.slot(node, code, mask); ; s = (s + 1) & mask) {
      const from = edgeFrom[s]!;
      if (from === NONE) return NONE;
      if (from === node && edgeCode[s] === code) return this.edgeTo[s]!;
    }
  }

  private addEdge(node: number, code: number, child: number): void {
    // At most half full, so a probe ends soon at an empty slot.
    if ((this.edges + 1) * 2 > this.edgeFrom.length) this.rehash(this.edgeFrom.length * 2);
    this.place(node, code, child);
    this.edges++;
  }

  private place(node: number, code: number, child: number): void {
    const { edgeFrom } = this;
    const mask = edgeFrom.length - 1;
    let s = StringSet.slot(node, code, mask);
    while (edgeFrom[s] !== NONE) s = (s + 1) & mask;
    edgeFrom[s] = node;
    this.edgeCode[s] = code;
    this.edgeTo[s] = child;
  }

  private rehash(size: number): void {
    const { edgeFrom, edgeCode, edgeTo } = this;
    this.edgeFrom = new Int32Array(size).fill(NONE);
    this.edgeCode = new Uint16Array(size);
    this.edgeTo = new Int32Array(size);
    for (let s = 0; s < edgeFrom.length; s++)
      if (edgeFrom[s] !== NONE) this.place(edgeFrom[s]!, edgeCode[s]!, edgeTo[s]!);
  }

  /**
   * Calls `hit(start, end)` for every position where a registered string ends, with the longest
   * such string (shorter ones ending at the same place lie inside it). Ends increase strictly.
   */
  scan(text: string, hit: (start: number, end: number) => void): void {
    if (this.nodes === 1) return;
    if (!this.built) this.build();
    const { rootNext, fail, longest, firstCode, firstChild } = this;
    let node = ROOT;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      for (;;) {
        if (node === ROOT) {
          const child = rootNext[code]!;
          if (child !== NONE) node = child;
          break;
        }
        const child = firstCode[node] === code ? firstChild[node]! : this.edge(node, code);
        if (child !== NONE) {
          node = child;
          break;
        }
        node = fail[node]!;
      }
      const length = longest[node]!;
      if (length > 0) hit(i + 1 - length, i + 1);
    }
  }

  /**
   * Failure links in order of depth (a counting sort of the nodes), so a node's parent is linked
   * before it; `longest` inherits along them (the dictionary-suffix links).
   */
  private build(): void {
    const { fail, longest, codes, parent, depth, nodes } = this;
    let deepest = 0;
    for (let n = 1; n < nodes; n++) if (depth[n]! > deepest) deepest = depth[n]!;
    const start = new Int32Array(deepest + 2);
    for (let n = 1; n < nodes; n++) start[depth[n]! + 1]!++;
    for (let d = 1; d <= deepest + 1; d++) start[d]! += start[d - 1]!;
    const order = new Int32Array(nodes - 1);
    for (let n = 1; n < nodes; n++) order[start[depth[n]!]!++] = n;
    for (const node of order) {
      const from = parent[node]!;
      if (from === ROOT) {
        fail[node] = ROOT;
        continue;
      }
      const code = codes[node]!;
      let f = fail[from]!;
      let target = NONE;
      for (;;) {
        target = f === ROOT ? this.rootNext[code]! : this.edge(f, code);
        if (target !== NONE || f === ROOT) break;
        f = fail[f]!;
      }
      const to = target !== NONE ? target : ROOT;
      fail[node] = to;
      if (longest[to]! > longest[node]!) longest[node] = longest[to]!;
    }
    this.built = true;
  }
}
