/* eslint-disable @typescript-eslint/no-explicit-any -- tests walk parsed JSON/YAML manifests by shape; a typed model of Grafana/Istio would add nothing here */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { thrownBy } from '../../../test/support/errors.ts';
import YAML from 'yaml';
import { builtInRulePackSpec } from '../../dlp/pack.ts';
import { dashboardProblems, recordingRuleProblems } from '../dashboard.ts';
import { ENVOY_FILTER_PATH, RECORDING_RULES_PATH, REPO_ROOT, extractLua, ingressRules } from '../generate.ts';
import { analysePromQL, PromQLError } from '../promql.ts';

const DASHBOARD_PATH = join(REPO_ROOT, 'infra', 'grafana', 'dlp-redaction-dashboard.json');
const TELEMETRY_PATH = join(REPO_ROOT, 'infra', 'k8s', 'gateway', 'dlp-telemetry.yaml');
const dashboardText = readFileSync(DASHBOARD_PATH, 'utf8');
const recording = recordingRuleProblems(
  readFileSync(RECORDING_RULES_PATH, 'utf8'),
  new Set(['istio_requests_total', 'summit_dlp_findings_total']),
);
const RECORDED = new Set(recording.rules.map((r) => r.record));
const DASHBOARD_METRICS = new Set([...RECORDED, 'istio_requests_total']);

