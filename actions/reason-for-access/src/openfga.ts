/**
 * Roles from an OpenFGA authorization graph instead of GitHub teams: for the actor and every
 * approver, one BatchCheck (the official @openfga/sdk) asks whether `user:<login>` has the role's
 * relation on the environment's object, against a pinned authorization model. Like the GitHub
 * adapters, nothing is thrown past here and nothing unknown is a yes: a failed call, a timeout,
 * an unknown store or model, or a per-check error becomes an `unknown` membership carrying the
 * HTTP status and OpenFGA's message, which decide() turns into a recorded denial.
 */
import {
  CredentialsMethod,
  FgaApiError,
  OpenFgaClient,
  type CheckError,
  type ClientBatchCheckItem,
} from '@openfga/sdk';
import type { ApprovalFacts, Membership } from './decide.ts';

export interface OpenFgaRoleSource {
  source: 'openfga';
  /** Base URL of the OpenFGA HTTP API, e.g. https://fga.example.com. */
  apiUrl: string;
  storeId: string;
  /** Pinned: a model written later (or deleted) must not silently change who holds a role. */
  authorizationModelId: string;
  /** Policy role name -> relation on the environment's object, e.g. release-captain -> release_captain. */
  relations: Record<string, string>;
  /** The object a role is checked on; `{environment}` is the environment's name in the policy. */
  object: string;
  /** Per HTTP attempt. */
  timeoutMs: number;
}

export const DEFAULT_OBJECT = 'environment:{environment}';
export const DEFAULT_TIMEOUT_MS = 10_000;

/** What the audit record says about where roles came from. */
export interface RoleSourceRecord {
  source: 'openfga';
  apiUrl: string;
  storeId: string;
  authorizationModelId: string;
}

export function roleSourceRecord(config: OpenFgaRoleSource): RoleSourceRecord {
  return {
    source: 'openfga',
    apiUrl: config.apiUrl,
    storeId: config.storeId,
    authorizationModelId: config.authorizationModelId,
  };
}

/** GitHub logins are case-insensitive and OpenFGA ids are not: tuples use the lower-case login. */
export function fgaUser(login: string): string {
  return `user:${login.trim().toLowerCase()}`;
}

export function fgaObject(config: Pick<OpenFgaRoleSource, 'object'>, environment: string): string {
  return config.object.split('{environment}').join(environment);
}

export interface RoleQuestion {
  login: string;
  roles: readonly string[];
}

/**
 * Every (login, role) membership in one BatchCheck. Returns lower-case login -> role ->
 * membership; every question asked gets an answer, `unknown` when OpenFGA did not give one.
 */
export async function checkRoles(
  config: OpenFgaRoleSource,
  options: { token?: string | undefined; environment: string; questions: readonly RoleQuestion[] },
): Promise<Map<string, Record<string, Membership>>> {
  const out = new Map<string, Record<string, Membership>>();
  const object = fgaObject(config, options.environment);
  const checks: ClientBatchCheckItem[] = [];
  const asked = new Map<string, { login: string; role: string }>();
  for (const { login, roles } of options.questions) {
    const key = login.trim().toLowerCase();
    const answers = out.get(key) ?? {};
    out.set(key, answers);
    for (const role of new Set(roles)) {
      if (answers[role]) continue;
      const relation = config.relations[role];
      if (!key || relation === undefined) {
        // The loader makes every role the policy names map to a relation; this is defence in depth.
        answers[role] = { state: 'not-member' };
        continue;
      }
      answers[role] = { state: 'unknown', detail: `OpenFGA gave no answer for ${role}` };
      // Correlation ids must match ^[\w\d-]{1,36}$, so they are indexes, not logins.
      const correlationId = `q${checks.length}`;
      asked.set(correlationId, { login: key, role });
      checks.push({ user: fgaUser(key), relation, object, correlationId });
    }
  }
  if (checks.length === 0) return out;

  const where = `store ${config.storeId}, model ${config.authorizationModelId}`;
  let result: Awaited<ReturnType<OpenFgaClient['batchCheck']>>['result'];
  try {
    result = (
      await client(config, options.token).batchCheck(
        { checks },
        // The server takes 50 checks per request by default; more approvers, more requests, in turn.
        { maxBatchSize: 50, maxParallelRequests: 1 },
      )
    ).result;
  } catch (error) {
    const detail = describeFgaError(`batch-check on ${object} (${where})`, error);
    for (const { login, role } of asked.values()) out.get(login)![role] = { state: 'unknown', detail };
    return out;
  }
  for (const item of result) {
    const q = asked.get(item.correlationId);
    if (!q) continue;
    const answers = out.get(q.login)!;
    if (isCheckError(item.error))
      answers[q.role] = {
        state: 'unknown',
        detail: `OpenFGA could not check ${item.request.user} ${item.request.relation} ${object} (${where}): ${checkErrorText(item.error)}`,
      };
    else answers[q.role] = item.allowed === true ? { state: 'member' } : { state: 'not-member' };
  }
  return out;
}

