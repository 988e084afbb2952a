/**
 * The HTTP adapter of the load generator: one keep-alive agent per target (a CDN edge keeps
 * connections open too, so a fresh TCP handshake per request would measure the wrong thing),
 * a per-request timeout, the body read to its end (latency includes it, as k6's
 * http_req_duration does), and the serving provider read from the response headers.
 */
import http from 'node:http';
import https from 'node:https';
import type { SendOutcome, Sender } from './generator.ts';
import { providerFromHeaders } from './providers.ts';

export interface HttpTargetOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Per request, from send to end of body. Default 10 000. */
  timeoutMs?: number;
  /** Caps open sockets; default unlimited (an open model must not queue behind a pool). */
  maxSockets?: number;
  /** Extra TLS options for https targets (a lab CA). */
  ca?: string | Buffer;
}

export interface HttpTarget {
  send: Sender;
  /** Closes the pooled connections. */
  close(): void;
}

export function httpTarget(url: string | URL, options: HttpTargetOptions = {}): HttpTarget {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    throw new Error(`load target must be an http(s) URL, got ${target.protocol}//…`);
  const secure = target.protocol === 'https:';
  const agentOptions: https.AgentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? Infinity,
  };
  if (options.ca) agentOptions.ca = options.ca;
  const agent = secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  const request = secure ? https.request : http.request;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const method = options.method ?? 'GET';
  const headers = options.headers ?? {};

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

  const send: Sender = (_seq, signal) =>
    new Promise<SendOutcome>((resolve) => {
      let settled = false;
      let current: http.ClientRequest | undefined;
      const pending = aborters(signal);
      const finish = (outcome: SendOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        pending.delete(onAbort);
        resolve(outcome);
      };
      const attempt = (retry: boolean) => {
        const req = request(target, { method, headers, agent }, (res) => {
          const provider = providerFromHeaders((name) => res.headers[name]).provider;
          res.on('error', (error) => finish({ status: 0, provider, error: errorName(error) }));
          res.on('end', () => finish({ status: res.statusCode ?? 0, provider }));
          res.resume();
        });
        current = req;
        req.on('error', (error) => {
          // A kept-alive connection the server closed while it sat idle fails at once with
          // ECONNRESET; browsers resend on a fresh connection, and so does a user here (once).
          if (retry && req.reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET' && !settled)
            return attempt(false);
          finish({ status: 0, provider: '', error: errorName(error) });
        });
        req.end();
      };
      const timer = setTimeout(() => {
        finish({ status: 0, provider: '', error: `timeout after ${timeoutMs} ms` });
        current?.destroy();
      }, timeoutMs);
      const onAbort = () => {
        finish({ status: 0, provider: '', error: 'aborted' });
        current?.destroy();
      };
      if (signal.aborted) return onAbort();
      pending.add(onAbort);
      attempt(true);
    });

  return { send, close: () => agent.destroy() };
}

/** The error code (ECONNREFUSED, ECONNRESET), never a message that could echo a URL with credentials. */
function errorName(error: Error): string {
  return (error as NodeJS.ErrnoException).code ?? error.name;
}
