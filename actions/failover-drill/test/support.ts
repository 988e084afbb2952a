/** Runs failover-drill's definitions through lib/runtime's execute() (the CLI's path) against the edge lab. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionDefinition } from '../../../lib/action.ts';
import { execute, type Sink } from '../../../lib/runtime.ts';
import { startEdgeLab, type EdgeLab, type EdgeLabOptions } from '../../../lab/edge/lab.ts';
import { onCleanup } from '../../../test/support/cleanup.ts';

export interface Captured {
  exitCode: number;
  log: string[];
  annotations: string[];
  outputs: Record<string, string>;
  summary: string;
  failure?: string;
  /** Everything the run emitted, to search for leaked secrets. */
  all(): string;
}

export async function runDefinition(
  definition: ActionDefinition,
  inputs: Record<string, string>,
  workspace: string,
): Promise<Captured> {
  const captured: Captured = {
    exitCode: -1,
    log: [],
    annotations: [],
    outputs: {},
    summary: '',
    all: () =>
      [
        ...captured.log,
        ...captured.annotations,
        JSON.stringify(captured.outputs),
        captured.summary,
        captured.failure ?? '',
      ].join('\n'),
  };
  const sink: Sink = {
    info: (m) => captured.log.push(m),
    debug: (m) => captured.log.push(m),
    annotate: (a) => captured.annotations.push(`${a.level}: ${a.message}`),
    setOutput: (n, v) => (captured.outputs[n] = v),
    writeSummary: async (m) => {
      captured.summary += m;
    },
    fail: (m) => (captured.failure = m),
  };
  const { exitCode } = await execute(definition, (name) => inputs[name], sink, {
    env: { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: workspace },
  });
  captured.exitCode = exitCode;
  return captured;
}

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
