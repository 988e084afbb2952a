// examples/consumer, run as a consumer's pull request, promotion and drill would run it: each of its
// workflows calls one of our reusable workflows; the inputs our action receives are computed from
// the two files (the caller's `with:` over the `workflow_call` defaults, then the action step's
// `with:`), and the committed bundle runs on a copy of the example through the e2e harness. Each
// gate passes on the example as committed, and fails on one planted bad change, so the test can fail.
// Deviations from a hosted runner are listed where they happen (signing, provider endpoints, the
// lab's clock).
import { describe, expect, test } from '@jest/globals';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertNoLeak, pullRequestEvent, REPO_ROOT, runBundledAction, type EventFixture } from './harness.ts';
import { startGitHubApi, type GitHubApiServer } from './github-server.ts';
import {
  actionSteps,
  calledInputs,
  callerJobs,
  callProblems,
  evaluate,
  evaluateWith,
  readCalledWorkflow,
  type CallerJob,
  type Context,
} from './workflow-call.ts';
import { commit, git, initRepo } from '../../actions/dlp-scan/test/fixtures.ts';
import { PASSING_DRILL, labIsRestored } from '../../actions/failover-drill/test/support.ts';
import { startEdgeLab } from '../../lab/edge/lab.ts';
import { startEdgeLab as startWorkersLab } from '../../edge/lab/lab.ts';
import { echoRequest } from '../../edge/lab/origin.ts';
import { NO_WORKERD } from '../../edge/test/workerd.ts';
import { loadModule } from '../../lib/terraform/hcl.ts';
import {
  bounds,
  cloudflareTiming,
  cloudfrontTiming,
  FAILOVER_BUDGET_S,
  route53Timing,
} from '../../lib/terraform/edge-timing.ts';
import { onCleanup } from '../support/cleanup.ts';
import { missingComponent, testUnless } from '../support/components.ts';
import { run } from '../support/run.ts';
import { ACTIONLINT_INSTALL, actionlint, ZIZMOR_INSTALL, zizmor } from '../../scripts/workflow-lint.ts';
import { publishWorkflow, type ReleaseTarget } from '../../scripts/release-workflows.ts';

// As lib/terraform/hcl.ts does: a specifier TypeScript does not resolve keeps the package's DOM
// typings out of the program.
const HCL2JSON = '@cdktf/hcl2json';
const parseHcl = async (file: string, text: string) =>
  ((await import(HCL2JSON)) as { parse: (f: string, t: string) => Promise<unknown> }).parse(file, text);

const EXAMPLE = join(REPO_ROOT, 'examples', 'consumer');
const WORKFLOWS = join(EXAMPLE, '.github', 'workflows');
const REPO = 'acme/checkout';

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The example's files (what a clone of the consumer repository holds). */
async function exampleFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(EXAMPLE, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[path.slice(EXAMPLE.length + 1)] = await readFile(path, 'utf8');
    }
  return files;
}

/** A clone of the example as a pull request's head: base is an empty commit, head adds the example. */
async function exampleRepo(): Promise<{ repo: string; base: string; head: string }> {
  const repo = await initRepo(await tempDir('consumer-'));
  await git(repo, 'commit', '-q', '--allow-empty', '-m', 'initial');
  const base = await git(repo, 'rev-parse', 'HEAD');
  const head = await commit(repo, await exampleFiles(), 'Adopt Summit Ops');
  return { repo, base, head };
}

/** The release the example's `@v1` stands for; any commit id does, the harness runs the local bundles. */
const RELEASE: ReleaseTarget = { repository: 'summit-ops/summit-ops', sha: 'e'.repeat(40), version: 'v1' };

/**
 * What `<workflow>@v1` resolves to: the release build's copy of reusable-workflows/<workflow>
 * (actions pinned to the release commit, this repository's own checkout steps dropped), not main's
 * source, whose `./actions/<name>` only resolves in this repository.
 */
async function publishedWorkflow(workflow: string): Promise<string> {
  const source = await readFile(join(REPO_ROOT, 'reusable-workflows', workflow), 'utf8');
  const path = join(await tempDir('published-'), workflow);
  await writeFile(path, publishWorkflow(`reusable-workflows/${workflow}`, source, RELEASE));
  return path;
}

