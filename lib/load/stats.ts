/**
 * Pure statistics over the per-request records of a load run: percentiles, the k6-shaped summary
 * (requests, rate, failures, latency p50/p90/p95/p99) and fixed-width time buckets. No I/O and no
 * clock, so the CLI, the drill and the benchmarks compute the same figures from the same records.
 */

/** One request as the generator saw it. Times are milliseconds since the run started (monotonic). */
export interface RequestRecord {
  /** Arrival number, 0-based, in schedule order. */
  seq: number;
  /** When the open-model schedule wanted this request sent. */
  scheduledMs: number;
  /** When it was actually handed to the transport. */
  sentMs: number;
  /** When the response (headers and body) ended or the request failed. */
  endMs: number;
  /** HTTP status; 0 when no response arrived (connection error, timeout, abort). */
  status: number;
  /** Which provider served it (from response headers), e.g. cloudflare, cloudfront; '' unknown. */
  provider: string;
  /** Why no response arrived (never contains a header value or URL credentials). */
  error?: string;
}

/** A status range counted as success; k6's default `expected_response` is 200–399. */
export interface ExpectedStatuses {
  min: number;
  max: number;
}

export const K6_EXPECTED: ExpectedStatuses = { min: 200, max: 399 };
export const ONLY_2XX: ExpectedStatuses = { min: 200, max: 299 };

export function isExpected(status: number, expected: ExpectedStatuses = K6_EXPECTED): boolean {
  return status >= expected.min && status <= expected.max;
}

/**
 * The p-th percentile (0–100) of values sorted ascending, by linear interpolation between the
 * closest ranks — the method k6 uses for its trend metrics. NaN for an empty list.
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  if (p < 0 || p > 100 || Number.isNaN(p)) throw new RangeError(`percentile must be within 0–100, got ${p}`);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (n === 1) return sorted[0]!;
  const rank = (p / 100) * (n - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const fraction = rank - low;
  return sorted[low]! + (sorted[high]! - sorted[low]!) * fraction;
}

export interface Distribution {
  count: number;
  avg: number;
  min: number;
  med: number;
  max: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
}

export function distribution(values: ArrayLike<number>): Distribution {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  const n = sorted.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i]!;
  const p50 = percentileSorted(sorted, 50);
  return {
    count: n,
    avg: n ? total / n : Number.NaN,
    min: n ? sorted[0]! : Number.NaN,
    med: p50,
    max: n ? sorted[n - 1]! : Number.NaN,
    p50,
    p90: percentileSorted(sorted, 90),
    p95: percentileSorted(sorted, 95),
    p99: percentileSorted(sorted, 99),
  };
}

/** The end-of-test summary, in the metric names and shape k6 users read (`--summary-export`). */
export interface LoadSummary {
  /** Requests that were sent (k6 `http_reqs`); rate is per second of the measured window. */
  http_reqs: { count: number; rate: number };
  /** Requests outside the expected statuses or without a response (k6 `http_req_failed`). */
  http_req_failed: { count: number; rate: number };
  /** Send to end of body, milliseconds (k6 `http_req_duration`). */
  http_req_duration: Distribution;
  /** Arrivals that were never sent because the in-flight cap was reached (k6 `dropped_iterations`). */
  dropped_iterations: { count: number };
  /** How late each request left against its schedule, milliseconds (not in k6; the generator's accuracy). */
  schedule_lateness: Distribution;
  /** The configured arrival rate, requests per second. */
  target_rate: number;
  /** From the first scheduled arrival to the last response, milliseconds. */
  duration_ms: number;
  /** Requests per status code ('0' = no response). */
  statuses: Record<string, number>;
  /** Requests per serving provider ('' = not identified). */
  providers: Record<string, number>;
}

export interface SummaryOptions {
  targetRate: number;
  /** The window the rate is computed over; default: first schedule slot to last completion. */
  durationMs?: number;
  dropped?: number;
  expected?: ExpectedStatuses;
}

export function summarize(records: readonly RequestRecord[], options: SummaryOptions): LoadSummary {
  const expected = options.expected ?? K6_EXPECTED;
  const latencies = new Float64Array(records.length);
  const lateness = new Float64Array(records.length);
  const statuses: Record<string, number> = {};
  const providers: Record<string, number> = {};
  let failed = 0;
  let end = 0;
  records.forEach((r, i) => {
    latencies[i] = r.endMs - r.sentMs;
    lateness[i] = Math.max(0, r.sentMs - r.scheduledMs);
    if (!isExpected(r.status, expected)) failed++;
    statuses[String(r.status)] = (statuses[String(r.status)] ?? 0) + 1;
    providers[r.provider] = (providers[r.provider] ?? 0) + 1;
    if (r.endMs > end) end = r.endMs;
  });
  const durationMs = options.durationMs ?? end;
  const seconds = durationMs / 1000;
  return {
    http_reqs: { count: records.length, rate: seconds > 0 ? records.length / seconds : 0 },
    http_req_failed: { count: failed, rate: records.length ? failed / records.length : 0 },
    http_req_duration: distribution(latencies),
    dropped_iterations: { count: options.dropped ?? 0 },
    schedule_lateness: distribution(lateness),
    target_rate: options.targetRate,
    duration_ms: durationMs,
    statuses,
    providers,
  };
}

