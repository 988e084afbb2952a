// Every workflow passes the real actionlint and zizmor (.ci/run installs both; CI fails without them)
// and this repository's own rules (scripts/workflow-lint.ts); the rules themselves are proven on
// small workflows that break each one.
import { expect, test } from '@jest/globals';

import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  ACTIONLINT_INSTALL,
  actionlint,
  DEV_CHECKOUT_ID,
  lintWorkflow,
  ZIZMOR_INSTALL,
  zizmor,
  type ActionInputs,
} from '../scripts/workflow-lint.ts';
import { missingComponent, testUnless } from './support/components.ts';
import { run } from './support/run.ts';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { listActions, ROOT, WORKFLOW_HEADER } from '../scripts/build.ts';
import { PUBLISHED_HEADER, publishWorkflow } from '../scripts/release-workflows.ts';
import { thrownBy } from './support/errors.ts';

const messageOf = (fn: () => unknown) => (thrownBy(fn) as Error).message;

const onPath = async (tool: string) => (await run('sh', ['-c', `command -v ${tool}`])).exitCode === 0;
const withActionlint = testUnless(
  missingComponent(await onPath('actionlint'), `actionlint is not on PATH: ${ACTIONLINT_INSTALL}`),
);
const withZizmor = testUnless(
  missingComponent(await onPath('zizmor'), `zizmor is not on PATH: ${ZIZMOR_INSTALL}`),
);

const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683';
const SHA = 'c'.repeat(40);
const actions: Record<string, ActionInputs> = {
  gate: { catalog: { default: 'x' }, reason: { required: true } },
  'reason-for-access': { reason: { required: true } },
};

const good = `name: gate
on:
  workflow_call:
    inputs:
      catalog:
        type: string
        default: db/catalog/migrations.yaml
      runs-on:
        type: string
        default: ubuntu-latest
jobs:
  gate:
    runs-on: \${{ inputs.runs-on }}
    permissions:
      contents: read
    steps:
      - uses: ${CHECKOUT} # v4.2.2
        with:
          persist-credentials: false
      - uses: ./actions/gate
        with:
          catalog: \${{ inputs.catalog }}
          reason: because
      - run: echo "$CATALOG"
        env:
          CATALOG: \${{ inputs.catalog }}
`;

const rules = (text: string, options?: Parameters<typeof lintWorkflow>[3]) =>
  lintWorkflow('w.yml', text, actions, options)
    .map((p) => `${p.line}:${p.rule}`)
    .sort();

test('a well-formed reusable workflow has no problems', () => {
  expect(lintWorkflow('good.yml', good, actions)).toStrictEqual([]);
});

withActionlint('a well-formed reusable workflow passes actionlint', async () => {
  expect(await actionlint('good.yml', good)).toStrictEqual([]);
});

test("the sprint plan's injectable snippet is refused: ${{ github.event.inputs.reason }} inside run:", () => {
  const injectable = good.replace(
    '      - run: echo "$CATALOG"',
    '      - run: echo "reason=${{ github.event.inputs.reason }}"',
  );
  const problems = lintWorkflow('promote.yml', injectable, actions);
  expect(problems.map((p) => [p.line, p.rule])).toStrictEqual([[24, 'no-expression-in-run']]);
  expect(problems[0]!.message).toMatch(/script injection.*env:/);
  // An input read the same way is refused too.
  expect(rules(good.replace('echo "$CATALOG"', 'echo "${{ inputs.catalog }}"'))).toStrictEqual([
    '24:no-expression-in-run',
  ]);
});

test('rule workflow-call: a workflow other repositories cannot call', () => {
  expect(rules(good.replace('  workflow_call:\n', '  workflow_dispatch:\n'))).toContain('3:workflow-call');
});

test('rule unused-input: a workflow_call input nothing reads', () => {
  const unused = good.replace('      runs-on:\n', '      colour:\n        type: string\n      runs-on:\n');
  expect(rules(unused)).toStrictEqual(['9:unused-input']);
  // Read only inside a string that merely starts with its name does not count.
  const prefix = unused.replace('reason: because', 'reason: ${{ inputs.colours }}');
  expect(rules(prefix)).toStrictEqual(['9:unused-input']);
});

test('rule job-permissions: a job without its own permissions', () => {
  expect(rules(good.replace('    permissions:\n      contents: read\n', ''))).toStrictEqual([
    '13:job-permissions',
  ]);
});

test('rule pin-by-sha: a third-party action on a tag', () => {
  expect(rules(good.replace(`${CHECKOUT} # v4.2.2`, 'actions/checkout@v4'))).toStrictEqual(['17:pin-by-sha']);
});

