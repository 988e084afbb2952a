/**
 * Publishes one check run per action through Octokit (lib/github.ts: @actions/github's getOctokit
 * with the retry and throttling plugins, so 5xx answers and rate limits are retried by the library,
 * Retry-After honoured, 4xx never retried). A check run is a
 * courtesy on top of the step's own result, so nothing here throws: a missing token, missing
 * commit, or a refusal from GitHub comes back as a message to log, worded with what to change.
 *
 * GitHub's limits shape it: at most 50 annotations per request (the first 50 go with the create,
 * the rest in update calls), annotations need a file and a line, and columns are only accepted on
 * single-line annotations.
 */
import type { ActionResult, GitHubContext } from '../action.ts';
import { githubClient, type GitHubClient, type GitHubClientOptions } from '../github.ts';
import { MASK, type Redactor } from '../redact.ts';
import type { Annotation, Level } from './types.ts';

export const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's limits on check run output fields (characters). */
export const MAX_SUMMARY = 65_535;
export const MAX_TITLE = 255;
export const MAX_ANNOTATION_MESSAGE = 64 * 1024;
/**
 * Annotations sent per check run at most (20 requests of 50). More would mean a long run of
 * sequential PATCHes that invites GitHub's secondary rate limits; the rest stay in the summary,
 * the SARIF log and the reports.
 */
export const MAX_CHECK_ANNOTATIONS = 1000;

export type CheckConclusion = 'success' | 'failure' | 'neutral';
export type CheckAnnotationLevel = 'failure' | 'warning' | 'notice';

export interface CheckRunRequest {
  /** The check's name in the PR's checks list, e.g. "catalog-gate". */
  name: string;
  title: string;
  conclusion: CheckConclusion;
  /** Markdown. */
  summary: string;
  annotations: Annotation[];
}

/** The wire shape of one check run annotation. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: CheckAnnotationLevel;
  message: string;
  title?: string;
}

export interface CheckRunOutcome {
  published: boolean;
  /** What happened, for the log: published, skipped (and why), or failed (and what to change). */
  message: string;
  checkRunId?: number;
  htmlUrl?: string;
  annotationsSent: number;
  /** Annotations that had no file/line and so could not become check annotations. */
  annotationsWithoutPosition: number;
}

export interface PublishOptions {
  /** Defaults to lib/github.ts's client on github.apiUrl with github.token. */
  octokit?: GitHubClient;
  now?: () => Date;
  /** Timing of the client's retries and writes (see GitHubClientOptions); tests shrink them. */
  timing?: Pick<GitHubClientOptions, 'retryAfterBaseValue' | 'writeSpacingMs'>;
}

const LEVELS: Record<Level, CheckAnnotationLevel> = {
  error: 'failure',
  warning: 'warning',
  notice: 'notice',
};

/** Our level as GitHub's check annotation level. */
export function toCheckLevel(level: Level): CheckAnnotationLevel {
  return LEVELS[level];
}

/**
 * Splits annotations into those GitHub can place on a file line (converted to the wire shape) and
 * the count of the rest. Pure.
 */
export function toCheckAnnotations(annotations: readonly Annotation[]): {
  placed: CheckAnnotation[];
  withoutPosition: number;
} {
  const placed: CheckAnnotation[] = [];
  let withoutPosition = 0;
  for (const a of annotations) {
    const path = a.file?.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
    if (
      !path ||
      path.startsWith('/') ||
      /^[A-Za-z]:\//.test(path) ||
      // Outside the repository: GitHub rejects the whole batch (422) for one such path.
      path.split('/').includes('..') ||
      !Number.isInteger(a.line) ||
      (a.line ?? 0) < 1
    ) {
      withoutPosition++;
      continue;
    }
    const startLine = a.line!;
    const endLine = a.endLine !== undefined && a.endLine >= startLine ? a.endLine : startLine;
    const out: CheckAnnotation = {
      path,
      start_line: startLine,
      end_line: endLine,
      annotation_level: toCheckLevel(a.level),
      message: truncate(a.message || '(no message)', MAX_ANNOTATION_MESSAGE),
    };
    // GitHub rejects the whole request when columns come with a multi-line range.
    if (startLine === endLine && a.column !== undefined && a.column >= 1) {
      out.start_column = a.column;
      if (a.endColumn !== undefined && a.endColumn >= a.column) out.end_column = a.endColumn;
    }
    if (a.title) out.title = truncate(a.title, MAX_TITLE);
    placed.push(out);
  }
  return { placed, withoutPosition };
}

