/**
 * The access-policy file: per environment and request kind, who may act (roles), how strongly they
 * must have authenticated (assurance), whether a second person must approve (dual control), from
 * which refs, and when nothing may happen at all (freeze windows). Loading is the only I/O here;
 * every problem is a ConfigError naming file:line:column.
 */
import { isAbsolute } from 'node:path';
import { sha256Hex } from '../../../lib/digest.ts';
import { readWorkspaceFile } from '../../../lib/workspace.ts';
import { ConfigError, parseConfig, type LoadedConfig, type PathSegment } from '../../../lib/config.ts';
import { compileSchema, validateConfig } from '../../../lib/schema.ts';
import type { OpenFgaRoleSource } from './openfga.ts';
import { isOpenFgaRoles, openFgaRoleSource, type RawOpenFgaRoles } from './openfga-policy.ts';
import { accessPolicySchema } from './policy-schema.ts';
import { canonicalTimeZone, GLOB_SPECIAL, re2Problem } from './policy-semantics.ts';
import { DEFAULT_TICKET_PATTERN, reasonRules } from './reason.ts';

export const REQUEST_KINDS = ['deploy', 'delete'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface DualControlRule {
  approverRoles: string[];
  minApprovals: number;
}
export interface KindRule {
  roles: string[];
  assurance: string[];
  dualControl: DualControlRule | null;
  /** null: any ref. */
  refs: string[] | null;
}
export type FreezeWindow =
  | { start: string; end: string; note?: string }
  | { weekly: { days: Weekday[]; from: string; to: string; timeZone: string }; note?: string };
export interface EnvironmentPolicy {
  freeze: FreezeWindow[];
  deploy?: KindRule;
  delete?: KindRule;
}
export interface RoleSource {
  /** org/team-slug, with {owner} already replaced. */
  teams: string[];
  users: string[];
}
export interface AssuranceConfig {
  issuer: string;
  audience: string;
  jwks: string;
  actorClaim: string;
  methodsClaim: string;
  maxAgeSeconds: number;
}
export interface ReasonPolicy {
  minLength: number;
  maxLength: number;
  ticketPattern: string;
  ticketHint?: string;
}
export interface AccessPolicy {
  version: 1;
  reason: ReasonPolicy;
  roles: Record<string, RoleSource>;
  /** Set: roles come from this OpenFGA store, and `roles` only names them (no teams, no users). */
  roleSource?: OpenFgaRoleSource;
  assurance?: AssuranceConfig;
  environments: Record<string, EnvironmentPolicy>;
}
export interface LoadedPolicy {
  policy: AccessPolicy;
  /** The file it came from, or `built-in`. */
  source: string;
  /** sha256 of the policy file's bytes (plus the roles file's, when there is one). */
  digest: string;
}

/**
 * The built-in policy, used when the access-policy input is empty. It is deliberately strict:
 * production needs a release captain (a member of the repository owner's `release-captains`
 * team), a second release captain's approval, and main or a vX.Y.Z tag. Any other environment is
 * unknown and therefore denied. It requires no assurance because that needs an identity provider.
 */
export const BUILT_IN_POLICY_YAML = String.raw`# Built-in access policy of reason-for-access (used when the access-policy input is empty).
version: 1
reason:
  minLength: 20
  ticketPattern: '\b(?!(?:UTF|UCS|SHA|MD|AES|DES|RSA|CRC|ISO|RFC|TLS|SSL|HTTP|CVE|CWE|IPV)-)(?:[A-Z]{2}[A-Z0-9]*-\d+|INC\d+)\b'
  ticketHint: a change ticket such as CHG-1234 or an incident such as INC0042
roles:
  release-captain:
    teams: ['{owner}/release-captains']
environments:
  production: &production
    deploy:
      roles: [release-captain]
      dualControl: { approverRoles: [release-captain] }
      refs: ['refs/heads/main', '/refs\/tags\/v\d+\.\d+\.\d+/']
    delete:
      roles: [release-captain]
      dualControl: { approverRoles: [release-captain] }
  prod: *production
`;

const validate = compileSchema(accessPolicySchema);

export interface PolicyLoadOptions {
  /** Relative paths (the policy, its rolesFile, a JWKS file) resolve against this. */
  workspace: string;
  /** Replaces `{owner}` in team names; usually the repository owner. */
  owner?: string;
  /**
   * Reads a repository-relative file (the policy and its rolesFile) from somewhere other than the
   * workspace, e.g. the default branch through the GitHub API. Its errors become ConfigErrors.
   */
  read?: (path: string) => Promise<string>;
  /** How `source` names the policy file (default: the path itself). */
  sourceName?: (path: string) => string;
}

/** Where the access policy must come from for a run on `ref` (pure). */
export type PolicySource =
  | { from: 'built-in' }
  | { from: 'workspace'; path: string }
  | { from: 'default-branch'; path: string; branch: string };

/**
 * A run on the default branch reads the policy from its own checkout. Any other ref (a branch or
 * tag anyone with write access can push, then dispatch on) reads it from the default branch, so a
 * pushed branch cannot ship a more permissive policy for its own promotion.
 */
export function policySource(path: string | undefined, ref: string, defaultBranch: string): PolicySource {
  if (!path) return { from: 'built-in' };
  if (ref === `refs/heads/${defaultBranch}`) return { from: 'workspace', path };
  return { from: 'default-branch', path, branch: defaultBranch };
}

/** Loads the policy at `path` (workspace-relative), or the built-in one when path is empty. */
export async function loadAccessPolicy(
  path: string | undefined,
  options: PolicyLoadOptions,
): Promise<LoadedPolicy> {
  if (!path) {
    return {
      policy: parseAccessPolicy('built-in', BUILT_IN_POLICY_YAML, options),
      source: 'built-in',
      digest: sha256Hex(BUILT_IN_POLICY_YAML),
    };
  }
  const read = (file: string, hint: string) =>
    options.read ? readVia(options.read, file) : readText(options.workspace, file, hint);
  const text = await read(path, 'check the access-policy input');
  const loaded = parseConfig<Record<string, unknown>>(path, text);
  const rolesFile = typeof loaded.value?.rolesFile === 'string' ? loaded.value.rolesFile : undefined;
  let extraUsers: Record<string, string[]> = {};
  let hashed = text;
  if (rolesFile) {
    if (isAbsolute(rolesFile) || rolesFile.split(/[\\/]/).includes('..')) {
      throw new ConfigError(
        path,
        loaded.locate(['rolesFile']),
        'rolesFile must be a path inside the workspace',
      );
    }
    const rolesText = await read(rolesFile, `check rolesFile in ${path}`);
    hashed = `${text}\0${rolesText}`;
    extraUsers = parseRolesFile(rolesFile, rolesText);
  }
  return {
    policy: fromConfig(loaded, options, extraUsers),
    source: options.sourceName ? options.sourceName(path) : path,
    digest: sha256Hex(hashed),
  };
}

/** Parses and checks policy text (no rolesFile reading: that needs I/O). */
export function parseAccessPolicy(
  file: string,
  text: string,
  options: Omit<PolicyLoadOptions, 'workspace'> = {},
  extraUsers: Record<string, string[]> = {},
): AccessPolicy {
  return fromConfig(parseConfig<Record<string, unknown>>(file, text), options, extraUsers);
}

/** A roles file: `roles: { <role>: [github-login, ...] }`. */
export function parseRolesFile(file: string, text: string): Record<string, string[]> {
  const loaded = parseConfig<{ roles?: unknown }>(file, text);
  const roles = loaded.value?.roles;
  if (!roles || typeof roles !== 'object' || Array.isArray(roles)) {
    throw new ConfigError(
      file,
      loaded.locate([]),
      "expected a mapping 'roles:' of role name to a list of GitHub logins",
    );
  }
  const out: Record<string, string[]> = {};
  for (const [role, users] of Object.entries(roles)) {
    if (!/^[a-z][a-z0-9-]*$/.test(role))
      throw new ConfigError(
        file,
        loaded.locateKey(['roles', role]),
        `role name '${role}' must be lowercase letters, digits and '-'`,
      );
    if (
      !Array.isArray(users) ||
      users.some((u) => typeof u !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9-]*(\[bot\])?$/.test(u))
    ) {
      throw new ConfigError(
        file,
        loaded.locate(['roles', role]),
        `roles.${role} must be a list of GitHub logins`,
      );
    }
    out[role] = users as string[];
  }
  return out;
}

