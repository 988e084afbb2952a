/** The runbook command and the attestation verifier, run as a user runs them. */
import { expect } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyEvidenceBundle } from '../../lib/report/evidence.ts';
import { onCleanup } from '../../test/support/cleanup.ts';
import { testUnless } from '../../test/support/components.ts';
import { main as verifyAttestations } from '../scripts/verify-attestations.ts';
import { verifyTokenization } from '../scripts/verify-tokenization.ts';
import { plantedDocument, plantedIn } from '../lab/synthetic-pii.ts';
import { NO_WORKERD } from './workerd.ts';

testUnless(NO_WORKERD)(
  'verify:tokenization passes, writes a verifiable evidence bundle, and the chain verifier agrees',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runbook-'));
    onCleanup(() => rmSync(dir, { recursive: true, force: true }));
    const printed: string[] = [];
    const result = await verifyTokenization(['--seed', '4242', '--out', join(dir, 'evidence')], (l) =>
      printed.push(l),
    );
    expect(result.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(printed.join('\n')).toMatch(/origin received: \{[\s\S]*tok_email_v1_/);
    expect(printed.at(-1)).toBe('PII tokenization verification PASSED: 12/12 checks');
    // Neither the printed output nor the evidence holds a planted value.
    const planted = plantedDocument(4242).values;
    expect(plantedIn(printed.join('\n'), planted)).toEqual([]);
    expect((await verifyEvidenceBundle(join(dir, 'evidence'))).ok).toBe(true);
    for (const f of ['origin-received.txt', 'worker-logs.jsonl', 'vault-mapping.json', 'vault-audit.json'])
      expect(plantedIn(readFileSync(join(dir, 'evidence', f), 'utf8'), planted)).toEqual([]);

    const records = join(dir, 'evidence', 'vault-attestations.json');
    const out: string[] = [];
    expect(await verifyAttestations([records], {}, (l) => out.push(l))).toBe(0);
    expect(out[0]).toMatch(/^attestation chain OK: 13 records, head [0-9a-f]{64}$/);
    const data = JSON.parse(readFileSync(records, 'utf8')) as { records: Array<{ field: string }> };
    data.records[4]!.field = 'iban';
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(data));
    expect(await verifyAttestations([join(dir, 'tampered.json')], {}, (l) => out.push(l))).toBe(1);
    expect(out[1]).toBe(
      'attestation chain BROKEN at seq 5 (after 4 good records): hash does not match the record (edited)',
    );
    expect(await verifyAttestations([join(dir, 'missing.json')], {}, (l) => out.push(l))).toBe(2);
    expect(out[2]).toMatch(/^cannot read attestations from .*missing\.json: ENOENT/);
    expect(await verifyAttestations(['https://vault.example'], {}, (l) => out.push(l))).toBe(2);
    expect(out[3]).toMatch(/VAULT_AUDITOR_CLAIM is not set/);
  },
);
