/**
 * Assurance: how strongly the actor authenticated. GitHub does not say (see README), so the
 * workflow passes an identity provider's token; this verifies it against the IdP's JWKS with
 * node:crypto and extracts the authentication methods. Only asymmetric algorithms are accepted
 * (never `none`, never HMAC: a shared secret would let anyone holding it mint tokens).
 */
import { createPublicKey, verify as cryptoVerify, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { AssuranceFacts } from './decide.ts';
import type { AssuranceConfig } from './policy.ts';

export interface Jwks {
  keys: (JsonWebKey & { kid?: string; alg?: string; use?: string })[];
}

const ALGORITHMS: Record<
  string,
  { kty: string; hash: string | null; dsaEncoding?: 'ieee-p1363'; crv?: string; pss?: boolean }
> = {
  RS256: { kty: 'RSA', hash: 'sha256' },
  PS256: { kty: 'RSA', hash: 'sha256', pss: true },
  ES256: { kty: 'EC', hash: 'sha256', dsaEncoding: 'ieee-p1363', crv: 'P-256' },
  ES384: { kty: 'EC', hash: 'sha384', dsaEncoding: 'ieee-p1363', crv: 'P-384' },
  EdDSA: { kty: 'OKP', hash: null, crv: 'Ed25519' },
};

/** Far above any IdP's token (a few KB) and the same as the action's input limit. */
export const MAX_TOKEN_LENGTH = 16_384;

/** Clock skew tolerated on exp/nbf/iat, in seconds. */
const SKEW = 60;

/**
 * Verifies `token` for `actor` and returns the facts decide() needs. Never throws and never puts
 * the token (or its claims' values other than the subject and methods) into a message.
 */
export function verifyAssuranceToken(
  token: string,
  jwks: Jwks,
  config: AssuranceConfig,
  now: Date,
): AssuranceFacts {
  const invalid = (detail: string): AssuranceFacts => ({ state: 'invalid', detail });
  // Bounded before any parsing: base64 decoding, JSON and signature checks scale with the size.
  if (token.length > MAX_TOKEN_LENGTH)
    return invalid(`the token is ${token.length} characters; at most ${MAX_TOKEN_LENGTH} are accepted`);
  const parts = token.trim().split('.');
  if (parts.length !== 3) return invalid('not a JWT (expected three dot-separated parts)');
  let header: { alg?: unknown; kid?: unknown; typ?: unknown; crit?: unknown };
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    return invalid('the JWT header or payload is not base64url JSON');
  }
  if (!header || typeof header !== 'object' || Array.isArray(header))
    return invalid('the JWT header is not a JSON object');
  if (!claims || typeof claims !== 'object' || Array.isArray(claims))
    return invalid('the JWT payload is not a JSON object');
  // RFC 7515 §4.1.11: a recipient must reject a token whose critical extensions it does not
  // understand, and this verifier understands none (an empty or malformed list is an error too).
  if (Object.hasOwn(header, 'crit')) {
    const crit = header.crit;
    const names =
      Array.isArray(crit) && crit.length > 0 && crit.every((c) => typeof c === 'string')
        ? crit.join(', ')
        : undefined;
    return invalid(
      names
        ? `the JWT header marks ${names} as critical, which this verifier does not support (RFC 7515 crit)`
        : "the JWT header's crit is not a non-empty list of names (RFC 7515)",
    );
  }
  const alg = typeof header.alg === 'string' ? header.alg : '';
  const spec = Object.hasOwn(ALGORITHMS, alg) ? ALGORITHMS[alg] : undefined;
  if (!spec)
    return invalid(
      `algorithm '${alg || 'none'}' is not accepted (use ${Object.keys(ALGORITHMS).join(', ')})`,
    );

  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  const candidates = (jwks.keys ?? []).filter(
    (k) =>
      k.kty === spec.kty &&
      (k.use === undefined || k.use === 'sig') &&
      (k.alg === undefined || k.alg === alg) &&
      (kid === undefined || k.kid === kid),
  );
  if (candidates.length === 0)
    return invalid(`no ${spec.kty} signing key${kid ? ` with kid '${kid}'` : ''} in the JWKS`);
  if (candidates.length > 1 && kid === undefined)
    return invalid('the JWT has no kid and the JWKS holds several keys');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: candidates[0]!, format: 'jwk' });
  } catch {
    return invalid('the JWKS key cannot be loaded');
  }
  if (
    spec.crv &&
    key.asymmetricKeyDetails?.namedCurve !== undefined &&
    !curveMatches(spec.crv, key.asymmetricKeyDetails.namedCurve)
  ) {
    return invalid(`the key's curve does not match ${alg}`);
  }
  const signingInput = Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii');
  const signature = Buffer.from(parts[2]!, 'base64url');
  let ok = false;
  try {
    const verifyKey = spec.pss
      ? { key, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32 }
      : spec.dsaEncoding
        ? { key, dsaEncoding: spec.dsaEncoding }
        : key;
    ok = cryptoVerify(spec.hash, signingInput, verifyKey, signature);
  } catch {
    ok = false;
  }
  if (!ok) return invalid('the signature does not verify against the JWKS');

  const t = Math.floor(now.getTime() / 1000);
  if (claims.iss !== config.issuer)
    return invalid(`issuer '${String(claims.iss)}' is not the configured ${config.issuer}`);
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes(config.audience)) return invalid(`the token is not for audience ${config.audience}`);
  if (typeof claims.exp !== 'number') return invalid('the token has no exp');
  if (t > claims.exp + SKEW) return invalid('the token has expired');
  if (typeof claims.nbf === 'number' && t + SKEW < claims.nbf)
    return invalid('the token is not valid yet (nbf)');
  // The time of authentication, not of issue: a refresh can mint a new token from an old login.
  const authTime =
    typeof claims.auth_time === 'number'
      ? claims.auth_time
      : typeof claims.iat === 'number'
        ? claims.iat
        : undefined;
  if (authTime === undefined) return invalid('the token has neither auth_time nor iat');
  if (authTime > t + SKEW) return invalid('auth_time is in the future');
  if (t - authTime > config.maxAgeSeconds)
    return invalid(
      `the login is ${t - authTime}s old; at most ${config.maxAgeSeconds}s is accepted, sign in again`,
    );

  const subject = claims[config.actorClaim];
  if (typeof subject !== 'string' || subject === '')
    return invalid(`the token has no ${config.actorClaim} claim naming the GitHub user`);
  const rawMethods = claims[config.methodsClaim];
  const methods = Array.isArray(rawMethods)
    ? rawMethods.filter((m): m is string => typeof m === 'string')
    : typeof rawMethods === 'string'
      ? rawMethods.split(/\s+/).filter(Boolean)
      : [];
  return { state: 'verified', subject, methods };
}

function curveMatches(crv: string, named: string): boolean {
  const aliases: Record<string, string[]> = {
    'P-256': ['prime256v1', 'P-256'],
    'P-384': ['secp384r1', 'P-384'],
    Ed25519: ['Ed25519'],
  };
  return (aliases[crv] ?? [crv]).includes(named);
}

/** Parses JWKS JSON text, with an error that says what is wrong. */
export function parseJwks(text: string, source: string): Jwks {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${source}: the JWKS is not JSON`);
  }
  if (!value || typeof value !== 'object' || !Array.isArray((value as Jwks).keys))
    throw new Error(`${source}: the JWKS has no "keys" array`);
  return value as Jwks;
}
