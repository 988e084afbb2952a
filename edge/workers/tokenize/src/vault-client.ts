/** Stores a request's new tokens in the vault: signed write, bounded wait, any failure throws. */
import { signWrite, WRITE_AUTH_HEADER } from '../../shared/write-auth.ts';
import type { VaultFetch } from './config.ts';
import type { Issued } from './tokens.ts';

export class VaultUnavailable extends Error {
  readonly reason: 'timeout' | 'status' | 'network';
  constructor(reason: 'timeout' | 'status' | 'network', detail: string) {
    super(`vault ${reason}: ${detail}`);
    this.name = 'VaultUnavailable';
    this.reason = reason;
  }
}

/** The vault takes at most 1,000 entries per write; a body with more goes in several writes. */
export const ENTRIES_PER_WRITE = 500;

export async function storeTokens(
  vault: VaultFetch,
  secret: string,
  issued: Issued[],
  timeoutMs: number,
): Promise<void> {
  const writes: Promise<void>[] = [];
  for (let k = 0; k < issued.length; k += ENTRIES_PER_WRITE)
    writes.push(storeBatch(vault, secret, issued.slice(k, k + ENTRIES_PER_WRITE), timeoutMs));
  await Promise.all(writes);
}

async function storeBatch(
  vault: VaultFetch,
  secret: string,
  issued: Issued[],
  timeoutMs: number,
): Promise<void> {
  const body = JSON.stringify({
    entries: issued.map((i) => ({
      token: i.token,
      field: i.field,
      keyVersion: i.keyVersion,
      envelope: i.envelope,
    })),
  });
  const signature = await signWrite(secret, body, Math.floor(Date.now() / 1000));
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new VaultUnavailable('timeout', `no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    const call = vault('/tokenize', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WRITE_AUTH_HEADER]: signature },
      body,
      signal: abort.signal,
    }).catch((e: unknown) => {
      throw e instanceof VaultUnavailable ? e : new VaultUnavailable('network', (e as Error).name);
    });
    const response = await Promise.race([call, timeout]);
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new VaultUnavailable('status', `HTTP ${response.status}`);
    }
    await Promise.race([response.arrayBuffer(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
