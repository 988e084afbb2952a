// reason-for-access's committed bundle with roles from a real OpenFGA server (in-memory datastore,
// 127.0.0.1, a preshared API key), approvals from a local server speaking GitHub's REST API:
// allowed through a team-derived captaincy, denied for someone the graph does not make a captain,
// and denied (fail closed, recorded, with OpenFGA's status and message) when the model is unknown,
// the token is wrong or the server is down. The token never reaches any output.
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeUnless } from '../support/components.ts';
import { expectTruthy } from '../support/narrow.ts';
import { openFgaSkip, startOpenFga, type OpenFgaServer } from '../support/openfga.ts';
import { startGitHubApi, type GitHubApiServer } from './github-server.ts';
import { assertNoLeak, REPO_ROOT, runBundledAction, type EventFixture, type RunnerRun } from './harness.ts';

const actionDir = join(REPO_ROOT, 'actions', 'reason-for-access');
const LOG = '.summit-ops-audit/reason-for-access.jsonl';
const dsl = await readFile(join(REPO_ROOT, 'policy', 'openfga', 'model.fga'), 'utf8');
// Synthetic credentials made at run time.
const fgaKey = `fga-${randomBytes(20).toString('hex')}`;
const ghToken = `ghs_${randomBytes(18).toString('hex')}`;

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

const policyFor = (apiUrl: string, storeId: string, modelId: string) => `version: 1
roles:
  source: openfga
  apiUrl: ${apiUrl}
  storeId: ${storeId}
  authorizationModelId: ${modelId}
  timeoutSeconds: 2
  relations:
    release-captain: release_captain
    approver: approver
environments:
  prod:
    deploy:
      roles: [release-captain]
      dualControl: { approverRoles: [release-captain, approver] }
      refs: ['refs/heads/main']
`;

interface RecordShape {
  decision: string;
  decidedBy: string;
  actor: string;
  roleSource?: { source: string; apiUrl: string; storeId: string; authorizationModelId: string };
  reasons: Array<{ rule: string; ok: boolean; detail: string }>;
}

