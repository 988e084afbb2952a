/**
 * reason-for-access's inputs: declared as text (so even a malformed one produces a recorded
 * denial), typed inside run(), and size-checked before anything else looks at them.
 */
import { relative, resolve } from 'node:path';
import type { RunContext } from '../../../lib/action.ts';
import { isInside } from '../../../lib/workspace.ts';
import { InputError, InputErrors, readInputs, bool, oneOf, str } from '../../../lib/inputs.ts';
import type { Annotation } from '../../../lib/report/types.ts';
import { REQUEST_KINDS } from './policy.ts';
import type { Located } from './record.ts';

export const DEFAULT_AUDIT_LOG = '.summit-ops-audit/reason-for-access.jsonl';

/**
 * Every input is read as text and typed inside run(), so that even a malformed input produces a
 * recorded denial instead of failing before anything is written.
 */
export const inputs = {
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
  policy: str({
    description:
      'Custom Rego (bundle, policy.wasm or .rego folder), evaluated after the built-in rules; deny wins.',
  }),
  'evidence-dir': str({ description: 'Write an evidence bundle (record, summary, OPA decision log) here.' }),
  'dry-run': str({ description: 'Decide and report only: write no record, never fail the step.' }),
  'github-token': str({
    secret: true,
    description: 'The job token: approvals, PR reviews, the policy on the default branch, attestations.',
  }),
  'openfga-token': str({
    secret: true,
    description: "Bearer token for the OpenFGA store of the policy's roles: { source: openfga }.",
  }),
  'roles-token': str({
    secret: true,
    description: 'Token used only to read team membership (members:read); default: github-token.',
  }),
};

export const typed = {
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
  policy: str(),
  'evidence-dir': str(),
  'dry-run': bool({ default: false }),
  'github-token': str({ secret: true }),
  'roles-token': str({ secret: true }),
  'openfga-token': str({ secret: true }),
};

export interface Setup {
  errors: string[];
  annotations: Annotation[];
}

export type Typed = {
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
  policy?: string;
  evidenceDir?: string;
  dryRun?: boolean;
  githubToken?: string;
  rolesToken?: string;
  openfgaToken?: string;
};

export function readTyped(raw: Record<string, string | undefined>, setup: Setup): Typed {
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

export function inWorkspace(
  context: RunContext,
  path: string,
  input: string,
  setup: Setup,
): Located | undefined {
  const absolute = resolve(context.workspace, path);
  const rel = relative(context.workspace, absolute);
  if (!isInside(context.workspace, absolute)) {
    setup.errors.push(
      `Input '${input}': '${path}' is outside the workspace; expected a workspace-relative path`,
    );
    return undefined;
  }
  return { absolute, display: rel.split('\\').join('/') };
}

/**
 * Hard limits on the untrusted text inputs, checked before anything else reads them: the longest
 * reason a policy may allow (reason.maxLength is at most 5000 characters) with room for line
 * breaks and indentation, and a JWT far larger than any IdP issues. Larger inputs are refused
 * outright: nothing is decided or recorded, and the message never quotes them.
 */
export const INPUT_LIMITS = { reason: 20_000, 'assurance-token': 16_384 } as const;

/** One message per input over its limit (by its action.yml name; sizes only, never content). */
export function oversizedInputs(raw: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const [name, limit] of Object.entries(INPUT_LIMITS)) {
    const value = raw[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
    if (value !== undefined && value.length > limit)
      problems.push(
        `Input '${name}' is ${value.length} characters; at most ${limit} are accepted${name === 'reason' ? ' (link to the ticket instead of pasting it)' : ' (pass the IdP token itself, not a file or a bundle of tokens)'}`,
      );
  }
  return problems;
}
