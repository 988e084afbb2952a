import { describe, expect, test } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runLoad, runOpenModel } from '../index.ts';
import { onCleanup } from '../../../test/support/cleanup.ts';

interface Server {
  url: string;
  hits: () => number;
}

/** A local target; `handle` decides per request what to answer (or never answers). */
async function serve(
  handle: (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void,
): Promise<Server> {
  let hits = 0;
  const server = http.createServer((req, res) => handle(req, res, hits++));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, hits: () => hits };
}

describe('runLoad against a local node:http server', () => {
  test('open model: a 300 ms response never delays the next arrival', async () => {
    const target = await serve((_req, res) => setTimeout(() => res.end('ok'), 300));
    const run = await runLoad({ url: target.url, rate: 100, durationMs: 500 });
    expect(run.records).toHaveLength(50);
    // A closed model with one user would have sent 2 requests by now; ten users, 20.
    const lastSend = Math.max(...run.records.map((r) => r.sentMs));
    expect(lastSend).toBeLessThan(600);
    expect(run.summary.http_req_duration.min).toBeGreaterThanOrEqual(290);
    expect(run.summary.http_reqs.count).toBe(50);
    expect(run.summary.http_req_failed.count).toBe(0);
    expect(run.records.map((r) => r.seq)).toEqual([...Array(50).keys()]);
    expect(run.stoppedBy).toBe('schedule');
  });

  test('the count bound stops at exactly maxRequests', async () => {
    const target = await serve((_req, res) => res.end('ok'));
    const run = await runLoad({ url: target.url, rate: 500, maxRequests: 25, durationMs: 10_000 });
    expect(run.records).toHaveLength(25);
    expect(target.hits()).toBe(25);
  });

  test('each record carries a timestamp, status, provider from the headers and latency', async () => {
    const target = await serve((_req, res, n) => {
      if (n % 2 === 0) res.setHeader('cf-ray', `8c1a2b3c4d5e6f7${n % 10}-IAD`);
      else res.setHeader('x-amz-cf-pop', 'IAD89-C1');
      res.statusCode = n === 3 ? 503 : 200;
      res.end();
    });
    const before = Date.now();
    const run = await runLoad({ url: target.url, rate: 200, maxRequests: 6 });
    expect(run.startedAtEpochMs).toBeGreaterThanOrEqual(before - 5);
    expect(run.startedAtEpochMs).toBeLessThanOrEqual(Date.now());
    // Responses can complete out of order; the server numbers requests in arrival order at 5 ms spacing.
    expect(run.summary.providers).toEqual({ cloudflare: 3, cloudfront: 3 });
    expect(run.summary.statuses).toEqual({ '200': 5, '503': 1 });
    expect(run.summary.http_req_failed.count).toBe(1);
    for (const r of run.records) {
      expect(r.endMs).toBeGreaterThanOrEqual(r.sentMs);
      expect(r.sentMs).toBeGreaterThanOrEqual(r.scheduledMs);
    }
  });

  test('a refused connection is a failed request with its error code, not a crash', async () => {
    const target = await serve((_req, res) => res.end());
    const port = new URL(target.url).port;
    await runLoad({ url: target.url, rate: 100, maxRequests: 1 });
    const closed = await new Promise<number>((resolve) => {
      const probe = http.createServer();
      probe.listen(0, '127.0.0.1', () => {
        const p = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    expect(String(closed)).not.toBe(port);
    const run = await runLoad({ url: `http://127.0.0.1:${closed}/`, rate: 100, maxRequests: 3 });
    expect(run.records.map((r) => [r.status, r.error])).toEqual([
      [0, 'ECONNREFUSED'],
      [0, 'ECONNREFUSED'],
      [0, 'ECONNREFUSED'],
    ]);
    expect(run.summary.http_req_failed.rate).toBe(1);
  });

  test('a request past its timeout is recorded as a timeout', async () => {
    const target = await serve(() => undefined);
    const run = await runLoad({ url: target.url, rate: 100, maxRequests: 2, timeoutMs: 100 });
    expect(run.records.map((r) => [r.status, r.error])).toEqual([
      [0, 'timeout after 100 ms'],
      [0, 'timeout after 100 ms'],
    ]);
    expect(run.summary.http_req_duration.min).toBeGreaterThanOrEqual(95);
  });

  test('arrivals beyond the in-flight cap are dropped and counted, not queued', async () => {
    const target = await serve(() => undefined);
    const run = await runLoad({
      url: target.url,
      rate: 200,
      durationMs: 100,
      maxInFlight: 5,
      timeoutMs: 5_000,
      drainTimeoutMs: 50,
    });
    expect(run.records).toHaveLength(5);
    expect(run.dropped).toBe(15);
    expect(run.summary.dropped_iterations.count).toBe(15);
    // The drain timeout aborted what was still waiting.
    expect(run.records.every((r) => r.error === 'aborted')).toBe(true);
  });

  test('an abort signal stops scheduling; requests in flight still finish', async () => {
    const target = await serve((_req, res) => setTimeout(() => res.end(), 50));
    const stop = new AbortController();
    const run = await runLoad({
      url: target.url,
      rate: 100,
      durationMs: 5_000,
      signal: stop.signal,
      onRecord: (r) => {
        if (r.seq >= 4) stop.abort();
      },
    });
    expect(run.stoppedBy).toBe('signal');
    // 500 were planned; the schedule stopped within a few slots of the fifth answer.
    expect(run.records.length).toBeGreaterThanOrEqual(5);
    expect(run.records.length).toBeLessThan(100);
    expect(run.records.every((r) => r.status === 200)).toBe(true);
    expect(target.hits()).toBe(run.records.length);
  });

  test('a rejecting sender becomes a failed record and onRecord sees every request', async () => {
    const seen: number[] = [];
    const run = await runOpenModel(
      { rate: 1000, maxRequests: 4, onRecord: (r) => seen.push(r.seq) },
      async (seq) => {
        if (seq === 2) throw Object.assign(new Error('boom'), { code: 'EPIPE' });
        return { status: 204, provider: 'lab' };
      },
    );
    expect(run.records.map((r) => [r.status, r.error ?? ''])).toEqual([
      [204, ''],
      [204, ''],
      [0, 'EPIPE'],
      [204, ''],
    ]);
    expect(seen.sort()).toEqual([0, 1, 2, 3]);
  });

  test('an unbounded run is refused before anything is sent', async () => {
    await expect(runOpenModel({ rate: 10 }, async () => ({ status: 200, provider: '' }))).rejects.toThrow(
      /needs a bound/,
    );
  });

  test('maxSockets caps connections: arrivals beyond it wait in the pool, and the wait is in their latency', async () => {
    const sockets = new Set<unknown>();
    let open = 0;
    let peak = 0;
    const target = await serve((req, res) => {
      sockets.add(req.socket);
      open++;
      peak = Math.max(peak, open);
      setTimeout(() => {
        open--;
        res.end('ok');
      }, 100);
    });
    const run = await runLoad({ url: target.url, rate: 1000, maxRequests: 6, maxSockets: 2 });
    expect(run.summary.http_req_failed.count).toBe(0);
    expect(sockets.size).toBe(2);
    expect(peak).toBe(2);
    // Six 100 ms answers over two connections: the last pair waited for two rounds before its own.
    expect(run.summary.http_req_duration.max).toBeGreaterThanOrEqual(290);
  });

  test('a connection reset is resent once, then recorded as a failure with its code', async () => {
    let hits = 0;
    const target = await serve((req) => {
      hits++;
      req.socket.destroy();
    });
    const run = await runLoad({ url: target.url, rate: 100, maxRequests: 1 });
    expect(hits).toBe(2);
    expect(run.records).toHaveLength(1);
    expect(run.records[0]!.status).toBe(0);
    expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(run.records[0]!.error);
  });

  test('a non-http URL is refused', async () => {
    await expect(runLoad({ url: 'ftp://127.0.0.1/', rate: 1, maxRequests: 1 })).rejects.toThrow(
      /http\(s\) URL, got ftp:/,
    );
  });
});
