/**
 * The Horizontal Pod Autoscaler's replica calculation (kube-controller-manager, autoscaling/v2)
 * for the external metrics KEDA serves: per-metric proposals with the 10 % tolerance, the largest
 * proposal wins, then behavior (stabilisation windows over past recommendations and the
 * scale-up/scale-down rate policies) and min/max. Pure: the caller keeps the state between syncs.
 */
import type { HpaPolicy, HpaRules } from './types.ts';

export const DEFAULT_TOLERANCE = 0.1;

export const DEFAULT_SCALE_UP: Required<HpaRules> = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};
export const DEFAULT_SCALE_DOWN: Required<HpaRules> = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

export interface MetricReading {
  name: string;
  metricType: 'Value' | 'AverageValue';
  value: number;
  target: number;
}

export interface Proposal {
  name: string;
  replicas: number;
  /** value / target (Value) or value / (target x current) (AverageValue). */
  usageRatio: number;
  withinTolerance: boolean;
}

/** One metric's proposal, as replica_calculator.go computes it for external metrics. */
export function proposeReplicas(r: MetricReading, current: number, tolerance = DEFAULT_TOLERANCE): Proposal {
  if (r.metricType === 'Value') {
    const usageRatio = r.value / r.target;
    const within = Math.abs(1 - usageRatio) <= tolerance;
    return {
      name: r.name,
      usageRatio,
      withinTolerance: within,
      replicas: within ? current : Math.ceil(usageRatio * current),
    };
  }
  const usageRatio = r.value / (r.target * Math.max(current, 1));
  const within = current > 0 && Math.abs(1 - usageRatio) <= tolerance;
  return {
    name: r.name,
    usageRatio,
    withinTolerance: within,
    replicas: within ? current : Math.ceil(r.value / r.target),
  };
}

export interface HpaState {
  /** Pre-normalisation recommendations of past syncs (seconds since any epoch). */
  recommendations: Array<{ at: number; replicas: number }>;
  /** Replica changes applied: positive up, negative down. */
  events: Array<{ at: number; delta: number }>;
}

export interface HpaSpec {
  min: number;
  max: number;
  scaleUp?: HpaRules;
  scaleDown?: HpaRules;
}

export interface HpaDecision {
  desired: number;
  /** Before stabilisation and rate limits (max of the proposals, clamped to min/max). */
  recommended: number;
  /** What held the decision back, if anything. */
  limitedBy?:
    | 'scale-up stabilisation'
    | 'scale-down stabilisation'
    | 'scale-up policy'
    | 'scale-down policy'
    | 'max'
    | 'min';
}

export function newHpaState(): HpaState {
  return { recommendations: [], events: [] };
}

function rules(given: HpaRules | undefined, defaults: Required<HpaRules>): Required<HpaRules> {
  return {
    stabilizationWindowSeconds: given?.stabilizationWindowSeconds ?? defaults.stabilizationWindowSeconds,
    selectPolicy: given?.selectPolicy ?? defaults.selectPolicy,
    policies: given?.policies?.length ? given.policies : defaults.policies,
  };
}

function changedInPeriod(state: HpaState, now: number, period: number, up: boolean): number {
  return state.events
    .filter((e) => e.at > now - period && (up ? e.delta > 0 : e.delta < 0))
    .reduce((sum, e) => sum + Math.abs(e.delta), 0);
}

function scaleUpLimit(current: number, state: HpaState, now: number, r: Required<HpaRules>): number {
  if (r.selectPolicy === 'Disabled') return current;
  let result = r.selectPolicy === 'Min' ? Infinity : -Infinity;
  for (const p of r.policies as HpaPolicy[]) {
    const start = current - changedInPeriod(state, now, p.periodSeconds, true);
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    result = r.selectPolicy === 'Min' ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

function scaleDownLimit(current: number, state: HpaState, now: number, r: Required<HpaRules>): number {
  if (r.selectPolicy === 'Disabled') return current;
  let result = r.selectPolicy === 'Min' ? -Infinity : Infinity;
  for (const p of r.policies as HpaPolicy[]) {
    const start = current + changedInPeriod(state, now, p.periodSeconds, false);
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = r.selectPolicy === 'Min' ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

/**
 * One HPA sync. `proposals` are this sync's per-metric replica counts (empty: no usable metric,
 * keep the current size). Mutates `state` (records the recommendation; the caller records the
 * applied change with recordScale).
 */
export function hpaSync(
  spec: HpaSpec,
  current: number,
  proposals: readonly number[],
  state: HpaState,
  now: number,
): HpaDecision {
  if (proposals.length === 0) return { desired: current, recommended: current };
  const raw = Math.max(...proposals);
  const up = rules(spec.scaleUp, DEFAULT_SCALE_UP);
  const down = rules(spec.scaleDown, DEFAULT_SCALE_DOWN);
  const min = Math.max(spec.min, 1);
  let limitedBy: HpaDecision['limitedBy'];

  // Stabilisation: up follows the lowest recent recommendation, down the highest.
  let upRec = raw;
  let downRec = raw;
  for (const rec of state.recommendations) {
    if (rec.at > now - up.stabilizationWindowSeconds) upRec = Math.min(upRec, rec.replicas);
    if (rec.at > now - down.stabilizationWindowSeconds) downRec = Math.max(downRec, rec.replicas);
  }
  state.recommendations.push({ at: now, replicas: raw });
  const horizon = Math.max(up.stabilizationWindowSeconds, down.stabilizationWindowSeconds);
  state.recommendations = state.recommendations.filter((r) => r.at > now - horizon);
  let desired = current;
  if (desired < upRec) desired = upRec;
  if (desired > downRec) desired = downRec;
  if (raw > current && desired < raw) limitedBy = 'scale-up stabilisation';
  if (raw < current && desired > raw) limitedBy = 'scale-down stabilisation';

  if (desired > current) {
    const limit = Math.max(scaleUpLimit(current, state, now, up), current);
    const allowed = Math.min(spec.max, limit);
    if (desired > allowed) {
      limitedBy = allowed === spec.max && limit >= spec.max ? 'max' : 'scale-up policy';
      desired = allowed;
    }
  } else if (desired < current) {
    const limit = Math.min(scaleDownLimit(current, state, now, down), current);
    const allowed = Math.max(min, limit);
    if (desired < allowed) {
      limitedBy = allowed === min && limit <= min ? 'min' : 'scale-down policy';
      desired = allowed;
    }
  }
  if (desired > spec.max) {
    desired = spec.max;
    limitedBy = 'max';
  }
  if (desired < min) {
    desired = min;
    limitedBy = 'min';
  }
  const decision: HpaDecision = { desired, recommended: Math.min(Math.max(raw, min), spec.max) };
  if (limitedBy) decision.limitedBy = limitedBy;
  return decision;
}

export function recordScale(state: HpaState, now: number, from: number, to: number): void {
  if (to !== from) state.events.push({ at: now, delta: to - from });
  state.events = state.events.filter((e) => e.at > now - 1800);
}
