/**
 * The drill's sequence, over ports (levers, probes, load, clock) so every branch is testable:
 * preflight (both paths healthy, every lever in service, else refuse and change nothing) →
 * open-model load → per phase: take the provider out (its Route 53 health check inverted, or its
 * Cloudflare pools disabled), wait until the other carries everything, hold, restore, wait until
 * traffic is back → verdict.
 * Restore always: on an API error, on cancellation and on a wait that runs out, every saved change
 * is put back before the load stops. A provider is never disabled while another one still is.
 */
import type { Logger } from '../../../lib/action.ts';
import type { LoadRun, RequestRecord } from '../../../lib/load/index.ts';
import {
  analysePhase,
  carriedSince,
  decide,
  type DrillEvent,
  type DrillVerdict,
  type PhasePlan,
  type PhaseResult,
} from './analysis.ts';
import type { StateFile } from './state.ts';
import { ProviderError, type Lever, type Provider } from './switches.ts';

export interface DrillSettings {
  rate: number;
  warmUpMs: number;
  holdMs: number;
  /** How long the other provider must carry everything alone before a switch counts as done. */
  settleMs: number;
  /** Longest wait for a switch or a recovery. */
  timeoutMs: number;
  budgetMs: number;
  allowedNon2xx: number;
  dryRun: boolean;
  phases: PhasePlan[];
}

export interface ProbeResult {
  status: number;
  provider: string;
  error?: string;
}

export interface LoadStart {
  rate: number;
  durationMs: number;
  signal: AbortSignal;
  onStart: (startedAtEpochMs: number, elapsedMs: () => number) => void;
  onRecord: (record: RequestRecord) => void;
}

export interface DrillPorts {
  levers: Lever[];
  state: StateFile;
  targets: { target: string; cloudflare?: string; cloudfront?: string };
  probe(url: string): Promise<ProbeResult>;
  /** Pools the drill would disable that the load balancer does not use (empty when not configured). */
  poolsOutsideLoadBalancer?: () => Promise<string[]>;
  runLoad(options: LoadStart): Promise<LoadRun>;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Aborted when the job is cancelled or the process is told to stop. */
  cancel: AbortSignal;
  log: Logger;
}

export interface DrillOutcome extends DrillVerdict {
  preflight: string[];
  phases: PhaseResult[];
  events: DrillEvent[];
  run?: LoadRun;
  /** Levers that could not be restored: a human must act. */
  restoreFailures: Array<{ key: string; error: string }>;
  baselineProvider?: string;
}

export class Refusal extends Error {
  override name = 'Refusal';
}

const PROVIDER_NAMES: Record<Provider, string> = { cloudflare: 'Cloudflare', cloudfront: 'CloudFront' };

export async function preflight(settings: DrillSettings, ports: DrillPorts): Promise<string[]> {
  const lines: string[] = [];
  for (const plan of settings.phases) {
    if (!ports.levers.some((l) => l.provider === plan.disabled))
      throw new Refusal(
        plan.disabled === 'cloudflare'
          ? 'no lever for Cloudflare: set cloudflare-pool-ids (with cloudflare-api-token, cloudflare-account-id) and/or cloudflare-health-check-id'
          : 'no lever for CloudFront: set cloudfront-health-check-id (with aws-access-key-id, aws-secret-access-key)',
      );
  }
  for (let i = 0; i < 3; i++) {
    const r = await ports.probe(ports.targets.target);
    if (r.status < 200 || r.status > 299)
      throw new Refusal(
        `target ${ports.targets.target} is not healthy before the drill (${r.error ?? `HTTP ${r.status}`}); nothing was changed`,
      );
  }
  lines.push(`target answers 2xx`);
  for (const provider of ['cloudflare', 'cloudfront'] as const) {
    const url = ports.targets[provider];
    if (!url) continue;
    const r = await ports.probe(url);
    if (r.status < 200 || r.status > 299)
      throw new Refusal(
        `${PROVIDER_NAMES[provider]} path ${url} is not healthy (${r.error ?? `HTTP ${r.status}`}); a drill would take away the only working path. Nothing was changed`,
      );
    if (r.provider && r.provider !== provider)
      throw new Refusal(`${url} was served by ${r.provider}, not ${provider}: check ${provider}-url`);
    lines.push(
      `${PROVIDER_NAMES[provider]} path answers 2xx${r.provider ? ` (served by ${r.provider})` : ''}`,
    );
  }
  const outside = (await ports.poolsOutsideLoadBalancer?.()) ?? [];
  if (outside.length)
    throw new Refusal(
      `pool(s) ${outside.join(', ')} are not pools of the load balancer; disabling them would prove nothing`,
    );
  for (const lever of ports.levers) {
    const value = await lever.read();
    if (!lever.inService(value))
      throw new Refusal(
        `${lever.description} is already out of service before the drill; put it back (or let the post step restore a saved state) and run again`,
      );
    lines.push(`${lever.description} in service`);
  }
  return lines;
}

