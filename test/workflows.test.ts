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
  lintWorkflow,
  ZIZMOR_INSTALL,
  zizmor,
  type ActionInputs,
} from '../scripts/workflow-lint.ts';
import { missingComponent, testUnless } from './support/components.ts';
import { run } from './support/run.ts';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { listActions, ROOT, WORKFLOW_HEADER } from '../scripts/build.ts';

const onPath = async (tool: string) => (await run('sh', ['-c', `command -v ${tool}`])).exitCode === 0;
const withActionlint = testUnless(
  missingComponent(await onPath('actionlint'), `actionlint is not on PATH: ${ACTIONLINT_INSTALL}`),
);
const withZizmor = testUnless(
  missingComponent(await onPath('zizmor'), `zizmor is not on PATH: ${ZIZMOR_INSTALL}`),
);

const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683';
const actions: Record<string, ActionInputs> = {
  gate: { catalog: { default: 'x' }, reason: { required: true } },
};

const good = `name: gate
on:
  workflow_call:
    inputs:
      catalog:
        type: string
        default: db/catalog/migrations.yaml
jobs:
  gate:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - id: self
        run: echo "sha=$(resolve job_workflow_sha)" >> "$GITHUB_OUTPUT"
      - uses: ${CHECKOUT} # v4.2.2
        with:
          repository: \${{ steps.self.outputs.repository }}
          ref: \${{ steps.self.outputs.sha }}
          path: .summit-ops
      - uses: ./.summit-ops/actions/gate
        with:
          catalog: \${{ inputs.catalog }}
          reason: because
      - run: echo "$CATALOG"
        env:
          CATALOG: \${{ inputs.catalog }}
`;

test('a well-formed reusable workflow has no problems', () => {
  expect(lintWorkflow('good.yml', good, actions)).toStrictEqual([]);
});

withActionlint('a well-formed reusable workflow passes actionlint', async () => {
  expect(await actionlint('good.yml', good)).toStrictEqual([]);
});

test('each rule fires at the offending line', () => {
  const bad = `name: bad
on: push
jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ${CHECKOUT}
        with:
          path: .summit-ops
      - uses: ./.summit-ops/actions/gate
        with:
          colour: red
      - uses: ./actions/gate
      - uses: ./.summit-ops/actions/nope
      - run: echo "\${{ github.event.inputs.reason }}"
`;
  const problems = lintWorkflow('bad.yml', bad, actions).map((p) => `${p.line}:${p.rule}`);
  expect(problems.sort()).toStrictEqual(
    [
      '10:self-checkout',
      '11:missing-input',
      '13:unknown-input',
      '14:local-action-path',
      '15:unknown-action',
      '16:no-expression-in-run',
      '2:workflow-call',
      '5:job-permissions',
      '7:pin-by-sha',
      '8:self-checkout',
    ].sort(),
  );
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
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.rule}: ${p.message}`)).toStrictEqual([]);
  });
  withActionlint(`reusable-workflows/${name} passes actionlint`, async () => {
    const text = await readFile(join(sourceDir, name), 'utf8');
    const problems = await actionlint(`reusable-workflows/${name}`, text);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.rule}: ${p.message}`)).toStrictEqual([]);
  });
}

test('every workflow resolves its own commit with the same step', async () => {
  const steps = new Set<string>();
  for (const name of workflowFiles) {
    const workflow = parseYaml(await readFile(join(sourceDir, name), 'utf8')) as {
      jobs: Record<string, { steps?: Array<{ id?: string; run?: string }> }>;
    };
    for (const job of Object.values(workflow.jobs))
      for (const step of job.steps ?? []) if (step.id === 'self' && step.run) steps.add(step.run);
  }
  expect(steps.size).toBe(1);
});

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
    const problems = await zizmor([join(ROOT, '.github', 'workflows'), sourceDir], ROOT);
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
