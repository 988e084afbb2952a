/**
 * How a file's bytes become the text the rules read, the same way in every mode (tree, diff,
 * history, standard input). UTF-8 is the rule; a file with a NUL byte in its first 8 KiB (git's
 * own test) is binary, and a binary file is either UTF-16/UTF-32 text (a byte-order mark, or NULs
 * on one side of every code unit: what PowerShell 5's `>` and many Windows tools write), decoded
 * as such, or read over its printable runs. Decoding never hides a file: a key written by
 * `iconv -t UTF-16` is read as the key, not as `A K I A …` with spaces between the letters.
 */

/** How much of a file decides "binary" (git reads the same 8000-odd bytes). */
export const BINARY_SNIFF_BYTES = 8192;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'binary';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** UTF-8 with invalid sequences (decoded with U+FFFD); never set for the other encodings. */
  invalidUtf8: boolean;
}

export function looksBinary(head: Uint8Array): boolean {
  const end = Math.min(head.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (head[i] === 0) return true;
  return false;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');

export function decodeUtf8(bytes: Uint8Array): { text: string; invalid: boolean } {
  try {
    return { text: strict.decode(bytes), invalid: false };
  } catch {
    return { text: lenient.decode(bytes), invalid: true };
  }
}

/**
 * A binary file's bytes with control bytes (but tab and newline) as spaces, so offsets and lines
 * stay where they were: a key stored beside NUL bytes (a SQLite file, a build artefact) is still
 * a key, and `strings` would show it.
 */
export function printable(bytes: Uint8Array): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i < out.length; i++) {
    const b = out[i]!;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a) || b === 0x7f) out[i] = 0x20;
  }
  return out;
}

/**
 * The wide encoding of binary-looking bytes: from a byte-order mark, else from where the NULs sit
 * in the first 8 KiB. Text in UTF-16 has a NUL in one half of most code units and almost never in
 * the other; UTF-32 has NULs in three of every four bytes. Undefined: not wide text.
 */
export function wideEncoding(bytes: Uint8Array): TextEncodingName | undefined {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'utf-32le';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'utf-32be';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  const end = Math.min(b.length, BINARY_SNIFF_BYTES) & ~3;
  if (end < 4) return undefined;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < end; i++) if (b[i] === 0) zeros[i & 3]!++;
  const quads = end / 4;
  const many = (n: number) => n >= quads * 0.5;
  const few = (n: number) => n <= quads * 0.05;
  const [z0, z1, z2, z3] = zeros as [number, number, number, number];
  if (few(z0) && many(z1) && many(z2) && many(z3)) return 'utf-32le';
  if (many(z0) && many(z1) && many(z2) && few(z3)) return 'utf-32be';
  if (few(z0) && few(z2) && many(z1) && many(z3)) return 'utf-16le';
  if (many(z0) && many(z2) && few(z1) && few(z3)) return 'utf-16be';
  return undefined;
}

function decodeWide(bytes: Uint8Array, encoding: TextEncodingName): string {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const even = bytes.length & ~1;
    const units = Buffer.from(bytes.subarray(0, even));
    if (encoding === 'utf-16be') units.swap16();
    return utf16le.decode(units);
  }
  const parts: string[] = [];
  const codes: number[] = [];
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const cp =
      encoding === 'utf-32le'
        ? (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0
        : ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    codes.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
    if (codes.length === 8192) parts.push(String.fromCodePoint(...codes.splice(0)));
  }
  parts.push(String.fromCodePoint(...codes));
  // A byte-order mark is not text.
  return parts.join('').replace(/^\ufeff/, '');
}

/**
 * The text of a file's bytes. `binary`: the caller already knows the bytes hold a NUL (diff mode
 * looks at the added lines); otherwise the first 8 KiB decide.
 */
export function decodeForScan(bytes: Uint8Array, binary = looksBinary(bytes)): DecodedText {
  if (!binary) {
    const { text, invalid } = decodeUtf8(bytes);
    return { text, encoding: 'utf-8', invalidUtf8: invalid };
  }
  const wide = wideEncoding(bytes);
  if (wide) return { text: decodeWide(bytes, wide), encoding: wide, invalidUtf8: false };
  return { text: decodeUtf8(printable(bytes)).text, encoding: 'binary', invalidUtf8: false };
}
