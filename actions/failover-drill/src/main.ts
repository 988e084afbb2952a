/**
 * failover-drill as an action: inputs → restore anything an interrupted run left (saved state) →
 * preflight → open-model load → disable Cloudflare, watch CloudFront carry → restore → disable
 * CloudFront, watch Cloudflare carry → restore → verdict and evidence. The SDK clients, the load
 * generator and the clock are built here; the sequence is drill.ts, the figures analysis.ts.
 */
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { defineAction, type ActionResult, type RunContext } from '../../../lib/action.ts';
import { InputError, type InputValues } from '../../../lib/inputs.ts';
import { httpTarget, runLoad, summarize, ONLY_2XX } from '../../../lib/load/index.ts';
import { timeline } from './analysis.ts';
import { failoverDashboard, timelineOpenMetrics } from './dashboard.ts';
import {
  runDrill,
  type DrillOutcome,
  type DrillPorts,
  type DrillSettings,
  type ProbeResult,
} from './drill.ts';
import { parseDuration } from '../../../lib/duration.ts';
import { evidenceMarkdown, metricsText, timelineSvg, writeEvidence } from './evidence.ts';
import { INPUTS } from './inputs.ts';
import { restoreSaved, StateFile } from './state.ts';
import {
  checkLoadBalancerPools,
  cloudflareClient,
  cloudflarePoolLever,
  route53Client,
  route53HealthCheckLever,
  type Lever,
} from './switches.ts';
import { summaryMarkdown } from './summary.ts';

export type Inputs = InputValues<typeof INPUTS>;

export interface Levers {
  levers: Lever[];
  poolsOutsideLoadBalancer?: () => Promise<string[]>;
}

/** The levers the inputs configure; an incomplete provider configuration is an input error. */
export function buildLevers(inputs: Inputs): Levers {
  const levers: Lever[] = [];
  const timeoutMs = parseDuration('api-timeout', inputs.apiTimeout);
  const result: Levers = { levers };
  const pools = inputs.cloudflarePoolIds ?? [];
  if (pools.length && inputs.cloudflareHealthCheckId)
    throw new InputError(
      'cloudflare-pool-ids',
      'cannot be combined with cloudflare-health-check-id: once the pools are off, the Cloudflare endpoint fails, an inverted health check of a failing endpoint reads healthy, and Route 53 would send users back to the broken provider',
      'cloudflare-health-check-id (steer users away: zero errors expected) or cloudflare-pool-ids (a real outage: errors until Route 53 notices; set allowed-non-2xx)',
    );
  if (pools.length) {
    if (!inputs.cloudflareApiToken || !inputs.cloudflareAccountId)
      throw new InputError(
        'cloudflare-pool-ids',
        'needs cloudflare-api-token and cloudflare-account-id',
        'all three, or none',
      );
    const settings: Parameters<typeof cloudflareClient>[0] = {
      apiToken: inputs.cloudflareApiToken,
      accountId: inputs.cloudflareAccountId,
      timeoutMs,
      maxRetries: 1,
    };
    if (inputs.cloudflareApiUrl) settings.baseURL = inputs.cloudflareApiUrl;
    const client = cloudflareClient(settings);
    for (const id of pools) levers.push(cloudflarePoolLever(client, inputs.cloudflareAccountId, id));
    if (inputs.cloudflareZoneId && inputs.cloudflareLoadBalancerId) {
      const zone = inputs.cloudflareZoneId;
      const lb = inputs.cloudflareLoadBalancerId;
      result.poolsOutsideLoadBalancer = () => checkLoadBalancerPools(client, zone, lb, pools);
    }
  }
  const checks: Array<[Lever['provider'], string | undefined, string]> = [
    ['cloudflare', inputs.cloudflareHealthCheckId, 'cloudflare-health-check-id'],
    ['cloudfront', inputs.cloudfrontHealthCheckId, 'cloudfront-health-check-id'],
  ];
  if (checks.some(([, id]) => id)) {
    if (!inputs.awsAccessKeyId || !inputs.awsSecretAccessKey)
      throw new InputError(
        checks.find(([, id]) => id)![2],
        'needs aws-access-key-id and aws-secret-access-key',
        'AWS credentials allowed route53:GetHealthCheck and route53:UpdateHealthCheck',
      );
    const settings: Parameters<typeof route53Client>[0] = {
      accessKeyId: inputs.awsAccessKeyId,
      secretAccessKey: inputs.awsSecretAccessKey,
      region: inputs.awsRegion,
      timeoutMs,
      maxAttempts: 2,
    };
    if (inputs.awsSessionToken) settings.sessionToken = inputs.awsSessionToken;
    if (inputs.route53Endpoint) settings.endpoint = inputs.route53Endpoint;
    const client = route53Client(settings);
    for (const [provider, id] of checks) if (id) levers.push(route53HealthCheckLever(client, provider, id));
  }
  return result;
}

