// metrics-pushgateway-url: the action PUTs dlp-metrics.prom to a local node:http server speaking
// the Pushgateway's push protocol; the URL's credentials never reach any output.
import { expect, test } from '@jest/globals';
import { expectNoLeak } from '../../../test/support/leak.ts';
import { expectTruthy } from '../../../test/support/narrow.ts';
import { onCleanup } from '../../../test/support/cleanup.ts';

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execute } from '../../../lib/runtime.ts';
import definition from '../src/main.ts';
import { pushUrl } from '../src/push.ts';
import { plant, recordingSink, tempDir, writeFiles } from './fixtures.ts';

interface Received {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}

async function gateway(status: number): Promise<{ server: Server; base: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 200 ? '' : 'push refused\n');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, received };
}

/** Built at run time: a credential-shaped password that must not show anywhere. */
function credentials(): { user: string; password: string } {
  return { user: `pushuser${process.pid % 97}`, password: ['pg', 'pw', String(Date.now()), 'Zq9'].join('-') };
}

async function run(ws: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  const sink = recordingSink();
  const execution = await execute(definition, (name) => inputs[name], sink, {
    env: { GITHUB_WORKSPACE: ws, RUNNER_TEMP: await tempDir('dlp-runner-'), ...env },
  });
  return { sink, exitCode: execution.exitCode };
}

test('pushUrl: job and base64url repository grouping key, under any base path', () => {
  const u = pushUrl(new URL('https://u:p@gw.example:9091/prefix/'), 'octo-org/svc.api');
  const encoded = /repository@base64\/([^/]+)$/.exec(u.pathname)![1]!;
  expect(Buffer.from(encoded, 'base64url').toString('utf8')).toBe('octo-org/svc.api');
  expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(u.pathname).toBe(`/prefix/metrics/job/summit-dlp-scan/repository@base64/${encoded}`);
  expect(u.username).toBe('u');
});

