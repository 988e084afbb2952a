/**
 * The operator's levers, through the official SDKs: a Cloudflare load-balancer pool (enabled
 * true/false, `cloudflare`) and a Route 53 health check (Inverted true/false,
 * `@aws-sdk/client-route-53`; an inverted check reads as unhealthy, so Route 53 stops answering with
 * the record it guards). Each lever reads its current setting first, so restore puts back what was
 * there, not what we assume was there. Errors become ProviderError: which call, which status, never
 * a credential.
 */
import Cloudflare from 'cloudflare';
import { GetHealthCheckCommand, Route53Client, UpdateHealthCheckCommand } from '@aws-sdk/client-route-53';

/** One reversible change. `key` is stable across runs so saved state can be matched to a lever. */
export interface Lever {
  key: string;
  provider: Provider;
  /** 'steer' moves traffic away (DNS); 'cut' breaks the provider's path (pools). */
  stage: 'steer' | 'cut';
  description: string;
  /** The setting now, as a value restore() accepts. */
  read(): Promise<boolean>;
  /** Puts the provider's path out of service. */
  disable(): Promise<void>;
  /** Puts back `original` (what read() returned before disable). */
  restore(original: boolean): Promise<void>;
  /** Whether a value read() returned is the in-service setting. */
  inService(value: boolean): boolean;
}

export type Provider = 'cloudflare' | 'cloudfront';

export class ProviderError extends Error {
  override name = 'ProviderError';
  readonly lever: string;
  readonly operation: string;
  readonly status: number | undefined;
  readonly kind: 'auth' | 'throttled' | 'server' | 'timeout' | 'not-found' | 'other';
  constructor(
    lever: string,
    operation: string,
    status: number | undefined,
    kind: ProviderError['kind'],
    detail: string,
  ) {
    super(`${operation} ${lever} failed${status ? ` (HTTP ${status})` : ''}: ${detail}`);
    this.lever = lever;
    this.operation = operation;
    this.status = status;
    this.kind = kind;
  }
}

export interface CloudflareSettings {
  apiToken: string;
  accountId: string;
  baseURL?: string;
  timeoutMs: number;
  maxRetries: number;
}

export function cloudflareClient(settings: CloudflareSettings): Cloudflare {
  const options: ConstructorParameters<typeof Cloudflare>[0] = {
    apiToken: settings.apiToken,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
  };
  if (settings.baseURL) options.baseURL = settings.baseURL;
  return new Cloudflare(options);
}

export function cloudflarePoolLever(client: Cloudflare, accountId: string, poolId: string): Lever {
  const key = `cloudflare-pool:${poolId}`;
  const call = async <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw cloudflareError(key, operation, error);
    }
  };
  return {
    key,
    provider: 'cloudflare',
    stage: 'cut',
    description: `Cloudflare pool ${poolId}`,
    read: () =>
      call('read', async () => {
        const pool = await client.loadBalancers.pools.get(poolId, { account_id: accountId });
        return pool.enabled !== false;
      }),
    disable: () =>
      call('disable', async () => {
        await client.loadBalancers.pools.edit(poolId, { account_id: accountId, enabled: false });
      }),
    restore: (original) =>
      call('restore', async () => {
        await client.loadBalancers.pools.edit(poolId, { account_id: accountId, enabled: original });
      }),
    inService: (enabled) => enabled,
  };
}

/** The load balancer must list the pools the drill will disable, or the drill would prove nothing. */
export async function checkLoadBalancerPools(
  client: Cloudflare,
  zoneId: string,
  loadBalancerId: string,
  poolIds: string[],
): Promise<string[]> {
  let lb;
  try {
    lb = await client.loadBalancers.get(loadBalancerId, { zone_id: zoneId });
  } catch (error) {
    throw cloudflareError(`Cloudflare load balancer ${loadBalancerId}`, 'read', error);
  }
  const pools = new Set([...(lb.default_pools ?? []), ...(lb.fallback_pool ? [lb.fallback_pool] : [])]);
  return poolIds.filter((id) => !pools.has(id));
}

