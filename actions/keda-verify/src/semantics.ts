/**
 * The checks a schema cannot express, over one schema-valid ScaledObject: replica bounds, trigger
 * names, scaling modifiers, Prometheus scaler metadata (keys, numeric thresholds, removed fields,
 * ignoreNullValues), every query (parses, one series, windows >= 4 scrapes) and the guardrails a
 * team sets as inputs (floor, ceiling, cost budget, stabilisation >= cooldown). Pure.
 */
import type { LoadedConfig, PathSegment } from '../../../lib/config.ts';
import type { Finding, Level } from '../../../lib/report/types.ts';
import { analyseQuery, formatDuration, PromQLError } from './promql.ts';
import type { ScaledObject, Trigger } from './types.ts';

export interface RecordingRule {
  expr: string;
  file: string;
  line: number;
}

export interface Guardrails {
  /** Lowest minReplicaCount allowed. */
  floor: number;
  /** Highest maxReplicaCount allowed. */
  ceiling: number;
  /** USD per replica-hour; with budget, max x cost must fit. */
  costPerReplica?: number;
  budget?: number;
  scrapeIntervalSeconds: number;
  /** The KEDA release the cluster runs, [major, minor]. */
  kedaVersion: [number, number];
  /** Recorded series by name, so windows inside recording rules are checked too. */
  recordingRules: ReadonlyMap<string, RecordingRule>;
}

export const K8S_DEFAULT_SCALE_DOWN_WINDOW = 300;
export const KEDA_DEFAULTS = {
  pollingInterval: 30,
  cooldownPeriod: 300,
  minReplicaCount: 0,
  maxReplicaCount: 100,
};

const PROMETHEUS_KEYS = new Set([
  'serverAddress',
  'query',
  'threshold',
  'activationThreshold',
  'namespace',
  'customHeaders',
  'ignoreNullValues',
  'queryParameters',
  'unsafeSsl',
  'timeout',
  'authModes',
  'awsRegion',
  'identityOwner',
]);
/** Removed Prometheus scaler keys: [since, what to do instead]. */
const REMOVED_PROMETHEUS_KEYS: Record<string, [string, string]> = {
  metricName: [
    '2.12',
    "delete it; KEDA names the metric from the trigger (set the trigger's `name` to tell metrics apart)",
  ],
  cortexOrgID: ['2.12', 'use customHeaders: X-Scope-OrgID=<org id>'],
};
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const LATENCY_HINT = /duration|latency|quantile|seconds|p9\d/i;

export interface RuleInfo {
  id: string;
  level: Level;
  description: string;
}

export const RULES: Record<string, RuleInfo> = {
  schema: {
    id: 'schema',
    level: 'error',
    description: 'Does not match the KEDA ScaledObject/TriggerAuthentication schema.',
  },
  'min-above-max': {
    id: 'min-above-max',
    level: 'error',
    description: 'minReplicaCount is above maxReplicaCount.',
  },
  'idle-not-below-min': {
    id: 'idle-not-below-min',
    level: 'error',
    description: 'idleReplicaCount must be below minReplicaCount (and 0).',
  },
  'duplicate-trigger-name': {
    id: 'duplicate-trigger-name',
    level: 'error',
    description: 'Two triggers share a name.',
  },
  'scaling-modifier': {
    id: 'scaling-modifier',
    level: 'error',
    description: 'scalingModifiers needs a formula, a numeric target and named triggers.',
  },
  'prometheus-metadata': {
    id: 'prometheus-metadata',
    level: 'error',
    description: 'Missing or unknown Prometheus scaler metadata key.',
  },
  'numeric-threshold': {
    id: 'numeric-threshold',
    level: 'error',
    description: 'threshold/activationThreshold must be numeric strings (threshold > 0).',
  },
  'removed-field': {
    id: 'removed-field',
    level: 'error',
    description: 'A field KEDA removed; use its replacement.',
  },
  'ignore-null-values': {
    id: 'ignore-null-values',
    level: 'error',
    description: "ignoreNullValues is not 'false': an empty result silently reads as 0.",
  },
  'query-syntax': {
    id: 'query-syntax',
    level: 'error',
    description: 'The query does not parse or type-check as PromQL.',
  },
  'query-multi-series': {
    id: 'query-multi-series',
    level: 'error',
    description: 'The query can return more than one series.',
  },
  'range-window': {
    id: 'range-window',
    level: 'error',
    description: 'A range window is shorter than 4 scrape intervals.',
  },
  'latency-average-value': {
    id: 'latency-average-value',
    level: 'error',
    description: 'A latency query with metricType AverageValue ignores the current replica count.',
  },
  fallback: {
    id: 'fallback',
    level: 'error',
    description: 'fallback missing or unusable with these triggers.',
  },
  'scale-down-stabilisation': {
    id: 'scale-down-stabilisation',
    level: 'error',
    description: 'No explicit scale-down stabilisation window.',
  },
  'scale-down-rate-limit': {
    id: 'scale-down-rate-limit',
    level: 'warning',
    description: 'Scale-down has no rate-limiting policy.',
  },
  floor: { id: 'floor', level: 'error', description: 'minReplicaCount below the floor input.' },
  ceiling: {
    id: 'ceiling',
    level: 'error',
    description: 'maxReplicaCount missing or above the ceiling input.',
  },
  budget: {
    id: 'budget',
    level: 'error',
    description: 'maxReplicaCount x cost-per-replica exceeds the budget.',
  },
  'stabilisation-below-cooldown': {
    id: 'stabilisation-below-cooldown',
    level: 'error',
    description: 'Scale-down stabilisation is shorter than cooldownPeriod.',
  },
};

