/**
 * What surge mode reads from the cluster, through the official client (@kubernetes/client-node):
 * the target's scale subresource, the HPA KEDA created, and its events. A refusal (401/403) is a
 * KubeAccessError naming the verb, resource and namespace to grant.
 */
import {
  AppsV1Api,
  AutoscalingV2Api,
  CoreV1Api,
  KubeConfig,
  Observable,
  type ConfigurationOptions,
  type ObservableMiddleware,
} from '@kubernetes/client-node';

export class KubeAccessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeAccessError';
  }
}

export interface HpaEvent {
  at: string;
  type: string;
  reason: string;
  message: string;
  count: number;
}

export interface KubeReader {
  replicas(namespace: string, deployment: string): Promise<number>;
  hpa(namespace: string, name: string): Promise<{ current?: number; desired?: number } | undefined>;
  events(namespace: string, hpaName: string): Promise<HpaEvent[]>;
}

/** Default bound of one API call: client-node sets none, and a silent API server would hang the step. */
export const KUBE_TIMEOUT_MS = 10_000;

function explain(
  error: unknown,
  verb: string,
  resource: string,
  namespace: string,
  timeoutMs: number,
): never {
  const name = (error as { name?: string }).name;
  if (name === 'AbortError' || name === 'TimeoutError')
    throw new KubeAccessError(
      `Kubernetes API did not answer within ${timeoutMs} ms to ${verb} ${resource} in namespace ${namespace}: check the cluster (the kubeconfig's server) or raise query-timeout`,
    );
  const code = (error as { code?: number }).code;
  if (code === 401 || code === 403)
    throw new KubeAccessError(
      `Kubernetes API answered ${code} ${code === 403 ? 'Forbidden' : 'Unauthorized'} to ${verb} ${resource} in namespace ${namespace}: grant the identity in the kubeconfig get on deployments/scale and horizontalpodautoscalers and list on events there`,
    );
  if (code === 404)
    throw new KubeAccessError(
      `Kubernetes API: ${resource} not found in namespace ${namespace}; check scaleTargetRef / the HPA name`,
    );
  throw new KubeAccessError(
    `Kubernetes API: ${verb} ${resource} in ${namespace} failed: ${(error as Error).message.split('\n')[0]}`,
  );
}

export function kubeReader(
  kubeconfigFile?: string,
  { timeoutMs = KUBE_TIMEOUT_MS }: { timeoutMs?: number } = {},
): KubeReader {
  // Every call gets its own deadline; the signal aborts the request, so no socket outlives it.
  // The object-parameter API takes observable middleware (as client-node's own header middleware).
  const bounded = (): ConfigurationOptions<ObservableMiddleware> => ({
    middleware: [
      {
        pre: (context) => {
          context.setSignal(AbortSignal.timeout(timeoutMs));
          return new Observable(Promise.resolve(context));
        },
        post: (response) => new Observable(Promise.resolve(response)),
      },
    ],
    middlewareMergeStrategy: 'append',
  });
  const kc = new KubeConfig();
  if (kubeconfigFile) kc.loadFromFile(kubeconfigFile);
  else kc.loadFromDefault();
  const apps = kc.makeApiClient(AppsV1Api);
  const autoscaling = kc.makeApiClient(AutoscalingV2Api);
  const core = kc.makeApiClient(CoreV1Api);
  return {
    async replicas(namespace, name) {
      try {
        const scale = await apps.readNamespacedDeploymentScale({ name, namespace }, bounded());
        return scale.status?.replicas ?? scale.spec?.replicas ?? 0;
      } catch (error) {
        explain(error, 'get', `deployments/${name}/scale`, namespace, timeoutMs);
      }
    },
    async hpa(namespace, name) {
      try {
        const h = await autoscaling.readNamespacedHorizontalPodAutoscalerStatus(
          { name, namespace },
          bounded(),
        );
        const out: { current?: number; desired?: number } = {};
        if (h.status?.currentReplicas !== undefined) out.current = h.status.currentReplicas;
        if (h.status?.desiredReplicas !== undefined) out.desired = h.status.desiredReplicas;
        return out;
      } catch (error) {
        if ((error as { code?: number }).code === 404) return undefined;
        explain(error, 'get', `horizontalpodautoscalers/${name}`, namespace, timeoutMs);
      }
    },
    async events(namespace, hpaName) {
      try {
        const list = await core.listNamespacedEvent(
          {
            namespace,
            fieldSelector: `involvedObject.kind=HorizontalPodAutoscaler,involvedObject.name=${hpaName}`,
          },
          bounded(),
        );
        return list.items.map((e) => ({
          at: (e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? new Date(0)).toString(),
          type: e.type ?? '',
          reason: e.reason ?? '',
          message: e.message ?? '',
          count: e.count ?? 1,
        }));
      } catch (error) {
        explain(error, 'list', 'events', namespace, timeoutMs);
      }
    },
  };
}
