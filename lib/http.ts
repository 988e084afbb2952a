/**
 * HTTP with timeouts and retries, on Node's global fetch. Every attempt has its own timeout (a
 * stuck server must not eat the job's whole budget); network errors, timeouts, 429 and 5xx are
 * retried with exponential backoff and jitter, honouring Retry-After; other statuses are final.
 * Errors name the method and a sanitised URL (no userinfo, secret-looking query values masked) and
 * never any header, so they are safe to log.
 */
import { setTimeout as delay } from 'node:timers/promises';

export interface HttpRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** A request body; use `json` for an object (it sets content-type). */
  body?: string | Uint8Array;
  json?: unknown;
  /** Per attempt, including reading the body. Default 10 000. */
  timeoutMs?: number;
  /**
   * Retries after the first attempt. Default 2 for idempotent methods (GET, HEAD, OPTIONS, PUT,
   * DELETE) and 0 for POST and PATCH, whose repetition could apply a side effect twice: pass a
   * number to opt in (e.g. when the request carries an idempotency key).
   */
  retries?: number;
  /** The first backoff; each retry doubles it. Default 500. */
  minBackoffMs?: number;
  /** Caps the backoff and any Retry-After. Default 30 000. */
  maxBackoffMs?: number;
  /** Aborts the request and any wait between attempts; never retried. */
  signal?: AbortSignal;
  /** When false, a final non-2xx response is returned instead of thrown. Default true. */
  throwHttpErrors?: boolean;
  /** Injectable for tests: how to wait between attempts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable for tests: jitter source in [0, 1). */
  random?: () => number;
  /** Injectable for tests: the clock used for Retry-After HTTP dates. */
  now?: () => number;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  ok: boolean;
  headers: Headers;
  /** The request URL, sanitised like error messages. */
  url: string;
  attempts: number;
  text(): string;
  /** Parses the body; throws an HttpError naming the request when it is not JSON. */
  json<T = unknown>(): T;
}

export type HttpFailure = 'status' | 'timeout' | 'network' | 'aborted' | 'invalid-json';

export class HttpError extends Error {
  readonly method: string;
  /** Sanitised: safe to print. */
  readonly url: string;
  readonly attempts: number;
  /** The last HTTP status seen, if any attempt got a response. */
  readonly status: number | undefined;
  readonly reason: HttpFailure;
  /** The final response when the failure is a status; its body is not in the message. */
  readonly response: HttpResponse | undefined;

  constructor(init: {
    method: string;
    url: string;
    attempts: number;
    status?: number;
    reason: HttpFailure;
    detail: string;
    response?: HttpResponse;
  }) {
    const tries = `${init.attempts} attempt${init.attempts === 1 ? '' : 's'}`;
    const last = init.status === undefined ? '' : `; last status ${init.status}`;
    super(`${init.method} ${init.url} failed after ${tries}: ${init.detail}${last}`);
    this.name = 'HttpError';
    this.method = init.method;
    this.url = init.url;
    this.attempts = init.attempts;
    this.status = init.status;
    this.reason = init.reason;
    this.response = init.response;
  }
}

const SECRET_PARAM = /(token|key|secret|signature|password|passwd|pwd|sig|credential|credentials|auth)$/;

/** True for query parameter names whose values are credentials (`token`, `api_key`, `X-Amz-Signature`…). */
export function isSecretParam(name: string): boolean {
  return SECRET_PARAM.test(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

/**
 * The URL as it may be printed: userinfo removed, fragment dropped, values of secret-looking query
 * parameters replaced with `***`. Other parameters keep their original encoding.
 */
export function sanitizeUrl(input: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    return '<invalid URL>';
  }
  url.username = '';
  url.password = '';
  url.hash = '';
  // Credentials that live in the path: Slack/Discord webhooks, Telegram bot<token> URLs.
  url.pathname = url.pathname
    .replace(/^(\/services)\/[^/]+\/[^/]+\/[^/]+/, '$1/***')
    .replace(/^(\/api\/webhooks\/\d+)\/[^/]+/, '$1/***')
    .replace(/^\/bot\d+:[^/]+/, '/bot***');
  const query = url.search.slice(1);
  if (!query) return url.toString();
  const parts = query.split('&').map((part) => {
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    let name = rawName;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
    } catch {
      // a malformed escape is still a name we can test as is
    }
    return isSecretParam(name) && eq !== -1 ? `${rawName}=***` : part;
  });
  url.search = '';
  return `${url.toString()}?${parts.join('&')}`;
}

