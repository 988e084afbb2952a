/**
 * reason-for-access as an action: reason + policy + facts from GitHub and the IdP -> decide() ->
 * one hash-chained audit record (allowed or denied) -> a signed attestation -> outputs and a
 * summary. Every failure on the way (bad input, unreadable policy, API down, signing failed)
 * becomes a deny with that failure as its reason, and the deny is still recorded.
 */
import { readFile, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { defineAction, type ActionResult, type RunContext } from '../../../lib/action.ts';
import { ConfigError } from '../../../lib/config.ts';
import { httpRequest } from '../../../lib/http.ts';
import { InputError, InputErrors, readInputs, bool, oneOf, str } from '../../../lib/inputs.ts';
import { scanText } from '../../../lib/dlp/index.ts';
import { summary as markdown } from '../../../lib/report/summary.ts';
import type { Annotation } from '../../../lib/report/types.ts';
import { parseJwks, verifyAssuranceToken } from './assurance.ts';
import {
  attestRecord,
  keylessSigner,
  sigstoreInstanceFor,
  type AttestationSigner,
  type SigstoreInstance,
} from './attest.ts';
import {
  commitRecordLine,
  nextRecord,
  readLog,
  verifyLog,
  writeFileAtomic,
  type AuditFields,
} from './audit.ts';
import {
  decide,
  findEnvironment,
  type AccessRequest,
  type ApprovalFacts,
  type AssuranceFacts,
  type Decision,
  type OperationalRule,
} from './decide.ts';
import {
  createGitHubClient,
  describeApiError,
  fileAtRef,
  gatherApprovals,
  repositoryFacts,
  resolveRoles,
  storeAttestation,
} from './github.ts';
import {
  loadAccessPolicy,
  policySource,
  REQUEST_KINDS,
  type LoadedPolicy,
  type PolicySource,
} from './policy.ts';
import { checkReason, reasonRules, type ReasonCheck, type SecretScanner } from './reason.ts';

export const DEFAULT_AUDIT_LOG = '.summit-ops-audit/reason-for-access.jsonl';

/**
 * Every input is read as text and typed inside run(), so that even a malformed input produces a
 * recorded denial instead of failing before anything is written.
 */
const inputs = {
  reason: str({
    description: 'Why access is needed; must cite a ticket or incident. Treated as data, never run.',
  }),
  environment: str({ description: 'The environment to act on, as named in the access policy.' }),
  kind: str({ description: 'deploy or delete.' }),
  'access-policy': str({ description: 'Workspace-relative access-policy YAML; empty: the built-in policy.' }),
  'audit-log': str({ description: 'Workspace-relative JSON Lines audit log to append to (or verify).' }),
  mode: str({ description: 'decide or verify.' }),
  'expected-head': str({ description: 'verify mode: the sha256 the last record must have.' }),
  'expected-policy-digest': str({
    description: 'The sha256 the access policy must have; any other policy denies.',
  }),
  attest: str({ description: 'Sign each record (keyless Sigstore) and store the attestation.' }),
  'fulcio-url': str({ description: 'Fulcio URL; default by repository visibility.' }),
  'rekor-url': str({ description: 'Rekor URL; default by repository visibility.' }),
  'tsa-url': str({ description: 'Timestamp authority URL; default by repository visibility.' }),
  'assurance-token': str({
    secret: true,
    description: 'An IdP-issued token proving how the actor authenticated.',
  }),
  'dry-run': str({ description: 'Decide and report only: write no record, never fail the step.' }),
  'github-token': str({
    secret: true,
    description: 'The job token: approvals, PR reviews, the policy on the default branch, attestations.',
  }),
  'roles-token': str({
    secret: true,
    description: 'Token used only to read team membership (members:read); default: github-token.',
  }),
};

const typed = {
  reason: str(),
  environment: str(),
  kind: oneOf(REQUEST_KINDS, { default: 'deploy' }),
  'access-policy': str(),
  'audit-log': str({ default: DEFAULT_AUDIT_LOG }),
  mode: oneOf(['decide', 'verify'] as const, { default: 'decide' }),
  'expected-head': str({ pattern: /^[0-9a-f]{64}$/, patternHint: 'a lowercase hex sha256' }),
  'expected-policy-digest': str({ pattern: /^[0-9a-f]{64}$/, patternHint: 'a lowercase hex sha256' }),
  attest: bool({ default: true }),
  'fulcio-url': str({ pattern: /^https:\/\/\S+$/, patternHint: 'an https:// URL' }),
  'rekor-url': str({ pattern: /^https:\/\/\S+$/, patternHint: 'an https:// URL' }),
  'tsa-url': str({ pattern: /^https:\/\/\S+$/, patternHint: 'an https:// URL' }),
  'assurance-token': str({ secret: true }),
  'dry-run': bool({ default: false }),
  'github-token': str({ secret: true }),
  'roles-token': str({ secret: true }),
};

export interface Dependencies {
  /** Finds secrets/PII in the reason; default: the DLP engine's built-in rule pack. */
  scanner: SecretScanner;
  /** Default: keyless with the job's OIDC token, on the instance chosen for the repository. */
  signer: (instance: SigstoreInstance) => AttestationSigner;
  /** Reads a JWKS over HTTPS; default: lib/http with timeouts and retries. */
  fetchText: (url: string) => Promise<string>;
}

const defaults: Dependencies = {
  scanner: (text) => scanText(text, { path: 'reason' }),
  signer: (instance) =>
    keylessSigner({
      fulcioURL: instance.fulcioURL,
      ...(instance.rekorURL ? { rekorURL: instance.rekorURL } : {}),
      ...(instance.tsaURL ? { tsaURL: instance.tsaURL } : {}),
    }),
  fetchText: async (url) => (await httpRequest(url, { timeoutMs: 10_000, retries: 2 })).text(),
};

export function createReasonForAccess(overrides: Partial<Dependencies> = {}) {
  const deps: Dependencies = { ...defaults, ...overrides };
  return defineAction({
    name: 'reason-for-access',
    inputs,
    run: (raw, context) => run(raw as Record<string, string | undefined>, context, deps),
  });
}

export default createReasonForAccess();

interface Setup {
  errors: string[];
  annotations: Annotation[];
}

async function run(
  raw: Record<string, string | undefined>,
  context: RunContext,
  deps: Dependencies,
): Promise<ActionResult> {
  const setup: Setup = { errors: [], annotations: [] };
  const values = readTyped(raw, setup);
  const auditLog = inWorkspace(context, values.auditLog ?? DEFAULT_AUDIT_LOG, 'audit-log', setup);

  if (values.mode === 'verify') return verifyMode(context, auditLog, values.expectedHead, setup);

  const gh = context.github;
  const [owner, repo] = (gh.repository ?? '').split('/');
  const actor = gh.actor ?? '';
  const environment = values.environment ?? '';
  const kind = values.kind ?? 'deploy';
  const dryRun = values.dryRun ?? false;
  const attest = values.attest ?? true;

  let loaded: LoadedPolicy | undefined;
  let readTrusted: ((path: string) => Promise<string>) | undefined;
  try {
    const source = await locatePolicy(context, values.accessPolicy, values.githubToken, owner, repo);
    if (source.from === 'default-branch') {
      const client = createGitHubClient({ token: values.githubToken!, baseUrl: context.github.apiUrl });
      readTrusted = (path) => fileAtRef(client, { owner: owner!, repo: repo!, path, ref: source.branch });
    }
    loaded = await loadAccessPolicy(values.accessPolicy, {
      workspace: context.workspace,
      ...(owner ? { owner } : {}),
      ...(readTrusted && source.from === 'default-branch'
        ? { read: readTrusted, sourceName: (path: string) => `${gh.repository}@${source.branch}:${path}` }
        : {}),
    });
    if (values.expectedPolicyDigest && loaded.digest !== values.expectedPolicyDigest)
      setup.errors.push(
        `access policy ${loaded.source} has sha256 ${loaded.digest}, not the expected-policy-digest ${values.expectedPolicyDigest}; the policy was changed (or the input is stale)`,
      );
  } catch (error) {
    setup.errors.push(`access policy: ${message(error)}`);
    if (error instanceof ConfigError)
      setup.annotations.push({
        level: 'error',
        title: 'Invalid access policy',
        file: error.file,
        line: error.line,
        column: error.column,
        message: error.problem,
      });
  }

  let reason: ReasonCheck;
  try {
    reason = checkReason(
      raw.reason,
      loaded ? reasonRules(loaded.policy.reason) : reasonRules(),
      deps.scanner,
    );
  } catch (error) {
    reason = {
      ok: false,
      reason: '[withheld: the reason could not be checked]',
      tickets: [],
      problems: [`the reason could not be checked: ${message(error)}`],
    };
  }
  if (!environment) setup.errors.push('the environment input is empty; name the environment to act on');
  if (!gh.sha || !gh.ref)
    setup.errors.push(
      'the commit (GITHUB_SHA) or ref (GITHUB_REF) is unknown; run inside a workflow or pass them to the CLI',
    );

  const request: AccessRequest = { kind, environment, actor, ref: gh.ref ?? '', sha: gh.sha ?? '', reason };
  if (gh.triggeringActor) request.triggeringActor = gh.triggeringActor;

  let decision: Decision;
  if (loaded) {
    try {
      const facts = await gatherFacts(context, loaded, request, values, deps, owner, repo, readTrusted);
      decision = decide(request, loaded.policy, facts);
    } catch (error) {
      // decide() is total; this is an adapter failing in a way it did not anticipate.
      decision = denied(`gathering facts failed: ${message(error)}`);
    }
  } else {
    decision = denied('the access policy could not be loaded');
  }
  if (setup.errors.length > 0) {
    decision = {
      ...decision,
      decision: 'deny',
      reasons: [
        ...setup.errors.map((detail) => ({ rule: 'setup' as const, ok: false, detail })),
        ...decision.reasons,
      ],
      decidedBy: `setup: ${setup.errors[0]}`,
    };
  }

  const runUrl =
    gh.repository && gh.runId
      ? `${gh.serverUrl}/${gh.repository}/actions/runs/${gh.runId}${gh.runAttempt ? `/attempts/${gh.runAttempt}` : ''}`
      : '';
  const fields = (d: Decision): AuditFields => ({
    timestamp: context.now().toISOString(),
    kind,
    actor,
    triggeringActor: gh.triggeringActor ?? actor,
    reason: reason.reason,
    tickets: reason.tickets,
    environment,
    repository: gh.repository ?? '',
    ref: gh.ref ?? '',
    sha: gh.sha ?? '',
    runUrl,
    policy: {
      source: loaded?.source ?? values.accessPolicy ?? 'built-in',
      digest: loaded?.digest ?? 'unavailable',
    },
    decision: d.decision,
    decidedBy: d.decidedBy,
    reasons: d.reasons,
    dryRun,
  });

  const outputs: Record<string, string> = {
    decision: '',
    'audit-record': '',
    'record-digest': '',
    'bundle-path': '',
  };
  const notes: string[] = [];
  if (!dryRun && auditLog) {
    let existing: string | undefined;
    try {
      existing = await readLog(auditLog.absolute);
    } catch (error) {
      decision = withFailure(
        decision,
        'audit-log',
        `cannot read the audit log ${auditLog.display}: ${message(error)}`,
      );
    }
    if (existing !== undefined) {
      const chain = verifyLog(existing);
      if (!chain.ok)
        decision = withFailure(
          decision,
          'audit-log',
          `${auditLog.display}: ${chain.broken!.message}; new decisions are denied until the log is restored`,
        );
      let next = nextRecord(existing, fields(decision));
      let bundle: unknown;
      if (attest) {
        try {
          const instance = sigstoreInstanceFor(
            gh.event?.['repository'] as { private?: unknown; visibility?: unknown } | undefined,
            {
              ...(values.fulcioUrl ? { fulcioURL: values.fulcioUrl } : {}),
              ...(values.rekorUrl ? { rekorURL: values.rekorUrl } : {}),
              ...(values.tsaUrl ? { tsaURL: values.tsaUrl } : {}),
            },
          );
          notes.push(
            `signed on the ${instance.name} Sigstore instance (Fulcio ${instance.fulcioURL}${instance.rekorURL ? `, Rekor ${instance.rekorURL}` : ', no transparency log'}${instance.tsaURL ? `, timestamps ${instance.tsaURL}` : ''})`,
          );
          bundle = await attestRecord(next.record, next.line, deps.signer(instance));
        } catch (error) {
          decision = withFailure(
            decision,
            'attestation',
            `signing the audit record failed (${message(error)}); grant permissions: id-token: write, or set attest: false`,
          );
          next = nextRecord(existing, fields(decision));
        }
      }
      // The bundle is written before the record: a record must never say allow unless its
      // signature is on disk, and a failure here must be able to turn it into a deny.
      let bundleFile: string | undefined;
      if (bundle) {
        bundleFile = join(dirname(auditLog.absolute), 'bundles', `record-${next.record.seq}.sigstore.json`);
        try {
          await writeFileAtomic(bundleFile, `${JSON.stringify(bundle, null, 2)}\n`);
        } catch (error) {
          decision = withFailure(
            decision,
            'attestation',
            `cannot write the attestation bundle ${relative(context.workspace, bundleFile).split('\\').join('/')} (${message(error)}); an unsigned record cannot allow`,
          );
          bundle = undefined;
          bundleFile = undefined;
          next = nextRecord(existing, fields(decision));
        }
      }
      try {
        await commitRecordLine(auditLog.absolute, existing, next.line);
        outputs['audit-record'] = next.line;
        outputs['record-digest'] = next.digest;
        if (bundle && bundleFile) {
          outputs['bundle-path'] = relative(context.workspace, bundleFile).split('\\').join('/');
          notes.push(await storeInGitHub(context, bundle, owner, repo, values.githubToken));
        }
      } catch (error) {
        decision = withFailure(
          decision,
          'audit-log',
          `cannot write the audit log ${auditLog.display}: ${message(error)}`,
        );
        // A bundle whose record never made it into the log would attest a decision nobody logged.
        if (bundleFile) await rm(bundleFile, { force: true }).catch(() => undefined);
      }
    }
  } else if (dryRun) {
    const preview = nextRecord('', fields(decision));
    outputs['audit-record'] = preview.line;
    notes.push('dry run: no record was written and nothing was signed');
  }
  // A dry run must never read as a decision: `if: decision == 'allow'` would deploy unrecorded.
  outputs.decision = dryRun ? `dry-run-${decision.decision}` : decision.decision;

  const allowed = decision.decision === 'allow';
  const result: ActionResult = {
    outputs,
    annotations: [
      ...setup.annotations,
      ...(allowed ? [] : [{ level: 'error' as const, title: 'Access denied', message: decision.decidedBy }]),
    ],
    summary: renderSummary({
      decision,
      actor,
      triggeringActor: gh.triggeringActor,
      reason,
      environment,
      kind,
      ref: gh.ref,
      loaded,
      outputs,
      notes,
      dryRun,
    }),
  };
  if (!allowed && !dryRun)
    result.failure = `Access denied for ${actor || 'an unknown actor'} to ${kind} ${environment || '(no environment)'}: ${decision.decidedBy}`;
  return result;
}

async function gatherFacts(
  context: RunContext,
  loaded: LoadedPolicy,
  request: AccessRequest,
  values: Typed,
  deps: Dependencies,
  owner: string | undefined,
  repo: string | undefined,
  readTrusted: ((path: string) => Promise<string>) | undefined,
) {
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

  const actorRoles = rule ? await resolveRoles(rolesClient, policy.roles, rule.roles, request.actor) : {};
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
            : await readFile(resolve(context.workspace, source), 'utf8');
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
async function locatePolicy(
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

async function verifyMode(
  context: RunContext,
  auditLog: Located | undefined,
  expectedHead: string | undefined,
  setup: Setup,
): Promise<ActionResult> {
  const outputs: Record<string, string> = {
    decision: '',
    'audit-record': '',
    'record-digest': '',
    'bundle-path': '',
  };
  if (!auditLog || setup.errors.length > 0) {
    return {
      outputs,
      annotations: setup.annotations,
      summary: '',
      failure: `Cannot verify: ${setup.errors.join('; ') || 'no audit log'}`,
    };
  }
  let text: string;
  try {
    text = await readFile(auditLog.absolute, 'utf8');
  } catch (error) {
    return {
      outputs,
      annotations: [],
      summary: '',
      failure: `Cannot read the audit log ${auditLog.display}: ${message(error)}`,
    };
  }
  const result = verifyLog(text, expectedHead ? { expectedHead } : {});
  outputs['record-digest'] = result.head;
  const md = markdown().heading('Audit log verification', 2);
  if (result.ok) {
    md.status(true, `${auditLog.display}: ${result.records} record(s), chain intact; head ${result.head}`);
    return { outputs, annotations: [], summary: md.toString() };
  }
  const b = result.broken!;
  md.status(false, `${auditLog.display}: ${b.message}`);
  return {
    outputs,
    annotations: [
      {
        level: 'error',
        title: `Audit log ${b.kind}`,
        file: auditLog.display,
        line: b.line,
        message: b.message,
      },
    ],
    summary: md.toString(),
    failure: `Audit log ${auditLog.display} is broken: ${b.message}`,
  };
}

async function storeInGitHub(
  context: RunContext,
  bundle: unknown,
  owner: string | undefined,
  repo: string | undefined,
  token: string | undefined,
): Promise<string> {
  if (!token || !owner || !repo) return 'attestation not stored in GitHub (no token or repository)';
  try {
    const id = await storeAttestation(
      createGitHubClient({ token, baseUrl: context.github.apiUrl }),
      owner,
      repo,
      bundle,
    );
    return `attestation stored in GitHub (id ${id})`;
  } catch (error) {
    // The bundle file and its Rekor entry already anchor the record; the API copy is a convenience.
    context.log.warning(
      `The attestation could not be stored through the GitHub attestations API (${message(error)}); the bundle file is still written.`,
    );
    return 'attestation not stored in GitHub (see warning)';
  }
}

function renderSummary(s: {
  decision: Decision;
  actor: string;
  triggeringActor: string | undefined;
  reason: ReasonCheck;
  environment: string;
  kind: string;
  ref: string | undefined;
  loaded: LoadedPolicy | undefined;
  outputs: Record<string, string>;
  notes: string[];
  dryRun: boolean;
}): string {
  const allowed = s.decision.decision === 'allow';
  const md = markdown()
    .heading(`reason-for-access: ${allowed ? 'allowed' : 'denied'}${s.dryRun ? ' (dry run)' : ''}`, 2)
    .status(
      allowed,
      `${s.actor || 'unknown actor'} → ${s.kind} ${s.environment || '(no environment)'} at ${s.ref || '(unknown ref)'}`,
    )
    .table(
      ['', ''],
      [
        [
          'Who',
          s.triggeringActor && s.triggeringActor !== s.actor
            ? `${s.actor} (run triggered by ${s.triggeringActor})`
            : s.actor,
        ],
        ['Why', s.reason.reason],
        ['Decided by', s.decision.decidedBy],
        ['Policy', s.loaded ? `${s.loaded.source} (sha256 ${s.loaded.digest.slice(0, 12)}…)` : 'not loaded'],
        ['Record', s.outputs['record-digest'] ? `sha256 ${s.outputs['record-digest']}` : 'none'],
        ['Attestation', s.outputs['bundle-path'] || 'none'],
      ],
    )
    .table(
      ['Rule', 'Result', 'Detail'],
      s.decision.reasons.map((r) => [r.rule, r.ok ? 'pass' : 'FAIL', r.detail]),
    );
  if (s.notes.length) md.list(s.notes);
  return md.toString();
}

type Typed = {
  environment?: string;
  kind?: (typeof REQUEST_KINDS)[number];
  accessPolicy?: string;
  auditLog?: string;
  mode?: 'decide' | 'verify';
  expectedHead?: string;
  expectedPolicyDigest?: string;
  attest?: boolean;
  fulcioUrl?: string;
  rekorUrl?: string;
  tsaUrl?: string;
  assuranceToken?: string;
  dryRun?: boolean;
  githubToken?: string;
  rolesToken?: string;
};

function readTyped(raw: Record<string, string | undefined>, setup: Setup): Typed {
  const byName: Record<string, string | undefined> = {};
  for (const name of Object.keys(typed))
    byName[name] = raw[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
  try {
    return readInputs(typed, (name) => byName[name]) as Typed;
  } catch (error) {
    if (!(error instanceof InputError || error instanceof InputErrors)) throw error;
    setup.errors.push(...(error instanceof InputErrors ? error.errors : [error]).map((e) => e.message));
    // Fail closed on every other input, but keep what is readable so the denial can be recorded.
    const out: Record<string, unknown> = {};
    for (const [name, descriptor] of Object.entries(typed)) {
      try {
        Object.assign(
          out,
          readInputs({ [name]: descriptor }, (n) => byName[n]),
        );
      } catch {
        // already reported
      }
    }
    return out as Typed;
  }
}

interface Located {
  absolute: string;
  display: string;
}

function inWorkspace(context: RunContext, path: string, input: string, setup: Setup): Located | undefined {
  const absolute = resolve(context.workspace, path);
  const rel = relative(context.workspace, absolute);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    setup.errors.push(
      `Input '${input}': '${path}' is outside the workspace; expected a workspace-relative path`,
    );
    return undefined;
  }
  return { absolute, display: rel.split('\\').join('/') };
}

function denied(detail: string): Decision {
  return {
    decision: 'deny',
    reasons: [{ rule: 'setup' as const, ok: false, detail }],
    decidedBy: `setup: ${detail}`,
  };
}

function withFailure(decision: Decision, rule: OperationalRule, detail: string): Decision {
  return {
    decision: 'deny',
    reasons: [...decision.reasons, { rule, ok: false, detail }],
    decidedBy: decision.decision === 'deny' ? decision.decidedBy : `${rule}: ${detail}`,
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
