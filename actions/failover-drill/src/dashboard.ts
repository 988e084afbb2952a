/**
 * The Grafana dashboard of the drill, over the series the drill writes: the per-second timeline
 * (failover-drill-timeline.om, backfilled with `promtool tsdb create-blocks-from openmetrics`)
 * shows 2xx continuity by serving provider; the gauges show verdict, switch time and budget.
 */
import type { DrillOutcome } from './drill.ts';

export const DASHBOARD_UID = 'summit-failover-drill';

/** Per-second slices as OpenMetrics with timestamps (seconds), for backfilling into Prometheus. */
export function timelineOpenMetrics(outcome: DrillOutcome): string {
  const run = outcome.run;
  const lines = [
    '# HELP failover_drill_slice_requests Requests sent in each second of the drill, by serving provider and status class.',
    '# TYPE failover_drill_slice_requests gauge',
  ];
  if (run) {
    const slices = new Map<number, Map<string, number>>();
    for (const r of run.records) {
      const second = Math.floor(r.sentMs / 1000);
      const cls = r.status === 0 ? 'error' : `${Math.floor(r.status / 100)}xx`;
      const key = `provider="${r.provider || 'unknown'}",status_class="${cls}"`;
      const slice = slices.get(second) ?? new Map<string, number>();
      slice.set(key, (slice.get(key) ?? 0) + 1);
      slices.set(second, slice);
    }
    const keys = new Set<string>();
    for (const slice of slices.values()) for (const k of slice.keys()) keys.add(k);
    // Every series gets every second (0 when empty): a gap in a graph must mean no data, not no traffic.
    const seconds = [...slices.keys()].sort((a, b) => a - b);
    const last = seconds.at(-1) ?? -1;
    for (const key of [...keys].sort()) {
      for (let second = 0; second <= last; second++) {
        const at = (run.startedAtEpochMs + second * 1000) / 1000;
        lines.push(
          `failover_drill_slice_requests{${key}} ${slices.get(second)?.get(key) ?? 0} ${at.toFixed(3)}`,
        );
      }
    }
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}

const ds = { type: 'prometheus', uid: '${datasource}' };

export function failoverDashboard(): Record<string, unknown> {
  const target = (refId: string, expr: string, legendFormat?: string) => ({
    refId,
    datasource: ds,
    expr,
    ...(legendFormat ? { legendFormat } : {}),
  });
  return {
    uid: DASHBOARD_UID,
    title: 'Cross-cloud edge failover drill',
    tags: ['summit-ops', 'failover'],
    schemaVersion: 39,
    time: { from: 'now-6h', to: 'now' },
    templating: {
      list: [{ name: 'datasource', type: 'datasource', query: 'prometheus', label: 'Prometheus' }],
    },
    panels: [
      {
        id: 1,
        type: 'timeseries',
        title: '2xx per second by serving provider (continuity)',
        datasource: ds,
        gridPos: { x: 0, y: 0, w: 24, h: 10 },
        fieldConfig: {
          defaults: { custom: { stacking: { mode: 'normal' }, drawStyle: 'bars' } },
          overrides: [],
        },
        targets: [
          target(
            'A',
            'sum by (provider) (failover_drill_slice_requests{status_class="2xx"})',
            '2xx via {{provider}}',
          ),
          target('B', 'sum(failover_drill_slice_requests{status_class!="2xx"})', 'non-2xx'),
        ],
      },
      {
        id: 2,
        type: 'stat',
        title: 'Verdict of the last drill',
        datasource: ds,
        gridPos: { x: 0, y: 10, w: 6, h: 5 },
        targets: [target('A', 'max by (verdict) (failover_drill_verdict == 1)', '{{verdict}}')],
      },
      {
        id: 3,
        type: 'bargauge',
        title: 'Seconds until the other provider carried all traffic',
        datasource: ds,
        gridPos: { x: 6, y: 10, w: 12, h: 5 },
        targets: [
          target('A', 'max by (disabled) (failover_drill_switch_seconds)', '{{disabled}} disabled'),
          target('B', 'max(failover_drill_budget_seconds)', 'budget'),
        ],
      },
      {
        id: 4,
        type: 'stat',
        title: 'Non-2xx responses in the last drill',
        datasource: ds,
        gridPos: { x: 18, y: 10, w: 6, h: 5 },
        targets: [target('A', 'sum(failover_drill_requests_total{status_class!="2xx"}) or vector(0)')],
      },
    ],
  };
}
