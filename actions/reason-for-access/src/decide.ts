/**
 * The access decision: a pure function of the request, the policy and the gathered facts. It
 * evaluates every rule (so the summary can show the full picture, not just the first refusal) and
 * allows only when every rule passed. Anything unknown — an API that failed, an environment the
 * policy does not name, a missing fact — is a failed rule, never a pass.
 */
import type { AccessPolicy, EnvironmentPolicy, FreezeWindow, KindRule, Weekday } from './policy.ts';
import { refPatternToRegExp, REQUEST_KINDS, type RequestKind } from './policy.ts';
import type { ReasonCheck } from './reason.ts';
import { normalizeLogin } from './policy-semantics.ts';

export type Membership = { state: 'member' } | { state: 'not-member' } | { state: 'unknown'; detail: string };

export interface Approval {
  user: string;
  source: 'deployment-review' | 'pr-review';
  state: 'approved' | 'rejected';
  /** The approver's membership of each role the policy cares about. */
  roles: Record<string, Membership>;
}

export interface AccessRequest {
  /** deploy | delete; anything else is denied. */
  kind: string;
  environment: string;
  actor: string;
  triggeringActor?: string;
  ref: string;
  sha: string;
  reason: ReasonCheck;
}

export type ApprovalFacts = { state: 'known'; approvals: Approval[] } | { state: 'unknown'; detail: string };
export type AssuranceFacts =
  | { state: 'verified'; methods: string[]; subject: string }
  | { state: 'absent' }
  | { state: 'invalid'; detail: string };

export interface Facts {
  now: Date;
  /** The actor's membership of each role. A role missing here counts as not held. */
  actorRoles: Record<string, Membership>;
  approvals: ApprovalFacts;
  assurance: AssuranceFacts;
}

export const RULES = [
  'request-kind',
  'environment',
  'reason',
  'actor',
  'ref',
  'freeze',
  'roles',
  'assurance',
  'dual-control',
] as const;
export type RuleName = (typeof RULES)[number];
/** Failures outside the policy that also deny: bad inputs, the audit log, signing. */
export type OperationalRule = 'setup' | 'audit-log' | 'attestation' | 'custom-policy';

export interface RuleResult {
  rule: RuleName | OperationalRule;
  ok: boolean;
  detail: string;
}

export interface Decision {
  decision: 'allow' | 'deny';
  /** One entry per rule in RULES order. */
  reasons: RuleResult[];
  /** The rule that decided: the first failed one, or a note that all passed. */
  decidedBy: string;
}

export function decide(request: AccessRequest, policy: AccessPolicy, facts: Facts): Decision {
  const kindOk = (REQUEST_KINDS as readonly string[]).includes(request.kind);
  const envName = findEnvironment(policy, request.environment);
  const env: EnvironmentPolicy | undefined = envName === undefined ? undefined : policy.environments[envName];
  const rule: KindRule | undefined = kindOk && env ? env[request.kind as RequestKind] : undefined;

  const results: RuleResult[] = [];
  const push = (name: RuleName, ok: boolean, detail: string) => results.push({ rule: name, ok, detail });

  push(
    'request-kind',
    kindOk,
    kindOk
      ? `kind '${request.kind}'`
      : `unknown request kind '${request.kind}'; expected one of ${REQUEST_KINDS.join(', ')}`,
  );

  if (!env) {
    const known = Object.keys(policy.environments).sort().join(', ');
    push(
      'environment',
      false,
      `environment '${request.environment}' is not in the access policy (known: ${known || 'none'}); unknown environments are denied`,
    );
  } else if (!rule) {
    push(
      'environment',
      false,
      `the access policy has no '${request.kind}' rule for environment '${envName}'; it is denied`,
    );
  } else {
    push('environment', true, `environment '${envName}', rule '${request.kind}'`);
  }

  push(
    'reason',
    request.reason.ok,
    request.reason.ok ? `cites ${request.reason.tickets.join(', ')}` : request.reason.problems.join('; '),
  );

  const actor = normalizeLogin(request.actor);
  const trigger = request.triggeringActor === undefined ? undefined : normalizeLogin(request.triggeringActor);
  if (!actor) push('actor', false, 'the actor is unknown; cannot attribute the request');
  else if (trigger && !sameLogin(trigger, actor)) {
    // A re-run by someone else would act on the first person's reason and approvals.
    push(
      'actor',
      false,
      `the run was triggered by ${trigger} but started by ${actor}; start a new run instead of re-running someone else's`,
    );
  } else push('actor', true, actor);

  if (!rule) {
    const why = 'not evaluated: no applicable rule';
    for (const name of ['ref', 'freeze', 'roles', 'assurance', 'dual-control'] as const)
      push(name, false, why);
  } else {
    push('ref', ...checkRef(rule, request.ref));
    push('freeze', ...checkFreeze(env!.freeze, facts.now));
    push('roles', ...checkRoles(rule.roles, facts.actorRoles, actor));
    push('assurance', ...checkAssurance(rule.assurance, facts.assurance, actor));
    push('dual-control', ...checkDualControl(rule, facts.approvals, actor, trigger));
  }

  const failed = results.find((r) => !r.ok);
  const allow = results.length === RULES.length && !failed;
  return {
    decision: allow ? 'allow' : 'deny',
    reasons: results,
    decidedBy: failed ? `${failed.rule}: ${failed.detail}` : `all ${results.length} rules passed`,
  };
}

