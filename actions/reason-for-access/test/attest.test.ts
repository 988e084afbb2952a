import { expect, test } from '@jest/globals';

import { generateKeyPairSync } from 'node:crypto';
import { nextRecord, type AuditFields } from '../src/audit.ts';
import {
  attestRecord,
  auditStatement,
  localKeySigner,
  verifyRecordAttestation,
  PREDICATE_TYPE,
  GITHUB_INSTANCE,
  PUBLIC_GOOD,
  sigstoreInstanceFor,
} from '../src/attest.ts';

function fields(i: number, decision: 'allow' | 'deny' = 'allow'): AuditFields {
  return {
    timestamp: `2026-11-11T10:0${i}:00.000Z`,
    kind: 'deploy',
    actor: 'alice',
    triggeringActor: 'alice',
    reason: `Ship INC00${i}`,
    tickets: [`INC00${i}`],
    environment: 'prod',
    repository: 'acme/app',
    ref: 'refs/heads/main',
    sha: 'a'.repeat(40),
    runUrl: 'https://github.com/acme/app/actions/runs/1',
    policy: { source: 'built-in', digest: 'f'.repeat(64) },
    decision,
    decidedBy: 'x',
    reasons: [],
    dryRun: false,
  };
}
const r1 = nextRecord('', fields(1));
const r2 = nextRecord(`${r1.line}\n`, fields(2, 'deny'));
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ed = generateKeyPairSync('ed25519');
const TRUST = {
  publicKeys: { 'audit-key': ec.publicKey },
  tlogThreshold: 0,
  ctlogThreshold: 0,
  timestampThreshold: 0,
};

test('the statement names the record digest as its subject', () => {
  const s = auditStatement(r1.record, r1.line);
  expect(s.subject).toStrictEqual([{ name: 'audit-record-1', digest: { sha256: r1.digest } }]);
  expect(s.predicateType).toBe(PREDICATE_TYPE);
});

test('a record signed with a local key verifies against that key (P-256 and Ed25519)', async () => {
  const bundle = await attestRecord(r1.record, r1.line, localKeySigner(ec.privateKey, 'audit-key'));
  expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
  expect(bundle.dsseEnvelope).toBeTruthy();
  expect(verifyRecordAttestation(bundle, r1.line, TRUST)).toStrictEqual({
    ok: true,
    subject: r1.digest,
    signer: 'public key',
  });
  const edBundle = await attestRecord(r1.record, r1.line, localKeySigner(ed.privateKey, 'ed'));
  expect(verifyRecordAttestation(edBundle, r1.line, { ...TRUST, publicKeys: { ed: ed.publicKey } }).ok).toBe(
    true,
  );
});

test('a tampered record fails verification', async () => {
  const bundle = await attestRecord(r1.record, r1.line, localKeySigner(ec.privateKey, 'audit-key'));
  const tampered = r1.line.replace('"decision":"allow"', '"decision":"deny"');
  expect(tampered).not.toBe(r1.line);
  const check = verifyRecordAttestation(bundle, tampered, TRUST);
  expect(check.ok).toBe(false);
  expect((check as { problem: string }).problem).toMatch(
    /the record was changed or the bundle belongs to another record/,
  );
});

test("a swapped bundle (another record's) fails verification", async () => {
  const bundle2 = await attestRecord(r2.record, r2.line, localKeySigner(ec.privateKey, 'audit-key'));
  expect(verifyRecordAttestation(bundle2, r2.line, TRUST).ok).toBe(true);
  expect(verifyRecordAttestation(bundle2, r1.line, TRUST).ok).toBe(false);
});

test('an edited bundle payload, a wrong key, an unknown hint, and a missing transparency log all fail', async () => {
  const bundle = await attestRecord(r1.record, r1.line, localKeySigner(ec.privateKey, 'audit-key'));
  const envelope = bundle.dsseEnvelope!;
  // Rewrite the signed statement to attest the tampered record: the signature no longer matches.
  const forgedRecord = r1.line.replace('"decision":"allow"', '"decision":"deny"');
  const forged = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
  forged.predicate.record = JSON.parse(forgedRecord);
  forged.subject[0].digest.sha256 = (await import('../src/audit.ts')).sha256Hex(forgedRecord);
  const forgedBundle = {
    ...bundle,
    dsseEnvelope: { ...envelope, payload: Buffer.from(JSON.stringify(forged)).toString('base64') },
  };
  const check = verifyRecordAttestation(forgedBundle, forgedRecord, TRUST);
  expect(check.ok).toBe(false);
  expect((check as { problem: string }).problem).toMatch(/signature verification failed/);

  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  expect(
    verifyRecordAttestation(bundle, r1.line, { ...TRUST, publicKeys: { 'audit-key': other.publicKey } }).ok,
  ).toBe(false);
  expect(
    (verifyRecordAttestation(bundle, r1.line, { ...TRUST, publicKeys: {} }) as { problem: string }).problem,
  ).toMatch(/no trusted public key for hint 'audit-key'/);
  // Default thresholds demand a transparency-log entry, which a local-key bundle does not have.
  expect(verifyRecordAttestation(bundle, r1.line, { publicKeys: TRUST.publicKeys }).ok).toBe(false);
  expect(
    (verifyRecordAttestation({ nonsense: true }, r1.line, TRUST) as { problem: string }).problem,
  ).toMatch(/signature verification failed/);
});

test('sigstoreInstanceFor: only a repository known to be public goes to the public Rekor log', () => {
  expect(sigstoreInstanceFor({ private: false, visibility: 'public' })).toBe(PUBLIC_GOOD);
  expect(sigstoreInstanceFor({ private: false })).toBe(PUBLIC_GOOD);
  expect(sigstoreInstanceFor({ private: true, visibility: 'private' })).toBe(GITHUB_INSTANCE);
  expect(sigstoreInstanceFor({ private: false, visibility: 'internal' })).toBe(GITHUB_INSTANCE);
  expect(sigstoreInstanceFor(undefined)).toBe(GITHUB_INSTANCE);
  expect(sigstoreInstanceFor({ private: 'false' })).toBe(GITHUB_INSTANCE);
  expect(GITHUB_INSTANCE.rekorURL).toBe(undefined);
  expect(sigstoreInstanceFor({ private: true }, { fulcioURL: 'https://f.example' })).toStrictEqual({
    name: 'custom',
    fulcioURL: 'https://f.example',
    tsaURL: 'https://timestamp.githubapp.com',
  });
  expect(sigstoreInstanceFor({ private: false }, { rekorURL: 'https://r.example' })).toStrictEqual({
    name: 'custom',
    fulcioURL: 'https://fulcio.sigstore.dev',
    rekorURL: 'https://r.example',
  });
});
