/**
 * Envelope encryption: a fresh 256-bit data key encrypts values (AES-256-GCM, the token as
 * additional data, so an envelope moved to another token — a row swap in storage — fails to open
 * instead of revealing the wrong value); the KEK wraps the data key (AES-256-GCM). The data key
 * exists unwrapped only inside sealAll()/open().
 */
import type { Key } from './runtime.ts';
import { decodeUtf8, fromBase64Url, toBase64Url, utf8 } from './encoding.ts';
import type { KeySet } from './keys.ts';

export interface Envelope {
  /** KEK version that wrapped the data key. */
  kek: number;
  /** base64url: IV and ciphertext+tag of the value; IV and ciphertext+tag of the data key. */
  iv: string;
  ct: string;
  wiv: string;
  wk: string;
}

const kekCache = new WeakMap<Uint8Array, Key>();

async function kekKey(set: KeySet, version: number): Promise<Key> {
  const raw = set.keys.get(version);
  if (!raw) throw new Error(`KEK version ${version} is not configured`);
  let key = kekCache.get(raw);
  if (!key) {
    key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
    kekCache.set(raw, key);
  }
  return key;
}

function random(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** Additional data of the wrapped data key: it can only be unwrapped as a vault data key. */
const DEK_AAD = utf8.encode('summit-ops/vault/dek/v1');

/**
 * Seals each value under one fresh data key for the batch (one request's values): the value's
 * ciphertext is bound to its token, the wrapped key is stored beside each. One key per batch
 * rather than per value halves the WebCrypto calls per field, which dominate the cost.
 */
export async function sealAll(
  items: ReadonlyArray<{ token: string; value: string }>,
  keks: KeySet,
): Promise<Envelope[]> {
  if (items.length === 0) return [];
  const dek = random(32);
  const wiv = random(12);
  try {
    const [dekKey, kek] = await Promise.all([
      crypto.subtle.importKey('raw', dek, 'AES-GCM', false, ['encrypt']),
      kekKey(keks, keks.current),
    ]);
    const wk = toBase64Url(
      new Uint8Array(
        await crypto.subtle.encrypt({ name: 'AES-GCM', iv: wiv, additionalData: DEK_AAD }, kek, dek),
      ),
    );
    const wivText = toBase64Url(wiv);
    return await Promise.all(
      items.map(async ({ token, value }) => {
        const iv = random(12);
        const ct = await crypto.subtle.encrypt(
          { name: 'AES-GCM', iv, additionalData: utf8.encode(token) },
          dekKey,
          utf8.encode(value),
        );
        return {
          kek: keks.current,
          iv: toBase64Url(iv),
          ct: toBase64Url(new Uint8Array(ct)),
          wiv: wivText,
          wk,
        };
      }),
    );
  } finally {
    dek.fill(0);
  }
}

export async function seal(value: string, token: string, keks: KeySet): Promise<Envelope> {
  return (await sealAll([{ token, value }], keks))[0]!;
}

export async function open(envelope: Envelope, token: string, keks: KeySet): Promise<string> {
  const aad = utf8.encode(token);
  const kek = await kekKey(keks, envelope.kek);
  const dek = new Uint8Array(
    await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64Url(envelope.wiv), additionalData: DEK_AAD },
      kek,
      fromBase64Url(envelope.wk),
    ),
  );
  try {
    const dekKey = await crypto.subtle.importKey('raw', dek, 'AES-GCM', false, ['decrypt']);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64Url(envelope.iv), additionalData: aad },
      dekKey,
      fromBase64Url(envelope.ct),
    );
    return decodeUtf8(new Uint8Array(plain));
  } finally {
    dek.fill(0);
  }
}
