/**
 * Authentication of tokenize → vault writes over HTTP (the service binding is the private path;
 * this makes a call on a public route equally safe). The header carries a timestamp and an
 * HMAC-SHA-256 over the timestamp and the body, so a captured request cannot be altered and
 * goes stale after WRITE_WINDOW_SECONDS; no reusable bearer secret ever travels.
 */
import type { Key } from './runtime.ts';
import { toHex, utf8 } from './encoding.ts';

export const WRITE_AUTH_HEADER = 'x-vault-signature';
export const WRITE_WINDOW_SECONDS = 60;

const keyCache = new Map<string, Promise<Key>>();

function hmacKey(secret: string): Promise<Key> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    keyCache.set(secret, key);
  }
  return key;
}

export async function signWrite(secret: string, body: string, nowSeconds: number): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret), utf8.encode(`${nowSeconds}.${body}`));
  return `t=${nowSeconds},v1=${toHex(new Uint8Array(mac))}`;
}

export async function verifyWrite(
  secret: string,
  header: string | null,
  body: string,
  nowSeconds: number,
): Promise<boolean> {
  const m = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(nowSeconds - t) > WRITE_WINDOW_SECONDS) return false;
  const mac = new Uint8Array(m[2]!.match(/../g)!.map((h) => parseInt(h, 16)));
  return crypto.subtle.verify('HMAC', await hmacKey(secret), mac, utf8.encode(`${t}.${body}`));
}
