/**
 * The real Octokit client (lib/github.ts: getOctokit + retry/throttling plugins) against a local node:http server that answers like GitHub's
 * checks API, so URLs, verbs, headers and JSON bodies are the ones sent on a runner.
 */
import { expect, test } from '@jest/globals';
import { expectNoLeak } from '../../test/support/leak.ts';
import { onCleanup } from '../../test/support/cleanup.ts';

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
  MAX_CHECK_ANNOTATIONS,
} from './check-run.ts';
import { GITHUB_RETRIES } from '../github.ts';

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

/** No second between writes: GitHub's pacing is the library's, and these tests send many batches. */
const FAST = { timing: { writeSpacingMs: 0 } };

const annotationsOf = (r: Recorded) =>
  (r.body['output'] as { annotations?: CheckAnnotation[] }).annotations ?? [];

test('120 annotations go out as one create with 50 and two updates with 50 and 20', async () => {
  const api = await fakeGitHub();
  onCleanup(api.close);
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
  expect(outcome.published).toBe(true);
  expect(outcome.checkRunId).toBe(4242);
  expect(outcome.annotationsSent).toBe(120);
  expect(api.requests.map((r) => [r.method, r.path, annotationsOf(r).length])).toStrictEqual([
    ['POST', '/repos/octo/repo/check-runs', 50],
    ['PATCH', '/repos/octo/repo/check-runs/4242', 50],
    ['PATCH', '/repos/octo/repo/check-runs/4242', 20],
  ]);
  const create = api.requests[0]!;
  expect(create.headers['authorization']).toBe(`token ${token}`);
  expect(create.body['head_sha']).toBe('a'.repeat(40));
  expect(create.body['status']).toBe('completed');
  expect(create.body['conclusion']).toBe('failure');
  expect(create.body['completed_at']).toBe('2026-11-01T00:00:00.000Z');
  expect(create.body['name']).toBe('catalog-gate');
  // every annotation arrives exactly once, in order
  const sent = api.requests.flatMap(annotationsOf).map((a) => a.message);
  expect(sent).toStrictEqual(manyAnnotations(120).map((a) => a.message));
  for (const r of api.requests) {
    const output = r.body['output'] as { title: string; summary: string };
    expect(output.title).toBe('3 problems');
    expect(output.summary).toBe('## Catalog gate');
  }
  expect(outcome.message).toMatch(/published on octo\/repo@aaaaaaaaaaaa \(failure, 120 annotations\)/);
});

