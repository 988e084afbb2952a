/**
 * Role claims for detokenize and audit reads: `<base64url(JSON payload)>.<base64url(Ed25519
 * signature over the first part)>`. The payload names the caller (`sub`), its roles, the signing
 * key (`kid`), and `iat`/`exp` in seconds. The vault holds only public keys, so it can check a
 * claim but never mint one.
 */
import type { Key } from './runtime.ts';
import { decodeUtf8, fromBase64Url, toBase64Url, utf8 } from './encoding.ts';

export interface ClaimPayload {
  sub: string;
  roles: string[];
  kid: string;
  iat: number;
  exp: number;
}

export type ClaimCheck =
  | { ok: true; claim: ClaimPayload }
  | {
      ok: false;
      status: 401;
      reason:
        'missing' | 'malformed' | 'unknown-key' | 'bad-signature' | 'expired' | 'not-yet-valid' | 'too-long';
    };

/** Longest lifetime a claim may have: a leaked claim is useless soon after. */
export const MAX_CLAIM_SECONDS = 15 * 60;
const CLOCK_SKEW_SECONDS = 60;

export async function signClaim(privateKey: Key, payload: ClaimPayload): Promise<string> {
  const body = toBase64Url(utf8.encode(JSON.stringify(payload)));
  const signature = await crypto.subtle.sign('Ed25519', privateKey, utf8.encode(body));
  return `${body}.${toBase64Url(new Uint8Array(signature))}`;
}

/** `{"<kid>": "<base64url raw 32-byte Ed25519 public key>"}` → imported keys. */
export async function importClaimKeys(raw: Record<string, string>): Promise<Map<string, Key>> {
  const out = new Map<string, Key>();
  for (const [kid, value] of Object.entries(raw))
    out.set(kid, await crypto.subtle.importKey('raw', fromBase64Url(value), 'Ed25519', false, ['verify']));
  return out;
}

export async function verifyClaim(
  text: string | null,
  keys: ReadonlyMap<string, Key>,
  nowSeconds: number,
): Promise<ClaimCheck> {
  if (!text) return { ok: false, status: 401, reason: 'missing' };
  const parts = text.split('.');
  if (parts.length !== 2) return { ok: false, status: 401, reason: 'malformed' };
  const [body, signature] = parts as [string, string];
  let payload: ClaimPayload;
  let sig: Uint8Array<ArrayBuffer>;
  try {
    payload = JSON.parse(decodeUtf8(fromBase64Url(body))) as ClaimPayload;
    sig = fromBase64Url(signature);
  } catch {
    return { ok: false, status: 401, reason: 'malformed' };
  }
  if (
    !payload ||
    typeof payload.sub !== 'string' ||
    !Array.isArray(payload.roles) ||
    typeof payload.kid !== 'string' ||
    !Number.isFinite(payload.iat) ||
    !Number.isFinite(payload.exp)
  )
    return { ok: false, status: 401, reason: 'malformed' };
  const key = keys.get(payload.kid);
  if (!key) return { ok: false, status: 401, reason: 'unknown-key' };
  if (!(await crypto.subtle.verify('Ed25519', key, sig, utf8.encode(body))))
    return { ok: false, status: 401, reason: 'bad-signature' };
  if (payload.exp <= nowSeconds) return { ok: false, status: 401, reason: 'expired' };
  if (payload.iat > nowSeconds + CLOCK_SKEW_SECONDS)
    return { ok: false, status: 401, reason: 'not-yet-valid' };
  if (payload.exp - payload.iat > MAX_CLAIM_SECONDS) return { ok: false, status: 401, reason: 'too-long' };
  return { ok: true, claim: payload };
}
