/**
 * The runbook's target on a deployment: the tokenize Worker's route, a path on it whose origin
 * answers with the request it received (an echo service behind the Worker, e.g. a staging route
 * to httpbin's /anything), and optionally the vault's route with a claim signing key. Requests go
 * out with fetch and a per-request timeout; the signing key never leaves this module.
 */
import { sign } from '../scripts/claim.ts';
import type { Delivery, RunbookTarget } from './runbook.ts';

export interface RemoteOptions {
  /** Base URL of the tokenize Worker's route, e.g. https://api.staging.example.com */
  deploymentUrl: string;
  /** Path on that route whose origin echoes the request it received. */
  echoPath: string;
  vaultUrl?: string;
  /** pkcs8 Ed25519 private key, base64url (edge/scripts/claim.ts keygen), and its key id. */
  claimSigningKey?: string;
  claimKid?: string;
  timeoutMs: number;
}

/** A refusal the Worker wrote itself (README: `{"error", "message", "requestId"}`), not an origin answer. */
export function isWorkerRefusal(status: number, body: string): boolean {
  if (status < 400) return false;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    return typeof parsed['error'] === 'string' && typeof parsed['requestId'] === 'string';
  } catch {
    return false;
  }
}

function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
}

export function remoteTarget(options: RemoteOptions): RunbookTarget {
  const timed = (url: string, init?: RequestInit) =>
    fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(options.timeoutMs) });
  const origin = new URL(options.deploymentUrl).origin;
  const target: RunbookTarget = {
    description: `deployment ${origin} (origin echo at ${options.echoPath})`,
    path: options.echoPath,
    send: async (path, init): Promise<Delivery> => {
      const res = await timed(joinUrl(options.deploymentUrl, path), init);
      const body = await res.text();
      // Anything that is not the Worker's own refusal came from the origin, which then saw the request.
      return { status: res.status, origin: isWorkerRefusal(res.status, body) ? undefined : body };
    },
  };
  if (options.vaultUrl && options.claimSigningKey) {
    const key = options.claimSigningKey;
    const kid = options.claimKid ?? 'ci';
    const vaultUrl = options.vaultUrl;
    target.vault = {
      fetch: (path, init) => timed(joinUrl(vaultUrl, path), init),
      claim: (roles, o = {}) =>
        sign(
          kid,
          key,
          o.sub ?? 'runbook',
          roles,
          o.ttlSeconds ?? 300,
          Math.floor(Date.now() / 1000) + (o.iatOffset ?? 0),
        ),
    };
  }
  return target;
}
