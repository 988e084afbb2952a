import { test } from 'node:test';
import assert from 'node:assert/strict';
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

test('500 then 200 succeeds after one retry', async (t) => {
  const srv = await serve((_req, res, n) => {
    res.writeHead(n === 0 ? 500 : 200, { 'content-type': 'application/json' });
    res.end(n === 0 ? '{"error":"boom"}' : '{"ok":true,"n":2}');
  });
  t.after(srv.close);
  const { sleeps, sleep } = recorder();
  const res = await httpRequest(`${srv.base}/thing`, { retries: 3, minBackoffMs: 100, sleep });
  assert.equal(res.status, 200);
  assert.equal(res.attempts, 2);
  assert.deepEqual(res.json(), { ok: true, n: 2 });
  assert.equal(srv.requests.length, 2);
  assert.equal(sleeps.length, 1);
  assert.ok(sleeps[0]! >= 50 && sleeps[0]! <= 100, `first backoff within [min/2, min], got ${sleeps[0]}`);
});

test('429 with Retry-After: 2 waits 2000 ms', async (t) => {
  const srv = await serve((_req, res, n) => {
    if (n === 0) res.writeHead(429, { 'retry-after': '2' }).end('slow down');
    else res.writeHead(200).end('done');
  });
  t.after(srv.close);
  const { sleeps, sleep } = recorder();
  const res = await httpRequest(`${srv.base}/`, { sleep, minBackoffMs: 10 });
  assert.equal(res.text(), 'done');
  assert.deepEqual(sleeps, [2000]);
});

test('Retry-After as an HTTP date is honoured and capped by maxBackoffMs', async (t) => {
  const now = Date.parse('2026-10-21T07:28:00Z');
  const srv = await serve((_req, res, n) => {
    if (n === 0) res.writeHead(503, { 'retry-after': 'Wed, 21 Oct 2026 07:28:03 GMT' }).end();
    else if (n === 1) res.writeHead(503, { 'retry-after': 'Wed, 21 Oct 2026 07:29:00 GMT' }).end();
    else res.writeHead(204).end();
  });
  t.after(srv.close);
  const { sleeps, sleep } = recorder();
  const res = await httpRequest(`${srv.base}/`, { sleep, now: () => now, maxBackoffMs: 5000 });
  assert.equal(res.status, 204);
  assert.deepEqual(sleeps, [3000, 5000]);
});

test('404 is final: no retry, HttpError with status and attempt count', async (t) => {
  const srv = await serve((_req, res) =>
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}'),
  );
  t.after(srv.close);
  const { sleeps, sleep } = recorder();
  const error = await httpRequest(`${srv.base}/missing`, { retries: 5, sleep }).then(
    () => assert.fail('expected a rejection'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof HttpError);
  assert.equal(error.status, 404);
  assert.equal(error.attempts, 1);
  assert.equal(error.reason, 'status');
  assert.match(
    error.message,
    /^GET http:\/\/127\.0\.0\.1:\d+\/missing failed after 1 attempt: HTTP 404 Not Found: \{"message":"Not Found"\}; last status 404$/,
  );
  assert.equal(srv.requests.length, 1);
  assert.deepEqual(sleeps, []);
  assert.deepEqual(error.response?.json(), { message: 'Not Found' });
});

test('throwHttpErrors: false returns the final response instead of throwing', async (t) => {
  const srv = await serve((_req, res) => res.writeHead(409).end('conflict'));
  t.after(srv.close);
  const res = await httpRequest(`${srv.base}/`, { throwHttpErrors: false, sleep: async () => {} });
  assert.equal(res.status, 409);
  assert.equal(res.ok, false);
  assert.equal(res.text(), 'conflict');
});