/**
 * The actor's roles and each approver's approver roles from OpenFGA, in one BatchCheck. The
 * approvals themselves still come from GitHub; only who holds which role comes from the graph.
 */
export async function openFgaFacts(
  config: OpenFgaRoleSource,
  q: {
    token?: string | undefined;
    environment: string;
    actor: string;
    actorRoles: readonly string[];
    approvals: ApprovalFacts;
    approverRoles: readonly string[];
  },
): Promise<{ actorRoles: Record<string, Membership>; approvals: ApprovalFacts }> {
  const questions: RoleQuestion[] = [{ login: q.actor, roles: q.actorRoles }];
  if (q.approvals.state === 'known')
    for (const a of q.approvals.approvals) questions.push({ login: a.user, roles: q.approverRoles });
  const answers = await checkRoles(config, { token: q.token, environment: q.environment, questions });
  const notMember: Membership = { state: 'not-member' };
  const rolesOf = (login: string, names: readonly string[]): Record<string, Membership> => {
    const held = answers.get(login.trim().toLowerCase()) ?? {};
    return Object.fromEntries(names.map((role) => [role, held[role] ?? notMember]));
  };
  return {
    actorRoles: rolesOf(q.actor, q.actorRoles),
    approvals:
      q.approvals.state === 'known'
        ? {
            state: 'known',
            approvals: q.approvals.approvals.map((a) => ({ ...a, roles: rolesOf(a.user, q.approverRoles) })),
          }
        : q.approvals,
  };
}

function client(config: OpenFgaRoleSource, token: string | undefined): OpenFgaClient {
  return new OpenFgaClient({
    apiUrl: config.apiUrl,
    storeId: config.storeId,
    authorizationModelId: config.authorizationModelId,
    ...(token ? { credentials: { method: CredentialsMethod.ApiToken, config: { token } } } : {}),
    // Spread into every request's axios options: the SDK's own default is a fixed 10 s.
    baseOptions: { timeout: config.timeoutMs, headers: { 'User-Agent': 'summit-ops/reason-for-access' } },
    // One retry for 429/5xx/network errors; a dead server must not hold the deploy for minutes.
    retryParams: { maxRetry: 1, minWaitInMs: 200 },
  });
}

/**
 * `OpenFGA 400 on batch-check on environment:prod (store …, model …): latest_authorization_model_not_found: …`.
 * Only the status, OpenFGA's error code and message are used: the SDK's error also carries the
 * request's headers (the bearer token), which must never reach a record or a log.
 */
export function describeFgaError(what: string, error: unknown): string {
  if (error instanceof FgaApiError && typeof error.statusCode === 'number') {
    const data = error.responseData as { code?: unknown; message?: unknown } | undefined;
    const code = typeof data?.code === 'string' ? data.code : '';
    const text = (
      typeof data?.message === 'string' ? data.message : (error.apiErrorMessage ?? error.statusText ?? '')
    ).slice(0, 300);
    const hint =
      error.statusCode === 401 || error.statusCode === 403
        ? ' (the openfga-token is missing, invalid or lacks access to the store)'
        : error.statusCode === 404
          ? ' (check apiUrl and storeId)'
          : /authorization_model_not_found/i.test(code)
            ? ' (check storeId and authorizationModelId: the model must exist in that store)'
            : error.statusCode >= 500
              ? ' (OpenFGA is failing; retry the run later)'
              : '';
    return `OpenFGA ${error.statusCode} on ${what}: ${[code, text].filter(Boolean).join(': ') || 'no message'}${hint}`;
  }
  // A network failure or timeout: the SDK wraps axios' error as `FGA Error: <axios message>`.
  const text = (error instanceof Error ? error.message : String(error)).replace(/^FGA Error:\s*/, '');
  const timedOut = /timeout|ECONNABORTED|ETIMEDOUT/i.test(text);
  return `OpenFGA unreachable on ${what} (${timedOut ? 'timed out: ' : ''}${text.slice(0, 200) || 'no message'})`;
}

function checkErrorText(error: CheckError): string {
  const code = [error.input_error, error.internal_error].find((c) => c && !/^no_(internal_)?error$/.test(c));
  const text = typeof error.message === 'string' ? error.message.slice(0, 300) : '';
  return [code ?? '', text].filter(Boolean).join(': ') || 'error without a message';
}

/**
 * OpenFGA's API documentation shows `error: { message: '' }` beside successful results, and its
 * error codes include `no_error` / `no_internal_error`: only a message or a real code is an error.
 */
export function isCheckError(error: CheckError | undefined): error is CheckError {
  if (!error) return false;
  const code = (c: string | undefined) => c !== undefined && c !== '' && !/^no_(internal_)?error$/.test(c);
  return !!error.message || code(error.input_error) || code(error.internal_error);
}
