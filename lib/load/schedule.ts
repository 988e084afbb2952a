/**
 * The open-model arrival schedule: arrival i is due at i × (1000 / rate) ms after the start,
 * whatever happened to the arrivals before it (a slow response never delays the next request —
 * the difference between an open model and a closed one, where a fixed pool of users waits).
 */

export interface ScheduleBounds {
  /** Arrivals per second, above 0. */
  rate: number;
  /** Arrivals are scheduled within [0, durationMs). */
  durationMs?: number;
  /** At most this many arrivals. */
  maxRequests?: number;
}

export class ScheduleError extends Error {
  override name = 'ScheduleError';
}

/** How many arrivals the bounds allow; throws a ScheduleError naming the fix when unbounded or invalid. */
export function plannedArrivals(bounds: ScheduleBounds): number {
  const { rate, durationMs, maxRequests } = bounds;
  if (!Number.isFinite(rate) || rate <= 0)
    throw new ScheduleError(`rate must be a number of requests per second above 0, got ${rate}`);
  if (durationMs === undefined && maxRequests === undefined)
    throw new ScheduleError('a load run needs a bound: set durationMs, maxRequests or both');
  if (durationMs !== undefined && (!Number.isFinite(durationMs) || durationMs < 0))
    throw new ScheduleError(`durationMs must be a finite number of milliseconds >= 0, got ${durationMs}`);
  if (maxRequests !== undefined && (!Number.isInteger(maxRequests) || maxRequests < 0))
    throw new ScheduleError(`maxRequests must be a whole number >= 0, got ${maxRequests}`);
  // The epsilon keeps 1000 ms at 200/s at 200 arrivals despite float error; max(0, …) avoids -0.
  const byDuration =
    durationMs === undefined ? Infinity : Math.max(0, Math.ceil((durationMs * rate) / 1000 - 1e-9));
  return Math.min(byDuration, maxRequests ?? Infinity);
}

/** When arrival `seq` is due, ms after the start. */
export function arrivalTime(seq: number, rate: number): number {
  return (seq * 1000) / rate;
}
