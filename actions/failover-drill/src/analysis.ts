/**
 * Pure analysis of a drill: from the per-request records and the timeline of operator events,
 * each phase's time to the last non-2xx, time until the other provider carried everything, and
 * the verdict against the budget and the allowed errors.
 */
import { buckets, ONLY_2XX, type Bucket, type RequestRecord } from '../../../lib/load/index.ts';
import type { Provider } from './switches.ts';

export type EventKind = 'warm-up' | 'steer' | 'cut' | 'carried' | 'restore' | 'recovered' | 'abort' | 'end';

export interface DrillEvent {
  /** ms since the load started (the records' clock). */
  atMs: number;
  kind: EventKind;
  provider?: Provider;
  detail: string;
}

export interface PhasePlan {
  disabled: Provider;
  carrier: Provider;
}

export interface PhaseResult extends PhasePlan {
  /** When the first lever of `disabled` was switched. */
  disabledAtMs: number;
  /** When its levers were put back; the end of the load when the drill stopped first. */
  restoredAtMs: number;
  requests: number;
  non2xx: number;
  /** From disabledAt to the send time of the last non-2xx in the phase; 0 when there was none. */
  lastNon2xxMs: number;
  /** From disabledAt to the send time of the last request not served (2xx) by the carrier; 0 when none. */
  switchMs: number;
  /** Requests served per provider during the phase. */
  providers: Record<string, number>;
  carried: boolean;
}

export type Verdict = 'pass' | 'fail' | 'aborted' | 'refused' | 'dry-run';

export interface VerdictInputs {
  budgetMs: number;
  allowedNon2xx: number;
}

export interface DrillVerdict {
  verdict: Verdict;
  reasons: string[];
}

const ok = (r: RequestRecord) => r.status >= 200 && r.status <= 299;

export function analysePhase(
  records: readonly RequestRecord[],
  plan: PhasePlan,
  disabledAtMs: number,
  restoredAtMs: number,
  carried: boolean,
): PhaseResult {
  const inPhase = records.filter((r) => r.sentMs >= disabledAtMs && r.sentMs < restoredAtMs);
  let lastBad = -Infinity;
  let lastNotCarried = -Infinity;
  let non2xx = 0;
  const providers: Record<string, number> = {};
  for (const r of inPhase) {
    providers[r.provider] = (providers[r.provider] ?? 0) + 1;
    if (!ok(r)) {
      non2xx++;
      lastBad = Math.max(lastBad, r.sentMs);
    }
    if (!ok(r) || r.provider !== plan.carrier) lastNotCarried = Math.max(lastNotCarried, r.sentMs);
  }
  return {
    ...plan,
    disabledAtMs,
    restoredAtMs,
    requests: inPhase.length,
    non2xx,
    lastNon2xxMs: Number.isFinite(lastBad) ? lastBad - disabledAtMs : 0,
    switchMs: Number.isFinite(lastNotCarried) ? lastNotCarried - disabledAtMs : 0,
    providers,
    carried,
  };
}

/**
 * Whether `carrier` has carried every request alone for `settleMs`: the newest finished requests
 * sent after `sinceMs` span at least settleMs since the last one that was not a 2xx from it.
 */
export function carriedSince(
  records: readonly RequestRecord[],
  carrier: string,
  sinceMs: number,
  settleMs: number,
): boolean {
  let lastBad = sinceMs;
  let lastGood = -Infinity;
  for (const r of records) {
    if (r.sentMs < sinceMs) continue;
    if (ok(r) && r.provider === carrier) lastGood = Math.max(lastGood, r.sentMs);
    else lastBad = Math.max(lastBad, r.sentMs);
  }
  return lastGood - lastBad >= settleMs;
}

export function decide(
  phases: readonly PhaseResult[],
  totalNon2xx: number,
  inputs: VerdictInputs,
  abortReason?: string,
): DrillVerdict {
  if (abortReason) return { verdict: 'aborted', reasons: [abortReason] };
  const reasons: string[] = [];
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  for (const p of phases) {
    const label = `with ${p.disabled} disabled`;
    if (!p.carried) reasons.push(`${label}, ${p.carrier} never carried all traffic`);
    if (p.switchMs > inputs.budgetMs)
      reasons.push(
        `${label}, ${p.carrier} carried all traffic only after ${s(p.switchMs)} (budget ${s(inputs.budgetMs)})`,
      );
    if (p.lastNon2xxMs > inputs.budgetMs)
      reasons.push(
        `${label}, the last non-2xx came ${s(p.lastNon2xxMs)} after the switch (budget ${s(inputs.budgetMs)})`,
      );
  }
  if (totalNon2xx > inputs.allowedNon2xx)
    reasons.push(`${totalNon2xx} non-2xx responses (allowed ${inputs.allowedNon2xx})`);
  return reasons.length ? { verdict: 'fail', reasons } : { verdict: 'pass', reasons: [] };
}

export function timeline(records: readonly RequestRecord[], widthMs = 100): Bucket[] {
  return buckets(records, widthMs, ONLY_2XX);
}