/** Cuts `items` into consecutive batches of at most `size`. */
export function batches<T>(items: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Publishes the check run; never throws. Every text sent, and the returned message, is redacted. */
export async function publishCheckRun(
  github: GitHubContext,
  request: CheckRunRequest,
  redactor: Redactor,
  options: PublishOptions = {},
): Promise<CheckRunOutcome> {
  const token = github.token;
  // The token is scrubbed from everything we say even if nobody registered it with the redactor.
  const safe = (text: string) => {
    const out = redactor.redact(text);
    return token && token.length >= 4 ? out.split(token).join(MASK) : out;
  };
  const name = safe(request.name);
  const { placed, withoutPosition } = toCheckAnnotations(request.annotations);
  const outcome = (
    published: boolean,
    message: string,
    extra: Partial<CheckRunOutcome> = {},
  ): CheckRunOutcome => ({
    published,
    message: safe(message),
    annotationsSent: 0,
    annotationsWithoutPosition: withoutPosition,
    ...extra,
  });

  if (!token) {
    return outcome(
      false,
      `Check run '${name}' skipped: no GitHub token (pass github-token: \${{ github.token }} to the action and grant the job 'checks: write').`,
    );
  }
  const repo = parseRepository(github.repository);
  if (!repo || !github.sha) {
    const missing = [
      !repo ? 'repository (GITHUB_REPOSITORY, owner/name)' : '',
      !github.sha ? 'commit (GITHUB_SHA)' : '',
    ]
      .filter(Boolean)
      .join(' and ');
    return outcome(
      false,
      `Check run '${name}' skipped: no ${missing} is known; check runs are only published inside a GitHub workflow.`,
    );
  }

  const annotations = placed.map((a) => scrubDeep(a, safe));
  const title = truncate(safe(request.title), MAX_TITLE);
  const summary = truncate(safe(withPositionNote(request.summary, withoutPosition)), MAX_SUMMARY);
  const octokit =
    options.octokit ??
    githubClient({
      token,
      apiUrl: github.apiUrl,
      ...options.timing,
    });
  const capped = annotations.slice(0, MAX_CHECK_ANNOTATIONS);
  const chunks = batches(capped);
  const where = `${repo.owner}/${repo.repo}@${github.sha.slice(0, 12)}`;
  let sent = 0;
  let id: number | undefined;
  let htmlUrl: string | undefined;
  const headSha = github.sha;
  try {
    const created = await octokit.rest.checks.create({
      owner: repo.owner,
      repo: repo.repo,
      name,
      head_sha: headSha,
      status: 'completed',
      conclusion: request.conclusion,
      completed_at: (options.now?.() ?? new Date()).toISOString(),
      output: { title, summary, annotations: chunks[0] ?? [] },
    });
    id = created.data.id;
    htmlUrl = created.data.html_url ?? undefined;
    sent += chunks[0]?.length ?? 0;
    for (const chunk of chunks.slice(1)) {
      await octokit.rest.checks.update({
        owner: repo.owner,
        repo: repo.repo,
        check_run_id: id,
        output: { title, summary, annotations: chunk },
      });
      sent += chunk.length;
    }
  } catch (error) {
    const reason = explainFailure(error, where);
    const extra: Partial<CheckRunOutcome> = { annotationsSent: sent };
    if (id !== undefined) {
      extra.checkRunId = id;
      if (htmlUrl) extra.htmlUrl = htmlUrl;
      return outcome(
        false,
        `Check run '${name}' (id ${id}) was created but only ${sent} of ${annotations.length} annotations were sent: ${reason}`,
        extra,
      );
    }
    return outcome(false, `Check run '${name}' not published: ${reason}`, extra);
  }
  const extra: Partial<CheckRunOutcome> = { checkRunId: id, annotationsSent: sent };
  if (htmlUrl) extra.htmlUrl = htmlUrl;
  const skippedNote =
    (withoutPosition > 0 ? `, ${withoutPosition} without a file position kept in the summary count` : '') +
    (annotations.length > capped.length
      ? `, ${annotations.length - capped.length} beyond the first ${MAX_CHECK_ANNOTATIONS} left to the summary and reports`
      : '');
  return outcome(
    true,
    `Check run '${name}' published on ${where} (${request.conclusion}, ${sent} annotation${sent === 1 ? '' : 's'}${skippedNote})${htmlUrl ? `: ${htmlUrl}` : ''}.`,
    extra,
  );
}

/**
 * Adapter for lib/runtime.ts's ExecuteOptions.publishCheckRun: publishes `result.checkRun` with
 * the (already workspace-relative, redacted) annotations and returns the note to log.
 */
export async function publishResultCheckRun(
  result: ActionResult,
  github: GitHubContext,
  redactor: Redactor,
  annotations: Annotation[],
  options: PublishOptions = {},
): Promise<{ published: boolean; message: string }> {
  if (!result.checkRun) return { published: false, message: 'No check run requested.' };
  const outcome = await publishCheckRun(github, { ...result.checkRun, annotations }, redactor, options);
  return { published: outcome.published, message: outcome.message };
}

function withPositionNote(summary: string, withoutPosition: number): string {
  if (withoutPosition === 0) return summary;
  const note = `${withoutPosition} annotation${withoutPosition === 1 ? '' : 's'} without a file position ${withoutPosition === 1 ? 'is' : 'are'} not shown as check annotations; see the job log.`;
  return `${summary.replace(/\s+$/, '')}\n\n> ${note}\n`;
}

function parseRepository(repository: string | undefined): { owner: string; repo: string } | undefined {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository ?? '');
  return match ? { owner: match[1]!, repo: match[2]! } : undefined;
}

