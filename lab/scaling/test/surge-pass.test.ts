// The repository's own gateway ScaledObject under a surge in the scaling lab (real Prometheus,
// durations / 30): scale-out within the 2-minute goal, p95 back under target within 5 minutes, no
// flapping, the latency alert fired and resolved, and the evidence bundle written.
import { expect } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from '../../../test/support/cleanup.ts';
import { missingComponent, testUnless } from '../../../test/support/components.ts';
import { runLab, ROOT } from '../lab.ts';
import { prometheusAvailable } from '../prometheus.ts';

const it = testUnless(
  missingComponent(
    prometheusAvailable(),
    'prometheus is not installed: `apt-get install -y prometheus` (.ci/run installs it)',
  ),
);

it('infra/k8s/autoscaling/keda-gateway.yaml passes the surge', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'keda-surge-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const evidence = join(dir, 'evidence');
  const r = await runLab({
    manifest: join(ROOT, 'infra/k8s/autoscaling/keda-gateway.yaml'),
    factor: 30,
    expectAlerts: ['LatencyP95AboveSLO'],
    evidenceDir: evidence,
  });
  expect({ verdict: r.verdict, reasons: r.reasons }).toEqual({ verdict: 'pass', reasons: [] });
  expect(r.scaleOutSeconds!).toBeLessThanOrEqual(120 / 30);
  expect(r.recoverySeconds!).toBeLessThanOrEqual(300 / 30);
  expect(r.peakReplicas!).toBeGreaterThan(3);
  expect(r.events.some((e) => e.reason === 'SuccessfulRescale')).toBe(true);
  for (const f of [
    'timeline.json',
    'chart.svg',
    'hpa-events.json',
    'load.json',
    'report.md',
    'manifest.json',
  ])
    expect(existsSync(join(evidence, f))).toBe(true);
  expect(readFileSync(join(evidence, 'chart.svg'), 'utf8')).toContain('<polyline');
}, 80_000);
