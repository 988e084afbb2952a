/**
 * The subset of the Cloudflare v4 API the failover drill uses, on 127.0.0.1, answering in
 * Cloudflare's envelope ({ success, errors, messages, result }) so the official `cloudflare` SDK
 * talks to it unchanged with `baseURL` pointed here: get and patch a load-balancer pool, get a load
 * balancer. Bearer-token checked; faults (500, 429, hang) injectable per call.
 */
import type http from 'node:http';
import { FaultPlan, listen, readBody, type LabServer } from './http.ts';

export interface LabPool {
  id: string;
  name: string;
  enabled: boolean;
}

export interface CloudflareApi extends LabServer {
  /** The SDK's baseURL for this server. */
  baseURL: string;
  pools: Map<string, LabPool>;
  faults: FaultPlan;
  /** Every call as "METHOD path", for tests that prove nothing was changed. */
  calls: string[];
}

export interface CloudflareApiOptions {
  token: string;
  accountId: string;
  zoneId: string;
  loadBalancerId: string;
  pools: LabPool[];
}

export async function startCloudflareApi(options: CloudflareApiOptions): Promise<CloudflareApi> {
  const pools = new Map(options.pools.map((p) => [p.id, { ...p }]));
  const faults = new FaultPlan();
  const calls: string[] = [];
  const send = (res: http.ServerResponse, status: number, result: unknown, errors: unknown[] = []) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ success: errors.length === 0, errors, messages: [], result }));
  };
  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://lab');
    const path = url.pathname.replace(/^\/client\/v4/, '');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    calls.push(`${method} ${path}`);
    if (req.headers.authorization !== `Bearer ${options.token}`)
      return send(res, 403, null, [{ code: 10000, message: 'Authentication error' }]);
    const fault = faults.take(method, path, body);
    if (fault?.status === 'hang') return; // never answers: the client's timeout must fire
    if (fault) {
      if (fault.status === 429) res.setHeader('retry-after', '0');
      return send(res, fault.status, null, [{ code: 10429, message: `lab fault ${fault.status}` }]);
    }
    const pool = new RegExp(`^/accounts/${options.accountId}/load_balancers/pools/([^/]+)$`).exec(path);
    if (pool) {
      const found = pools.get(pool[1]!);
      if (!found) return send(res, 404, null, [{ code: 1002, message: 'pool not found' }]);
      if (method === 'PATCH') {
        const patch = JSON.parse(body || '{}') as { enabled?: unknown };
        if (typeof patch.enabled === 'boolean') found.enabled = patch.enabled;
      } else if (method !== 'GET')
        return send(res, 405, null, [{ code: 10405, message: 'method not allowed' }]);
      return send(res, 200, { ...found, origins: [], monitor: 'lab-monitor' });
    }
    const lb = new RegExp(`^/zones/${options.zoneId}/load_balancers/([^/]+)$`).exec(path);
    if (lb && method === 'GET') {
      if (lb[1] !== options.loadBalancerId)
        return send(res, 404, null, [{ code: 1002, message: 'load balancer not found' }]);
      const ids = [...pools.keys()];
      return send(res, 200, { id: lb[1], default_pools: ids, fallback_pool: ids.at(-1), enabled: true });
    }
    send(res, 404, null, [{ code: 7003, message: `no route for ${method} ${path}` }]);
  });
  return { ...server, baseURL: `${server.url}/client/v4`, pools, faults, calls };
}
