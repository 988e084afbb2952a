/**
 * The one way this repository reaches GitHub: @actions/github's `context` for what the runner says
 * about the job, and its `getOctokit` with octokit's retry and throttling plugins for the REST API,
 * so 5xx answers, rate limits and secondary rate limits (Retry-After) are handled by the library.
 */
import { context as runnerContext, getOctokit } from '@actions/github';
import { GitHub } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { existsSync } from 'node:fs';
import type { GitHubContext } from './action.ts';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface GitHubClientOptions {
  token?: string;
  /** GITHUB_API_URL: https://api.github.com, or a GitHub Enterprise Server's /api/v3. */
  apiUrl: string;
  /** Retries after a 5xx or a rate limit; 0 turns both off. */
  retries?: number;
  /** Each request's own deadline, so a stuck API cannot hold the job until its timeout. */
  timeoutMs?: number;
  /** Milliseconds per second of back-off and Retry-After (the plugins' own knob; tests shrink it). */
  retryAfterBaseValue?: number;
  userAgent?: string;
  /**
   * Least time between two writes (POST, PATCH, PUT, DELETE). GitHub asks for a second between
   * mutating requests to avoid secondary rate limits; tests that send many batches lower it.
   */
  writeSpacingMs?: number;
}

export const GITHUB_RETRIES = 2;

export function githubClient(options: GitHubClientOptions): GitHubClient {
  const retries = options.retries ?? GITHUB_RETRIES;
  const timing =
    options.retryAfterBaseValue === undefined ? {} : { retryAfterBaseValue: options.retryAfterBaseValue };
  const retryWithin = (_retryAfter: number, _request: unknown, _octokit: unknown, retryCount: number) =>
    retryCount < retries;
  const clientOptions = {
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'summit-ops',
    // Octokit logs request failures itself; callers report them once, redacted.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    // 429 is the throttling plugin's: it waits what Retry-After or the rate-limit reset says,
    // where the retry plugin would only back off by its own schedule.
    retry: {
      enabled: retries > 0,
      retries,
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      ...timing,
    },
    throttle: {
      enabled: retries > 0,
      ...timing,
      ...(options.writeSpacingMs === undefined
        ? {}
        : {
            write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeSpacingMs }),
          }),
      onRateLimit: retryWithin,
      onSecondaryRateLimit: retryWithin,
    },
  };
  // getOctokit insists on a token; an anonymous client (public data only) is the same class unauthenticated.
  const client = options.token
    ? getOctokit(options.token, clientOptions, retry, throttling)
    : new (GitHub.plugin(retry, throttling))(clientOptions);
  const timeoutMs = options.timeoutMs ?? 15_000;
  client.hook.before('request', (request) => {
    request.request = { ...request.request, signal: AbortSignal.timeout(timeoutMs) };
  });
  return client;
}

type ActionsContext = typeof runnerContext;
const ActionsContextClass = runnerContext.constructor as new () => ActionsContext;

/**
 * Reads @actions/github's Context as it is under `env` (the runner's environment, or the one the
 * CLI and tests pass). The Context reads process.env in its constructor and in its `repo` getter,
 * both synchronous, so swapping process.env around `read` cannot interleave with other code.
 */
export function withActionsContext<T>(
  env: Record<string, string | undefined>,
  read: (ctx: ActionsContext) => T,
): T {
  if (env === process.env) return read(new ActionsContextClass());
  const saved = process.env;
  process.env = env as NodeJS.ProcessEnv;
  try {
    return read(new ActionsContextClass());
  } finally {
    process.env = saved;
  }
}

function repositoryOf(ctx: ActionsContext): string | undefined {
  try {
    return `${ctx.repo.owner}/${ctx.repo.repo}`;
  } catch {
    return undefined; // outside a runner: no GITHUB_REPOSITORY and no repository in the payload
  }
}

/**
 * What GitHub tells the job, as the plain data `run()` receives. An event file that is named but
 * cannot be read is an error here (the Context would only print a line and carry on with `{}`).
 */
export function readGitHubContext(env: Record<string, string | undefined>, token?: string): GitHubContext {
  const eventPath = env['GITHUB_EVENT_PATH'];
  if (eventPath && !existsSync(eventPath))
    throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): no such file`);
  let ctx: ActionsContext;
  let repository: string | undefined;
  try {
    [ctx, repository] = withActionsContext(env, (c) => [c, repositoryOf(c)] as const);
  } catch (error) {
    throw new Error(
      `Cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): ${(error as Error).message}`,
    );
  }
  const event = ctx.payload as Record<string, unknown>;
  const hasEvent = eventPath !== undefined && eventPath !== '';
  const context: GitHubContext = { apiUrl: ctx.apiUrl, serverUrl: ctx.serverUrl };
  const optional: Array<[keyof GitHubContext, string | undefined]> = [
    ['token', token],
    ['repository', repository],
    ['sha', headSha(event) ?? ctx.sha],
    ['ref', ctx.ref],
    ['eventName', ctx.eventName],
    ['runId', Number.isNaN(ctx.runId) ? undefined : String(ctx.runId)],
    ['runAttempt', Number.isNaN(ctx.runAttempt) ? undefined : String(ctx.runAttempt)],
    ['actor', ctx.actor],
    // Not (yet) part of @actions/github's Context.
    ['triggeringActor', env['GITHUB_TRIGGERING_ACTOR']],
    ['workflowRef', env['GITHUB_WORKFLOW_REF']],
  ];
  for (const [key, value] of optional)
    if (value) (context as unknown as Record<string, unknown>)[key] = value;
  if (hasEvent) context.event = event;
  return context;
}

/** On pull_request and merge_group events GITHUB_SHA is a merge commit; checks belong on the head. */
function headSha(event: Record<string, unknown>): string | undefined {
  const pr = event['pull_request'] as { head?: { sha?: string } } | undefined;
  const group = event['merge_group'] as { head_sha?: string } | undefined;
  return pr?.head?.sha ?? group?.head_sha;
}

/** What a change under review spans: a pull request, or a merge-queue group. */
export interface ChangeRange {
  kind: 'pull_request' | 'merge_group';
  base: string;
  head: string;
  /** The pull request's number (pull_request events only: a merge group may carry several). */
  pullRequest?: number;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/**
 * The base and head of the change a check is asked about, from the event payload: a pull request
 * (pull_request.base.sha/head.sha) or a merge-queue group (merge_group.base_sha/head_sha, which a
 * required check must also answer, or the queue waits forever). Undefined for every other event.
 * Pure.
 */
export function changeRange(github: Pick<GitHubContext, 'eventName' | 'event'>): ChangeRange | undefined {
  const event = github.event ?? {};
  if (PULL_REQUEST_EVENTS.has(github.eventName ?? '')) {
    const pr = event['pull_request'] as
      { number?: number; base?: { sha?: string }; head?: { sha?: string } } | undefined;
    if (!pr?.base?.sha || !pr.head?.sha) return undefined;
    const range: ChangeRange = { kind: 'pull_request', base: pr.base.sha, head: pr.head.sha };
    if (typeof pr.number === 'number') range.pullRequest = pr.number;
    return range;
  }
  if (github.eventName === 'merge_group') {
    const group = event['merge_group'] as { base_sha?: string; head_sha?: string } | undefined;
    if (!group?.base_sha || !group.head_sha) return undefined;
    return { kind: 'merge_group', base: group.base_sha, head: group.head_sha };
  }
  return undefined;
}
