/**
 * Thin adapters over GitHub's REST API (octokit). They turn API answers into facts for decide():
 * a failure is never thrown past here and never treated as a yes — it becomes an `unknown` fact
 * carrying the status and GitHub's message, which decide() turns into a denial with that reason.
 */
import { githubClient, type GitHubClient, type GitHubClientOptions } from '../../../lib/github.ts';
import type { Approval, ApprovalFacts, Membership } from './decide.ts';
import type { RoleSource } from './policy.ts';

export type { GitHubClient };

export function createGitHubClient(options: {
  token?: string;
  baseUrl: string;
  timeoutMs?: number;
  retries?: number;
  timing?: Pick<GitHubClientOptions, 'retryAfterBaseValue' | 'writeSpacingMs'>;
}): GitHubClient {
  return githubClient({
    ...(options.token ? { token: options.token } : {}),
    apiUrl: options.baseUrl,
    userAgent: 'summit-ops/reason-for-access',
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.retries === undefined ? {} : { retries: options.retries }),
    ...options.timing,
  });
}

/** `GitHub API 403 on GET /orgs/acme/teams/x/memberships/alice: Resource not accessible by integration`. */
export function describeApiError(route: string, error: unknown): string {
  const e = error as { status?: unknown; message?: unknown; name?: unknown; response?: unknown };
  // Octokit reports a network failure as status 500 without a response; that is not GitHub's 500.
  if (typeof e?.status === 'number' && e.response !== undefined) {
    const message = typeof e.message === 'string' ? e.message.split(' - ')[0]!.slice(0, 200) : '';
    const hint =
      e.status === 401
        ? ' (the github-token is invalid or expired)'
        : e.status === 403
          ? ' (the token lacks permission, or a rate limit was hit)'
          : e.status >= 500
            ? ' (GitHub is failing; retry the run later)'
            : '';
    return `GitHub API ${e.status} on ${route}${message ? `: ${message}` : ''}${hint}`;
  }
  const name = typeof e?.name === 'string' ? e.name : 'Error';
  return `GitHub API unreachable on ${route} (${name}${typeof e?.message === 'string' ? `: ${e.message.slice(0, 200)}` : ''})`;
}

/**
 * Whether `user` is an active member of org/team. 404 means "not a member" — or that the token
 * cannot see the team (the default GITHUB_TOKEN cannot read org teams); both deny.
 */
export async function teamMembership(client: GitHubClient, team: string, user: string): Promise<Membership> {
  const [org, slug] = team.split('/');
  const route = `GET /orgs/${org}/teams/${slug}/memberships/${user}`;
  try {
    const { data } = await client.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', {
      org: org!,
      team_slug: slug!,
      username: user,
    });
    // A pending invitation is not membership.
    return data.state === 'active' ? { state: 'member' } : { state: 'not-member' };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { state: 'not-member' };
    return { state: 'unknown', detail: describeApiError(route, error) };
  }
}

/**
 * The user's membership of each named role: listed users first (no API call), then each team
 * until one says "active". An API failure only counts if no other source made the user a member.
 */
export async function resolveRoles(
  client: GitHubClient | undefined,
  roles: Record<string, RoleSource>,
  names: readonly string[],
  user: string,
): Promise<Record<string, Membership>> {
  const out: Record<string, Membership> = {};
  const cache = new Map<string, Promise<Membership>>();
  for (const name of new Set(names)) {
    const source = roles[name];
    if (!source || !user) {
      out[name] = { state: 'not-member' };
      continue;
    }
    if (source.users.some((u) => u.toLowerCase() === user.toLowerCase())) {
      out[name] = { state: 'member' };
      continue;
    }
    let result: Membership = { state: 'not-member' };
    const problems: string[] = [];
    for (const team of source.teams) {
      if (!client) {
        problems.push(`no github-token to look up team ${team}`);
        continue;
      }
      const key = team.toLowerCase();
      if (!cache.has(key)) cache.set(key, teamMembership(client, team, user));
      const m = await cache.get(key)!;
      if (m.state === 'member') {
        result = m;
        break;
      }
      if (m.state === 'unknown') problems.push(m.detail);
    }
    out[name] =
      result.state === 'member' || problems.length === 0
        ? result
        : { state: 'unknown', detail: problems.join('; ') };
  }
  return out;
}

export interface ApprovalQuery {
  owner: string;
  repo: string;
  /** The workflow run whose environment reviews count. */
  runId?: string;
  /** Only reviews of this environment count. */
  environment: string;
  /** Approving PR reviews of the PR(s) that produced this commit count too. */
  sha?: string;
}

type RawApproval = Omit<Approval, 'roles'>;

/** Reviews of the run's deployment to `environment` (GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals). */
export async function runApprovals(
  client: GitHubClient,
  q: ApprovalQuery & { runId: string },
): Promise<RawApproval[]> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', {
    owner: q.owner,
    repo: q.repo,
    run_id: Number(q.runId),
  });
  const env = q.environment.toLowerCase();
  return data
    .filter((review) => review.environments.some((e) => (e.name ?? '').toLowerCase() === env))
    .map((review) => ({
      user: review.user.login,
      source: 'deployment-review',
      state: review.state === 'approved' ? 'approved' : 'rejected',
    }));
}