test('metrics-pushgateway-url: PUT of the metrics file to the repository group, Basic auth from the URL, nothing leaks', async () => {
  const gw = await gateway(200);
  onCleanup(() => gw.server.close());
  const p = plant(311);
  const ws = await tempDir();
  await writeFiles(ws, { 'app/.env': `X=1\n${p.github.line}\n` });
  const { user, password } = credentials();
  const url = gw.base.replace('://', `://${user}:${password}@`);
  const { sink, exitCode } = await run(
    ws,
    { path: '.', mode: 'tree', 'evidence-dir': 'ev', 'metrics-pushgateway-url': url },
    { GITHUB_REPOSITORY: 'octo-org/svc', GITHUB_RUN_ID: '987654321' },
  );
  expect(exitCode).toBe(1);
  expect(gw.received.length).toBe(1);
  const [req] = gw.received;
  expect(req!.method).toBe('PUT');
  expect(req!.path).toBe(
    `/metrics/job/summit-dlp-scan/repository@base64/${Buffer.from('octo-org/svc').toString('base64url')}`,
  );
  expect(req!.authorization).toBe(`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`);
  expect(req!.contentType ?? '').toMatch(/^text\/plain; version=0\.0\.4/);
  expect(req!.body).toBe(await readFile(join(ws, 'ev', 'dlp-metrics.prom'), 'utf8'));
  expect(req!.body).toMatch(
    /^summit_dlp_findings_total\{rule="github-token",repository="octo-org\/svc",source="ci"\} 1$/m,
  );
  expect(req!.body).not.toMatch(/987654321|run_id/);
  expectNoLeak(req!.body, p.github.value, 'the pushed metrics');

  const out = sink.all();
  for (const [what, value] of [
    ['password', password],
    ['user:password', `${user}:${password}`],
    ['URL', url],
  ] as const)
    expectNoLeak(out, value, what);
  expect(out).toMatch(/metrics pushed to http:\/\/127\.0\.0\.1:\d+\/metrics\/job\/summit-dlp-scan\//);
});

test('a refused push is a warning naming the status, not a failure; credentials stay out of it', async () => {
  const gw = await gateway(403);
  onCleanup(() => gw.server.close());
  const ws = await tempDir();
  await writeFiles(ws, { 'a.txt': 'nothing here\n' });
  const { user, password } = credentials();
  const { sink, exitCode } = await run(
    ws,
    { path: '.', mode: 'tree', 'metrics-pushgateway-url': gw.base.replace('://', `://${user}:${password}@`) },
    { GITHUB_REPOSITORY: 'octo-org/svc' },
  );
  expect(exitCode).toBe(0);
  expect(gw.received.length).toBe(1);
  const warning = sink.annotations.find((a) => a.level === 'warning' && /not pushed/.test(a.message));
  expectTruthy(warning);
  expect(warning.message).toMatch(
    /PUT http:\/\/127\.0\.0\.1:\d+\/metrics\/job\/summit-dlp-scan\/.* HTTP 403/,
  );
  expectNoLeak(sink.all(), password, 'the output');
});

test('an unreachable gateway is a warning after the retries; the step passes', async () => {
  const gw = await gateway(200);
  const base = gw.base;
  await new Promise<void>((ok) => gw.server.close(() => ok()));
  const ws = await tempDir();
  await writeFiles(ws, { 'a.txt': 'nothing here\n' });
  const { sink, exitCode } = await run(
    ws,
    { path: '.', mode: 'tree', 'metrics-pushgateway-url': base },
    { GITHUB_REPOSITORY: 'octo-org/svc' },
  );
  expect(exitCode).toBe(0);
  // Three attempts (the first and two retries) before giving up: a push that never retries fails this.
  expect(
    sink.annotations.some(
      (a) =>
        a.level === 'warning' && /not pushed .*failed after 3 attempts: .*network error/i.test(a.message),
    ),
  ).toBeTruthy();
});

test('a gateway answering 503 is asked again (PUT is idempotent), then a warning; the step passes', async () => {
  const gw = await gateway(503);
  onCleanup(() => gw.server.close());
  const ws = await tempDir();
  await writeFiles(ws, { 'a.txt': 'nothing here\n' });
  const { sink, exitCode } = await run(
    ws,
    { path: '.', mode: 'tree', 'metrics-pushgateway-url': gw.base },
    { GITHUB_REPOSITORY: 'octo-org/svc' },
  );
  expect(exitCode).toBe(0);
  expect(gw.received.map((r) => r.method)).toStrictEqual(['PUT', 'PUT', 'PUT']);
  expect(sink.annotations.some((a) => a.level === 'warning' && /HTTP 503/.test(a.message))).toBeTruthy();
});

test('no repository known: a warning saying the grouping key needs GITHUB_REPOSITORY, and no request', async () => {
  const gw = await gateway(200);
  onCleanup(() => gw.server.close());
  const ws = await tempDir();
  await writeFiles(ws, { 'a.txt': 'nothing here\n' });
  const { sink, exitCode } = await run(ws, { path: '.', mode: 'tree', 'metrics-pushgateway-url': gw.base });
  expect(exitCode).toBe(0);
  expect(gw.received.length).toBe(0);
  expect(
    sink.annotations.some((a) => a.level === 'warning' && /GITHUB_REPOSITORY/.test(a.message)),
  ).toBeTruthy();
});

test('a malformed or non-http URL is an input error that does not echo the value', async () => {
  const ws = await tempDir();
  await writeFiles(ws, { 'a.txt': 'nothing here\n' });
  const { password } = credentials();
  for (const [value, expected] of [
    [`not a url ${password}`, /Input 'metrics-pushgateway-url': not a URL/],
    [`ftp://u:${password}@gw:21`, /scheme 'ftp:' is not supported/],
    [`http://u:${password}@gw:9091/?x=1`, /query or fragment/],
  ] as const) {
    const { sink, exitCode } = await run(ws, { path: '.', mode: 'tree', 'metrics-pushgateway-url': value });
    expect(exitCode).toBe(2);
    expect(sink.all()).toMatch(expected);
    expectNoLeak(sink.all(), password, 'the output');
  }
});
