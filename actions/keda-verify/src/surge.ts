/**
 * Surge mode: drive (through a SurgeDriver, the shared open-model load generator) or observe a
 * surge, poll Prometheus (p95, burn rate, alerts) and the Kubernetes API (scale subresource, HPA
 * status, events) every poll interval, judge the timeline (timeline.ts) and write the evidence:
 * timeline.json, chart.svg, hpa-events.json, load.json and the report.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadedConfig } from '../../../lib/config.ts';
import type { Logger } from '../../../lib/action.ts';
import type { Redactor } from '../../../lib/redact.ts';
import { writeEvidenceBundle } from '../../../lib/report/evidence.ts';
import { summary } from '../../../lib/report/summary.ts';
import { chartSvg } from './chart.ts';
import { KubeAccessError, kubeReader, type HpaEvent, type KubeReader } from './kube.ts';
import { PromQueryError, queryAlerts, queryValue } from './prometheus.ts';
import { judge, type Sample, type Verdict } from './timeline.ts';
import type { ScaledObject, Trigger } from './types.ts';

const LATENCY = /duration|latency|quantile|p9\d/i;

export interface LoadPhase {
  name: 'baseline' | 'surge' | 'settle';
  rate: number;
  seconds: number;
}

/** Drives open-model load (arrivals at a fixed rate, independent of responses). */
export interface SurgeDriver {
  run(url: string, phases: LoadPhase[], signal: AbortSignal): Promise<unknown>;
}

export interface SurgeOptions {
  prometheusUrl?: string | undefined;
  timeoutMs: number;
  kubeconfig?: string | undefined;
  kube?: KubeReader;
  scaledObject?: string | undefined;
  surgeUrl?: string | undefined;
  surgeRate: number;
  baselineRate: number;
  surgeSeconds: number;
  settleSeconds: number;
  pollSeconds: number;
  scaleOutWithinSeconds: number;
  recoverWithinSeconds: number;
  maxReplicaChanges: number;
  expectAlerts: string[];
  evidenceDir?: string | undefined;
  driver?: SurgeDriver | undefined;
  redactor: Redactor;
  log: Logger;
  now: () => Date;
}

export interface SurgeResult extends Verdict {
  markdown: string;
  timeline: Sample[];
  events: HpaEvent[];
}

export function pickScaledObject(objects: LoadedConfig<ScaledObject>[], wanted?: string): ScaledObject {
  if (wanted) {
    const [ns, name] = wanted.includes('/') ? wanted.split('/') : [undefined, wanted];
    const found = objects.find(
      (o) => o.value.metadata.name === name && (!ns || (o.value.metadata.namespace ?? 'default') === ns),
    );
    if (!found)
      throw new Error(
        `scaled-object '${wanted}' is not among the verified ScaledObjects (${objects.map((o) => `${o.value.metadata.namespace ?? 'default'}/${o.value.metadata.name}`).join(', ') || 'none'})`,
      );
    return found.value;
  }
  if (objects.length !== 1)
    throw new Error(
      `surge mode needs one ScaledObject; found ${objects.length}: set the scaled-object input to namespace/name`,
    );
  return objects[0]!.value;
}

/** The latency trigger (p95) and the burn trigger, if any. */
export function signalTriggers(so: ScaledObject): { latency: Trigger; burn?: Trigger } {
  const prom = so.spec.triggers.filter((t) => t.type === 'prometheus');
  const latency = prom.find(
    (t) => LATENCY.test(t.metadata['query'] ?? '') || /p9\d|latency/.test(t.name ?? ''),
  );
  if (!latency)
    throw new Error(
      `${so.metadata.name}: no Prometheus latency trigger (a query over a duration histogram) to judge the surge by`,
    );
  const burn = prom.find((t) => t !== latency);
  return burn ? { latency, burn } : { latency };
}

