// metrics-pushgateway-url: the action PUTs dlp-metrics.prom to a local node:http server speaking
// the Pushgateway's push protocol; the URL's credentials never reach any output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  assert.equal(Buffer.from(encoded, 'base64url').toString('utf8'), 'octo-org/svc.api');
  assert.match(encoded, /^[A-Za-z0-9_-]+$/, 'base64url: no / + or = in a path segment');
  assert.equal(u.pathname, `/prefix/metrics/job/summit-dlp-scan/repository@base64/${encoded}`);
  assert.equal(u.username, 'u');
});

test('metrics-pushgateway-url: PUT of the metrics file to the repository group, Basic auth from the URL, nothing leaks', async (t) => {
  const gw = await gateway(200);
  t.after(() => gw.server.close());
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
  assert.equal(exitCode, 1, 'the planted token still fails the step');
  assert.equal(gw.received.length, 1);
  const [req] = gw.received;
  assert.equal(req!.method, 'PUT');
  assert.equal(
    req!.path,
    `/metrics/job/summit-dlp-scan/repository@base64/${Buffer.from('octo-org/svc').toString('base64url')}`,
  );
  assert.equal(req!.authorization, `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`);
  assert.match(req!.contentType ?? '', /^text\/plain; version=0\.0\.4/);
  assert.equal(req!.body, await readFile(join(ws, 'ev', 'dlp-metrics.prom'), 'utf8'));
  assert.match(
    req!.body,
    /^summit_dlp_findings_total\{rule="github-token",repository="octo-org\/svc",source="ci"\} 1$/m,
  );
  assert.doesNotMatch(req!.body, /987654321|run_id/, 'no run id: each run would be a new series');
  assert.ok(!req!.body.includes(p.github.value));

  const out = sink.all();
  for (const [what, value] of [
    ['password', password],
    ['user:password', `${user}:${password}`],
    ['URL', url],
  ] as const)
    assert.ok(!out.includes(value), `the ${what} of the pushgateway URL is in the output`);
  assert.match(out, /metrics pushed to http:\/\/127\.0\.0\.1:\d+\/metrics\/job\/summit-dlp-scan\//);
});

test('a refused push is a warning naming the status, not a failure; credentials stay out of it', async (t) => {
  const gw = await gateway(403);
  t.after(() => gw.server.close());
  const ws = await tempDir();
  await writeFiles(ws, { 'a.txt': 'nothing here\n' });
  const { user, password } = credentials();
  const { sink, exitCode } = await run(
    ws,
    { path: '.', mode: 'tree', 'metrics-pushgateway-url': gw.base.replace('://', `://${user}:${password}@`) },
    { GITHUB_REPOSITORY: 'octo-org/svc' },
  );
  assert.equal(exitCode, 0, sink.failures.join('\n'));
  assert.equal(gw.received.length, 1, '403 is final: not retried');
  const warning = sink.annotations.find((a) => a.level === 'warning' && /not pushed/.test(a.message));
  assert.ok(warning, JSON.stringify(sink.annotations));
  assert.match(warning.message, /PUT http:\/\/127\.0\.0\.1:\d+\/metrics\/job\/summit-dlp-scan\/.* HTTP 403/);
  assert.ok(!sink.all().includes(password));
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
  assert.equal(exitCode, 0, sink.failures.join('\n'));
  assert.ok(
    sink.annotations.some((a) => a.level === 'warning' && /not pushed .*network error/.test(a.message)),
    JSON.stringify(sink.annotations),
  );
});

test('no repository known: a warning saying the grouping key needs GITHUB_REPOSITORY, and no request', async (t) => {
  const gw = await gateway(200);
  t.after(() => gw.server.close());
  const ws = await tempDir();
  await writeFiles(ws, { 'a.txt': 'nothing here\n' });
  const { sink, exitCode } = await run(ws, { path: '.', mode: 'tree', 'metrics-pushgateway-url': gw.base });
  assert.equal(exitCode, 0, sink.failures.join('\n'));
  assert.equal(gw.received.length, 0);
  assert.ok(sink.annotations.some((a) => a.level === 'warning' && /GITHUB_REPOSITORY/.test(a.message)));
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
    assert.equal(exitCode, 2, `${expected}: ${sink.failures.join('\n')}`);
    assert.match(sink.all(), expected);
    assert.ok(!sink.all().includes(password));
  }
});
