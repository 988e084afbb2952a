/**
 * The drill's evidence, in the files the runbook asks for: DR_EVIDENCE.md (runbook structure:
 * announce/load, disable A, re-enable, disable B, reconcile), timeline.json (every 100 ms slice and
 * every operator event), timeline.svg (status per 100 ms, coloured by who served it),
 * failover-drill.prom (Prometheus text format) and load-summary.json (k6-shaped).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatSummary, type Bucket, type LoadSummary } from '../../../lib/load/index.ts';
import type { DrillEvent, PhaseResult } from './analysis.ts';
import type { DrillOutcome, DrillSettings } from './drill.ts';

export const EVIDENCE_FILES = [
  'DR_EVIDENCE.md',
  'timeline.json',
  'timeline.svg',
  'failover-drill.prom',
  'load-summary.json',
  'failover-drill-timeline.om',
  'grafana-dashboard.json',
] as const;

const COLOURS: Record<string, string> = {
  cloudflare: '#f38020',
  cloudfront: '#8c4fff',
  other: '#2e7d32',
  failed: '#d32f2f',
  empty: '#eeeeee',
};

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const escapeXml = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** One column per slice: its height is the requests sent in it, red for failures, provider colours for 2xx. */
export function timelineSvg(
  slices: readonly Bucket[],
  events: readonly DrillEvent[],
  widthMs: number,
): string {
  const columnWidth = 2;
  const height = 120;
  const width = Math.max(1, slices.length) * columnWidth;
  const peak = Math.max(1, ...slices.map((b) => b.requests));
  const parts: string[] = [];
  slices.forEach((b, i) => {
    const x = i * columnWidth;
    let y = height;
    const segments: Array<[string, number]> = [
      ['failed', b.failed],
      ...Object.entries(b.okByProvider).map(([p, n]) => [p || 'other', n] as [string, number]),
    ];
    if (b.requests === 0)
      parts.push(
        `<rect x="${x}" y="${height - 2}" width="${columnWidth}" height="2" fill="${COLOURS['empty']}"/>`,
      );
    for (const [key, count] of segments) {
      if (count <= 0) continue;
      const h = (count / peak) * (height - 10);
      y -= h;
      parts.push(
        `<rect x="${x}" y="${y.toFixed(2)}" width="${columnWidth}" height="${h.toFixed(2)}" fill="${COLOURS[key] ?? COLOURS['other']}"/>`,
      );
    }
  });
  for (const e of events) {
    const x = (e.atMs / widthMs) * columnWidth;
    parts.push(
      `<line x1="${x.toFixed(1)}" y1="0" x2="${x.toFixed(1)}" y2="${height}" stroke="#000" stroke-dasharray="2,2"><title>${escapeXml(`${s(e.atMs)} ${e.kind}: ${e.detail}`)}</title></line>`,
    );
  }
  const legend = ['cloudflare', 'cloudfront', 'failed']
    .map(
      (k, i) =>
        `<rect x="${i * 110}" y="${height + 6}" width="10" height="10" fill="${COLOURS[k]}"/><text x="${i * 110 + 14}" y="${height + 15}" font-size="11">${k === 'failed' ? 'non-2xx' : `2xx via ${k}`}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.max(width, 340)}" height="${height + 22}" viewBox="0 0 ${Math.max(width, 340)} ${height + 22}" role="img" aria-label="Requests per ${widthMs} ms by serving provider and status">${parts.join('')}${legend}</svg>\n`;
}

export interface MetricsInput {
  outcome: DrillOutcome;
  settings: DrillSettings;
  summary?: LoadSummary;
}

/** Prometheus text exposition of the drill (names documented in actions/failover-drill/README.md). */
export function metricsText({ outcome, settings, summary }: MetricsInput): string {
  const lines: string[] = [];
  const metric = (name: string, type: string, help: string, samples: Array<[string, number]>) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples)
      lines.push(`${name}${labels} ${Number.isFinite(value) ? value : 'NaN'}`);
  };
  const verdicts = ['pass', 'fail', 'aborted', 'refused', 'dry-run'];
  metric(
    'failover_drill_verdict',
    'gauge',
    'One for the verdict of the last drill, zero for the others.',
    verdicts.map((v) => [`{verdict="${v}"}`, outcome.verdict === v ? 1 : 0]),
  );
  metric('failover_drill_budget_seconds', 'gauge', 'The failover budget the drill was judged against.', [
    ['', settings.budgetMs / 1000],
  ]);
  metric(
    'failover_drill_switch_seconds',
    'gauge',
    'Seconds from disabling a provider until the other one served every request with a 2xx.',
    outcome.phases.map((p) => [`{disabled="${p.disabled}",carrier="${p.carrier}"}`, p.switchMs / 1000]),
  );
  metric(
    'failover_drill_last_non2xx_seconds',
    'gauge',
    'Seconds from disabling a provider to the last non-2xx response of that phase (0: none).',
    outcome.phases.map((p) => [`{disabled="${p.disabled}",carrier="${p.carrier}"}`, p.lastNon2xxMs / 1000]),
  );
  const byClass = new Map<string, number>();
  for (const r of outcome.run?.records ?? []) {
    const cls = r.status === 0 ? 'error' : `${Math.floor(r.status / 100)}xx`;
    const key = `{provider="${r.provider || 'unknown'}",status_class="${cls}"}`;
    byClass.set(key, (byClass.get(key) ?? 0) + 1);
  }
  metric(
    'failover_drill_requests_total',
    'counter',
    'Requests the drill sent, by serving provider and status class.',
    [...byClass].sort(([a], [b]) => a.localeCompare(b)),
  );
  if (summary) {
    const d = summary.http_req_duration;
    metric(
      'failover_drill_request_duration_seconds',
      'summary',
      'Latency of the drill load, send to end of body.',
      [
        ['{quantile="0.5"}', d.p50 / 1000],
        ['{quantile="0.9"}', d.p90 / 1000],
        ['{quantile="0.95"}', d.p95 / 1000],
        ['{quantile="0.99"}', d.p99 / 1000],
      ],
    );
    lines.push(
      `failover_drill_request_duration_seconds_sum ${d.count ? (d.avg * d.count) / 1000 : 0}`,
      `failover_drill_request_duration_seconds_count ${d.count}`,
    );
    metric('failover_drill_target_rate', 'gauge', 'Configured arrival rate, requests per second.', [
      ['', summary.target_rate],
    ]);
  }
  return lines.join('\n') + '\n';
}