/** The single job of `file` that calls `workflow`, checked against the called workflow as GitHub would. */
async function call(file: string, workflow: string): Promise<{ caller: CallerJob; calledPath: string }> {
  const jobs = (await callerJobs(join(WORKFLOWS, file))).filter((j) => j.workflow === workflow);
  expect(jobs.map((j) => j.uses)).toStrictEqual([`summit-ops/summit-ops/.github/workflows/${workflow}@v1`]);
  const calledPath = await publishedWorkflow(workflow);
  const called = await readCalledWorkflow(calledPath);
  expect(callProblems(jobs[0]!, called)).toStrictEqual([]);
  // Every action the published copy runs is fetched by the runner from the release commit: nothing
  // of it resolves in the consumer's workspace.
  const local = Object.values(called.jobs)
    .flatMap((j) => j.steps ?? [])
    .map((s) => s.uses ?? '')
    .filter((uses) => uses.startsWith('./') || uses.startsWith(`${RELEASE.repository}/`));
  expect(local.filter((uses) => !uses.endsWith(`@${RELEASE.sha}`))).toStrictEqual([]);
  expect(local.length).toBeGreaterThan(0);
  return { caller: jobs[0]!, calledPath };
}

/** The inputs the called workflow's `step`-th step of `action` hands to the action. */
async function actionInputs(
  file: string,
  workflow: string,
  action: string,
  contexts: { caller?: Context; secrets?: Context; vars?: Context; token?: string; runnerTemp: string },
  step = 0,
): Promise<Record<string, string>> {
  const { caller, calledPath } = await call(file, workflow);
  const called = await readCalledWorkflow(calledPath);
  const inputs = calledInputs(caller, called, { inputs: {}, ...contexts.caller });
  const { with: withMap } = actionSteps(called, action)[step]!;
  return evaluateWith(
    withMap,
    {
      inputs,
      secrets: contexts.secrets ?? {},
      vars: contexts.vars ?? {},
      runner: { temp: contexts.runnerTemp },
      github: { token: contexts.token ?? '', repository: REPO, server_url: 'https://github.com' },
    },
    calledPath,
  );
}

/** Answers the check-run calls catalog-gate and dlp-scan make with the job token. */
async function checksApi(): Promise<GitHubApiServer> {
  const api = await startGitHubApi({
    [`POST /repos/${REPO}/check-runs`]: {
      status: 201,
      body: { id: 7, html_url: `https://github.com/${REPO}/runs/7` },
    },
    [`PATCH /repos/${REPO}/check-runs/7`]: { status: 200, body: { id: 7 } },
  });
  onCleanup(() => api.close());
  return api;
}

const onPath = async (tool: string) => (await run('sh', ['-c', `command -v ${tool}`])).exitCode === 0;
const withLinters = testUnless(
  missingComponent(
    (await onPath('actionlint')) && (await onPath('zizmor')),
    `actionlint and zizmor must be on PATH: ${ACTIONLINT_INSTALL}; ${ZIZMOR_INSTALL}`,
  ),
);

const token = () => `ghs_${Math.random().toString(36).slice(2).padEnd(36, 'q').slice(0, 36)}`;

test('every workflow of the example calls one of our reusable workflows, and every reusable workflow is called', async () => {
  const called = new Set<string>();
  for (const file of await readdir(WORKFLOWS))
    for (const job of await callerJobs(join(WORKFLOWS, file))) called.add(job.workflow);
  const ours = (await readdir(join(REPO_ROOT, 'reusable-workflows'))).filter((n) => /\.ya?ml$/.test(n));
  expect([...called].sort()).toStrictEqual(ours.sort());
});

test('the call checks catch what GitHub would reject: an unknown input, a wrong type, a missing permission', async () => {
  const { caller, calledPath } = await call('keda-verify.yml', 'keda-verify.yml');
  const broken: CallerJob = {
    ...caller,
    with: { ...caller.with, 'max-replica': 20, 'min-replicas': 'two' },
    permissions: {},
  };
  expect(callProblems(broken, await readCalledWorkflow(calledPath))).toStrictEqual(
    expect.arrayContaining([
      expect.stringContaining('with.max-replica is not an input of keda-verify.yml'),
      expect.stringContaining('with.min-replicas is a string, keda-verify.yml declares number'),
      expect.stringContaining('keda-verify.yml job keda-verify needs contents: read, the caller grants none'),
    ]),
  );
});