export function drillSettings(inputs: Inputs): DrillSettings {
  return {
    rate: inputs.rate,
    warmUpMs: parseDuration('warm-up', inputs.warmUp),
    holdMs: parseDuration('hold', inputs.hold),
    settleMs: parseDuration('settle', inputs.settle),
    timeoutMs: parseDuration('timeout', inputs.timeout),
    budgetMs: parseDuration('budget', inputs.budget),
    allowedNon2xx: inputs.allowedNon2xx,
    dryRun: inputs.dryRun,
    phases: [
      { disabled: 'cloudflare', carrier: 'cloudfront' },
      { disabled: 'cloudfront', carrier: 'cloudflare' },
    ],
  };
}

export function statePath(inputs: Inputs, context: RunContext): string {
  return resolve(context.workspace, inputs.stateFile);
}

/** Restores what an interrupted drill left; returns log lines, throws when something stays out. */
export async function recoverSavedState(
  path: string,
  levers: Lever[],
  context: RunContext,
): Promise<string[]> {
  const saved = await StateFile.read(path);
  if (!saved || saved.changes.length === 0) return [];
  context.log.warning(
    `An earlier drill (run ${saved.runId}) left ${saved.changes.length} lever(s) changed; restoring them from ${path}`,
  );
  const outcome = await restoreSaved(saved, path, levers);
  if (outcome.failed.length)
    throw new Error(
      `Could not restore what an earlier drill changed (${path}): ${outcome.failed.map((f) => `${f.key}: ${f.error}`).join('; ')}. Put these back by hand, then delete ${path}`,
    );
  return outcome.restored.map((key) => `restored ${key} from saved state`);
}

async function probe(url: string, timeoutMs: number): Promise<ProbeResult> {
  const target = httpTarget(url, { timeoutMs });
  try {
    const outcome = await target.send(0, new AbortController().signal);
    const result: ProbeResult = { status: outcome.status, provider: outcome.provider };
    if (outcome.error) result.error = outcome.error;
    return result;
  } finally {
    target.close();
  }
}

/** SIGTERM/SIGINT (a cancelled job, a step timeout) abort the drill, which then restores. */
function cancellation(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
    },
  };
}

export default defineAction({
  name: 'failover-drill',
  inputs: INPUTS,
  async run(inputs, context): Promise<ActionResult> {
    if (inputs.mode === 'restore') return restoreOnly(inputs, context);
    const settings = drillSettings(inputs);
    const { levers, poolsOutsideLoadBalancer } = buildLevers(inputs);
    const path = statePath(inputs, context);
    const recovered = await recoverSavedState(path, levers, context);
    for (const line of recovered) context.log.info(line);
    const startedAt = context.now().toISOString();
    const cancel = cancellation();
    const ports: DrillPorts = {
      levers,
      state: new StateFile(path, context.github.runId ?? `local-${startedAt}`),
      targets: { target: inputs.targetUrl },
      probe: (url) => probe(url, 10_000),
      runLoad: (options) =>
        runLoad({
          url: inputs.targetUrl,
          expected: ONLY_2XX,
          timeoutMs: 10_000,
          drainTimeoutMs: 10_000,
          ...options,
        }),
      sleep: (ms, signal) => sleep(ms, undefined, { signal }),
      cancel: cancel.signal,
      log: context.log,
    };
    if (inputs.cloudflareUrl) ports.targets.cloudflare = inputs.cloudflareUrl;
    if (inputs.cloudfrontUrl) ports.targets.cloudfront = inputs.cloudfrontUrl;
    if (poolsOutsideLoadBalancer) ports.poolsOutsideLoadBalancer = poolsOutsideLoadBalancer;
    let outcome: DrillOutcome;
    try {
      outcome = await runDrill(settings, ports);
    } finally {
      cancel.dispose();
    }
    outcome.preflight.unshift(...recovered);
    return report(outcome, settings, inputs, context, startedAt);
  },
});

