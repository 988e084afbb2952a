/**
 * Live mode: each Prometheus trigger evaluated now, the way KEDA's scaler reads it, and what the
 * HPA would do with the readings (per-metric proposal with the 10 % tolerance, the largest wins,
 * min/max; stabilisation needs history, so it is stated, not applied).
 */
import type { LoadedConfig } from '../../../lib/config.ts';
import type { Logger } from '../../../lib/action.ts';
import type { Annotation } from '../../../lib/report/types.ts';
import { summary } from '../../../lib/report/summary.ts';
import { proposeReplicas, type MetricReading } from './hpa.ts';
import { PromQueryError, queryValue } from './prometheus.ts';
import { effectiveSettings } from './semantics.ts';
import type { ScaledObject, Trigger } from './types.ts';

export interface TriggerReading {
  trigger: Trigger;
  index: number;
  reading?: MetricReading;
  error?: PromQueryError;
}

export interface ReadOptions {
  prometheusUrl?: string | undefined;
  timeoutMs: number;
  signal?: AbortSignal;
}

export function triggerName(t: Trigger, i: number): string {
  return t.name ?? `s${i}-${t.type}`;
}

/** Every Prometheus trigger of `so` read once; other trigger types are left out. */
export async function readTriggers(so: ScaledObject, options: ReadOptions): Promise<TriggerReading[]> {
  return Promise.all(
    so.spec.triggers.map(async (trigger, index): Promise<TriggerReading | undefined> => {
      if (trigger.type !== 'prometheus') return undefined;
      const base = options.prometheusUrl || trigger.metadata['serverAddress'] || '';
      const query = trigger.metadata['query'] ?? '';
      try {
        const popts: Parameters<typeof queryValue>[2] = { timeoutMs: options.timeoutMs };
        if (options.signal) popts.signal = options.signal;
        const value = await queryValue(base, query, popts);
        const metricType = trigger.metricType === 'Value' ? 'Value' : 'AverageValue';
        return {
          trigger,
          index,
          reading: {
            name: triggerName(trigger, index),
            metricType,
            value,
            target: Number(trigger.metadata['threshold']),
          },
        };
      } catch (error) {
        if (error instanceof PromQueryError) return { trigger, index, error };
        throw error;
      }
    }),
  ).then((all) => all.filter((r): r is TriggerReading => r !== undefined));
}

export interface LiveResult {
  markdown: string;
  annotations: Annotation[];
  errors: number;
}

export async function runLive(
  objects: LoadedConfig<ScaledObject>[],
  options: ReadOptions & { log: Logger; currentReplicas?: (so: ScaledObject) => Promise<number | undefined> },
): Promise<LiveResult> {
  const s = summary().heading('Live evaluation', 3);
  const notes: Annotation[] = [];
  let errors = 0;
  for (const doc of objects) {
    const so = doc.value;
    const eff = effectiveSettings(so);
    const current = (await options.currentReplicas?.(so)) ?? eff.min;
    const readings = await readTriggers(so, options);
    const rows = readings.map((r) => {
      const where = doc.locate(['spec', 'triggers', r.index, 'metadata', 'query']);
      if (r.error) {
        errors++;
        notes.push({
          level: 'error',
          title: 'keda-verify: live',
          file: doc.file,
          line: where.line,
          message: `${so.metadata.name} trigger ${triggerName(r.trigger, r.index)}: ${r.error.message}`,
        });
        return [
          triggerName(r.trigger, r.index),
          r.trigger.metricType ?? 'AverageValue',
          r.trigger.metadata['threshold'],
          'error',
          '',
          '',
          r.error.message,
        ];
      }
      const p = proposeReplicas(r.reading!, current);
      return [
        r.reading!.name,
        r.reading!.metricType,
        r.reading!.target,
        +r.reading!.value.toPrecision(4),
        +p.usageRatio.toFixed(3),
        p.replicas,
        p.withinTolerance ? 'within 10 % tolerance: no change' : '',
      ];
    });
    const proposals = readings
      .filter((r) => r.reading)
      .map((r) => proposeReplicas(r.reading!, current).replicas);
    const desired = proposals.length
      ? Math.min(Math.max(...proposals, Math.max(eff.min, 1)), eff.max)
      : undefined;
    s.paragraph(
      `${so.metadata.namespace ?? 'default'}/${so.metadata.name} → ${so.spec.scaleTargetRef.name}: at ${current} replica(s)${options.currentReplicas ? '' : ' (minReplicaCount; no cluster read)'}, the HPA would ${desired === undefined ? 'keep the current size (no trigger could be read' + (so.spec.fallback ? `; after ${so.spec.fallback.failureThreshold} failed polls KEDA applies fallback ${so.spec.fallback.replicas})` : ')') : desired === current ? `stay at ${current}` : `go to ${desired}`} (bounds ${eff.min}..${eff.max}; scale-down then waits ${eff.scaleDownWindow} s of lower recommendations).`,
    );
    s.table(['trigger', 'metric type', 'target', 'value', 'usage ratio', 'proposal', 'note'], rows);
  }
  options.log.info(`live: ${objects.length} ScaledObject(s) evaluated, ${errors} trigger error(s)`);
  return { markdown: s.toString(), annotations: notes, errors };
}
