/**
 * The reusable workflow's audit-branch steps, run as a runner runs them: their `run:` scripts in
 * bash, against a real git "origin" (a bare repository on disk), with the committed action bundle
 * deciding in between. Each "run" starts from a fresh clone, as each job starts on a fresh runner,
 * so the chain can only continue if the steps really persisted it.
 */
import { expect, test } from '@jest/globals';
import { expectNoLeak } from '../../../test/support/leak.ts';
import { expectTruthy } from '../../../test/support/narrow.ts';

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml, parseDocument } from 'yaml';
import { REPO_ROOT, runBundledAction } from '../../../test/e2e/harness.ts';
import { nextRecord, verifyLog, type AuditFields } from '../src/audit.ts';

const WORKFLOW = join(REPO_ROOT, 'reusable-workflows', 'prod-promotion.yml');
const actionDir = join(REPO_ROOT, 'actions', 'reason-for-access');

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}

async function workflow(): Promise<{ job: Job; step: (id: string) => Step; text: string }> {
  const text = await readFile(WORKFLOW, 'utf8');
  const doc = parseYaml(text) as { jobs: Record<string, Job> };
  const job = doc.jobs['decide']!;
  const step = (id: string) => {
    const found = job.steps.find((s) => s.id === id);
    expectTruthy(found);
    return found;
  };
  return { job, step, text };
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv(cwd) }).trim();

function gitEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
  };
}

/** A caller repository with one commit on main, as a bare "origin". */
async function origin(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'rfa-origin-'));
  const bare = join(root, 'origin.git');
  git(root, 'init', '-q', '--bare', '-b', 'main', bare);
  const seed = join(root, 'seed');
  git(root, 'init', '-q', '-b', 'main', seed);
  await writeFile(join(seed, 'README.md'), 'app\n');
  git(seed, 'add', '.');
  git(seed, 'commit', '-q', '-m', 'init');
  git(seed, 'push', '-q', bare, 'main');
  return bare;
}

