/**
 * edge-verify as an action: the PII tokenization runbook (edge/runbook/runbook.ts) against a
 * deployment. Synthetic PII, generated for this run, goes through the tokenize Worker's route to an
 * origin that echoes what it received; the origin's view must hold tokens and no planted value,
 * the Worker must refuse what it cannot tokenize, and with the vault's route and a claim signing
 * key the vault must map the tokens back for a pii-reader claim only, add nothing on a replay, and
 * keep a verifiable attestation chain. Writes an evidence bundle.
 */
import { randomInt } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';
import { defineAction, type ActionResult, type RunContext } from '../../../lib/action.ts';
import { parseDuration } from '../../../lib/duration.ts';
import { bool, httpUrl, InputError, str } from '../../../lib/inputs.ts';
import { MANIFEST, REPORT_MD } from '../../../lib/report/evidence.ts';
import { remoteTarget } from '../../../edge/runbook/remote-target.ts';
import { runTokenizationRunbook, writeRunbookEvidence } from '../../../edge/runbook/runbook.ts';

export const inputs = {
  'deployment-url': str({
    required: true,
    description: "Base URL of the tokenize Worker's route, e.g. https://api.staging.example.com.",
  }),
  'echo-path': str({
    required: true,
    pattern: /^\/\S*$/,
    patternHint: 'a path starting with /, e.g. /anything',
    description:
      'Path on that route whose origin answers with the request it received (an echo service behind the Worker, e.g. httpbin /anything).',
  }),
  'vault-url': str({ description: "Base URL of the vault Worker's route." }),
  'claim-signing-key': str({
    secret: true,
    description:
      'Ed25519 private key (pkcs8, base64url) whose public half is in the vault’s CLAIM_KEYS; signs short-lived pii-reader and auditor claims.',
  }),
  'claim-kid': str({ default: 'ci', description: 'Key id of claim-signing-key in the vault’s CLAIM_KEYS.' }),
  'require-vault': bool({
    default: true,
    description:
      'Fail when the vault checks cannot run (no vault-url or claim-signing-key) instead of skipping them.',
  }),
  seed: str({
    pattern: /^\d{1,9}$/,
    patternHint: 'a whole number',
    description: 'Seed of the synthetic PII; default: a new one per run.',
  }),
  'request-timeout': str({ default: '10s', description: 'Timeout of each HTTP request.' }),
  'evidence-dir': str({
    default: 'edge-verify-evidence',
    description: 'Directory (empty or new) for the evidence bundle, relative to the workspace.',
  }),
};

/** A route's base URL: http(s), and no user:password (a Worker route takes none; it would be printed). */
function routeUrl(input: string, value: string): string {
  const url = httpUrl(input, value, 'an https:// URL such as https://api.staging.example.com');
  if (url.username || url.password)
    throw new InputError(
      input,
      'holds credentials',
      'a URL without user:password@; the Worker route needs none',
    );
  return value;
}

export default defineAction({
  name: 'edge-verify',
  inputs,
  async run(values, context: RunContext): Promise<ActionResult> {
    const deploymentUrl = routeUrl('deployment-url', values.deploymentUrl);
    const vaultUrl = values.vaultUrl === undefined ? undefined : routeUrl('vault-url', values.vaultUrl);
    if (values.requireVault && (!vaultUrl || !values.claimSigningKey))
      throw new InputError(
        vaultUrl ? 'claim-signing-key' : 'vault-url',
        'is not set, so the vault checks cannot run',
        'vault-url and claim-signing-key (a secret), or require-vault: false to skip the vault checks',
      );
    const timeoutMs = parseDuration('request-timeout', values.requestTimeout);
    const seed = values.seed === undefined ? randomInt(1, 1_000_000_000) : Number(values.seed);
    const target = remoteTarget({
      deploymentUrl,
      echoPath: values.echoPath,
      ...(vaultUrl ? { vaultUrl } : {}),
      ...(values.claimSigningKey ? { claimSigningKey: values.claimSigningKey } : {}),
      claimKid: values.claimKid,
      timeoutMs,
    });
    const result = await runTokenizationRunbook(target, { seed, print: (l) => context.log.info(l) });
    const evidenceDir = isAbsolute(values.evidenceDir)
      ? values.evidenceDir
      : resolve(context.workspace, values.evidenceDir);
    await writeRunbookEvidence(evidenceDir, result, target);
    const count = (s: string) => result.checks.filter((c) => c.status === s).length;
    const failed = result.checks.filter((c) => c.status === 'fail');
    const skipped = result.checks.filter((c) => c.status === 'skip');
    // One warning per reason a check could not run, naming the checks it covers.
    const skippedFor = new Map<string, string[]>();
    for (const c of skipped) skippedFor.set(c.detail, [...(skippedFor.get(c.detail) ?? []), c.name]);
    const annotations: ActionResult['annotations'] = [
      ...failed.map((c) => ({
        level: 'error' as const,
        title: `edge-verify: ${c.name}`,
        message: c.detail,
      })),
      ...[...skippedFor].map(([detail, names]) => ({
        level: 'warning' as const,
        title: 'edge-verify: checks not run',
        message: `${names.join('; ')}: not run (${detail})`,
      })),
    ];
    const outcome: ActionResult = {
      outputs: {
        verdict: result.ok ? 'pass' : 'fail',
        passed: String(count('pass')),
        failed: String(count('fail')),
        skipped: String(count('skip')),
        'evidence-dir': evidenceDir,
      },
      annotations,
      summary: result.redactor.redact(
        `${result.markdown}\nEvidence: \`${join(values.evidenceDir, REPORT_MD)}\` and \`${join(values.evidenceDir, MANIFEST)}\` (SHA-256 of every file).\n`,
      ),
    };
    if (!result.ok)
      outcome.failure = `PII tokenization verification failed: ${failed.map((c) => c.name).join('; ')} (evidence in ${values.evidenceDir})`;
    return outcome;
  },
});
