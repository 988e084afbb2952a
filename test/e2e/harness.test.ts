// Proves the runner-faithful harness on a bundle this test builds itself (the fixture action), so
// the harness is trusted before any real action's e2e cases rely on it.
import { beforeAll, expect, test } from '@jest/globals';
import { expectNoLeak } from '../support/leak.ts';
import { expectTruthy } from '../support/narrow.ts';
import { thrownBy } from '../support/errors.ts';

import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { bundleAction } from '../../scripts/build.ts';
import {
  assertNoLeak,
  inputEnvName,
  parseOutputFile,
  parseWorkflowCommands,
  pullRequestEvent,
  REPO_ROOT,
  runBundledAction,
} from './harness.ts';
import { startGitHubApi } from './github-server.ts';

const fixture = join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'echo-action');
let actionDir = '';
// A synthetic token-shaped value made at run time; never a real credential.
const plantedToken = `ghs_${randomBytes(18).toString('hex')}`;

beforeAll(async () => {
  actionDir = await mkdtemp(join(tmpdir(), 'echo-action-'));
  await cp(join(fixture, 'action.yml'), join(actionDir, 'action.yml'));
  await bundleAction(join(fixture, 'src', 'index.ts'), join(actionDir, 'dist'));
});

test('input names are mangled like the runner: upper case, spaces to _, hyphens kept', () => {
  expect(inputEnvName('greeting name')).toBe('INPUT_GREETING_NAME');
  expect(inputEnvName('fail-on')).toBe('INPUT_FAIL-ON');
});

test('a well-behaved run: outputs, annotations with positions, summary, event context', async () => {
  const run = await runBundledAction({
    actionDir,
    inputs: { 'greeting name': 'Ada' },
    githubToken: plantedToken,
    event: pullRequestEvent({ headSha: 'd'.repeat(40) }),
  });
  expect(run.exitCode).toBe(0);
  expect(run.outputs['greeting']).toBe('hello Ada\nacross lines');
  expect(run.outputs['event-name']).toBe('pull_request');
  const warning = run.annotations.find((a) => a.level === 'warning');
  expect(warning).toStrictEqual({
    level: 'warning',
    message: 'hello, Ada: 50% done, a:b,c\nsecond line',
    file: 'src/app.ts',
    line: 3,
    column: 7,
    title: 'Greeting',
  });
  // The PR head sha, not the merge sha, is the commit a PR check belongs to.
  expect(run.summary).toMatch(new RegExp(`\\| Ada \\| ${'d'.repeat(40)} \\|`));
  assertNoLeak(run, [plantedToken]);
  expect(run.summary).toMatch(/token: \*\*\*/);
});

test('defaults come from action.yml when an input is not given', async () => {
  const run = await runBundledAction({ actionDir, githubToken: plantedToken });
  expect(run.outputs['greeting']).toBe('hello world\nacross lines');
});

test('a failing action exits 1 with a redacted ::error:: message', async () => {
  const run = await runBundledAction({ actionDir, inputs: { behaviour: 'fail' }, githubToken: plantedToken });
  expect(run.exitCode).toBe(1);
  expect(
    run.annotations.some((a) => a.level === 'error' && a.message === 'asked to fail; token ***'),
  ).toBeTruthy();
  assertNoLeak(run, [plantedToken]);
});

test('a bad input fails the step with the input named', async () => {
  const run = await runBundledAction({ actionDir, inputs: { behaviour: 'sideways' } });
  expect(run.exitCode).toBe(2);
  expect(
    run.annotations.some(
      (a) =>
        a.level === 'error' && /^Input 'behaviour': 'sideways' is not one of the choices/.test(a.message),
    ),
  ).toBeTruthy();
});

for (const [behaviour, channel] of [
  ['leak-stdout', 'stdout'],
  ['leak-summary', 'job summary'],
  ['leak-output', 'GITHUB_OUTPUT'],
] as const) {
  test(`assertNoLeak catches a planted secret written to ${channel}`, async () => {
    const run = await runBundledAction({ actionDir, inputs: { behaviour }, githubToken: plantedToken });
    expect(
      ((error: unknown) => {
        expectTruthy(error instanceof Error);
        expect(error.message).toMatch(new RegExp(`leaked into ${channel}`));
        expectNoLeak(error.message, plantedToken, 'the assertion message');
        return true;
      })(thrownBy(() => assertNoLeak(run, [plantedToken]))),
    ).toBe(true);
  });
}

test('a malformed GITHUB_OUTPUT fails the harness as it would fail the runner', async () => {
  await expect(runBundledAction({ actionDir, inputs: { behaviour: 'malformed-output' } })).rejects.toThrow(
    /matching delimiter not found for output 'broken'/,
  );
});

