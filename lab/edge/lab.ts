/**
 * The whole edge on 127.0.0.1: two regional origins, a Cloudflare edge (pools + monitor) and a
 * CloudFront edge (origin group), Route 53 failover steering in front of them, and the Cloudflare
 * and Route 53 APIs the drill turns them off with. Every timing comes from infra/*.tf
 * (lib/terraform/edge-timing.ts), multiplied by `timeScale` (1 = real seconds; tests use ~0.01).
 */
import { join } from 'node:path';
import {
  bounds,
  readEdgeTiming,
  type EdgeTiming,
  type FailoverBound,
} from '../../lib/terraform/edge-timing.ts';
import { startCloudflareEdge, startCloudFrontEdge, type Cdn } from './cdn.ts';
import { startCloudflareApi, type CloudflareApi } from './cloudflare-api.ts';
import { startOrigin, type Origin } from './origin.ts';
import { startRoute53Api, type Route53Api } from './route53-api.ts';
import { startSteering, type Steering } from './steering.ts';

export const LAB_IDS = {
  accountId: 'lab-account',
  zoneId: 'lab-zone',
  loadBalancerId: 'lab-lb',
  poolIds: ['pool-us-east', 'pool-us-west'],
  cloudflareHealthCheckId: 'hc-cloudflare',
  cloudfrontHealthCheckId: 'hc-cloudfront',
} as const;

export interface EdgeLab {
  /** What users reach: the front door that resolves through the steering layer. */
  targetUrl: string;
  cloudflareUrl: string;
  cloudfrontUrl: string;
  cloudflareApi: CloudflareApi;
  route53Api: Route53Api;
  origins: { east: Origin; west: Origin };
  cloudflare: Cdn;
  cloudfront: Cdn;
  steering: Steering;
  timing: EdgeTiming;
  bounds: FailoverBound[];
  timeScale: number;
  credentials: { cloudflareToken: string; awsAccessKeyId: string; awsSecretAccessKey: string };
  /**
   * Inputs for actions/failover-drill that point every provider setting at this lab. Cloudflare is
   * taken out by inverting its Route 53 health check ('route53', the default) or by disabling its
   * pools ('pools', a real outage of that path).
   */
  drillInputs(cloudflareLever?: 'route53' | 'pools'): Record<string, string>;
  stop(): Promise<void>;
}

export interface EdgeLabOptions {
  /** Directory holding cloudflare/ and aws/ (default: this repository's infra/). */
  infraDir?: string;
  timeScale?: number;
  /** Credentials the lab APIs accept; generated per run by default (never real ones). */
  credentials?: EdgeLab['credentials'];
}

export async function startEdgeLab(options: EdgeLabOptions = {}): Promise<EdgeLab> {
  const infraDir = options.infraDir ?? join(import.meta.dirname, '..', '..', 'infra');
  const timeScale = options.timeScale ?? 1;
  const timing = await readEdgeTiming(infraDir);
  const random = () => Math.random().toString(36).slice(2, 12);
  const credentials = options.credentials ?? {
    cloudflareToken: `lab-cf-${random()}`,
    awsAccessKeyId: `AKIALAB${random().toUpperCase()}`,
    awsSecretAccessKey: `lab-secret-${random()}`,
  };
  const started: Array<{ stop?: () => Promise<void>; close: () => Promise<void> }> = [];
  try {
    const east = await startOrigin('us-east-1');
    started.push(east);
    const west = await startOrigin('us-west-2');
    started.push(west);
    const cloudflareApi = await startCloudflareApi({
      token: credentials.cloudflareToken,
      accountId: LAB_IDS.accountId,
      zoneId: LAB_IDS.zoneId,
      loadBalancerId: LAB_IDS.loadBalancerId,
      pools: [
        { id: LAB_IDS.poolIds[0], name: 'us-east', enabled: true },
        { id: LAB_IDS.poolIds[1], name: 'us-west', enabled: true },
      ],
    });
    started.push(cloudflareApi);
    const cloudflare = await startCloudflareEdge({
      pools: cloudflareApi.pools,
      origins: new Map([
        [LAB_IDS.poolIds[0], east.url],
        [LAB_IDS.poolIds[1], west.url],
      ]),
      monitor: timing.cloudflareMonitor,
      timeScale,
    });
    started.push(cloudflare);
    const cloudfront = await startCloudFrontEdge({ origins: [east.url, west.url] });
    started.push(cloudfront);
    const check = (id: string, fqdn: string) => ({
      id,
      fqdn,
      inverted: false,
      version: 1,
      requestInterval: timing.route53.requestInterval,
      failureThreshold: timing.route53.failureThreshold,
    });
    const route53Api = await startRoute53Api({
      accessKeyId: credentials.awsAccessKeyId,
      healthChecks: [
        check(LAB_IDS.cloudflareHealthCheckId, new URL(cloudflare.url).host),
        check(LAB_IDS.cloudfrontHealthCheckId, new URL(cloudfront.url).host),
      ],
    });
    started.push(route53Api);
    const steering = await startSteering({
      primary: {
        name: 'cloudflare',
        url: cloudflare.url,
        healthCheck: route53Api.healthChecks.get(LAB_IDS.cloudflareHealthCheckId)!,
      },
      secondary: {
        name: 'cloudfront',
        url: cloudfront.url,
        healthCheck: route53Api.healthChecks.get(LAB_IDS.cloudfrontHealthCheckId)!,
      },
      timing: timing.route53,
      timeScale,
    });
    started.push(steering);
    return {
      targetUrl: `${steering.url}/`,
      cloudflareUrl: `${cloudflare.url}/`,
      cloudfrontUrl: `${cloudfront.url}/`,
      cloudflareApi,
      route53Api,
      origins: { east, west },
      cloudflare,
      cloudfront,
      steering,
      timing,
      bounds: bounds(timing),
      timeScale,
      credentials,
      drillInputs: (cloudflareLever = 'route53') => ({
        'target-url': `${steering.url}/`,
        'cloudflare-url': `${cloudflare.url}/healthz`,
        'cloudfront-url': `${cloudfront.url}/healthz`,
        'cloudflare-api-token': credentials.cloudflareToken,
        'cloudflare-api-url': cloudflareApi.baseURL,
        'cloudflare-account-id': LAB_IDS.accountId,
        'cloudflare-zone-id': LAB_IDS.zoneId,
        'cloudflare-load-balancer-id': LAB_IDS.loadBalancerId,
        ...(cloudflareLever === 'pools'
          ? { 'cloudflare-pool-ids': LAB_IDS.poolIds.join(',') }
          : { 'cloudflare-health-check-id': LAB_IDS.cloudflareHealthCheckId }),
        'cloudfront-health-check-id': LAB_IDS.cloudfrontHealthCheckId,
        'aws-access-key-id': credentials.awsAccessKeyId,
        'aws-secret-access-key': credentials.awsSecretAccessKey,
        'route53-endpoint': route53Api.url,
      }),
      stop: async () => {
        for (const s of started.reverse()) await (s.stop ?? s.close)();
      },
    };
  } catch (error) {
    for (const s of started.reverse()) await (s.stop ?? s.close)().catch(() => undefined);
    throw error;
  }
}