/** Runs one step's `run:` script in bash with its env (expressions given as concrete values). */
function runStep(step: Step, cwd: string, values: Record<string, string>) {
  const outputFile = join(cwd, '..', `output-${step.id}-${Math.random().toString(36).slice(2)}`);
  const env: Record<string, string> = { ...gitEnv(join(cwd, '..')), GITHUB_OUTPUT: outputFile };
  for (const name of Object.keys(step.env ?? {})) {
    const literal = step.env![name]!;
    env[name] = /\$\{\{/.test(literal) ? (values[name] ?? '') : literal;
  }
  execFileSync('touch', [outputFile]);
  const result = spawnSync('bash', ['-e', '-c', step.run!], { cwd, env, encoding: 'utf8' });
  const outputs: Record<string, string> = {};
  for (const line of execFileSync('cat', [outputFile], { encoding: 'utf8' }).split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs };
}

/** One job on a fresh runner: clone, restore, decide with the bundle, persist. */
async function promotion(bare: string, branch = 'summit-ops-audit', between?: () => void) {
  const { step } = await workflow();
  const runner = await mkdtemp(join(tmpdir(), 'rfa-runner-'));
  const workspace = join(runner, 'workspace');
  git(runner, 'clone', '-q', bare, workspace);
  const values = {
    AUDIT_BRANCH: branch,
    GIT_TOKEN: 'job-token-placeholder',
    SERVER_URL: 'https://github.com',
  };
  const restore = runStep(step('restore'), workspace, values);
  expect(restore.status).toBe(0);
  const access = step('access');
  const auditLog = access.with!['audit-log']!.replace('${{ inputs.audit-log }}', 'reason-for-access.jsonl');
  const reason = 'CHG-8008 promote v1.2.3 to prod after the canary';
  const decided = await runBundledAction({
    actionDir,
    workspace,
    event: {
      name: 'workflow_dispatch',
      payload: {
        inputs: { reason },
        ref: 'refs/heads/main',
        repository: { full_name: 'acme/app', name: 'app', owner: { login: 'acme' }, private: false },
        sender: { login: 'octocat' },
      },
    },
    inputs: { reason, environment: 'prod', 'audit-log': auditLog, attest: 'false' },
  });
  between?.();
  const persist = runStep(step('persist'), workspace, {
    ...values,
    DECISION: decided.outputs['decision'] ?? '',
    RECORD_DIGEST: decided.outputs['record-digest'] ?? '',
  });
  return { restore, decided, persist, workspace };
}

function branchLog(bare: string, branch = 'summit-ops-audit'): string {
  return git(bare, 'show', `${branch}:reason-for-access.jsonl`) + '\n';
}

test('the chain survives throw-away runners: run 2 continues run 1 from the audit branch', async () => {
  const bare = await origin();
  const first = await promotion(bare);
  expect(first.persist.status).toBe(0);
  expect(first.restore.stdout).toMatch(/Starting the audit chain/);
  const second = await promotion(bare);
  expect(second.persist.status).toBe(0);
  expect(second.restore.stdout).toMatch(/Continuing the audit chain/);
  const log = branchLog(bare);
  const check = verifyLog(log);
  expect(check.ok).toBe(true);
  expect(check.records).toBe(2);
  expect(check.head).toBe(second.decided.outputs['record-digest']);
  // The decision output only exists once the record is pushed.
  expect(second.persist.outputs['decision']).toBe(second.decided.outputs['decision']);
  expect(second.persist.outputs['record-digest']).toBe(check.head);
  // The caller's own branch is untouched and the token never reached a config file.
  expect(git(bare, 'log', '--format=%s', 'main')).toBe('init');
  const config = await readFile(join(second.workspace, '.summit-ops-audit', '.git', 'config'), 'utf8');
  expectNoLeak(config, 'extraheader', 'the git config');
});

test('a push rejected because another writer moved the branch fails the job and sets no decision', async () => {
  const bare = await origin();
  await promotion(bare);
  const run = await promotion(bare, 'summit-ops-audit', () => {
    // Someone else appends while this job decides (no shared concurrency group).
    const other = join(bare, '..', 'other');
    git(join(bare, '..'), 'clone', '-q', '-b', 'summit-ops-audit', bare, other);
    execFileSync('sh', ['-c', 'echo x >> reason-for-access.jsonl'], { cwd: other });
    git(other, 'commit', '-q', '-am', 'concurrent');
    git(other, 'push', '-q', 'origin', 'summit-ops-audit');
  });
  expect(run.persist.status).toBe(1);
  expect(run.persist.stdout).toMatch(/::error::Pushing the audit record to summit-ops-audit failed/);
  expect(run.persist.outputs['decision']).toBe(undefined);
});

test('an unreadable origin stops the job instead of starting a second chain', async () => {
  const { step } = await workflow();
  const runner = await mkdtemp(join(tmpdir(), 'rfa-runner-'));
  const workspace = join(runner, 'workspace');
  git(runner, 'init', '-q', workspace);
  git(workspace, 'remote', 'add', 'origin', join(runner, 'does-not-exist.git'));
  const restore = runStep(step('restore'), workspace, { AUDIT_BRANCH: 'summit-ops-audit' });
  expect(restore.status).not.toBe(0);
  expect(restore.stdout).toMatch(/refusing to start a new audit chain/);
  expect(existsSync(join(workspace, '.summit-ops-audit', 'reason-for-access.jsonl'))).toBe(false);
});

test('writers are serialised per audit branch, with no self-checkout and id-token only for signing', async () => {
  const { job, step } = await workflow();
  expect(job.concurrency?.group ?? '').toMatch(/inputs\.audit-branch/);
  expect(job.concurrency?.['cancel-in-progress']).toBe(false);
  expect(job.permissions?.['contents']).toBe('write');
  expect(job.outputs?.['decision'] ?? '').toMatch(/steps\.persist\.outputs\.decision/);
  expect(step('persist').if ?? '').toMatch(/always\(\)/);
  // The action is ./actions/reason-for-access (published pinned to the release commit): nothing of
  // Summit Ops is checked out next to the audit log, and no step reads the OIDC token.
  const checkouts = job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
  expect(checkouts.map((s) => [s.with?.['repository'], s.with?.['path']])).toStrictEqual([
    [undefined, undefined],
  ]);
  expect(step('access').uses).toBe('./actions/reason-for-access');
  expect(job.steps.some((s) => (s.run ?? '').includes('ACTIONS_ID_TOKEN'))).toBe(false);
  expect(step('access').with!['audit-log']!.startsWith('.summit-ops-audit/')).toBeTruthy();
  // id-token: write is the signing identity; attest switches signing off.
  expect(job.permissions?.['id-token']).toBe('write');
  expect(step('access').with!['attest']).toBe('${{ inputs.attest }}');
  // The org-members secret reads teams only; the job token does everything else.
  expect(step('access').with!['github-token']).toBe('${{ github.token }}');
  expect(step('access').with!['roles-token']).toBe('${{ secrets.roles-token }}');
  const action = parseYaml(await readFile(join(actionDir, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  expect(!String(action.inputs['audit-log']!.default).startsWith('.summit-ops/')).toBeTruthy();
});

test('the caller example at the top of prod-promotion.yml is valid YAML that calls this workflow correctly', async () => {
  const { text } = await workflow();
  // The example: the first run of comment lines indented by three spaces.
  const all = text.split('\n');
  const first = all.findIndex((l) => l.startsWith('#   '));
  const comment: string[] = [];
  for (const line of all.slice(first)) {
    if (!line.startsWith('#   ')) break;
    comment.push(line.slice(4));
  }
  const doc = parseDocument(comment.join('\n'));
  expect(doc.errors.map((e) => e.message)).toStrictEqual([]);
  const example = doc.toJS() as {
    jobs: Record<
      string,
      {
        uses?: string;
        permissions?: Record<string, string>;
        with?: Record<string, string>;
        secrets?: Record<string, string>;
      }
    >;
  };
  const promote = example.jobs['promote']!;
  expect(promote.uses ?? '').toMatch(/^summit-ops\/summit-ops\/\.github\/workflows\/prod-promotion\.yml@/);
  expect(promote.with?.['reason']).toBe('${{ inputs.reason }}');
  expect(promote.permissions?.['contents']).toBe('write');
  expect(promote.secrets?.['roles-token']).toBe('${{ secrets.ORG_MEMBERS_READ_TOKEN }}');
});

test("the README's record selection picks the record by seq even with blank lines in the log", async () => {
  const readme = await readFile(join(actionDir, 'README.md'), 'utf8');
  const command = readme.split('\n').find((l) => l.startsWith('grep ') && l.includes('audit.jsonl'));
  expectTruthy(command);
  const base = {
    timestamp: 't',
    kind: 'deploy',
    actor: 'a',
    triggeringActor: 'a',
    tickets: [],
    environment: 'prod',
    repository: 'acme/app',
    ref: 'refs/heads/main',
    sha: 's',
    runUrl: '',
    policy: { source: 'built-in', digest: 'd' },
    decision: 'deny',
    decidedBy: 'x',
    reasons: [],
    dryRun: false,
  } satisfies Omit<AuditFields, 'reason'>;
  let log = '';
  const lines: string[] = [];
  for (let i = 1; i <= 12; i++) {
    // Reasons that quote what a naive selection would match.
    const next = nextRecord(log, { ...base, reason: `CHG-${i} "seq":3, line 3` });
    lines.push(next.line);
    log += `${next.line}\n${i === 1 ? '\n\n' : ''}`;
  }
  const dir = await mkdtemp(join(tmpdir(), 'rfa-readme-'));
  await writeFile(join(dir, 'audit.jsonl'), log);
  execFileSync('bash', ['-c', command], { cwd: dir });
  expect(await readFile(join(dir, 'record-3.json'), 'utf8')).toBe(lines[2]);
  expect(readme).toMatch(
    /--signer-workflow summit-ops\/summit-ops\/\.github\/workflows\/prod-promotion\.yml/,
  );
  expect(readme).toMatch(/certificate-identity-regexp '\^https:\/\/github\\\.com\/summit-ops\/summit-ops\//);
});
