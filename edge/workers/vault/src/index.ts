/**
 * The vault Worker. D1 holds, per token, only an envelope (AES-256-GCM ciphertext and a wrapped
 * data key); the KEK is a Worker secret used in memory to answer an authorised detokenize.
 *   POST /tokenize     signed by the tokenize Worker (service binding or HTTP): stores new
 *                      entries with TTL, attests each one in the hash chain, refreshes old ones.
 *   POST /detokenize   `Authorization: Claim <Ed25519-signed claim>` with the detokenize role
 *                      (all fields) or `<role>:<field>`; every attempt is audited.
 *   GET /attestations  and GET /audit: the auditor role; `?after=<seq|id>&limit=<n>`.
 *   scheduled          purges expired entries (cron in wrangler.json).
 */
import { verifyClaim, importClaimKeys, type ClaimPayload } from '../../shared/claims.ts';
import { open } from '../../shared/envelope.ts';
import { ConfigError, parseKeySet, type KeySet } from '../../shared/keys.ts';
import { logEvent } from '../../shared/log.ts';
import type { D1Database, Key, ScheduledController } from '../../shared/runtime.ts';
import { verifyWrite, WRITE_AUTH_HEADER } from '../../shared/write-auth.ts';
import {
  attestationsAfter,
  audit,
  auditAfter,
  existingTokens,
  insertAttested,
  liveEntries,
  purgeExpired,
  refreshExpiry,
  type Entry,
} from './store.ts';

export interface VaultEnv {
  DB: D1Database;
  VAULT_KEK?: string;
  VAULT_WRITE_SECRET?: string;
  /** `{"<kid>": "<base64url raw Ed25519 public key>"}`: who may sign claims. */
  CLAIM_KEYS?: string;
  TOKEN_TTL_SECONDS?: string;
  DETOKENIZE_ROLE?: string;
  AUDIT_ROLE?: string;
}

interface VaultConfig {
  keks: KeySet;
  writeSecret: string;
  claimKeys: Map<string, Key>;
  ttlMs: number;
  detokenizeRole: string;
  auditRole: string;
}

const TOKEN = /^tok_([a-z0-9]{1,24})_v([1-9]\d{0,5})_[A-Za-z0-9_-]{32}$/;
const B64URL = /^[A-Za-z0-9_-]{1,65536}$/;
const MAX_ENTRIES = 1000;
const MAX_DETOKENIZE = 100;

const configs = new WeakMap<object, Promise<VaultConfig>>();

async function buildConfig(env: VaultEnv): Promise<VaultConfig> {
  const keks = parseKeySet('VAULT_KEK', env.VAULT_KEK);
  if (!env.VAULT_WRITE_SECRET || env.VAULT_WRITE_SECRET.length < 32)
    throw new ConfigError('VAULT_WRITE_SECRET', 'secret not set or shorter than 32 characters');
  let rawKeys: unknown;
  try {
    rawKeys = JSON.parse(env.CLAIM_KEYS ?? '');
  } catch {
    throw new ConfigError('CLAIM_KEYS', 'not JSON; expected {"<kid>": "<base64url Ed25519 public key>"}');
  }
  if (!rawKeys || typeof rawKeys !== 'object')
    throw new ConfigError('CLAIM_KEYS', 'expected an object of public keys');
  let claimKeys: Map<string, Key>;
  try {
    claimKeys = await importClaimKeys(rawKeys as Record<string, string>);
  } catch {
    throw new ConfigError('CLAIM_KEYS', 'a public key is not a base64url raw Ed25519 key');
  }
  const ttl = Number(env.TOKEN_TTL_SECONDS ?? 30 * 24 * 3600);
  if (!Number.isFinite(ttl) || ttl <= 0)
    throw new ConfigError('TOKEN_TTL_SECONDS', 'must be a positive number');
  return {
    keks,
    writeSecret: env.VAULT_WRITE_SECRET,
    claimKeys,
    ttlMs: ttl * 1000,
    detokenizeRole: env.DETOKENIZE_ROLE ?? 'pii-reader',
    auditRole: env.AUDIT_ROLE ?? 'auditor',
  };
}

