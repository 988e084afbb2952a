/** The tokenize Worker's bindings, parsed once per isolate. A bad one fails closed (503). */
import { ConfigError, parseKeySet, type KeySet } from '../../shared/keys.ts';
import type { Fetcher } from '../../shared/runtime.ts';
import { fieldMapFrom, type FieldMap } from './fields.ts';
import { TokenIssuer, type TokenMode } from './tokens.ts';

export interface TokenizeEnv {
  /** Where tokenized requests go: `https://origin.example.net` (a base path is kept). */
  ORIGIN_URL?: string;
  /** Secret: versioned HMAC secrets for tokens (see keys.ts). */
  TOKEN_SECRETS?: string;
  /** Secret: versioned KEKs that wrap each value's data key. */
  VAULT_KEK?: string;
  /** Secret: signs writes to the vault. */
  VAULT_WRITE_SECRET?: string;
  /** Service binding to the vault Worker (preferred), or VAULT_URL for an HTTP route. */
  VAULT?: Fetcher;
  VAULT_URL?: string;
  TOKEN_MODE?: string;
  VAULT_TIMEOUT_MS?: string;
  MAX_BODY_BYTES?: string;
  TOKENIZE_FIELDS?: string;
}

/** Reaches the vault's endpoint `path` (`/tokenize`). */
export type VaultFetch = (path: string, init: RequestInit) => Promise<Response>;

export interface TokenizeConfig {
  origin: URL;
  issuer: TokenIssuer;
  fields: FieldMap;
  writeSecret: string;
  vault: VaultFetch;
  vaultTimeoutMs: number;
  maxBodyBytes: number;
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(name, `must be a positive integer, got "${raw}"`);
  return n;
}

const cache = new WeakMap<object, TokenizeConfig>();

export function loadConfig(env: TokenizeEnv): TokenizeConfig {
  const hit = cache.get(env);
  if (hit) return hit;
  if (!env.ORIGIN_URL)
    throw new ConfigError('ORIGIN_URL', 'not set; the origin base URL, e.g. https://api.internal.example');
  let origin: URL;
  try {
    origin = new URL(env.ORIGIN_URL);
  } catch {
    throw new ConfigError('ORIGIN_URL', 'not a URL');
  }
  const mode = (env.TOKEN_MODE ?? 'deterministic') as TokenMode;
  if (mode !== 'deterministic' && mode !== 'random')
    throw new ConfigError(
      'TOKEN_MODE',
      `must be "deterministic" or "random", got "${String(env.TOKEN_MODE)}"`,
    );
  const secrets: KeySet = parseKeySet('TOKEN_SECRETS', env.TOKEN_SECRETS);
  const keks: KeySet = parseKeySet('VAULT_KEK', env.VAULT_KEK);
  if (!env.VAULT_WRITE_SECRET || env.VAULT_WRITE_SECRET.length < 32)
    throw new ConfigError('VAULT_WRITE_SECRET', 'secret not set or shorter than 32 characters');
  let vault: VaultFetch;
  if (env.VAULT) {
    const binding = env.VAULT;
    // A service binding ignores the host; the path selects the vault's endpoint.
    vault = (path, init) => binding.fetch(`https://vault.internal${path}`, init);
  } else if (env.VAULT_URL) {
    const base = env.VAULT_URL.replace(/\/?$/, '');
    vault = (path, init) => fetch(`${base}${path}`, init);
  } else throw new ConfigError('VAULT', 'no service binding VAULT and no VAULT_URL');
  const config: TokenizeConfig = {
    origin,
    issuer: new TokenIssuer(secrets, keks, mode),
    fields: fieldMapFrom(env.TOKENIZE_FIELDS),
    writeSecret: env.VAULT_WRITE_SECRET,
    vault,
    vaultTimeoutMs: positiveInt('VAULT_TIMEOUT_MS', env.VAULT_TIMEOUT_MS, 2000),
    maxBodyBytes: positiveInt('MAX_BODY_BYTES', env.MAX_BODY_BYTES, 2 * 1024 * 1024),
  };
  cache.set(env, config);
  return config;
}
