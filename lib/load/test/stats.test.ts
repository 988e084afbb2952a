import { describe, expect, test } from '@jest/globals';
import {
  achievedRate,
  buckets,
  formatSummary,
  ONLY_2XX,
  percentileSorted,
  summarize,
  type RequestRecord,
} from '../stats.ts';
import { arrivalTime, plannedArrivals, ScheduleError } from '../schedule.ts';
import { providerFromHeaders } from '../providers.ts';
import { thrownBy } from '../../../test/support/errors.ts';

function record(
  seq: number,
  sentMs: number,
  latency: number,
  status = 200,
  provider = 'cloudflare',
): RequestRecord {
  return { seq, scheduledMs: sentMs, sentMs, endMs: sentMs + latency, status, provider };
}

describe('percentileSorted (linear interpolation between closest ranks, as k6 and numpy)', () => {
  const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  test.each([
    [0, 1],
    [50, 5.5],
    [90, 9.1],
    [95, 9.55],
    [99, 9.91],
    [100, 10],
  ])('p%d of 1..10 is %d', (p, expected) => {
    expect(percentileSorted(oneToTen, p)).toBeCloseTo(expected, 10);
  });
  test('empty is NaN, one value is itself', () => {
    expect(percentileSorted([], 50)).toBeNaN();
    expect(percentileSorted([7], 99)).toBe(7);
  });
  test('a percentile outside 0-100 is refused', () => {
    expect(thrownBy(() => percentileSorted([1], 101))).toBeInstanceOf(RangeError);
  });
});

describe('summarize', () => {
  const records = [
    record(0, 0, 10),
    record(1, 10, 20, 302),
    record(2, 20, 30, 503, 'cloudfront'),
    { ...record(3, 30, 40, 0, ''), error: 'ECONNREFUSED' },
  ];
  test('k6 shape: count, rate over the window, failures by k6 default (200-399), latency percentiles', () => {
    const s = summarize(records, { targetRate: 100, durationMs: 40, dropped: 1 });
    expect(s.http_reqs).toEqual({ count: 4, rate: 100 });
    expect(s.http_req_failed).toEqual({ count: 2, rate: 0.5 });
    expect(s.http_req_duration.min).toBe(10);
    expect(s.http_req_duration.max).toBe(40);
    expect(s.http_req_duration.p50).toBe(25);
    expect(s.http_req_duration.p99).toBeCloseTo(39.7, 10);
    expect(s.dropped_iterations.count).toBe(1);
    expect(s.statuses).toEqual({ '200': 1, '302': 1, '503': 1, '0': 1 });
    expect(s.providers).toEqual({ cloudflare: 2, cloudfront: 1, '': 1 });
  });
  test('a 2xx-only expectation counts the redirect as a failure', () => {
    expect(summarize(records, { targetRate: 100, expected: ONLY_2XX }).http_req_failed.count).toBe(3);
  });
  test('lateness is send time minus schedule, never negative', () => {
    const late = [
      { ...record(0, 7, 1), scheduledMs: 5 },
      { ...record(1, 9, 1), scheduledMs: 10 },
    ];
    const s = summarize(late, { targetRate: 100 });
    expect(s.schedule_lateness.max).toBe(2);
    expect(s.schedule_lateness.min).toBe(0);
  });
  test('the text block names the metrics k6 users look for', () => {
    const text = formatSummary(summarize(records, { targetRate: 100, durationMs: 40 }));
    expect(text).toMatch(
      /http_req_duration\.+: avg=25\.00ms min=10\.00ms med=25\.00ms max=40\.00ms p\(90\)=37\.00ms/,
    );
    expect(text).toMatch(/http_req_failed\.+: 50\.00% ✓ 2 ✗ 2/);
    expect(text).toMatch(/http_reqs\.+: 4 100\.00\/s/);
  });
  test('achievedRate: n sends over n-1 intervals', () => {
    expect(achievedRate([record(0, 0, 1), record(1, 5, 1), record(2, 10, 1)])).toBe(200);
    expect(achievedRate([record(0, 0, 1)])).toBe(0);
  });
});

describe('buckets', () => {
  test('groups by send time, keeps empty slices, counts statuses and providers', () => {
    const b = buckets(
      [record(0, 5, 1), record(1, 95, 3, 503, 'cloudfront'), record(2, 310, 2, 200, 'cloudfront')],
      100,
    );
    expect(b.map((x) => [x.startMs, x.requests, x.ok, x.failed])).toEqual([
      [0, 2, 1, 1],
      [100, 0, 0, 0],
      [200, 0, 0, 0],
      [300, 1, 1, 0],
    ]);
    expect(b[0]!.providers).toEqual({ cloudflare: 1, cloudfront: 1 });
    expect(b[0]!.statuses).toEqual({ '200': 1, '503': 1 });
    expect(b[0]!.okByProvider).toEqual({ cloudflare: 1 });
    expect(b[1]!.latencyP50).toBeNaN();
  });
  test('a zero width is refused', () => {
    expect(thrownBy(() => buckets([], 0))).toBeInstanceOf(RangeError);
  });
});

describe('schedule', () => {
  test.each([
    [{ rate: 200, durationMs: 1000 }, 200],
    [{ rate: 200, durationMs: 1001 }, 201],
    [{ rate: 3, durationMs: 1000 }, 3],
    [{ rate: 200, maxRequests: 7 }, 7],
    [{ rate: 200, durationMs: 1000, maxRequests: 50 }, 50],
    [{ rate: 200, durationMs: 0 }, 0],
  ])('%j plans %d arrivals', (bounds, expected) => {
    expect(plannedArrivals(bounds)).toBe(expected);
  });
  test.each([
    [{ rate: 200 }, /needs a bound/],
    [{ rate: 0, durationMs: 10 }, /rate must be .* above 0, got 0/],
    [{ rate: Number.NaN, durationMs: 10 }, /rate must be/],
    [{ rate: 10, maxRequests: 1.5 }, /maxRequests must be a whole number/],
    [{ rate: 10, durationMs: -1 }, /durationMs must be/],
  ])('%j is refused', (bounds, message) => {
    const error = thrownBy(() => plannedArrivals(bounds));
    expect(error).toBeInstanceOf(ScheduleError);
    expect((error as Error).message).toMatch(message);
  });
  test('arrivals are evenly spaced by 1/rate', () => {
    expect(arrivalTime(0, 200)).toBe(0);
    expect(arrivalTime(3, 200)).toBe(15);
    expect(arrivalTime(5000, 5000)).toBe(1000);
  });
});

describe('providerFromHeaders', () => {
  const from = (headers: Record<string, string>) => providerFromHeaders((n) => headers[n]);
  test.each([
    [{ 'cf-ray': '8c1a2b3c4d5e6f70-IAD' }, { provider: 'cloudflare', pop: 'IAD' }],
    [{ 'cf-ray': 'nodash' }, { provider: 'cloudflare' }],
    [
      { 'x-amz-cf-pop': 'IAD89-C1', 'x-amz-cf-id': 'abc' },
      { provider: 'cloudfront', pop: 'IAD89-C1' },
    ],
    [{ 'x-amz-cf-id': 'abc' }, { provider: 'cloudfront' }],
    [{ server: 'nginx' }, { provider: '' }],
  ])('%j -> %j', (headers, expected) => {
    expect(from(headers)).toEqual(expected);
  });
  test('a repeated header uses its first value', () => {
    expect(providerFromHeaders(() => ['a-SJC', 'b-IAD'])).toEqual({ provider: 'cloudflare', pop: 'SJC' });
  });
});
