/**
 * Verifies the vault's attestation chain.
 *
 *   node edge/scripts/verify-attestations.ts <records.json | https://vault.example/…> [--anchor <hash>]
 *
 * A file holds `{"records": [...]}` (what GET /attestations returns) or an array of records. A URL
 * is the vault's base URL: every page of GET /attestations is read with the auditor claim in
 * VAULT_AUDITOR_CLAIM. `--anchor` is the head hash recorded by an earlier run, when the records
 * start after seq 1. Exit 0: the chain holds; 1: it is broken (the seq and what is wrong are
 * printed); 2: it could not be read.
 */
import { readFile } from 'node:fs/promises';
import { GENESIS_HASH, verifyChain, type Attestation } from '../workers/shared/attest.ts';

export async function fetchAttestations(
  base: string,
  claim: string,
  fetchImpl: typeof fetch = fetch,
): Promise<Attestation[]> {
  const records: Attestation[] = [];
  for (let after = 0; ;) {
    const res = await fetchImpl(`${base.replace(/\/$/, '')}/attestations?after=${after}&limit=1000`, {
      headers: { authorization: `Claim ${claim}` },
    });
    if (res.status !== 200)
      throw new Error(
        `GET /attestations answered HTTP ${res.status}; is VAULT_AUDITOR_CLAIM an unexpired claim with the auditor role?`,
      );
    const page = ((await res.json()) as { records: Attestation[] }).records;
    records.push(...page);
    if (page.length < 1000) return records;
    after = page[page.length - 1]!.seq;
  }
}

export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out = console.log,
): Promise<number> {
  const source = argv.find((a, k) => !a.startsWith('--') && argv[k - 1] !== '--anchor');
  const anchorAt = argv.indexOf('--anchor');
  const anchor = anchorAt >= 0 ? argv[anchorAt + 1] : undefined;
  if (!source || (anchorAt >= 0 && !/^[0-9a-f]{64}$/.test(anchor ?? ''))) {
    out('usage: verify-attestations.ts <records.json | vault URL> [--anchor <64-hex head hash>]');
    return 2;
  }
  let records: Attestation[];
  try {
    if (/^https?:\/\//.test(source)) {
      const claim = env['VAULT_AUDITOR_CLAIM'];
      if (!claim)
        throw new Error('VAULT_AUDITOR_CLAIM is not set (an Ed25519-signed claim with the auditor role)');
      records = await fetchAttestations(source, claim);
    } else {
      const data = JSON.parse(await readFile(source, 'utf8')) as { records?: Attestation[] } | Attestation[];
      records = Array.isArray(data) ? data : (data.records ?? []);
    }
  } catch (e) {
    out(`cannot read attestations from ${source}: ${(e as Error).message}`);
    return 2;
  }
  const check = await verifyChain(records, anchor ?? GENESIS_HASH);
  if (check.ok) {
    out(`attestation chain OK: ${check.count} records, head ${check.head}`);
    return 0;
  }
  out(`attestation chain BROKEN at seq ${check.seq} (after ${check.count} good records): ${check.problem}`);
  return 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
