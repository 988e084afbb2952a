// reason-for-access's committed bundle as a workflow_dispatch prod promotion would run it, against a
// local server speaking GitHub's REST API for team membership and deployment approvals.
import { expect, test } from '@jest/globals';
import { expectTruthy } from '../support/narrow.ts';

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertNoLeak, REPO_ROOT, runBundledAction, type EventFixture } from './harness.ts';
import { startGitHubApi } from './github-server.ts';

const actionDir = join(REPO_ROOT, 'actions', 'reason-for-access');
const LOG = '.summit-ops-audit/reason-for-access.jsonl';
const dispatch = (reason: string): EventFixture => ({
  name: 'workflow_dispatch',
  payload: {
    inputs: { reason, environment: 'prod' },
    ref: 'refs/heads/main',
    repository: {
      full_name: 'summit-ops/demo',
      name: 'demo',
      owner: { login: 'summit-ops' },
      default_branch: 'main',
      private: false,
      visibility: 'public',
    },
    sender: { login: 'octocat' },
  },
});
const member = { status: 200, body: { state: 'active', role: 'member', url: 'https://api.github.com/x' } };

test('an injection-shaped reason is stored verbatim as data, never executed; without roles the promotion is denied and recorded', async () => {
  const workspace = await mkdtemp(join(tmpdir(), 'rfa-ws-'));
  const reason = 'CHG-1234 hotfix $(touch pwned) `touch pwned2` ${{ github.token }}; rm -rf x';
  const run = await runBundledAction({
    actionDir,
    workspace,
    event: dispatch(reason),
    inputs: { reason, environment: 'prod', attest: 'false' },
  });
  expect(run.exitCode).toBe(1);
  expect(run.outputs['decision']).toBe('deny');
  expect(!existsSync(join(workspace, 'pwned')) && !existsSync(join(workspace, 'pwned2'))).toBeTruthy();
  const log = (await readFile(join(workspace, LOG), 'utf8')).trim().split('\n');
  expect(log.length).toBe(1);
  const record = JSON.parse(log[0]!) as {
    reason: string;
    decision: string;
    environment: string;
    actor: string;
  };
  expect(record.reason).toBe(reason);
  expect(record.decision).toBe('deny');
  expect(record.environment).toBe('prod');
  expect(record.actor).toBe('octocat');
});

test('a release captain with a second person’s approval is allowed; the record chains to the previous one', async () => {
  const api = await startGitHubApi({
    'GET /orgs/summit-ops/teams/release-captains/memberships/octocat': member,
    'GET /orgs/summit-ops/teams/release-captains/memberships/hubot-reviewer': member,
    'GET /repos/summit-ops/demo/actions/runs/1234567890/approvals': {
      status: 200,
      body: [
        {
          state: 'approved',
          comment: 'ok',
          user: { login: 'hubot-reviewer', type: 'User' },
          environments: [{ name: 'prod' }],
        },
      ],
    },
    // The commit came straight to main: no pull request, so only the deployment review counts.
    [`GET /repos/summit-ops/demo/commits/${'c'.repeat(40)}/pulls`]: { status: 200, body: [] },
  });
  try {
    const workspace = await mkdtemp(join(tmpdir(), 'rfa-ws-'));
    const token = `ghs_${'x'.repeat(36)}`;
    const reason = 'CHG-2001 promote v1.4.2 to prod after canary';
    const common = {
      actionDir,
      workspace,
      githubToken: token,
      env: { GITHUB_API_URL: api.url },
      event: dispatch(reason),
    };
    const first = await runBundledAction({
      ...common,
      inputs: { reason, environment: 'prod', attest: 'false' },
    });
    expect(first.outputs['decision']).toBe('allow');
    expect(first.exitCode).toBe(0);
    const second = await runBundledAction({
      ...common,
      inputs: { reason, environment: 'prod', attest: 'false' },
    });
    expect(second.outputs['decision']).toBe('allow');
    const [a, b] = (await readFile(join(workspace, LOG), 'utf8')).trim().split('\n');
    const { createHash } = await import('node:crypto');
    expect((JSON.parse(b!) as { prev: string }).prev).toBe(createHash('sha256').update(a!).digest('hex'));
    expect(api.requests.every((r) => r.authorization === `token ${token}`)).toBeTruthy();
    assertNoLeak(first, [token]);
    const verify = await runBundledAction({
      ...common,
      inputs: { reason, environment: 'prod', mode: 'verify' },
    });
    expect(verify.exitCode).toBe(0);
  } finally {
    await api.close();
  }
});

