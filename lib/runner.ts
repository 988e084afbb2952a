/**
 * The GitHub runner adapter: the only module that talks to @actions/core. Each action's
 * src/index.ts is one line: `await runOnGitHub(definition)`.
 */
import * as core from '@actions/core';
import type { ActionDefinition } from './action.ts';
import type { InputSpec } from './inputs.ts';
import { currentRedactor, execute, safeErrorMessage, type Sink } from './runtime.ts';
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

/**
 * The last line of defence: an error nobody caught prints its name and a masked, truncated message
 * — never Node's default dump of the message and stack, which can carry file content or a secret.
 */
export function failSafely(error: unknown): void {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  core.setFailed(`Unexpected ${name}: ${safeErrorMessage(message, currentRedactor())}`);
  process.exitCode = 1;
}

let handlersInstalled = false;

export async function runOnGitHub<S extends InputSpec>(definition: ActionDefinition<S>): Promise<void> {
  if (!handlersInstalled) {
    handlersInstalled = true;
    process.on('uncaughtException', failSafely);
    process.on('unhandledRejection', failSafely);
  }
  try {
    const { exitCode } = await execute(definition, runnerInput, runnerSink, {
      env: process.env,
      publishCheckRun: (result, github, redactor, annotations) =>
        publishResultCheckRun(result, github, redactor, annotations),
    });
    process.exitCode = exitCode;
  } catch (error) {
    failSafely(error);
  }
}
