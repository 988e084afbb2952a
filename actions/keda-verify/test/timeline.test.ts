// The surge verdict over hand-written timelines: a never-breaching surge is inconclusive, not a
// pass; slow scale-out, no recovery, flapping and missing alerts each fail with their reason.
import { describe, expect, test } from '@jest/globals';
import { judge, type Sample } from '../src/timeline.ts';

const goals = {
  p95Target: 0.4,
  scaleOutWithin: 120,
  recoverWithin: 300,
  maxReplicaChanges: 6,
  expectAlerts: ['LatencyP95AboveSLO'],
};
const s = (t: number, p95: number, replicas: number, firing: string[] = []): Sample => ({
  t,
  phase: 'surge',
  p95,
  burn: 0,
  replicas,
  desired: replicas,
  firing,
  errors: [],
});

describe('judge', () => {
  test('a good surge passes with its measures', () => {
    const v = judge(
      [
        s(0, 0.2, 3),
        s(60, 0.9, 3),
        s(90, 1.2, 6, ['LatencyP95AboveSLO']),
        s(150, 0.6, 12, ['LatencyP95AboveSLO']),
        s(240, 0.3, 12),
        s(300, 0.25, 12),
        s(600, 0.2, 10),
      ],
      goals,
    );
    expect(v).toMatchObject({
      verdict: 'pass',
      breachAt: 60,
      scaleOutSeconds: 30,
      recoverySeconds: 180,
      replicaChanges: 3,
      peakReplicas: 12,
    });
    expect(v.alerts).toEqual({ LatencyP95AboveSLO: { fired: true, resolved: true } });
  });

  test('a surge that never breaches is inconclusive', () => {
    const v = judge([s(0, 0.2, 3), s(60, 0.35, 3), s(120, 0.3, 3)], goals);
    expect(v.verdict).toBe('inconclusive');
    expect(v.reasons[0]).toMatch(/never exceeded the target 0.4 s \(highest 0.35 s\).*raise surge-rate/);
  });

  test('late scale-out, no recovery, a missing alert', () => {
    const v = judge([s(0, 0.2, 3), s(10, 0.9, 3), s(200, 1.1, 4), s(400, 0.9, 4)], goals);
    expect(v.verdict).toBe('fail');
    expect(v.reasons).toEqual([
      'replicas grew 190 s after the p95 breach, later than the 120 s goal',
      'p95 never came back under 0.4 s after the breach at t=10 s (last 0.9 s)',
      'alert LatencyP95AboveSLO never fired',
    ]);
  });

  test('scaling out again after scaling down is oscillation', () => {
    const v = judge(
      [
        s(0, 0.2, 3),
        s(10, 0.9, 6, ['LatencyP95AboveSLO']),
        s(20, 0.3, 3),
        s(30, 0.3, 3),
        s(40, 0.9, 6),
        s(50, 0.3, 6),
      ],
      goals,
    );
    expect(v.verdict).toBe('fail');
    expect(v.reasons.join('\n')).toMatch(/scaled out again at t=40 s after scaling down/);
  });

  test('an alert list that could not be read at the end is not read as "resolved"', () => {
    const unread = { ...s(400, 0.2, 10), firing: null, errors: ['Prometheus at http://p/ is unreachable'] };
    const v = judge(
      [
        s(0, 0.2, 3),
        s(60, 0.9, 3),
        s(90, 1.2, 6, ['LatencyP95AboveSLO']),
        s(240, 0.3, 12, ['LatencyP95AboveSLO']),
        s(300, 0.25, 12, ['LatencyP95AboveSLO']),
        unread,
      ],
      goals,
    );
    expect(v.alerts).toEqual({ LatencyP95AboveSLO: { fired: true, resolved: false } });
    expect(v.verdict).toBe('fail');
    expect(v.reasons).toEqual([
      'alert LatencyP95AboveSLO was still firing at the last readable alert list (t=300 s; 1 later poll(s) could not read it); lengthen settle-duration or check the recovery and Prometheus',
    ]);
  });

  test('no p95 at all is a failure, not a pass', () => {
    expect(judge([{ ...s(0, 0, 3), p95: null }], goals).verdict).toBe('fail');
  });
});
