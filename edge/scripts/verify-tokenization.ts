/**
 * Runbook "PII Tokenization Verification", as one command: `npm run verify:tokenization`.
 *
 * Starts the tokenize and vault Workers in workerd (miniflare) with D1 and a recording origin on
 * 127.0.0.1, sends a seeded payload full of synthetic PII, and proves: the origin log holds
 * `tok_*` tokens and no planted value (lib/dlp scan), the vault maps the tokens back for a
 * pii-reader claim, a replay without the role or with an expired claim reveals nothing, a replayed
 * request adds no vault entry, and the attestation chain verifies. Writes an evidence bundle
 * (lib/report/evidence.ts) and exits non-zero if any check fails.
 *
 *   npm run verify:tokenization -- [--seed <n>] [--out <dir>]
 */
import { mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { writeEvidenceBundle } from '../../lib/report/evidence.ts';
import { Redactor } from '../../lib/redact.ts';
import { verifyChain, type Attestation } from '../workers/shared/attest.ts';
import { startEdgeLab } from '../lab/lab.ts';
import { piiFindings, plantedDocument, plantedIn } from '../lab/synthetic-pii.ts';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

function arg(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

export async function verifyTokenization(
  argv: string[],
  print = console.log,
): Promise<{ ok: boolean; checks: Check[]; evidenceDir: string }> {
  const seed = Number(arg(argv, '--seed') ?? 20261204);
  const evidenceDir = resolve(arg(argv, '--out') ?? mkdtempSync(join(tmpdir(), 'tokenization-evidence-')));
  const planted = plantedDocument(seed);
  // Everything written below passes through this redactor: a planted value can never reach the evidence.
  const redactor = new Redactor();
  for (const v of planted.values) redactor.addSecret(v);
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string) => {
    checks.push({ name, ok, detail });
    print(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${redactor.redact(detail)}`);
  };

  const lab = await startEdgeLab();
  try {
    print(
      `tokenize + vault Workers in workerd; origin ${lab.origin.url}; seed ${seed}; ${planted.values.length} planted PII values`,
    );
    const res = await lab.send('/v1/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: planted.body,
    });
    const received = lab.origin.received.map((r) => ({
      method: r.method,
      url: r.url,
      body: r.body.toString('utf8'),
    }));
    check(
      'request forwarded',
      res.status === 200 && received.length === 1,
      `HTTP ${res.status}, origin received ${received.length} request(s)`,
    );
    const originText = received.map((r) => r.body).join('\n');
    const tokens = [...new Set(originText.match(/tok_[a-z0-9]+_v\d+_[A-Za-z0-9_-]{32}/g) ?? [])];
    const byPrefix: Record<string, number> = {};
    for (const t of tokens) {
      const prefix = /^tok_[a-z0-9]+_v\d+/.exec(t)![0];
      byPrefix[prefix] = (byPrefix[prefix] ?? 0) + 1;
    }
    check(
      'origin log shows tok_* tokens',
      tokens.length > 0,
      `${tokens.length} distinct tokens: ${JSON.stringify(byPrefix)}`,
    );
    const leaked = plantedIn(originText, planted.values);
    const findings = piiFindings(originText);
    check(
      'origin never saw a planted value',
      leaked.length === 0 && findings.length === 0,
      `planted values found: ${leaked.length}; lib/dlp PII findings: ${findings.length}`,
    );
    print(`origin received: ${received[0]?.body.slice(0, 400) ?? '(nothing)'}…`);

    const reader = await lab.claim(['pii-reader'], { sub: 'runbook' });
    const mapped = (await (
      await lab.vault('/detokenize', {
        method: 'POST',
        headers: { authorization: `Claim ${reader}`, 'content-type': 'application/json' },
        body: JSON.stringify({ tokens }),
      })
    ).json()) as { values: Record<string, string | null> };
    // The evidence names which planted value each token resolved to, never the value or a digest
    // of it (a 9-digit SSN's hash is reversed by trying them all).
    const plantedIndex = (v: string | null) =>
      v === null ? null : planted.values.findIndex((p) => p.toLowerCase() === v.toLowerCase());
    const mapping = Object.entries(mapped.values ?? {}).map(([t, v]) => ({
      token: t,
      resolvesToPlanted: plantedIndex(v),
    }));
    const resolvedPlanted = new Set(
      mapping.map((m) => m.resolvesToPlanted).filter((i) => i !== null && i >= 0),
    );
    check(
      'vault maps tokens back for a pii-reader claim',
      mapping.length === tokens.length && resolvedPlanted.size === planted.values.length,
      `${mapping.length} tokens resolved; they cover ${resolvedPlanted.size} of ${planted.values.length} planted values`,
    );
    for (const m of mapping.slice(0, 5)) print(`  vault: ${m.token} → planted value #${m.resolvesToPlanted}`);

    const detok = async (claim: string | null) =>
      (
        await lab.vault('/detokenize', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(claim ? { authorization: `Claim ${claim}` } : {}),
          },
          body: JSON.stringify({ tokens }),
        })
      ).status;
    const noClaim = await detok(null);
    const wrongRole = await detok(await lab.claim(['auditor'], { sub: 'runbook' }));
    const expired = await detok(
      await lab.claim(['pii-reader'], { sub: 'runbook', ttlSeconds: 30, iatOffset: -60 }),
    );
    check(
      'replay without a claim, without the role, or with an expired claim is refused',
      noClaim === 401 && wrongRole === 403 && expired === 401,
      `no claim → ${noClaim}, auditor role → ${wrongRole}, expired claim → ${expired}`,
    );

    const auditor = await lab.claim(['auditor'], { sub: 'runbook' });
    const chainBefore = (
      (await (
        await lab.vault('/attestations', { headers: { authorization: `Claim ${auditor}` } })
      ).json()) as { records: Attestation[] }
    ).records;
    await lab.send('/v1/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: planted.body,
    });
    const chain = (
      (await (
        await lab.vault('/attestations', { headers: { authorization: `Claim ${auditor}` } })
      ).json()) as { records: Attestation[] }
    ).records;
    const sameTokens = lab.origin.received[1]?.body.toString('utf8') === received[0]?.body;
    check(
      'a replayed request gets the same tokens and adds no vault entry',
      sameTokens && chain.length === chainBefore.length,
      `same body at origin: ${sameTokens}; attestations ${chainBefore.length} → ${chain.length}`,
    );
    const verdict = await verifyChain(chain);
    check(
      'attestation chain verifies',
      verdict.ok && verdict.count === tokens.length,
      verdict.ok
        ? `${verdict.count} records, head ${verdict.head}`
        : `broken at seq ${verdict.seq}: ${verdict.problem}`,
    );
    const audit = (
      (await (await lab.vault('/audit', { headers: { authorization: `Claim ${auditor}` } })).json()) as {
        records: unknown[];
      }
    ).records;
    const logText = JSON.stringify(lab.logs);
    check(
      'worker logs hold counts and token prefixes only',
      plantedIn(logText, planted.values).length === 0 && !tokens.some((t) => logText.includes(t)),
      `${lab.logs.length} log lines`,
    );

    const ok = checks.every((c) => c.ok);
    const markdown = [
      '# PII tokenization verification',
      '',
      `Result: **${ok ? 'PASS' : 'FAIL'}** (seed ${seed})`,
      '',
      '| check | result | detail |',
      '| --- | --- | --- |',
      ...checks.map((c) => `| ${c.name} | ${c.ok ? 'PASS' : 'FAIL'} | ${c.detail.replace(/\|/g, '\\|')} |`),
      '',
    ].join('\n');
    await writeEvidenceBundle(
      evidenceDir,
      {
        report: { kind: 'pii-tokenization-verification', seed, ok, checks },
        markdown,
        files: [
          { name: 'origin-log.jsonl', content: received.map((r) => JSON.stringify(r)).join('\n') + '\n' },
          { name: 'worker-logs.jsonl', content: lab.logs.map((l) => JSON.stringify(l)).join('\n') + '\n' },
          { name: 'vault-mapping.json', content: JSON.stringify(mapping, null, 2) + '\n' },
          { name: 'vault-attestations.json', content: JSON.stringify({ records: chain }, null, 2) + '\n' },
          { name: 'vault-audit.json', content: JSON.stringify({ records: audit }, null, 2) + '\n' },
        ],
      },
      redactor,
    );
    print(
      `evidence bundle: ${evidenceDir} (verify the chain again: node edge/scripts/verify-attestations.ts ${join(evidenceDir, 'vault-attestations.json')})`,
    );
    print(
      `${ok ? 'PII tokenization verification PASSED' : 'PII tokenization verification FAILED'}: ${checks.filter((c) => c.ok).length}/${checks.length} checks`,
    );
    return { ok, checks, evidenceDir };
  } finally {
    await lab.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ok } = await verifyTokenization(process.argv.slice(2));
  process.exitCode = ok ? 0 : 1;
}
