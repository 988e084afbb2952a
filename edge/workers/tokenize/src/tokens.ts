/**
 * Tokens: `tok_<field>_v<key version>_<32 base64url chars>`.
 * - deterministic: HMAC-SHA-256 of the normalised value under a per-field key derived by HKDF
 *   from the versioned secret, truncated to 192 bits. Equal values give equal tokens (joins,
 *   idempotent retries); different fields give unrelated tokens for the same value.
 * - random: 192 random bits; every distinct value in a request gets a new token.
 * The version in the prefix names the secret (and so the vault entry) a token came from, so keys
 * rotate while old tokens stay resolvable.
 */
import type { Key } from '../../shared/runtime.ts';
import { sealAll, type Envelope } from '../../shared/envelope.ts';
import { toBase64Url, utf8 } from '../../shared/encoding.ts';
import type { KeySet } from '../../shared/keys.ts';

export type TokenMode = 'deterministic' | 'random';

export const TOKEN_PATTERN = /^tok_([a-z0-9]{1,24})_v([1-9]\d{0,5})_[A-Za-z0-9_-]{32}$/;

export interface Issued {
  token: string;
  field: string;
  keyVersion: number;
  envelope: Envelope;
}

const DIGIT_FIELDS = new Set(['ssn', 'phone', 'card', 'iban']);

/** Formatting that does not change who the value identifies: letter case in e-mail addresses, `123-45-6789` = `123456789`. */
export function normaliseValue(field: string, value: string): string {
  if (field === 'email') return value.trim().toLowerCase();
  if (DIGIT_FIELDS.has(field)) return value.replace(/[\s().-]/g, '').toUpperCase();
  return value;
}

export class TokenIssuer {
  private readonly fieldKeys = new Map<string, Promise<Key>>();
  private readonly secrets: KeySet;
  private readonly keks: KeySet;
  readonly mode: TokenMode;
  get version(): number {
    return this.secrets.current;
  }
  constructor(secrets: KeySet, keks: KeySet, mode: TokenMode) {
    this.secrets = secrets;
    this.keks = keks;
    this.mode = mode;
  }

  private fieldKey(field: string): Promise<Key> {
    const version = this.secrets.current;
    const id = `${version}:${field}`;
    let key = this.fieldKeys.get(id);
    if (!key) {
      key = (async () => {
        const ikm = await crypto.subtle.importKey('raw', this.secrets.keys.get(version)!, 'HKDF', false, [
          'deriveKey',
        ]);
        return crypto.subtle.deriveKey(
          {
            name: 'HKDF',
            hash: 'SHA-256',
            salt: utf8.encode('summit-ops/tokenize'),
            info: utf8.encode(`field:${field}`),
          },
          ikm,
          { name: 'HMAC', hash: 'SHA-256', length: 256 },
          false,
          ['sign'],
        );
      })();
      this.fieldKeys.set(id, key);
    }
    return key;
  }

  async tokenFor(field: string, value: string): Promise<string> {
    const version = this.secrets.current;
    let body: Uint8Array;
    if (this.mode === 'random') body = crypto.getRandomValues(new Uint8Array(24));
    else {
      const mac = await crypto.subtle.sign(
        'HMAC',
        await this.fieldKey(field),
        utf8.encode(normaliseValue(field, value)),
      );
      body = new Uint8Array(mac, 0, 24);
    }
    return `tok_${field}_v${version}_${toBase64Url(body)}`;
  }

  /** Envelopes for new tokens, one fresh data key for the batch. */
  async seal(items: ReadonlyArray<{ token: string; field: string; value: string }>): Promise<Issued[]> {
    const envelopes = await sealAll(items, this.keks);
    return items.map((item, k) => ({
      token: item.token,
      field: item.field,
      keyVersion: this.version,
      envelope: envelopes[k]!,
    }));
  }

  /**
   * Deterministic tokens the vault confirmed recently need no new envelope or vault write: equal
   * values recur (the same customer, a retried request). Bounded in size and age; random tokens
   * never recur, so they are not remembered.
   */
  private readonly stored = new Map<string, number>();
  static readonly STORED_MAX = 50_000;
  static readonly STORED_MS = 10 * 60 * 1000;

  wasStored(token: string, now: number): boolean {
    const at = this.stored.get(token);
    return at !== undefined && now - at < TokenIssuer.STORED_MS;
  }

  markStored(tokens: readonly string[], now: number): void {
    if (this.mode !== 'deterministic') return;
    for (const t of tokens) {
      this.stored.delete(t);
      this.stored.set(t, now);
    }
    // Map keeps insertion order: the oldest entries go first.
    for (const t of this.stored.keys()) {
      if (this.stored.size <= TokenIssuer.STORED_MAX) break;
      this.stored.delete(t);
    }
  }
}