/** Octokit's RequestError, duck-typed so we need not depend on @octokit/request-error directly. */
interface ApiError {
  status?: number;
  message?: string;
  response?: { data?: unknown; headers?: Record<string, string | undefined> };
}

/** What went wrong and what to do, from GitHub's answer. Never includes request headers. */
export function explainFailure(error: unknown, where: string): string {
  const e = (error ?? {}) as ApiError;
  // Octokit reports a failed fetch (no answer at all) as status 500 without a response.
  const status = typeof e.status === 'number' && e.response ? e.status : undefined;
  const data = e.response?.data as { message?: unknown; errors?: unknown } | undefined;
  const apiMessage = typeof data?.message === 'string' ? data.message : undefined;
  const said = apiMessage ? ` ("${apiMessage}")` : '';
  const needs = e.response?.headers?.['x-accepted-github-permissions'];
  switch (status) {
    case 401:
      return `GitHub answered 401${said}: the token is invalid or expired.`;
    case 403:
      return (
        `GitHub answered 403${said}: the token lacks the 'checks: write' permission` +
        `${needs ? ` (GitHub accepts: ${needs})` : ''}. Add 'permissions: checks: write' to the job; ` +
        `on pull requests from forks the token is read-only and check runs cannot be published.`
      );
    case 404:
      return `GitHub answered 404${said}: ${where} is not visible to this token (wrong repository, or the token cannot read it).`;
    case 422:
      return `GitHub answered 422${said}${validationDetails(data?.errors)}: the commit may not exist in the repository, or a field is invalid.`;
    case undefined: {
      const cause = (error as { cause?: { code?: string; message?: string; cause?: { code?: string } } })
        ?.cause;
      const text =
        cause?.cause?.code ??
        cause?.code ??
        cause?.message ??
        (error instanceof Error ? error.message : String(error));
      return `the GitHub API could not be reached (${text}).`;
    }
    default:
      return `GitHub answered ${status}${said}.`;
  }
}

function validationDetails(errors: unknown): string {
  if (!Array.isArray(errors) || errors.length === 0) return '';
  const parts = errors
    .slice(0, 5)
    .map((x) =>
      typeof x === 'string'
        ? x
        : typeof x?.message === 'string'
          ? x.message
          : [x?.resource, x?.field, x?.code].filter(Boolean).join(' '),
    )
    .filter(Boolean);
  return parts.length ? ` [${parts.join('; ')}]` : '';
}

function scrubDeep<T>(value: T, safe: (text: string) => string): T {
  if (typeof value === 'string') return safe(value) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, safe)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, safe)])) as T;
  }
  return value;
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const marker = '\n…(truncated)';
  return text.slice(0, max - marker.length) + marker;
}
