// Static mode through the action's run(): the repository's manifests pass; each bad input is an
// error at its YAML line with a reason.
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redactor } from '../../../lib/redact.ts';
import { onCleanup } from '../../../test/support/cleanup.ts';
import { createKedaVerify, inputs } from '../src/main.ts';
import { readInputs } from '../../../lib/inputs.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const action = createKedaVerify();

async function verify(files: Record<string, string> | null, raw: Record<string, string> = {}) {
  let workspace = ROOT;
  if (files) {
    workspace = mkdtempSync(join(tmpdir(), 'keda-static-'));
    onCleanup(() => rmSync(workspace, { recursive: true, force: true }));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(workspace, name), text);
  }
  const values = readInputs(inputs, (n) => raw[n] ?? (files && n === 'path' ? '.' : undefined));
  return action.run(values, {
    workspace,
    tempDir: workspace,
    github: { apiUrl: 'http://127.0.0.1:1', serverUrl: 'http://127.0.0.1:1' },
    log: { info: () => {}, debug: () => {}, warning: () => {} },
    redactor: new Redactor(),
    now: () => new Date(),
  });
}

const GOOD = `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: { name: api, namespace: shop }
spec:
  scaleTargetRef: { name: api }
  minReplicaCount: 2
  maxReplicaCount: 10
  fallback: { failureThreshold: 3, replicas: 4 }
  advanced:
    horizontalPodAutoscalerConfig:
      behavior:
        scaleDown:
          stabilizationWindowSeconds: 300
          policies: [{ type: Percent, value: 20, periodSeconds: 60 }]
  triggers:
    - type: prometheus
      name: p95
      metricType: Value
      metadata:
        serverAddress: http://prometheus:9090
        query: max(job:latency_seconds:p95_rate2m{job="api"})
        threshold: '0.4'
        ignoreNullValues: 'false'
`;