test('output file parsing follows the runner rules', () => {
  expect(parseOutputFile('a=1\nb<<X\nline1\nline2\nX\n\nc=x=y\n')).toStrictEqual({
    a: '1',
    b: 'line1\nline2',
    c: 'x=y',
  });
  expect(() => parseOutputFile('just text\n')).toThrow(/line 1: invalid format/);
  expect(() => parseOutputFile('a<<\n')).toThrow(/empty heredoc delimiter/);
});

test('workflow command parsing unescapes data and properties', () => {
  const { commands, log } = parseWorkflowCommands(
    'plain\n::error file=a%2Cb.ts,line=2,title=x%3Ay::50%25%0Adone\n',
  );
  expect(log).toStrictEqual(['plain']);
  expect(commands).toStrictEqual([
    { command: 'error', properties: { file: 'a,b.ts', line: '2', title: 'x:y' }, message: '50%\ndone' },
  ]);
  expect(() => parseWorkflowCommands('::error broken::x')).toThrow(/malformed workflow command property/);
});

test('with a token and a local GitHub API, the bundle publishes one check run on the PR head with redacted text', async () => {
  const api = await startGitHubApi({
    'POST /repos/summit-ops/demo/check-runs': {
      status: 201,
      body: { id: 7, html_url: 'https://github.com/summit-ops/demo/runs/7' },
    },
  });
  try {
    const run = await runBundledAction({
      actionDir,
      githubToken: plantedToken,
      env: { GITHUB_API_URL: api.url },
      event: pullRequestEvent({ headSha: 'e'.repeat(40) }),
    });
    expect(run.exitCode).toBe(0);
    expect(api.requests.length).toBe(1);
    const [create] = api.requests;
    expect(create!.method).toBe('POST');
    expect(create!.path).toBe('/repos/summit-ops/demo/check-runs');
    expect(create!.authorization).toBe(`token ${plantedToken}`);
    const body = create!.body as Record<string, unknown>;
    expect(body['head_sha']).toBe('e'.repeat(40));
    expect(body['conclusion']).toBe('success');
    const output = body['output'] as { title: string; annotations: Array<Record<string, unknown>> };
    expect(output.title).toBe('Echo for world');
    expectNoLeak(create!.rawBody, plantedToken, 'the check run text');
    expect(output.annotations.map((a) => [a['path'], a['start_line'], a['annotation_level']])).toStrictEqual([
      ['src/app.ts', 3, 'warning'],
    ]);
    assertNoLeak(run, [plantedToken]);
  } finally {
    await api.close();
  }
});

test('without a token the check run is skipped with a notice, not a failure', async () => {
  const run = await runBundledAction({ actionDir, githubToken: '' });
  expect(run.exitCode).toBe(0);
  const notice = run.annotations.find((a) => a.level === 'notice' && a.title === 'Check run not published');
  expect(notice && /no GitHub token/.test(notice.message)).toBeTruthy();
});

test('an escaped secret in a workflow command property is caught by decoding, as the runner shows it', async () => {
  const special = `${plantedToken}%:,x`;
  const run = await runBundledAction({
    actionDir,
    inputs: { behaviour: 'leak-annotation' },
    githubToken: special,
  });
  expectNoLeak(run.stdout, special, 'stdout');
  expect(() => assertNoLeak(run, [special])).toThrow(/leaked into ::warning:: command/);
});

test('commands on stderr are read too, as the runner reads both streams', async () => {
  const run = await runBundledAction({ actionDir, inputs: { behaviour: 'stderr-error' } });
  expect(
    run.annotations.some((a) => a.level === 'error' && a.file === 'src/err.ts' && a.line === 9),
  ).toBeTruthy();
});

test('a summary over 1 MiB fails the harness as GitHub aborts it', async () => {
  await expect(runBundledAction({ actionDir, inputs: { behaviour: 'huge-summary' } })).rejects.toThrow(
    /GitHub aborts summaries over 1048576 bytes/,
  );
});

test('command parsing follows the runner: whitespace, case, unknown commands, stop-commands, add-mask', () => {
  const stream = [
    '  ::warning FILE=a.ts,Line=3::indented, upper-case properties',
    '::frobnicate::not a command',
    '::stop-commands::pause-token',
    '::error file=evil.ts::printed as text while stopped',
    '::pause-token::',
    '::add-mask::hunter22',
    'log with hunter22 inside',
  ].join('\n');
  const { commands, log } = parseWorkflowCommands(stream);
  expect(commands.map((c) => [c.command, c.properties['file'], c.properties['line']])).toStrictEqual([
    ['warning', 'a.ts', '3'],
    ['stop-commands', undefined, undefined],
    ['add-mask', undefined, undefined],
  ]);
  expect(log).toStrictEqual([
    '::frobnicate::not a command',
    '::error file=evil.ts::printed as text while stopped',
    'log with *** inside',
  ]);
});
