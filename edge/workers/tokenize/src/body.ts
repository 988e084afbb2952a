/**
 * Reading a request body within a byte limit (before and after decoding), undoing gzip/deflate/br
 * content encodings, and classifying its media type. Every refusal is a RefusedError with the
 * status the client gets.
 */
import { brotliDecompressSync } from 'node:zlib';
import { RefusedError } from './core.ts';

export type BodyKind = 'json' | 'form';

/** `application/json`, `application/*+json` (with a UTF-8 charset, or none) and forms; else 415. */
export function bodyKind(contentType: string | null): BodyKind {
  if (!contentType) throw new RefusedError(415, 'unsupported_media_type', 'a body needs a Content-Type');
  const [type = '', ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  for (const p of params) {
    const [name, value = ''] = p.split('=').map((s) => s.trim());
    if (name === 'charset' && value.replace(/"/g, '') !== 'utf-8' && value.replace(/"/g, '') !== 'utf8')
      throw new RefusedError(415, 'unsupported_charset', 'only UTF-8 bodies can be inspected');
  }
  if (type === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type)) return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  throw new RefusedError(
    415,
    'unsupported_media_type',
    `cannot inspect ${type || 'this media type'}; send JSON or a form`,
  );
}

async function readLimited(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new RefusedError(413, 'body_too_large', `body over ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function decodeOne(bytes: Uint8Array, coding: string, limit: number): Promise<Uint8Array> {
  try {
    if (coding === 'br') {
      const out = brotliDecompressSync(bytes, { maxOutputLength: limit + 1 });
      if (out.byteLength > limit)
        throw new RefusedError(413, 'body_too_large', `decoded body over ${limit} bytes`);
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    }
    const format = coding === 'deflate' ? 'deflate' : 'gzip';
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream(format));
    return await readLimited(stream as ReadableStream<Uint8Array>, limit);
  } catch (e) {
    if (e instanceof RefusedError) throw e;
    // brotli reports an oversized output as a RangeError: still a size refusal.
    if (e instanceof RangeError)
      throw new RefusedError(413, 'body_too_large', `decoded body over ${limit} bytes`);
    throw new RefusedError(400, 'bad_encoding', `body is not valid ${coding}`);
  }
}

const CODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br']);

/** The body's bytes with its content codings undone (last applied, first undone). */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit)
    throw new RefusedError(413, 'body_too_large', `body over ${limit} bytes`);
  const codings = (request.headers.get('content-encoding') ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  for (const c of codings)
    if (!CODINGS.has(c))
      throw new RefusedError(415, 'unsupported_encoding', `cannot decode content-encoding ${c}`);
  let bytes = await readLimited(request.body, limit);
  for (const c of codings.reverse()) bytes = await decodeOne(bytes, c, limit);
  return bytes;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function bodyText(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new RefusedError(400, 'malformed_body', 'body is not valid UTF-8');
  }
}