describe('keda-verify static', () => {
  test('the repository manifests pass (infra/k8s/autoscaling)', async () => {
    const r = await verify(null, {
      path: 'infra/k8s/autoscaling',
      'prometheus-rules': 'infra/k8s/autoscaling/prometheus-rules.yaml',
    });
    expect(r.annotations).toEqual([]);
    expect(r.failure).toBeUndefined();
    expect(r.outputs['scaled-objects']).toBe('2');
    expect(r.summary).toContain('gateway/gateway-slo');
  });

  test('multi-document YAML: other kinds are skipped and counted', async () => {
    const r = await verify({
      'm.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api }\n---\napiVersion: v1\nkind: Service\nmetadata: { name: api }\n---\n${GOOD}`,
    });
    expect(r.failure).toBeUndefined();
    expect(r.outputs['skipped']).toBe('2');
    expect(r.summary).toMatch(/2 other document\(s\) skipped \(1 Deployment, 1 Service\)/);
  });

  test('a ScaledObject without triggers is a schema error at its line', async () => {
    const r = await verify({ 'm.yaml': GOOD.replace(/ {2}triggers:[\s\S]*$/, '  triggers: []\n') });
    expect(r.failure).toMatch(/finding/);
    expect(r.annotations.find((a) => /triggers/.test(a.message))).toMatchObject({
      file: 'm.yaml',
      line: 15,
      level: 'error',
    });
  });

  test('a non-numeric threshold names the line and the fix', async () => {
    const r = await verify({ 'm.yaml': GOOD.replace("threshold: '0.4'", "threshold: 'fast'") });
    expect(r.annotations).toEqual([
      expect.objectContaining({
        line: 22,
        title: 'keda-verify: numeric-threshold',
        message: expect.stringContaining("'fast' is not a number"),
      }),
    ]);
  });

  test.each([
    ['sum by (pod) (rate(x[2m]))', 'query-multi-series', /one series per pod/],
    ['rate(x_total[2m])', 'query-multi-series', /selects every matching series/],
    ['max(rate(x[20s]))', 'range-window', /fewer than 4 scrapes/],
    ['max(rate(x[2m])', 'query-syntax', /does not parse/],
  ])('query %s → %s', async (query, rule, message) => {
    const r = await verify({
      'm.yaml': GOOD.replace('max(job:latency_seconds:p95_rate2m{job="api"})', query),
    });
    expect(r.annotations.map((a) => a.title)).toContain(`keda-verify: ${rule}`);
    expect(r.annotations.find((a) => a.title === `keda-verify: ${rule}`)!.message).toMatch(message);
  });

  test('the defective fixture: every defect is named', async () => {
    const r = await verify(null, { path: 'actions/keda-verify/test/fixtures/defective-scaledobject.yaml' });
    const rules = new Set(r.annotations.map((a) => a.title!.replace('keda-verify: ', '')));
    for (const rule of [
      'removed-field',
      'ignore-null-values',
      'latency-average-value',
      'scale-down-stabilisation',
      'stabilisation-below-cooldown',
      'fallback',
    ])
      expect(rules).toContain(rule);
    expect(r.annotations.find((a) => /metricName was removed/.test(a.message))!.line).toBe(23);
  });

  test('guardrails: floor, ceiling, budget; min > max; idle; duplicate names; scaling modifiers', async () => {
    const bad = GOOD.replace('minReplicaCount: 2', 'minReplicaCount: 25\n  idleReplicaCount: 25')
      .replace('maxReplicaCount: 10', 'maxReplicaCount: 20')
      .replace(
        '  triggers:\n',
        '  triggers:\n    - { type: prometheus, name: p95, metricType: Value, metadata: { serverAddress: "http://p:9090", query: "max(y)", threshold: "1", ignoreNullValues: "false" } }\n',
      )
      .replace('  advanced:\n', '  advanced:\n    scalingModifiers: { formula: "p95 * 2" }\n');
    const r = await verify(
      { 'm.yaml': bad },
      { 'min-replicas': '26', 'max-replicas': '26', 'cost-per-replica': '0.5', budget: '3' },
    );
    const rules = r.annotations.map((a) => a.title!.replace('keda-verify: ', ''));
    for (const rule of [
      'min-above-max',
      'idle-not-below-min',
      'floor',
      'budget',
      'duplicate-trigger-name',
      'scaling-modifier',
    ])
      expect(rules).toContain(rule);
  });

  test('a path without KEDA objects fails and says so', async () => {
    const r = await verify({ 'd.yaml': 'kind: Deployment\nmetadata: { name: x }\n' });
    expect(r.failure).toMatch(/no ScaledObject or TriggerAuthentication/);
  });
});

test('ceiling: maxReplicaCount above the max-replicas input', async () => {
  const r = await verify({ 'm.yaml': GOOD }, { 'max-replicas': '8' });
  expect(r.annotations).toEqual([expect.objectContaining({ title: 'keda-verify: ceiling', line: 7 })]);
});

test('TriggerAuthentication: valid ones pass, a secretTargetRef without key is an error at its line', async () => {
  const auth = (ref: string) =>
    `apiVersion: keda.sh/v1alpha1\nkind: TriggerAuthentication\nmetadata: { name: prom-auth, namespace: shop }\nspec:\n  secretTargetRef:\n    - ${ref}\n`;
  const ok = await verify({ 'a.yaml': auth('{ parameter: bearerToken, name: prom, key: token }') });
  expect(ok.annotations).toEqual([]);
  const bad = await verify({ 'a.yaml': auth('{ parameter: bearerToken, name: prom }') });
  expect(bad.annotations).toEqual([
    expect.objectContaining({ line: 6, message: expect.stringMatching(/missing required key 'key'/) }),
  ]);
});

