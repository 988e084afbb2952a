/** D1 access for the vault: token entries, the attestation chain, the audit trail. */
import { attestationHash, GENESIS_HASH, type Attestation } from '../../shared/attest.ts';
import type { Envelope } from '../../shared/envelope.ts';
import type { D1Database } from '../../shared/runtime.ts';

export interface Entry {
  token: string;
  field: string;
  keyVersion: number;
  envelope: Envelope;
}

interface TokenRow {
  token: string;
  field: string;
  key_version: number;
  kek_version: number;
  iv: string;
  ciphertext: string;
  wrap_iv: string;
  wrapped_key: string;
}

/** D1 binds at most 100 parameters per statement. */
const CHUNK = 90;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let k = 0; k < items.length; k += CHUNK) out.push(items.slice(k, k + CHUNK));
  return out;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

export async function existingTokens(db: D1Database, tokens: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(tokens)) {
    const { results } = await db
      .prepare(`SELECT token FROM tokens WHERE token IN (${marks(part.length)})`)
      .bind(...part)
      .all<{ token: string }>();
    for (const r of results) found.add(r.token);
  }
  return found;
}

export async function refreshExpiry(db: D1Database, tokens: string[], expiresAt: number): Promise<void> {
  for (const part of chunks(tokens))
    await db
      .prepare(`UPDATE tokens SET expires_at = max(expires_at, ?) WHERE token IN (${marks(part.length)})`)
      .bind(expiresAt, ...part)
      .run();
}

/**
 * Inserts new entries and their attestations in one transaction. The chain's next seq is taken
 * from the current head; a concurrent writer that took the same seq makes the batch fail on the
 * primary key, the whole batch rolls back, and the caller retries with the new head.
 */
export async function insertAttested(
  db: D1Database,
  entries: Entry[],
  now: number,
  expiresAt: number,
): Promise<void> {
  const head = await db
    .prepare('SELECT seq, hash FROM attestations ORDER BY seq DESC LIMIT 1')
    .first<{ seq: number; hash: string }>();
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? GENESIS_HASH;
  const statements = [];
  for (const e of entries) {
    seq++;
    const record: Omit<Attestation, 'hash'> = {
      seq,
      token: e.token,
      field: e.field,
      keyVersion: e.keyVersion,
      createdAt: now,
      prevHash: prev,
    };
    const hash = await attestationHash(record);
    statements.push(
      db
        .prepare(
          'INSERT INTO tokens (token, field, key_version, kek_version, iv, ciphertext, wrap_iv, wrapped_key, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .bind(
          e.token,
          e.field,
          e.keyVersion,
          e.envelope.kek,
          e.envelope.iv,
          e.envelope.ct,
          e.envelope.wiv,
          e.envelope.wk,
          now,
          expiresAt,
        ),
      db
        .prepare(
          'INSERT INTO attestations (seq, token, field, key_version, created_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .bind(seq, e.token, e.field, e.keyVersion, now, prev, hash),
    );
    prev = hash;
  }
  await db.batch(statements);
}

export async function liveEntries(
  db: D1Database,
  tokens: string[],
  now: number,
): Promise<Map<string, Entry>> {
  const out = new Map<string, Entry>();
  for (const part of chunks(tokens)) {
    const { results } = await db
      .prepare(`SELECT * FROM tokens WHERE expires_at > ? AND token IN (${marks(part.length)})`)
      .bind(now, ...part)
      .all<TokenRow>();
    for (const r of results)
      out.set(r.token, {
        token: r.token,
        field: r.field,
        keyVersion: r.key_version,
        envelope: { kek: r.kek_version, iv: r.iv, ct: r.ciphertext, wiv: r.wrap_iv, wk: r.wrapped_key },
      });
  }
  return out;
}

export async function purgeExpired(db: D1Database, now: number): Promise<number> {
  const result = await db.prepare('DELETE FROM tokens WHERE expires_at <= ?').bind(now).run();
  return result.meta.changes ?? 0;
}

export interface AuditEntry {
  action: string;
  subject: string | null;
  outcome: 'allowed' | 'denied';
  reason: string | null;
  tokens: string[];
}

export async function audit(db: D1Database, entry: AuditEntry, now: number): Promise<void> {
  await db
    .prepare(
      'INSERT INTO audit (at, action, subject, outcome, reason, token_count, tokens) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .bind(
      now,
      entry.action,
      entry.subject,
      entry.outcome,
      entry.reason,
      entry.tokens.length,
      JSON.stringify(entry.tokens),
    )
    .run();
}

export async function attestationsAfter(
  db: D1Database,
  after: number,
  limit: number,
): Promise<Attestation[]> {
  const { results } = await db
    .prepare(
      'SELECT seq, token, field, key_version AS keyVersion, created_at AS createdAt, prev_hash AS prevHash, hash FROM attestations WHERE seq > ? ORDER BY seq LIMIT ?',
    )
    .bind(after, limit)
    .all<Attestation>();
  return results;
}

export async function auditAfter(
  db: D1Database,
  after: number,
  limit: number,
): Promise<Record<string, unknown>[]> {
  const { results } = await db
    .prepare('SELECT * FROM audit WHERE id > ? ORDER BY id LIMIT ?')
    .bind(after, limit)
    .all();
  return results;
}
