/**
 * The contract between an action's domain code and the outside world. An action is a definition:
 * its name, its typed inputs, and run(inputs, context) -> ActionResult. run() never touches
 * process.env or @actions/core; the runner adapter (lib/runtime.ts) and the CLI (cli/) build the
 * context and emit the result, so both go through the same code path.
 */
import type { Annotation, Finding, RuleDescriptor } from './report/types.ts';
import type { InputSpec, InputValues } from './inputs.ts';
import type { Redactor } from './redact.ts';

export interface Logger {
  info(message: string): void;
  debug(message: string): void;
  warning(message: string): void;
}

/** What GitHub tells a job about where it runs; every field optional outside a runner. */
export interface GitHubContext {
  token?: string;
  apiUrl: string;
  serverUrl: string;
  /** owner/repo */
  repository?: string;
  sha?: string;
  ref?: string;
  eventName?: string;
  event?: Record<string, unknown>;
  runId?: string;
  runAttempt?: string;
  actor?: string;
  triggeringActor?: string;
  workflowRef?: string;
}

export interface RunContext {
  /** Absolute path every relative input path resolves against. */
  workspace: string;
  /** A scratch directory owned by this run. */
  tempDir: string;
  github: GitHubContext;
  log: Logger;
  redactor: Redactor;
  now(): Date;
}

export interface SarifReport {
  toolName: string;
  toolVersion?: string;
  informationUri?: string;
  rules: RuleDescriptor[];
  findings: Finding[];
}

export interface ActionResult {
  /** Outputs by their action.yml name; values are strings as GITHUB_OUTPUT carries them. */
  outputs: Record<string, string>;
  annotations: Annotation[];
  /** Markdown for the job summary. */
  summary: string;
  /** When set the step fails with this message (after everything else is emitted). */
  failure?: string;
  /** A check run to publish when a token and a commit are known. */
  checkRun?: { name: string; title: string; conclusion: 'success' | 'failure' | 'neutral'; summary: string };
}

export interface ActionDefinition<S extends InputSpec = InputSpec> {
  /** The directory name under actions/. */
  name: string;
  inputs: S;
  run(inputs: InputValues<S>, context: RunContext): Promise<ActionResult>;
}

export function defineAction<S extends InputSpec>(definition: ActionDefinition<S>): ActionDefinition<S> {
  return definition;
}