export async function runDrill(settings: DrillSettings, ports: DrillPorts): Promise<DrillOutcome> {
  const events: DrillEvent[] = [];
  let preflightLines: string[];
  try {
    preflightLines = await preflight(settings, ports);
  } catch (error) {
    if (error instanceof Refusal || error instanceof ProviderError)
      return {
        verdict: 'refused',
        reasons: [error.message],
        preflight: [],
        phases: [],
        events,
        restoreFailures: [],
      };
    throw error;
  }
  if (settings.dryRun)
    return {
      verdict: 'dry-run',
      reasons: ['dry-run: preflight passed, nothing was changed'],
      preflight: preflightLines,
      phases: [],
      events,
      restoreFailures: [],
    };

  const stopLoad = new AbortController();
  const records: RequestRecord[] = [];
  let elapsed: () => number = () => 0;
  let loadPromise: Promise<LoadRun> | undefined;
  const started = new Promise<void>((resolve, reject) => {
    const load = ports.runLoad({
      rate: settings.rate,
      // The load outlives any sequence of waits; the drill stops it.
      durationMs:
        settings.warmUpMs + settings.phases.length * (2 * settings.timeoutMs + settings.holdMs) + 60_000,
      signal: stopLoad.signal,
      onStart: (_epoch, clock) => {
        elapsed = clock;
        resolve();
      },
      onRecord: (r) => records.push(r),
    });
    load.catch(reject);
    loadPromise = load;
  });
  await started;
  const mark = (kind: DrillEvent['kind'], detail: string, provider?: Provider) => {
    const event: DrillEvent = { atMs: elapsed(), kind, detail };
    if (provider) event.provider = provider;
    events.push(event);
    ports.log.info(`[${(event.atMs / 1000).toFixed(1)} s] ${kind}: ${detail}`);
    return event.atMs;
  };
  const wait = async (ms: number) => {
    if (ports.cancel.aborted) throw new Cancelled();
    await ports.sleep(ms, ports.cancel).catch((error: unknown) => {
      if (ports.cancel.aborted) throw new Cancelled();
      throw error;
    });
  };
  const waitUntil = async (condition: () => boolean, limitMs: number): Promise<boolean> => {
    const deadline = elapsed() + limitMs;
    while (elapsed() < deadline) {
      if (condition()) return true;
      await wait(100);
    }
    return condition();
  };

  mark('warm-up', `open-model load at ${settings.rate} requests/s`);
  const phases: PhaseResult[] = [];
  let abortReason: string | undefined;
  let baseline: string | undefined;
  try {
    await wait(settings.warmUpMs);
    // Responses may still be in flight after a short warm-up; the baseline needs answers.
    await waitUntil(() => mostServed(records) !== undefined, settings.timeoutMs);
    baseline = mostServed(records);
    if (!baseline)
      throw new Refusal(
        `no 2xx response within ${(settings.warmUpMs + settings.timeoutMs) / 1000} s of load; the drill stops before changing anything`,
      );
    for (const plan of settings.phases) {
      let disabledAt: number | undefined;
      for (const lever of ports.levers.filter((l) => l.provider === plan.disabled)) {
        await disable(lever, ports);
        const at = mark(lever.stage, `${lever.description} out of service`, plan.disabled);
        disabledAt ??= at;
      }
      const carried = await waitUntil(
        () => carriedSince(records, plan.carrier, disabledAt!, settings.settleMs),
        settings.timeoutMs,
      );
      if (carried) mark('carried', `${PROVIDER_NAMES[plan.carrier]} carries all traffic`, plan.carrier);
      if (carried) await wait(settings.holdMs);
      const restoredAt = mark('restore', `${PROVIDER_NAMES[plan.disabled]} levers put back`, plan.disabled);
      const failed = await restoreAll(ports);
      phases.push(analysePhase(records, plan, disabledAt!, restoredAt, carried));
      if (failed.length)
        throw new Refusal(
          `could not restore ${plan.disabled} (${failed.map((f) => `${f.key}: ${f.error}`).join('; ')}); the drill stops rather than disable another provider`,
        );
      if (!carried) break;
      const recovered = await waitUntil(
        () => carriedSince(records, baseline!, restoredAt, settings.settleMs),
        settings.timeoutMs,
      );
      if (!recovered) {
        abortReason = `traffic did not return to ${baseline} within ${settings.timeoutMs / 1000} s after restoring ${plan.disabled}; the next phase would disable a provider that may still carry everything`;
        break;
      }
      mark('recovered', `${baseline} carries traffic again`);
    }
  } catch (error) {
    if (error instanceof Cancelled) abortReason = 'cancelled (the job was cancelled or timed out)';
    else if (error instanceof ProviderError) abortReason = `provider API error: ${error.message}`;
    else if (error instanceof Refusal) abortReason = error.message;
    else abortReason = `unexpected error: ${(error as Error).message}`;
    mark('abort', abortReason);
  }
  // Restore before the load stops, so the timeline shows what users saw while levers went back.
  const restoreFailures = await restoreAll(ports);
  mark('end', restoreFailures.length ? 'restore failed for some levers' : 'all levers in service');
  await ports.sleep(Math.min(1000, settings.settleMs), new AbortController().signal);
  stopLoad.abort();
  const run = await loadPromise!;
  // Phases were analysed while requests were still in flight; analyse again on the final records.
  const final = phases.map((p) => analysePhase(run.records, p, p.disabledAtMs, p.restoredAtMs, p.carried));
  const totalNon2xx = run.records.filter((r) => r.status < 200 || r.status > 299).length;
  if (restoreFailures.length)
    abortReason = `${abortReason ? `${abortReason}; ` : ''}RESTORE FAILED for ${restoreFailures.map((f) => `${f.key} (${f.error})`).join(', ')}: put these back by hand`;
  const verdict = decide(final, totalNon2xx, settings, abortReason);
  const outcome: DrillOutcome = {
    ...verdict,
    preflight: preflightLines,
    phases: final,
    events,
    run,
    restoreFailures,
  };
  if (baseline) outcome.baselineProvider = baseline;
  return outcome;
}