export async function runSurge(objects: LoadedConfig<ScaledObject>[], o: SurgeOptions): Promise<SurgeResult> {
  const so = pickScaledObject(objects, o.scaledObject);
  const { latency, burn } = signalTriggers(so);
  const target = Number(latency.metadata['threshold']);
  const namespace = so.metadata.namespace ?? 'default';
  const deployment = so.spec.scaleTargetRef.name;
  const hpaName = so.spec.advanced?.horizontalPodAutoscalerConfig?.name ?? `keda-hpa-${so.metadata.name}`;
  const kube = o.kube ?? (await kubeReader(o.kubeconfig, { timeoutMs: o.timeoutMs }));
  const prom = o.prometheusUrl || latency.metadata['serverAddress'] || '';
  const popts = { timeoutMs: o.timeoutMs, retries: 0 };

  // Fail before any load when the cluster refuses any of the three reads (a role missing one verb
  // would otherwise surface mid-surge, or after it with the timeline lost) or Prometheus is down.
  await kube.replicas(namespace, deployment);
  await kube.hpa(namespace, hpaName);
  await kube.events(namespace, hpaName);
  await queryAlerts(prom, popts);

  const baselineSeconds = Math.max(3 * o.pollSeconds, 1);
  const phases: Array<{ name: Sample['phase']; rate: number; seconds: number }> = [
    { name: 'baseline', rate: o.baselineRate, seconds: baselineSeconds },
    { name: 'surge', rate: o.surgeRate, seconds: o.surgeSeconds },
    { name: 'settle', rate: o.baselineRate, seconds: o.settleSeconds },
  ];
  const total = phases.reduce((n, p) => n + p.seconds, 0);
  const phaseAt = (t: number): Sample['phase'] =>
    t < baselineSeconds ? 'baseline' : t < baselineSeconds + o.surgeSeconds ? 'surge' : 'settle';
  const abort = new AbortController();
  const driving = o.driver && o.surgeUrl;
  o.log.info(
    `surge: ${driving ? `driving ${o.surgeRate}/s at ${o.surgeUrl}` : 'observing'} ${so.metadata.name} for ${total} s, polling every ${o.pollSeconds} s`,
  );
  const load = driving
    ? o.driver!.run(o.surgeUrl!, phases, abort.signal).catch((error: unknown) => ({ error: String(error) }))
    : Promise.resolve({ observed: true });

  const started = o.now().getTime();
  const timeline: Sample[] = [];
  let promFailures = 0;
  try {
    for (;;) {
      const t = (o.now().getTime() - started) / 1000;
      if (t > total) break;
      const errors: string[] = [];
      const value = (q: string | undefined) =>
        q
          ? queryValue(prom, q, popts).catch((e: unknown) => {
              if (e instanceof PromQueryError) {
                errors.push(e.message);
                return null;
              }
              throw e;
            })
          : Promise.resolve(null);
      const [p95, burnValue, replicas, hpa, alerts] = await Promise.all([
        value(latency.metadata['query']),
        value(burn?.metadata['query']),
        kube.replicas(namespace, deployment),
        kube.hpa(namespace, hpaName),
        queryAlerts(prom, popts).catch((e: unknown) => {
          if (e instanceof PromQueryError) {
            errors.push(e.message);
            return null;
          }
          throw e;
        }),
      ]);
      promFailures = p95 === null ? promFailures + 1 : 0;
      timeline.push({
        t: +t.toFixed(2),
        phase: phaseAt(t),
        p95,
        burn: burnValue,
        replicas,
        desired: hpa?.desired ?? null,
        firing: alerts
          ? [...new Set(alerts.filter((a) => a.state === 'firing').map((a) => a.name))].sort()
          : null,
        errors,
      });
      const next = started + timeline.length * o.pollSeconds * 1000;
      const wait = next - o.now().getTime();
      if (wait > 0) await sleep(wait);
    }
  } finally {
    abort.abort();
  }
  const loadOutput = await load;
  const events = await kube.events(namespace, hpaName);
  const verdict = judge(timeline, {
    p95Target: target,
    scaleOutWithin: o.scaleOutWithinSeconds,
    recoverWithin: o.recoverWithinSeconds,
    maxReplicaChanges: o.maxReplicaChanges,
    expectAlerts: o.expectAlerts,
  });
  if (promFailures > 0 && promFailures === timeline.length)
    verdict.reasons.push('Prometheus answered no p95 sample at all');

  const s = summary().heading(`Surge: ${namespace}/${so.metadata.name}`, 3);
  s.paragraph(
    `Verdict: ${verdict.verdict.toUpperCase()}${verdict.reasons.length ? ` — ${verdict.reasons.join('; ')}` : ''}`,
  );
  s.table(
    ['measure', 'value', 'goal'],
    [
      [
        'p95 breach (t)',
        verdict.breachAt !== undefined ? `${verdict.breachAt} s` : 'none',
        `p95 > ${target} s`,
      ],
      [
        'scale-out after breach',
        verdict.scaleOutSeconds !== undefined ? `${verdict.scaleOutSeconds} s` : '-',
        `≤ ${o.scaleOutWithinSeconds} s`,
      ],
      [
        'p95 back under target after breach',
        verdict.recoverySeconds !== undefined ? `${verdict.recoverySeconds} s` : '-',
        `≤ ${o.recoverWithinSeconds} s`,
      ],
      [
        'replica changes',
        verdict.replicaChanges,
        `≤ ${o.maxReplicaChanges}, no scale-out after a scale-down`,
      ],
      ['peak replicas', verdict.peakReplicas ?? '-', `max ${so.spec.maxReplicaCount ?? 100}`],
      ...Object.entries(verdict.alerts).map(([name, a]) => [
        `alert ${name}`,
        `${a.fired ? 'fired' : 'never fired'}${a.fired ? (a.resolved ? ', resolved' : ', still firing') : ''}`,
        'fired and resolved',
      ]),
    ],
  );
  if (events.length)
    s.details(
      `HPA events (${events.length})`,
      summary().table(
        ['time', 'reason', 'message'],
        events.map((e) => [e.at, e.reason, e.message]),
      ),
    );
  const markdown = s.toString();
  if (o.evidenceDir) {
    await writeEvidenceBundle(
      o.evidenceDir,
      {
        report: { scaledObject: `${namespace}/${so.metadata.name}`, target, ...verdict },
        markdown,
        files: [
          { name: 'timeline.json', content: JSON.stringify(timeline, null, 2) + '\n' },
          {
            name: 'chart.svg',
            content: chartSvg(timeline, target, `${namespace}/${so.metadata.name}: ${verdict.verdict}`),
          },
          { name: 'hpa-events.json', content: JSON.stringify(events, null, 2) + '\n' },
          { name: 'load.json', content: JSON.stringify(loadOutput ?? null, null, 2) + '\n' },
        ],
      },
      o.redactor,
    );
  }
  return { ...verdict, markdown, timeline, events };
}

export { KubeAccessError };