function fromConfig(
  loaded: LoadedConfig<Record<string, unknown>>,
  options: Omit<PolicyLoadOptions, 'workspace'>,
  extraUsers: Record<string, string[]>,
): AccessPolicy {
  const [problem] = validateConfig(loaded, validate);
  if (problem) throw new ConfigError(problem.file, problem, problem.message);
  // The schema guarantees the shape from here on.
  const raw = loaded.value as unknown as RawPolicy;
  const fail = (path: PathSegment[], message: string, key = false): never => {
    throw new ConfigError(loaded.file, key ? loaded.locateKey(path) : loaded.locate(path), message);
  };

  const reason: ReasonPolicy = {
    minLength: raw.reason?.minLength ?? 20,
    maxLength: raw.reason?.maxLength ?? 1000,
    ticketPattern: raw.reason?.ticketPattern ?? DEFAULT_TICKET_PATTERN,
  };
  if (raw.reason?.ticketHint) reason.ticketHint = raw.reason.ticketHint;
  if (reason.minLength > reason.maxLength)
    fail(
      ['reason', 'minLength'],
      `reason.minLength (${reason.minLength}) is greater than reason.maxLength (${reason.maxLength})`,
    );
  try {
    reasonRules(reason);
  } catch (error) {
    fail(['reason', 'ticketPattern'], (error as Error).message);
  }

  const roles: Record<string, RoleSource> = {};
  let roleSource: OpenFgaRoleSource | undefined;
  if (isOpenFgaRoles(raw.roles)) {
    roleSource = openFgaRoleSource(raw.roles, raw.rolesFile, fail);
    for (const name of Object.keys(roleSource.relations)) roles[name] = { teams: [], users: [] };
  }
  const rolesWhere = roleSource ? 'roles.relations' : 'roles:';
  for (const [name, source] of Object.entries(isOpenFgaRoles(raw.roles) ? {} : (raw.roles ?? {}))) {
    const teams = (source.teams ?? []).map((team) => {
      if (!team.includes('{owner}')) return team;
      if (!options.owner)
        fail(
          ['roles', name, 'teams'],
          `roles.${name}: '{owner}' needs the repository owner, which is unknown outside a workflow; name the org`,
        );
      return team.replace('{owner}', options.owner!);
    });
    roles[name] = { teams, users: [...(source.users ?? [])] };
  }
  for (const [name, users] of Object.entries(extraUsers)) {
    const role = (roles[name] ??= { teams: [], users: [] });
    role.users = [...new Set([...role.users, ...users])];
  }

  let assurance: AssuranceConfig | undefined;
  if (raw.assurance) {
    assurance = {
      issuer: raw.assurance.issuer,
      audience: raw.assurance.audience,
      jwks: raw.assurance.jwks,
      actorClaim: raw.assurance.actorClaim ?? 'github_login',
      methodsClaim: raw.assurance.methodsClaim ?? 'amr',
      maxAgeSeconds: raw.assurance.maxAgeSeconds ?? 900,
    };
    if (
      /^http:\/\//i.test(assurance.jwks) &&
      !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/i.test(assurance.jwks)
    ) {
      fail(
        ['assurance', 'jwks'],
        'assurance.jwks must use https:// (keys fetched over plain HTTP can be swapped in transit)',
      );
    }
  }

  const environments: Record<string, EnvironmentPolicy> = {};
  const seen = new Map<string, string>();
  for (const [env, rawEnv] of Object.entries(raw.environments)) {
    // GitHub treats environment names case-insensitively; two spellings would be ambiguous.
    const folded = env.toLowerCase();
    if (seen.has(folded))
      fail(
        ['environments', env],
        `environment '${env}' differs from '${seen.get(folded)}' only by case; GitHub treats them as one`,
        true,
      );
    seen.set(folded, env);
    const out: EnvironmentPolicy = { freeze: [] };
    (rawEnv.freeze ?? []).forEach((window, i) => {
      const at: PathSegment[] = ['environments', env, 'freeze', i];
      if ('start' in window) {
        if (!(Date.parse(window.start) < Date.parse(window.end)))
          fail(
            [...at, 'end'],
            `freeze window ${i + 1}: end (${window.end}) must be after start (${window.start})`,
          );
        for (const edge of ['start', 'end'] as const) {
          // A day that does not exist (02-30) rolls over in JavaScript but is an error in Go.
          if (!sameCalendarDate(window[edge]))
            fail(
              [...at, edge],
              `freeze window ${i + 1}: ${edge} (${window[edge]}) is not a real date and time`,
            );
        }
        // Stored as RFC 3339 in UTC with seconds: what Go's time.parse_rfc3339_ns requires.
        out.freeze.push({
          ...window,
          start: new Date(window.start).toISOString(),
          end: new Date(window.end).toISOString(),
        });
      } else {
        const zone = canonicalTimeZone(window.weekly.timeZone);
        if (zone instanceof Error) fail([...at, 'weekly', 'timeZone'], zone.message);
        if (window.weekly.from >= window.weekly.to)
          fail(
            [...at, 'weekly', 'to'],
            `weekly window: to (${window.weekly.to}) must be after from (${window.weekly.from}); split a window that crosses midnight in two`,
          );
        out.freeze.push({ ...window, weekly: { ...window.weekly, timeZone: zone as string } });
      }
    });
    for (const kind of REQUEST_KINDS) {
      const rule = rawEnv[kind];
      if (!rule) continue;
      const at: PathSegment[] = ['environments', env, kind];
      for (const [i, role] of (rule.roles ?? []).entries()) {
        if (!roles[role])
          fail(
            [...at, 'roles', i],
            `role '${role}' is not defined under ${rolesWhere}${raw.rolesFile ? ` or in ${raw.rolesFile}` : ''}`,
          );
      }
      if ((rule.assurance ?? []).length > 0 && !assurance) {
        fail(
          [...at, 'assurance'],
          `${env}.${kind} requires assurance, but the policy has no top-level assurance: section (issuer, audience, jwks)`,
        );
      }
      let dualControl: DualControlRule | null = null;
      if (rule.dualControl === true) dualControl = { approverRoles: [], minApprovals: 1 };
      else if (rule.dualControl && typeof rule.dualControl === 'object') {
        dualControl = {
          approverRoles: rule.dualControl.approverRoles ?? [],
          minApprovals: rule.dualControl.minApprovals ?? 1,
        };
        for (const [i, role] of dualControl.approverRoles.entries()) {
          if (!roles[role])
            fail(
              [...at, 'dualControl', 'approverRoles', i],
              `role '${role}' is not defined under ${rolesWhere}`,
            );
        }
      }
      for (const [i, pattern] of (rule.refs ?? []).entries()) {
        try {
          refPatternToRegExp(pattern);
        } catch (error) {
          fail([...at, 'refs', i], (error as Error).message);
        }
      }
      out[kind] = {
        roles: rule.roles ?? [],
        assurance: rule.assurance ?? [],
        dualControl,
        refs: rule.refs ?? null,
      };
    }
    environments[env] = out;
  }
  const policy: AccessPolicy = { version: 1, reason, roles, environments };
  if (roleSource) policy.roleSource = roleSource;
  if (assurance) policy.assurance = assurance;
  return policy;
}

