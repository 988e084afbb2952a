/**
 * What surge mode reads from the cluster, through the official client (@kubernetes/client-node):
 * the target's scale subresource, the HPA KEDA created, and its events. A refusal (401/403) is a
 * KubeAccessError naming the verb, resource and namespace to grant. The client itself is in
 * kube-client.ts, imported only when a reader is opened (see there).
 */

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

export function explain(
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

/** Minimum Node of @kubernetes/client-node's HTTP stack (undici 8's engines field). */
export const KUBE_CLIENT_NODE = [22, 19] as const;

/** A reader over the cluster of `kubeconfigFile` (the default kubeconfig when absent). */
export async function kubeReader(
  kubeconfigFile?: string,
  { timeoutMs = KUBE_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<KubeReader> {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  if (major < KUBE_CLIENT_NODE[0] || (major === KUBE_CLIENT_NODE[0] && minor < KUBE_CLIENT_NODE[1]))
    throw new KubeAccessError(
      `reading the cluster needs Node ≥ ${KUBE_CLIENT_NODE.join('.')} (@kubernetes/client-node); this is ${process.version}. Run on Node 24 (the actions' runtime), or use mode static`,
    );
  const { openKubeReader } = await import('./kube-client.ts');
  return openKubeReader(kubeconfigFile, timeoutMs);
}
