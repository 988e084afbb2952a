/**
 * Runbook "PII Tokenization Verification": one sequence of checks, run against a target that is
 * either the local lab (the Workers in workerd, a recording origin; edge/runbook/local-target.ts)
 * or a deployment (the tokenize Worker's route, an origin path that echoes what it received, the
 * vault's route; edge/runbook/remote-target.ts). The checks never print or store a planted value:
 * everything leaving here passes through a redactor that knows them, and a failure names planted
 * values by index.
 */
import { Redactor } from '../../lib/redact.ts';
import { writeEvidenceBundle } from '../../lib/report/evidence.ts';
import { verifyChain, type Attestation } from '../workers/shared/attest.ts';
import { piiFindings, plantedDocument, plantedIn } from '../lab/synthetic-pii.ts';

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface RunbookCheck {
  name: string;
  status: CheckStatus;
  detail: string;
}

export interface Delivery {
  status: number;
  /** What the origin received, as text (several requests joined by newlines); undefined: nothing. */
  origin: string | undefined;
}

export interface ClaimOptions {
  sub?: string;
  ttlSeconds?: number;
  /** Seconds added to "now" for iat (negative: a claim issued in the past, e.g. already expired). */
  iatOffset?: number;
}

export interface VaultPort {
  fetch(path: string, init?: RequestInit): Promise<Response>;
  claim(roles: string[], options?: ClaimOptions): Promise<string>;
}

export interface RunbookTarget {
  /** One line naming what is verified, without credentials. */
  description: string;
  /** Sends a request through the tokenize Worker and reports what reached the origin. */
  send(path: string, init: RequestInit): Promise<Delivery>;
  /** Path (with the Worker's route) whose origin request the runbook inspects. */
  path: string;
  /** Absent when the vault cannot be reached from here: its checks are skipped, not passed. */
  vault?: VaultPort;
  /** Absent when the Workers' logs cannot be read from here (a deployment: use Workers Logs). */
  logs?: () => Array<Record<string, unknown>>;
}

export interface RunbookResult {
  ok: boolean;
  seed: number;
  checks: RunbookCheck[];
  tokens: string[];
  markdown: string;
  files: Array<{ name: string; content: string }>;
  redactor: Redactor;
}

const TOKEN = /tok_[a-z0-9]+_v\d+_[A-Za-z0-9_-]{32}/g;
/** Pages of 1,000 records: the chain of a staging vault fits; a production vault's is too long to audit from CI. */
const MAX_CHAIN_PAGES = 100;

export function tokensIn(text: string): string[] {
  return [...new Set(text.match(TOKEN) ?? [])].sort();
}

async function readAll<T extends { seq?: number; id?: number }>(
  vault: VaultPort,
  what: 'attestations' | 'audit',
  claim: string,
): Promise<T[]> {
  const records: T[] = [];
  let after = 0;
  for (let page = 0; page < MAX_CHAIN_PAGES; page++) {
    const res = await vault.fetch(`/${what}?after=${after}&limit=1000`, {
      headers: { authorization: `Claim ${claim}` },
    });
    if (res.status !== 200) throw new Error(`GET /${what} answered HTTP ${res.status}`);
    const batch = ((await res.json()) as { records?: T[] }).records ?? [];
    records.push(...batch);
    if (batch.length < 1000) return records;
    const last = batch.at(-1)!;
    after = Number(last.seq ?? last.id);
  }
  throw new Error(
    `the vault holds more than ${MAX_CHAIN_PAGES * 1000} ${what} records; run the runbook against a staging vault`,
  );
}

