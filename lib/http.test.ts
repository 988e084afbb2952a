import { expect, test } from '@jest/globals';
import { expectNoLeak } from '../test/support/leak.ts';
import { expectTruthy } from '../test/support/narrow.ts';
import { rejectionOf, thrownBy } from '../test/support/errors.ts';
import { onCleanup } from '../test/support/cleanup.ts';

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { HttpError, backoffMs, httpRequest, parseRetryAfter, sanitizeUrl } from './http.ts';

interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real HTTP server on 127.0.0.1 whose handler is called with the 0-based request number. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse, n: number, body: string) => void) {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, requests.length - 1, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function recorder() {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
}

/** Built at run time so no credential-shaped literal sits in the repository. */
const synthetic = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`;

test('500 then 200 succeeds after one retry', async () => {
  const srv = await serve((_req, res, n) => {
    res.writeHead(n === 0 ? 500 : 200, { 'content-type': 'application/json' });
    res.end(n === 0 ? '{"error":"boom"}' : '{"ok":true,"n":2}');
  });
  onCleanup(srv.close);
  const { sleeps, sleep } = recorder();
  const res = await httpRequest(`${srv.base}/thing`, { retries: 3, minBackoffMs: 100, sleep });
  expect(res.status).toBe(200);
  expect(res.attempts).toBe(2);
  expect(res.json()).toStrictEqual({ ok: true, n: 2 });
  expect(srv.requests.length).toBe(2);
  expect(sleeps.length).toBe(1);
  expect(sleeps[0]! >= 50 && sleeps[0]! <= 100).toBeTruthy();
});

test('429 with Retry-After: 2 waits 2000 ms', async () => {
  const srv = await serve((_req, res, n) => {
    if (n === 0) res.writeHead(429, { 'retry-after': '2' }).end('slow down');
    else res.writeHead(200).end('done');
  });
  onCleanup(srv.close);
  const { sleeps, sleep } = recorder();
  const res = await httpRequest(`${srv.base}/`, { sleep, minBackoffMs: 10 });
  expect(res.text()).toBe('done');
  expect(sleeps).toStrictEqual([2000]);
});

test('Retry-After as an HTTP date is honoured and capped by maxBackoffMs', async () => {
  const now = Date.parse('2026-10-21T07:28:00Z');
  const srv = await serve((_req, res, n) => {
    if (n === 0) res.writeHead(503, { 'retry-after': 'Wed, 21 Oct 2026 07:28:03 GMT' }).end();
    else if (n === 1) res.writeHead(503, { 'retry-after': 'Wed, 21 Oct 2026 07:29:00 GMT' }).end();
    else res.writeHead(204).end();
  });
  onCleanup(srv.close);
  const { sleeps, sleep } = recorder();
  const res = await httpRequest(`${srv.base}/`, { sleep, now: () => now, maxBackoffMs: 5000 });
  expect(res.status).toBe(204);
  expect(sleeps).toStrictEqual([3000, 5000]);
});

test('404 is final: no retry, HttpError with status and attempt count', async () => {
  const srv = await serve((_req, res) =>
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}'),
  );
  onCleanup(srv.close);
  const { sleeps, sleep } = recorder();
  const error = await httpRequest(`${srv.base}/missing`, { retries: 5, sleep }).then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expectTruthy(error instanceof HttpError);
  expect(error.status).toBe(404);
  expect(error.attempts).toBe(1);
  expect(error.reason).toBe('status');
  expect(error.message).toMatch(
    /^GET http:\/\/127\.0\.0\.1:\d+\/missing failed after 1 attempt: HTTP 404 Not Found: \{"message":"Not Found"\}; last status 404$/,
  );
  expect(srv.requests.length).toBe(1);
  expect(sleeps).toStrictEqual([]);
  expect(error.response?.json()).toStrictEqual({ message: 'Not Found' });
});

test('throwHttpErrors: false returns the final response instead of throwing', async () => {
  const srv = await serve((_req, res) => res.writeHead(409).end('conflict'));
  onCleanup(srv.close);
  const res = await httpRequest(`${srv.base}/`, { throwHttpErrors: false, sleep: async () => {} });
  expect(res.status).toBe(409);
  expect(res.ok).toBe(false);
  expect(res.text()).toBe('conflict');
});

test('5xx until retries run out: the error names attempts and the last status; backoff grows', async () => {
  const srv = await serve((_req, res) => res.writeHead(503).end());
  onCleanup(srv.close);
  const { sleeps, sleep } = recorder();
  expect(
    ((e: unknown) => {
      expectTruthy(e instanceof HttpError);
      expect(e.attempts).toBe(4);
      expect(e.status).toBe(503);
      expect(e.message).toMatch(/^POST .*\/flaky failed after 4 attempts: HTTP 503/);
      return true;
    })(
      await rejectionOf(
        httpRequest(`${srv.base}/flaky`, {
          method: 'post',
          body: 'x',
          retries: 3,
          minBackoffMs: 100,
          maxBackoffMs: 300,
          sleep,
          random: () => 0.999,
        }),
      ),
    ),
  ).toBe(true);
  expect(srv.requests.length).toBe(4);
  expect(srv.requests.every((r) => r.method === 'POST' && r.body === 'x')).toBeTruthy();
  expect(sleeps.length).toBe(3);
  expect(sleeps[0]!).toBeLessThan(sleeps[1]!);
  expect(sleeps.every((s) => s <= 300)).toBeTruthy();
});

test('a server that never answers times out with a clear error', async () => {
  const srv = await serve(() => {
    /* never respond */
  });
  onCleanup(srv.close);
  const { sleeps, sleep } = recorder();
  expect(
    ((e: unknown) => {
      expectTruthy(e instanceof HttpError);
      expect(e.reason).toBe('timeout');
      expect(e.attempts).toBe(2);
      expect(e.status).toBe(undefined);
      expect(e.message).toMatch(
        /GET http:\/\/127\.0\.0\.1:\d+\/hang failed after 2 attempts: no complete response within 150 ms/,
      );
      return true;
    })(await rejectionOf(httpRequest(`${srv.base}/hang`, { timeoutMs: 150, retries: 1, sleep }))),
  ).toBe(true);
  expect(srv.requests.length).toBe(2);
  expect(sleeps.length).toBe(1);
});

test('credentials in the URL and headers never appear in errors', async () => {
  const user = synthetic('user');
  const password = synthetic('pw');
  const token = synthetic('tok');
  const apiKey = synthetic('key');
  const bearer = synthetic('bearer');
  // The server echoes the request back, the worst case for leaking.
  const srv = await serve((req, res) =>
    res
      .writeHead(500)
      .end(`${req.url} ${req.headers['authorization'] ?? ''} ${req.headers['x-api-key'] ?? ''}`),
  );
  onCleanup(srv.close);
  const url = `http://${user}:${password}@127.0.0.1:${srv.port}/v1?token=${token}&api_key=${apiKey}&page=2#frag`;
  const error = await httpRequest(url, {
    retries: 1,
    sleep: async () => {},
    headers: { 'x-api-key': bearer },
  }).catch((e: unknown) => e);
  expectTruthy(error instanceof HttpError);
  for (const secret of [user, password, token, apiKey, bearer]) {
    expectNoLeak(error.message, secret, 'the message');
    expectNoLeak(error.url, secret, 'error.url');
    expectNoLeak(String(error.stack), secret, 'the stack');
  }
  expect(error.message).toMatch(
    new RegExp(
      `GET http://127\\.0\\.0\\.1:${srv.port}/v1\\?token=\\*\\*\\*&api_key=\\*\\*\\*&page=2 failed after 2 attempts`,
    ),
  );
  // userinfo was sent as Basic auth rather than refused by fetch
  const auth = String(srv.requests[0]?.headers['authorization']);
  expect(Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString()).toBe(`${user}:${password}`);
});