export interface Effective {
  min: number;
  max: number;
  cooldown: number;
  scaleDownWindow: number;
  scaleDownWindowExplicit: boolean;
}

export function effectiveSettings(so: ScaledObject): Effective {
  const spec = so.spec;
  const scaleDown = spec.advanced?.horizontalPodAutoscalerConfig?.behavior?.scaleDown;
  return {
    min: spec.minReplicaCount ?? KEDA_DEFAULTS.minReplicaCount,
    max: spec.maxReplicaCount ?? KEDA_DEFAULTS.maxReplicaCount,
    cooldown: spec.cooldownPeriod ?? KEDA_DEFAULTS.cooldownPeriod,
    scaleDownWindow: scaleDown?.stabilizationWindowSeconds ?? K8S_DEFAULT_SCALE_DOWN_WINDOW,
    scaleDownWindowExplicit: scaleDown?.stabilizationWindowSeconds !== undefined,
  };
}

export function checkScaledObject(doc: LoadedConfig<ScaledObject>, guard: Guardrails): Finding[] {
  const so = doc.value;
  const spec = so.spec;
  const out: Finding[] = [];
  const add = (
    rule: keyof typeof RULES,
    path: PathSegment[],
    message: string,
    level?: Level,
    key = false,
  ) => {
    const at = key ? doc.locateKey(path) : doc.locate(path);
    out.push({
      ruleId: rule,
      level: level ?? RULES[rule]!.level,
      message,
      location: { file: doc.file, line: at.line, column: at.column },
    });
  };
  const eff = effectiveSettings(so);

  if (eff.min > eff.max)
    add(
      'min-above-max',
      ['spec', 'minReplicaCount'],
      `minReplicaCount ${eff.min} is above maxReplicaCount ${eff.max}`,
    );
  if (spec.idleReplicaCount !== undefined) {
    if (spec.idleReplicaCount >= eff.min)
      add(
        'idle-not-below-min',
        ['spec', 'idleReplicaCount'],
        `idleReplicaCount ${spec.idleReplicaCount} must be below minReplicaCount ${eff.min}`,
      );
    else if (spec.idleReplicaCount !== 0)
      add(
        'idle-not-below-min',
        ['spec', 'idleReplicaCount'],
        `idleReplicaCount ${spec.idleReplicaCount}: KEDA only supports 0 (the HPA cannot hold any other idle count)`,
        'warning',
      );
  }

  // Guardrails from inputs.
  if (eff.min < guard.floor)
    add(
      'floor',
      ['spec', 'minReplicaCount'],
      `minReplicaCount ${eff.min} is below the floor of ${guard.floor} replicas (input min-replicas)${spec.minReplicaCount === undefined ? '; KEDA defaults to 0' : ''}`,
    );
  if (spec.maxReplicaCount === undefined)
    add(
      'ceiling',
      ['spec'],
      `no maxReplicaCount: KEDA defaults to ${KEDA_DEFAULTS.maxReplicaCount}; set an explicit ceiling of at most ${guard.ceiling}`,
    );
  else if (eff.max > guard.ceiling)
    add(
      'ceiling',
      ['spec', 'maxReplicaCount'],
      `maxReplicaCount ${eff.max} is above the ceiling of ${guard.ceiling} replicas (input max-replicas)`,
    );
  if (
    guard.costPerReplica !== undefined &&
    guard.budget !== undefined &&
    eff.max * guard.costPerReplica > guard.budget
  )
    add(
      'budget',
      ['spec', 'maxReplicaCount'],
      `at maxReplicaCount ${eff.max} x ${guard.costPerReplica} per replica-hour = ${+(eff.max * guard.costPerReplica).toFixed(2)}, over the budget of ${guard.budget}; lower the ceiling to ${Math.floor(guard.budget / guard.costPerReplica)} or raise the budget`,
    );

  // Behavior: explicit scale-down stabilisation and rate limits.
  const behaviorPath = ['spec', 'advanced', 'horizontalPodAutoscalerConfig', 'behavior'];
  const scaleDown = spec.advanced?.horizontalPodAutoscalerConfig?.behavior?.scaleDown;
  if (!eff.scaleDownWindowExplicit)
    add(
      'scale-down-stabilisation',
      scaleDown ? [...behaviorPath, 'scaleDown'] : ['spec'],
      `no advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds: state the scale-down stabilisation window explicitly (e.g. 300) so replicas do not follow every dip of the metric`,
    );
  else if (eff.scaleDownWindow === 0)
    add(
      'scale-down-stabilisation',
      [...behaviorPath, 'scaleDown', 'stabilizationWindowSeconds'],
      'scale-down stabilizationWindowSeconds is 0: replicas follow every dip of the metric and oscillate',
    );
  if (!scaleDown?.policies?.length)
    add(
      'scale-down-rate-limit',
      scaleDown ? [...behaviorPath, 'scaleDown'] : ['spec'],
      'scale-down has no policies: the HPA default removes up to 100 % of pods every 15 s once the window passes; add e.g. { type: Percent, value: 20, periodSeconds: 60 }',
    );
  if (eff.scaleDownWindow < eff.cooldown)
    add(
      'stabilisation-below-cooldown',
      eff.scaleDownWindowExplicit ? [...behaviorPath, 'scaleDown', 'stabilizationWindowSeconds'] : ['spec'],
      `scale-down stabilisation ${eff.scaleDownWindow} s is shorter than cooldownPeriod ${eff.cooldown} s`,
    );

  // Triggers.
  const triggers = spec.triggers;
  const seen = new Map<string, number>();
  triggers.forEach((t, i) => {
    if (t.name === undefined) return;
    if (seen.has(t.name))
      add(
        'duplicate-trigger-name',
        ['spec', 'triggers', i, 'name'],
        `trigger name '${t.name}' is already used by trigger ${seen.get(t.name)! + 1}`,
      );
    else seen.set(t.name, i);
  });
  const modifiers = spec.advanced?.scalingModifiers;
  if (modifiers) {
    const mPath = ['spec', 'advanced', 'scalingModifiers'];
    if (!modifiers.formula) add('scaling-modifier', mPath, 'scalingModifiers needs a formula');
    if (modifiers.target === undefined)
      add(
        'scaling-modifier',
        mPath,
        'scalingModifiers.formula needs a target (the value the composed metric scales on)',
      );
    else if (!NUMBER.test(modifiers.target))
      add(
        'scaling-modifier',
        [...mPath, 'target'],
        `scalingModifiers.target '${modifiers.target}' is not a number`,
      );
    triggers.forEach((t, i) => {
      if (!t.name)
        add(
          'scaling-modifier',
          ['spec', 'triggers', i],
          `trigger ${i + 1} has no name; with scalingModifiers every trigger the formula uses needs one`,
        );
    });
  }

  const valueTriggers = triggers.filter((t) => t.metricType === 'Value');
  const resourceTriggers = triggers.filter((t) => t.type === 'cpu' || t.type === 'memory');
  if (!spec.fallback)
    add(
      'fallback',
      ['spec'],
      'no fallback: when Prometheus is unreachable the HPA keeps the last size blindly; set fallback.failureThreshold and fallback.replicas',
      'warning',
    );
  else {
    if (resourceTriggers.length > 0)
      add(
        'fallback',
        ['spec', 'fallback'],
        'fallback is not supported with cpu/memory triggers; KEDA rejects the ScaledObject',
      );
    const [major, minor] = guard.kedaVersion;
    if (valueTriggers.length > 0 && (major < 2 || (major === 2 && minor < 18)))
      add(
        'fallback',
        ['spec', 'fallback'],
        `fallback with metricType Value needs KEDA 2.18 or later (input keda-version is ${major}.${minor}); older releases reject it`,
      );
    if (spec.fallback.replicas > eff.max || spec.fallback.replicas < eff.min)
      add(
        'fallback',
        ['spec', 'fallback', 'replicas'],
        `fallback.replicas ${spec.fallback.replicas} is outside min..max (${eff.min}..${eff.max}) and will be clamped`,
        'warning',
      );
  }

  triggers.forEach((t, i) => {
    if (t.type === 'prometheus') checkPrometheusTrigger(t, i, add, guard);
    if ((t.type === 'cpu' || t.type === 'memory') && t.metadata['type'] !== undefined)
      add(
        'removed-field',
        ['spec', 'triggers', i, 'metadata', 'type'],
        `metadata.type is deprecated for ${t.type} triggers; use the trigger's metricType`,
        'warning',
        true,
      );
  });
  return out;
}

