/**
 * The worst-case failover time the edge Terraform implies, computed from its own settings (never
 * copied into code, so raising an interval in the .tf raises the bound and fails the 60 s check):
 *
 * - between the CDNs (Route 53 failover records): request_interval × failure_threshold + the
 *   checker's timeout + propagation of the new status to the DNS servers + the record TTL that
 *   clients keep the old answer for;
 * - between the regions behind Cloudflare (load-balancer monitor): interval × consecutive_down +
 *   timeout × (retries + 1) + propagation;
 * - between the regions behind CloudFront (origin group, per request): connection_attempts ×
 *   connection_timeout + origin_read_timeout.
 */
import { join } from 'node:path';
import {
  block,
  loadModule,
  resolveNumber,
  TerraformError,
  type HclBody,
  type TerraformModule,
} from './hcl.ts';

/** Route 53 waits 4 s for the TCP connection and 2 s for the status line (AWS health-check docs). */
export const ROUTE53_CHECK_TIMEOUT_S = 6;
/** Allowance for a new health status to reach the resolvers or Cloudflare's edge; an assumption, stated here. */
export const PROPAGATION_S = 5;
export const FAILOVER_BUDGET_S = 60;

export interface CloudflareMonitorTiming {
  interval: number;
  timeout: number;
  retries: number;
  consecutiveDown: number;
}

export interface Route53Timing {
  requestInterval: number;
  failureThreshold: number;
  ttl: number;
}

export interface CloudFrontOriginTiming {
  connectionAttempts: number;
  connectionTimeout: number;
  readTimeout: number;
}

export interface EdgeTiming {
  cloudflareMonitor: CloudflareMonitorTiming;
  route53: Route53Timing;
  cloudfrontOrigin: CloudFrontOriginTiming;
}

export interface FailoverBound {
  name: string;
  seconds: number;
  formula: string;
}

export function cloudflareRegionBound(m: CloudflareMonitorTiming): FailoverBound {
  return {
    name: 'region failover behind Cloudflare (monitor)',
    seconds: m.interval * m.consecutiveDown + m.timeout * (m.retries + 1) + PROPAGATION_S,
    formula: `${m.interval} s × ${m.consecutiveDown} + ${m.timeout} s × (${m.retries} + 1) + ${PROPAGATION_S} s propagation`,
  };
}

export function crossCdnBound(r: Route53Timing): FailoverBound {
  return {
    name: 'CDN failover (Route 53 health checks + TTL)',
    seconds: r.requestInterval * r.failureThreshold + ROUTE53_CHECK_TIMEOUT_S + PROPAGATION_S + r.ttl,
    formula: `${r.requestInterval} s × ${r.failureThreshold} + ${ROUTE53_CHECK_TIMEOUT_S} s check timeout + ${PROPAGATION_S} s propagation + ${r.ttl} s TTL`,
  };
}

export function cloudfrontOriginBound(c: CloudFrontOriginTiming): FailoverBound {
  return {
    name: 'region failover behind CloudFront (origin group, per request)',
    seconds: c.connectionAttempts * c.connectionTimeout + c.readTimeout,
    formula: `${c.connectionAttempts} × ${c.connectionTimeout} s connect + ${c.readTimeout} s read`,
  };
}

export function bounds(timing: EdgeTiming): FailoverBound[] {
  return [
    crossCdnBound(timing.route53),
    cloudflareRegionBound(timing.cloudflareMonitor),
    cloudfrontOriginBound(timing.cloudfrontOrigin),
  ];
}

function only(module: TerraformModule, type: string): [string, HclBody] {
  const entries = Object.entries(module.resources[type] ?? {});
  if (entries.length !== 1)
    throw new TerraformError(`${module.dir}: expected exactly one ${type}, found ${entries.length}`);
  return [`${type}.${entries[0]![0]}`, entries[0]![1]];
}

export function cloudflareTiming(module: TerraformModule): CloudflareMonitorTiming {
  const [address, monitor] = only(module, 'cloudflare_load_balancer_monitor');
  const n = (attribute: string) => resolveNumber(module, address, monitor, attribute);
  return {
    interval: n('interval'),
    timeout: n('timeout'),
    retries: n('retries'),
    consecutiveDown: n('consecutive_down'),
  };
}

export function route53Timing(module: TerraformModule): Route53Timing {
  const [checkAddress, check] = only(module, 'aws_route53_health_check');
  const records = Object.entries(module.resources['aws_route53_record'] ?? {});
  if (records.length === 0)
    throw new TerraformError(`${module.dir}: no aws_route53_record steers between the CDNs`);
  // Clients may hold any of the records' answers: the longest TTL is the worst case.
  const ttl = Math.max(
    ...records.map(([name, body]) => resolveNumber(module, `aws_route53_record.${name}`, body, 'ttl')),
  );
  return {
    requestInterval: resolveNumber(module, checkAddress, check, 'request_interval'),
    failureThreshold: resolveNumber(module, checkAddress, check, 'failure_threshold'),
    ttl,
  };
}

export function cloudfrontTiming(module: TerraformModule): CloudFrontOriginTiming {
  const [address, distribution] = only(module, 'aws_cloudfront_distribution');
  // Origins are a dynamic block: its content carries the settings.
  const origin = block(block(block(distribution, 'dynamic'), 'origin'), 'content');
  const body = Object.keys(origin).length > 0 ? origin : block(distribution, 'origin');
  const custom = block(body, 'custom_origin_config');
  return {
    connectionAttempts: resolveNumber(module, address, body, 'connection_attempts'),
    connectionTimeout: resolveNumber(module, address, body, 'connection_timeout'),
    readTimeout: resolveNumber(module, address, custom, 'origin_read_timeout'),
  };
}

/** Loads infra/cloudflare and infra/aws under `infraDir` and extracts every timing setting. */
export async function readEdgeTiming(infraDir: string): Promise<EdgeTiming> {
  const [cloudflare, aws] = await Promise.all([
    loadModule(join(infraDir, 'cloudflare')),
    loadModule(join(infraDir, 'aws')),
  ]);
  return {
    cloudflareMonitor: cloudflareTiming(cloudflare),
    route53: route53Timing(aws),
    cloudfrontOrigin: cloudfrontTiming(aws),
  };
}
