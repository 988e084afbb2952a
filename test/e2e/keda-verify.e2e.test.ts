// keda-verify's committed bundle run as a runner runs it (alone, no node_modules above it): the
// repository's autoscaling manifests pass; the defective ScaledObject fails with annotations at
// its lines.
import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runBundledAction } from './harness.ts';

const actionDir = join(REPO_ROOT, 'actions', 'keda-verify');
const read = (p: string) => readFileSync(join(REPO_ROOT, p), 'utf8');

test('the repository autoscaling manifests pass static verification', async () => {
  const run = await runBundledAction({
    actionDir,
    workspace: {
      'infra/k8s/autoscaling/keda-gateway.yaml': read('infra/k8s/autoscaling/keda-gateway.yaml'),
      'infra/k8s/autoscaling/keda-web.yaml': read('infra/k8s/autoscaling/keda-web.yaml'),
      'infra/k8s/autoscaling/prometheus-rules.yaml': read('infra/k8s/autoscaling/prometheus-rules.yaml'),
    },
    inputs: { 'prometheus-rules': 'infra/k8s/autoscaling/prometheus-rules.yaml' },
  });
  expect(run.exitCode).toBe(0);
  expect(run.outputs).toMatchObject({ 'scaled-objects': '2', errors: '0', skipped: '1' });
  expect(run.summary).toContain('gateway/gateway-slo');
}, 30_000);

test('the defective ScaledObject fails with each defect at its line', async () => {
  const run = await runBundledAction({
    actionDir,
    workspace: { 'infra/k8s/so.yaml': read('actions/keda-verify/test/fixtures/defective-scaledobject.yaml') },
    inputs: {},
  });
  expect(run.exitCode).toBe(1);
  const metricName = run.annotations.find((a) => a.title === 'keda-verify: removed-field');
  expect(metricName).toMatchObject({ level: 'error', file: 'infra/k8s/so.yaml', line: 23 });
  expect(metricName!.message).toMatch(/metricName was removed from the Prometheus scaler in KEDA 2.12/);
  expect(run.annotations.map((a) => a.title)).toEqual(
    expect.arrayContaining(['keda-verify: ignore-null-values', 'keda-verify: latency-average-value']),
  );
}, 30_000);