type Add = (
  rule: keyof typeof RULES,
  path: PathSegment[],
  message: string,
  level?: Level,
  key?: boolean,
) => void;

function checkPrometheusTrigger(t: Trigger, i: number, add: Add, guard: Guardrails): void {
  const base: PathSegment[] = ['spec', 'triggers', i, 'metadata'];
  const label = t.name ? `trigger '${t.name}'` : `trigger ${i + 1}`;
  const md = t.metadata;
  for (const key of Object.keys(md)) {
    const removed = REMOVED_PROMETHEUS_KEYS[key];
    if (removed)
      add(
        'removed-field',
        [...base, key],
        `${label}: metadata.${key} was removed from the Prometheus scaler in KEDA ${removed[0]}; ${removed[1]}`,
        'error',
        true,
      );
    else if (!PROMETHEUS_KEYS.has(key))
      add(
        'prometheus-metadata',
        [...base, key],
        `${label}: unknown Prometheus scaler key '${key}' (known: ${[...PROMETHEUS_KEYS].join(', ')})`,
        'warning',
        true,
      );
  }
  for (const key of ['serverAddress', 'query', 'threshold']) {
    if (md[key] === undefined || md[key] === '')
      add('prometheus-metadata', base, `${label}: missing required metadata.${key}`);
  }
  const address = md['serverAddress'];
  if (address && !isHttpUrl(address))
    add(
      'prometheus-metadata',
      [...base, 'serverAddress'],
      `${label}: metadata.serverAddress is not an http(s) URL; write it with its scheme, such as http://prometheus.monitoring.svc:9090`,
    );
  for (const key of ['threshold', 'activationThreshold']) {
    const v = md[key];
    if (v === undefined) continue;
    if (!NUMBER.test(v.trim()))
      add(
        'numeric-threshold',
        [...base, key],
        `${label}: metadata.${key} '${v}' is not a number; write it as a quoted decimal such as '0.4'`,
      );
    else if (key === 'threshold' && Number(v) <= 0)
      add(
        'numeric-threshold',
        [...base, key],
        `${label}: metadata.threshold must be above 0 (the HPA divides by it)`,
      );
  }
  if (md['ignoreNullValues'] === undefined || md['ignoreNullValues'].trim().toLowerCase() !== 'false')
    add(
      'ignore-null-values',
      md['ignoreNullValues'] === undefined ? base : [...base, 'ignoreNullValues'],
      `${label}: ignoreNullValues is ${md['ignoreNullValues'] === undefined ? 'unset (default true)' : `'${md['ignoreNullValues']}'`}: a query that returns no series reads as 0 and the HPA shrinks to the floor; set ignoreNullValues: 'false' so KEDA errors and the fallback applies`,
    );

  const query = md['query'];
  if (query) {
    try {
      const a = analyseQuery(query);
      if (a.type !== 'vector' && a.type !== 'scalar')
        add(
          'query-syntax',
          [...base, 'query'],
          `${label}: the query returns a ${a.type}; KEDA needs an instant vector or scalar`,
        );
      if (a.multiSeries) add('query-multi-series', [...base, 'query'], `${label}: ${a.multiSeries}`);
      const minWindow = 4 * guard.scrapeIntervalSeconds;
      for (const w of a.windows)
        if (w.seconds < minWindow)
          add(
            'range-window',
            [...base, 'query'],
            `${label}: range [${w.text}] covers fewer than 4 scrapes at a ${formatDuration(guard.scrapeIntervalSeconds)} scrape interval; use at least [${formatDuration(minWindow)}]`,
          );
      for (const metric of a.metrics) {
        const rule = guard.recordingRules.get(metric);
        if (!rule) continue;
        try {
          for (const w of analyseQuery(rule.expr).windows)
            if (w.seconds < minWindow)
              add(
                'range-window',
                [...base, 'query'],
                `${label}: recorded series ${metric} (${rule.file}:${rule.line}) uses range [${w.text}], fewer than 4 scrapes at ${formatDuration(guard.scrapeIntervalSeconds)}`,
              );
        } catch {
          // A broken recording rule is promtool's to report.
        }
      }
      if (LATENCY_HINT.test(query) && (t.metricType ?? 'AverageValue') === 'AverageValue')
        add(
          'latency-average-value',
          t.metricType ? ['spec', 'triggers', i, 'metricType'] : ['spec', 'triggers', i],
          `${label}: a latency query with metricType AverageValue gives replicas = ceil(latency / threshold) whatever the current count, so added pods lower the latency and the HPA removes them again; use metricType: Value`,
        );
    } catch (error) {
      if (error instanceof PromQLError)
        add('query-syntax', [...base, 'query'], `${label}: query does not parse: ${error.message}`);
      else throw error;
    }
  }
}

/** KEDA's scaler (and live mode) need a scheme: `prometheus:9090` parses as scheme `prometheus:`. */
export function isHttpUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const { protocol } = new URL(text);
  return protocol === 'http:' || protocol === 'https:';
}
