/**
 * The vault's attestation chain: each stored token gets a record (seq, token, field, key
 * version, time) whose hash covers the previous record's hash, so removing, reordering or
 * editing any record breaks every hash after it. Shared by the vault (append) and the verifier.
 */
import { sha256Hex } from './encoding.ts';

export interface Attestation {
  seq: number;
  token: string;
  field: string;
  keyVersion: number;
  createdAt: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The bytes a record's hash covers: fixed field order, JSON-escaped. */
export function canonicalRecord(a: Omit<Attestation, 'hash'>): string {
  return JSON.stringify([a.seq, a.token, a.field, a.keyVersion, a.createdAt, a.prevHash]);
}

export function attestationHash(a: Omit<Attestation, 'hash'>): Promise<string> {
  return sha256Hex(canonicalRecord(a));
}

export type ChainCheck =
  { ok: true; count: number; head: string } | { ok: false; count: number; seq: number; problem: string };

/** Checks a chain from its first record (or from `anchor`, the hash before `records[0]`). */
export async function verifyChain(records: Attestation[], anchor = GENESIS_HASH): Promise<ChainCheck> {
  let prev = anchor;
  let expectedSeq = records[0]?.seq ?? 1;
  if (anchor === GENESIS_HASH && records.length > 0 && expectedSeq !== 1)
    return { ok: false, count: 0, seq: expectedSeq, problem: 'the chain does not start at seq 1' };
  for (let k = 0; k < records.length; k++) {
    const r = records[k]!;
    if (r.seq !== expectedSeq)
      return {
        ok: false,
        count: k,
        seq: r.seq,
        problem: `expected seq ${expectedSeq} (a record is missing or reordered)`,
      };
    if (r.prevHash !== prev)
      return { ok: false, count: k, seq: r.seq, problem: 'prev_hash does not match the previous record' };
    if ((await attestationHash(r)) !== r.hash)
      return { ok: false, count: k, seq: r.seq, problem: 'hash does not match the record (edited)' };
    prev = r.hash;
    expectedSeq++;
  }
  return { ok: true, count: records.length, head: prev };
}