/**
 * Approving reviews of the pull request(s) that produced `sha`. A review counts only when it
 * approved the PR's final head commit (an approval of an earlier push approved different code),
 * and the PR really produced `sha` (its head, or its merge commit). Each reviewer's latest
 * approve/request-changes review wins.
 */
export async function pullRequestApprovals(
  client: GitHubClient,
  q: ApprovalQuery & { sha: string },
): Promise<RawApproval[]> {
  const pulls = await client.paginate('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
    owner: q.owner,
    repo: q.repo,
    commit_sha: q.sha,
    per_page: 100,
  });
  const out: RawApproval[] = [];
  for (const pr of pulls) {
    if (pr.head.sha !== q.sha && pr.merge_commit_sha !== q.sha) continue;
    const reviews = await client.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
      owner: q.owner,
      repo: q.repo,
      pull_number: pr.number,
      per_page: 100,
    });
    const latest = new Map<string, (typeof reviews)[number]>();
    for (const review of reviews) {
      if (!review.user || (review.state !== 'APPROVED' && review.state !== 'CHANGES_REQUESTED')) continue;
      latest.set(review.user.login.toLowerCase(), review);
    }
    for (const review of latest.values()) {
      if (review.state === 'CHANGES_REQUESTED')
        out.push({ user: review.user!.login, source: 'pr-review', state: 'rejected' });
      else if (review.commit_id === pr.head.sha)
        out.push({ user: review.user!.login, source: 'pr-review', state: 'approved' });
    }
  }
  return out;
}

/**
 * Every approval from both sources, with each approver's membership of `approverRoles`. Any API
 * failure makes the whole fact unknown: a partial list could hide a rejection.
 */
export async function gatherApprovals(
  client: GitHubClient | undefined,
  q: ApprovalQuery,
  roles: Record<string, RoleSource>,
  approverRoles: readonly string[],
  /** Reads approvers' team membership; default: `client`. */
  rolesClient: GitHubClient | undefined = client,
): Promise<ApprovalFacts> {
  if (!client) return { state: 'unknown', detail: 'no github-token, so approvals cannot be read' };
  const found: RawApproval[] = [];
  if (q.runId) {
    try {
      found.push(...(await runApprovals(client, { ...q, runId: q.runId })));
    } catch (error) {
      return {
        state: 'unknown',
        detail: describeApiError(`GET /repos/${q.owner}/${q.repo}/actions/runs/${q.runId}/approvals`, error),
      };
    }
  }
  if (q.sha) {
    try {
      found.push(...(await pullRequestApprovals(client, { ...q, sha: q.sha })));
    } catch (error) {
      return {
        state: 'unknown',
        detail: describeApiError(`pull request reviews of ${q.sha.slice(0, 12)}`, error),
      };
    }
  }
  const approvals: Approval[] = [];
  for (const a of found)
    approvals.push({ ...a, roles: await resolveRoles(rolesClient, roles, approverRoles, a.user) });
  return { state: 'known', approvals };
}

/** Stores a Sigstore bundle through the repository attestations API; returns the attestation id. */
export async function storeAttestation(
  client: GitHubClient,
  owner: string,
  repo: string,
  bundle: unknown,
): Promise<number> {
  const { data } = await client.request('POST /repos/{owner}/{repo}/attestations', {
    owner,
    repo,
    bundle: bundle as never,
  });
  return data.id ?? 0;
}

/** The repository's default branch and visibility (GET /repos/{owner}/{repo}). */
export async function repositoryFacts(
  client: GitHubClient,
  owner: string,
  repo: string,
): Promise<{ defaultBranch: string; private: boolean | undefined; visibility: string | undefined }> {
  const { data } = await client.request('GET /repos/{owner}/{repo}', { owner, repo });
  return { defaultBranch: data.default_branch, private: data.private, visibility: data.visibility };
}

/**
 * A file's text at `ref` through the contents API. Errors are worded for the person reading the
 * denial; the API's 1 MB limit for inline content is reported, not worked around.
 */
export async function fileAtRef(
  client: GitHubClient,
  q: { owner: string; repo: string; path: string; ref: string },
): Promise<string> {
  const route = `GET /repos/${q.owner}/${q.repo}/contents/${q.path}?ref=${q.ref}`;
  let data: unknown;
  try {
    ({ data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
      owner: q.owner,
      repo: q.repo,
      path: q.path,
      ref: q.ref,
    }));
  } catch (error) {
    if ((error as { status?: number }).status === 404)
      throw new Error(`not found on ${q.ref} (${route}); commit it to ${q.ref} first`);
    throw new Error(describeApiError(route, error));
  }
  const file = data as { type?: string; encoding?: string; content?: string };
  if (Array.isArray(data) || file.type !== 'file') throw new Error(`${route} is not a file`);
  if (file.encoding !== 'base64' || typeof file.content !== 'string')
    throw new Error(`${route} returned no inline content (files over 1 MB are not supported)`);
  return Buffer.from(file.content, 'base64').toString('utf8');
}