describe('infra/grafana/dlp-redaction-dashboard.json', () => {
  const dashboard = JSON.parse(dashboardText);
  it('is valid JSON whose every query parses, type-checks, uses ${ds} and only id-bearing labels', () => {
    expect(dashboardProblems(dashboard, DASHBOARD_METRICS)).toStrictEqual([]);
  });
  it('reads ingress as a rate and CI as the latest pushed scan, never a rate of pushed counts', () => {
    const targets = (dashboard.panels as any[]).flatMap((p) => p.targets ?? []).map((t) => t.expr as string);
    expect(targets.some((e) => /summit_dlp_findings:rate5m\{source="ingress"/.test(e))).toBeTruthy();
    const ci = targets.filter((e) => /summit_dlp_findings:last_scan/.test(e));
    expect(ci.length).toBeGreaterThan(0);
    for (const e of ci) expect(e).not.toMatch(/\[|rate\(|increase\(/);
    expect(!targets.some((e) => /source=~?"[^"]*ci/.test(e) && /rate5m/.test(e))).toBeTruthy();
  });
  const mutations: Array<[string, (d: any) => void, RegExp]> = [
    ['a duplicate panel id', (d) => (d.panels[1].id = d.panels[0].id), /duplicate id/],
    [
      'a hard-coded datasource',
      (d) => (d.panels[0].datasource = { type: 'prometheus', uid: 'P1809F7CD0C75ACF3' }),
      /datasource is not the templated/,
    ],
    [
      'no datasource variable',
      (d) => (d.templating.list = d.templating.list.filter((v: any) => v.type !== 'datasource')),
      /no datasource variable/,
    ],
    [
      'a value-bearing label',
      (d) => (d.panels[0].targets[0].expr = 'sum by (card_number) (summit_dlp_findings:rate5m)'),
      /'card_number' looks value-bearing/,
    ],
    [
      'a label outside the allowed set',
      (d) => (d.panels[0].targets[0].expr = 'sum by (path) (summit_dlp_findings:rate5m)'),
      /'path' is not in the allowed set/,
    ],
    [
      'a syntax error',
      (d) => (d.panels[0].targets[0].expr = 'sum(rate(summit_dlp_findings_total[5m]) by (rule)'),
      /syntax error/,
    ],
    [
      'rate over an instant vector',
      (d) => (d.panels[0].targets[0].expr = 'sum(rate(istio_requests_total))'),
      /must be matrix/,
    ],
    [
      'an unknown metric',
      (d) => (d.panels[0].targets[0].expr = 'sum(summit_dlp_matches)'),
      /unknown metric summit_dlp_matches/,
    ],
    [
      'a variable outside quotes',
      (d) => (d.panels[0].targets[0].expr = 'sum by ($rule) (summit_dlp_findings:rate5m)'),
      /variable \$rule outside a quoted matcher/,
    ],
    [
      'a legend showing another label',
      (d) => (d.panels[0].targets[0].legendFormat = '{{instance}}'),
      /legend shows label 'instance'/,
    ],
    [
      'a rate of the pushed CI counts',
      (d) =>
        (d.panels[0].targets[0].expr =
          'sum by (rule) (rate(summit_dlp_findings:last_scan{rule=~"$rule"}[5m]))'),
      /range selector over summit_dlp_findings:last_scan, which holds pushed per-run counts/,
    ],
    [
      'an increase of the raw CI counter',
      (d) =>
        (d.panels[0].targets[0].expr =
          'sum by (rule) (increase(summit_dlp_findings_total{source="ci"}[1h]))'),
      /range selector over summit_dlp_findings_total/,
    ],
    ['a duplicate refId', (d) => d.panels[0].targets.push({ ...d.panels[0].targets[0] }), /duplicate refId/],
  ];
  for (const [name, mutate, expected] of mutations) {
    it(`the check catches ${name}`, () => {
      const copy = JSON.parse(dashboardText);
      mutate(copy);
      const problems = dashboardProblems(copy, DASHBOARD_METRICS);
      expect(problems.some((p) => expected.test(p))).toBeTruthy();
    });
  }
});

describe('infra/grafana/dlp-recording-rules.yaml', () => {
  it('parses and type-checks, with allowed labels only', () => {
    expect(recording.problems).toStrictEqual([]);
  });
  it('records one ingress series per rule the Lua enforces, each a pii rule of the pack', () => {
    const pack = builtInRulePackSpec();
    const ingress = recording.rules
      .filter((r) => r.record === 'summit_dlp_findings:rate5m' && r.labels?.source === 'ingress')
      .map((r) => r.labels!.rule);
    expect(ingress).toStrictEqual(ingressRules().map((r) => r.id));
    for (const id of ingress) expect(pack.rules.find((r) => r.id === id)?.tags).toContain('pii');
  });
  it("matches a rule id anywhere in the filter's comma-joined x-dlp-rules, and nothing else", () => {
    for (const r of recording.rules.filter((x) => x.labels?.source === 'ingress')) {
      const id = r.labels!.rule!;
      const pattern = /dlp_rules=~"([^"]+)"/.exec(r.expr)![1]!;
      const re = new RegExp(`^(?:${pattern})$`); // Prometheus anchors label regexes
      for (const v of [id, `${id},other`, `other,${id}`, `a,${id},b`]) expect(re.test(v)).toBeTruthy();
      for (const v of [`x${id}`, `${id}x`, `other`, '', 'unknown']) expect(!re.test(v)).toBeTruthy();
    }
  });
  it('records the CI counts as their latest pushed value per rule, not a rate', () => {
    const ci = recording.rules.filter((r) => r.labels?.source === 'ci');
    expect(ci.map((r) => [r.record, r.expr])).toStrictEqual([
      ['summit_dlp_findings:last_scan', 'sum by (rule) (summit_dlp_findings_total{source="ci"})'],
    ]);
    expect(
      !recording.rules.some((r) => r.record === 'summit_dlp_findings:rate5m' && r.labels?.source === 'ci'),
    ).toBeTruthy();
  });
  it('a rate over pushed CI counts in a recording rule is reported', () => {
    const bad = YAML.stringify({
      groups: [
        {
          name: 'g',
          rules: [
            {
              record: 'summit_dlp_findings:rate5m',
              expr: 'sum by (rule) (rate(summit_dlp_findings_total{source="ci"}[5m]))',
              labels: { source: 'ci' },
            },
          ],
        },
      ],
    });
    const { problems } = recordingRuleProblems(bad, new Set(['summit_dlp_findings_total']));
    expect(problems.some((p) => /pushed per-run counts/.test(p))).toBeTruthy();
  });
  it('a recording rule with a broken expression or label is reported', () => {
    const bad = YAML.stringify({
      groups: [
        { name: 'g', rules: [{ record: 'bad name', expr: 'rate(x)', labels: { secret_value: 'x' } }] },
      ],
    });
    const { problems } = recordingRuleProblems(bad, new Set(['x']));
    expect(problems.some((p) => /invalid record name/.test(p))).toBeTruthy();
    expect(problems.some((p) => /must be matrix/.test(p))).toBeTruthy();
    expect(problems.some((p) => /'secret_value' is not allowed/.test(p))).toBeTruthy();
  });
});

describe('the counter pipeline is wired end to end', () => {
  it('the Telemetry tags read the headers the Lua sets, under the label names the recording rules use', () => {
    const telemetry = YAML.parse(readFileSync(TELEMETRY_PATH, 'utf8'));
    expect(telemetry.apiVersion).toBe('telemetry.istio.io/v1');
    expect(telemetry.spec.selector.matchLabels).toStrictEqual({ istio: 'ingressgateway' });
    const tags = telemetry.spec.metrics[0].overrides[0].tagOverrides as Record<string, { value: string }>;
    expect(telemetry.spec.metrics[0].overrides[0].match.metric).toBe('REQUEST_COUNT');
    const lua = extractLua(readFileSync(ENVOY_FILTER_PATH, 'utf8'));
    for (const [label, header] of [
      ['dlp_rules', 'x-dlp-rules'],
      ['dlp_verdict', 'x-dlp-verdict'],
    ] as const) {
      expect(tags[label]?.value).toBe(`response.headers['${header}']`);
      expect(lua).toContain(`["${header}"]`);
      expect(readFileSync(RECORDING_RULES_PATH, 'utf8')).toContain(label);
    }
  });
});

describe('PromQL analysis', () => {
  it('reports syntax errors with their offset', () => {
    expect(
      ((e: unknown) => e instanceof PromQLError && e.offset >= 0)(thrownBy(() => analysePromQL('sum(up'))),
    ).toBe(true);
  });
  it('rejects aggregating a range vector and a range of a range', () => {
    expect(() => analysePromQL('sum(up[5m])')).toThrow(/must be vector, got matrix/);
    expect(() => analysePromQL('up[5m][5m]')).toThrow(PromQLError);
  });
  it('collects metrics and labels', () => {
    const info = analysePromQL(
      'sum by (rule) (rate(a{source="ci"}[5m])) / on (rule) group_left sum by (rule) (rate(b[5m]))',
    );
    expect(info.metrics).toStrictEqual(['a', 'b']);
    expect(info.labels).toStrictEqual(['rule', 'source']);
    expect(info.type).toBe('vector');
  });
});
