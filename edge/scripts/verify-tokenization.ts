/**
 * Runbook "PII Tokenization Verification", as one command: `npm run verify:tokenization`.
 *
 * Starts the tokenize and vault Workers in workerd (miniflare) with D1 and a recording origin on
 * 127.0.0.1 and runs the runbook's checks (edge/runbook/runbook.ts) against them: the origin sees
 * `tok_*` tokens and no planted value, the Worker refuses what it cannot tokenize, the vault maps
 * the tokens back for a pii-reader claim only, a replay adds no vault entry, the attestation chain
 * verifies, the Workers' logs hold no value or token. Writes an evidence bundle
 * (lib/report/evidence.ts) and exits non-zero if any check fails. The same checks run against a
 * deployment through the edge-verify action.
 *
 *   npm run verify:tokenization -- [--seed <n>] [--out <dir>]
 */
import { mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { startEdgeLab } from '../lab/lab.ts';
import { labTarget } from '../runbook/local-target.ts';
import { runTokenizationRunbook, writeRunbookEvidence, type RunbookCheck } from '../runbook/runbook.ts';

function arg(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

export async function verifyTokenization(
  argv: string[],
  print = console.log,
): Promise<{ ok: boolean; checks: RunbookCheck[]; evidenceDir: string }> {
  const seed = Number(arg(argv, '--seed') ?? 20261204);
  const evidenceDir = resolve(arg(argv, '--out') ?? mkdtempSync(join(tmpdir(), 'tokenization-evidence-')));
  const lab = await startEdgeLab();
  try {
    const target = labTarget(lab);
    const result = await runTokenizationRunbook(target, { seed, print });
    const sample = result.files.find((f) => f.name === 'origin-received.txt')?.content ?? '';
    print(`origin received: ${result.redactor.redact(sample.slice(0, 400))}…`);
    await writeRunbookEvidence(evidenceDir, result, target);
    print(
      `evidence bundle: ${evidenceDir} (verify the chain again: node edge/scripts/verify-attestations.ts ${join(evidenceDir, 'vault-attestations.json')})`,
    );
    const passed = result.checks.filter((c) => c.status === 'pass').length;
    print(
      `${result.ok ? 'PII tokenization verification PASSED' : 'PII tokenization verification FAILED'}: ${passed}/${result.checks.length} checks`,
    );
    return { ok: result.ok, checks: result.checks, evidenceDir };
  } finally {
    await lab.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ok } = await verifyTokenization(process.argv.slice(2));
  process.exitCode = ok ? 0 : 1;
}
