import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analysePromQL } from '../../../lib/dlp-ingress/promql.ts';
import { summarize, type RequestRecord } from '../../../lib/load/index.ts';
import { analysePhase } from '../src/analysis.ts';
import { DASHBOARD_UID, failoverDashboard, timelineOpenMetrics } from '../src/dashboard.ts';
import type { DrillOutcome, DrillSettings } from '../src/drill.ts';
import { metricsText } from '../src/evidence.ts';
import { REPO_ROOT } from '../../../cli/actions.ts';
import { onCleanup } from '../../../test/support/cleanup.ts';
import { missingComponent, testUnless } from '../../../test/support/components.ts';

const records: RequestRecord[] = [];
for (let t = 0; t < 3000; t += 20)
  records.push({
    seq: t / 20,
    scheduledMs: t,
    sentMs: t,
    endMs: t + 3,
    status: t >= 1000 && t < 1040 ? 503 : 200,
    provider: t < 1000 ? 'cloudflare' : 'cloudfront',
  });
const settings: DrillSettings = {
  rate: 50,
  warmUpMs: 500,
  holdMs: 500,
  settleMs: 200,
  timeoutMs: 5000,
  budgetMs: 60_000,
  allowedNon2xx: 0,
  dryRun: false,
  phases: [{ disabled: 'cloudflare', carrier: 'cloudfront' }],
};
const outcome: DrillOutcome = {
  verdict: 'fail',
  reasons: ['2 non-2xx responses (allowed 0)'],
  preflight: [],
  phases: [analysePhase(records, settings.phases[0]!, 900, 2500, true)],
  events: [],
  restoreFailures: [],
  run: {
    startedAtEpochMs: Date.UTC(2026, 11, 4, 18, 0, 0),
    records,
    dropped: 0,
    stoppedBy: 'signal',
    summary: summarize(records, { targetRate: 50 }),
  },
};
const prom = metricsText({ outcome, settings, summary: outcome.run!.summary });
const om = timelineOpenMetrics(outcome);
const emitted = new Set([...`${prom}\n${om}`.matchAll(/^([a-z_:][a-z0-9_:]*)[{ ]/gm)].map((m) => m[1]!));

describe('Grafana dashboard of the drill', () => {
  test('the committed infra/grafana copy is what the drill writes into its evidence', async () => {
    const committed = JSON.parse(
      await readFile(join(REPO_ROOT, 'infra', 'grafana', 'failover-drill-dashboard.json'), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(failoverDashboard());
  });

  test('every panel query parses as PromQL, yields a vector and reads only series the drill writes', () => {
    const dashboard = failoverDashboard() as {
      uid: string;
      panels: Array<{ id: number; title: string; datasource: unknown; targets: Array<{ expr: string }> }>;
    };
    expect(dashboard.uid).toBe(DASHBOARD_UID);
    expect(dashboard.panels.map((p) => p.id)).toEqual([1, 2, 3, 4]);
    for (const panel of dashboard.panels) {
      expect(panel.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      for (const target of panel.targets) {
        const info = analysePromQL(target.expr);
        expect([panel.title, info.type]).toEqual([panel.title, 'vector']);
        for (const metric of info.metrics)
          expect([panel.title, metric, emitted.has(metric)]).toEqual([panel.title, metric, true]);
      }
    }
    // The continuity panel is the one the acceptance asks for: 2xx per second by provider.
    expect(dashboard.panels[0]!.targets[0]!.expr).toBe(
      'sum by (provider) (failover_drill_slice_requests{status_class="2xx"})',
    );
  });

  test('the per-second timeline has every second for every series, with timestamps', () => {
    const lines = om.split('\n').filter((l) => l.startsWith('failover_drill_slice_requests{'));
    const series = new Set(lines.map((l) => l.slice(0, l.indexOf('}') + 1)));
    expect([...series].sort()).toEqual([
      'failover_drill_slice_requests{provider="cloudflare",status_class="2xx"}',
      'failover_drill_slice_requests{provider="cloudfront",status_class="2xx"}',
      'failover_drill_slice_requests{provider="cloudfront",status_class="5xx"}',
    ]);
    expect(lines).toHaveLength(9); // 3 series × seconds 0, 1, 2
    expect(lines).toContain(
      'failover_drill_slice_requests{provider="cloudfront",status_class="5xx"} 2 1796407201.000',
    );
    expect(om.endsWith('# EOF\n')).toBe(true);
  });
});

const promtool = (() => {
  try {
    execFileSync('promtool', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const skip = missingComponent(promtool, 'promtool not on PATH (Debian package prometheus)');

describe('the metrics files with the real promtool', () => {
  testUnless(skip)('promtool check metrics accepts failover-drill.prom', () => {
    const out = execFileSync('promtool', ['check', 'metrics'], { input: prom, encoding: 'utf8' });
    expect(out).toBe('');
  });

  testUnless(skip)('promtool backfills failover-drill-timeline.om into a TSDB block', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'drill-om-'));
    onCleanup(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, 'timeline.om'), om);
    const out = execFileSync(
      'promtool',
      ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 'timeline.om'), join(dir, 'data')],
      {
        encoding: 'utf8',
      },
    );
    expect(out).toMatch(/BLOCK ULID/);
  });
});