test('rule unknown-input and missing-input: with: against the action.yml inputs', () => {
  expect(rules(good.replace('          reason: because\n', '          colour: red\n'))).toStrictEqual([
    '20:missing-input',
    '23:unknown-input',
  ]);
});

test('rule unknown-action and local-action-path: only ./actions/<name> of this repository', () => {
  expect(rules(good.replace('./actions/gate', './actions/nope'))).toStrictEqual(['20:unknown-action']);
  expect(rules(good.replace('./actions/gate', './.summit-ops/actions/gate'))).toStrictEqual([
    '20:local-action-path',
  ]);
});

test('rule actions-checkout: ./actions/<name> with no checkout of the workspace before it', () => {
  const none = good.replace(
    `      - uses: ${CHECKOUT} # v4.2.2\n        with:\n          persist-credentials: false\n`,
    '',
  );
  expect(rules(none)).toStrictEqual(['17:actions-checkout']);
});

test('rule no-self-checkout and no-oidc-self-lookup: the old way of finding our own actions', () => {
  const old = good.replace(
    `      - uses: ${CHECKOUT} # v4.2.2\n        with:\n          persist-credentials: false\n`,
    `      - uses: ${CHECKOUT} # v4.2.2
        with:
          persist-credentials: false
      - id: self
        run: |
          curl -H "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" "$ACTIONS_ID_TOKEN_REQUEST_URL"
      - uses: ${CHECKOUT} # v4.2.2
        with:
          repository: \${{ steps.self.outputs.repository }}
          ref: \${{ steps.self.outputs.sha }}
          path: .summit-ops
`,
  );
  expect(rules(old)).toStrictEqual(['21:no-oidc-self-lookup', '25:no-self-checkout']);
  const contexts = good.replace(
    '          persist-credentials: false\n',
    '          persist-credentials: false\n          repository: ${{ job.workflow_repository }}\n          ref: ${{ job.workflow_sha }}\n          path: summit\n',
  );
  expect(rules(contexts)).toContain('19:no-self-checkout');
});

test('rule id-token-for-signing: id-token: write in a job that signs nothing', () => {
  const oidc = good.replace('      contents: read\n', '      contents: read\n      id-token: write\n');
  expect(rules(oidc)).toStrictEqual(['16:id-token-for-signing']);
  // The signing action is the one reason to hold it.
  const signing = oidc
    .replace('./actions/gate', './actions/reason-for-access')
    .replace('          catalog: ${{ inputs.catalog }}\n', '')
    .replace(
      '          CATALOG: ${{ inputs.catalog }}\n',
      '          CATALOG: ${{ inputs.catalog }}\n          REASON: x\n',
    );
  expect(rules(signing)).toStrictEqual([]);
});

test('a published copy names our actions owner/repo/actions/<name>@sha and refuses ./', () => {
  const published = { repository: 'acme/summit-ops' };
  expect(rules(good, { published })).toStrictEqual(['20:local-action-path']);
  const pinned = good.replace('./actions/gate', `acme/summit-ops/actions/gate@${SHA}`);
  expect(rules(pinned, { published })).toStrictEqual([]);
  // Still checked against the action's inputs, and another owner's copy is just a pinned action.
  expect(rules(pinned.replace('          reason: because\n', ''), { published })).toStrictEqual([
    '20:missing-input',
  ]);
  expect(
    rules(pinned.replace('acme/', 'other/').replace('          reason: because\n', ''), { published }),
  ).toStrictEqual([]);
});

withActionlint('actionlint reports its own findings with positions', async () => {
  const problems = await actionlint(
    'x.yml',
    'on: workflow_call\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n',
  );
  expect(problems.some((p) => p.line === 6 && /nope/.test(p.message))).toBeTruthy();
});

const sourceDir = join(ROOT, 'reusable-workflows');
const workflowFiles = existsSync(sourceDir)
  ? (await readdir(sourceDir)).filter((n) => /\.ya?ml$/.test(n))
  : [];
const repoActions: Record<string, ActionInputs> = {};
for (const name of await listActions()) {
  const yml = parseYaml(await readFile(join(ROOT, 'actions', name, 'action.yml'), 'utf8')) as {
    inputs?: ActionInputs;
  };
  repoActions[name] = yml.inputs ?? {};
}

