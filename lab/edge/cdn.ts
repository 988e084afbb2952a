/**
 * CDN emulators on 127.0.0.1. Both proxy to the regional origins and add their provider's headers
 * (Cloudflare: `cf-ray: <id>-<colo>`, `server: cloudflare`; CloudFront: `x-amz-cf-pop`,
 * `x-amz-cf-id`, `via: … (CloudFront)`), which is how the drill tells who served a request.
 *
 * - Cloudflare: a load balancer over pools whose `enabled` flag is the lab Cloudflare API's state,
 *   each pool health-checked by a monitor with the Terraform's interval/timeout/retries/
 *   consecutive_down; random steering among enabled healthy pools; none left: 503.
 * - CloudFront: an origin group, east first, failing over to west on 5xx or a connection error.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { CloudflareMonitorTiming } from '../../lib/terraform/edge-timing.ts';
import { listen, type LabServer } from './http.ts';
import type { LabPool } from './cloudflare-api.ts';

// Uncapped: a cap would queue users' requests and, behind them, the monitor's probes.
const agent = new http.Agent({ keepAlive: true });
/** Health probes come from elsewhere in reality (the provider's checkers): their own connections. */
const probeAgent = new http.Agent({ keepAlive: false });

/**
 * Scaled-down timings (tests) would make a probe time out after a few ms, and a busy machine would
 * then look like an outage; probe timeouts never go below this.
 */
export const PROBE_TIMEOUT_FLOOR_MS = 5_000;

/** A probe's timeout: the Terraform's, scaled, but never below the floor unless the real one is. */
export function probeTimeout(seconds: number, timeScale: number): number {
  return Math.max(seconds * 1000 * timeScale, Math.min(PROBE_TIMEOUT_FLOOR_MS, seconds * 1000));
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function forward(
  base: string,
  req: http.IncomingMessage,
  timeoutMs: number,
  retry = true,
  via: http.Agent = agent,
): Promise<Upstream> {
  return new Promise<Upstream>((resolve, reject) => {
    const upstream = http.request(
      new URL(req.url ?? '/', base),
      { method: req.method ?? 'GET', agent: via, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    upstream.on('timeout', () => upstream.destroy(new Error('origin timeout')));
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      // A stale kept-alive connection: resend once on a fresh one, as real edges do.
      if (retry && upstream.reusedSocket && error.code === 'ECONNRESET')
        forward(base, req, timeoutMs, false, via).then(resolve, reject);
      else reject(error);
    });
    upstream.end();
  });
}

function reply(
  res: http.ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer | string,
) {
  res.writeHead(status, { 'content-type': 'text/plain', ...headers });
  res.end(body);
}

export interface Cdn extends LabServer {
  provider: 'cloudflare' | 'cloudfront';
  /** Pool name -> healthy, as the monitor sees it (Cloudflare only). */
  poolHealth: Map<string, boolean>;
  stop(): Promise<void>;
}

export interface CloudflareEdgeOptions {
  /** Pool state owned by the lab Cloudflare API, keyed by pool id. */
  pools: Map<string, LabPool>;
  /** Pool id -> origin URL. */
  origins: Map<string, string>;
  monitor: CloudflareMonitorTiming;
  /** Seconds of the Terraform become seconds × scale × 1000 ms. */
  timeScale: number;
}

export async function startCloudflareEdge(options: CloudflareEdgeOptions): Promise<Cdn> {
  const ms = (seconds: number) => Math.max(1, seconds * 1000 * options.timeScale);
  const health = new Map<string, boolean>([...options.pools.keys()].map((id) => [id, true]));
  const streak = new Map<string, { down: number; up: number }>();
  const probeOnce = async (url: string): Promise<boolean> => {
    try {
      const r = await forward(
        url,
        { url: '/healthz', method: 'GET' } as http.IncomingMessage,
        probeTimeout(options.monitor.timeout, options.timeScale),
        false,
        probeAgent,
      );
      return r.status === 200;
    } catch {
      return false;
    }
  };
  const monitor = async (id: string, url: string) => {
    let ok = false;
    for (let attempt = 0; attempt <= options.monitor.retries && !ok; attempt++) ok = await probeOnce(url);
    const s = streak.get(id) ?? { down: 0, up: 0 };
    if (ok) {
      s.up++;
      s.down = 0;
      if (s.up >= 2) health.set(id, true);
    } else {
      s.down++;
      s.up = 0;
      if (s.down >= options.monitor.consecutiveDown) health.set(id, false);
    }
    streak.set(id, s);
  };
  const timers = [...options.origins].map(([id, url]) =>
    setInterval(() => void monitor(id, url), ms(options.monitor.interval)),
  );
  const colo = 'IAD';
  const server = await listen(async (req, res) => {
    const ray = `${randomBytes(8).toString('hex')}-${colo}`;
    const headers = { 'cf-ray': ray, server: 'cloudflare' };
    const candidates = [...options.pools.values()].filter((p) => p.enabled && health.get(p.id) !== false);
    if (candidates.length === 0) return reply(res, 503, headers, 'no healthy pool\n');
    const pool = candidates[Math.floor(Math.random() * candidates.length)]!;
    try {
      const up = await forward(options.origins.get(pool.id)!, req, 5_000);
      reply(
        res,
        up.status,
        { ...headers, 'x-origin-region': String(up.headers['x-origin-region'] ?? '') },
        up.body,
      );
    } catch {
      reply(res, 502, headers, 'bad gateway\n');
    }
  });
  return {
    ...server,
    provider: 'cloudflare',
    poolHealth: health,
    stop: async () => {
      for (const t of timers) clearInterval(t);
      await server.close();
    },
  };
}

export interface CloudFrontEdgeOptions {
  /** Origin group members in failover order. */
  origins: string[];
}

export async function startCloudFrontEdge(options: CloudFrontEdgeOptions): Promise<Cdn> {
  const pop = 'IAD89-C1';
  const server = await listen(async (req, res) => {
    const headers = {
      'x-amz-cf-pop': pop,
      'x-amz-cf-id': randomBytes(21).toString('base64url'),
      via: '1.1 lab.cloudfront.net (CloudFront)',
    };
    let last: Upstream | undefined;
    for (const origin of options.origins) {
      try {
        last = await forward(origin, req, 5_000);
        if (![500, 502, 503, 504].includes(last.status)) break;
      } catch {
        last = undefined;
      }
    }
    if (!last) return reply(res, 502, headers, 'bad gateway\n');
    reply(
      res,
      last.status,
      { ...headers, 'x-origin-region': String(last.headers['x-origin-region'] ?? '') },
      last.body,
    );
  });
  return { ...server, provider: 'cloudfront', poolHealth: new Map(), stop: () => server.close() };
}
