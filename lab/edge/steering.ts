/**
 * Route 53 failover routing and the clients' DNS cache, on 127.0.0.1. Each CDN is health-checked
 * on /healthz every request_interval with the checker's timeout; the result is flipped while the
 * lab Route 53 API says the check is inverted; failure_threshold results in a row change its
 * status. The answer is the primary (Cloudflare) while healthy, else the secondary. The front door
 * is what a user's resolver and browser amount to: it keeps an answer for the record's TTL, then
 * asks again, and proxies each request to the CDN it currently resolves to.
 */
import http from 'node:http';
import { ROUTE53_CHECK_TIMEOUT_S, type Route53Timing } from '../../lib/terraform/edge-timing.ts';
import { probeTimeout } from './cdn.ts';
import { listen, type LabServer } from './http.ts';
import type { LabHealthCheck } from './route53-api.ts';

export interface SteeringRecord {
  name: 'cloudflare' | 'cloudfront';
  url: string;
  healthCheck: LabHealthCheck;
}

export interface Steering extends LabServer {
  healthy: Map<string, boolean>;
  /** What a fresh DNS query returns now. */
  answer(): SteeringRecord;
  /** What the front door's cache holds (what users reach). */
  cached(): SteeringRecord;
  stop(): Promise<void>;
}

const agent = new http.Agent({ keepAlive: true });
/** Route 53's checkers are other machines: their probes never queue behind users' requests. */
const probeAgent = new http.Agent({ keepAlive: false });

function probe(url: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(new URL('/healthz', url), { agent: probeAgent, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 400));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

export async function startSteering(options: {
  primary: SteeringRecord;
  secondary: SteeringRecord;
  timing: Route53Timing;
  timeScale: number;
}): Promise<Steering> {
  const ms = (seconds: number) => Math.max(1, seconds * 1000 * options.timeScale);
  const records = [options.primary, options.secondary];
  const healthy = new Map(records.map((r) => [r.name, true]));
  const streaks = new Map(records.map((r) => [r.name, 0]));
  const check = async (record: SteeringRecord) => {
    const timeout = probeTimeout(ROUTE53_CHECK_TIMEOUT_S, options.timeScale);
    const up = (await probe(record.url, timeout)) !== record.healthCheck.inverted;
    if (up === healthy.get(record.name)) return streaks.set(record.name, 0);
    const n = streaks.get(record.name)! + 1;
    streaks.set(record.name, n);
    if (n >= options.timing.failureThreshold) {
      healthy.set(record.name, up);
      streaks.set(record.name, 0);
    }
  };
  const timers = records.map((r) => setInterval(() => void check(r), ms(options.timing.requestInterval)));
  const answer = () =>
    healthy.get(options.primary.name) || !healthy.get(options.secondary.name)
      ? options.primary
      : options.secondary;
  let cache = { record: answer(), expires: performance.now() + ms(options.timing.ttl) };
  const cached = () => {
    if (performance.now() >= cache.expires)
      cache = { record: answer(), expires: performance.now() + ms(options.timing.ttl) };
    return cache.record;
  };
  const server = await listen((req, res) => {
    const target = cached();
    const headers = { ...req.headers };
    delete headers.host;
    delete headers.connection;
    // The lab's users only GET; a request without a body can be resent when a kept-alive
    // connection turns out to be stale, as a browser does.
    const send = (retry: boolean) => {
      const upstream = http.request(
        new URL(req.url ?? '/', target.url),
        { method: req.method ?? 'GET', agent, headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        if (retry && upstream.reusedSocket && error.code === 'ECONNRESET') return send(false);
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('front door: CDN unreachable\n');
      });
      upstream.end();
    };
    req.resume();
    req.on('end', () => send(true));
  });
  return {
    ...server,
    healthy,
    answer,
    cached,
    stop: async () => {
      for (const t of timers) clearInterval(t);
      await server.close();
    },
  };
}