test('5xx until retries run out: the error names attempts and the last status; backoff grows', async (t) => {
  const srv = await serve((_req, res) => res.writeHead(503).end());
  t.after(srv.close);
  const { sleeps, sleep } = recorder();
  await assert.rejects(
    httpRequest(`${srv.base}/flaky`, {
      method: 'post',
      body: 'x',
      retries: 3,
      minBackoffMs: 100,
      maxBackoffMs: 300,
      sleep,
      random: () => 0.999,
    }),
    (e: unknown) => {
      assert.ok(e instanceof HttpError);
      assert.equal(e.attempts, 4);
      assert.equal(e.status, 503);
      assert.match(e.message, /^POST .*\/flaky failed after 4 attempts: HTTP 503/);
      return true;
    },
  );
  assert.equal(srv.requests.length, 4);
  assert.ok(
    srv.requests.every((r) => r.method === 'POST' && r.body === 'x'),
    'the body is re-sent on every attempt',
  );
  assert.equal(sleeps.length, 3);
  assert.ok(sleeps[0]! < sleeps[1]!, `exponential: ${sleeps.join(',')}`);
  assert.ok(
    sleeps.every((s) => s <= 300),
    `capped by maxBackoffMs: ${sleeps.join(',')}`,
  );
});

test('a server that never answers times out with a clear error', async (t) => {
  const srv = await serve(() => {
    /* never respond */
  });
  t.after(srv.close);
  const { sleeps, sleep } = recorder();
  await assert.rejects(
    httpRequest(`${srv.base}/hang`, { timeoutMs: 150, retries: 1, sleep }),
    (e: unknown) => {
      assert.ok(e instanceof HttpError);
      assert.equal(e.reason, 'timeout');
      assert.equal(e.attempts, 2);
      assert.equal(e.status, undefined);
      assert.match(
        e.message,
        /GET http:\/\/127\.0\.0\.1:\d+\/hang failed after 2 attempts: no complete response within 150 ms/,
      );
      return true;
    },
  );
  assert.equal(srv.requests.length, 2, 'timeouts are retried');
  assert.equal(sleeps.length, 1);
});

test('credentials in the URL and headers never appear in errors', async (t) => {
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
  t.after(srv.close);
  const url = `http://${user}:${password}@127.0.0.1:${srv.port}/v1?token=${token}&api_key=${apiKey}&page=2#frag`;
  const error = await httpRequest(url, {
    retries: 1,
    sleep: async () => {},
    headers: { 'x-api-key': bearer },
  }).catch((e: unknown) => e);
  assert.ok(error instanceof HttpError);
  for (const secret of [user, password, token, apiKey, bearer]) {
    assert.ok(!error.message.includes(secret), 'a secret leaked into the message');
    assert.ok(!error.url.includes(secret), 'a secret leaked into error.url');
    assert.ok(!String(error.stack).includes(secret), 'a secret leaked into the stack');
  }
  assert.match(
    error.message,
    new RegExp(
      `GET http://127\\.0\\.0\\.1:${srv.port}/v1\\?token=\\*\\*\\*&api_key=\\*\\*\\*&page=2 failed after 2 attempts`,
    ),
  );
  // userinfo was sent as Basic auth rather than refused by fetch
  const auth = String(srv.requests[0]?.headers['authorization']);
  assert.equal(Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString(), `${user}:${password}`);
});

test('network errors are retried and reported without secrets', async (t) => {
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
  t.diagnostic('network error reported');
  assert.ok(error instanceof HttpError);
  assert.equal(error.reason, 'network');
  assert.equal(error.attempts, 3);
  assert.equal(sleeps.length, 2);
  assert.match(error.message, /network error: ECONNREFUSED/);
  assert.ok(!error.message.includes(token));
});

