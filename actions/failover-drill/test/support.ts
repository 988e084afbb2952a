/** failover-drill's tests: the edge lab, a workspace, and drill timings scaled like the lab. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEdgeLab, type EdgeLab, type EdgeLabOptions } from '../../../lab/edge/lab.ts';
import { onCleanup } from '../../../test/support/cleanup.ts';

export { runDefinition, type Captured } from '../../../test/support/action-run.ts';

/** Timings for tests: the Terraform's seconds become centiseconds (10 s interval -> 100 ms). */
export const TEST_SCALE = 0.01;

export const FAST_DRILL = {
  rate: '200',
  'warm-up': '300ms',
  hold: '200ms',
  settle: '200ms',
  timeout: '3s',
  'api-timeout': '500ms',
};

/**
 * For drills a test expects to pass. The timeouts only bound how long the drill waits for
 * something that is late; on a loaded CI machine (other suites starting PostgreSQL, PGlite and
 * Prometheus beside this one) the lab's health-check timers fire seconds late, and a 3 s wait for
 * traffic to return then aborts a drill that was going to pass. The switch itself is still judged
 * against the Terraform's bound, so the longer waits hide no slow failover.
 */
export const PASSING_DRILL = { ...FAST_DRILL, timeout: '15s', 'api-timeout': '5s' };

export async function labAndWorkspace(
  options: EdgeLabOptions = {},
): Promise<{ lab: EdgeLab; workspace: string }> {
  const lab = await startEdgeLab({ timeScale: TEST_SCALE, ...options });
  onCleanup(() => lab.stop());
  const workspace = await mkdtemp(join(tmpdir(), 'failover-drill-'));
  onCleanup(() => rm(workspace, { recursive: true, force: true }));
  return { lab, workspace };
}

/** The lab's levers: pools' enabled flags and health checks' inverted flags, in a fixed order. */
export function labIsRestored(lab: EdgeLab): { pools: boolean[]; inverted: boolean[] } {
  return {
    pools: [...lab.cloudflareApi.pools.values()].map((p) => p.enabled),
    inverted: [...lab.route53Api.healthChecks.values()].map((h) => h.inverted),
  };
}