describeUnless(openFgaSkip())('reason-for-access with roles from OpenFGA (bundle)', () => {
  let fga: OpenFgaServer;
  let gh: GitHubApiServer;
  let store: { storeId: string; modelId: string };
  beforeAll(async () => {
    fga = await startOpenFga({ presharedKey: fgaKey });
    store = await fga.seed(dsl, [
      { user: 'user:octocat', relation: 'member', object: 'team:release-captains' },
      { user: 'team:release-captains#member', relation: 'release_captain', object: 'environment:prod' },
      { user: 'user:hubot-reviewer', relation: 'approver', object: 'environment:prod' },
    ]);
    gh = await startGitHubApi({
      'GET /repos/summit-ops/demo/actions/runs/1234567890/approvals': {
        body: [
          {
            state: 'approved',
            comment: 'ok',
            user: { login: 'Hubot-Reviewer', type: 'User' },
            environments: [{ name: 'prod' }],
          },
        ],
      },
      [`GET /repos/summit-ops/demo/commits/${'c'.repeat(40)}/pulls`]: { body: [] },
    });
  }, 30_000);
  afterAll(async () => {
    await gh?.close();
    await fga?.stop();
  });

  async function promote(
    policy: string,
    options: { actor?: string; token?: string } = {},
  ): Promise<{ run: RunnerRun; record: RecordShape; logLines: number }> {
    const workspace = await mkdtemp(join(tmpdir(), 'rfa-fga-ws-'));
    await mkdir(join(workspace, '.github'));
    await writeFile(join(workspace, '.github/access.yml'), policy);
    const reason = 'CHG-2101 promote v1.5.0 to prod after canary';
    const actor = options.actor ?? 'octocat';
    const run = await runBundledAction({
      actionDir,
      workspace,
      githubToken: ghToken,
      env: { GITHUB_API_URL: gh.url, GITHUB_ACTOR: actor, GITHUB_TRIGGERING_ACTOR: actor },
      event: dispatch(reason),
      inputs: {
        reason,
        environment: 'prod',
        attest: 'false',
        'access-policy': '.github/access.yml',
        'openfga-token': options.token ?? fgaKey,
      },
    });
    assertNoLeak(run, [fgaKey, ghToken]);
    const lines = (await readFile(join(workspace, LOG), 'utf8')).trim().split('\n');
    return { run, record: JSON.parse(lines.at(-1)!) as RecordShape, logLines: lines.length };
  }

  const rule = (record: RecordShape, name: string) => {
    const r = record.reasons.find((x) => x.rule === name);
    expectTruthy(r);
    return r;
  };

  test('allow: a captain through team membership, approved by an OpenFGA approver; the record names the store and model', async () => {
    const before = gh.requests.length;
    const { run, record } = await promote(policyFor(fga.apiUrl, store.storeId, store.modelId));
    expect(run.outputs['decision']).toBe('allow');
    expect(run.exitCode).toBe(0);
    expect(record.decision).toBe('allow');
    expect(rule(record, 'roles')).toEqual({
      rule: 'roles',
      ok: true,
      detail: 'octocat holds release-captain',
    });
    expect(rule(record, 'dual-control').detail).toBe('approved by Hubot-Reviewer via deployment-review');
    expect(record.roleSource).toEqual({
      source: 'openfga',
      apiUrl: fga.apiUrl,
      storeId: store.storeId,
      authorizationModelId: store.modelId,
    });
    expect(run.summary).toContain(
      `roles from OpenFGA ${fga.apiUrl} (store ${store.storeId}, model ${store.modelId})`,
    );
    // Roles came from the graph: GitHub was asked for approvals, never for team membership.
    const asked = gh.requests.slice(before).map((r) => r.path);
    expect(asked.some((p) => p.includes('/approvals'))).toBe(true);
    expect(asked.filter((p) => p.startsWith('/orgs/'))).toEqual([]);
  }, 60_000);

  test('deny: an actor the graph does not make a captain (a direct approver is not a captain)', async () => {
    const { run, record } = await promote(policyFor(fga.apiUrl, store.storeId, store.modelId), {
      actor: 'hubot-reviewer',
    });
    expect(run.outputs['decision']).toBe('deny');
    expect(run.exitCode).toBe(1);
    expect(rule(record, 'roles')).toEqual({
      rule: 'roles',
      ok: false,
      detail: 'hubot-reviewer holds none of the required roles (release-captain)',
    });
    expect(record.roleSource?.authorizationModelId).toBe(store.modelId);
  }, 60_000);

  test('fail closed: an unknown model, a wrong token and a server that is down all deny, recorded with the status and message', async () => {
    const unknownModel = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    const model = await promote(policyFor(fga.apiUrl, store.storeId, unknownModel));
    expect(model.run.outputs['decision']).toBe('deny');
    expect(model.record.roleSource?.authorizationModelId).toBe(unknownModel);
    expect(rule(model.record, 'roles').detail).toMatch(
      new RegExp(
        `^could not establish octocat's roles \\(release-captain: OpenFGA 400 on batch-check on environment:prod \\(store ${store.storeId}, model ${unknownModel}\\): authorization_model_not_found: .*\\); denied$`,
      ),
    );
    const denied = model.run.annotations.find((a) => a.title === 'Access denied');
    expectTruthy(denied);
    expect(denied.message).toMatch(
      /^roles: could not establish octocat's roles .*authorization_model_not_found/,
    );

    const wrongToken = `fga-${randomBytes(20).toString('hex')}`;
    const token = await promote(policyFor(fga.apiUrl, store.storeId, store.modelId), { token: wrongToken });
    assertNoLeak(token.run, [wrongToken]);
    expect(token.run.outputs['decision']).toBe('deny');
    expect(rule(token.record, 'roles').detail).toMatch(
      /release-captain: OpenFGA 401 on batch-check .*openfga-token/,
    );
    expect(JSON.stringify(token.record).includes(wrongToken)).toBe(false);

    const down = await startOpenFga();
    const downStore = await down.seed(dsl, []);
    await down.stop();
    const unreachable = await promote(policyFor(down.apiUrl, downStore.storeId, downStore.modelId));
    expect(unreachable.run.outputs['decision']).toBe('deny');
    expect(unreachable.run.exitCode).toBe(1);
    expect(rule(unreachable.record, 'roles').detail).toMatch(
      /release-captain: OpenFGA unreachable on batch-check on environment:prod .*ECONNREFUSED/,
    );
  }, 120_000);
});
