/**
 * The surge verdict from a timeline of samples (pure): the p95 breach, the first scale-out, the
 * recovery under target, flapping (too many replica changes, or a scale-out after a scale-down)
 * and the expected alerts fired and resolved. A surge that never breaches proves nothing and is
 * inconclusive, never a pass.
 */

export interface Sample {
  /** Seconds since the observation started. */
  t: number;
  phase: 'baseline' | 'surge' | 'settle';
  p95: number | null;
  burn: number | null;
  replicas: number | null;
  desired: number | null;
  /** Alerts firing at this poll; null when the alert list could not be read (unknown, not none). */
  firing: string[] | null;
  errors: string[];
}

export interface Goals {
  p95Target: number;
  scaleOutWithin: number;
  recoverWithin: number;
  maxReplicaChanges: number;
  expectAlerts: string[];
}

export interface Verdict {
  verdict: 'pass' | 'fail' | 'inconclusive';
  reasons: string[];
  breachAt?: number;
  scaleOutAt?: number;
  recoveredAt?: number;
  scaleOutSeconds?: number;
  recoverySeconds?: number;
  replicaChanges: number;
  peakReplicas?: number;
  alerts: Record<string, { fired: boolean; resolved: boolean }>;
}

export function judge(samples: readonly Sample[], goals: Goals): Verdict {
  const reasons: string[] = [];
  const alerts: Verdict['alerts'] = {};
  const withReplicas = samples.filter((s) => s.replicas !== null);
  let changes = 0;
  let reversal: number | undefined;
  let lastDirection = 0;
  for (let i = 1; i < withReplicas.length; i++) {
    const d = withReplicas[i]!.replicas! - withReplicas[i - 1]!.replicas!;
    if (d === 0) continue;
    changes++;
    if (d > 0 && lastDirection < 0 && reversal === undefined) reversal = withReplicas[i]!.t;
    lastDirection = Math.sign(d);
  }
  const peak = withReplicas.length ? Math.max(...withReplicas.map((s) => s.replicas!)) : undefined;
  const base: Verdict = { verdict: 'pass', reasons, replicaChanges: changes, alerts };
  if (peak !== undefined) base.peakReplicas = peak;

  const p95s = samples.filter((s) => s.p95 !== null);
  if (p95s.length === 0) {
    reasons.push('no p95 sample could be read from Prometheus during the whole run');
    return { ...base, verdict: 'fail' };
  }
  const breach = p95s.find((s) => s.p95! > goals.p95Target);
  if (!breach) {
    const max = Math.max(...p95s.map((s) => s.p95!));
    reasons.push(
      `p95 never exceeded the target ${goals.p95Target} s (highest ${+max.toFixed(3)} s): the surge did not stress the service, so scaling was not exercised; raise surge-rate or surge-duration`,
    );
    return { ...base, verdict: 'inconclusive' };
  }
  base.breachAt = breach.t;
  const start = withReplicas[0]?.replicas ?? null;
  const grew = start === null ? undefined : withReplicas.find((s) => s.replicas! > start);
  if (grew) {
    base.scaleOutAt = grew.t;
    base.scaleOutSeconds = Math.max(0, +(grew.t - breach.t).toFixed(1));
  }
  if (!grew)
    reasons.push(
      `replicas never grew (stayed at ${start ?? '?'}) after p95 breached ${goals.p95Target} s at t=${breach.t.toFixed(0)} s`,
    );
  else if (base.scaleOutSeconds! > goals.scaleOutWithin)
    reasons.push(
      `replicas grew ${base.scaleOutSeconds} s after the p95 breach, later than the ${goals.scaleOutWithin} s goal`,
    );

  const after = p95s.filter((s) => s.t > breach.t);
  const recovered = after.find(
    (s, i) =>
      s.p95! <= goals.p95Target && (after[i + 1] === undefined || after[i + 1]!.p95! <= goals.p95Target),
  );
  if (recovered) {
    base.recoveredAt = recovered.t;
    base.recoverySeconds = +(recovered.t - breach.t).toFixed(1);
  }
  if (!recovered || base.recoverySeconds! > goals.recoverWithin)
    reasons.push(
      recovered
        ? `p95 came back under ${goals.p95Target} s only ${base.recoverySeconds} s after the breach, later than the ${goals.recoverWithin} s goal`
        : `p95 never came back under ${goals.p95Target} s after the breach at t=${breach.t.toFixed(0)} s (last ${+p95s[p95s.length - 1]!.p95!.toFixed(3)} s)`,
    );
  if (changes > goals.maxReplicaChanges)
    reasons.push(
      `replicas changed ${changes} times (limit ${goals.maxReplicaChanges}): the autoscaler is flapping`,
    );
  if (reversal !== undefined)
    reasons.push(
      `replicas scaled out again at t=${reversal.toFixed(0)} s after scaling down: the autoscaler oscillates (add scale-down stabilisation)`,
    );

  // An unreadable alert list says nothing: "resolved" is judged on the last list actually read.
  const read = samples.filter((s): s is Sample & { firing: string[] } => s.firing !== null);
  const last = read[read.length - 1];
  const unreadAfter = last ? samples.length - 1 - samples.lastIndexOf(last) : samples.length;
  for (const name of goals.expectAlerts) {
    const fired = read.some((s) => s.firing.includes(name));
    const resolved = fired && !!last && !last.firing.includes(name);
    alerts[name] = { fired, resolved };
    if (!fired) reasons.push(`alert ${name} never fired`);
    else if (!resolved)
      reasons.push(
        unreadAfter > 0
          ? `alert ${name} was still firing at the last readable alert list (t=${last!.t.toFixed(0)} s; ${unreadAfter} later poll(s) could not read it); lengthen settle-duration or check the recovery and Prometheus`
          : `alert ${name} was still firing at the end; lengthen settle-duration or check the recovery`,
      );
  }
  return { ...base, verdict: reasons.length ? 'fail' : 'pass' };
}
