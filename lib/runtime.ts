/**
 * Runs an ActionDefinition: reads inputs, builds the RunContext, calls run(), and emits the result
 * through a Sink — the GitHub runner (workflow commands, GITHUB_OUTPUT, the job summary) or the
 * terminal (the CLI). Both paths share execute(), so what the CLI prints is what the runner shows.
 * Every string leaves through the redactor; every error becomes a clear, failing message.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, isAbsolute } from 'node:path';
import type { ActionDefinition, ActionResult, GitHubContext, Logger, RunContext } from './action.ts';
import { ConfigError } from './config.ts';
import { InputError, InputErrors, readInputs, type InputSpec, type RawInputSource } from './inputs.ts';
import { Redactor } from './redact.ts';
import type { Annotation } from './report/types.ts';

export interface Sink {
  info(message: string): void;
  debug(message: string): void;
  annotate(annotation: Annotation): void;
  setOutput(name: string, value: string): void;
  writeSummary(markdown: string): Promise<void>;
  fail(message: string): void;
}

export interface ExecuteOptions {
  /** Environment variables describing the job (process.env on a runner). */
  env: Record<string, string | undefined>;
  /** Publishes a check run; absent in the CLI. A run that was not published is reported as a notice. */
  publishCheckRun?: (
    result: ActionResult,
    github: GitHubContext,
    redactor: Redactor,
    annotations: Annotation[],
  ) => Promise<{ published: boolean; message: string }>;
  now?: () => Date;
}

export interface Execution {
  result?: ActionResult;
  /** 0 on success, 1 when the step failed, 2 when its inputs were invalid. */
  exitCode: number;
}

export async function execute<S extends InputSpec>(
  definition: ActionDefinition<S>,
  source: RawInputSource,
  sink: Sink,
  options: ExecuteOptions,
): Promise<Execution> {
  const redactor = new Redactor();
  for (const [name, descriptor] of Object.entries(definition.inputs)) {
    if (descriptor.secret) redactor.addSecret(source(name));
  }
  const safe = (text: string) => redactor.redact(text);
  const log: Logger = {
    info: (m) => sink.info(safe(m)),
    debug: (m) => sink.debug(safe(m)),
    warning: (m) => sink.annotate({ level: 'warning', message: safe(m) }),
  };
  const workspace = options.env['GITHUB_WORKSPACE'] || process.cwd();

  let result: ActionResult;
  try {
    const inputs = readInputs(definition.inputs, source);
    const github = await readGitHubContext(options.env, inputs as Record<string, unknown>);
    const context: RunContext = {
      workspace,
      tempDir: await mkdtemp(join(options.env['RUNNER_TEMP'] || tmpdir(), `${definition.name}-`)),
      github,
      log,
      redactor,
      now: options.now ?? (() => new Date()),
    };
    result = await definition.run(inputs, context);
    const annotations = result.annotations.map((a) =>
      redactAnnotation(relativeAnnotation(a, workspace), redactor),
    );
    for (const annotation of annotations) sink.annotate(annotation);
    for (const [name, value] of Object.entries(result.outputs)) sink.setOutput(safe(name), safe(value));
    if (result.summary) await sink.writeSummary(safe(result.summary));
    if (result.checkRun && options.publishCheckRun) {
      const outcome = await options.publishCheckRun(result, github, redactor, annotations);
      if (outcome.published) sink.info(safe(outcome.message));
      else
        sink.annotate({ level: 'notice', title: 'Check run not published', message: safe(outcome.message) });
    }
    if (result.failure) {
      sink.fail(safe(result.failure));
      return { result, exitCode: 1 };
    }
    return { result, exitCode: 0 };
  } catch (error) {
    sink.fail(safe(describeFailure(error, sink, redactor, workspace)));
    // 2 marks a usage error (bad inputs), as CLIs do; the runner fails the step on any non-zero.
    return { exitCode: error instanceof InputError || error instanceof InputErrors ? 2 : 1 };
  }
}

/** Turns any thrown error into one message; positioned errors also become an annotation. */
function describeFailure(error: unknown, sink: Sink, redactor: Redactor, workspace: string): string {
  if (error instanceof InputError || error instanceof InputErrors) return error.message;
  if (error instanceof ConfigError) {
    sink.annotate(
      redactAnnotation(
        relativeAnnotation(
          {
            level: 'error',
            file: error.file,
            line: error.line,
            column: error.column,
            message: error.problem,
            title: 'Invalid configuration',
          },
          workspace,
        ),
        redactor,
      ),
    );
    return error.message;
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function relativeAnnotation(annotation: Annotation, workspace: string): Annotation {
  if (!annotation.file || !isAbsolute(annotation.file)) return annotation;
  const rel = relative(workspace, annotation.file);
  return rel.startsWith('..') ? annotation : { ...annotation, file: rel.split('\\').join('/') };
}

function redactAnnotation(annotation: Annotation, redactor: Redactor): Annotation {
  return redactor.redactDeep(annotation);
}

export async function readGitHubContext(
  env: Record<string, string | undefined>,
  inputs: Record<string, unknown>,
): Promise<GitHubContext> {
  let event: Record<string, unknown> | undefined;
  const eventPath = env['GITHUB_EVENT_PATH'];
  if (eventPath) {
    try {
      event = JSON.parse(await readFile(eventPath, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new Error(
        `Cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): ${(error as Error).message}`,
      );
    }
  }
  const token = typeof inputs['githubToken'] === 'string' ? (inputs['githubToken'] as string) : undefined;
  const context: GitHubContext = {
    apiUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
    serverUrl: env['GITHUB_SERVER_URL'] || 'https://github.com',
  };
  const optional: Array<[keyof GitHubContext, string | undefined]> = [
    ['token', token],
    ['repository', env['GITHUB_REPOSITORY']],
    ['sha', headSha(event) ?? env['GITHUB_SHA']],
    ['ref', env['GITHUB_REF']],
    ['eventName', env['GITHUB_EVENT_NAME']],
    ['runId', env['GITHUB_RUN_ID']],
    ['runAttempt', env['GITHUB_RUN_ATTEMPT']],
    ['actor', env['GITHUB_ACTOR']],
    ['triggeringActor', env['GITHUB_TRIGGERING_ACTOR']],
    ['workflowRef', env['GITHUB_WORKFLOW_REF']],
  ];
  for (const [key, value] of optional)
    if (value) (context as unknown as Record<string, unknown>)[key] = value;
  if (event) context.event = event;
  return context;
}

/** On pull_request events GITHUB_SHA is the merge commit; checks belong on the PR head. */
function headSha(event: Record<string, unknown> | undefined): string | undefined {
  const pr = event?.['pull_request'] as { head?: { sha?: string } } | undefined;
  return pr?.head?.sha;
}