withLinters(
  'the example workflows pass actionlint, and zizmor flags only the `@v1` references (a moving tag: pin by SHA if you prefer)',
  async () => {
    const files = (await readdir(WORKFLOWS)).sort();
    for (const name of files) {
      const problems = await actionlint(name, await readFile(join(WORKFLOWS, name), 'utf8'));
      expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toStrictEqual([]);
    }
    const found = await zizmor([WORKFLOWS], EXAMPLE);
    expect(
      found.filter((p) => p.rule !== 'zizmor/unpinned-uses').map((p) => `${p.file}:${p.line}: ${p.rule}`),
    ).toStrictEqual([]);
    expect(found.length).toBe(files.length);
  },
);

describe('catalog-gate.yml on a pull request', () => {
  test('the example catalog passes, back-outs proven on PGlite; an uncatalogued migration fails', async () => {
    const { repo, base, head } = await exampleRepo();
    const jobToken = token();
    const api = await checksApi();
    const inputs = await actionInputs('catalog-gate.yml', 'catalog-gate.yml', 'catalog-gate', {
      runnerTemp: await tempDir('runner-temp-'),
      token: jobToken,
    });
    expect(inputs).toMatchObject({ catalog: 'db/catalog/migrations.yaml', 'prove-backout': 'true' });
    const options = {
      actionDir: join(REPO_ROOT, 'actions', 'catalog-gate'),
      workspace: repo,
      inputs,
      githubToken: jobToken,
      env: { GITHUB_API_URL: api.url },
      event: pullRequestEvent({ repo: REPO, baseSha: base, headSha: head }),
    };
    const ok = await runBundledAction(options);
    expect(ok.annotations.filter((a) => a.level === 'error')).toStrictEqual([]);
    expect(ok.exitCode).toBe(0);
    expect(ok.outputs['violations']).toBe('0');
    const report = JSON.parse(await readFile(ok.outputs['report-path']!, 'utf8')) as {
      entries: Array<{ id: string; backout: { status: string } }>;
    };
    expect(report.entries.map((e) => [e.id, e.backout.status])).toStrictEqual([
      ['2026-12-01-001-create-orders', 'proven'],
      ['2026-12-02-002-add-orders-note', 'proven'],
    ]);
    assertNoLeak(ok, [jobToken]);

    await writeFile(
      join(repo, 'db/migrations/2026-12-03-003-add-orders-status.up.sql'),
      'ALTER TABLE orders ADD COLUMN status text;\n',
    );
    const bad = await runBundledAction({ ...options, inputs: { ...inputs, 'evidence-dir': '' } });
    expect(bad.exitCode).toBe(1);
    expect(
      bad.annotations.some(
        (a) => a.level === 'error' && /2026-12-03-003-add-orders-status/.test(`${a.file} ${a.message}`),
      ),
    ).toBe(true);
  }, 120_000);
});

describe('dlp-scan.yml on a pull request', () => {
  test('the adopting pull request passes; then a key matching the example’s own rule fails, an allowlisted path is not read', async () => {
    const { repo, base, head } = await exampleRepo();
    const jobToken = token();
    const api = await checksApi();
    const inputs = await actionInputs('dlp-scan.yml', 'dlp-scan.yml', 'dlp-scan', {
      runnerTemp: await tempDir('runner-temp-'),
      token: jobToken,
    });
    expect(inputs).toMatchObject({ mode: 'auto', 'fail-on': 'error', rules: '' });
    const run = (baseSha: string, headSha: string) =>
      runBundledAction({
        actionDir: join(REPO_ROOT, 'actions', 'dlp-scan'),
        workspace: repo,
        inputs: { ...inputs, 'evidence-dir': '' },
        githubToken: jobToken,
        env: { GITHUB_API_URL: api.url },
        event: pullRequestEvent({ repo: REPO, baseSha, headSha }),
      });
    // The adopting pull request: nothing secret, and a warning that the new .summit-ops-dlp.yml
    // applies only once merged (a pull request cannot loosen the rules it is scanned with).
    const adopt = await run(base, head);
    expect(
      adopt.annotations
        .filter((a) => a.title?.startsWith('dlp-scan: '))
        .map((a) => `${a.level} ${a.title} ${a.file}`),
    ).toStrictEqual(['warning dlp-scan: dlp-config-changed .summit-ops-dlp.yml']);
    expect(adopt.exitCode).toBe(0);

    // The next pull request, scanned with the merged config. Values built at run time: one for the
    // example's own rule (acme-pay-key), one for the built-in AWS rule in the allowlisted folder.
    const alnum = (n: number) =>
      Array.from(
        { length: n },
        () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)],
      ).join('');
    const payKey = `acmepay_${alnum(24)}`;
    const awsId = `AKIA${alnum(16).toUpperCase().replace(/[018]/g, 'Q')}`;
    const bad = await commit(
      repo,
      { 'config/payments.env': `PAYMENTS_KEY=${payKey}\n`, 'loadtest/fixtures/aws.env': `KEY_ID=${awsId}\n` },
      'Wire payments',
    );
    const failed = await run(head, bad);
    expect(failed.exitCode).toBe(1);
    expect(
      failed.annotations
        .filter((a) => a.title?.startsWith('dlp-scan: '))
        .map((a) => `${a.level} ${a.title} ${a.file}:${a.line}`),
    ).toStrictEqual(['error dlp-scan: acme-pay-key config/payments.env:1']);
    assertNoLeak(failed, [payKey, awsId, jobToken]);
  }, 120_000);
});

