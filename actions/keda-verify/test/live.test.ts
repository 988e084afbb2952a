// Live and surge modes on bad ground: the real Prometheus answering several series, none, or NaN;
// a Prometheus that is unreachable, slow or answers 500 (local node:http servers speaking its API);
// a Kubernetes API that answers 403 (the lab's API server, through @kubernetes/client-node).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../../../lib/inputs.ts';
import { Redactor } from '../../../lib/redact.ts';
import { onCleanup } from '../../../test/support/cleanup.ts';
import { describeUnless, missingComponent } from '../../../test/support/components.ts';
import { startKubeServer } from '../../../lab/scaling/kube-server.ts';
import { prometheusAvailable, startPrometheus, type LabPrometheus } from '../../../lab/scaling/prometheus.ts';
import { createKedaVerify, inputs } from '../src/main.ts';
import { openModelDriver } from '../src/load-driver.ts';

// The real driver (as the action's default export): without it surge mode only observes, and a
// "no load was sent" assertion could not fail.
const action = createKedaVerify({ driver: openModelDriver });

function manifest(query: string, server = 'http://prometheus.invalid:9090'): string {
  return `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: { name: api, namespace: shop }
spec:
  scaleTargetRef: { name: api }
  minReplicaCount: 2
  maxReplicaCount: 10
  fallback: { failureThreshold: 3, replicas: 4 }
  advanced:
    horizontalPodAutoscalerConfig:
      name: keda-hpa-api
      behavior:
        scaleDown:
          stabilizationWindowSeconds: 300
          policies: [{ type: Percent, value: 20, periodSeconds: 60 }]
  triggers:
    - type: prometheus
      name: p95-latency
      metricType: Value
      metadata:
        serverAddress: ${server}
        query: '${query.replace(/'/g, "''")}'
        threshold: '0.4'
        ignoreNullValues: 'false'
`;
}

async function run(query: string, raw: Record<string, string>) {
  const workspace = mkdtempSync(join(tmpdir(), 'keda-live-'));
  onCleanup(() => rmSync(workspace, { recursive: true, force: true }));
  writeFileSync(join(workspace, 'so.yaml'), manifest(query));
  const values = readInputs(inputs, (n) => ({ path: 'so.yaml', ...raw })[n]);
  return action.run(values, {
    workspace,
    tempDir: workspace,
    github: { apiUrl: 'http://127.0.0.1:1', serverUrl: 'http://127.0.0.1:1' },
    log: { info: () => {}, debug: () => {}, warning: () => {} },
    redactor: new Redactor(),
    now: () => new Date(),
  });
}

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server: Server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  onCleanup(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const skip = missingComponent(
  prometheusAvailable(),
  'prometheus is not installed: `apt-get install -y prometheus` (.ci/run installs it)',
);

describeUnless(skip)('live mode against the real Prometheus', () => {
  let prom: LabPrometheus;
  beforeAll(async () => {
    prom = await startPrometheus({ scrapeSeconds: 1, evalSeconds: 1, jobs: [], rules: 'groups: []\n' });
  }, 20_000);
  afterAll(async () => prom?.stop());

  test('one series: the value and what the HPA would do', async () => {
    const r = await run('max(vector(0.8))', { mode: 'live', 'prometheus-url': prom.url });
    expect(r.failure).toBeUndefined();
    // 0.8 / 0.4 = 2 at minReplicaCount 2 -> 4.
    expect(r.summary).toMatch(/the HPA would go to 4/);
  });

  test('with a kubeconfig the HPA starts from the running replicas (6 -> 12, capped at max 10)', async () => {
    const kube = await startKubeServer({
      namespace: 'shop',
      deployment: 'api',
      hpaName: 'keda-hpa-api',
      replicas: 6,
      hpa: { min: 2, max: 10, currentReplicas: 6, desiredReplicas: 6 },
    });
    onCleanup(() => kube.close());
    const dir = mkdtempSync(join(tmpdir(), 'keda-kube-'));
    onCleanup(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'kubeconfig'), kube.kubeconfig());
    const r = await run('max(vector(0.8))', {
      mode: 'live',
      'prometheus-url': prom.url,
      kubeconfig: join(dir, 'kubeconfig'),
    });
    expect(r.summary).toMatch(/at 6 replica\(s\), the HPA would go to 10/);
  });

  test.each([
    [
      'vector(1) or label_replace(vector(2), "a", "b", "", "")',
      /returned 2 series.*aggregate with max\(\) or sum\(\)/,
    ],
    ['max(up{job="nope"})', /returned no series.*fallback/],
    ['max(vector(0) / 0)', /returned NaN/],
  ])('%s fails live with the reason', async (query, reason) => {
    const r = await run(query, { mode: 'live', 'prometheus-url': prom.url });
    expect(r.failure).toMatch(/could not be evaluated/);
    expect(r.annotations.find((a) => a.title === 'keda-verify: live')!.message).toMatch(reason);
  });
});