test('the caller’s signal aborts a wait between attempts and is not retried', async (t) => {
  const srv = await serve((_req, res) => res.writeHead(502).end());
  t.after(srv.close);
  const controller = new AbortController();
  const error = await httpRequest(`${srv.base}/`, {
    retries: 5,
    signal: controller.signal,
    sleep: async (_ms, signal) => {
      controller.abort();
      if (signal?.aborted) throw new Error('aborted');
    },
  }).catch((e: unknown) => e);
  assert.ok(error instanceof HttpError);
  assert.equal(error.reason, 'aborted');
  assert.equal(srv.requests.length, 1);
});

test('json option sends JSON; json() on a non-JSON body names the request', async (t) => {
  const srv = await serve((_req, res) => res.writeHead(200).end('<html>'));
  t.after(srv.close);
  const res = await httpRequest(`${srv.base}/api`, { method: 'PUT', json: { a: [1, 'x'] } });
  assert.equal(srv.requests[0]?.headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(srv.requests[0]!.body), { a: [1, 'x'] });
  assert.throws(
    () => res.json(),
    (e: unknown) =>
      e instanceof HttpError && e.reason === 'invalid-json' && /PUT .*\/api .*not JSON/.test(e.message),
  );
});

test('an invalid URL is an HttpError, not a TypeError', async () => {
  await assert.rejects(
    httpRequest('not a url'),
    (e: unknown) => e instanceof HttpError && /<invalid URL>.*not valid/.test(e.message),
  );
});

test('sanitizeUrl masks secret-looking parameters only', () => {
  const sig = synthetic('s');
  assert.equal(
    sanitizeUrl(
      `https://u:p@example.test/a?X-Amz-Signature=${sig}&sig=${sig}&password=${sig}&secret=${sig}&q=hello%20world&key`,
    ),
    'https://example.test/a?X-Amz-Signature=***&sig=***&password=***&secret=***&q=hello%20world&key',
  );
  assert.equal(sanitizeUrl('https://example.test/a#x'), 'https://example.test/a');
});

test('parseRetryAfter and backoffMs', () => {
  assert.equal(parseRetryAfter('7'), 7000);
  assert.equal(parseRetryAfter('soon'), undefined);
  assert.equal(parseRetryAfter(null), undefined);
  assert.equal(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000), 6000);
  assert.equal(parseRetryAfter('Thu, 01 Jan 1970 00:00:01 GMT', 4000), 0, 'a date in the past means now');
  assert.equal(
    backoffMs(1, 100, 1000, () => 0),
    50,
  );
  assert.equal(
    backoffMs(1, 100, 1000, () => 1),
    100,
  );
  assert.equal(
    backoffMs(3, 100, 1000, () => 1),
    400,
  );
  assert.equal(
    backoffMs(10, 100, 1000, () => 1),
    1000,
  );
});

test('POST and PATCH are not retried unless the caller opts in (a repeat could apply twice)', async (t) => {
  const srv = await serve((_req, res) => res.writeHead(503).end());
  t.after(srv.close);
  for (const method of ['POST', 'PATCH']) {
    await assert.rejects(
      httpRequest(`${srv.base}/once`, { method, body: 'x', sleep: async () => {} }),
      /failed after 1 attempt/,
    );
  }
  assert.equal(srv.requests.length, 2);
});

test('credentials in a URL path are masked in errors (webhooks, bot tokens)', () => {
  const hook = ['T0AAAAAAA', 'B0BBBBBBB', 'abcdefghijklmnopqrstuvwx'].join('/');
  assert.equal(
    sanitizeUrl(`https://hooks.slack.com/services/${hook}`),
    'https://hooks.slack.com/services/***',
  );
  assert.equal(
    sanitizeUrl('https://discord.com/api/webhooks/123456/s3cr3t-token-value'),
    'https://discord.com/api/webhooks/123456/***',
  );
  assert.equal(
    sanitizeUrl('https://api.telegram.org/bot123456:AAE-secret/sendMessage'),
    'https://api.telegram.org/bot***/sendMessage',
  );
  assert.equal(sanitizeUrl('https://api.github.com/repos/o/r'), 'https://api.github.com/repos/o/r');
});