/** Rate achieved while the schedule was running: sent requests over the scheduled window. */
export function achievedRate(records: readonly RequestRecord[]): number {
  if (records.length < 2) return 0;
  let first = Infinity;
  let last = -Infinity;
  for (const r of records) {
    if (r.sentMs < first) first = r.sentMs;
    if (r.sentMs > last) last = r.sentMs;
  }
  // n arrivals span n-1 intervals.
  return last > first ? ((records.length - 1) * 1000) / (last - first) : 0;
}

function ms(value: number): string {
  if (Number.isNaN(value)) return '-';
  if (value >= 1000) return `${(value / 1000).toFixed(2)}s`;
  return `${value.toFixed(2)}ms`;
}

/** The summary as the text block k6 prints at the end of a run. */
export function formatSummary(summary: LoadSummary): string {
  const d = summary.http_req_duration;
  const l = summary.schedule_lateness;
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const line = (name: string, value: string) => `     ${name.padEnd(22, '.')}: ${value}`;
  return [
    line(
      'http_req_duration',
      `avg=${ms(d.avg)} min=${ms(d.min)} med=${ms(d.med)} max=${ms(d.max)} p(90)=${ms(d.p90)} p(95)=${ms(d.p95)} p(99)=${ms(d.p99)}`,
    ),
    line(
      'http_req_failed',
      `${pct(summary.http_req_failed.rate)} ✓ ${summary.http_req_failed.count} ✗ ${summary.http_reqs.count - summary.http_req_failed.count}`,
    ),
    line('http_reqs', `${summary.http_reqs.count} ${summary.http_reqs.rate.toFixed(2)}/s`),
    line('dropped_iterations', String(summary.dropped_iterations.count)),
    line('schedule_lateness', `p(50)=${ms(l.p50)} p(99)=${ms(l.p99)} max=${ms(l.max)}`),
  ].join('\n');
}

/** One fixed-width slice of a run (the drill's 100 ms timeline). */
export interface Bucket {
  /** Start of the slice, ms since the run started. */
  startMs: number;
  requests: number;
  /** Responses in the expected statuses. */
  ok: number;
  /** Everything else, including no response. */
  failed: number;
  statuses: Record<string, number>;
  providers: Record<string, number>;
  /** Responses in the expected statuses, per serving provider. */
  okByProvider: Record<string, number>;
  /** Requests without a response, per reason (ECONNRESET, timeout after … ms). */
  errors: Record<string, number>;
  latencyP50: number;
  latencyP99: number;
}

/**
 * Groups records into `widthMs` slices by when they were sent (the moment a user would have made
 * the request), from 0 to the last send; slices without requests are kept so gaps are visible.
 */
export function buckets(
  records: readonly RequestRecord[],
  widthMs: number,
  expected: ExpectedStatuses = K6_EXPECTED,
): Bucket[] {
  if (!(widthMs > 0)) throw new RangeError(`bucket width must be above 0 ms, got ${widthMs}`);
  let last = 0;
  for (const r of records) if (r.sentMs > last) last = r.sentMs;
  const count = records.length ? Math.floor(last / widthMs) + 1 : 0;
  const groups: RequestRecord[][] = Array.from({ length: count }, () => []);
  for (const r of records) groups[Math.max(0, Math.floor(r.sentMs / widthMs))]!.push(r);
  return groups.map((group, i) => {
    const statuses: Record<string, number> = {};
    const providers: Record<string, number> = {};
    const okByProvider: Record<string, number> = {};
    const errors: Record<string, number> = {};
    let ok = 0;
    const latencies = new Float64Array(group.length);
    group.forEach((r, j) => {
      statuses[String(r.status)] = (statuses[String(r.status)] ?? 0) + 1;
      providers[r.provider] = (providers[r.provider] ?? 0) + 1;
      if (r.error) errors[r.error] = (errors[r.error] ?? 0) + 1;
      if (isExpected(r.status, expected)) {
        ok++;
        okByProvider[r.provider] = (okByProvider[r.provider] ?? 0) + 1;
      }
      latencies[j] = r.endMs - r.sentMs;
    });
    latencies.sort();
    return {
      startMs: i * widthMs,
      requests: group.length,
      ok,
      failed: group.length - ok,
      statuses,
      providers,
      okByProvider,
      errors,
      latencyP50: percentileSorted(latencies, 50),
      latencyP99: percentileSorted(latencies, 99),
    };
  });
}
