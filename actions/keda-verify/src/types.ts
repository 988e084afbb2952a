/** The shapes of the KEDA objects after schema validation (schema.ts is the authority). */

export interface HpaPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

export interface HpaRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: 'Max' | 'Min' | 'Disabled';
  policies?: HpaPolicy[];
}

export interface Trigger {
  type: string;
  name?: string;
  metadata: Record<string, string>;
  metricType?: 'AverageValue' | 'Value' | 'Utilization';
  useCachedMetrics?: boolean;
  authenticationRef?: { name: string; kind?: string };
}

export interface ScaledObject {
  apiVersion: 'keda.sh/v1alpha1';
  kind: 'ScaledObject';
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: {
    scaleTargetRef: { apiVersion?: string; kind?: string; name: string; envSourceContainerName?: string };
    pollingInterval?: number;
    cooldownPeriod?: number;
    initialCooldownPeriod?: number;
    idleReplicaCount?: number;
    minReplicaCount?: number;
    maxReplicaCount?: number;
    fallback?: {
      failureThreshold: number;
      replicas: number;
      behavior?: 'static' | 'currentReplicas' | 'currentReplicasIfHigher' | 'currentReplicasIfLower';
    };
    advanced?: {
      restoreToOriginalReplicaCount?: boolean;
      horizontalPodAutoscalerConfig?: {
        name?: string;
        behavior?: { scaleUp?: HpaRules; scaleDown?: HpaRules };
      };
      scalingModifiers?: {
        formula?: string;
        target?: string;
        activationTarget?: string;
        metricType?: 'AverageValue' | 'Value';
      };
    };
    triggers: Trigger[];
  };
}
