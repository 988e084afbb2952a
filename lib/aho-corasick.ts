/**
 * An Aho-Corasick automaton over UTF-16 code units that reports, for each position of a text, the
 * longest registered string ending there. One pass, O(text + total pattern length), whatever the
 * strings contain — unlike a RegExp alternation built from them, which V8 refuses past a size
 * ("Regular expression too large", with the source — the secrets — in the message) and which can
 * backtrack.
 *
 * No Node built-ins: lib/dlp and the edge Worker may use it.
 */

const ROOT = 0;

export class StringSet {
  /**
   * Transitions of every node but the root. A long value is a chain of one-child nodes, so the
   * first child sits in two flat arrays and only branching nodes get a map for the others.
   */
  private readonly firstCode: number[] = [-1];
  private readonly firstChild: number[] = [-1];
  private readonly more = new Map<number, Map<number, number>>();
  /** The root's transitions as a dense table: the hot path of a scan stays in the root. */
  private readonly rootNext = new Int32Array(65536).fill(-1);
  private readonly fail: number[] = [ROOT];
  /** Length of the longest registered string that is a suffix of this node's path (0: none). */
  private readonly longest: number[] = [0];
  private readonly rootChildren: number[] = [];
  /** The code unit on the edge into each node. */
  private readonly codes: number[] = [0];
  private built = true;
  private total = 0;

  /** Number of code units registered (the automaton's size is at most this plus one). */
  get size(): number {
    return this.total;
  }

  add(text: string): void {
    if (!text) return;
    let node = ROOT;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let child = this.step(node, code);
      if (child < 0) {
        child = this.fail.length;
        this.fail.push(ROOT);
        this.longest.push(0);
        this.codes.push(code);
        this.firstCode.push(-1);
        this.firstChild.push(-1);
        if (node === ROOT) {
          this.rootNext[code] = child;
          this.rootChildren.push(child);
        } else if (this.firstCode[node] === -1) {
          this.firstCode[node] = code;
          this.firstChild[node] = child;
        } else {
          let others = this.more.get(node);
          if (!others) this.more.set(node, (others = new Map()));
          others.set(code, child);
        }
        this.total++;
      }
      node = child;
    }
    if (this.longest[node]! < text.length) this.longest[node] = text.length;
    this.built = false;
  }

  /** The child of `node` along `code`, or -1. */
  private step(node: number, code: number): number {
    if (node === ROOT) return this.rootNext[code]!;
    if (this.firstCode[node] === code) return this.firstChild[node]!;
    if (this.firstCode[node] === -1) return -1;
    return this.more.get(node)?.get(code) ?? -1;
  }

  /**
   * Calls `hit(start, end)` for every position where a registered string ends, with the longest
   * such string (shorter ones ending at the same place lie inside it). Ends increase strictly.
   */
  scan(text: string, hit: (start: number, end: number) => void): void {
    if (this.total === 0) return;
    if (!this.built) this.build();
    const { rootNext, fail, longest } = this;
    let node = ROOT;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      for (;;) {
        if (node === ROOT) {
          const child = rootNext[code]!;
          node = child < 0 ? ROOT : child;
          break;
        }
        const child = this.step(node, code);
        if (child >= 0) {
          node = child;
          break;
        }
        node = fail[node]!;
      }
      const length = longest[node]!;
      if (length > 0) hit(i + 1 - length, i + 1);
    }
  }

  /** Failure links breadth first; `longest` inherits along them (the dictionary-suffix links). */
  private build(): void {
    const { fail, longest, codes, firstChild, more } = this;
    const queue: number[] = [];
    for (const child of this.rootChildren) {
      fail[child] = ROOT;
      queue.push(child);
    }
    const link = (node: number, child: number): void => {
      const code = codes[child]!;
      let f = fail[node]!;
      let target = -1;
      for (;;) {
        target = this.step(f, code);
        if (target >= 0 || f === ROOT) break;
        f = fail[f]!;
      }
      fail[child] = target >= 0 ? target : ROOT;
      if (longest[fail[child]!]! > longest[child]!) longest[child] = longest[fail[child]!]!;
      queue.push(child);
    };
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      const first = firstChild[node]!;
      if (first < 0) continue;
      link(node, first);
      if (more.size > 0) {
        const others = more.get(node);
        if (others) for (const child of others.values()) link(node, child);
      }
    }
    this.built = true;
  }
}