test('levels map to failure/warning/notice; annotations without a position are counted in the summary', async () => {
  const api = await fakeGitHub();
  onCleanup(api.close);
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
    FAST,
  );
  expect(outcome.published).toBe(true);
  expect(outcome.annotationsWithoutPosition).toBe(2);
  const sent = annotationsOf(api.requests[0]!);
  expect(sent).toStrictEqual([
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
  expect(summary).toMatch(
    /^body\n\n> 2 annotations without a file position are not shown as check annotations; see the job log\.\n$/,
  );
  expect(api.requests.length).toBe(1);
});

test('a 403 (token lacks checks:write) becomes a clear message, not a crash', async () => {
  const api = await fakeGitHub(() => ({
    status: 403,
    body: {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
      status: '403',
    },
    headers: { 'x-accepted-github-permissions': 'checks=write' },
  }));
  onCleanup(api.close);
  const outcome = await publishCheckRun(
    context(api.apiUrl),
    { name: 'dlp-scan', title: 't', conclusion: 'success', summary: 's', annotations: manyAnnotations(3) },
    new Redactor(),
    FAST,
  );
  expect(outcome.published).toBe(false);
  expect(outcome.annotationsSent).toBe(0);
  expect(outcome.message).toMatch(
    /^Check run 'dlp-scan' not published: GitHub answered 403 \("Resource not accessible by integration"\): the token lacks the 'checks: write' permission \(GitHub accepts: checks=write\)\. Add 'permissions: checks: write' to the job/,
  );
});

test('a failure on a later batch reports the created run and how many annotations went out', async () => {
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
  onCleanup(api.close);
  const outcome = await publishCheckRun(
    context(api.apiUrl),
    { name: 'g', title: 't', conclusion: 'failure', summary: 's', annotations: manyAnnotations(120) },
    new Redactor(),
    FAST,
  );
  expect(outcome.published).toBe(false);
  expect(outcome.checkRunId).toBe(4242);
  expect(outcome.annotationsSent).toBe(100);
  expect(outcome.message).toMatch(
    /\(id 4242\) was created but only 100 of 120 annotations were sent: GitHub answered 422 \("Validation Failed"\) \[CheckRun annotations invalid\]/,
  );
});

test('the token never appears in a message, even when GitHub echoes it back', async () => {
  const token = syntheticToken();
  const api = await fakeGitHub((req) => ({
    status: 401,
    body: { message: `Bad credentials: ${req.headers['authorization']}` },
  }));
  onCleanup(api.close);
  // a redactor that knows nothing: the module must scrub the token by itself
  const outcome = await publishCheckRun(
    context(api.apiUrl, token),
    { name: 'n', title: 't', conclusion: 'success', summary: 's', annotations: [] },
    new Redactor(),
    FAST,
  );
  expect(outcome.published).toBe(false);
  expect(outcome.message).toMatch(/GitHub answered 401 .*the token is invalid or expired/);
  expectNoLeak(outcome.message, token, 'the message');
  expect(outcome.message).toContain('Bad credentials: token ***');
});

test('an unreachable API is a message naming the cause, without the token', async () => {
  const api = await fakeGitHub();
  await api.close();
  const token = syntheticToken();
  const outcome = await publishCheckRun(
    context(api.apiUrl, token),
    { name: 'n', title: 't', conclusion: 'success', summary: 's', annotations: [] },
    new Redactor(),
    FAST,
  );
  expect(outcome.published).toBe(false);
  expect(outcome.message).toMatch(/could not be reached \(ECONNREFUSED\)/);
  expectNoLeak(outcome.message, token, 'the message');
});

test('skips with a notice when there is no token, repository or commit', async () => {
  const api = await fakeGitHub();
  onCleanup(api.close);
  const req = { name: 'n', title: 't', conclusion: 'success' as const, summary: 's', annotations: [] };
  const noToken = await publishCheckRun(context(api.apiUrl, ''), req, new Redactor(), FAST);
  expect(noToken.published).toBe(false);
  expect(noToken.message).toMatch(/skipped: no GitHub token/);
  const noSha = context(api.apiUrl);
  delete noSha.sha;
  expect((await publishCheckRun(noSha, req, new Redactor(), FAST)).message).toMatch(
    /skipped: no commit \(GITHUB_SHA\) is known/,
  );
  const noRepo = { ...context(api.apiUrl), repository: 'not-a-repo' };
  expect((await publishCheckRun(noRepo, req, new Redactor(), FAST)).message).toMatch(
    /skipped: no repository \(GITHUB_REPOSITORY, owner\/name\) is known/,
  );
  expect(api.requests.length).toBe(0);
});

test('every text sent to GitHub is redacted', async () => {
  const api = await fakeGitHub();
  onCleanup(api.close);
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
  expect(wire).toContain('msg ***');
  expectNoLeak(wire, secret, 'the API requests');
});

test('publishResultCheckRun adapts an ActionResult and returns the log note', async () => {
  const api = await fakeGitHub();
  onCleanup(api.close);
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
  expect(note.published).toBe(true);
  expect(note.message).toMatch(/^Check run 'keda-verify' published .*\(success, 2 annotations\)/);
  expect(
    await publishResultCheckRun(
      { outputs: {}, annotations: [], summary: '' },
      context(api.apiUrl),
      new Redactor(),
      [],
    ),
  ).toStrictEqual({ published: false, message: 'No check run requested.' });
});

test('pure helpers: batching and long text limits', () => {
  expect(batches([1, 2, 3, 4, 5], 2)).toStrictEqual([[1, 2], [3, 4], [5]]);
  expect(batches([])).toStrictEqual([]);
  const { placed } = toCheckAnnotations([
    { level: 'notice', message: 'x'.repeat(70_000), file: 'a', line: 1, title: 'y'.repeat(300) },
  ]);
  expect(placed[0]!.message.length).toBe(64 * 1024);
  expect(placed[0]!.message).toMatch(/…\(truncated\)$/);
  expect(placed[0]!.title!.length).toBe(255);
  expect(
    toCheckAnnotations([{ level: 'error', message: 'abs', file: '/abs/path.ts', line: 3 }]).withoutPosition,
  ).toBe(1);
  const outside = toCheckAnnotations([
    { level: 'error', message: 'up', file: '../elsewhere/x.ts', line: 3 },
    { level: 'error', message: 'mid', file: 'a/../../x.ts', line: 3 },
    { level: 'error', message: 'dots in a name are fine', file: 'a/..b/x.ts', line: 3 },
  ]);
  expect(outside.withoutPosition).toBe(2);
  expect(outside.placed.map((p) => p.path)).toStrictEqual(['a/..b/x.ts']);
});

/** Milliseconds per advised second in these tests: Retry-After 3 means 3 × 40 ms here. */
const BASE_MS = 40;

test.each([
  ['a 502', { status: 502, body: { message: 'Bad Gateway' } }, 0],
  [
    'a 429 secondary rate limit with Retry-After',
    {
      status: 429,
      body: { message: 'You have exceeded a secondary rate limit' },
      headers: { 'retry-after': '3' },
    },
    3,
  ],
  [
    'a 403 secondary rate limit with Retry-After',
    {
      status: 403,
      body: { message: 'You have exceeded a secondary rate limit' },
      headers: { 'retry-after': '4' },
    },
    4,
  ],
] as const)('%s is retried by octokit, after the advised wait', async (_what, failure, retryAfter) => {
  const at: number[] = [];
  const api = await fakeGitHub((_req, n) => {
    at.push(performance.now());
    return n === 0
      ? { ...failure, headers: { ...('headers' in failure ? failure.headers : {}) } }
      : undefined;
  });
  onCleanup(api.close);
  const outcome = await publishCheckRun(
    context(api.apiUrl),
    { name: 'g', title: 't', conclusion: 'success', summary: 's', annotations: manyAnnotations(3) },
    new Redactor(),
    { timing: { retryAfterBaseValue: BASE_MS, writeSpacingMs: 0 } },
  );
  expect(outcome.message).toMatch(/^Check run 'g' published/);
  expect(api.requests.map((r) => r.method)).toStrictEqual(['POST', 'POST']);
  // The second attempt waited at least what GitHub advised (the retry plugin waits 1² × base for a 5xx).
  expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(Math.max(retryAfter, 1) * BASE_MS - 5);
});

test('a 5xx that persists is given up after the retries, with what GitHub said', async () => {
  const api = await fakeGitHub(() => ({ status: 503, body: { message: 'Service Unavailable' } }));
  onCleanup(api.close);
  const outcome = await publishCheckRun(
    context(api.apiUrl),
    { name: 'g', title: 't', conclusion: 'success', summary: 's', annotations: [] },
    new Redactor(),
    { timing: { retryAfterBaseValue: 1, writeSpacingMs: 0 } },
  );
  expect(outcome.published).toBe(false);
  expect(api.requests.length).toBe(1 + GITHUB_RETRIES);
  expect(outcome.message).toMatch(/not published: GitHub answered 503/);
});

test.each([401, 403, 404, 422])('a %i is final: sent once, never retried', async (status) => {
  const api = await fakeGitHub(() => ({ status, body: { message: 'No' } }));
  onCleanup(api.close);
  const outcome = await publishCheckRun(
    context(api.apiUrl),
    { name: 'g', title: 't', conclusion: 'success', summary: 's', annotations: [] },
    new Redactor(),
    { timing: { retryAfterBaseValue: 1, writeSpacingMs: 0 } },
  );
  expect(outcome.published).toBe(false);
  expect(api.requests.length).toBe(1);
  expect(outcome.message).toContain(`GitHub answered ${status}`);
});

test(`at most ${MAX_CHECK_ANNOTATIONS} annotations are sent; the rest are counted in the note`, async () => {
  const api = await fakeGitHub();
  onCleanup(api.close);
  const outcome = await publishCheckRun(
    context(api.apiUrl),
    { name: 'g', title: 't', conclusion: 'failure', summary: 's', annotations: manyAnnotations(1234) },
    new Redactor(),
    FAST,
  );
  expect(outcome.annotationsSent).toBe(MAX_CHECK_ANNOTATIONS);
  expect(api.requests.length).toBe(MAX_CHECK_ANNOTATIONS / 50);
  expect(outcome.message).toMatch(/234 beyond the first 1000 left to the summary and reports/);
});
