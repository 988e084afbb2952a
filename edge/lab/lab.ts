/**
 * The edge lab: the tokenize and vault Workers in workerd (miniflare), the vault's D1 migrated,
 * a recording origin on 127.0.0.1, fresh keys and an Ed25519 claim signer. Tests, the runbook
 * and the benchmark all start it; nothing under workers/ imports it.
 */
import { Miniflare, type MiniflareOptions, type WorkerOptions } from 'miniflare';
import { randomBytes, type webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signClaim } from '../workers/shared/claims.ts';
import type { Key } from '../workers/shared/runtime.ts';
import { bundleWorker, EDGE_ROOT, workerModules } from './bundle.ts';
import { startOrigin, type RecordingOrigin } from './origin.ts';

export const COMPATIBILITY_DATE = '2026-08-01';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

export interface LabKeys {
  tokenSecrets: Record<number, string>;
  keks: Record<number, string>;
  current: number;
  writeSecret: string;
}

export function newKeys(): LabKeys {
  return {
    tokenSecrets: { 1: b64url(randomBytes(32)) },
    keks: { 1: b64url(randomBytes(32)) },
    current: 1,
    writeSecret: b64url(randomBytes(32)),
  };
}

/** Adds version n+1 of both secrets and makes it current; older versions stay. */
export function rotateKeys(keys: LabKeys): LabKeys {
  const next = keys.current + 1;
  return {
    tokenSecrets: { ...keys.tokenSecrets, [next]: b64url(randomBytes(32)) },
    keks: { ...keys.keks, [next]: b64url(randomBytes(32)) },
    current: next,
    writeSecret: keys.writeSecret,
  };
}

export interface LabOptions {
  keys?: LabKeys;
  tokenizeVars?: Record<string, string>;
  vaultVars?: Record<string, string>;
  /** Reach the vault over HTTP at this URL instead of the service binding. */
  vaultUrl?: string;
  /** Directory for D1 data, so a restart (key rotation) keeps the vault. */
  d1Persist?: string;
  /** Skip the migration (a vault whose storage is broken). */
  migrate?: boolean;
  /** Also load the benchmark's Workers: the pass-through peer and the in-workerd core runner. */
  passthrough?: boolean;
}

export interface EdgeLab {
  mf: Miniflare;
  origin: RecordingOrigin;
  keys: LabKeys;
  /** Every structured log line the Workers printed (parsed JSON, or `{ raw }`). */
  logs: Array<Record<string, unknown>>;
  /** Sends a request through the tokenize Worker. */
  send(path: string, init?: RequestInit): Promise<Response>;
  /** Sends straight to the vault Worker (as an operator's tool would, over its route). */
  vault(path: string, init?: RequestInit): Promise<Response>;
  claim(
    roles: string[],
    options?: { sub?: string; ttlSeconds?: number; iatOffset?: number; signer?: 'lab' | 'stranger' },
  ): Promise<string>;
  /** The tokenize Worker and the vault over real HTTP on 127.0.0.1, as a deployment's routes are. */
  urls(): Promise<{ edge: string; vault: string }>;
  /** The key `claim` signs with (pkcs8, base64url; kid `lab`), as an operator's CI secret holds it. */
  claimSigningKey: string;
  restart(options: LabOptions): Promise<void>;
  dispose(): Promise<void>;
}

function keySetJson(keys: Record<number, string>, current: number): string {
  return JSON.stringify({ current, keys });
}

async function migrate(mf: Miniflare): Promise<void> {
  const db = await mf.getD1Database('DB', 'vault');
  const sql = readFileSync(join(EDGE_ROOT, 'workers', 'vault', 'migrations', '0001_vault.sql'), 'utf8');
  const statements = sql
    .split('\n')
    .filter((l) => !l.startsWith('--'))
    .join('\n')
    .split(/;[ \t]*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of statements) await db.prepare(s).run();
}