for (const name of workflowFiles) {
  test(`reusable-workflows/${name} passes the repository rules`, async () => {
    const text = await readFile(join(sourceDir, name), 'utf8');
    const problems = lintWorkflow(`reusable-workflows/${name}`, text, repoActions);
    // Every workflow runs where the caller says.
    expect(text).toMatch(/\n {4}runs-on: \$\{\{ inputs\.runs-on( \|\| 'ubuntu-latest')? \}\}\n/);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.rule}: ${p.message}`)).toStrictEqual([]);
  });
  withActionlint(`reusable-workflows/${name} passes actionlint`, async () => {
    const text = await readFile(join(sourceDir, name), 'utf8');
    const problems = await actionlint(`reusable-workflows/${name}`, text);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.rule}: ${p.message}`)).toStrictEqual([]);
  });
}

withActionlint(
  'this repository’s own workflows (hand-written, in .github/workflows) pass actionlint',
  async () => {
    const dir = join(ROOT, '.github', 'workflows');
    const own = [];
    for (const name of existsSync(dir) ? await readdir(dir) : []) {
      const text = await readFile(join(dir, name), 'utf8');
      if (!text.startsWith(WORKFLOW_HEADER)) own.push([name, text] as const);
    }
    for (const [name, text] of own) {
      const problems = await actionlint(`.github/workflows/${name}`, text);
      expect(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`)).toStrictEqual([]);
    }
  },
);

withZizmor(
  'zizmor finds nothing in .github/workflows and reusable-workflows (ignores are inline, with reasons)',
  async () => {
    // Files, not the reusable-workflows directory: zizmor collects workflows from a directory only
    // under .github/workflows, so the directory alone would be audited as nothing.
    const problems = await zizmor(
      [join(ROOT, '.github', 'workflows'), ...workflowFiles.map((n) => join(sourceDir, n))],
      ROOT,
    );
    expect(workflowFiles.length).toBeGreaterThan(0);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.rule}: ${p.message}`)).toStrictEqual([]);
  },
);

withZizmor('zizmor reports an injectable run: step and an unpinned action, at their lines', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zizmor-'));
  const file = join(dir, 'promote.yml');
  await writeFile(
    file,
    `on:
  workflow_dispatch:
    inputs:
      reason:
        type: string
permissions: {}
jobs:
  promote:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - run: echo "reason=\${{ github.event.inputs.reason }}"
`,
  );
  const found = (await zizmor([file], dir)).map((p) => `${p.line} ${p.rule}`);
  expect(found).toContain('14 zizmor/template-injection');
  expect(found).toContain('11 zizmor/unpinned-uses');
});

const RELEASE = { repository: 'acme/summit-ops', sha: 'c'.repeat(40), version: 'v1.2.3' };

async function publishedCopies(): Promise<Array<[string, string]>> {
  const copies: Array<[string, string]> = [];
  for (const name of workflowFiles) {
    const text = await readFile(join(sourceDir, name), 'utf8');
    copies.push([
      name,
      PUBLISHED_HEADER(RELEASE) + publishWorkflow(`reusable-workflows/${name}`, text, RELEASE),
    ]);
  }
  return copies;
}

test('the release build pins our actions to the release commit and drops the dev-only checkout', async () => {
  const copies = await publishedCopies();
  for (const [name, text] of copies) {
    const problems = lintWorkflow(`published/${name}`, text, repoActions, { published: RELEASE });
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.rule}: ${p.message}`)).toStrictEqual([]);
    const workflow = parseYaml(text) as {
      jobs: Record<string, { steps?: Array<{ id?: string; uses?: string }> }>;
    };
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps ?? []);
    expect(steps.some((s) => s.id === DEV_CHECKOUT_ID)).toBe(false);
    expect(steps.filter((s) => s.uses?.startsWith('./'))).toStrictEqual([]);
    expect(
      steps.some(
        (s) =>
          s.uses ===
          `acme/summit-ops/actions/${name.replace(/\.yml$/, '') === 'prod-promotion' ? 'reason-for-access' : name.replace(/\.yml$/, '')}@${RELEASE.sha}`,
      ),
    ).toBe(true);
  }
  // failover-drill needs no checkout at all once published.
  const drill = copies.find(([n]) => n === 'failover-drill.yml')![1];
  expect(drill).not.toMatch(/actions\/checkout@/);
  expect(drill).toMatch(/uses: acme\/summit-ops\/actions\/failover-drill@c{40} # v1\.2\.3\n/);
});

withActionlint('the published copies pass actionlint', async () => {
  for (const [name, text] of await publishedCopies()) {
    const problems = await actionlint(`.github/workflows/${name}`, text);
    expect(problems.map((p) => `${name}:${p.line}:${p.column}: ${p.message}`)).toStrictEqual([]);
  }
});

withZizmor('the published copies pass zizmor (no ignore needed for our actions any more)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'published-'));
  await mkdir(join(dir, '.github', 'workflows'), { recursive: true });
  for (const [name, text] of await publishedCopies())
    await writeFile(
      join(dir, '.github', 'workflows', name),
      text.replace(/ # zizmor: ignore\[self-repository\][^\n]*/g, ''),
    );
  const problems = await zizmor([join(dir, '.github', 'workflows')], dir);
  expect(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.rule}: ${p.message}`)).toStrictEqual([]);
});

