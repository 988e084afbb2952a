/**
 * The open-model driver: sends arrival i at its scheduled time (lib/load/schedule.ts) through a
 * Sender without waiting for earlier responses, and records when each request was due, when it
 * left, when it ended, its status and who served it. Bounded by count and duration; an in-flight
 * cap turns arrivals that cannot be sent into counted drops instead of unbounded memory.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as immediate, setTimeout as sleep } from 'node:timers/promises';
import { arrivalTime, plannedArrivals, ScheduleError } from './schedule.ts';
import { summarize, type ExpectedStatuses, type LoadSummary, type RequestRecord } from './stats.ts';

/** What a transport reports for one request. It must resolve (never reject): failures are data. */
export interface SendOutcome {
  status: number;
  provider: string;
  error?: string;
}

export type Sender = (seq: number, signal: AbortSignal) => Promise<SendOutcome>;

export interface OpenModelOptions {
  /** Arrivals per second. */
  rate: number;
  /** Schedule window in ms; at least one of durationMs / maxRequests. */
  durationMs?: number;
  maxRequests?: number;
  /** Arrivals beyond this many unanswered requests are dropped and counted. Default max(1000, 30 s of arrivals). */
  maxInFlight?: number;
  /** Stops scheduling new arrivals; requests in flight get the drain time. */
  signal?: AbortSignal;
  /** After the schedule ends, how long to wait for responses before aborting them. Default 10 000. */
  drainTimeoutMs?: number;
  /** Called once with the wall-clock time of schedule slot 0, before the first request (to align events with records). */
  onStart?: (startedAtEpochMs: number, elapsedMs: () => number) => void;
  /** Called for every finished request, in completion order (live timelines). */
  onRecord?: (record: RequestRecord) => void;
  /** Which statuses the summary counts as success. Default k6's 200–399. */
  expected?: ExpectedStatuses;
}

export interface LoadRun {
  /** Wall-clock time of schedule slot 0, epoch ms; add a record's ms to get its timestamp. */
  startedAtEpochMs: number;
  /** Sorted by seq. */
  records: RequestRecord[];
  dropped: number;
  stoppedBy: 'schedule' | 'signal';
  summary: LoadSummary;
}

export async function runOpenModel(options: OpenModelOptions, send: Sender): Promise<LoadRun> {
  const total = plannedArrivals(options);
  const rate = options.rate;
  const maxInFlight = options.maxInFlight ?? Math.max(1000, Math.ceil(rate * 30));
  if (!(maxInFlight >= 1)) throw new ScheduleError(`maxInFlight must be at least 1, got ${maxInFlight}`);
  const drainTimeoutMs = options.drainTimeoutMs ?? 10_000;
  const inFlightAbort = new AbortController();
  const records: RequestRecord[] = [];
  const pending = new Set<Promise<void>>();
  let dropped = 0;

  const start = performance.now();
  const startedAtEpochMs = performance.timeOrigin + start;
  const elapsed = () => performance.now() - start;
  options.onStart?.(startedAtEpochMs, elapsed);

  const fire = (seq: number) => {
    if (pending.size >= maxInFlight) {
      dropped++;
      return;
    }
    const scheduledMs = arrivalTime(seq, rate);
    const sentMs = elapsed();
    const done = send(seq, inFlightAbort.signal)
      .catch((error: unknown): SendOutcome => ({ status: 0, provider: '', error: describe(error) }))
      .then((outcome) => {
        const record: RequestRecord = {
          seq,
          scheduledMs,
          sentMs,
          endMs: elapsed(),
          status: outcome.status,
          provider: outcome.provider,
        };
        if (outcome.error) record.error = outcome.error;
        records.push(record);
        options.onRecord?.(record);
      })
      .finally(() => pending.delete(done));
    pending.add(done);
  };

  let next = 0;
  let stoppedBy: LoadRun['stoppedBy'] = 'schedule';
  while (next < total) {
    if (options.signal?.aborted) {
      stoppedBy = 'signal';
      break;
    }
    const now = elapsed();
    // Catch up on every arrival that is due: a late timer must not lower the rate.
    while (next < total && arrivalTime(next, rate) <= now) fire(next++);
    if (next >= total) break;
    const wait = arrivalTime(next, rate) - elapsed();
    // Sleep on a timer, never spin: a busy loop would take the CPU the transport (and, on a shared
    // machine, the target) needs. A timer fires up to ~1 ms late; the catch-up above absorbs it.
    if (wait >= 1) await sleep(Math.floor(wait));
    else await immediate();
  }

  if (pending.size > 0) {
    let timer: NodeJS.Timeout | undefined;
    const drained = Promise.all(pending).then(() => 'drained' as const);
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), drainTimeoutMs);
    });
    const outcome = await Promise.race([drained, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      inFlightAbort.abort(new Error(`still unanswered ${drainTimeoutMs} ms after the schedule ended`));
      await Promise.all(pending);
    }
  }

  records.sort((a, b) => a.seq - b.seq);
  // The rate is over the scheduled window (n slots of 1/rate), as k6 reports it for a constant arrival rate.
  let window = arrivalTime(next, rate);
  for (const r of records) if (r.sentMs > window) window = r.sentMs;
  const summaryOptions: Parameters<typeof summarize>[1] = { targetRate: rate, durationMs: window, dropped };
  if (options.expected) summaryOptions.expected = options.expected;
  return { startedAtEpochMs, records, dropped, stoppedBy, summary: summarize(records, summaryOptions) };
}

function describe(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message ?? error.name;
  return String(error);
}
