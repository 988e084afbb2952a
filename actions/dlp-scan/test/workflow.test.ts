// The reusable workflow must let callers set every user-facing input of the action, and pass the
// Pushgateway URL as a secret (a workflow_call input would show in logs and the run's inputs).
import { expect, test } from '@jest/globals';
import { expectTruthy } from '../../../test/support/narrow.ts';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { REPO_ROOT } from '../../../lib/dlp-ingress/generate.ts';

/** Inputs the workflow sets itself: the job's token, and the evidence it uploads. */
const SET_BY_THE_WORKFLOW = new Set(['github-token', 'evidence-dir']);
const SECRET_INPUTS = new Set(['metrics-pushgateway-url']);

interface Workflow {
  on: {
    workflow_call: {
      inputs?: Record<string, { type: string; default?: unknown }>;
      secrets?: Record<string, { required?: boolean }>;
    };
  };
  jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }>;
}

test('reusable-workflows/dlp-scan.yml exposes every action input, the pushgateway URL as a secret', () => {
  const action = YAML.parse(readFileSync(join(REPO_ROOT, 'actions/dlp-scan/action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const workflow = YAML.parse(
    readFileSync(join(REPO_ROOT, 'reusable-workflows/dlp-scan.yml'), 'utf8'),
  ) as Workflow;
  const call = workflow.on.workflow_call;
  const step = Object.values(workflow.jobs)
    .flatMap((j) => j.steps)
    .find((s) => s.uses === './actions/dlp-scan');
  expectTruthy(step);
  const missing: string[] = [];
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (SET_BY_THE_WORKFLOW.has(name)) continue;
    if (SECRET_INPUTS.has(name)) {
      if (!call.secrets?.[name]) missing.push(`${name}: not under workflow_call.secrets`);
      if (call.inputs?.[name]) missing.push(`${name}: a plain input (its value would be visible)`);
      if (step.with?.[name] !== `\${{ secrets.${name} }}`) missing.push(`${name}: not passed from secrets`);
      continue;
    }
    const input = call.inputs?.[name];
    if (!input) {
      missing.push(`${name}: not a workflow_call input`);
      continue;
    }
    if (step.with?.[name] !== `\${{ inputs.${name} }}`) missing.push(`${name}: not passed to the action`);
    // Same default as the action, or a caller gets different behaviour through the workflow.
    if (spec.default !== undefined && String(input.default) !== spec.default)
      missing.push(`${name}: default ${String(input.default)} differs from action.yml's ${spec.default}`);
  }
  expect(missing).toStrictEqual([]);
});