function config(env: VaultEnv): Promise<VaultConfig> {
  let c = configs.get(env);
  if (!c) {
    c = buildConfig(env);
    configs.set(env, c);
    c.catch(() => configs.delete(env));
  }
  return c;
}

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

function validEntry(e: unknown): e is Entry {
  if (!e || typeof e !== 'object') return false;
  const { token, field, keyVersion, envelope } = e as Partial<Entry>;
  const m = typeof token === 'string' ? TOKEN.exec(token) : null;
  if (!m || m[1] !== field || Number(m[2]) !== keyVersion || !envelope || typeof envelope !== 'object')
    return false;
  return (
    Number.isInteger(envelope.kek) &&
    [envelope.iv, envelope.ct, envelope.wiv, envelope.wk].every(
      (v) => typeof v === 'string' && B64URL.test(v),
    )
  );
}

function isConflict(e: unknown): boolean {
  return /UNIQUE constraint failed/.test(String((e as Error)?.message ?? e));
}

async function tokenize(request: Request, env: VaultEnv, c: VaultConfig): Promise<Response> {
  const body = await request.text();
  if (
    !(await verifyWrite(
      c.writeSecret,
      request.headers.get(WRITE_AUTH_HEADER),
      body,
      Math.floor(Date.now() / 1000),
    ))
  ) {
    logEvent('vault', 'write_refused', { status: 401 });
    return json(401, { error: 'unauthenticated' });
  }
  let entries: unknown;
  try {
    entries = (JSON.parse(body) as { entries?: unknown }).entries;
  } catch {
    return json(400, { error: 'malformed' });
  }
  if (!Array.isArray(entries) || entries.length > MAX_ENTRIES || !entries.every(validEntry))
    return json(400, { error: 'malformed_entries' });
  const unique = [...new Map(entries.map((e) => [e.token, e])).values()];
  // Concurrent writers race for the chain's next seq (or the same new token); the loser retries.
  for (let attempt = 1; ; attempt++) {
    const now = Date.now();
    const expiresAt = now + c.ttlMs;
    const existing = await existingTokens(
      env.DB,
      unique.map((e) => e.token),
    );
    const fresh = unique.filter((e) => !existing.has(e.token));
    try {
      if (fresh.length > 0) await insertAttested(env.DB, fresh, now, expiresAt);
      if (existing.size > 0) await refreshExpiry(env.DB, [...existing], expiresAt);
      logEvent('vault', 'stored', { stored: fresh.length, refreshed: existing.size, attempt });
      return json(200, { stored: fresh.length, refreshed: existing.size });
    } catch (e) {
      if (!isConflict(e) || attempt >= 5) throw e;
    }
  }
}

function mayRead(claim: ClaimPayload, role: string, field: string): boolean {
  return claim.roles.includes(role) || claim.roles.includes(`${role}:${field}`);
}