test('network errors are retried and reported without secrets', async () => {
  const srv = await serve(() => {});
  const port = srv.port;
  await srv.close(); // nothing listens on the port any more
  const token = synthetic('tok');
  const { sleeps, sleep } = recorder();
  const error = await httpRequest(`http://127.0.0.1:${port}/x?access_token=${token}`, {
    retries: 2,
    sleep,
    headers: { authorization: `Bearer ${token}` },
  }).catch((e: unknown) => e);
  expectTruthy(error instanceof HttpError);
  expect(error.reason).toBe('network');
  expect(error.attempts).toBe(3);
  expect(sleeps.length).toBe(2);
  expect(error.message).toMatch(/network error: ECONNREFUSED/);
  expectNoLeak(error.message, token, 'the message');
});

test('the caller’s signal aborts a wait between attempts and is not retried', async () => {
  const srv = await serve((_req, res) => res.writeHead(502).end());
  onCleanup(srv.close);
  const controller = new AbortController();
  const error = await httpRequest(`${srv.base}/`, {
    retries: 5,
    signal: controller.signal,
    sleep: async (_ms, signal) => {
      controller.abort();
      if (signal?.aborted) throw new Error('aborted');
    },
  }).catch((e: unknown) => e);
  expectTruthy(error instanceof HttpError);
  expect(error.reason).toBe('aborted');
  expect(srv.requests.length).toBe(1);
});

