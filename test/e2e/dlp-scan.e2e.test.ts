// dlp-scan's committed bundle, run as a runner runs it (Node 24, bundle alone in a directory without
// node_modules, INPUT_* from action.yml defaults, a pull_request payload): annotations, outputs,
// summary and files are what a pull request author sees, and no planted value reaches any of them.
import { expect, test } from '@jest/globals';
import { expectNoLeak } from '../support/leak.ts';

import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNoLeak, pullRequestEvent, REPO_ROOT, runBundledAction } from './harness.ts';
import { startGitHubApi } from './github-server.ts';
import { commit, git, initRepo, plant, tempDir, writeFiles } from '../../actions/dlp-scan/test/fixtures.ts';

const actionDir = join(REPO_ROOT, 'actions', 'dlp-scan');
const pushEvent = {
  name: 'push',
  payload: {
    ref: 'refs/heads/main',
    repository: { full_name: 'summit-ops/demo', name: 'demo', owner: { login: 'summit-ops' } },
  },
};

async function allFiles(dir: string): Promise<string> {
  const texts: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) texts.push(await readFile(join(entry.parentPath, entry.name), 'utf8'));
  return texts.join('\n');
}

test('tree mode (push event): planted values fail the step with annotations at their lines; nothing leaks', async () => {
  const p = plant(301);
  const ws = await tempDir('dlp-e2e-');
  await writeFiles(ws, {
    'src/client.ts': `// client\n\n${p.github.line}\n`,
    'ops/.env': `${p.aws.line}\n`,
    'docs/refund.md': `Refund to ${p.card.line}\n`,
    'clean.txt': 'nothing\n',
  });
  const run = await runBundledAction({
    actionDir,
    workspace: ws,
    event: pushEvent,
    inputs: { 'evidence-dir': 'evidence' },
  });
  expect(run.exitCode).toBe(1);
  expect(run.outputs['findings']).toBe('3');
  const placed = run.annotations
    .filter((a) => a.title?.startsWith('dlp-scan: '))
    .map((a) => `${a.level} ${a.title!.slice(10)} ${a.file}:${a.line}:${a.column}`);
  expect(placed).toStrictEqual([
    `error payment-card docs/refund.md:1:${'Refund to card: '.length + 1}`,
    `error aws-access-key-id ops/.env:1:${p.aws.line.indexOf(p.aws.value) + 1}`,
    `error github-token src/client.ts:3:${p.github.line.indexOf(p.github.value) + 1}`,
  ]);
  for (const a of run.annotations.filter((x) => x.title?.startsWith('dlp-scan: ')))
    expect(a.message).toMatch(/^[^…]+…\(\d+\)[^…]*\. Fix: [^…]+\.$/);
  expect(run.summary).toMatch(/## DLP scan/);
  expect(run.summary).toMatch(/### Redaction log/);
  const failure = run.annotations.find((a) => a.level === 'error' && !a.file);
  expect(failure?.message ?? '').toMatch(/3 finding\(s\) at or above 'error'/);
  assertNoLeak(run, p.all());
  // The files the step leaves behind (evidence bundle, report, SARIF, metrics) hold no value either.
  const files = await allFiles(join(ws, 'evidence'));
  expectNoLeak(files, p.all(), 'the evidence bundle');
  expect(run.outputs['report-path']).toBe(join(ws, 'evidence', 'dlp-report.json'));
  const metrics = await readFile(join(ws, 'evidence', 'dlp-metrics.prom'), 'utf8');
  // repository (GITHUB_REPOSITORY) is the only identity label: a run id would make a series per run.
  expect(metrics).toMatch(
    /^summit_dlp_findings_total\{rule="aws-access-key-id",repository="summit-ops\/demo",source="ci"\} 1$/m,
  );
  expect(metrics).not.toMatch(/run_id|run_attempt|workflow=/);
});

test('diff mode (pull_request event): only the lines the pull request adds, base and head from the payload', async () => {
  const old = plant(302);
  const fresh = plant(303);
  const repo = await initRepo();
  const base = await commit(
    repo,
    { 'app.ts': `a\n${old.aws.line}\nc\n`, 'old.txt': `${old.github.line}\n` },
    'base',
  );
  await git(repo, 'mv', 'old.txt', 'moved.txt');
  const head = await commit(repo, { 'app.ts': `a\n${old.aws.line}\nc\nd\n${fresh.github.line}\n` }, 'head');
  const run = await runBundledAction({
    actionDir,
    workspace: repo,
    event: pullRequestEvent({ baseSha: base, headSha: head }),
  });
  expect(run.exitCode).toBe(1);
  const placed = run.annotations
    .filter((a) => a.title?.startsWith('dlp-scan: '))
    .map((a) => `${a.title!.slice(10)} ${a.file}:${a.line}`);
  expect(placed).toStrictEqual(['github-token app.ts:5']);
  expect(run.summary).toMatch(/Mode diff over/);
  assertNoLeak(run, [...old.all(), ...fresh.all()]);
});

test('a baseline suppresses the accepted value; a new value on the same line is still reported', async () => {
  const p = plant(304);
  const q = plant(305);
  const ws = await tempDir('dlp-e2e-');
  await writeFiles(ws, { 'config.env': `KEYS=${p.aws.value}\n` });
  const first = await runBundledAction({ actionDir, workspace: ws, event: pushEvent });
  expect(first.exitCode).toBe(1);
  await writeFiles(ws, { 'dlp-baseline.json': await readFile(first.outputs['report-path']!, 'utf8') });
  const accepted = await runBundledAction({
    actionDir,
    workspace: ws,
    event: pushEvent,
    inputs: { baseline: 'dlp-baseline.json' },
  });
  expect(accepted.exitCode).toBe(0);
  expect(accepted.outputs['findings']).toBe('0');
  await writeFiles(ws, { 'config.env': `KEYS=${p.aws.value},${q.aws.value}\n` });
  const again = await runBundledAction({
    actionDir,
    workspace: ws,
    event: pushEvent,
    inputs: { baseline: 'dlp-baseline.json' },
  });
  expect(again.exitCode).toBe(1);
  const placed = again.annotations
    .filter((a) => a.title === 'dlp-scan: aws-access-key-id')
    .map((a) => `${a.file}:${a.line}:${a.column}`);
  expect(placed).toStrictEqual([`config.env:1:${`KEYS=${p.aws.value},`.length + 1}`]);
  for (const r of [first, accepted, again]) assertNoLeak(r, [p.aws.value, q.aws.value]);
});

test('bad inputs: oversized and escaping symlink are reported, a binary file is read; a malformed rule pack is annotated at its line', async () => {
  const p = plant(306);
  const outside = await tempDir('dlp-outside-');
  await writeFiles(outside, { 'secret.txt': `${p.aws.line}\n` });
  const ws = await tempDir('dlp-e2e-');
  await writeFiles(ws, {
    'big.txt': `${'x'.repeat(3000)}\n${p.github.line}\n`,
    'img.bin': Buffer.from([0, 1, 2]),
    'ok.txt': 'fine\n',
  });
  const { symlink } = await import('node:fs/promises');
  await symlink(join(outside, 'secret.txt'), join(ws, 'link.txt'));
  const run = await runBundledAction({
    actionDir,
    workspace: ws,
    event: pushEvent,
    inputs: { 'max-file-size': '2k', 'fail-on-skipped': 'false' },
  });
  expect(run.exitCode).toBe(0);
  const warnings = run.annotations.filter((a) => a.level === 'warning').map((a) => `${a.file}: ${a.title}`);
  expect(warnings.sort()).toStrictEqual([
    'big.txt: dlp-scan: skipped (oversized)',
    'link.txt: dlp-scan: skipped (symlink-outside)',
  ]);
  // The binary file is read (over its printable runs), so it is neither skipped nor counted.
  expect(run.summary).not.toMatch(/\| binary +\|/);
  expect(run.summary).toMatch(/in 2 file\(s\)/); // img.bin and ok.txt
  assertNoLeak(run, p.all());
  // By default the oversized file fails the step: it was not scanned.
  const gated = await runBundledAction({
    actionDir,
    workspace: ws,
    event: pushEvent,
    inputs: { 'max-file-size': '2k' },
  });
  expect(gated.exitCode).toBe(1);
  expect(
    gated.annotations.some((a) => a.level === 'error' && /big\.txt \(oversized\)/.test(a.message)),
  ).toBeTruthy();
  assertNoLeak(gated, p.all());

  await writeFiles(ws, {
    'rules.yml':
      "rules:\n  - id: acme-key\n    description: ACME\n    severity: error\n    tags: [secret]\n    keywords: [acme_]\n    regex: 'acme_(a+)+'\n",
  });
  const bad = await runBundledAction({
    actionDir,
    workspace: ws,
    event: pushEvent,
    inputs: { rules: 'rules.yml' },
  });
  expect(bad.exitCode).toBe(1);
  const at = bad.annotations.find((a) => a.file === 'rules.yml');
  expect(at?.line).toBe(7);
  expect(at!.message).toMatch(/rule 'acme-key': field 'regex'/);
  expect(bad.stdout + bad.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
});

test('a git range that does not exist: one clear error naming it', async () => {
  const repo = await initRepo();
  const head = await commit(repo, { 'a.txt': 'x\n' }, 'one');
  const run = await runBundledAction({
    actionDir,
    workspace: repo,
    event: pullRequestEvent({ baseSha: 'f'.repeat(40), headSha: head }),
  });
  expect(run.exitCode).toBe(1);
  const failure = run.annotations.find((a) => a.level === 'error' && !a.file);
  expect(failure?.message ?? '').toMatch(
    new RegExp(
      `git range '${'f'.repeat(40)}\\.\\.${head}' does not exist: base '${'f'.repeat(40)}' is not a commit`,
    ),
  );
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
});

test('the check run goes to the GitHub API with masked annotations only', async () => {
  const p = plant(307);
  const ws = await tempDir('dlp-e2e-');
  await writeFiles(ws, { 'a.env': `${p.aws.line}\n` });
  const api = await startGitHubApi({
    'POST /repos/summit-ops/demo/check-runs': {
      status: 201,
      body: { id: 7, html_url: 'https://github.com/summit-ops/demo/runs/7' },
    },
    'PATCH /repos/summit-ops/demo/check-runs/7': { status: 200, body: { id: 7 } },
  });
  try {
    const jobToken = ['local', 'job', String(process.pid)].join('-');
    const run = await runBundledAction({
      actionDir,
      workspace: ws,
      event: pushEvent,
      githubToken: jobToken,
      env: { GITHUB_API_URL: api.url },
      inputs: { 'check-run': 'true' },
    });
    expect(
      api.requests.every(
        (r) => r.authorization === `token ${jobToken}` || r.authorization === `bearer ${jobToken}`,
      ),
    ).toBeTruthy();
    expect(run.exitCode).toBe(1);
    const created = api.requests.find((r) => r.method === 'POST');
    expect(created).toBeTruthy();
    const sent = JSON.stringify(api.requests.map((r) => r.body));
    expect(sent).toMatch(/"conclusion":"failure"/);
    expect(sent).toMatch(/"path":"a\.env"/);
    expectNoLeak(sent, p.all(), 'the API requests');
    assertNoLeak(run, p.all());
  } finally {
    await api.close();
  }
});

test('without check-run (the default) nothing goes to the checks API and no notice says so', async () => {
  const p = plant(309);
  const ws = await tempDir('dlp-e2e-');
  await writeFiles(ws, { 'a.env': `${p.aws.line}\n` });
  const api = await startGitHubApi({});
  try {
    const run = await runBundledAction({
      actionDir,
      workspace: ws,
      event: pushEvent,
      githubToken: ['local', 'job', String(process.pid)].join('-'),
      env: { GITHUB_API_URL: api.url },
    });
    expect(run.exitCode).toBe(1);
    expect(api.requests).toStrictEqual([]);
    // The finding is reported once, as an annotation, and no notice about a check run is added.
    expect(run.annotations.filter((a) => a.title === `dlp-scan: ${p.aws.rule}`).length).toBe(1);
    expect(run.annotations.some((a) => /check run/i.test(`${a.title ?? ''} ${a.message}`))).toBe(false);
    assertNoLeak(run, p.all());
  } finally {
    await api.close();
  }
});

test('diff mode: a pull request cannot switch off its own scan; rules and baseline come from the base commit', async () => {
  const p = plant(308);
  const repo = await initRepo();
  // The base allowlists docs/ (with a reason): that rule still applies to the pull request.
  const base = await commit(
    repo,
    {
      '.summit-ops-dlp.yml': "allowlist:\n  paths:\n    # generated docs\n    - 'docs/**'\n",
      'a.txt': 'a\n',
    },
    'base',
  );
  const first = await runBundledAction({
    actionDir,
    workspace: repo,
    event: pullRequestEvent({
      baseSha: base,
      headSha: await commit(repo, { 'docs/x.md': `${p.github.line}\n` }, 'docs'),
    }),
  });
  expect(first.exitCode).toBe(0);
  // The pull request widens the allowlist to everything and baselines its own key: both ignored.
  await git(repo, 'reset', '-q', '--hard', base);
  const head = await commit(
    repo,
    {
      '.summit-ops-dlp.yml': "allowlist:\n  paths:\n    - '**'\n",
      '.summit-ops-dlp-baseline.json': `${JSON.stringify(['0'.repeat(64)])}\n`,
      'src/app.ts': `${p.aws.line}\n`,
    },
    'widen the allowlist',
  );
  const run = await runBundledAction({
    actionDir,
    workspace: repo,
    event: pullRequestEvent({ baseSha: base, headSha: head }),
  });
  expect(run.exitCode).toBe(1);
  const placed = run.annotations
    .filter((a) => a.title?.startsWith('dlp-scan: '))
    .map((a) => `${a.level} ${a.title!.slice(10)} ${a.file}:${a.line}`)
    .sort();
  expect(placed).toStrictEqual([
    'error aws-access-key-id src/app.ts:1',
    'warning dlp-config-changed .summit-ops-dlp-baseline.json:1',
    'warning dlp-config-changed .summit-ops-dlp.yml:1',
  ]);
  // One plain sentence per changed file: which file, what the change did, what this scan used.
  expect(
    run.annotations
      .filter((a) => a.title === 'dlp-scan: dlp-config-changed')
      .map((a) => a.message)
      .sort(),
  ).toStrictEqual([
    ".summit-ops-dlp-baseline.json (the baseline) is added by the scanned change. This scan used the base commit's configuration, not the change's: the file applies to scans after the merge. A reviewer should check it; nothing to fix if it is intended.",
    ".summit-ops-dlp.yml (the rules file) is modified by the scanned change. This scan used the base commit's configuration, not the change's: the new version applies to scans after the merge. A reviewer should check it; nothing to fix if it is intended.",
  ]);
  assertNoLeak(run, [...p.all()]);
});
