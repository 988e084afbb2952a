/**
 * reason-for-access as an action: reason + policy + facts from GitHub and the IdP -> decide() ->
 * one hash-chained audit record (allowed or denied) -> a signed attestation -> outputs and a
 * summary. Every failure on the way (bad input, unreadable policy, API down, signing failed)
 * becomes a deny with that failure as its reason, and the deny is still recorded.
 */
import { defineAction, type ActionResult, type RunContext } from '../../../lib/action.ts';
import { ConfigError } from '../../../lib/config.ts';
import { httpRequest } from '../../../lib/http.ts';
import { scanText } from '../../../lib/dlp/index.ts';
import { keylessSigner, sigstoreInstanceFor } from './attest.ts';
import type { AuditFields } from './audit.ts';
import { decide, type AccessRequest, type Decision } from './decide.ts';
import { gatherFacts, locatePolicy, type Dependencies } from './facts.ts';
import { createGitHubClient, fileAtRef, storeAttestation } from './github.ts';
import { DEFAULT_AUDIT_LOG, inWorkspace, inputs, oversizedInputs, readTyped, type Setup } from './inputs.ts';
import { roleSourceRecord } from './openfga.ts';
import { loadAccessPolicy, type LoadedPolicy } from './policy.ts';
import { normalizeLogin } from './policy-semantics.ts';
import { checkReason, reasonRules, type ReasonCheck } from './reason.ts';
import { message, nextRecordPreview, recordDecision } from './record.ts';
import { renderSummary, verifyMode } from './summary.ts';
import { applyCustomPolicy, builtInDecisionLog } from './custom-policy.ts';
import { decisionLogFile, type DecisionLogEntry } from '../../../lib/policy/index.ts';
import { writeEvidenceBundle } from '../../../lib/report/evidence.ts';

export { DEFAULT_AUDIT_LOG, type Dependencies };

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

async function run(
  raw: Record<string, string | undefined>,
  context: RunContext,
  deps: Dependencies,
): Promise<ActionResult> {
  const oversized = oversizedInputs(raw);
  if (oversized.length > 0)
    return {
      outputs: { decision: 'deny', 'audit-record': '', 'record-digest': '', 'bundle-path': '' },
      annotations: oversized.map((m) => ({ level: 'error' as const, title: 'Input refused', message: m })),
      summary: '',
      failure: `Refused before deciding (nothing was recorded): ${oversized.join('; ')}`,
    };
  const setup: Setup = { errors: [], annotations: [] };
  const values = readTyped(raw, setup);
  const auditLog = inWorkspace(context, values.auditLog ?? DEFAULT_AUDIT_LOG, 'audit-log', setup);

  if (values.mode === 'verify') return verifyMode(auditLog, values.expectedHead, setup);

  const gh = context.github;
  const [owner, repo] = (gh.repository ?? '').split('/');
  // Normalised once, before either engine (decide() or a Rego policy) sees it.
  const actor = normalizeLogin(gh.actor ?? '');
  const triggeringActor = gh.triggeringActor ? normalizeLogin(gh.triggeringActor) : undefined;
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
  if (triggeringActor) request.triggeringActor = triggeringActor;

  let decision: Decision;
  const decisions: DecisionLogEntry[] = [];
  if (loaded) {
    try {
      const facts = await gatherFacts(context, loaded, request, values, deps, owner, repo, readTrusted);
      decision = decide(request, loaded.policy, facts);
      decisions.push(builtInDecisionLog(request, facts, loaded, decision, context.now()));
      if (values.policy) {
        const custom = await applyCustomPolicy(context, values.policy, request, facts, loaded, decision);
        decision = custom.decision;
        if (custom.log) decisions.push(custom.log);
      }
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
    triggeringActor: triggeringActor ?? actor,
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
    ...(loaded?.policy.roleSource ? { roleSource: roleSourceRecord(loaded.policy.roleSource) } : {}),
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
  const fga = loaded?.policy.roleSource;
  if (fga)
    notes.push(`roles from OpenFGA ${fga.apiUrl} (store ${fga.storeId}, model ${fga.authorizationModelId})`);
  if (!dryRun && auditLog) {
    const recorded = await recordDecision({
      context,
      auditLog,
      decision,
      fields,
      ...(attest
        ? {
            signing: {
              instance: () =>
                sigstoreInstanceFor(
                  gh.event?.['repository'] as { private?: unknown; visibility?: unknown } | undefined,
                  {
                    ...(values.fulcioUrl ? { fulcioURL: values.fulcioUrl } : {}),
                    ...(values.rekorUrl ? { rekorURL: values.rekorUrl } : {}),
                    ...(values.tsaUrl ? { tsaURL: values.tsaUrl } : {}),
                  },
                ),
              signer: deps.signer,
            },
          }
        : {}),
      ...(deps.lock ? { lock: deps.lock } : {}),
    });
    decision = recorded.decision;
    notes.push(...recorded.notes);
    if (recorded.line && recorded.digest) {
      outputs['audit-record'] = recorded.line;
      outputs['record-digest'] = recorded.digest;
    }
    if (recorded.bundle && recorded.bundlePath) {
      outputs['bundle-path'] = recorded.bundlePath;
      notes.push(await storeInGitHub(context, recorded.bundle, owner, repo, values.githubToken));
    }
  } else if (dryRun) {
    const preview = nextRecordPreview(fields(decision));
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
      triggeringActor,
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
  if (values.evidenceDir) {
    const where = inWorkspace(context, values.evidenceDir, 'evidence-dir', setup);
    try {
      if (!where) throw new Error(setup.errors.at(-1));
      await writeEvidenceBundle(
        where.absolute,
        {
          report: {
            decision: outputs.decision,
            decidedBy: decision.decidedBy,
            record: outputs['audit-record'] ? (JSON.parse(outputs['audit-record']) as object) : null,
            recordDigest: outputs['record-digest'],
            decisionLogEntries: decisions.length,
          },
          markdown: result.summary,
          files: [decisionLogFile(decisions)],
        },
        context.redactor,
      );
    } catch (error) {
      // The decision is already recorded in the audit log; the bundle is a copy for auditors.
      result.annotations.push({
        level: 'warning',
        title: 'Evidence bundle not written',
        message: `evidence-dir ${values.evidenceDir}: ${message(error)}`,
      });
    }
  }
  if (!allowed && !dryRun)
    result.failure = `Access denied for ${actor || 'an unknown actor'} to ${kind} ${environment || '(no environment)'}: ${decision.decidedBy}`;
  return result;
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

function denied(detail: string): Decision {
  return {
    decision: 'deny',
    reasons: [{ rule: 'setup' as const, ok: false, detail }],
    decidedBy: `setup: ${detail}`,
  };
}
