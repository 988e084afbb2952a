/**
 * A local server speaking the subset of the Kubernetes API the lab's HPA loop and keda-verify's
 * surge mode use, in the API server's own JSON shapes, so @kubernetes/client-node talks to it as
 * to a cluster: the deployment scale subresource (get/replace/patch), the HPA and its status
 * (get/replace), and core/v1 events (create, list with a fieldSelector). It also serves the
 * kube-state-metrics series the alert rules read (/metrics), and can refuse every request with 403
 * to prove the callers' error paths.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface KubeState {
  namespace: string;
  deployment: string;
  hpaName: string;
  replicas: number;
  /** When each replica became (or becomes) ready, ms since epoch; the service counts ready ones. */
  readyAt: number[];
  hpa: { min: number; max: number; currentReplicas: number; desiredReplicas: number; lastScaleTime?: string };
  events: Array<Record<string, unknown>>;
}

export interface KubeServer {
  url: string;
  state: KubeState;
  /** Answer every API request with this status (403 for the access test); undefined: serve. */
  refuse?: number;
  /** With `refuse`: refuse only the paths this matches (an RBAC role missing one verb). */
  refuseOnly?: RegExp;
  readyReplicas(): number;
  setReplicas(n: number, startupMs: number): void;
  kubeconfig(): string;
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : {});
      } catch (error) {
        reject(error as Error);
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

function status(res: ServerResponse, code: number, reason: string, message: string): void {
  send(res, code, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  });
}

export async function startKubeServer(
  init: Omit<KubeState, 'readyAt' | 'events'>,
  startupMs = 0,
): Promise<KubeServer> {
  const state: KubeState = { ...init, readyAt: new Array(init.replicas).fill(0), events: [] };
  let rv = 1;
  const scale = () => ({
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: state.deployment, namespace: state.namespace, resourceVersion: String(rv) },
    spec: { replicas: state.replicas },
    status: { replicas: state.replicas, selector: `app=${state.deployment}` },
  });
  const hpa = () => ({
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    metadata: { name: state.hpaName, namespace: state.namespace, resourceVersion: String(rv) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: state.deployment },
      minReplicas: state.hpa.min,
      maxReplicas: state.hpa.max,
    },
    status: {
      currentReplicas: state.hpa.currentReplicas,
      desiredReplicas: state.hpa.desiredReplicas,
      ...(state.hpa.lastScaleTime ? { lastScaleTime: state.hpa.lastScaleTime } : {}),
    },
  });
  const self: KubeServer = {
    url: '',
    state,
    readyReplicas: () => state.readyAt.filter((t) => t <= Date.now()).length,
    setReplicas(n, startupMs) {
      const now = Date.now();
      if (n > state.readyAt.length)
        state.readyAt.push(...new Array(n - state.readyAt.length).fill(now + startupMs));
      else state.readyAt = state.readyAt.slice(0, n);
      state.replicas = n;
      rv++;
    },
    kubeconfig: () => '',
    close: async () => {},
  };
  const ns = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = url.pathname;
      if (path === '/metrics') {
        const labels = `namespace="${state.namespace}",horizontalpodautoscaler="${state.hpaName}"`;
        res
          .writeHead(200, { 'content-type': 'text/plain' })
          .end(
            `kube_horizontalpodautoscaler_status_current_replicas{${labels}} ${state.replicas}\nkube_horizontalpodautoscaler_spec_max_replicas{${labels}} ${state.hpa.max}\n`,
          );
        return;
      }
      if (self.refuse && (!self.refuseOnly || self.refuseOnly.test(path)))
        return status(
          res,
          self.refuse,
          self.refuse === 403 ? 'Forbidden' : 'Unauthorized',
          `lab: ${req.method} ${path} is forbidden`,
        );
      const base = `/namespaces/${ns(state.namespace)}`;
      const scalePath = new RegExp(`^/apis/apps/v1${base}/deployments/${ns(state.deployment)}/scale$`);
      const hpaPath = new RegExp(
        `^/apis/autoscaling/v2${base}/horizontalpodautoscalers/${ns(state.hpaName)}(/status)?$`,
      );
      const eventsPath = new RegExp(`^/api/v1${base}/events$`);
      if (scalePath.test(path)) {
        if (req.method === 'GET') return send(res, 200, scale());
        if (req.method === 'PUT' || req.method === 'PATCH') {
          const b = (await body(req)) as { spec?: { replicas?: number } };
          if (typeof b.spec?.replicas !== 'number')
            return status(res, 422, 'Invalid', 'spec.replicas must be a number');
          self.setReplicas(b.spec.replicas, startupMs);
          return send(res, 200, scale());
        }
      }
      if (hpaPath.test(path)) {
        if (req.method === 'GET') return send(res, 200, hpa());
        if (req.method === 'PUT') {
          const b = (await body(req)) as {
            status?: { currentReplicas?: number; desiredReplicas?: number; lastScaleTime?: string };
          };
          if (b.status) {
            state.hpa.currentReplicas = b.status.currentReplicas ?? state.hpa.currentReplicas;
            state.hpa.desiredReplicas = b.status.desiredReplicas ?? state.hpa.desiredReplicas;
            if (b.status.lastScaleTime) state.hpa.lastScaleTime = b.status.lastScaleTime;
          }
          rv++;
          return send(res, 200, hpa());
        }
      }
      if (eventsPath.test(path)) {
        if (req.method === 'POST') {
          const b = (await body(req)) as Record<string, unknown>;
          const event = {
            ...b,
            metadata: {
              ...(b['metadata'] as object),
              namespace: state.namespace,
              resourceVersion: String(++rv),
            },
          };
          state.events.push(event);
          return send(res, 201, event);
        }
        if (req.method === 'GET') {
          const selector = url.searchParams.get('fieldSelector') ?? '';
          const wanted = Object.fromEntries(
            selector
              .split(',')
              .filter(Boolean)
              .map((kv) => kv.split('=') as [string, string]),
          );
          const items = state.events.filter((e) => {
            const o = e['involvedObject'] as { kind?: string; name?: string } | undefined;
            return (
              (!wanted['involvedObject.kind'] || o?.kind === wanted['involvedObject.kind']) &&
              (!wanted['involvedObject.name'] || o?.name === wanted['involvedObject.name'])
            );
          });
          return send(res, 200, {
            kind: 'EventList',
            apiVersion: 'v1',
            metadata: { resourceVersion: String(rv) },
            items,
          });
        }
      }
      status(res, 404, 'NotFound', `lab: ${req.method} ${path} is not served`);
    })().catch((error: unknown) => status(res, 400, 'BadRequest', String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  self.url = `http://127.0.0.1:${port}`;
  self.kubeconfig = () =>
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      // Plain HTTP on loopback: client-node only allows it with skipTLSVerify.
      clusters: [{ name: 'lab', cluster: { server: self.url, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'lab', user: { token: 'lab-token' } }],
      contexts: [{ name: 'lab', context: { cluster: 'lab', user: 'lab', namespace: state.namespace } }],
      'current-context': 'lab',
    });
  self.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return self;
}
