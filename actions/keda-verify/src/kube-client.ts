/**
 * The @kubernetes/client-node half of kube.ts, loaded only when a step talks to a cluster: the
 * client's HTTP stack (undici 8) needs Node ≥ 22.19, and static mode must also run where it is
 * not (the installed CLI supports Node ≥ 20).
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
import { explain, type KubeReader } from './kube.ts';

export function openKubeReader(kubeconfigFile: string | undefined, timeoutMs: number): KubeReader {
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
