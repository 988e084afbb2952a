/** Runs an action definition through lib/runtime's execute() (the CLI's path) and captures what it emits. */
import type { ActionDefinition } from '../../lib/action.ts';
import { execute, type Sink } from '../../lib/runtime.ts';

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
