/**
 * The lab's stand-in for the gateway: an HTTP service on 127.0.0.1 whose latency grows with the
 * load per ready replica (an M/M/1-like queue per replica: mean = base / (1 - utilisation),
 * exponentially distributed), that sheds load with 503s past saturation, and exposes Prometheus
 * metrics (http_server_request_duration_seconds histogram, http_requests_total by code).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServiceModel {
  /** Requests per second one replica serves at utilisation 1. */
  capacityPerReplica: number;
  /** Service time at no load (s). */
  baseLatency: number;
  /** Upper bound of one response time (s). */
  maxLatency: number;
}

export const BUCKETS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2, 5];

export interface LabService {
  url: string;
  metricsUrl: string;
  close(): Promise<void>;
}

export async function startService(model: ServiceModel, readyReplicas: () => number): Promise<LabService> {
  const counts = new Array<number>(BUCKETS.length + 1).fill(0);
  let sum = 0;
  const codes = new Map<string, number>();
  const arrivals: number[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const observe = (seconds: number, code: number) => {
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) counts[i]!++;
    counts[BUCKETS.length]!++;
    sum += seconds;
    codes.set(String(code), (codes.get(String(code)) ?? 0) + 1);
  };
  const server: Server = createServer((req, res) => {
    if (req.url === '/metrics') {
      const lines = ['# TYPE http_server_request_duration_seconds histogram'];
      BUCKETS.forEach((b, i) =>
        lines.push(`http_server_request_duration_seconds_bucket{le="${b}"} ${counts[i]}`),
      );
      lines.push(`http_server_request_duration_seconds_bucket{le="+Inf"} ${counts[BUCKETS.length]}`);
      lines.push(
        `http_server_request_duration_seconds_sum ${sum}`,
        `http_server_request_duration_seconds_count ${counts[BUCKETS.length]}`,
      );
      lines.push('# TYPE http_requests_total counter');
      for (const [code, n] of codes) lines.push(`http_requests_total{code="${code}"} ${n}`);
      lines.push('# TYPE lab_ready_replicas gauge', `lab_ready_replicas ${readyReplicas()}`);
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(lines.join('\n') + '\n');
      return;
    }
    const now = performance.now();
    arrivals.push(now);
    while (arrivals.length && arrivals[0]! < now - 1000) arrivals.shift();
    const replicas = Math.max(readyReplicas(), 0);
    const utilisation = replicas === 0 ? Infinity : arrivals.length / (replicas * model.capacityPerReplica);
    if (utilisation > 1 && Math.random() > 1 / utilisation) {
      // Past saturation the excess is shed at once, after queueing for the longest wait.
      const t = setTimeout(() => {
        timers.delete(t);
        observe(model.maxLatency, 503);
        res.writeHead(503).end('overloaded\n');
      }, model.maxLatency * 1000);
      timers.add(t);
      return;
    }
    const mean = model.baseLatency / (1 - Math.min(utilisation, 0.98));
    const latency = Math.min(model.maxLatency, -Math.log(1 - Math.random()) * mean);
    const t = setTimeout(() => {
      timers.delete(t);
      observe(latency, 200);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    }, latency * 1000);
    timers.add(t);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    metricsUrl: `127.0.0.1:${port}`,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
