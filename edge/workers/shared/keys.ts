/**
 * Versioned key sets from Worker secrets. A secret holds every live version so a rotation is one
 * `wrangler secret put`: `{"current": 2, "keys": {"1": "<base64url>", "2": "<base64url>"}}`.
 * New material uses `current`; older versions stay to resolve what they produced.
 */
import { fromBase64Url } from './encoding.ts';

export interface KeySet {
  current: number;
  keys: ReadonlyMap<number, Uint8Array<ArrayBuffer>>;
}

export class ConfigError extends Error {
  constructor(variable: string, detail: string) {
    super(`${variable}: ${detail}`);
    this.name = 'ConfigError';
  }
}

const FORMAT = 'expected {"current": <n>, "keys": {"<n>": "<base64url, 32 bytes>"}}';

export function parseKeySet(variable: string, raw: string | undefined): KeySet {
  if (raw === undefined || raw === '')
    throw new ConfigError(variable, `secret not set; ${FORMAT} (wrangler secret put ${variable})`);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new ConfigError(variable, `not JSON; ${FORMAT}`);
  }
  const { current, keys } = (data ?? {}) as { current?: unknown; keys?: unknown };
  if (!Number.isInteger(current) || (current as number) < 1)
    throw new ConfigError(variable, `"current" must be a positive integer; ${FORMAT}`);
  if (!keys || typeof keys !== 'object') throw new ConfigError(variable, `"keys" missing; ${FORMAT}`);
  const out = new Map<number, Uint8Array<ArrayBuffer>>();
  for (const [version, value] of Object.entries(keys)) {
    if (!/^[1-9]\d{0,5}$/.test(version))
      throw new ConfigError(variable, `key version "${version}" must be a positive integer`);
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = fromBase64Url(String(value));
    } catch {
      throw new ConfigError(variable, `key version ${version} is not base64url`);
    }
    if (bytes.length !== 32)
      throw new ConfigError(variable, `key version ${version} has ${bytes.length} bytes; 32 required`);
    out.set(Number(version), bytes);
  }
  if (!out.has(current as number))
    throw new ConfigError(variable, `"current" is ${String(current)} but keys has no such version`);
  return { current: current as number, keys: out };
}