/** Exact name first, then case-insensitive (GitHub environment names are case-insensitive). */
export function findEnvironment(policy: AccessPolicy, name: string): string | undefined {
  if (Object.hasOwn(policy.environments, name)) return name;
  const folded = name.toLowerCase();
  return Object.keys(policy.environments).find((env) => env.toLowerCase() === folded);
}

function checkRef(rule: KindRule, ref: string): [boolean, string] {
  if (rule.refs === null) return [true, `any ref allowed (${ref || 'unknown ref'})`];
  if (!ref) return [false, 'the ref is unknown'];
  const match = rule.refs.find((pattern) => refPatternToRegExp(pattern).test(ref));
  return match
    ? [true, `${ref} matches ${match}`]
    : [false, `${ref} is not an allowed ref (allowed: ${rule.refs.join(', ')})`];
}

function checkFreeze(windows: FreezeWindow[], now: Date): [boolean, string] {
  if (Number.isNaN(now.getTime())) return [false, 'the current time is unknown'];
  for (const window of windows) {
    if (isFrozen(window, now)) return [false, `frozen: ${describeWindow(window)}`];
  }
  return [true, windows.length ? `outside all ${windows.length} freeze window(s)` : 'no freeze windows'];
}

export function isFrozen(window: FreezeWindow, now: Date): boolean {
  if ('start' in window) {
    const t = now.getTime();
    return Date.parse(window.start) <= t && t < Date.parse(window.end);
  }
  const { day, time } = wallClock(now, window.weekly.timeZone);
  return window.weekly.days.includes(day) && window.weekly.from <= time && time < window.weekly.to;
}

function describeWindow(window: FreezeWindow): string {
  const note = window.note ? ` (${window.note})` : '';
  if ('start' in window) return `${window.start} to ${window.end}${note}`;
  const w = window.weekly;
  return `every ${w.days.join(', ')} ${w.from}-${w.to} ${w.timeZone}${note}`;
}

const WEEKDAY_BY_NAME: Record<string, Weekday> = {
  Sun: 'sun',
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
};

// Building an Intl.DateTimeFormat costs far more than using one.
const formats = new Map<string, Intl.DateTimeFormat>();

function wallClock(now: Date, timeZone: string): { day: Weekday; time: string } {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: WEEKDAY_BY_NAME[get('weekday')]!, time: `${get('hour')}:${get('minute')}` };
}

function checkRoles(required: string[], held: Record<string, Membership>, actor: string): [boolean, string] {
  if (required.length === 0) return [true, 'no role required'];
  const has = required.filter((role) => held[role]?.state === 'member');
  if (has.length > 0) return [true, `${actor} holds ${has.join(', ')}`];
  const unknown = required.flatMap((role) => {
    const m = held[role];
    return m?.state === 'unknown' ? [`${role}: ${m.detail}`] : [];
  });
  if (unknown.length > 0)
    return [false, `could not establish ${actor}'s roles (${unknown.join('; ')}); denied`];
  return [false, `${actor || 'the actor'} holds none of the required roles (${required.join(', ')})`];
}

