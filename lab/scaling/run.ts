/**
 * `npm run surge [factor]`: the surge lab against infra/k8s/autoscaling/keda-gateway.yaml and the
 * defective fixture. Durations are divided by the compression factor (default 10: the 6-minute
 * surge and 4-minute settle take 60 s + 24 s; 1 = real time). Prints each verdict and the measured
 * scale-out and recovery in real (uncompressed) seconds against the 2 min / 5 min goals.
 */
import { join } from 'node:path';
import { runLab, ROOT } from './lab.ts';

const factor = Number(process.argv[2] ?? 10);
const runs = [
  ['infra/k8s/autoscaling/keda-gateway.yaml', ['LatencyP95AboveSLO']],
  ['actions/keda-verify/test/fixtures/defective-scaledobject.yaml', []],
] as const;
let failed = false;
for (const [manifest, alerts] of runs) {
  const r = await runLab({ manifest: join(ROOT, manifest), factor, expectAlerts: [...alerts] });
  const real = (s: number | undefined) => (s === undefined ? '-' : `${(s * factor).toFixed(0)} s`);
  console.log(`${manifest}: ${r.verdict.toUpperCase()} (compression ×${factor})`);
  console.log(
    `  scale-out after breach ${real(r.scaleOutSeconds)} (goal 120 s), p95 recovered ${real(r.recoverySeconds)} (goal 300 s), peak ${r.peakReplicas} replicas, ${r.replicaChanges} changes`,
  );
  // The verdict's reasons are in lab (compressed) seconds; multiply by the factor for real ones.
  for (const reason of r.reasons) console.log(`  - ${reason} [lab seconds, ×${factor} for real time]`);
  if (manifest.startsWith('infra/') && r.verdict !== 'pass') failed = true;
}
process.exitCode = failed ? 1 : 0;