describe('live mode when Prometheus misbehaves', () => {
  test('unreachable', async () => {
    const url = await serve(() => {});
    const closed = url.replace(/:\d+$/, ':1');
    const r = await run('max(vector(1))', { mode: 'live', 'prometheus-url': closed, 'query-timeout': '2s' });
    expect(r.annotations[0]!.message).toMatch(/is unreachable.*check prometheus-url/);
  });

  test('slow: a timeout names the limit', async () => {
    const url = await serve((_req, res) => {
      setTimeout(() => res.end('{}'), 3000).unref();
    });
    const r = await run('max(vector(1))', { mode: 'live', 'prometheus-url': url, 'query-timeout': '300ms' });
    expect(r.annotations[0]!.message).toMatch(/did not answer within 300 ms.*raise query-timeout/);
  });

  test('a prometheus-url without a scheme is a live error saying what to write, not a crash', async () => {
    const r = await run('max(vector(1))', {
      mode: 'live',
      'prometheus-url': 'prometheus.monitoring.svc:9090',
    });
    expect(r.failure).toMatch(/could not be evaluated/);
    expect(r.annotations[0]!.message).toMatch(/is not an http\(s\) URL.*such as http:\/\/prometheus/);
  });

  test('HTTP 500 with Prometheus error body', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          status: 'error',
          errorType: 'internal',
          error: 'query processing would load too many samples',
        }),
      );
    });
    const r = await run('max(vector(1))', { mode: 'live', 'prometheus-url': url, 'query-timeout': '2s' });
    expect(r.annotations[0]!.message).toMatch(
      /answered HTTP 500: query processing would load too many samples/,
    );
  });
});

test('surge mode: Kubernetes API 403 fails before any load, naming what to grant', async () => {
  const kube = await startKubeServer({
    namespace: 'shop',
    deployment: 'api',
    hpaName: 'keda-hpa-api',
    replicas: 2,
    hpa: { min: 2, max: 10, currentReplicas: 2, desiredReplicas: 2 },
  });
  onCleanup(() => kube.close());
  kube.refuse = 403;
  const dir = mkdtempSync(join(tmpdir(), 'keda-kube-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'kubeconfig'), kube.kubeconfig());
  let requests = 0;
  const surgeUrl = await serve((_req, res) => {
    requests++;
    res.end('ok');
  });
  await expect(
    run('max(vector(1))', {
      mode: 'surge',
      kubeconfig: join(dir, 'kubeconfig'),
      'prometheus-url': 'http://127.0.0.1:1',
      'surge-url': surgeUrl,
    }),
  ).rejects.toThrow(/403 Forbidden to get deployments\/api\/scale in namespace shop: grant/);
  expect(requests).toBe(0);
});

test.each([
  [
    'horizontalpodautoscalers',
    /horizontalpodautoscalers\//,
    /403 Forbidden to get horizontalpodautoscalers\/keda-hpa-api in namespace shop/,
  ],
  ['events', /\/events$/, /403 Forbidden to list events in namespace shop/],
])(
  'surge mode: a role that cannot read %s fails before any load, not after the surge',
  async (_name, refuseOnly, message) => {
    const kube = await startKubeServer({
      namespace: 'shop',
      deployment: 'api',
      hpaName: 'keda-hpa-api',
      replicas: 2,
      hpa: { min: 2, max: 10, currentReplicas: 2, desiredReplicas: 2 },
    });
    onCleanup(() => kube.close());
    kube.refuse = 403;
    kube.refuseOnly = refuseOnly;
    const dir = mkdtempSync(join(tmpdir(), 'keda-kube-'));
    onCleanup(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'kubeconfig'), kube.kubeconfig());
    // A Prometheus answering its API (no alerts, p95 0.2) so only the Kubernetes refusal can stop it.
    const prometheus = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        req.url!.startsWith('/api/v1/alerts')
          ? JSON.stringify({ status: 'success', data: { alerts: [] } })
          : JSON.stringify({
              status: 'success',
              data: { resultType: 'vector', result: [{ metric: {}, value: [0, '0.2'] }] },
            }),
      );
    });
    let requests = 0;
    const surgeUrl = await serve((_req, res) => {
      requests++;
      res.end('ok');
    });
    await expect(
      run('max(vector(1))', {
        mode: 'surge',
        kubeconfig: join(dir, 'kubeconfig'),
        'prometheus-url': prometheus,
        'surge-url': surgeUrl,
        'surge-duration': '1s',
        'settle-duration': '1s',
        'poll-interval': '1s',
      }),
    ).rejects.toThrow(message);
    expect(requests).toBe(0);
  },
  20_000,
);
