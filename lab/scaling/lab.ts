/**
 * One surge in the scaling lab: the real Prometheus scraping the lab service and the lab's
 * Kubernetes API (kube-state series), the repository's alert and recording rules, the HPA loop
 * over the ScaledObject under test, and keda-verify's own surge mode (its Prometheus and
 * Kubernetes readers, the shared open-model load driver) judging it. Every duration is divided by
 * `factor`; everything started here is stopped here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfigDocuments, type LoadedConfig } from '../../lib/config.ts';
import { Redactor } from '../../lib/redact.ts';
import { runLoad } from '../../lib/load/index.ts';
import { readTriggers } from '../../actions/keda-verify/src/live.ts';
import { openModelDriver } from '../../actions/keda-verify/src/load-driver.ts';
import { runSurge, signalTriggers, type SurgeResult } from '../../actions/keda-verify/src/surge.ts';
import type { ScaledObject } from '../../actions/keda-verify/src/types.ts';
import { compressRules, compressScaledObject } from './compress.ts';
import { startHpaLoop } from './hpa-loop.ts';
import { startKubeServer } from './kube-server.ts';
import { startPrometheus } from './prometheus.ts';
import { startService, type ServiceModel } from './service.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RULES_FILE = join(ROOT, 'infra/k8s/autoscaling/prometheus-rules.yaml');

export interface LabOptions {
  /** The ScaledObject manifest to put under test. */
  manifest: string;
  /** Durations divided by this (1 = real time). */
  factor: number;
  model?: ServiceModel;
  baselineRate?: number;
  surgeRate?: number;
  /** Real-time seconds before compression. */
  surgeSeconds?: number;
  settleSeconds?: number;
  scrapeSeconds?: number;
  startupSeconds?: number;
  expectAlerts?: string[];
  evidenceDir?: string;
  log?: (line: string) => void;
}

export interface LabResult extends SurgeResult {
  hpaLog: string[];
  factor: number;
}

export const DEFAULT_MODEL: ServiceModel = { capacityPerReplica: 8, baseLatency: 0.04, maxLatency: 2 };

export async function runLab(o: LabOptions): Promise<LabResult> {
  const f = o.factor;
  const docs = parseConfigDocuments<ScaledObject>(o.manifest, readFileSync(o.manifest, 'utf8')).filter(
    (d) => d.value.kind === 'ScaledObject',
  );
  if (docs.length !== 1)
    throw new Error(`${o.manifest}: the lab needs exactly one ScaledObject, found ${docs.length}`);
  const original = docs[0]!;
  const so = compressScaledObject(original.value, f);
  const namespace = so.metadata.namespace ?? 'default';
  const hpaName = so.spec.advanced?.horizontalPodAutoscalerConfig?.name ?? `keda-hpa-${so.metadata.name}`;
  const min = Math.max(so.spec.minReplicaCount ?? 1, 1);
  const stops: Array<() => Promise<void>> = [];
  const scratch = mkdtempSync(join(tmpdir(), 'keda-lab-'));
  stops.push(async () => rmSync(scratch, { recursive: true, force: true }));
  try {
    const kube = await startKubeServer(
      {
        namespace,
        deployment: so.spec.scaleTargetRef.name,
        hpaName,
        replicas: min,
        hpa: { min, max: so.spec.maxReplicaCount ?? 100, currentReplicas: min, desiredReplicas: min },
      },
      ((o.startupSeconds ?? 10) * 1000) / f,
    );
    stops.push(() => kube.close());
    const service = await startService(o.model ?? DEFAULT_MODEL, () => kube.readyReplicas());
    stops.push(() => service.close());
    const scrape = (o.scrapeSeconds ?? 15) / f;
    const prom = await startPrometheus({
      scrapeSeconds: scrape,
      evalSeconds: scrape,
      jobs: [
        { name: so.spec.scaleTargetRef.name, target: service.metricsUrl },
        { name: 'kube-state-metrics', target: kube.url.replace('http://', '') },
      ],
      rules: compressRules(readFileSync(RULES_FILE, 'utf8'), f),
    });
    stops.push(() => prom.stop());
    // Warm-up at the baseline rate until every trigger query answers: a running deployment has
    // history, and the HPA must not start from 'no series' (which would trip the fallback).
    const warm = new AbortController();
    const warming = runLoad({
      url: service.url,
      rate: o.baselineRate ?? 8,
      durationMs: 120_000,
      signal: warm.signal,
      drainTimeoutMs: 1000,
    }).catch(() => undefined);
    const { latency } = signalTriggers(so);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const readings = await readTriggers(so, { prometheusUrl: prom.url, timeoutMs: 2000 });
      // A trigger that can never answer (a wrong label) must not hold the lab: the latency one must.
      if (readings.some((r) => r.reading && r.trigger === latency)) break;
      if (Date.now() > deadline)
        throw new Error(
          `warm-up: the trigger queries still fail after 30 s: ${readings
            .map((r) => r.error?.message)
            .filter(Boolean)
            .join('; ')}`,
        );
      await new Promise((r) => setTimeout(r, 250));
    }
    warm.abort();
    await warming;
    const loop = startHpaLoop(so, {
      kubeconfig: kube.kubeconfig(),
      prometheusUrl: prom.url,
      syncSeconds: 15 / f,
      timeoutMs: 5000,
    });
    stops.push(() => loop.stop());
    const kubeconfig = join(scratch, 'kubeconfig.json');
    writeFileSync(kubeconfig, kube.kubeconfig());
    const compressedDoc: LoadedConfig<ScaledObject> = { ...original, value: so };
    const result = await runSurge([compressedDoc], {
      prometheusUrl: prom.url,
      timeoutMs: 5000,
      kubeconfig,
      surgeUrl: service.url,
      surgeRate: o.surgeRate ?? 60,
      baselineRate: o.baselineRate ?? 8,
      surgeSeconds: (o.surgeSeconds ?? 360) / f,
      settleSeconds: (o.settleSeconds ?? 240) / f,
      pollSeconds: 5 / f,
      scaleOutWithinSeconds: 120 / f,
      recoverWithinSeconds: 300 / f,
      maxReplicaChanges: 8,
      expectAlerts: o.expectAlerts ?? [],
      evidenceDir: o.evidenceDir,
      driver: openModelDriver,
      redactor: new Redactor(),
      log: { info: (m) => o.log?.(m), debug: () => {}, warning: (m) => o.log?.(m) },
      now: () => new Date(),
    });
    return { ...result, hpaLog: loop.log, factor: f };
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  }
}
