// Proves the runner-faithful harness on a bundle this test builds itself (the fixture action), so
// the harness is trusted before any real action's e2e cases rely on it.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
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

before(async () => {
  actionDir = await mkdtemp(join(tmpdir(), 'echo-action-'));
  await cp(join(fixture, 'action.yml'), join(actionDir, 'action.yml'));
  await bundleAction(join(fixture, 'src', 'index.ts'), join(actionDir, 'dist'));
});

test('input names are mangled like the runner: upper case, spaces to _, hyphens kept', () => {
  assert.equal(inputEnvName('greeting name'), 'INPUT_GREETING_NAME');
  assert.equal(inputEnvName('fail-on'), 'INPUT_FAIL-ON');
});

test('a well-behaved run: outputs, annotations with positions, summary, event context', async () => {
  const run = await runBundledAction({
    actionDir,
    inputs: { 'greeting name': 'Ada' },
    githubToken: plantedToken,
    event: pullRequestEvent({ headSha: 'd'.repeat(40) }),
  });
  assert.equal(run.exitCode, 0, run.stderr);
  assert.equal(run.outputs['greeting'], 'hello Ada\nacross lines');
  assert.equal(run.outputs['event-name'], 'pull_request');
  const warning = run.annotations.find((a) => a.level === 'warning');
  assert.deepEqual(warning, {
    level: 'warning',
    message: 'hello, Ada: 50% done, a:b,c\nsecond line',
    file: 'src/app.ts',
    line: 3,
    column: 7,
    title: 'Greeting',
  });
  // The PR head sha, not the merge sha, is the commit a PR check belongs to.
  assert.match(run.summary, new RegExp(`\\| Ada \\| ${'d'.repeat(40)} \\|`));
  assertNoLeak(run, [plantedToken]);
  assert.match(run.summary, /token: \*\*\*/);
});

test('defaults come from action.yml when an input is not given', async () => {
  const run = await runBundledAction({ actionDir, githubToken: plantedToken });
  assert.equal(run.outputs['greeting'], 'hello world\nacross lines');
});

test('a failing action exits 1 with a redacted ::error:: message', async () => {
  const run = await runBundledAction({ actionDir, inputs: { behaviour: 'fail' }, githubToken: plantedToken });
  assert.equal(run.exitCode, 1);
  assert.ok(run.annotations.some((a) => a.level === 'error' && a.message === 'asked to fail; token ***'));
  assertNoLeak(run, [plantedToken]);
});

test('a bad input fails the step with the input named', async () => {
  const run = await runBundledAction({ actionDir, inputs: { behaviour: 'sideways' } });
  assert.equal(run.exitCode, 2);
  assert.ok(
    run.annotations.some(
      (a) =>
        a.level === 'error' && /^Input 'behaviour': 'sideways' is not one of the choices/.test(a.message),
    ),
  );
});

for (const [behaviour, channel] of [
  ['leak-stdout', 'stdout'],
  ['leak-summary', 'job summary'],
  ['leak-output', 'GITHUB_OUTPUT'],
] as const) {
  test(`assertNoLeak catches a planted secret written to ${channel}`, async () => {
    const run = await runBundledAction({ actionDir, inputs: { behaviour }, githubToken: plantedToken });
    assert.throws(
      () => assertNoLeak(run, [plantedToken]),
      (error: unknown) => {
        assert.ok(error instanceof Error);
        assert.match(error.message, new RegExp(`leaked into ${channel}`));
        assert.ok(!error.message.includes(plantedToken), 'the assertion must not print the secret');
        return true;
      },
    );
  });
}

test('a malformed GITHUB_OUTPUT fails the harness as it would fail the runner', async () => {
  await assert.rejects(
    runBundledAction({ actionDir, inputs: { behaviour: 'malformed-output' } }),
    /matching delimiter not found for output 'broken'/,
  );
});

test('output file parsing follows the runner rules', () => {
  assert.deepEqual(parseOutputFile('a=1\nb<<X\nline1\nline2\nX\n\nc=x=y\n'), {
    a: '1',
    b: 'line1\nline2',
    c: 'x=y',
  });
  assert.throws(() => parseOutputFile('just text\n'), /line 1: invalid format/);
  assert.throws(() => parseOutputFile('a<<\n'), /empty heredoc delimiter/);
});

test('workflow command parsing unescapes data and properties', () => {
  const { commands, log } = parseWorkflowCommands(
    'plain\n::error file=a%2Cb.ts,line=2,title=x%3Ay::50%25%0Adone\n',
  );
  assert.deepEqual(log, ['plain']);
  assert.deepEqual(commands, [
    { command: 'error', properties: { file: 'a,b.ts', line: '2', title: 'x:y' }, message: '50%\ndone' },
  ]);
  assert.throws(() => parseWorkflowCommands('::error broken::x'), /malformed workflow command property/);
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
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(api.requests.length, 1);
    const [create] = api.requests;
    assert.equal(create!.method, 'POST');
    assert.equal(create!.path, '/repos/summit-ops/demo/check-runs');
    assert.equal(create!.authorization, `token ${plantedToken}`);
    const body = create!.body as Record<string, unknown>;
    assert.equal(body['head_sha'], 'e'.repeat(40));
    assert.equal(body['conclusion'], 'success');
    const output = body['output'] as { title: string; annotations: Array<Record<string, unknown>> };
    assert.equal(output.title, 'Echo for world');
    assert.ok(!create!.rawBody.includes(plantedToken), 'the token must not be in the check run text');
    assert.deepEqual(
      output.annotations.map((a) => [a['path'], a['start_line'], a['annotation_level']]),
      [['src/app.ts', 3, 'warning']],
    );
    assertNoLeak(run, [plantedToken]);
  } finally {
    await api.close();
  }
});

test('without a token the check run is skipped with a notice, not a failure', async () => {
  const run = await runBundledAction({ actionDir, githubToken: '' });
  assert.equal(run.exitCode, 0, run.stderr);
  const notice = run.annotations.find((a) => a.level === 'notice' && a.title === 'Check run not published');
  assert.ok(notice && /no GitHub token/.test(notice.message), JSON.stringify(run.annotations));
});

test('an escaped secret in a workflow command property is caught by decoding, as the runner shows it', async () => {
  const special = `${plantedToken}%:,x`;
  const run = await runBundledAction({
    actionDir,
    inputs: { behaviour: 'leak-annotation' },
    githubToken: special,
  });
  assert.ok(!run.stdout.includes(special), 'on the wire it is escaped');
  assert.throws(() => assertNoLeak(run, [special]), /leaked into ::warning:: command/);
});

test('commands on stderr are read too, as the runner reads both streams', async () => {
  const run = await runBundledAction({ actionDir, inputs: { behaviour: 'stderr-error' } });
  assert.ok(
    run.annotations.some((a) => a.level === 'error' && a.file === 'src/err.ts' && a.line === 9),
    JSON.stringify(run.annotations),
  );
});

test('a summary over 1 MiB fails the harness as GitHub aborts it', async () => {
  await assert.rejects(
    runBundledAction({ actionDir, inputs: { behaviour: 'huge-summary' } }),
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
  assert.deepEqual(
    commands.map((c) => [c.command, c.properties['file'], c.properties['line']]),
    [
      ['warning', 'a.ts', '3'],
      ['stop-commands', undefined, undefined],
      ['add-mask', undefined, undefined],
    ],
  );
  assert.deepEqual(log, [
    '::frobnicate::not a command',
    '::error file=evil.ts::printed as text while stopped',
    'log with *** inside',
  ]);
});