/** What the post step and `mode: restore` do: restore from saved state, nothing else. */
export async function restoreOnly(inputs: Inputs, context: RunContext): Promise<ActionResult> {
  const path = statePath(inputs, context);
  const { levers } = buildLevers(inputs);
  const restored = await recoverSavedState(path, levers, context);
  return {
    outputs: { restored: String(restored.length) },
    annotations: [],
    summary: restored.length
      ? `## Failover drill: restored from saved state\n\n${restored.map((l) => `- ${l}`).join('\n')}\n`
      : '',
  };
}

async function report(
  outcome: DrillOutcome,
  settings: DrillSettings,
  inputs: Inputs,
  context: RunContext,
  startedAt: string,
): Promise<ActionResult> {
  const dir = resolve(context.workspace, inputs.evidenceDir);
  const summary = outcome.run
    ? summarize(outcome.run.records, {
        targetRate: settings.rate,
        durationMs: outcome.run.summary.duration_ms,
        dropped: outcome.run.dropped,
        expected: ONLY_2XX,
      })
    : undefined;
  const slices = outcome.run ? timeline(outcome.run.records) : [];
  const svg = timelineSvg(slices, outcome.events, 100);
  await writeEvidence(dir, {
    'DR_EVIDENCE.md': evidenceMarkdown(outcome, settings, summary, { target: inputs.targetUrl, startedAt }),
    'timeline.json':
      JSON.stringify(
        {
          startedAtEpochMs: outcome.run?.startedAtEpochMs,
          sliceMs: 100,
          events: outcome.events,
          phases: outcome.phases,
          slices: slices.map((b) => ({
            startMs: b.startMs,
            requests: b.requests,
            ok: b.ok,
            failed: b.failed,
            statuses: b.statuses,
            providers: b.providers,
            ...(Object.keys(b.errors).length ? { errors: b.errors } : {}),
            latencyP50: Number.isNaN(b.latencyP50) ? null : b.latencyP50,
            latencyP99: Number.isNaN(b.latencyP99) ? null : b.latencyP99,
          })),
        },
        null,
        1,
      ) + '\n',
    'timeline.svg': svg,
    'failover-drill.prom': metricsText(summary ? { outcome, settings, summary } : { outcome, settings }),
    'load-summary.json': JSON.stringify(summary ?? null, null, 2) + '\n',
    'failover-drill-timeline.om': timelineOpenMetrics(outcome),
    'grafana-dashboard.json': JSON.stringify(failoverDashboard(), null, 2) + '\n',
  });
  const worst = Math.max(0, ...outcome.phases.map((p) => p.switchMs));
  const non2xx = outcome.run ? outcome.run.records.filter((r) => r.status < 200 || r.status > 299).length : 0;
  const result: ActionResult = {
    outputs: {
      verdict: outcome.verdict,
      'failover-seconds': (worst / 1000).toFixed(1),
      'non-2xx': String(non2xx),
      requests: String(outcome.run?.records.length ?? 0),
      'evidence-dir': dir,
    },
    annotations: [],
    summary: summaryMarkdown(outcome, settings, summary, svg),
  };
  if (outcome.verdict === 'fail' || outcome.verdict === 'aborted' || outcome.verdict === 'refused')
    result.failure = `Failover drill ${outcome.verdict}: ${outcome.reasons.join('; ')} (evidence in ${join(inputs.evidenceDir, 'DR_EVIDENCE.md')})`;
  return result;
}
