/**
 * A tiny reader for the tarballs `opa build` writes (bundle.tar.gz): ustar headers, GNU long names
 * and PAX `path` records. Pure: bytes in, entries out. opa-wasm does not read bundles itself, and a
 * dependency for ~60 lines of format is not worth its supply-chain cost.
 */
import { gunzipSync } from 'node:zlib';

export interface TarEntry {
  /** Path as stored, without a leading "/" or "./" (OPA writes "/policy.wasm"). */
  name: string;
  data: Uint8Array;
}

export class TarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarError';
  }
}

const BLOCK = 512;

function cString(bytes: Uint8Array, start: number, length: number): string {
  const slice = bytes.subarray(start, start + length);
  const nul = slice.indexOf(0);
  return Buffer.from(nul < 0 ? slice : slice.subarray(0, nul)).toString('utf8');
}

function octal(bytes: Uint8Array, start: number, length: number, what: string, at: number): number {
  // GNU base-256 for sizes over 8 GiB: high bit of the first byte set. A policy bundle never is.
  if (bytes[start]! & 0x80)
    throw new TarError(`tar header at byte ${at}: ${what} uses base-256 encoding (entry too large)`);
  const text = cString(bytes, start, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text))
    throw new TarError(
      `tar header at byte ${at}: ${what} '${text}' is not octal; the file is not a tar archive`,
    );
  return parseInt(text, 8);
}

function normalise(name: string): string {
  return name.replace(/^(\.?\/)+/, '');
}

function paxPath(record: Uint8Array): string | undefined {
  // PAX records: "<len> key=value\n"; lengths count bytes including themselves.
  const text = Buffer.from(record).toString('utf8');
  let i = 0;
  let path: string | undefined;
  while (i < text.length) {
    const space = text.indexOf(' ', i);
    if (space < 0) break;
    const len = Number(text.slice(i, space));
    if (!Number.isInteger(len) || len <= 0) break;
    const body = text.slice(space + 1, i + len - 1);
    const eq = body.indexOf('=');
    if (eq > 0 && body.slice(0, eq) === 'path') path = body.slice(eq + 1);
    i += len;
  }
  return path;
}

/** Reads a plain (uncompressed) tar archive. */
export function readTar(bytes: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  while (offset + BLOCK <= bytes.length) {
    const header = bytes.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
    const stored = octal(header, 148, 8, 'checksum', offset);
    if (stored !== sum)
      throw new TarError(
        `tar header at byte ${offset}: checksum mismatch; the archive is corrupt or not a tar file`,
      );
    const size = octal(header, 124, 12, 'size', offset);
    const type = String.fromCharCode(header[156]!);
    const dataStart = offset + BLOCK;
    if (dataStart + size > bytes.length)
      throw new TarError(
        `tar entry at byte ${offset} claims ${size} bytes but the archive ends first (truncated?)`,
      );
    const data = bytes.subarray(dataStart, dataStart + size);
    const magic = cString(header, 257, 6);
    const prefix = magic.startsWith('ustar') ? cString(header, 345, 155) : '';
    const name = longName ?? (prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100));
    longName = undefined;
    if (type === 'L') longName = cString(data, 0, data.length);
    else if (type === 'x') longName = paxPath(data);
    else if (type === '0' || type === '\0' || type === '7') entries.push({ name: normalise(name), data });
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}

export const isGzip = (bytes: Uint8Array): boolean =>
  bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
export const isTar = (bytes: Uint8Array): boolean =>
  bytes.length >= 262 && cString(bytes, 257, 5) === 'ustar';

/** Reads a .tar or .tar.gz archive; gzip errors become TarError. */
export function readTarball(bytes: Uint8Array): TarEntry[] {
  if (!isGzip(bytes)) return readTar(bytes);
  let plain: Uint8Array;
  try {
    plain = gunzipSync(bytes);
  } catch (error) {
    throw new TarError(`gzip: ${(error as Error).message}`);
  }
  return readTar(plain);
}