describe('keda-verify.yml on a pull request', () => {
  test('the example ScaledObject passes; a floor below min-replicas fails at its line', async () => {
    const workspace = await tempDir('consumer-');
    await cp(EXAMPLE, workspace, { recursive: true });
    const inputs = await actionInputs('keda-verify.yml', 'keda-verify.yml', 'keda-verify', {
      runnerTemp: await tempDir('runner-temp-'),
    });
    expect(inputs).toMatchObject({
      mode: 'static',
      path: 'deploy/k8s',
      'min-replicas': '2',
      'max-replicas': '20',
    });
    const options = {
      actionDir: join(REPO_ROOT, 'actions', 'keda-verify'),
      workspace,
      inputs,
      event: pullRequestEvent({ repo: REPO }),
    };
    const ok = await runBundledAction(options);
    expect(ok.annotations.filter((a) => a.level === 'error')).toStrictEqual([]);
    expect(ok.exitCode).toBe(0);
    expect(ok.outputs).toMatchObject({ 'scaled-objects': '1', errors: '0' });

    const manifest = join(workspace, 'deploy/k8s/keda-checkout.yaml');
    const text = await readFile(manifest, 'utf8');
    await writeFile(manifest, text.replace('minReplicaCount: 2', 'minReplicaCount: 1'));
    const line = text.split('\n').findIndex((l) => l.includes('minReplicaCount')) + 1;
    const bad = await runBundledAction(options);
    expect(bad.exitCode).toBe(1);
    expect(
      bad.annotations.some(
        (a) => a.level === 'error' && a.file === 'deploy/k8s/keda-checkout.yaml' && a.line === line,
      ),
    ).toBe(true);
  }, 60_000);
});

