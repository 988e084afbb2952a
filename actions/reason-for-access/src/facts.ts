/**
 * The facts decide() needs, from GitHub (roles, approvals, the policy on the default branch) and
 * the identity provider (the assurance token, verified against its JWKS).
 */
import type { RunContext } from '../../../lib/action.ts';
import type { LockOptions } from './audit-lock.ts';
import { parseJwks, verifyAssuranceToken } from './assurance.ts';
import type { AttestationSigner, SigstoreInstance } from './attest.ts';
import {
  findEnvironment,
  type AccessRequest,
  type ApprovalFacts,
  type AssuranceFacts,
  type Facts,
} from './decide.ts';
import {
  createGitHubClient,
  describeApiError,
  gatherApprovals,
  repositoryFacts,
  resolveRoles,
} from './github.ts';
import type { Typed } from './inputs.ts';
import { openFgaFacts } from './openfga.ts';
import { policySource, readText, REQUEST_KINDS, type LoadedPolicy, type PolicySource } from './policy.ts';
import { message } from './record.ts';
import type { SecretScanner } from './reason.ts';

export interface Dependencies {
  /** Finds secrets/PII in the reason; default: the DLP engine's built-in rule pack. */
  scanner: SecretScanner;
  /** Default: keyless with the job's OIDC token, on the instance chosen for the repository. */
  signer: (instance: SigstoreInstance) => AttestationSigner;
  /** Reads a JWKS over HTTPS; default: lib/http with timeouts and retries. */
  fetchText: (url: string) => Promise<string>;
  /** How long to wait for another writer of the audit log; default: audit-lock's defaults. */
  lock?: LockOptions;
}

export async function gatherFacts(
  context: RunContext,
  loaded: LoadedPolicy,
  request: AccessRequest,
  values: Typed,
  deps: Dependencies,
  owner: string | undefined,
  repo: string | undefined,
  readTrusted: ((path: string) => Promise<string>) | undefined,
): Promise<Facts> {
  const { policy } = loaded;
  const envName = findEnvironment(policy, request.environment);
  const rule =
    envName && (REQUEST_KINDS as readonly string[]).includes(request.kind)
      ? policy.environments[envName]?.[request.kind as 'deploy' | 'delete']
      : undefined;
  const token = values.githubToken;
  const client = token ? createGitHubClient({ token, baseUrl: context.github.apiUrl }) : undefined;
  // The org-members token reads team membership and nothing else; it never stores attestations.
  const rolesClient = values.rolesToken
    ? createGitHubClient({ token: values.rolesToken, baseUrl: context.github.apiUrl })
    : client;

  let actorRoles = rule ? await resolveRoles(rolesClient, policy.roles, rule.roles, request.actor) : {};
  let approvals: ApprovalFacts = { state: 'known', approvals: [] };
  if (rule?.dualControl) {
    approvals =
      owner && repo
        ? await gatherApprovals(
            client,
            {
              owner,
              repo,
              environment: envName!,
              ...(context.github.runId ? { runId: context.github.runId } : {}),
              ...(request.sha ? { sha: request.sha } : {}),
            },
            policy.roles,
            rule.dualControl.approverRoles,
            rolesClient,
          )
        : { state: 'unknown', detail: 'the repository is unknown, so approvals cannot be read' };
  }
  if (rule && policy.roleSource) {
    // Who holds a role comes from the OpenFGA graph (one batch for everyone); approvals still
    // come from GitHub, and the roles above were never looked up there (they list no teams).
    ({ actorRoles, approvals } = await openFgaFacts(policy.roleSource, {
      token: values.openfgaToken,
      environment: envName!,
      actor: request.actor,
      actorRoles: rule.roles,
      approvals,
      approverRoles: rule.dualControl?.approverRoles ?? [],
    }));
  }
  let assurance: AssuranceFacts = { state: 'absent' };
  if (values.assuranceToken) {
    if (!policy.assurance)
      assurance = {
        state: 'invalid',
        detail: 'an assurance token was given but the policy configures no issuer to verify it against',
      };
    else {
      try {
        const source = policy.assurance.jwks;
        // A JWKS file is a trust anchor like the policy: it comes from where the policy came from.
        const text = /^https?:\/\//i.test(source)
          ? await deps.fetchText(source)
          : readTrusted
            ? await readTrusted(source)
            : await readText(context.workspace, source, 'check assurance.jwks in the access policy');
        assurance = verifyAssuranceToken(
          values.assuranceToken,
          parseJwks(text, source),
          policy.assurance,
          context.now(),
        );
      } catch (error) {
        assurance = { state: 'invalid', detail: `the JWKS could not be read: ${message(error)}` };
      }
    }
  }
  return { now: context.now(), actorRoles, approvals, assurance };
}

/**
 * Where the access policy comes from: the built-in one, this run's checkout (a run on the default
 * branch), or the default branch through the contents API (any other ref).
 */
export async function locatePolicy(
  context: RunContext,
  path: string | undefined,
  token: string | undefined,
  owner: string | undefined,
  repo: string | undefined,
): Promise<PolicySource> {
  if (!path) return policySource(path, '', '');
  const ref = context.github.ref ?? '';
  const payloadRepo = context.github.event?.['repository'] as { default_branch?: unknown } | undefined;
  let defaultBranch = typeof payloadRepo?.default_branch === 'string' ? payloadRepo.default_branch : '';
  if (!defaultBranch) {
    if (!token || !owner || !repo)
      throw new Error(
        "the repository's default branch is unknown (no event payload) and there is no github-token to ask GitHub, so the policy's provenance cannot be checked",
      );
    const client = createGitHubClient({ token, baseUrl: context.github.apiUrl });
    try {
      defaultBranch = (await repositoryFacts(client, owner, repo)).defaultBranch;
    } catch (error) {
      throw new Error(describeApiError(`GET /repos/${owner}/${repo}`, error));
    }
  }
  const source = policySource(path, ref, defaultBranch);
  if (source.from === 'default-branch' && (!token || !owner || !repo))
    throw new Error(
      `this run is on ${ref || 'an unknown ref'}, not the default branch ${defaultBranch}: the policy is read from ${defaultBranch} through the GitHub API, which needs the github-token input`,
    );
  return source;
}