export async function startEdgeLab(options: LabOptions = {}): Promise<EdgeLab> {
  const origin = await startOrigin();
  const pair = (await crypto.subtle.generateKey('Ed25519', true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const stranger = (await crypto.subtle.generateKey('Ed25519', true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const publicKey = b64url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  const [tokenizeCode, vaultCode, passCode, coreCode] = await Promise.all([
    bundleWorker('tokenize'),
    bundleWorker('vault'),
    options.passthrough ? bundleWorker('passthrough') : Promise.resolve(''),
    options.passthrough ? bundleWorker('core-bench') : Promise.resolve(''),
  ]);
  const logs: Array<Record<string, unknown>> = [];
  let current = options;

  const miniflareOptions = (o: LabOptions): MiniflareOptions => {
    const keys = o.keys ?? lab.keys;
    const workers: WorkerOptions[] = [
      {
        name: 'tokenize',
        ...workerModules('tokenize', tokenizeCode),
        compatibilityDate: COMPATIBILITY_DATE,
        compatibilityFlags: ['nodejs_compat'],
        bindings: {
          ORIGIN_URL: origin.url,
          TOKEN_SECRETS: keySetJson(keys.tokenSecrets, keys.current),
          VAULT_KEK: keySetJson(keys.keks, keys.current),
          VAULT_WRITE_SECRET: keys.writeSecret,
          ...(o.vaultUrl ? { VAULT_URL: o.vaultUrl } : {}),
          ...o.tokenizeVars,
        },
        serviceBindings: o.vaultUrl ? {} : { VAULT: 'vault' },
      },
      {
        name: 'vault',
        ...workerModules('vault', vaultCode),
        compatibilityDate: COMPATIBILITY_DATE,
        bindings: {
          VAULT_KEK: keySetJson(keys.keks, keys.current),
          VAULT_WRITE_SECRET: keys.writeSecret,
          CLAIM_KEYS: JSON.stringify({ lab: publicKey }),
          ...o.vaultVars,
        },
        d1Databases: { DB: 'summit-ops-vault' },
        unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }],
      },
    ];
    if (o.passthrough)
      workers.push({
        name: 'passthrough',
        ...workerModules('passthrough', passCode),
        compatibilityDate: COMPATIBILITY_DATE,
        bindings: { ORIGIN_URL: origin.url },
      });
    if (o.passthrough)
      workers.push({
        name: 'core-bench',
        ...workerModules('core-bench', coreCode),
        compatibilityDate: COMPATIBILITY_DATE,
      });
    return {
      workers,
      ...(o.d1Persist ? { d1Persist: o.d1Persist } : {}),
      handleStructuredLogs: ({ message }: { message: string }) => {
        for (const line of message.split('\n').filter(Boolean)) {
          try {
            logs.push(JSON.parse(line) as Record<string, unknown>);
          } catch {
            logs.push({ raw: line });
          }
        }
      },
    };
  };

  const lab: EdgeLab = {
    mf: undefined as unknown as Miniflare,
    origin,
    keys: options.keys ?? newKeys(),
    logs,
    send: (path, init) =>
      lab.mf.dispatchFetch(`http://edge.test${path}`, init as never) as unknown as Promise<Response>,
    vault: async (path, init) => {
      const worker = (await lab.mf.getWorker('vault')) as unknown as {
        fetch(url: string, init?: RequestInit): Promise<Response>;
      };
      return worker.fetch(`http://vault.internal${path}`, init);
    },
    claim: async (roles, o = {}) => {
      const now = Math.floor(Date.now() / 1000) + (o.iatOffset ?? 0);
      const key: Key = o.signer === 'stranger' ? stranger.privateKey : pair.privateKey;
      return signClaim(key, {
        sub: o.sub ?? 'lab-operator',
        roles,
        kid: 'lab',
        iat: now,
        exp: now + (o.ttlSeconds ?? 300),
      });
    },
    urls: async () => ({
      edge: (await lab.mf.ready).origin,
      vault: (await lab.mf.unsafeGetDirectURL('vault')).origin,
    }),
    claimSigningKey: b64url(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey))),
    restart: async (o) => {
      current = o;
      if (o.keys) lab.keys = o.keys;
      await lab.mf.setOptions(miniflareOptions(o));
      if (o.migrate !== false && !o.d1Persist) await migrate(lab.mf);
    },
    dispose: async () => {
      await lab.mf.dispose();
      await origin.close();
    },
  };
  lab.mf = new Miniflare(miniflareOptions(current));
  try {
    await lab.mf.ready;
    if (options.migrate !== false) await migrate(lab.mf);
  } catch (e) {
    await lab.dispose();
    throw e;
  }
  return lab;
}
