/**
 * JSON Schemas (2020-12) of KEDA's ScaledObject and (Cluster)TriggerAuthentication, written from
 * KEDA's reference (keda.sh/docs/2.18/reference/scaledobject-spec, concepts/authentication) and the
 * autoscaling/v2 HPA behavior it passes through. Closed objects (additionalProperties: false)
 * wherever KEDA defines the fields, so a misspelt key is an error at its line instead of being
 * silently ignored by the API server's pruning. Trigger metadata stays an open string map here:
 * scaler-specific keys are checked by the semantic layer (semantics.ts).
 */

const nonNegativeInt = { type: 'integer', minimum: 0 } as const;
const positiveInt = { type: 'integer', minimum: 1 } as const;

const objectMeta = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 },
    namespace: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
} as const;

const hpaPolicy = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'value', 'periodSeconds'],
  properties: {
    type: { enum: ['Pods', 'Percent'] },
    value: positiveInt,
    periodSeconds: { type: 'integer', minimum: 1, maximum: 1800 },
  },
} as const;

const hpaRules = {
  type: 'object',
  additionalProperties: false,
  properties: {
    stabilizationWindowSeconds: { type: 'integer', minimum: 0, maximum: 3600 },
    selectPolicy: { enum: ['Max', 'Min', 'Disabled'] },
    policies: { type: 'array', items: hpaPolicy },
    tolerance: { type: ['string', 'number'] },
  },
} as const;

const trigger = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'metadata'],
  properties: {
    type: { type: 'string', minLength: 1 },
    name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' },
    metadata: { type: 'object', additionalProperties: { type: 'string' } },
    metricType: { enum: ['AverageValue', 'Value', 'Utilization'] },
    useCachedMetrics: { type: 'boolean' },
    authenticationRef: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 1 },
        kind: { enum: ['TriggerAuthentication', 'ClusterTriggerAuthentication'] },
      },
    },
  },
} as const;

export const scaledObjectSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://summit-ops.dev/schemas/keda/scaledobject.json',
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { const: 'keda.sh/v1alpha1' },
    kind: { const: 'ScaledObject' },
    metadata: objectMeta,
    status: { type: 'object' },
    spec: {
      type: 'object',
      additionalProperties: false,
      required: ['scaleTargetRef', 'triggers'],
      properties: {
        scaleTargetRef: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: {
            apiVersion: { type: 'string' },
            kind: { type: 'string' },
            name: { type: 'string', minLength: 1 },
            envSourceContainerName: { type: 'string' },
          },
        },
        pollingInterval: positiveInt,
        cooldownPeriod: nonNegativeInt,
        initialCooldownPeriod: nonNegativeInt,
        idleReplicaCount: nonNegativeInt,
        minReplicaCount: nonNegativeInt,
        maxReplicaCount: positiveInt,
        fallback: {
          type: 'object',
          additionalProperties: false,
          required: ['failureThreshold', 'replicas'],
          properties: {
            failureThreshold: positiveInt,
            replicas: nonNegativeInt,
            behavior: {
              enum: ['static', 'currentReplicas', 'currentReplicasIfHigher', 'currentReplicasIfLower'],
            },
          },
        },
        advanced: {
          type: 'object',
          additionalProperties: false,
          properties: {
            restoreToOriginalReplicaCount: { type: 'boolean' },
            horizontalPodAutoscalerConfig: {
              type: 'object',
              additionalProperties: false,
              properties: {
                name: { type: 'string' },
                behavior: {
                  type: 'object',
                  additionalProperties: false,
                  properties: { scaleUp: hpaRules, scaleDown: hpaRules },
                },
              },
            },
            scalingModifiers: {
              type: 'object',
              additionalProperties: false,
              properties: {
                formula: { type: 'string' },
                target: { type: 'string' },
                activationTarget: { type: 'string' },
                metricType: { enum: ['AverageValue', 'Value'] },
              },
            },
          },
        },
        triggers: { type: 'array', minItems: 1, items: trigger },
      },
    },
  },
} as const;

const parameterRef = (extra: Record<string, object>, required: string[]) => ({
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['parameter', ...required],
    properties: { parameter: { type: 'string', minLength: 1 }, ...extra },
  },
});

const authSpec = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    podIdentity: {
      type: 'object',
      additionalProperties: false,
      required: ['provider'],
      properties: {
        provider: { enum: ['none', 'azure-workload', 'aws', 'aws-eks', 'gcp'] },
        identityId: { type: 'string' },
        identityTenantId: { type: 'string' },
        identityAuthorityHost: { type: 'string' },
        roleArn: { type: 'string' },
        identityOwner: { enum: ['keda', 'workload'] },
      },
    },
    secretTargetRef: parameterRef({ name: { type: 'string' }, key: { type: 'string' } }, ['name', 'key']),
    configMapTargetRef: parameterRef({ name: { type: 'string' }, key: { type: 'string' } }, ['name', 'key']),
    env: parameterRef({ name: { type: 'string' }, containerName: { type: 'string' } }, ['name']),
    boundServiceAccountToken: parameterRef({ serviceAccountName: { type: 'string' } }, [
      'serviceAccountName',
    ]),
    // Provider blocks with many optional fields: type-checked only.
    hashiCorpVault: { type: 'object', required: ['address', 'authentication', 'secrets'] },
    azureKeyVault: { type: 'object', required: ['vaultUri', 'secrets'] },
    awsSecretManager: { type: 'object', required: ['secrets'] },
    gcpSecretManager: { type: 'object', required: ['secrets'] },
  },
} as const;

export const triggerAuthenticationSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://summit-ops.dev/schemas/keda/triggerauthentication.json',
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { const: 'keda.sh/v1alpha1' },
    kind: { enum: ['TriggerAuthentication', 'ClusterTriggerAuthentication'] },
    metadata: objectMeta,
    spec: authSpec,
  },
} as const;
