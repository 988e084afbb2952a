/** Offset ↔ line/column conversion for SQL text (pure). */

export class LineIndex {
  readonly text: string;
  private readonly lineStarts: number[];
  private byteToChar: Int32Array | undefined;

  constructor(text: string) {
    this.text = text;
    this.lineStarts = [0];
    // Line breaks are \n, \r\n and a lone \r, as PostgreSQL's scanner and editors count them.
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  /** 1-based line and column of a character offset. */
  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo]! + 1 };
  }

  /** Character offset of a UTF-8 byte offset (libpg-query locations are bytes). */
  charOfByte(byte: number): number {
    if (!this.byteToChar) {
      // Pure ASCII is the common case: bytes and chars coincide.
      if (!/[^\x00-\x7f]/.test(this.text)) return Math.min(byte, this.text.length);
      const map = new Int32Array(Buffer.byteLength(this.text) + 1);
      let b = 0;
      for (let c = 0; c < this.text.length; c++) {
        const code = this.text.codePointAt(c)!;
        const width = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
        for (let k = 0; k < width; k++) map[b + k] = c;
        b += width;
        if (code >= 0x10000) c++; // surrogate pair: two UTF-16 units
      }
      map[b] = this.text.length;
      this.byteToChar = map;
    }
    return this.byteToChar[Math.min(byte, this.byteToChar.length - 1)]!;
  }

  /** First offset in [from, to) that is not whitespace or a SQL comment. */
  skipTrivia(from: number, to: number): number {
    const t = this.text;
    let i = from;
    while (i < to) {
      const ch = t[i]!;
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f') i++;
      else if (ch === '-' && t[i + 1] === '-') {
        // A -- comment ends at \n or \r (PostgreSQL's lexer: --[^\n\r]*); a lone \r is a line break.
        let j = i + 2;
        while (j < to && t[j] !== '\n' && t[j] !== '\r') j++;
        i = j;
      } else if (ch === '/' && t[i + 1] === '*') {
        let depth = 1;
        i += 2;
        while (i < to && depth > 0) {
          if (t[i] === '/' && t[i + 1] === '*') {
            depth++;
            i += 2;
          } else if (t[i] === '*' && t[i + 1] === '/') {
            depth--;
            i += 2;
          } else i++;
        }
      } else break;
    }
    return Math.min(i, to);
  }
}