async function detokenize(request: Request, env: VaultEnv, c: VaultConfig): Promise<Response> {
  const now = Date.now();
  const header = request.headers.get('authorization');
  const check = await verifyClaim(
    header?.startsWith('Claim ') ? header.slice(6) : null,
    c.claimKeys,
    Math.floor(now / 1000),
  );
  let tokens: string[] = [];
  try {
    const parsed = (await request.json()) as { tokens?: unknown };
    if (Array.isArray(parsed.tokens) && parsed.tokens.every((t) => typeof t === 'string' && TOKEN.test(t)))
      tokens = parsed.tokens as string[];
    else throw new Error('bad tokens');
  } catch {
    await audit(
      env.DB,
      {
        action: 'detokenize',
        subject: check.ok ? check.claim.sub : null,
        outcome: 'denied',
        reason: 'malformed',
        tokens: [],
      },
      now,
    );
    return json(400, { error: 'malformed', message: 'expected {"tokens": ["tok_…", …]}' });
  }
  if (tokens.length === 0 || tokens.length > MAX_DETOKENIZE) {
    await audit(
      env.DB,
      {
        action: 'detokenize',
        subject: check.ok ? check.claim.sub : null,
        outcome: 'denied',
        reason: 'count',
        tokens: [],
      },
      now,
    );
    return json(400, { error: 'malformed', message: `between 1 and ${MAX_DETOKENIZE} tokens` });
  }
  if (!check.ok) {
    await audit(
      env.DB,
      { action: 'detokenize', subject: null, outcome: 'denied', reason: `claim_${check.reason}`, tokens },
      now,
    );
    logEvent('vault', 'detokenize_denied', { reason: check.reason, count: tokens.length });
    return json(401, { error: 'unauthenticated' });
  }
  const claim = check.claim;
  // The role is checked on every requested token's field before anything is looked up, so a
  // refusal says nothing about which tokens exist.
  const fields = [...new Set(tokens.map((t) => TOKEN.exec(t)![1]!))];
  const denied = fields.filter((f) => !mayRead(claim, c.detokenizeRole, f));
  if (denied.length > 0) {
    await audit(
      env.DB,
      {
        action: 'detokenize',
        subject: claim.sub,
        outcome: 'denied',
        reason: `role:${denied.join(',')}`,
        tokens,
      },
      now,
    );
    logEvent('vault', 'detokenize_denied', { reason: 'role', count: tokens.length });
    return json(403, {
      error: 'forbidden',
      message: `the claim lacks role ${c.detokenizeRole} for ${denied.join(', ')}`,
    });
  }
  const entries = await liveEntries(env.DB, tokens, now);
  const values: Record<string, string | null> = {};
  for (const t of tokens) {
    const e = entries.get(t);
    values[t] = e ? await open(e.envelope, t, c.keks) : null;
  }
  await audit(
    env.DB,
    { action: 'detokenize', subject: claim.sub, outcome: 'allowed', reason: null, tokens },
    now,
  );
  logEvent('vault', 'detokenized', { count: tokens.length, found: entries.size });
  return json(200, { values });
}

async function auditorRead(
  request: Request,
  env: VaultEnv,
  c: VaultConfig,
  what: 'attestations' | 'audit',
): Promise<Response> {
  const header = request.headers.get('authorization');
  const check = await verifyClaim(
    header?.startsWith('Claim ') ? header.slice(6) : null,
    c.claimKeys,
    Math.floor(Date.now() / 1000),
  );
  if (!check.ok) return json(401, { error: 'unauthenticated' });
  if (!check.claim.roles.includes(c.auditRole)) return json(403, { error: 'forbidden' });
  const url = new URL(request.url);
  const after = Math.max(0, Number(url.searchParams.get('after') ?? 0) || 0);
  const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit') ?? 1000) || 1000));
  const records =
    what === 'attestations'
      ? await attestationsAfter(env.DB, after, limit)
      : await auditAfter(env.DB, after, limit);
  return json(200, { records });
}

export default {
  async fetch(request: Request, env: VaultEnv): Promise<Response> {
    try {
      const c = await config(env);
      const { pathname } = new URL(request.url);
      if (request.method === 'POST' && pathname === '/tokenize') return await tokenize(request, env, c);
      if (request.method === 'POST' && pathname === '/detokenize') return await detokenize(request, env, c);
      if (request.method === 'GET' && pathname === '/attestations')
        return await auditorRead(request, env, c, 'attestations');
      if (request.method === 'GET' && pathname === '/audit')
        return await auditorRead(request, env, c, 'audit');
      return json(404, { error: 'not_found' });
    } catch (e) {
      logEvent('vault', 'error', {
        error: e instanceof Error ? e.name : typeof e,
        ...(e instanceof ConfigError ? { detail: e.message } : {}),
      });
      return json(500, { error: 'internal' });
    }
  },

  async scheduled(_controller: ScheduledController, env: VaultEnv): Promise<void> {
    const now = Date.now();
    const purged = await purgeExpired(env.DB, now);
    await audit(
      env.DB,
      { action: 'purge', subject: 'cron', outcome: 'allowed', reason: `purged:${purged}`, tokens: [] },
      now,
    );
    logEvent('vault', 'purged', { purged });
  },
};
