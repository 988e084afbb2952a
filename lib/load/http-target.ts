/**
 * The HTTP adapter of the load generator, on undici: one keep-alive connection pool per target
 * (a CDN edge keeps connections open too, so a fresh TCP handshake per request would measure the
 * wrong thing), no pipelining (a slow response must not hold the next request back: head-of-line
 * blocking would turn the open model into a closed one), a per-request timeout, the body read to
 * its end (latency includes it, as k6's http_req_duration does), and the serving provider read
 * from the response headers. undici rather than node:http: per request it costs a fraction of the
 * CPU, which is what keeps arrivals on schedule at thousands per second (bench/drill).
 */
import { Pool, type Dispatcher } from 'undici';
import type { Sender } from './generator.ts';
import { providerFromHeaders } from './providers.ts';

export interface HttpTargetOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Per request, from send to end of body. Default 10 000. */
  timeoutMs?: number;
  /**
   * Caps open connections; default 256. Arrivals beyond it wait in the pool and that wait counts in
   * their latency (it runs from when the generator sent them, not from when a connection freed up). Unlimited
   * is not offered: when a target slows down, a connection per arrival (thousands per second) costs
   * more CPU than the requests and the generator falls behind its own schedule (bench/drill).
   */
  maxSockets?: number;
  /** Extra TLS options for https targets (a lab CA). */
  ca?: string | Buffer;
}

export interface HttpTarget {
  send: Sender;
  /** Closes the pooled connections. */
  close(): void;
}

export const DEFAULT_CONNECTIONS = 256;

/** Errors of a kept-alive connection the server closed while it sat idle: resent once, as browsers do. */
const STALE_CONNECTION = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);

export function httpTarget(url: string | URL, options: HttpTargetOptions = {}): HttpTarget {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    throw new Error(`load target must be an http(s) URL, got ${target.protocol}//…`);
  const pool = new Pool(target.origin, {
    connections: options.maxSockets ?? DEFAULT_CONNECTIONS,
    pipelining: 1,
    ...(options.ca ? { connect: { ca: options.ca } } : {}),
  });
  const timeoutMs = options.timeoutMs ?? 10_000;
  const request: Dispatcher.RequestOptions = {
    path: target.pathname + target.search,
    method: (options.method ?? 'GET') as Dispatcher.HttpMethod,
    headers: options.headers ?? {},
  };

  // One abort listener per signal, not per request: thousands of requests in flight would otherwise
  // make every removeEventListener a linear scan.
  const inFlight = new WeakMap<AbortSignal, Set<() => void>>();
  const aborters = (signal: AbortSignal) => {
    let set = inFlight.get(signal);
    if (!set) {
      const created = new Set<() => void>();
      signal.addEventListener(
        'abort',
        () => {
          for (const abort of [...created]) abort();
        },
        { once: true },
      );
      inFlight.set(signal, created);
      set = created;
    }
    return set;
  };

  const send: Sender = async (_seq, signal) => {
    if (signal.aborted) return { status: 0, provider: '', error: 'aborted' };
    const controller = new AbortController();
    let stoppedBy: string | undefined;
    const stop = (why: string) => {
      stoppedBy ??= why;
      controller.abort();
    };
    const timer = setTimeout(() => stop(`timeout after ${timeoutMs} ms`), timeoutMs);
    const onAbort = () => stop('aborted');
    const pending = aborters(signal);
    pending.add(onAbort);
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const res = await pool.request({ ...request, signal: controller.signal });
          const provider = providerFromHeaders((name) => headerValue(res.headers[name])).provider;
          await res.body.dump({ limit: Infinity, signal: controller.signal });
          if (stoppedBy) return { status: 0, provider, error: stoppedBy };
          return { status: res.statusCode, provider };
        } catch (error) {
          if (stoppedBy) return { status: 0, provider: '', error: stoppedBy };
          const code = errorName(error);
          if (attempt === 0 && STALE_CONNECTION.has(code)) continue;
          return { status: 0, provider: '', error: code };
        }
      }
    } finally {
      clearTimeout(timer);
      pending.delete(onAbort);
    }
  };

  return {
    send,
    close: () => {
      void pool.destroy().catch(() => undefined);
    },
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The error code (ECONNREFUSED, ECONNRESET), never a message that could echo a URL with credentials. */
function errorName(error: unknown): string {
  // Duck-typed: errors from Node's internals may come from another realm than this module's Error.
  const { code, cause, name } = (error ?? {}) as {
    code?: unknown;
    cause?: { code?: unknown };
    name?: unknown;
  };
  // undici wraps the socket's own error (ECONNREFUSED…) as the cause of a connect failure.
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof code === 'string') return code;
  return typeof name === 'string' ? name : 'error';
}
