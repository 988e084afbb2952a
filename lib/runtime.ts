/**
 * Runs an ActionDefinition: reads inputs, builds the RunContext, calls run(), and emits the result
 * through a Sink — the GitHub runner (workflow commands, GITHUB_OUTPUT, the job summary) or the
 * terminal (the CLI). Both paths share execute(), so what the CLI prints is what the runner shows.
 * Every string leaves through the redactor; every error becomes a clear, failing message.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, isAbsolute } from 'node:path';
import type { ActionDefinition, ActionResult, GitHubContext, Logger, RunContext } from './action.ts';
import { ConfigError } from './config.ts';
import { InputError, InputErrors, readInputs, type InputSpec, type RawInputSource } from './inputs.ts';
import { readGitHubContext } from './github.ts';
import { MASK, Redactor } from './redact.ts';
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

let latestRedactor: Redactor | undefined;

/**
 * The redactor of the run in progress (the last one started), so a last-resort handler for an
 * error nobody caught masks the same secrets the run registered, not only the shapes.
 */
export function currentRedactor(): Redactor | undefined {
  return latestRedactor;
}

export async function execute<S extends InputSpec>(
  definition: ActionDefinition<S>,
  source: RawInputSource,
  sink: Sink,
  options: ExecuteOptions,
): Promise<Execution> {
  const redactor = new Redactor();
  latestRedactor = redactor;
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
    const token = (inputs as Record<string, unknown>)['githubToken'];
    const github = readGitHubContext(options.env, typeof token === 'string' ? token : undefined);
    const context: RunContext = {
      workspace,
      tempDir: await mkdtemp(join(options.env['RUNNER_TEMP'] || tmpdir(), `${definition.name}-`)),
      github,
      log,
      redactor,
      now: options.now ?? (() => new Date()),
    };
    result = await definition.run(inputs, context);
    const annotations = byLevel(result.annotations).map((a) =>
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
    sink.fail(safeErrorMessage(describeFailure(error, sink, redactor, workspace), redactor));
    // 2 marks a usage error (bad inputs), as CLIs do; the runner fails the step on any non-zero.
    return { exitCode: error instanceof InputError || error instanceof InputErrors ? 2 : 1 };
  }
}

const LEVEL_RANK: Record<Annotation['level'], number> = { error: 0, warning: 1, notice: 2 };

/**
 * Errors, then warnings, then notices, each level in the order the action gave (a stable sort):
 * GitHub shows only the first few annotations of a step, and the ones that fail it come first.
 */
export function byLevel(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort((a, b) => (LEVEL_RANK[a.level] ?? 3) - (LEVEL_RANK[b.level] ?? 3));
}

/** Longest error message printed; the rest is counted, never shown. */
export const MAX_ERROR_LENGTH = 600;

/**
 * What an error may print: redacted, key-like runs masked, truncated. An error can carry content
 * in its message (V8 puts a RegExp's whole source in "Regular expression too large"; JSON.parse
 * quotes its input), and a runner prints the message to the job log.
 */
export function safeErrorMessage(message: string, redactor: Redactor = new Redactor()): string {
  const masked = redactor
    .redact(message)
    // Runs that look like key material (base64, hex, tokens) are never worth printing in an error.
    // Words joined by - _ / (paths, identifiers) and git object ids (40 or 64 hex digits, which
    // name the commits of a failing range) stay readable.
    .replace(/[A-Za-z0-9+/=_-]{32,}/g, (run) =>
      /^[a-z]+(?:[-_/][a-z]+)*$/.test(run) || /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(run) ? run : MASK,
    );
  if (masked.length <= MAX_ERROR_LENGTH) return masked;
  return `${masked.slice(0, MAX_ERROR_LENGTH)}… (${masked.length - MAX_ERROR_LENGTH} more characters not shown)`;
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