function cloudflareError(lever: string, operation: string, error: unknown): ProviderError {
  if (error instanceof Cloudflare.APIConnectionTimeoutError)
    return new ProviderError(lever, operation, undefined, 'timeout', 'Cloudflare API did not answer in time');
  if (error instanceof Cloudflare.APIError && error.status !== undefined) {
    const status = Number(error.status);
    const errors = (error.errors ?? []) as Array<{ code?: number; message?: string }>;
    const detail = errors.map((e) => `${e.code ?? ''} ${e.message ?? ''}`.trim()).join('; ') || error.name;
    if (status === 401 || status === 403)
      return new ProviderError(
        lever,
        operation,
        status,
        'auth',
        `${detail} — check that cloudflare-api-token is valid and has Load Balancing: Edit on the account`,
      );
    return new ProviderError(lever, operation, status, classify(status), detail);
  }
  if (error instanceof Cloudflare.APIConnectionError)
    return new ProviderError(
      lever,
      operation,
      undefined,
      'timeout',
      'cannot reach the Cloudflare API (no answer in time or connection refused)',
    );
  return new ProviderError(lever, operation, undefined, 'other', (error as Error)?.message ?? String(error));
}

export interface AwsSettings {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region: string;
  endpoint?: string;
  timeoutMs: number;
  maxAttempts: number;
}

export function route53Client(settings: AwsSettings): Route53Client {
  const credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = {
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
  };
  if (settings.sessionToken) credentials.sessionToken = settings.sessionToken;
  return new Route53Client({
    region: settings.region,
    credentials,
    maxAttempts: settings.maxAttempts,
    requestHandler: {
      requestTimeout: settings.timeoutMs,
      connectionTimeout: settings.timeoutMs,
      throwOnRequestTimeout: true,
    },
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
  });
}

export function route53HealthCheckLever(
  client: Route53Client,
  provider: Provider,
  healthCheckId: string,
): Lever {
  const key = `route53-health-check:${healthCheckId}`;
  const call = async <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw awsError(key, operation, error);
    }
  };
  const version = async () => {
    const out = await client.send(new GetHealthCheckCommand({ HealthCheckId: healthCheckId }));
    return out.HealthCheck;
  };
  const set = async (inverted: boolean) => {
    const current = await version();
    await client.send(
      new UpdateHealthCheckCommand({
        HealthCheckId: healthCheckId,
        HealthCheckVersion: current?.HealthCheckVersion,
        Inverted: inverted,
      }),
    );
  };
  return {
    key,
    provider,
    stage: 'steer',
    description: `Route 53 health check ${healthCheckId} (${provider})`,
    // The lever's value is "not inverted": true means in service, like a pool's `enabled`.
    read: () => call('read', async () => !((await version())?.HealthCheckConfig?.Inverted ?? false)),
    disable: () => call('disable', () => set(true)),
    restore: (original) => call('restore', () => set(!original)),
    inService: (notInverted) => notInverted,
  };
}

function awsError(lever: string, operation: string, error: unknown): ProviderError {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  const name = e.name ?? 'Error';
  if (name === 'TimeoutError' || /timed? ?out/i.test(e.message ?? ''))
    return new ProviderError(lever, operation, status, 'timeout', 'Route 53 API did not answer in time');
  if (
    status === 401 ||
    status === 403 ||
    /InvalidClientTokenId|SignatureDoesNotMatch|AccessDenied/.test(name)
  )
    return new ProviderError(
      lever,
      operation,
      status,
      'auth',
      `${name} — check aws-access-key-id / aws-secret-access-key and route53:GetHealthCheck, route53:UpdateHealthCheck permissions`,
    );
  if (name === 'Throttling' || name === 'ThrottlingException')
    return new ProviderError(lever, operation, status, 'throttled', name);
  if (name === 'NoSuchHealthCheck') return new ProviderError(lever, operation, status, 'not-found', name);
  return new ProviderError(lever, operation, status, status ? classify(status) : 'other', name);
}

function classify(status: number): ProviderError['kind'] {
  if (status === 429) return 'throttled';
  if (status === 404) return 'not-found';
  if (status >= 500) return 'server';
  return 'other';
}