test('self-approval is refused', async () => {
  const api = await startGitHubApi({
    'GET /orgs/summit-ops/teams/release-captains/memberships/octocat': member,
    'GET /repos/summit-ops/demo/actions/runs/1234567890/approvals': {
      status: 200,
      body: [
        { state: 'approved', user: { login: 'octocat', type: 'User' }, environments: [{ name: 'prod' }] },
      ],
    },
    // Every API answer is fine: the only thing wrong is who approved.
    [`GET /repos/summit-ops/demo/commits/${'c'.repeat(40)}/pulls`]: { status: 200, body: [] },
  });
  try {
    const workspace = await mkdtemp(join(tmpdir(), 'rfa-ws-'));
    const reason = 'CHG-2002 promote v1.4.3 to prod after canary';
    const run = await runBundledAction({
      actionDir,
      workspace,
      githubToken: 't0ken-value-x',
      env: { GITHUB_API_URL: api.url },
      event: dispatch(reason),
      inputs: { reason, environment: 'prod', attest: 'false' },
    });
    expect(run.outputs['decision']).toBe('deny');
    const denied = run.annotations.find((a) => a.title === 'Access denied');
    expectTruthy(denied);
    expect(denied.message).toMatch(/^dual-control: .*octocat \(self-approval\)/);
    expect(run.summary).not.toMatch(/GitHub API \d{3}/);
  } finally {
    await api.close();
  }
});

test('GitHub API 500 fails closed with a deny record', async () => {
  const api = await startGitHubApi({
    'GET /orgs/summit-ops/teams/release-captains/memberships/octocat': {
      status: 500,
      body: { message: 'Server Error' },
    },
  });
  try {
    const workspace = await mkdtemp(join(tmpdir(), 'rfa-ws-'));
    const reason = 'INC0042 emergency rollback of payments';
    const run = await runBundledAction({
      actionDir,
      workspace,
      githubToken: 't0ken-value-x',
      env: { GITHUB_API_URL: api.url },
      event: dispatch(reason),
      inputs: { reason, environment: 'prod', attest: 'false' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['decision']).toBe('deny');
    expect(await readFile(join(workspace, LOG), 'utf8')).toMatch(/"decision":"deny"/);
  } finally {
    await api.close();
  }
});

test('verify names the first broken record of an edited log', async () => {
  const workspace = await mkdtemp(join(tmpdir(), 'rfa-ws-'));
  const reason = 'CHG-3003 promote v2.0.0 to prod after canary';
  for (let i = 0; i < 3; i++)
    await runBundledAction({
      actionDir,
      workspace,
      event: dispatch(reason),
      inputs: { reason, environment: 'prod', attest: 'false' },
    });
  const path = join(workspace, LOG);
  const lines = (await readFile(path, 'utf8')).trim().split('\n');
  expect(lines.length).toBe(3);
  lines[1] = lines[1]!.replace('CHG-3003', 'CHG-9999');
  await writeFile(path, lines.join('\n') + '\n');
  const run = await runBundledAction({
    actionDir,
    workspace,
    event: dispatch(reason),
    inputs: { reason, environment: 'prod', mode: 'verify' },
  });
  expect(run.exitCode).toBe(1);
  const broken = run.annotations.find((a) => a.title === 'Audit log edited');
  expectTruthy(broken);
  expect(broken.line).toBe(2);
  expect(broken.message).toMatch(
    /^line 2: record 2 was edited \(record 3's prev no longer matches its hash\)$/,
  );
});

test('an empty reason is refused before anything else', async () => {
  const workspace = await mkdtemp(join(tmpdir(), 'rfa-ws-'));
  await mkdir(join(workspace, '.summit-ops'), { recursive: true });
  const run = await runBundledAction({
    actionDir,
    workspace,
    event: dispatch(''),
    inputs: { reason: '   ', environment: 'prod', attest: 'false' },
  });
  expect(run.exitCode).toBe(1);
  expect(run.annotations.some((a) => a.level === 'error' && /reason/i.test(a.message))).toBeTruthy();
});

test('an unknown environment is denied with the environments the policy knows', async () => {
  const workspace = await mkdtemp(join(tmpdir(), 'rfa-ws-'));
  const reason = 'CHG-4004 promote to a place that does not exist';
  const run = await runBundledAction({
    actionDir,
    workspace,
    event: dispatch(reason),
    inputs: { reason, environment: 'moon', attest: 'false' },
  });
  expect(run.exitCode).toBe(1);
  expect(run.outputs['decision']).toBe('deny');
  expect(run.annotations.some((a) => a.level === 'error' && /moon/.test(a.message))).toBeTruthy();
});

for (const [status, what] of [
  [404, 'an actor in no team'],
  [403, 'a token that may not read team membership'],
] as const) {
  test(`GitHub API ${status} (${what}) is a deny with the reason, not a crash`, async () => {
    const api = await startGitHubApi({
      'GET /orgs/summit-ops/teams/release-captains/memberships/octocat': {
        status,
        body: { message: status === 404 ? 'Not Found' : 'Resource not accessible by integration' },
      },
    });
    try {
      const workspace = await mkdtemp(join(tmpdir(), 'rfa-ws-'));
      const reason = 'CHG-5005 promote v3.1.0 to prod after canary';
      const run = await runBundledAction({
        actionDir,
        workspace,
        githubToken: 't0ken-value-x',
        env: { GITHUB_API_URL: api.url },
        event: dispatch(reason),
        inputs: { reason, environment: 'prod', attest: 'false' },
      });
      expect(run.exitCode).toBe(1);
      expect(run.outputs['decision']).toBe('deny');
      expect(
        run.annotations.some((a) => a.level === 'error' && /role|team|member/i.test(a.message)),
      ).toBeTruthy();
      expect(run.stderr.includes('    at ')).toBe(false);
    } finally {
      await api.close();
    }
  });
}

test('a reason with newlines and shell metacharacters is one line of data in the record', async () => {
  const workspace = await mkdtemp(join(tmpdir(), 'rfa-ws-'));
  const reason = 'CHG-6006 line one;\nline two `id` $(id) ${{ secrets.X }}';
  const run = await runBundledAction({
    actionDir,
    workspace,
    event: dispatch(reason),
    inputs: { reason, environment: 'prod', attest: 'false' },
  });
  expect(run.outputs['decision']).toBe('deny');
  const lines = (await readFile(join(workspace, LOG), 'utf8')).trim().split('\n');
  expect(lines.length).toBe(1);
  const stored = (JSON.parse(lines[0]!) as { reason: string }).reason;
  expect(stored.includes('`id` $(id) ${{ secrets.X }}') && stored.includes('line one;')).toBeTruthy();
});

for (const tamper of ['deleted', 'reordered'] as const) {
  test(`verify names the first broken record when one was ${tamper}`, async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'rfa-ws-'));
    const reason = 'CHG-7007 promote v2.0.1 to prod after canary';
    for (let i = 0; i < 3; i++)
      await runBundledAction({
        actionDir,
        workspace,
        event: dispatch(reason),
        inputs: { reason, environment: 'prod', attest: 'false' },
      });
    const path = join(workspace, LOG);
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    const tampered = tamper === 'deleted' ? [lines[0], lines[2]] : [lines[1], lines[0], lines[2]];
    await writeFile(path, tampered.join('\n') + '\n');
    const run = await runBundledAction({
      actionDir,
      workspace,
      event: dispatch(reason),
      inputs: { reason, environment: 'prod', mode: 'verify' },
    });
    expect(run.exitCode).toBe(1);
    const broken = run.annotations.find((a) => a.title?.startsWith('Audit log '));
    expectTruthy(broken);
    expect(broken.title).toBe(`Audit log ${tamper}`);
    if (tamper === 'deleted') {
      expect(broken.line).toBe(2);
      expect(broken.message).toMatch(/^line 2: record 2 is missing before record 3; deleted$/);
    } else {
      expect(broken.line).toBe(1);
      expect(broken.message).toMatch(
        /^line 1: found record 2 where record 1 belongs; records were reordered$/,
      );
    }
  });
}

