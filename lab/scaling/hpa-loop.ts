/**
 * The lab's autoscaler: KEDA's Prometheus scaler (queries, ignoreNullValues, fallback after
 * failureThreshold failed polls) feeding the HPA algorithm (actions/keda-verify/src/hpa.ts) every
 * sync, writing the result through the Kubernetes API with @kubernetes/client-node exactly as the
 * controller does: scale subresource, HPA status, a SuccessfulRescale event.
 */
import { AppsV1Api, AutoscalingV2Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { hpaSync, newHpaState, proposeReplicas, recordScale } from '../../actions/keda-verify/src/hpa.ts';
import { readTriggers } from '../../actions/keda-verify/src/live.ts';
import type { ScaledObject } from '../../actions/keda-verify/src/types.ts';

export interface HpaLoop {
  stop(): Promise<void>;
  log: string[];
}

export function startHpaLoop(
  so: ScaledObject,
  options: { kubeconfig: string; prometheusUrl: string; syncSeconds: number; timeoutMs: number },
): HpaLoop {
  const kc = new KubeConfig();
  kc.loadFromString(options.kubeconfig);
  const apps = kc.makeApiClient(AppsV1Api);
  const autoscaling = kc.makeApiClient(AutoscalingV2Api);
  const core = kc.makeApiClient(CoreV1Api);
  const namespace = so.metadata.namespace ?? 'default';
  const name = so.spec.scaleTargetRef.name;
  const hpaName = so.spec.advanced?.horizontalPodAutoscalerConfig?.name ?? `keda-hpa-${so.metadata.name}`;
  const behavior = so.spec.advanced?.horizontalPodAutoscalerConfig?.behavior;
  const spec = {
    min: so.spec.minReplicaCount ?? 0,
    max: so.spec.maxReplicaCount ?? 100,
    ...(behavior?.scaleUp ? { scaleUp: behavior.scaleUp } : {}),
    ...(behavior?.scaleDown ? { scaleDown: behavior.scaleDown } : {}),
  };
  const state = newHpaState();
  const failures = new Map<number, number>();
  const log: string[] = [];
  const started = Date.now();
  let stopped = false;
  let seq = 0;

  const sync = async () => {
    const now = (Date.now() - started) / 1000;
    const scale = await apps.readNamespacedDeploymentScale({ name, namespace });
    const current = scale.spec?.replicas ?? 0;
    const readings = await readTriggers(so, {
      prometheusUrl: options.prometheusUrl,
      timeoutMs: options.timeoutMs,
    });
    const proposals: number[] = [];
    const reasons: string[] = [];
    for (const r of readings) {
      let reading = r.reading;
      if (r.error) {
        // KEDA reads an empty result as 0 unless ignoreNullValues is 'false'.
        const ignoreNull = (r.trigger.metadata['ignoreNullValues'] ?? 'true').toLowerCase() !== 'false';
        if (r.error.reason === 'no-series' && ignoreNull)
          reading = {
            name: r.trigger.name ?? `s${r.index}`,
            metricType: r.trigger.metricType === 'Value' ? 'Value' : 'AverageValue',
            value: 0,
            target: Number(r.trigger.metadata['threshold']),
          };
      }
      if (reading) {
        failures.set(r.index, 0);
        const p = proposeReplicas(reading, current);
        proposals.push(p.replicas);
        reasons.push(`${reading.name}=${+reading.value.toPrecision(3)}/${reading.target}→${p.replicas}`);
        continue;
      }
      const n = (failures.get(r.index) ?? 0) + 1;
      failures.set(r.index, n);
      const fb = so.spec.fallback;
      if (fb && n >= fb.failureThreshold) {
        const replicas =
          fb.behavior === 'currentReplicas'
            ? current
            : fb.behavior === 'currentReplicasIfHigher'
              ? Math.max(current, fb.replicas)
              : fb.behavior === 'currentReplicasIfLower'
                ? Math.min(current, fb.replicas)
                : fb.replicas;
        proposals.push(replicas);
        reasons.push(`${r.trigger.name ?? r.index}: fallback ${replicas} (${r.error!.reason})`);
      } else reasons.push(`${r.trigger.name ?? r.index}: error ${r.error!.reason}`);
    }
    const decision = hpaSync(spec, current, proposals, state, now);
    if (decision.desired !== current) {
      await apps.replaceNamespacedDeploymentScale({
        name,
        namespace,
        body: {
          apiVersion: 'autoscaling/v1',
          kind: 'Scale',
          metadata: { name, namespace },
          spec: { replicas: decision.desired },
        },
      });
      recordScale(state, now, current, decision.desired);
      const direction = decision.desired > current ? 'above' : 'below';
      await core.createNamespacedEvent({
        namespace,
        body: {
          metadata: { name: `${hpaName}.${Date.now().toString(16)}.${seq++}`, namespace },
          involvedObject: {
            kind: 'HorizontalPodAutoscaler',
            name: hpaName,
            namespace,
            apiVersion: 'autoscaling/v2',
          },
          reason: 'SuccessfulRescale',
          message: `New size: ${decision.desired}; reason: external metric ${direction} target (${reasons.join(', ')})`,
          type: 'Normal',
          count: 1,
          lastTimestamp: new Date(),
          source: { component: 'horizontal-pod-autoscaler' },
        },
      });
    }
    await autoscaling.replaceNamespacedHorizontalPodAutoscalerStatus({
      name: hpaName,
      namespace,
      body: {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: hpaName, namespace },
        spec: { scaleTargetRef: { kind: 'Deployment', name }, maxReplicas: spec.max },
        status: { currentReplicas: current, desiredReplicas: decision.desired },
      },
    });
    log.push(
      `t=${now.toFixed(1)} current=${current} desired=${decision.desired}${decision.limitedBy ? ` (${decision.limitedBy})` : ''} ${reasons.join(' ')}`,
    );
  };

  const loop = (async () => {
    while (!stopped) {
      const t0 = Date.now();
      try {
        await sync();
      } catch (error) {
        log.push(`sync failed: ${(error as Error).message.split('\n')[0]}`);
      }
      const wait = options.syncSeconds * 1000 - (Date.now() - t0);
      if (wait > 0 && !stopped) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  return {
    log,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