/**
 * Sends a request with per-attempt timeout and retries. Resolves with the buffered response;
 * rejects with HttpError (never a raw fetch error) on timeout, network failure, abort, or a final
 * non-2xx status (unless `throwHttpErrors: false`).
 */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export async function httpRequest(
  url: string | URL,
  options: HttpRequestOptions = {},
): Promise<HttpResponse> {
  const method = (options.method ?? 'GET').toUpperCase();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = Math.max(0, Math.floor(options.retries ?? (IDEMPOTENT.has(method) ? 2 : 0)));
  const minBackoffMs = options.minBackoffMs ?? 500;
  const maxBackoffMs = Math.max(minBackoffMs, options.maxBackoffMs ?? 30_000);
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;

  let target: URL;
  try {
    target = new URL(String(url));
  } catch {
    throw new HttpError({
      method,
      url: '<invalid URL>',
      attempts: 0,
      reason: 'network',
      detail: 'the URL is not valid',
    });
  }
  const safeUrl = sanitizeUrl(target);
  const headers = new Headers(options.headers);
  const secrets = collectSecrets(target, headers);
  // fetch() refuses URLs with userinfo (and echoes them in its error); send them as Basic auth like curl.
  if (target.username || target.password) {
    if (!headers.has('authorization')) {
      const user = decodeURIComponent(target.username);
      const pass = decodeURIComponent(target.password);
      headers.set('authorization', `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`);
    }
    target.username = '';
    target.password = '';
  }
  let body: string | Uint8Array | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }

  const fail = (init: Omit<ConstructorParameters<typeof HttpError>[0], 'method' | 'url'>) =>
    new HttpError({ ...init, method, url: safeUrl, detail: scrub(init.detail, secrets) });

  let lastStatus: number | undefined;
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) {
      throw fail({
        attempts: attempt - 1,
        status: lastStatus,
        reason: 'aborted',
        detail: 'aborted by the caller',
      });
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let retryAfterMs: number | undefined;
    let failure: HttpError;
    try {
      const init: RequestInit = { method, headers, signal, redirect: 'follow' };
      if (body !== undefined) init.body = body;
      const res = await fetch(target, init);
      const text = await res.text();
      lastStatus = res.status;
      const response = makeResponse(res, text, safeUrl, attempt, (detail) =>
        fail({ attempts: attempt, status: res.status, reason: 'invalid-json', detail }),
      );
      if (res.ok || (options.throwHttpErrors === false && !isRetryableStatus(res.status))) return response;
      failure = fail({
        attempts: attempt,
        status: res.status,
        reason: 'status',
        detail: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${bodySnippet(text)}`,
        response,
      });
      if (!isRetryableStatus(res.status)) throw failure;
      if (attempt > retries) {
        if (options.throwHttpErrors === false) return response;
        throw failure;
      }
      retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now());
    } catch (error) {
      if (error instanceof HttpError) throw error;
      if (options.signal?.aborted) {
        throw fail({
          attempts: attempt,
          status: lastStatus,
          reason: 'aborted',
          detail: 'aborted by the caller',
        });
      }
      failure = timeout.aborted
        ? fail({
            attempts: attempt,
            status: lastStatus,
            reason: 'timeout',
            detail: `no complete response within ${timeoutMs} ms (timeoutMs)`,
          })
        : fail({
            attempts: attempt,
            status: lastStatus,
            reason: 'network',
            detail: `network error: ${describeNetworkError(error)}`,
          });
      if (attempt > retries) throw failure;
    }
    const wait =
      retryAfterMs !== undefined
        ? Math.min(retryAfterMs, maxBackoffMs)
        : backoffMs(attempt, minBackoffMs, maxBackoffMs, random);
    try {
      await sleep(wait, options.signal);
    } catch {
      throw fail({
        attempts: attempt,
        status: lastStatus,
        reason: 'aborted',
        detail: 'aborted by the caller while waiting to retry',
      });
    }
  }
}

/** 429 and 5xx are worth retrying: the server says "later", not "never". */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * The wait before retry number `attempt` (1-based): min·2^(attempt-1), capped, then "equal jitter"
 * (between half and all of it) so clients that failed together do not retry together.
 */
export function backoffMs(
  attempt: number,
  minMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base / 2 + (base / 2) * random());
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

function makeResponse(
  res: Response,
  text: string,
  safeUrl: string,
  attempts: number,
  invalidJson: (detail: string) => HttpError,
): HttpResponse {
  return {
    status: res.status,
    statusText: res.statusText,
    ok: res.ok,
    headers: res.headers,
    url: safeUrl,
    attempts,
    text: () => text,
    json<T>(): T {
      try {
        return JSON.parse(text) as T;
      } catch (error) {
        throw invalidJson(`the response body is not JSON (${(error as Error).message})`);
      }
    },
  };
}

function bodySnippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '';
  return `: ${flat.length > 200 ? `${flat.slice(0, 200)}…` : flat}`;
}

function describeNetworkError(error: unknown): string {
  const err = error as { message?: string; cause?: { code?: string; message?: string } };
  const cause = err?.cause;
  if (cause?.code && cause.message) return `${cause.code} (${cause.message})`;
  if (cause?.message) return cause.message;
  return err?.message ?? String(error);
}

/** Values that must not survive into a message even if a lower layer echoes them. */
function collectSecrets(url: URL, headers: Headers): string[] {
  const values: string[] = [];
  const add = (v: string) => {
    if (v.length >= 3) values.push(v, encodeURIComponent(v));
  };
  if (url.username) add(decodeURIComponent(url.username));
  if (url.password) add(decodeURIComponent(url.password));
  for (const [name, value] of url.searchParams) if (isSecretParam(name)) add(value);
  for (const [name, value] of headers) {
    if (/auth|token|key|secret|cookie|signature|password/i.test(name)) {
      add(value);
      for (const word of value.split(/\s+/)) add(word);
    }
  }
  return [...new Set(values)].sort((a, b) => b.length - a.length);
}

function scrub(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return delay(ms, undefined, signal ? { signal } : undefined);
}