test.each(['prometheus.monitoring.svc:9090', 'ftp://prometheus:9090', 'not a url'])(
  "serverAddress '%s' (not an http(s) URL) is an error at its line, not a crash in live mode",
  async (address) => {
    const r = await verify({ 'm.yaml': GOOD.replace('http://prometheus:9090', `'${address}'`) });
    expect(r.annotations).toEqual([
      expect.objectContaining({
        title: 'keda-verify: prometheus-metadata',
        line: 20,
        message: expect.stringMatching(/serverAddress is not an http\(s\) URL.*such as http:\/\/prometheus/),
      }),
    ]);
  },
);

describe('keda-verify: a pull request cannot make it read outside the repository', () => {
  /** A workspace holding a good manifest plus what `plant` adds; an outside file with a marker. */
  function hostile(plant: (workspace: string, outside: string) => void): string {
    const workspace = mkdtempSync(join(tmpdir(), 'keda-hostile-'));
    const outsideDir = mkdtempSync(join(tmpdir(), 'keda-outside-'));
    onCleanup(() => rmSync(workspace, { recursive: true, force: true }));
    onCleanup(() => rmSync(outsideDir, { recursive: true, force: true }));
    const outside = join(outsideDir, 'secret.yaml');
    writeFileSync(outside, `token: outside-${process.pid}-marker\n`);
    mkdirSync(join(workspace, 'keda'));
    writeFileSync(join(workspace, 'keda', 'good.yaml'), GOOD);
    plant(workspace, outside);
    return workspace;
  }

  async function run(workspace: string, raw: Record<string, string>) {
    const values = readInputs(inputs, (n) => raw[n]);
    return action.run(values, {
      workspace,
      tempDir: workspace,
      github: { apiUrl: 'http://127.0.0.1:1', serverUrl: 'http://127.0.0.1:1' },
      log: { info: () => {}, debug: () => {}, warning: () => {} },
      redactor: new Redactor(),
      now: () => new Date(),
    });
  }

  const messageOf = async (p: Promise<unknown>) =>
    p.then(
      () => 'resolved',
      (e: Error) => e.message,
    );

  test('a manifest symlinked to a file outside is refused, never read', async () => {
    const ws = hostile((w, outside) => symlinkSync(outside, join(w, 'keda', 'leak.yaml')));
    const message = await messageOf(run(ws, { path: 'keda' }));
    expect(message).toMatch(/keda\/leak\.yaml.*resolves outside the workspace/);
    expect(message).not.toContain('marker');
  });

  test('a manifest symlinked to /dev/zero is refused instead of read forever', async () => {
    const ws = hostile((w) => symlinkSync('/dev/zero', join(w, 'keda', 'zero.yaml')));
    expect(await messageOf(run(ws, { path: 'keda' }))).toMatch(/keda\/zero\.yaml.*outside the workspace/);
  });

  test('a FIFO named like a manifest is refused, not a read that never returns', async () => {
    const ws = hostile((w) => execFileSync('mkfifo', [join(w, 'keda', 'pipe.yaml')]));
    expect(await messageOf(run(ws, { path: 'keda' }))).toMatch(/keda\/pipe\.yaml: is not a regular file/);
  }, 15_000);

  test('a symlinked directory is not entered; a path input through one is refused', async () => {
    const ws = hostile((w, outside) => symlinkSync(join(outside, '..'), join(w, 'keda', 'elsewhere')));
    // The link is skipped, the good manifest verifies.
    const r = await run(ws, { path: 'keda' });
    expect(r.failure).toBeUndefined();
    expect(await messageOf(run(ws, { path: 'keda/elsewhere' }))).toMatch(/resolves outside the workspace/);
  });

  test('a prometheus-rules file symlinked outside is refused, never read', async () => {
    const ws = hostile((w, outside) => symlinkSync(outside, join(w, 'rules.yaml')));
    const message = await messageOf(run(ws, { path: 'keda', 'prometheus-rules': 'rules.yaml' }));
    expect(message).toMatch(/rules\.yaml.*resolves outside the workspace/);
    expect(message).not.toContain('marker');
  });
});