test('json option sends JSON; json() on a non-JSON body names the request', async () => {
  const srv = await serve((_req, res) => res.writeHead(200).end('<html>'));
  onCleanup(srv.close);
  const res = await httpRequest(`${srv.base}/api`, { method: 'PUT', json: { a: [1, 'x'] } });
  expect(srv.requests[0]?.headers['content-type']).toBe('application/json');
  expect(JSON.parse(srv.requests[0]!.body)).toStrictEqual({ a: [1, 'x'] });
  expect(
    ((e: unknown) =>
      e instanceof HttpError && e.reason === 'invalid-json' && /PUT .*\/api .*not JSON/.test(e.message))(
      thrownBy(() => res.json()),
    ),
  ).toBe(true);
});

test('an invalid URL is an HttpError, not a TypeError', async () => {
  expect(
    ((e: unknown) => e instanceof HttpError && /<invalid URL>.*not valid/.test(e.message))(
      await rejectionOf(httpRequest('not a url')),
    ),
  ).toBe(true);
});

test('sanitizeUrl masks secret-looking parameters only', () => {
  const sig = synthetic('s');
  expect(
    sanitizeUrl(
      `https://u:p@example.test/a?X-Amz-Signature=${sig}&sig=${sig}&password=${sig}&secret=${sig}&q=hello%20world&key`,
    ),
  ).toBe('https://example.test/a?X-Amz-Signature=***&sig=***&password=***&secret=***&q=hello%20world&key');
  expect(sanitizeUrl('https://example.test/a#x')).toBe('https://example.test/a');
});

test('parseRetryAfter and backoffMs', () => {
  expect(parseRetryAfter('7')).toBe(7000);
  expect(parseRetryAfter('soon')).toBe(undefined);
  expect(parseRetryAfter(null)).toBe(undefined);
  expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
  expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:01 GMT', 4000)).toBe(0);
  expect(backoffMs(1, 100, 1000, () => 0)).toBe(50);
  expect(backoffMs(1, 100, 1000, () => 1)).toBe(100);
  expect(backoffMs(3, 100, 1000, () => 1)).toBe(400);
  expect(backoffMs(10, 100, 1000, () => 1)).toBe(1000);
});

test('POST and PATCH are not retried unless the caller opts in (a repeat could apply twice)', async () => {
  const srv = await serve((_req, res) => res.writeHead(503).end());
  onCleanup(srv.close);
  for (const method of ['POST', 'PATCH']) {
    await expect(
      httpRequest(`${srv.base}/once`, { method, body: 'x', sleep: async () => {} }),
    ).rejects.toThrow(/failed after 1 attempt/);
  }
  expect(srv.requests.length).toBe(2);
});

test('credentials in a URL path are masked in errors (webhooks, bot tokens)', () => {
  const hook = ['T0AAAAAAA', 'B0BBBBBBB', 'abcdefghijklmnopqrstuvwx'].join('/');
  expect(sanitizeUrl(`https://hooks.slack.com/services/${hook}`)).toBe(
    'https://hooks.slack.com/services/***',
  );
  expect(sanitizeUrl('https://discord.com/api/webhooks/123456/s3cr3t-token-value')).toBe(
    'https://discord.com/api/webhooks/123456/***',
  );
  expect(sanitizeUrl('https://api.telegram.org/bot123456:AAE-secret/sendMessage')).toBe(
    'https://api.telegram.org/bot***/sendMessage',
  );
  expect(sanitizeUrl('https://api.github.com/repos/o/r')).toBe('https://api.github.com/repos/o/r');
});
