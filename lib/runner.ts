/**
 * The GitHub runner adapter: the only module that talks to @actions/core. Each action's
 * src/index.ts is one line: `await runOnGitHub(definition)`.
 */
import * as core from '@actions/core';
import type { ActionDefinition } from './action.ts';
import type { InputSpec } from './inputs.ts';
import { execute, type Sink } from './runtime.ts';
import { publishResultCheckRun } from './report/check-run.ts';

export const runnerSink: Sink = {
  info: (message) => core.info(message),
  debug: (message) => core.debug(message),
  annotate: (a) => {
    const properties: core.AnnotationProperties = {};
    if (a.title) properties.title = a.title;
    if (a.file) properties.file = a.file;
    if (a.line !== undefined) properties.startLine = a.line;
    if (a.endLine !== undefined) properties.endLine = a.endLine;
    // GitHub ignores columns on multi-line annotations; sending them anyway makes it drop the annotation.
    if (a.column !== undefined && (a.endLine === undefined || a.endLine === a.line))
      properties.startColumn = a.column;
    if (a.endColumn !== undefined && (a.endLine === undefined || a.endLine === a.line))
      properties.endColumn = a.endColumn;
    if (a.level === 'error') core.error(a.message, properties);
    else if (a.level === 'warning') core.warning(a.message, properties);
    else core.notice(a.message, properties);
  },
  setOutput: (name, value) => core.setOutput(name, value),
  writeSummary: async (markdown) => {
    if (!process.env['GITHUB_STEP_SUMMARY']) return;
    await core.summary.addRaw(markdown, true).write();
  },
  fail: (message) => core.setFailed(message),
};

/** Reads INPUT_* exactly as the runner sets them: upper case, spaces to '_', hyphens kept. */
export function runnerInput(name: string): string | undefined {
  return process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
}

export async function runOnGitHub<S extends InputSpec>(definition: ActionDefinition<S>): Promise<void> {
  const { exitCode } = await execute(definition, runnerInput, runnerSink, {
    env: process.env,
    publishCheckRun: (result, github, redactor, annotations) =>
      publishResultCheckRun(result, github, redactor, annotations),
  });
  process.exitCode = exitCode;
}
