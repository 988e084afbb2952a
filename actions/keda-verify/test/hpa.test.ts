// The HPA algorithm against hand-computed cases from the Kubernetes documentation's formula
// (desired = ceil(current x value / target), 10 % tolerance) and its behavior rules.
import { describe, expect, test } from '@jest/globals';
import { hpaSync, newHpaState, proposeReplicas, recordScale } from '../src/hpa.ts';

describe('proposeReplicas', () => {
  test.each([
    // Value: 3 replicas, average 20 ms against 5 ms -> 12 (KEDA's own example).
    ['Value', 20, 5, 3, 12, false],
    // AverageValue: 20 messages against 5 per pod -> 4, whatever the current count.
    ['AverageValue', 20, 5, 3, 4, false],
    // Within 10 %: 0.43 / 0.4 = 1.075 -> no change.
    ['Value', 0.43, 0.4, 6, 6, true],
    // Just outside: 0.45 / 0.4 = 1.125 -> ceil(6.75) = 7.
    ['Value', 0.45, 0.4, 6, 7, false],
    // AverageValue tolerance uses value / (target x current): 19 / (5 x 4) = 0.95 -> keep 4.
    ['AverageValue', 19, 5, 4, 4, true],
  ] as const)(
    '%s value %d target %d at %d replicas -> %d',
    (metricType, value, target, current, expected, within) => {
      const p = proposeReplicas({ name: 'm', metricType, value, target }, current);
      expect(p.replicas).toBe(expected);
      expect(p.withinTolerance).toBe(within);
    },
  );
});

describe('hpaSync behavior', () => {
  const spec = {
    min: 3,
    max: 24,
    scaleUp: {
      stabilizationWindowSeconds: 0,
      selectPolicy: 'Max' as const,
      policies: [
        { type: 'Percent' as const, value: 100, periodSeconds: 30 },
        { type: 'Pods' as const, value: 4, periodSeconds: 30 },
      ],
    },
    scaleDown: {
      stabilizationWindowSeconds: 300,
      selectPolicy: 'Min' as const,
      policies: [
        { type: 'Percent' as const, value: 20, periodSeconds: 60 },
        { type: 'Pods' as const, value: 2, periodSeconds: 60 },
      ],
    },
  };

  test('scale-up: the larger of doubling and +4 pods per 30 s (selectPolicy Max), then the ceiling', () => {
    const state = newHpaState();
    const first = hpaSync(spec, 3, [40], state, 0);
    // 100 % of 3 -> 6, +4 -> 7: Max takes 7.
    expect(first).toMatchObject({ desired: 7, limitedBy: 'scale-up policy' });
    recordScale(state, 0, 3, 7);
    // Within the same 30 s period the start is still 3: no further growth.
    expect(hpaSync(spec, 7, [40], state, 15).desired).toBe(7);
    expect(hpaSync(spec, 7, [40], state, 31).desired).toBe(14);
    recordScale(state, 31, 7, 14);
    expect(hpaSync(spec, 14, [40], state, 62)).toMatchObject({ desired: 24, limitedBy: 'max' });
  });

  test('scale-down waits for the 300 s window, then sheds the smaller of 20 % and 2 pods a minute', () => {
    const state = newHpaState();
    expect(hpaSync(spec, 20, [20], state, 0).desired).toBe(20);
    // Lower recommendations inside the window keep the highest one.
    expect(hpaSync(spec, 20, [5], state, 100)).toMatchObject({
      desired: 20,
      limitedBy: 'scale-down stabilisation',
    });
    expect(hpaSync(spec, 20, [5], state, 299).desired).toBe(20);
    // Past 300 s of lows: 20 % of 20 = 4 and 2 pods; selectPolicy Min takes the smaller change.
    const d = hpaSync(spec, 20, [5], state, 401);
    expect(d).toMatchObject({ desired: 18, limitedBy: 'scale-down policy' });
  });

  test('Kubernetes defaults apply without behavior: +4 pods or 100 % per 15 s', () => {
    expect(hpaSync({ min: 1, max: 100 }, 2, [50], newHpaState(), 0).desired).toBe(6);
    expect(hpaSync({ min: 1, max: 100 }, 10, [50], newHpaState(), 0).desired).toBe(20);
  });

  test('no usable metric keeps the current size', () => {
    expect(hpaSync(spec, 7, [], newHpaState(), 0).desired).toBe(7);
  });
});
