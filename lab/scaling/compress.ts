/**
 * Time compression for the lab: every duration in the rules and the ScaledObject divided by one
 * factor, so a 5-minute scenario runs in seconds with the same shape (windows still span the same
 * number of scrapes, stabilisation the same number of syncs). Rates and latencies are not
 * compressed: they are what the service experiences.
 */
import { parse, stringify } from 'yaml';
import { formatDuration, parseDuration } from '../../actions/keda-verify/src/promql.ts';
import { DEFAULT_SCALE_DOWN, DEFAULT_SCALE_UP } from '../../actions/keda-verify/src/hpa.ts';
import type { ScaledObject } from '../../actions/keda-verify/src/types.ts';

const short = (seconds: number, factor: number) => formatDuration(Math.max(seconds / factor, 0.001));

export function compressPromQL(expr: string, factor: number): string {
  return expr.replace(
    /\[(\d+(?:ms|s|m|h|d|w))(:\d+(?:ms|s|m|h|d|w))?\]/g,
    (_, range: string, step?: string) => {
      const r = short(parseDuration(range), factor);
      return step ? `[${r}:${short(parseDuration(step.slice(1)), factor)}]` : `[${r}]`;
    },
  );
}

export function compressRules(text: string, factor: number): string {
  const doc = parse(text) as {
    groups: Array<{ interval?: string; rules: Array<{ expr: string; for?: string }> }>;
  };
  for (const g of doc.groups) {
    if (g.interval) g.interval = short(parseDuration(g.interval), factor);
    for (const r of g.rules) {
      r.expr = compressPromQL(String(r.expr), factor);
      if (r.for) r.for = short(parseDuration(r.for), factor);
    }
  }
  return stringify(doc);
}

/**
 * The ScaledObject with its durations divided by `factor` (fractional seconds are fine for the
 * lab's HPA loop). Absent behavior is filled with the Kubernetes defaults first, so the defaults
 * are compressed too.
 */
export function compressScaledObject(so: ScaledObject, factor: number): ScaledObject {
  const c = structuredClone(so);
  const spec = c.spec;
  spec.pollingInterval = (spec.pollingInterval ?? 30) / factor;
  spec.cooldownPeriod = (spec.cooldownPeriod ?? 300) / factor;
  const hpa = ((spec.advanced ??= {}).horizontalPodAutoscalerConfig ??= {});
  const behavior = (hpa.behavior ??= {});
  for (const [key, defaults] of [
    ['scaleUp', DEFAULT_SCALE_UP],
    ['scaleDown', DEFAULT_SCALE_DOWN],
  ] as const) {
    const rules = (behavior[key] ??= {});
    rules.stabilizationWindowSeconds =
      (rules.stabilizationWindowSeconds ?? defaults.stabilizationWindowSeconds) / factor;
    rules.policies = (rules.policies?.length ? rules.policies : defaults.policies).map((p) => ({
      ...p,
      periodSeconds: p.periodSeconds / factor,
    }));
  }
  for (const t of spec.triggers)
    if (t.metadata['query']) t.metadata['query'] = compressPromQL(t.metadata['query'], factor);
  return c;
}
