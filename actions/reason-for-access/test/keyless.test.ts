/**
 * The keyless flow as it runs in Actions — Fulcio certificate for an OIDC identity, Rekor entry —
 * against @sigstore/mock's Fulcio and Rekor served over real HTTP on 127.0.0.1, then verified with
 * @sigstore/verify against a trusted root made of the mock CA, CT log and transparency log keys.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';

import { createServer, type Server } from 'node:http';
import { createHash, generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  rekorHandler,
  type HandlerFn,
} from '@sigstore/mock';
import { nextRecord, type AuditFields } from '../src/audit.ts';
import { attestRecord, keylessSigner, verifyRecordAttestation } from '../src/attest.ts';

function canonicalDsseEntry(proposed: {
  kind: string;
  apiVersion: string;
  spec: { proposedContent?: { envelope: string; verifiers: string[] } };
}): unknown {
  const content = proposed.spec.proposedContent;
  if (proposed.kind !== 'dsse' || !content) return proposed;
  const envelope = JSON.parse(content.envelope) as { payload: string; signatures: { sig: string }[] };
  const hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
  return {
    kind: 'dsse',
    apiVersion: proposed.apiVersion,
    spec: {
      envelopeHash: { algorithm: 'sha256', value: hex(content.envelope) },
      payloadHash: { algorithm: 'sha256', value: hex(Buffer.from(envelope.payload, 'base64')) },
      signatures: envelope.signatures.map((s, i) => ({
        signature: s.sig,
        verifier: content.verifiers[i] ?? content.verifiers[0],
      })),
    },
  };
}

const keys = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
let server: Server;
let baseURL: string;
let trustedRoot: unknown;
const hits: string[] = [];

beforeAll(async () => {
  const routes = new Map<string, HandlerFn>();
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    hits.push(`${req.method} ${req.url}`);
    const handler = routes.get(`${req.method} ${req.url}`);
    if (!handler) return void res.writeHead(404).end();
    const { statusCode, response, contentType } = await handler(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(statusCode, { 'content-type': contentType ?? 'application/json' }).end(response);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const ctKeys = keys();
  const ctLog = await initializeCTLog(ctKeys);
  const ca = await initializeCA(keys(), ctLog);
  const tlogKeys = keys();
  const tlog = await initializeTLog(baseURL, tlogKeys);
  const fulcio = fulcioHandler(ca);
  const rekor = rekorHandler(tlog);
  routes.set(`POST ${fulcio.path}`, fulcio.fn);
  // The mock logs a proposed entry as is; real Rekor canonicalises a DSSE entry first (hashes of
  // envelope and payload, the signatures with their verifiers). Do what Rekor does.
  routes.set(`POST ${rekor.path}`, (body) => rekor.fn(JSON.stringify(canonicalDsseEntry(JSON.parse(body)))));

  const der = (k: typeof ctKeys.publicKey) => k.export({ format: 'der', type: 'spki' }) as Buffer;
  const validFor = { start: '2000-01-01T00:00:00Z' };
  trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: baseURL,
        hashAlgorithm: 'SHA2_256',
        publicKey: {
          rawBytes: der(tlogKeys.publicKey).toString('base64'),
          keyDetails: 'PKIX_ECDSA_P256_SHA_256',
          validFor,
        },
        logId: { keyId: createHash('sha256').update(der(tlogKeys.publicKey)).digest('base64') },
      },
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'mock', commonName: 'mock' },
        uri: baseURL,
        certChain: {
          certificates: [
            {
              rawBytes: Buffer.from(
                ca.rootCertificate.buffer,
                ca.rootCertificate.byteOffset,
                ca.rootCertificate.byteLength,
              ).toString('base64'),
            },
          ],
        },
        validFor,
      },
    ],
    ctlogs: [
      {
        baseUrl: baseURL,
        hashAlgorithm: 'SHA2_256',
        publicKey: {
          rawBytes: der(ctKeys.publicKey).toString('base64'),
          keyDetails: 'PKIX_ECDSA_P256_SHA_256',
          validFor,
        },
        logId: {
          keyId: Buffer.from(ctLog.logID.buffer, ctLog.logID.byteOffset, ctLog.logID.byteLength).toString(
            'base64',
          ),
        },
      },
    ],
    timestampAuthorities: [],
  };
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

// The shape of a GitHub Actions OIDC token; the mock Fulcio reads claims without checking a signature.
const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const SUBJECT = 'https://github.com/acme/app/.github/workflows/promote.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';
const identityToken = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ iss: ISSUER, aud: 'sigstore', sub: SUBJECT, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 300 })}.${'sig'}`;

const fields: AuditFields = {
  timestamp: '2026-11-11T10:00:00.000Z',
  kind: 'deploy',
  actor: 'alice',
  triggeringActor: 'alice',
  reason: 'Ship INC0042',
  tickets: ['INC0042'],
  environment: 'prod',
  repository: 'acme/app',
  ref: 'refs/heads/main',
  sha: 'a'.repeat(40),
  runUrl: 'https://github.com/acme/app/actions/runs/1',
  policy: { source: 'built-in', digest: 'f'.repeat(64) },
  decision: 'allow',
  decidedBy: 'all 9 rules passed',
  reasons: [],
  dryRun: false,
};

test('keyless: Fulcio certificate + Rekor entry, verified with thresholds 1 and the signing identity', async () => {
  const { record, line } = nextRecord('', fields);
  const signer = keylessSigner({
    fulcioURL: baseURL,
    rekorURL: baseURL,
    identityProvider: { getToken: async () => identityToken },
  });
  const bundle = await attestRecord(record, line, signer);
  expect(hits.includes('POST /api/v2/signingCert') && hits.includes('POST /api/v1/log/entries')).toBeTruthy();
  expect(bundle.verificationMaterial.tlogEntries.length).toBe(1);
  expect(bundle.verificationMaterial.certificate).toBeTruthy();

  const trust = { trustedRoot, tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 };
  const identity = { subjectAlternativeName: SUBJECT, extensions: { issuer: ISSUER } };
  const ok = verifyRecordAttestation(bundle, line, { ...trust, identity });
  expect(ok).toStrictEqual({
    ok: true,
    subject: createHash('sha256').update(line).digest('hex'),
    signer: SUBJECT,
  });

  const wrongIdentity = verifyRecordAttestation(bundle, line, {
    ...trust,
    identity: {
      subjectAlternativeName: 'https://github.com/evil/fork/.github/workflows/x.yml@refs/heads/main',
      extensions: { issuer: ISSUER },
    },
  });
  expect(wrongIdentity.ok).toBe(false);

  const tampered = verifyRecordAttestation(bundle, line.replace('INC0042', 'INC0043'), {
    ...trust,
    identity,
  });
  expect(tampered.ok).toBe(false);

  const otherRoot = structuredClone(trustedRoot) as { certificateAuthorities: unknown[] };
  otherRoot.certificateAuthorities = [];
  expect(verifyRecordAttestation(bundle, line, { ...trust, identity, trustedRoot: otherRoot }).ok).toBe(
    false,
  );
});

test('keyless: a Fulcio outage is an error the caller sees (the action then fails closed)', async () => {
  const { record, line } = nextRecord('', fields);
  const signer = keylessSigner({
    fulcioURL: `${baseURL}/down`,
    rekorURL: baseURL,
    identityProvider: { getToken: async () => identityToken },
    timeoutMs: 2000,
  });
  await expect(attestRecord(record, line, signer)).rejects.toThrow(/error creating signing certificate|404/i);
});

test('keyless: the signer must be named (SAN and issuer); a bundle signed by anyone else, or any issuer, fails', async () => {
  // mallory signs a forged record with her own, perfectly valid, Fulcio identity.
  const mallory = 'https://github.com/mallory/app/.github/workflows/forge.yml@refs/heads/main';
  const token = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ iss: ISSUER, aud: 'sigstore', sub: mallory, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 300 })}.sig`;
  const { record, line } = nextRecord('', { ...fields, actor: 'mallory', reason: 'forged INC0042' });
  const bundle = await attestRecord(
    record,
    line,
    keylessSigner({
      fulcioURL: baseURL,
      rekorURL: baseURL,
      identityProvider: { getToken: async () => token },
    }),
  );
  const trust = { trustedRoot, tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 0 };
  const omitted = verifyRecordAttestation(bundle, line, trust);
  expect(omitted.ok).toBe(false);
  expect((omitted as { problem: string }).problem).toMatch(/needs the expected signer/);
  const sanOnly = verifyRecordAttestation(bundle, line, {
    ...trust,
    identity: { subjectAlternativeName: mallory },
  });
  expect((sanOnly as { problem: string }).problem).toMatch(/needs the expected signer/);
  const wrongIssuer = verifyRecordAttestation(bundle, line, {
    ...trust,
    identity: { subjectAlternativeName: mallory, extensions: { issuer: 'https://accounts.example.com' } },
  });
  expect(wrongIssuer.ok).toBe(false);
  expect((wrongIssuer as { problem: string }).problem).toMatch(/signature verification failed/);
  const expected = verifyRecordAttestation(bundle, line, {
    ...trust,
    identity: { subjectAlternativeName: SUBJECT, extensions: { issuer: ISSUER } },
  });
  expect(expected.ok).toBe(false);
  // Only when the verifier names mallory herself does it pass: proof the rest of the bundle is valid.
  const named = verifyRecordAttestation(bundle, line, {
    ...trust,
    identity: { subjectAlternativeName: mallory, extensions: { issuer: ISSUER } },
  });
  expect(named.ok).toBe(true);
  const noRoot = verifyRecordAttestation(bundle, line, {
    identity: { subjectAlternativeName: mallory, extensions: { issuer: ISSUER } },
  });
  expect((noRoot as { problem: string }).problem).toMatch(/needs the Sigstore trusted root/);
});