class Cancelled extends Error {}

async function disable(lever: Lever, ports: DrillPorts): Promise<void> {
  const others = [...ports.state.disabledProviders()].filter((p) => p !== lever.provider);
  if (others.length)
    throw new Error(`refusing to disable ${lever.provider} while ${others.join(', ')} is still disabled`);
  await ports.state.record({
    key: lever.key,
    provider: lever.provider,
    original: true,
    at: new Date().toISOString(),
  });
  await lever.disable();
}

/** Puts back every saved change, latest first; returns what could not be restored. */
export async function restoreAll(
  ports: Pick<DrillPorts, 'levers' | 'state' | 'log'>,
): Promise<DrillOutcome['restoreFailures']> {
  const failures: DrillOutcome['restoreFailures'] = [];
  for (const change of [...ports.state.changes()].reverse()) {
    const lever = ports.levers.find((l) => l.key === change.key);
    if (!lever) {
      failures.push({ key: change.key, error: 'not configured' });
      continue;
    }
    let lastError: unknown;
    // A restore is worth a second try: a throttled or flaky API must not leave a provider out.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await lever.restore(change.original);
        lastError = undefined;
        break;
      } catch (error) {
        lastError = error;
      }
    }
    if (lastError) failures.push({ key: change.key, error: (lastError as Error).message });
    else {
      await ports.state.forget(change.key);
      ports.log.info(`restored ${lever.description}`);
    }
  }
  return failures;
}

/** The provider that served most 2xx responses: the steady state traffic returns to. */
export function mostServed(records: readonly RequestRecord[]): string | undefined {
  const counts = new Map<string, number>();
  for (const r of records)
    if (r.status >= 200 && r.status <= 299) counts.set(r.provider, (counts.get(r.provider) ?? 0) + 1);
  let best: string | undefined;
  for (const [provider, n] of counts) if (best === undefined || n > counts.get(best)!) best = provider;
  return best;
}
