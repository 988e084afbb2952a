/**
 * keda-verify as an action. static (the pull-request check): schema + semantics of every
 * ScaledObject and TriggerAuthentication under `path`. live: also evaluates each Prometheus
 * trigger now and shows what KEDA and the HPA would do. surge: drives (or observes) a surge and
 * proves scale-out, recovery, no flapping and the expected alerts against Prometheus and the
 * Kubernetes API. Data flows inputs -> load -> verify (pure) -> report.
 */
import { isAbsolute, resolve } from 'node:path';
import { defineAction, type ActionResult, type RunContext } from '../../../lib/action.ts';
import { bool, InputError, int, list, oneOf, str } from '../../../lib/inputs.ts';
import { atLeast, type Level } from '../../../lib/report/types.ts';
import { loadManifests, loadRecordingRules } from './load.ts';
import { parseDuration } from './promql.ts';
import { annotations, MAX_ANNOTATIONS, staticSummary } from './report.ts';
import type { Guardrails } from './semantics.ts';
import { verifyStatic } from './static.ts';
import { runLive } from './live.ts';
import { runSurge, type SurgeDriver } from './surge.ts';
import { openModelDriver } from './load-driver.ts';
import { kubeReader } from './kube.ts';

const DURATION = /^\d+(\.\d+)?$|^(\d+(ms|s|m|h|d))+$/;
const NUMBER = /^\d+(\.\d+)?$/;

export const inputs = {
  mode: oneOf(['static', 'live', 'surge'] as const, {
    default: 'static',
    description:
      'static (schema and semantics; the pull-request check), live (also evaluate the triggers against prometheus-url now), surge (drive or observe a surge and assert the scaling).',
  }),
  path: list({
    default: ['infra/k8s'],
    description: 'Manifest files or directories (every *.yaml/*.yml below), comma or newline separated.',
  }),
  'prometheus-rules': list({
    description: 'Prometheus rule files; windows inside the recording rules a trigger reads are checked too.',
  }),
  'scrape-interval': str({
    default: '15s',
    pattern: DURATION,
    patternHint: 'a duration such as 15s or 1m',
    description: 'Prometheus scrape interval; every range window must cover at least 4 of them.',
  }),
  'min-replicas': int({ default: 2, min: 0, description: 'Floor: the lowest minReplicaCount allowed.' }),
  'max-replicas': int({ default: 50, min: 1, description: 'Ceiling: the highest maxReplicaCount allowed.' }),
  'cost-per-replica': str({
    pattern: NUMBER,
    patternHint: 'a number such as 0.12',
    description: 'Cost of one replica-hour; with budget, maxReplicaCount x cost must fit the budget.',
  }),
  budget: str({
    pattern: NUMBER,
    patternHint: 'a number such as 3',
    description: 'Hourly budget per ScaledObject at its ceiling (same unit as cost-per-replica).',
  }),
  'keda-version': str({
    default: '2.18',
    pattern: /^\d+\.\d+$/,
    patternHint: 'major.minor such as 2.18',
    description: 'The KEDA release the cluster runs (fallback with metricType Value needs 2.18).',
  }),
  'fail-on': oneOf(['error', 'warning'] as const, {
    default: 'error',
    description: 'The lowest finding level that fails the step.',
  }),
  'prometheus-url': str({
    secret: true,
    description:
      'live/surge: Prometheus base URL (may hold credentials; masked). Default: each trigger’s serverAddress.',
  }),
  'query-timeout': str({
    default: '10s',
    pattern: DURATION,
    patternHint: 'a duration such as 10s',
    description: 'live/surge: timeout of one Prometheus query or Kubernetes API call.',
  }),
  kubeconfig: str({
    description:
      'live/surge: kubeconfig file for the cluster; default: the standard lookup (KUBECONFIG, ~/.kube/config, in-cluster).',
  }),
  'scaled-object': str({
    description: 'surge: namespace/name of the ScaledObject under test; default: the only one found.',
  }),
  'surge-url': str({
    description:
      'surge: URL to drive with the open-model load generator; without it the surge is observed (someone else drives it).',
  }),
  'surge-rate': str({
    default: '200',
    pattern: NUMBER,
    patternHint: 'requests per second',
    description: 'surge: arrival rate of the surge (requests/s).',
  }),
  'baseline-rate': str({
    default: '20',
    pattern: NUMBER,
    patternHint: 'requests per second',
    description: 'surge: arrival rate before and after the surge (requests/s).',
  }),
  'surge-duration': str({
    default: '6m',
    pattern: DURATION,
    patternHint: 'a duration such as 6m',
    description: 'surge: how long the surge lasts (or how long to observe).',
  }),
  'settle-duration': str({
    default: '4m',
    pattern: DURATION,
    patternHint: 'a duration such as 4m',
    description: 'surge: observation after the surge, to see scale-down and alerts resolve.',
  }),
  'poll-interval': str({
    default: '5s',
    pattern: DURATION,
    patternHint: 'a duration such as 5s',
    description: 'surge: how often Prometheus and the Kubernetes API are polled.',
  }),
  'scale-out-within': str({
    default: '2m',
    pattern: DURATION,
    patternHint: 'a duration',
    description: 'surge: replicas must grow within this long of the p95 breach.',
  }),
  'recover-within': str({
    default: '5m',
    pattern: DURATION,
    patternHint: 'a duration',
    description: 'surge: p95 must be back under target within this long of the breach.',
  }),
  'max-replica-changes': int({
    default: 8,
    min: 1,
    description:
      'surge: more replica changes than this (or a second scale-out after scaling down) is flapping.',
  }),
  'expect-alerts': list({
    description: 'surge: alert names that must fire during the surge and be resolved by the end.',
  }),
  'evidence-dir': str({
    description:
      'surge: write the evidence bundle (timeline.json, chart.svg, hpa-events.json, load.json, report) to this empty directory.',
  }),
  'fail-on-inconclusive': bool({
    default: true,
    description: 'surge: fail when the surge never breached the target (nothing was proven).',
  }),
};