function checkAssurance(required: string[], facts: AssuranceFacts, actor: string): [boolean, string] {
  if (required.length === 0) return [true, 'no assurance required'];
  if (facts.state === 'absent')
    return [false, `requires ${required.join(' + ')} assurance, but no assurance token was given`];
  if (facts.state === 'invalid') return [false, `the assurance token was rejected: ${facts.detail}`];
  if (!sameLogin(facts.subject, actor))
    return [false, `the assurance token is for ${facts.subject}, not ${actor}`];
  const missing = required.filter((method) => !facts.methods.includes(method));
  if (missing.length > 0)
    return [
      false,
      `authenticated with ${facts.methods.join(', ') || 'nothing'}; missing ${missing.join(', ')}`,
    ];
  return [true, `${actor} authenticated with ${required.join(', ')}`];
}

function checkDualControl(
  rule: KindRule,
  facts: ApprovalFacts,
  actor: string,
  trigger: string | undefined,
): [boolean, string] {
  const dc = rule.dualControl;
  if (!dc) return [true, 'no second approver required'];
  if (facts.state === 'unknown') return [false, `could not read approvals (${facts.detail}); denied`];
  const rejected = facts.approvals.filter((a) => a.state === 'rejected');
  if (rejected.length > 0)
    return [false, `rejected by ${[...new Set(rejected.map((a) => a.user))].join(', ')}`];
  const skipped: string[] = [];
  const counted = new Map<string, Approval>();
  for (const approval of facts.approvals) {
    const who = approval.user;
    if (sameLogin(who, actor) || (trigger && sameLogin(who, trigger))) skipped.push(`${who} (self-approval)`);
    else if (/\[bot\]$/i.test(who)) skipped.push(`${who} (a bot is not a second person)`);
    else if (
      dc.approverRoles.length > 0 &&
      !dc.approverRoles.some((role) => approval.roles[role]?.state === 'member')
    ) {
      skipped.push(`${who} (holds none of ${dc.approverRoles.join(', ')})`);
    } else counted.set(who.toLowerCase(), approval);
  }
  const need = dc.minApprovals;
  const names = [...counted.values()].map((a) => `${a.user} via ${a.source}`);
  const ignored = skipped.length ? `; not counted: ${[...new Set(skipped)].join(', ')}` : '';
  if (counted.size >= need) return [true, `approved by ${names.join(', ')}${ignored}`];
  return [
    false,
    `needs ${need} approval(s) by someone other than ${actor}, has ${counted.size}${names.length ? ` (${names.join(', ')})` : ''}${ignored}`,
  ];
}

/** GitHub logins are case-insensitive. */
function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The input document policy/opa/abac.rego evaluates (with the normalised AccessPolicy as
 * data.policy), so a team's Rego and the built-in decide() see the same facts.
 */
export function toOpaInput(request: AccessRequest, facts: Facts): Record<string, unknown> {
  const states = (roles: Record<string, Membership>) =>
    Object.fromEntries(Object.entries(roles).map(([role, m]) => [role, m.state]));
  return {
    request: {
      kind: request.kind,
      environment: request.environment,
      // Normalised here as in decide(): Rego's trim_space and JavaScript's trim() differ.
      actor: normalizeLogin(request.actor),
      triggering_actor: normalizeLogin(request.triggeringActor ?? ''),
      ref: request.ref,
      sha: request.sha,
      reason: { ok: request.reason.ok, tickets: request.reason.tickets, problems: request.reason.problems },
    },
    facts: {
      // OPA's time functions take nanoseconds since the epoch.
      now_ns: facts.now.getTime() * 1_000_000,
      actor_roles: states(facts.actorRoles),
      approvals:
        facts.approvals.state === 'known'
          ? {
              state: 'known',
              approvals: facts.approvals.approvals.map((a) => ({
                user: a.user,
                source: a.source,
                state: a.state,
                roles: states(a.roles),
              })),
            }
          : { state: 'unknown', detail: facts.approvals.detail },
      assurance:
        facts.assurance.state === 'verified'
          ? { state: 'verified', subject: facts.assurance.subject, methods: facts.assurance.methods }
          : { state: facts.assurance.state },
    },
  };
}
