/**
 * The real @octokit/rest client against a local node:http server that answers like GitHub's
 * checks API, so URLs, verbs, headers and JSON bodies are the ones sent on a runner.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { GitHubContext } from '../action.ts';
import { Redactor } from '../redact.ts';
import type { Annotation } from './types.ts';
import {
  batches,
  publishCheckRun,
  publishResultCheckRun,
  toCheckAnnotations,
  type CheckAnnotation,
  isRetryableApiError,
  MAX_CHECK_ANNOTATIONS,
} from './check-run.ts';

interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

/** Answers like api.github.com unless `override` returns a reply for the request. */
async function fakeGitHub(override?: (req: Recorded, n: number) => Reply | undefined) {
  const requests: Recorded[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const rec: Recorded = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      };
      requests.push(rec);
      const reply = override?.(rec, requests.length - 1) ?? github(rec);
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function github(req: Recorded): Reply {
  if (req.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(req.path)) {
    return {
      status: 201,
      body: {
        id: 4242,
        html_url: 'https://github.example/o/r/runs/4242',
        status: 'completed',
        conclusion: req.body['conclusion'],
      },
    };
  }
  const patch = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(req.path);
  if (req.method === 'PATCH' && patch) return { status: 200, body: { id: Number(patch[1]) } };
  return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
}

/** Built at run time: no credential-shaped literal in the repository, and not a known token shape. */
const syntheticToken = () => `tkn${randomBytes(18).toString('hex')}`;

function context(apiUrl: string, token: string | undefined = syntheticToken()): GitHubContext {
  const ctx: GitHubContext = {
    apiUrl,
    serverUrl: 'https://github.example',
    repository: 'octo/repo',
    sha: 'a'.repeat(40),
  };
  if (token) ctx.token = token;
  return ctx;
}

function manyAnnotations(n: number): Annotation[] {
  return Array.from({ length: n }, (_, i) => ({
    level: (['error', 'warning', 'notice'] as const)[i % 3]!,
    message: `finding ${i}`,
    file: `src/f${i}.ts`,
    line: i + 1,
  }));
}

const annotationsOf = (r: Recorded) =>
  (r.body['output'] as { annotations?: CheckAnnotation[] }).annotations ?? [];

test('120 annotations go out as one create with 50 and two updates with 50 and 20', async (t) => {
  const api = await fakeGitHub();
  t.after(api.close);
  const token = syntheticToken();
  const outcome = await publishCheckRun(
    context(api.apiUrl, token),
    {
      name: 'catalog-gate',
      title: '3 problems',
      conclusion: 'failure',
      summary: '## Catalog gate',
      annotations: manyAnnotations(120),
    },
    new Redactor(),
    { now: () => new Date('2026-11-01T00:00:00Z') },
  );
  assert.equal(outcome.published, true, outcome.message);
  assert.equal(outcome.checkRunId, 4242);
  assert.equal(outcome.annotationsSent, 120);
  assert.deepEqual(
    api.requests.map((r) => [r.method, r.path, annotationsOf(r).length]),
    [
      ['POST', '/repos/octo/repo/check-runs', 50],
      ['PATCH', '/repos/octo/repo/check-runs/4242', 50],
      ['PATCH', '/repos/octo/repo/check-runs/4242', 20],
    ],
  );
  const create = api.requests[0]!;
  assert.equal(create.headers['authorization'], `token ${token}`);
  assert.equal(create.body['head_sha'], 'a'.repeat(40));
  assert.equal(create.body['status'], 'completed');
  assert.equal(create.body['conclusion'], 'failure');
  assert.equal(create.body['completed_at'], '2026-11-01T00:00:00.000Z');
  assert.equal(create.body['name'], 'catalog-gate');
  // every annotation arrives exactly once, in order
  const sent = api.requests.flatMap(annotationsOf).map((a) => a.message);
  assert.deepEqual(
    sent,
    manyAnnotations(120).map((a) => a.message),
  );
  for (const r of api.requests) {
    const output = r.body['output'] as { title: string; summary: string };
    assert.equal(output.title, '3 problems');
    assert.equal(output.summary, '## Catalog gate');
  }
  assert.match(outcome.message, /published on octo\/repo@aaaaaaaaaaaa \(failure, 120 annotations\)/);
});

test('levels map to failure/warning/notice; annotations without a position are counted in the summary', async (t) => {
  const api = await fakeGitHub();
  t.after(api.close);
  const annotations: Annotation[] = [
    { level: 'error', message: 'e', file: 'a.sql', line: 2, endLine: 4, column: 3, endColumn: 9, title: 'T' },
    { level: 'warning', message: 'w', file: '.\\dir\\b.sql', line: 7, column: 3, endColumn: 9 },
    { level: 'notice', message: 'n', file: 'c.sql', line: 1 },
    { level: 'error', message: 'no file' },
    { level: 'warning', message: 'no line', file: 'd.sql' },
  ];
  const outcome = await publishCheckRun(
    context(api.apiUrl),
    { name: 'x', title: 't', conclusion: 'neutral', summary: 'body', annotations },
    new Redactor(),
  );
  assert.equal(outcome.published, true);
  assert.equal(outcome.annotationsWithoutPosition, 2);
  const sent = annotationsOf(api.requests[0]!);
  assert.deepEqual(sent, [
    { path: 'a.sql', start_line: 2, end_line: 4, annotation_level: 'failure', message: 'e', title: 'T' },
    {
      path: 'dir/b.sql',
      start_line: 7,
      end_line: 7,
      start_column: 3,
      end_column: 9,
      annotation_level: 'warning',
      message: 'w',
    },
    { path: 'c.sql', start_line: 1, end_line: 1, annotation_level: 'notice', message: 'n' },
  ]);
  const summary = (api.requests[0]!.body['output'] as { summary: string }).summary;
  assert.match(
    summary,
    /^body\n\n> 2 annotations without a file position are not shown as check annotations; see the job log\.\n$/,
  );
  assert.equal(api.requests.length, 1, 'no update call when everything fits in the create');
});

test('a 403 (token lacks checks:write) becomes a clear message, not a crash', async (t) => {
  const api = await fakeGitHub(() => ({
    status: 403,
    body: {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
      status: '403',
    },
    headers: { 'x-accepted-github-permissions': 'checks=write' },
  }));
  t.after(api.close);
  const outcome = await publishCheckRun(
    context(api.apiUrl),
    { name: 'dlp-scan', title: 't', conclusion: 'success', summary: 's', annotations: manyAnnotations(3) },
    new Redactor(),
  );
  assert.equal(outcome.published, false);
  assert.equal(outcome.annotationsSent, 0);
  assert.match(
    outcome.message,
    /^Check run 'dlp-scan' not published: GitHub answered 403 \("Resource not accessible by integration"\): the token lacks the 'checks: write' permission \(GitHub accepts: checks=write\)\. Add 'permissions: checks: write' to the job/,
  );
});

test('a failure on a later batch reports the created run and how many annotations went out', async (t) => {
  const api = await fakeGitHub((req, n) =>
    n === 2
      ? {
          status: 422,
          body: {
            message: 'Validation Failed',
            errors: [{ resource: 'CheckRun', field: 'annotations', code: 'invalid' }],
          },
        }
      : undefined,
  );
  t.after(api.close);
  const outcome = await publishCheckRun(
    context(api.apiUrl),
    { name: 'g', title: 't', conclusion: 'failure', summary: 's', annotations: manyAnnotations(120) },
    new Redactor(),
  );
  assert.equal(outcome.published, false);
  assert.equal(outcome.checkRunId, 4242);
  assert.equal(outcome.annotationsSent, 100);
  assert.match(
    outcome.message,
    /\(id 4242\) was created but only 100 of 120 annotations were sent: GitHub answered 422 \("Validation Failed"\) \[CheckRun annotations invalid\]/,
  );
});

test('the token never appears in a message, even when GitHub echoes it back', async (t) => {
  const token = syntheticToken();
  const api = await fakeGitHub((req) => ({
    status: 401,
    body: { message: `Bad credentials: ${req.headers['authorization']}` },
  }));
  t.after(api.close);
  // a redactor that knows nothing: the module must scrub the token by itself
  const outcome = await publishCheckRun(
    context(api.apiUrl, token),
    { name: 'n', title: 't', conclusion: 'success', summary: 's', annotations: [] },
    new Redactor(),
  );
  assert.equal(outcome.published, false);
  assert.match(outcome.message, /GitHub answered 401 .*the token is invalid or expired/);
  assert.ok(!outcome.message.includes(token), 'the token leaked into the message');
  assert.ok(outcome.message.includes('Bad credentials: token ***'));
});

test('an unreachable API is a message naming the cause, without the token', async () => {
  const api = await fakeGitHub();
  await api.close();
  const token = syntheticToken();
  const outcome = await publishCheckRun(
    context(api.apiUrl, token),
    { name: 'n', title: 't', conclusion: 'success', summary: 's', annotations: [] },
    new Redactor(),
  );
  assert.equal(outcome.published, false);
  assert.match(outcome.message, /could not be reached \(ECONNREFUSED\)/);
  assert.ok(!outcome.message.includes(token));
});

test('skips with a notice when there is no token, repository or commit', async (t) => {
  const api = await fakeGitHub();
  t.after(api.close);
  const req = { name: 'n', title: 't', conclusion: 'success' as const, summary: 's', annotations: [] };
  const noToken = await publishCheckRun(context(api.apiUrl, ''), req, new Redactor());
  assert.equal(noToken.published, false);
  assert.match(noToken.message, /skipped: no GitHub token/);
  const noSha = context(api.apiUrl);
  delete noSha.sha;
  assert.match(
    (await publishCheckRun(noSha, req, new Redactor())).message,
    /skipped: no commit \(GITHUB_SHA\) is known/,
  );
  const noRepo = { ...context(api.apiUrl), repository: 'not-a-repo' };
  assert.match(
    (await publishCheckRun(noRepo, req, new Redactor())).message,
    /skipped: no repository \(GITHUB_REPOSITORY, owner\/name\) is known/,
  );
  assert.equal(api.requests.length, 0, 'no request is made when skipping');
});

test('every text sent to GitHub is redacted', async (t) => {
  const api = await fakeGitHub();
  t.after(api.close);
  const secret = `s3cr${randomBytes(10).toString('hex')}`;
  const redactor = new Redactor();
  redactor.addSecret(secret);
  await publishCheckRun(
    context(api.apiUrl),
    {
      name: `gate ${secret}`,
      title: `title ${secret}`,
      conclusion: 'failure',
      summary: `summary ${secret}`,
      annotations: [
        {
          level: 'error',
          message: `msg ${secret}`,
          title: `t ${secret}`,
          file: `cfg/${secret}.env`,
          line: 1,
        },
      ],
    },
    redactor,
  );
  const wire = JSON.stringify(api.requests.map((r) => r.body));
  assert.ok(wire.includes('msg ***'));
  assert.ok(!wire.includes(secret), 'a registered secret reached the API');
});

test('publishResultCheckRun adapts an ActionResult and returns the log note', async (t) => {
  const api = await fakeGitHub();
  t.after(api.close);
  const note = await publishResultCheckRun(
    {
      outputs: {},
      annotations: [],
      summary: '',
      checkRun: { name: 'keda-verify', title: 'ok', conclusion: 'success', summary: 'all good' },
    },
    context(api.apiUrl),
    new Redactor(),
    manyAnnotations(2),
  );
  assert.equal(note.published, true);
  assert.match(note.message, /^Check run 'keda-verify' published .*\(success, 2 annotations\)/);
  assert.deepEqual(
    await publishResultCheckRun(
      { outputs: {}, annotations: [], summary: '' },
      context(api.apiUrl),
      new Redactor(),
      [],
    ),
    { published: false, message: 'No check run requested.' },
  );
});

test('pure helpers: batching and long text limits', () => {
  assert.deepEqual(batches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(batches([]), []);
  const { placed } = toCheckAnnotations([
    { level: 'notice', message: 'x'.repeat(70_000), file: 'a', line: 1, title: 'y'.repeat(300) },
  ]);
  assert.equal(placed[0]!.message.length, 64 * 1024);
  assert.match(placed[0]!.message, /…\(truncated\)$/);
  assert.equal(placed[0]!.title!.length, 255);
  assert.equal(
    toCheckAnnotations([{ level: 'error', message: 'abs', file: '/abs/path.ts', line: 3 }]).withoutPosition,
    1,
  );
  const outside = toCheckAnnotations([
    { level: 'error', message: 'up', file: '../elsewhere/x.ts', line: 3 },
    { level: 'error', message: 'mid', file: 'a/../../x.ts', line: 3 },
    { level: 'error', message: 'dots in a name are fine', file: 'a/..b/x.ts', line: 3 },
  ]);
  assert.equal(outside.withoutPosition, 2);
  assert.deepEqual(
    outside.placed.map((p) => p.path),
    ['a/..b/x.ts'],
  );
});

test('a 502 or a rate-limit 403 is retried after the advised wait; a 422 is not', async (t) => {
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  const api = await fakeGitHub((_req, n) =>
    n === 0
      ? { status: 502, body: { message: 'Bad Gateway' } }
      : n === 2
        ? {
            status: 403,
            body: { message: 'You have exceeded a secondary rate limit' },
            headers: { 'retry-after': '3' },
          }
        : undefined,
  );
  t.after(api.close);
  const outcome = await publishCheckRun(
    context(api.apiUrl),
    { name: 'g', title: 't', conclusion: 'success', summary: 's', annotations: manyAnnotations(60) },
    new Redactor(),
    { sleep },
  );
  assert.equal(outcome.published, true, outcome.message);
  assert.equal(outcome.annotationsSent, 60);
  assert.deepEqual(
    api.requests.map((r) => r.method),
    ['POST', 'POST', 'PATCH', 'PATCH'],
  );
  assert.equal(waits.length, 2);
  assert.equal(waits[1], 3000, 'Retry-After is honoured');
  assert.equal(isRetryableApiError({ status: 422 }), false);
  assert.equal(isRetryableApiError({ status: 404 }), false);
});

test(`at most ${MAX_CHECK_ANNOTATIONS} annotations are sent; the rest are counted in the note`, async (t) => {
  const api = await fakeGitHub();
  t.after(api.close);
  const outcome = await publishCheckRun(
    context(api.apiUrl),
    { name: 'g', title: 't', conclusion: 'failure', summary: 's', annotations: manyAnnotations(1234) },
    new Redactor(),
  );
  assert.equal(outcome.annotationsSent, MAX_CHECK_ANNOTATIONS);
  assert.equal(api.requests.length, MAX_CHECK_ANNOTATIONS / 50);
  assert.match(outcome.message, /234 beyond the first 1000 left to the summary and reports/);
});