export function evidenceMarkdown(
  outcome: DrillOutcome,
  settings: DrillSettings,
  summary: LoadSummary | undefined,
  context: { target: string; startedAt: string; bounds?: string[] },
): string {
  const phase = (p: PhaseResult | undefined, step: string) =>
    p
      ? [
          `${step}`,
          '',
          `| measure | value |`,
          `|---|---|`,
          `| disabled at | ${s(p.disabledAtMs)} after load start |`,
          `| restored at | ${s(p.restoredAtMs)} |`,
          `| time until ${p.carrier} carried all traffic | **${s(p.switchMs)}** (budget ${s(settings.budgetMs)}) |`,
          `| time to the last non-2xx | ${p.non2xx ? s(p.lastNon2xxMs) : 'none'} |`,
          `| requests / non-2xx | ${p.requests} / ${p.non2xx} |`,
          `| served by | ${Object.entries(p.providers)
            .map(([k, v]) => `${k || 'unknown'} ${v}`)
            .join(', ')} |`,
          '',
        ].join('\n')
      : `${step}\n\nNot run.\n`;
  const [a, b] = [outcome.phases[0], outcome.phases[1]];
  return [
    '# DR_EVIDENCE — Cross-Cloud Edge Failover Drill',
    '',
    `**Verdict: ${outcome.verdict.toUpperCase()}**${outcome.reasons.length ? ` — ${outcome.reasons.join('; ')}` : ''}`,
    '',
    `Target ${context.target}, started ${context.startedAt}.`,
    '',
    '## 1. Announce window; synthetic load',
    '',
    `Open-model load at ${settings.rate} requests/s (constant arrival rate; arrivals never wait for responses), warm-up ${s(settings.warmUpMs)}, hold ${s(settings.holdMs)}.`,
    '',
    'Preflight:',
    '',
    ...(outcome.preflight.length ? outcome.preflight.map((l) => `- ${l}`) : ['- (not passed)']),
    '',
    '```',
    summary ? formatSummary(summary) : 'no load was sent',
    '```',
    '',
    phase(
      a,
      `## 2. Disable ${a?.disabled ?? 'provider A'}; ${a?.carrier ?? 'provider B'} carries traffic; 2xx continuity`,
    ),
    phase(
      b,
      `## 3. Re-enable, then disable ${b?.disabled ?? 'provider B'}; ${b?.carrier ?? 'provider A'} continuity`,
    ),
    '## 4. Reconcile',
    '',
    '| at | event | detail |',
    '|---|---|---|',
    ...outcome.events.map((e) => `| ${s(e.atMs)} | ${e.kind} | ${e.detail.replace(/\|/g, '\\|')} |`),
    '',
    ...(context.bounds?.length
      ? ['Bounds implied by the Terraform:', '', ...context.bounds.map((x) => `- ${x}`), '']
      : []),
    'Files: `timeline.json` (100 ms slices and events), `timeline.svg`, `failover-drill.prom`, `load-summary.json` (k6-shaped).',
    '',
    outcome.restoreFailures.length
      ? `**Restore failed** for ${outcome.restoreFailures.map((f) => f.key).join(', ')}: put them back by hand.`
      : 'Every lever the drill changed was restored.',
    '',
  ].join('\n');
}

export async function writeEvidence(
  dir: string,
  files: Record<(typeof EVIDENCE_FILES)[number], string>,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return Object.keys(files);
}