test('dry run: the decision output is dry-run-*, never allow/deny, and nothing is written', async () => {
  const workspace = await mkdtemp(join(tmpdir(), 'rfa-ws-'));
  const reason = 'CHG-8118 rehearse the promotion of v1.4.2';
  const run = await runBundledAction({
    actionDir,
    workspace,
    event: dispatch(reason),
    inputs: { reason, environment: 'prod', attest: 'false', 'dry-run': 'true' },
  });
  expect(run.exitCode).toBe(0);
  expect(run.outputs['decision']).toBe('dry-run-deny');
  expect(existsSync(join(workspace, LOG))).toBe(false);
});

test('dispatched on a pushed branch, the access policy comes from the default branch, not the branch', async () => {
  const strict = `version: 1
roles:
  release-captain: { users: [octocat] }
environments:
  prod:
    deploy:
      roles: [release-captain]
      refs: ['refs/heads/main']
`;
  const permissive = strict.replace("      refs: ['refs/heads/main']\n", '');
  const api = await startGitHubApi({
    'GET /repos/summit-ops/demo/contents/.github/access.yml': (request) =>
      request.query['ref'] === 'main'
        ? {
            status: 200,
            body: { type: 'file', encoding: 'base64', content: Buffer.from(strict).toString('base64') },
          }
        : { status: 404, body: { message: 'Not Found' } },
  });
  try {
    const workspace = await mkdtemp(join(tmpdir(), 'rfa-ws-'));
    await mkdir(join(workspace, '.github'));
    await writeFile(join(workspace, '.github/access.yml'), permissive);
    const reason = 'CHG-9009 promote my branch straight to prod';
    const common = {
      actionDir,
      workspace,
      githubToken: 't0ken-value-x',
      event: dispatch(reason),
      inputs: { reason, environment: 'prod', attest: 'false', 'access-policy': '.github/access.yml' },
    };
    const onBranch = await runBundledAction({
      ...common,
      env: { GITHUB_API_URL: api.url, GITHUB_REF: 'refs/heads/feature' },
    });
    expect(onBranch.outputs['decision']).toBe('deny');
    expect(
      onBranch.annotations.some((a) => /refs\/heads\/feature is not an allowed ref/.test(a.message)),
    ).toBeTruthy();
    const rec = JSON.parse(onBranch.outputs['audit-record']!) as { policy: { source: string } };
    expect(rec.policy.source).toBe('summit-ops/demo@main:.github/access.yml');
    // The same permissive file on main itself is what main's runs use (and it allows).
    const onMain = await runBundledAction({ ...common, env: { GITHUB_API_URL: api.url } });
    expect(onMain.outputs['decision']).toBe('allow');
  } finally {
    await api.close();
  }
});