test('the release build refuses a bad target and any other ./ reference, naming the fix', () => {
  const text = 'on: workflow_call\njobs:\n  a:\n    steps:\n      - uses: ./actions/gate\n';
  expect(messageOf(() => publishWorkflow('w.yml', text, { ...RELEASE, sha: 'main' }))).toMatch(
    /--sha 'main' is not a full 40-hex commit id/,
  );
  expect(messageOf(() => publishWorkflow('w.yml', text, { ...RELEASE, repository: 'acme' }))).toMatch(
    /--repository 'acme' is not owner\/repo/,
  );
  expect(
    messageOf(() => publishWorkflow('w.yml', `${text}      - uses: ./.github/actions/x\n`, RELEASE)),
  ).toMatch(/^w\.yml:6: '- uses: \.\/\.github\/actions\/x' would resolve in the caller's workspace/);
});

/**
 * Action inputs a workflow deliberately does not offer its callers, each with the reason. Anything
 * else an action declares must reach it from the workflow (an input, a secret, a variable, or a
 * value the workflow sets), or a caller cannot use it.
 */
const NOT_PASSED: Record<string, Record<string, string>> = {
  'catalog-gate.yml': {
    'github-token': "the action's default is the job token, whose permissions the job declares",
  },
  'dlp-scan.yml': {
    'github-token': "the action's default is the job token, whose permissions the job declares",
  },
  'keda-verify.yml': Object.fromEntries(
    [
      'prometheus-url',
      'query-timeout',
      'kubeconfig',
      'scaled-object',
      'surge-url',
      'surge-rate',
      'baseline-rate',
      'surge-duration',
      'settle-duration',
      'poll-interval',
      'scale-out-within',
      'recover-within',
      'max-replica-changes',
      'expect-alerts',
      'evidence-dir',
      'fail-on-inconclusive',
    ].map((name) => [
      name,
      'live and surge modes need a cluster; the workflow is the static pull-request check',
    ]),
  ),
  'prod-promotion.yml': {
    mode: 'the workflow decides; verify mode is for auditors, on the audit branch',
    'expected-head': 'verify mode only',
    'dry-run': 'a dry run writes no record, and the workflow pushes the record it wrote',
  },
};

test('every action input reaches the action from each workflow, unless listed with a reason', async () => {
  const missing: string[] = [];
  for (const name of workflowFiles) {
    const workflow = parseYaml(await readFile(join(sourceDir, name), 'utf8')) as {
      on: { workflow_call: { inputs?: Record<string, { default?: unknown }> } };
      jobs: Record<string, { steps?: Array<{ uses?: string; with?: Record<string, unknown> }> }>;
    };
    const given = new Map<string, Set<string>>();
    for (const step of Object.values(workflow.jobs).flatMap((j) => j.steps ?? [])) {
      const action = /^\.\/actions\/([a-z0-9-]+)$/.exec(step.uses ?? '')?.[1];
      if (!action) continue;
      const keys = given.get(action) ?? new Set<string>();
      for (const key of Object.keys(step.with ?? {})) keys.add(key);
      given.set(action, keys);
      // A value passed straight from a workflow input keeps the action's default.
      for (const [key, value] of Object.entries(step.with ?? {})) {
        const from = /^\$\{\{ inputs\.([a-z0-9-]+)(?: \|\| [^}]+)? \}\}$/.exec(String(value))?.[1];
        const input = from ? workflow.on.workflow_call.inputs?.[from] : undefined;
        const own = repoActions[action]?.[key]?.default;
        if (input && own !== undefined && String(input.default) !== String(own))
          missing.push(
            `${name}: input ${from} defaults to ${String(input.default)}, action ${action}'s ${key} to ${String(own)}`,
          );
      }
    }
    for (const [action, keys] of given)
      for (const input of Object.keys(repoActions[action] ?? {}))
        if (!keys.has(input) && !NOT_PASSED[name]?.[input])
          missing.push(`${name}: ${action} input '${input}' is not passed`);
  }
  expect(missing).toStrictEqual([]);
});