describe('prod-promotion.yml on workflow_dispatch', () => {
  const dispatch = (reason: string): EventFixture => ({
    name: 'workflow_dispatch',
    payload: {
      inputs: { reason },
      ref: 'refs/heads/main',
      repository: {
        full_name: REPO,
        name: REPO.split('/')[1],
        owner: { login: REPO.split('/')[0] },
        default_branch: 'main',
        private: false,
        visibility: 'public',
      },
      sender: { login: 'octocat' },
    },
  });

  test('a release captain from the policy’s users list, approved by another, is allowed and recorded; a reason without a ticket is denied', async () => {
    // The actor (octocat) is in the example policy's users list; hubot approves the prod
    // environment's deployment review. No team lookup, so no roles-token is needed.
    const api = await startGitHubApi({
      [`GET /repos/${REPO}/actions/runs/1234567890/approvals`]: {
        status: 200,
        body: [
          { state: 'approved', user: { login: 'hubot', type: 'User' }, environments: [{ name: 'prod' }] },
        ],
      },
      [`GET /repos/${REPO}/commits/${'c'.repeat(40)}/pulls`]: { status: 200, body: [] },
    });
    onCleanup(() => api.close());
    const workspace = await tempDir('consumer-');
    await cp(EXAMPLE, workspace, { recursive: true });
    const jobToken = token();
    const promote = async (reason: string) => {
      const inputs = await actionInputs('prod-promotion.yml', 'prod-promotion.yml', 'reason-for-access', {
        runnerTemp: await tempDir('runner-temp-'),
        caller: { inputs: { reason } },
        token: jobToken,
      });
      expect(inputs).toMatchObject({
        reason,
        environment: 'prod',
        'access-policy': '.github/access-policy.yml',
        'audit-log': '.summit-ops-audit/reason-for-access.jsonl',
      });
      return runBundledAction({
        actionDir: join(REPO_ROOT, 'actions', 'reason-for-access'),
        workspace,
        // Keyless signing needs the job's OIDC token from a hosted runner; everything else is as called.
        inputs: { ...inputs, attest: 'false' },
        githubToken: jobToken,
        env: { GITHUB_API_URL: api.url },
        event: dispatch(reason),
      });
    };
    const ok = await promote('CHG-1234 promote checkout v2.3.0 after canary');
    expect(ok.outputs['decision']).toBe('allow');
    expect(ok.exitCode).toBe(0);
    const deployRuns = evaluate(
      "needs.promote.outputs.decision == 'allow'",
      { needs: { promote: { outputs: { decision: ok.outputs['decision'] } } } },
      'prod-promotion.yml',
    );
    expect(deployRuns).toBe(true);
    assertNoLeak(ok, [jobToken]);

    const denied = await promote('promote checkout because it is ready');
    expect(denied.exitCode).toBe(1);
    expect(denied.outputs['decision']).toBe('deny');
    const log = (await readFile(join(workspace, '.summit-ops-audit/reason-for-access.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { decision: string }).decision);
    expect(log).toStrictEqual(['allow', 'deny']);
  }, 60_000);
});

describe('failover-drill.yml on schedule', () => {
  test('the drill passes against the edge lab with the workflow’s inputs and restores; a wrong health-check id is refused', async () => {
    const lab = await startEdgeLab({ timeScale: 0.01 });
    onCleanup(() => lab.stop());
    const labInputs = lab.drillInputs();
    // The `stage` environment's variables and secrets, as Terraform's outputs would fill them.
    const vars = {
      FAILOVER_TARGET_URL: labInputs['target-url'],
      FAILOVER_CLOUDFLARE_URL: labInputs['cloudflare-url'],
      FAILOVER_CLOUDFRONT_URL: labInputs['cloudfront-url'],
      CLOUDFLARE_ACCOUNT_ID: labInputs['cloudflare-account-id'],
      CLOUDFLARE_ZONE_ID: labInputs['cloudflare-zone-id'],
      CLOUDFLARE_LOAD_BALANCER_ID: labInputs['cloudflare-load-balancer-id'],
      ROUTE53_CLOUDFLARE_HEALTH_CHECK_ID: labInputs['cloudflare-health-check-id'],
      ROUTE53_CLOUDFRONT_HEALTH_CHECK_ID: labInputs['cloudfront-health-check-id'],
    };
    const secrets = {
      CLOUDFLARE_API_TOKEN: lab.credentials.cloudflareToken,
      AWS_ACCESS_KEY_ID: lab.credentials.awsAccessKeyId,
      AWS_SECRET_ACCESS_KEY: lab.credentials.awsSecretAccessKey,
    };
    const workspace = await tempDir('consumer-');
    await cp(EXAMPLE, workspace, { recursive: true });
    const drill = async (variables: Record<string, string | undefined>) => {
      const inputs = await actionInputs('failover-drill.yml', 'failover-drill.yml', 'failover-drill', {
        runnerTemp: await tempDir('runner-temp-'),
        vars: variables,
        secrets,
      });
      expect(inputs).toMatchObject({ rate: '200', budget: '60s', 'dry-run': 'false' });
      return runBundledAction({
        actionDir: join(REPO_ROOT, 'actions', 'failover-drill'),
        workspace,
        inputs: {
          ...inputs,
          // Not a hosted runner: the provider APIs are the lab's, and its clock runs 100x fast,
          // so the durations shrink with it (the budget judged in lab time, too).
          'cloudflare-api-url': labInputs['cloudflare-api-url']!,
          'route53-endpoint': labInputs['route53-endpoint']!,
          ...PASSING_DRILL,
          budget: '600ms',
        },
        event: { name: 'schedule', payload: { schedule: '17 9 * * 2' } },
        timeoutMs: 30_000,
      });
    };
    const ok = await drill(vars);
    expect(ok.outputs['verdict']).toBe('pass');
    expect(ok.exitCode).toBe(0);
    expect(labIsRestored(lab)).toEqual({ pools: [true, true], inverted: [false, false] });
    assertNoLeak(ok, Object.values(secrets));

    const refused = await drill({ ...vars, ROUTE53_CLOUDFRONT_HEALTH_CHECK_ID: 'hc-does-not-exist' });
    expect(refused.outputs['verdict']).toBe('refused');
    expect(refused.exitCode).toBe(1);
    expect(labIsRestored(lab)).toEqual({ pools: [true, true], inverted: [false, false] });
  }, 90_000);

  test('the example’s Terraform variables are variables of our edge modules, and keep every failover bound within the budget', async () => {
    const text = await readFile(join(EXAMPLE, 'infra/edge/stage.tfvars'), 'utf8');
    const check = async (tfvars: string) => {
      const values = (await parseHcl('stage.tfvars', tfvars)) as Record<string, string | number>;
      const cloudflare = await loadModule(join(REPO_ROOT, 'infra', 'cloudflare'));
      const aws = await loadModule(join(REPO_ROOT, 'infra', 'aws'));
      const unknown = Object.keys(values).filter(
        (k) => !(k in cloudflare.variables) && !(k in aws.variables),
      );
      const missing = [cloudflare, aws].flatMap((m) =>
        Object.entries(m.variables)
          .filter(([name, body]) => body['default'] === undefined && !(name in values))
          .map(([name]) => name),
      );
      // tfvars replace the defaults the timing is read from, as `terraform plan -var-file` would.
      for (const m of [cloudflare, aws])
        for (const [name, body] of Object.entries(m.variables))
          if (name in values) body['default'] = values[name]!;
      const over = bounds({
        cloudflareMonitor: cloudflareTiming(cloudflare),
        route53: route53Timing(aws),
        cloudfrontOrigin: cloudfrontTiming(aws),
      }).filter((b) => b.seconds > FAILOVER_BUDGET_S);
      return { unknown, missing, over: over.map((b) => `${b.name}: ${b.seconds} s`) };
    };
    expect(await check(text)).toStrictEqual({ unknown: [], missing: [], over: [] });
    const slow = await check(text.replace(/^dns_ttl\s*=\s*15$/m, 'dns_ttl = 60'));
    expect(slow.over).toStrictEqual(['CDN failover (Route 53 health checks + TTL): 91 s']);
  });
});

describe('edge-verify.yml after a deploy', () => {
  testUnless(NO_WORKERD)(
    'the runbook passes against the Workers with the workflow’s inputs; the signing key is never printed',
    async () => {
      // The deployment: the tokenize and vault Workers in workerd over HTTP, an echo origin behind them.
      const edge = await startWorkersLab();
      onCleanup(() => edge.dispose());
      edge.origin.respond = echoRequest;
      const urls = await edge.urls();
      const inputs = await actionInputs('edge-verify.yml', 'edge-verify.yml', 'edge-verify', {
        secrets: { CLAIM_SIGNING_KEY: edge.claimSigningKey },
        runnerTemp: await tempDir('runner-temp-'),
      });
      expect(inputs).toMatchObject({
        'deployment-url': 'https://api.stage.example.com',
        'echo-path': '/__summit-ops/echo',
        'vault-url': 'https://vault.stage.example.com',
        'claim-kid': 'ci-stage',
        'require-vault': 'true',
        'request-timeout': '10s',
      });
      expect(inputs['claim-signing-key']).toBe(edge.claimSigningKey);
      const run = await runBundledAction({
        actionDir: join(REPO_ROOT, 'actions', 'edge-verify'),
        workspace: await tempDir('consumer-'),
        // Not stage: the lab's routes, and its key id.
        inputs: { ...inputs, 'deployment-url': urls.edge, 'vault-url': urls.vault, 'claim-kid': 'lab' },
        event: {
          name: 'deployment_status',
          payload: { deployment_status: { state: 'success' }, deployment: { environment: 'stage' } },
        },
        timeoutMs: 30_000,
      });
      assertNoLeak(run, [edge.claimSigningKey]);
      const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
      expect({ verdict: run.outputs['verdict'], errors }).toEqual({ verdict: 'pass', errors: [] });
      expect(run.exitCode).toBe(0);
      expect(run.outputs).toMatchObject({ passed: '11', failed: '0', skipped: '1' });
      expect(edge.origin.received.some((r) => r.body.toString('utf8').includes('tok_email_v1_'))).toBe(true);
    },
    60_000,
  );
});

test('the example holds no audit log, evidence or state a run would write', () => {
  for (const path of ['.summit-ops-audit', 'failover-drill-evidence', '.failover-drill', 'evidence'])
    expect(existsSync(join(EXAMPLE, path))).toBe(false);
});