export async function runTokenizationRunbook(
  target: RunbookTarget,
  options: { seed: number; print?: (line: string) => void },
): Promise<RunbookResult> {
  const print = options.print ?? (() => {});
  const planted = plantedDocument(options.seed);
  // Everything below that leaves this function passes through this redactor.
  const redactor = new Redactor();
  for (const v of planted.values) redactor.addSecret(v);
  const checks: RunbookCheck[] = [];
  const check = (name: string, status: CheckStatus | boolean, detail: string) => {
    const s: CheckStatus = typeof status === 'boolean' ? (status ? 'pass' : 'fail') : status;
    checks.push({ name, status: s, detail: redactor.redact(detail) });
    print(`${s.toUpperCase().padEnd(4)}  ${name}: ${redactor.redact(detail)}`);
  };
  const guarded = async (name: string, body: () => Promise<void>) => {
    try {
      await body();
    } catch (error) {
      check(name, false, `could not run: ${(error as Error).message}`);
    }
  };
  print(`${target.description}; seed ${options.seed}; ${planted.values.length} planted PII values`);

  const json = { 'content-type': 'application/json' };
  let first: Delivery = { status: 0, origin: undefined };
  await guarded('request forwarded', async () => {
    first = await target.send(target.path, { method: 'POST', headers: json, body: planted.body });
    check(
      'request forwarded',
      first.status === 200 && first.origin !== undefined,
      `HTTP ${first.status}; the origin ${first.origin === undefined ? 'received nothing' : 'received the request'}`,
    );
  });
  const originText = first.origin ?? '';
  const tokens = tokensIn(originText);
  const byField: Record<string, number> = {};
  for (const t of tokens) {
    const prefix = /^tok_[a-z0-9]+_v\d+/.exec(t)![0];
    byField[prefix] = (byField[prefix] ?? 0) + 1;
  }
  check(
    'origin sees tok_* tokens',
    tokens.length > 0,
    `${tokens.length} distinct tokens: ${JSON.stringify(byField)}`,
  );
  const leaked = plantedIn(originText, planted.values);
  const findings = piiFindings(originText);
  check(
    'origin never saw a planted value',
    first.origin !== undefined && leaked.length === 0 && findings.length === 0,
    `planted values found: ${leaked.length === 0 ? 'none' : `#${leaked.join(', #')}`}; lib/dlp PII findings: ${findings.length === 0 ? 'none' : findings.join(', ')}`,
  );

  // The Worker fails closed: each of these must be refused before the origin sees it.
  const email = planted.values[0]!;
  const refusals: Array<{ what: string; init: RequestInit; query?: string; expect: number }> = [
    {
      what: 'PII in the query string',
      init: { method: 'GET' },
      query: `?email=${encodeURIComponent(email)}`,
      expect: 400,
    },
    {
      what: 'PII in a request header',
      init: { method: 'POST', headers: { ...json, 'x-customer-contact': email }, body: '{}' },
      expect: 400,
    },
    {
      what: 'malformed JSON',
      init: { method: 'POST', headers: json, body: `{"email": ${JSON.stringify(email)}` },
      expect: 400,
    },
    {
      what: 'a body that cannot be inspected',
      init: { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `contact ${email}` },
      expect: 415,
    },
  ];
  for (const r of refusals)
    await guarded(`refused: ${r.what}`, async () => {
      const got = await target.send(`${target.path}${r.query ?? ''}`, r.init);
      check(
        `refused: ${r.what}`,
        got.status === r.expect && got.origin === undefined,
        `HTTP ${got.status} (expected ${r.expect}); the origin ${got.origin === undefined ? 'received nothing' : 'RECEIVED it'}`,
      );
    });

  const vault = target.vault;
  const files: Array<{ name: string; content: string }> = [
    { name: 'origin-received.txt', content: originText + '\n' },
  ];
  let chain: Attestation[] = [];
  if (!vault) {
    for (const name of [
      'vault maps tokens back for a pii-reader claim',
      'replay without a claim, without the role, or with an expired claim is refused',
      'a replayed request gets the same tokens and adds no vault entry',
      'attestation chain verifies and holds every token once',
    ])
      check(name, 'skip', 'no vault to ask (give vault-url and a claim signing key)');
  } else {
    const detokenize = (claim: string | null) =>
      vault.fetch('/detokenize', {
        method: 'POST',
        headers: { ...json, ...(claim ? { authorization: `Claim ${claim}` } : {}) },
        body: JSON.stringify({ tokens }),
      });
    await guarded('vault maps tokens back for a pii-reader claim', async () => {
      const res = await detokenize(await vault.claim(['pii-reader'], { sub: 'runbook' }));
      const values =
        res.status === 200
          ? (((await res.json()) as { values?: Record<string, string | null> }).values ?? {})
          : {};
      // The evidence names which planted value each token resolved to, never the value or a digest
      // of it (a 9-digit SSN's hash is reversed by trying them all).
      const plantedIndex = (v: string | null) =>
        v === null ? null : planted.values.findIndex((p) => p.toLowerCase() === v.toLowerCase());
      const mapping = Object.entries(values).map(([token, v]) => ({
        token,
        resolvesToPlanted: plantedIndex(v),
      }));
      const covered = new Set(mapping.map((m) => m.resolvesToPlanted).filter((i) => i !== null && i >= 0));
      files.push({ name: 'vault-mapping.json', content: JSON.stringify(mapping, null, 2) + '\n' });
      check(
        'vault maps tokens back for a pii-reader claim',
        res.status === 200 &&
          tokens.length > 0 &&
          mapping.length === tokens.length &&
          covered.size === planted.values.length,
        `HTTP ${res.status}; ${mapping.length} tokens resolved; they cover ${covered.size} of ${planted.values.length} planted values`,
      );
    });
    await guarded(
      'replay without a claim, without the role, or with an expired claim is refused',
      async () => {
        const noClaim = (await detokenize(null)).status;
        const wrongRole = (await detokenize(await vault.claim(['auditor'], { sub: 'runbook' }))).status;
        const expired = (
          await detokenize(
            await vault.claim(['pii-reader'], { sub: 'runbook', ttlSeconds: 30, iatOffset: -60 }),
          )
        ).status;
        check(
          'replay without a claim, without the role, or with an expired claim is refused',
          noClaim === 401 && wrongRole === 403 && expired === 401,
          `no claim → ${noClaim}, auditor role → ${wrongRole}, expired claim → ${expired}`,
        );
      },
    );
    await guarded('a replayed request gets the same tokens and adds no vault entry', async () => {
      const auditor = await vault.claim(['auditor'], { sub: 'runbook' });
      const ours = (records: Attestation[]) => records.filter((r) => tokens.includes(r.token)).length;
      const before = ours(await readAll<Attestation>(vault, 'attestations', auditor));
      const again = await target.send(target.path, { method: 'POST', headers: json, body: planted.body });
      chain = await readAll<Attestation>(vault, 'attestations', auditor);
      const same = again.origin !== undefined && tokensIn(again.origin).join() === tokens.join();
      check(
        'a replayed request gets the same tokens and adds no vault entry',
        tokens.length > 0 && same && ours(chain) === before,
        `same tokens at the origin: ${same}; vault records for these tokens ${before} → ${ours(chain)}`,
      );
      const audit = await readAll<Record<string, unknown> & { id?: number }>(vault, 'audit', auditor);
      files.push({ name: 'vault-audit.json', content: JSON.stringify({ records: audit }, null, 2) + '\n' });
    });
    await guarded('attestation chain verifies and holds every token once', async () => {
      const verdict = await verifyChain(chain);
      const counts = new Map<string, number>();
      for (const r of chain) counts.set(r.token, (counts.get(r.token) ?? 0) + 1);
      const missing = tokens.filter((t) => counts.get(t) !== 1).length;
      files.push({
        name: 'vault-attestations.json',
        content: JSON.stringify({ records: chain }, null, 2) + '\n',
      });
      check(
        'attestation chain verifies and holds every token once',
        verdict.ok && tokens.length > 0 && missing === 0,
        verdict.ok
          ? `${verdict.count} records, head ${verdict.head}; tokens without exactly one record: ${missing}`
          : `broken at seq ${verdict.seq}: ${verdict.problem}`,
      );
    });
  }

  if (!target.logs)
    check(
      'worker logs hold counts and token prefixes only',
      'skip',
      'not readable from here: read them in Workers Logs',
    );
  else {
    const logs = target.logs();
    const logText = JSON.stringify(logs);
    files.push({ name: 'worker-logs.jsonl', content: logs.map((l) => JSON.stringify(l)).join('\n') + '\n' });
    check(
      'worker logs hold counts and token prefixes only',
      plantedIn(logText, planted.values).length === 0 && !tokens.some((t) => logText.includes(t)),
      `${logs.length} log lines`,
    );
  }

  const ok = checks.every((c) => c.status !== 'fail');
  const markdown = [
    '# PII tokenization verification',
    '',
    `Result: **${ok ? 'PASS' : 'FAIL'}** (seed ${options.seed}; ${target.description})`,
    '',
    '| check | result | detail |',
    '| --- | --- | --- |',
    ...checks.map((c) => `| ${c.name} | ${c.status.toUpperCase()} | ${c.detail.replace(/\|/g, '\\|')} |`),
    '',
  ].join('\n');
  return { ok, seed: options.seed, checks, tokens, markdown, files, redactor };
}

/** Writes the runbook's evidence bundle (lib/report/evidence.ts) through its redactor. */
export async function writeRunbookEvidence(dir: string, result: RunbookResult, target: RunbookTarget) {
  return writeEvidenceBundle(
    dir,
    {
      report: {
        kind: 'pii-tokenization-verification',
        seed: result.seed,
        target: target.description,
        ok: result.ok,
        checks: result.checks,
      },
      markdown: result.markdown,
      files: result.files,
    },
    result.redactor,
  );
}
