/** The job summary: verdict, the per-phase figures, and the timeline as one character per second. */
import { formatSummary, type LoadSummary } from '../../../lib/load/index.ts';
import type { DrillOutcome, DrillSettings } from './drill.ts';

const CELL: Record<string, string> = {
  cloudflare: '🟧',
  cloudfront: '🟪',
  failed: '🟥',
  other: '🟩',
  none: '⬜',
};

/** One cell per second: red if any request failed in it, else the provider that served most. */
export function secondsStrip(outcome: DrillOutcome): string {
  const records = outcome.run?.records ?? [];
  if (records.length === 0) return '';
  const seconds = new Map<number, { failed: number; by: Map<string, number> }>();
  let last = 0;
  for (const r of records) {
    const s = Math.floor(r.sentMs / 1000);
    last = Math.max(last, s);
    const cell = seconds.get(s) ?? { failed: 0, by: new Map<string, number>() };
    if (r.status < 200 || r.status > 299) cell.failed++;
    else cell.by.set(r.provider, (cell.by.get(r.provider) ?? 0) + 1);
    seconds.set(s, cell);
  }
  let strip = '';
  for (let s = 0; s <= last; s++) {
    const cell = seconds.get(s);
    if (!cell) strip += CELL['none'];
    else if (cell.failed) strip += CELL['failed'];
    else {
      const top = [...cell.by].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none';
      strip += CELL[top] ?? CELL['other'];
    }
  }
  return strip;
}

export function summaryMarkdown(
  outcome: DrillOutcome,
  settings: DrillSettings,
  summary: LoadSummary | undefined,
  _svg: string,
): string {
  const icon = outcome.verdict === 'pass' ? '✅' : outcome.verdict === 'dry-run' ? 'ℹ️' : '❌';
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    `## ${icon} Failover drill: ${outcome.verdict}`,
    '',
    ...outcome.reasons.map((r) => `- ${r}`),
    '',
  ];
  if (outcome.phases.length) {
    lines.push(
      `| disabled | carried by | switch (budget ${s(settings.budgetMs)}) | last non-2xx | requests | non-2xx |`,
      '|---|---|---|---|---|---|',
      ...outcome.phases.map(
        (p) =>
          `| ${p.disabled} | ${p.carrier} | ${p.carried ? s(p.switchMs) : 'never'} | ${p.non2xx ? s(p.lastNon2xxMs) : 'none'} | ${p.requests} | ${p.non2xx} |`,
      ),
      '',
    );
  }
  const strip = secondsStrip(outcome);
  if (strip)
    lines.push(
      'One cell per second: 🟧 Cloudflare 🟪 CloudFront 🟥 a non-2xx in that second ⬜ no request',
      '',
      strip,
      '',
    );
  if (outcome.events.length)
    lines.push(...outcome.events.map((e) => `- ${s(e.atMs)} **${e.kind}** ${e.detail}`), '');
  if (summary) lines.push('```', formatSummary(summary), '```', '');
  lines.push(
    'The evidence directory holds DR_EVIDENCE.md, timeline.json, timeline.svg (100 ms slices), failover-drill.prom and the Grafana dashboard.',
  );
  return lines.join('\n') + '\n';
}