/**
 * `/regex/` matches the whole ref; anything else is a glob where `*` stays within one path
 * segment and `**` crosses segments. Globs must be full refs so `main` cannot silently match
 * nothing (or a tag named main).
 */
export function refPatternToRegExp(pattern: string): RegExp {
  if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')) {
    const problem = re2Problem(pattern.slice(1, -1));
    if (problem)
      throw new Error(
        `ref pattern ${pattern}: ${problem} (the same pattern must mean the same in the built-in rules and in OPA)`,
      );
    try {
      return new RegExp(`^(?:${pattern.slice(1, -1)})$`, 'u');
    } catch (error) {
      throw new Error(
        `ref pattern ${pattern} is not a valid regular expression: ${(error as Error).message}`,
      );
    }
  }
  if (!pattern.startsWith('refs/'))
    throw new Error(
      `ref pattern '${pattern}' must be a full ref such as refs/heads/main or refs/tags/v*, or a /regex/`,
    );
  if (GLOB_SPECIAL.test(pattern))
    throw new Error(
      `ref pattern '${pattern}' contains { } [ ] or \\, which OPA's glob.match reads as syntax; use a /regex/ for those`,
    );
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u');
}

/** The instant's written date and time exist (JavaScript would roll 02-30 over to 03-02). */
function sameCalendarDate(instant: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(instant);
  if (!m) return false;
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  const probe = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!));
  return (
    probe.getUTCFullYear() === y &&
    probe.getUTCMonth() === mo! - 1 &&
    probe.getUTCDate() === d &&
    probe.getUTCHours() === h &&
    probe.getUTCMinutes() === mi
  );
}