export interface KedaVerifyPorts {
  /** Drives load for surge mode; absent: the surge is observed only. */
  driver?: SurgeDriver;
}

export function seconds(name: string, text: string): number {
  const value = parseDuration(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new InputError(name, `'${text}' is not a positive duration`, 'a duration such as 15s or 2m');
  return value;
}

function numberInput(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new InputError(name, `'${text}' is not a number`, 'a number such as 0.12');
  return value;
}

export function createKedaVerify(ports: KedaVerifyPorts = {}) {
  return defineAction({
    name: 'keda-verify',
    inputs,
    async run(values, context: RunContext): Promise<ActionResult> {
      const costPerReplica = numberInput('cost-per-replica', values.costPerReplica);
      const budget = numberInput('budget', values.budget);
      if ((costPerReplica === undefined) !== (budget === undefined))
        throw new InputError(
          costPerReplica === undefined ? 'cost-per-replica' : 'budget',
          'is needed with the other',
          'both cost-per-replica and budget, or neither',
        );
      if (values.minReplicas > values.maxReplicas)
        throw new InputError(
          'min-replicas',
          `${values.minReplicas} is above max-replicas ${values.maxReplicas}`,
          'a floor at or below the ceiling',
        );
      const [major, minor] = values.kedaVersion.split('.').map(Number) as [number, number];
      const guard: Guardrails = {
        floor: values.minReplicas,
        ceiling: values.maxReplicas,
        scrapeIntervalSeconds: seconds('scrape-interval', values.scrapeInterval),
        kedaVersion: [major, minor],
        recordingRules: await loadRecordingRules(context.workspace, values.prometheusRules ?? []),
      };
      if (costPerReplica !== undefined) guard.costPerReplica = costPerReplica;
      if (budget !== undefined) guard.budget = budget;

      const set = await loadManifests(context.workspace, values.path);
      const result = verifyStatic(set, guard);
      const failOn: Level = values.failOn;
      const failing = result.findings.filter((f) => atLeast(f.level, failOn));
      const s = staticSummary(set, result.rows, result.findings);
      const outputs: Record<string, string> = {
        'scaled-objects': String(result.rows.filter((r) => r.kind === 'ScaledObject').length),
        errors: String(result.findings.filter((f) => f.level === 'error').length),
        warnings: String(result.findings.filter((f) => f.level === 'warning').length),
        skipped: String(Object.values(set.skipped).reduce((a, b) => a + b, 0)),
      };
      const notes = annotations(result.findings).slice(0, MAX_ANNOTATIONS);
      let failure =
        failing.length > 0
          ? `${failing.length} finding(s) at ${failOn} or above in the KEDA manifests; see the annotations and the job summary`
          : undefined;
      if (set.keda.length === 0 && !failure)
        failure = `no ScaledObject or TriggerAuthentication under ${values.path.join(', ')} (${set.documents} other document(s)); check the path input`;

      if (values.mode !== 'static' && !failure) {
        const timeoutMs = seconds('query-timeout', values.queryTimeout) * 1000;
        if (values.mode === 'live') {
          const liveOptions: Parameters<typeof runLive>[1] = {
            prometheusUrl: values.prometheusUrl,
            timeoutMs,
            log: context.log,
          };
          // With a kubeconfig the HPA arithmetic starts from the replicas running now.
          if (values.kubeconfig) {
            const kube = await kubeReader(
              isAbsolute(values.kubeconfig)
                ? values.kubeconfig
                : resolve(context.workspace, values.kubeconfig),
              { timeoutMs },
            );
            liveOptions.currentReplicas = (so) =>
              kube.replicas(so.metadata.namespace ?? 'default', so.spec.scaleTargetRef.name);
          }
          const live = await runLive(result.scaledObjects, liveOptions);
          s.raw(live.markdown);
          notes.push(...live.annotations);
          outputs['live-errors'] = String(live.errors);
          if (live.errors > 0)
            failure = `${live.errors} trigger(s) could not be evaluated against Prometheus; see the job summary`;
        } else {
          const surge = await runSurge(result.scaledObjects, {
            prometheusUrl: values.prometheusUrl,
            timeoutMs,
            kubeconfig: values.kubeconfig
              ? isAbsolute(values.kubeconfig)
                ? values.kubeconfig
                : resolve(context.workspace, values.kubeconfig)
              : undefined,
            scaledObject: values.scaledObject,
            surgeUrl: values.surgeUrl,
            surgeRate: numberInput('surge-rate', values.surgeRate)!,
            baselineRate: numberInput('baseline-rate', values.baselineRate)!,
            surgeSeconds: seconds('surge-duration', values.surgeDuration),
            settleSeconds: seconds('settle-duration', values.settleDuration),
            pollSeconds: seconds('poll-interval', values.pollInterval),
            scaleOutWithinSeconds: seconds('scale-out-within', values.scaleOutWithin),
            recoverWithinSeconds: seconds('recover-within', values.recoverWithin),
            maxReplicaChanges: values.maxReplicaChanges,
            expectAlerts: values.expectAlerts ?? [],
            evidenceDir: values.evidenceDir
              ? isAbsolute(values.evidenceDir)
                ? values.evidenceDir
                : resolve(context.workspace, values.evidenceDir)
              : undefined,
            driver: ports.driver,
            redactor: context.redactor,
            log: context.log,
            now: () => context.now(),
          });
          s.raw(surge.markdown);
          outputs['verdict'] = surge.verdict;
          if (surge.scaleOutSeconds !== undefined)
            outputs['scale-out-seconds'] = String(surge.scaleOutSeconds);
          if (surge.recoverySeconds !== undefined)
            outputs['recovery-seconds'] = String(surge.recoverySeconds);
          if (surge.verdict === 'fail') failure = `surge failed: ${surge.reasons.join('; ')}`;
          else if (surge.verdict === 'inconclusive' && values.failOnInconclusive)
            failure = `surge inconclusive: ${surge.reasons.join('; ')}`;
        }
      }
      const out: ActionResult = { outputs, annotations: notes, summary: s.toString() };
      if (failure) out.failure = failure;
      return out;
    },
  });
}

export default createKedaVerify({ driver: openModelDriver });
