/**
 * The surge driver on the shared open-model load generator (lib/load): one constant-rate run per
 * phase (baseline, surge, settle), arrivals never waiting for responses, so a saturated service
 * cannot slow the surge down. Keeps each phase's k6-shaped summary as the load evidence.
 */
import { runLoad, type LoadSummary } from '../../../lib/load/index.ts';
import type { LoadPhase, SurgeDriver } from './surge.ts';

export interface PhaseOutput {
  phase: LoadPhase['name'];
  rate: number;
  seconds: number;
  summary: LoadSummary;
}

export const openModelDriver: SurgeDriver = {
  async run(url, phases, signal) {
    const out: PhaseOutput[] = [];
    for (const p of phases) {
      if (signal.aborted) break;
      const run = await runLoad({
        url,
        rate: p.rate,
        durationMs: p.seconds * 1000,
        signal,
        timeoutMs: 10_000,
        drainTimeoutMs: 2_000,
      });
      out.push({ phase: p.name, rate: p.rate, seconds: p.seconds, summary: run.summary });
    }
    return out;
  },
};
