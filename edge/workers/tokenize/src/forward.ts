/** The request the origin receives: explicit ORIGIN_URL, clean headers, no redirect following. */

/** RFC 9110 §7.6.1 connection-specific fields, plus the ones this Worker recomputes. */
const DROPPED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'content-encoding',
]);

/** Origin URL for an incoming URL: the origin's base path, then the request's path and query. */
export function originUrl(origin: URL, incoming: URL): URL {
  const target = new URL(origin.href);
  target.pathname = origin.pathname.replace(/\/$/, '') + incoming.pathname;
  target.search = incoming.search;
  return target;
}

export function forwardHeaders(incoming: Headers, rewrittenBody: boolean): Headers {
  const named = (incoming.get('connection') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const out = new Headers();
  for (const [name, value] of incoming) {
    if (DROPPED.has(name) || named.includes(name)) continue;
    out.set(name, value);
  }
  // An untouched body keeps its coding; a rewritten one is sent as plain UTF-8.
  if (!rewrittenBody) {
    const coding = incoming.get('content-encoding');
    if (coding) out.set('content-encoding', coding);
  }
  return out;
}

export class OriginUnavailable extends Error {
  constructor(cause: string) {
    super(`origin unreachable: ${cause}`);
    this.name = 'OriginUnavailable';
  }
}

/** Sends to the origin; a redirect comes back to the client instead of re-sending the body. */
export async function sendToOrigin(
  target: URL,
  method: string,
  headers: Headers,
  body: Uint8Array | null,
): Promise<Response> {
  if (body !== null) headers.set('content-length', String(body.byteLength));
  try {
    return await fetch(target.href, {
      method,
      headers,
      body: body === null ? null : (body as Uint8Array<ArrayBuffer>),
      redirect: 'manual',
    });
  } catch (e) {
    // Not retried: the request may not be idempotent. The client decides.
    throw new OriginUnavailable(e instanceof Error ? e.name : typeof e);
  }
}
