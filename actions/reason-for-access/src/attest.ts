/**
 * Each audit record becomes an in-toto statement whose subject is the record line's SHA-256,
 * signed into a DSSE Sigstore bundle. In Actions the signature is keyless: Fulcio issues a
 * short-lived certificate for the job's OIDC identity and Rekor logs the signature, so the
 * record is anchored outside the repository. Verification checks the signature against trust
 * material and that the statement's subject is the digest of exactly this record.
 */
import { createPublicKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { bundleFromJSON, bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import {
  CIContextProvider,
  DSSEBundleBuilder,
  FulcioSigner,
  RekorWitness,
  TSAWitness,
  type IdentityProvider,
  type Signer,
  type Witness,
} from '@sigstore/sign';
import { toSignedEntity, toTrustMaterial, Verifier, type VerificationPolicy } from '@sigstore/verify';
import { canonicalJson, sha256Hex, type AuditRecord } from './audit.ts';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const PREDICATE_TYPE = 'https://github.com/summit-ops/summit-ops/reason-for-access/audit-record/v1';

export interface InTotoStatement {
  _type: typeof STATEMENT_TYPE;
  subject: { name: string; digest: { sha256: string } }[];
  predicateType: typeof PREDICATE_TYPE;
  predicate: { record: AuditRecord };
}

/** Who signs, and which services (if any) witness the signature. */
export interface AttestationSigner {
  signer: Signer;
  witnesses: Witness[];
  /** For the summary: `key:<hint>` or `keyless`. */
  kind: string;
}

export function auditStatement(record: AuditRecord, line: string): InTotoStatement {
  return {
    _type: STATEMENT_TYPE,
    subject: [{ name: `audit-record-${record.seq}`, digest: { sha256: sha256Hex(line) } }],
    predicateType: PREDICATE_TYPE,
    predicate: { record },
  };
}

/** Signs with a key the caller holds (self-hosted signing, tests). No transparency log. */
export function localKeySigner(privateKey: KeyObject, hint: string): AttestationSigner {
  const publicKey = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
  // Ed25519 signs the message itself; EC/RSA keys hash with SHA-256 first.
  const algorithm = privateKey.asymmetricKeyType === 'ed25519' ? null : 'sha256';
  return {
    kind: `key:${hint}`,
    witnesses: [],
    signer: {
      sign: async (data: Buffer) => ({
        signature: cryptoSign(algorithm, data, privateKey),
        key: { $case: 'publicKey', publicKey, hint },
      }),
    },
  };
}

/** Which Sigstore services sign and witness: public-good (Fulcio + public Rekor) or GitHub's. */
export interface SigstoreInstance {
  name: 'public-good' | 'github' | 'custom';
  fulcioURL: string;
  /** Absent: no transparency log (GitHub's instance; a private repository's name stays private). */
  rekorURL?: string;
  /** An RFC 3161 timestamp authority, for instances without a transparency log. */
  tsaURL?: string;
}

export const PUBLIC_GOOD: SigstoreInstance = {
  name: 'public-good',
  fulcioURL: 'https://fulcio.sigstore.dev',
  rekorURL: 'https://rekor.sigstore.dev',
};
/** GitHub's Sigstore instance, as actions/attest uses it for private repositories. */
export const GITHUB_INSTANCE: SigstoreInstance = {
  name: 'github',
  fulcioURL: 'https://fulcio.githubapp.com',
  tsaURL: 'https://timestamp.githubapp.com',
};

/**
 * The instance for a repository (the event payload's `repository`). Public-good Rekor is a public,
 * permanent log: a certificate there names the repository and workflow. So only a repository
 * known to be public uses it; private, internal or unknown use GitHub's instance. Explicit URLs
 * (inputs fulcio-url, rekor-url, tsa-url) win, and make the instance `custom`.
 */
export function sigstoreInstanceFor(
  repository: { private?: unknown; visibility?: unknown } | undefined,
  overrides: { fulcioURL?: string; rekorURL?: string; tsaURL?: string } = {},
): SigstoreInstance {
  const isPublic = repository?.private === false && (repository.visibility ?? 'public') === 'public';
  const base = isPublic ? PUBLIC_GOOD : GITHUB_INSTANCE;
  if (!overrides.fulcioURL && !overrides.rekorURL && !overrides.tsaURL) return base;
  // Each URL replaces only its own service: overriding Fulcio must not add a public log.
  const out: SigstoreInstance = { name: 'custom', fulcioURL: overrides.fulcioURL || base.fulcioURL };
  const rekorURL = overrides.rekorURL || base.rekorURL;
  const tsaURL = overrides.tsaURL || base.tsaURL;
  if (rekorURL) out.rekorURL = rekorURL;
  if (tsaURL) out.tsaURL = tsaURL;
  return out;
}

export interface KeylessOptions {
  fulcioURL?: string;
  /** Absent with tsaURL present: no transparency log. Both absent: public-good Rekor. */
  rekorURL?: string;
  tsaURL?: string;
  /** Default: the GitHub Actions OIDC token (needs `permissions: id-token: write`). */
  identityProvider?: IdentityProvider;
  timeoutMs?: number;
}

/** Fulcio certificate for the workflow's OIDC identity + a Rekor entry and/or a timestamp. */
export function keylessSigner(options: KeylessOptions = {}): AttestationSigner {
  const timeout = options.timeoutMs ?? 15_000;
  const witnesses: Witness[] = [];
  const rekorURL = options.rekorURL ?? (options.tsaURL ? undefined : PUBLIC_GOOD.rekorURL);
  if (rekorURL)
    witnesses.push(
      new RekorWitness({
        rekorBaseURL: rekorURL,
        entryType: 'dsse',
        fetchOnConflict: false,
        timeout,
        retry: 2,
      }),
    );
  if (options.tsaURL) witnesses.push(new TSAWitness({ tsaBaseURL: options.tsaURL, timeout, retry: 2 }));
  return {
    kind: 'keyless',
    signer: new FulcioSigner({
      fulcioBaseURL: options.fulcioURL ?? PUBLIC_GOOD.fulcioURL,
      identityProvider: options.identityProvider ?? new CIContextProvider('sigstore'),
      timeout,
      retry: 2,
    }),
    witnesses,
  };
}

export async function attestRecord(
  record: AuditRecord,
  line: string,
  signer: AttestationSigner,
): Promise<SerializedBundle> {
  const statement = auditStatement(record, line);
  const builder = new DSSEBundleBuilder({ signer: signer.signer, witnesses: signer.witnesses });
  const bundle = await builder.create({
    data: Buffer.from(JSON.stringify(statement), 'utf8'),
    type: IN_TOTO_PAYLOAD_TYPE,
  });
  return bundleToJSON(bundle);
}

export interface TrustOptions {
  /** Public keys by hint, for bundles signed with localKeySigner. */
  publicKeys?: Record<string, KeyObject | string>;
  /**
   * A Sigstore trusted root (JSON): required for keyless bundles. Nothing is fetched here (this
   * function is synchronous and offline); get the public-good root with @sigstore/tuf's
   * getTrustedRoot() or `gh attestation trusted-root`, and GitHub's instance root the same way.
   */
  trustedRoot?: unknown;
  tlogThreshold?: number;
  ctlogThreshold?: number;
  timestampThreshold?: number;
  /**
   * For keyless bundles (required): the identity the certificate must carry, both the SAN (the
   * workflow, e.g. https://github.com/summit-ops/summit-ops/.github/workflows/prod-promotion.yml@refs/tags/v1)
   * and the OIDC issuer (https://token.actions.githubusercontent.com). Without it any Fulcio
   * certificate would do: anyone can get one for their own identity.
   */
  identity?: VerificationPolicy;
}

export type AttestationCheck = { ok: true; subject: string; signer: string } | { ok: false; problem: string };

const EMPTY_ROOT = {
  mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  tlogs: [],
  certificateAuthorities: [],
  ctlogs: [],
  timestampAuthorities: [],
};

/**
 * Verifies `bundle` for exactly `recordLine`: the signature (and its witnesses, to the given
 * thresholds) against the trust material, the statement's types, and that its subject digest
 * and embedded record are this line. Never throws.
 */
export function verifyRecordAttestation(
  bundle: unknown,
  recordLine: string,
  trust: TrustOptions,
): AttestationCheck {
  let payload: Buffer;
  let signer: string;
  try {
    const parsed = bundleFromJSON(bundle);
    const material = parsed.verificationMaterial.content.$case;
    if (material === 'x509CertificateChain' || material === 'certificate') {
      if (!trust.identity?.subjectAlternativeName || !trust.identity.extensions?.issuer)
        return {
          ok: false,
          problem:
            'a keyless bundle needs the expected signer: pass identity { subjectAlternativeName, extensions: { issuer } }',
        };
      if (!trust.trustedRoot)
        return {
          ok: false,
          problem:
            'a keyless bundle needs the Sigstore trusted root (trustedRoot), e.g. from @sigstore/tuf getTrustedRoot()',
        };
    }
    const root = TrustedRoot.fromJSON(trust.trustedRoot ?? EMPTY_ROOT);
    const keys = trust.publicKeys ?? {};
    const trustMaterial = toTrustMaterial(root, (hint: string) => {
      const key = keys[hint];
      if (!key) throw new Error(`no trusted public key for hint '${hint}'`);
      return { publicKey: typeof key === 'string' ? createPublicKey(key) : key, validFor: () => true };
    });
    const verifier = new Verifier(trustMaterial, {
      tlogThreshold: trust.tlogThreshold ?? 1,
      ctlogThreshold: trust.ctlogThreshold ?? 1,
      timestampThreshold: trust.timestampThreshold ?? 1,
    });
    const who = verifier.verify(toSignedEntity(parsed), trust.identity);
    signer = who.identity?.subjectAlternativeName ?? 'public key';
    if (parsed.content.$case !== 'dsseEnvelope')
      return { ok: false, problem: 'the bundle holds a message signature, not a DSSE attestation' };
    if (parsed.content.dsseEnvelope.payloadType !== IN_TOTO_PAYLOAD_TYPE)
      return { ok: false, problem: `unexpected payload type ${parsed.content.dsseEnvelope.payloadType}` };
    payload = parsed.content.dsseEnvelope.payload;
  } catch (error) {
    return { ok: false, problem: `signature verification failed: ${(error as Error).message}` };
  }
  let statement: InTotoStatement;
  try {
    statement = JSON.parse(payload.toString('utf8')) as InTotoStatement;
  } catch {
    return { ok: false, problem: 'the signed payload is not JSON' };
  }
  if (statement._type !== STATEMENT_TYPE || statement.predicateType !== PREDICATE_TYPE) {
    return {
      ok: false,
      problem: `not a reason-for-access statement (${String(statement._type)}, ${String(statement.predicateType)})`,
    };
  }
  const digest = sha256Hex(recordLine);
  const subject = statement.subject?.[0]?.digest?.sha256;
  if (subject !== digest) {
    return {
      ok: false,
      problem: `the bundle attests record digest ${String(subject).slice(0, 12)}…, but this record's digest is ${digest.slice(0, 12)}…; the record was changed or the bundle belongs to another record`,
    };
  }
  if (canonicalJson(statement.predicate?.record) !== recordLine)
    return { ok: false, problem: 'the attested record differs from this record' };
  return { ok: true, subject: digest, signer };
}