async function readVia(read: (path: string) => Promise<string>, file: string): Promise<string> {
  try {
    return await read(file);
  } catch (error) {
    throw new ConfigError(file, { line: 1, column: 1 }, (error as Error).message);
  }
}

/**
 * A workspace file the policy names (the policy, its roles file, a JWKS), or a ConfigError at it.
 * A committed symlink to a file outside the repository, a FIFO or a device is no file of the
 * repository: lib/workspace.ts refuses it unread.
 */
export async function readText(workspace: string, file: string, hint: string): Promise<string> {
  const read = await readWorkspaceFile(workspace, file);
  if (read.ok) return read.text;
  const why = read.why.endsWith(': not found') ? `file not found; ${hint}` : `${read.why}; ${hint}`;
  throw new ConfigError(file, { line: 1, column: 1 }, why);
}

interface RawKindRule {
  roles?: string[];
  assurance?: string[];
  dualControl?: boolean | { approverRoles?: string[]; minApprovals?: number };
  refs?: string[];
}
interface RawPolicy {
  version: 1;
  reason?: { minLength?: number; maxLength?: number; ticketPattern?: string; ticketHint?: string };
  roles?: Record<string, { teams?: string[]; users?: string[] }> | RawOpenFgaRoles;
  rolesFile?: string;
  assurance?: {
    issuer: string;
    audience: string;
    jwks: string;
    actorClaim?: string;
    methodsClaim?: string;
    maxAgeSeconds?: number;
  };
  environments: Record<string, { freeze?: FreezeWindow[]; deploy?: RawKindRule; delete?: RawKindRule }>;
}
