/**
 * Checks for the DLP Grafana dashboard and the recording rules behind it: every query parses and
 * type-checks, uses the templated datasource, reads known metrics, and groups or filters only by
 * labels that cannot carry a matched value.
 */
import YAML from 'yaml';
import { analysePromQL, substituteGrafanaVariables } from './promql.ts';

/** Labels that hold ids and infrastructure names, never request or file content. */
export const ALLOWED_LABELS: ReadonlySet<string> = new Set([
  'rule',
  'source',
  'dlp_verdict',
  'dlp_rules',
  'reporter',
  'source_workload',
  'severity',
  // owner/repo of a CI scan (dlp-scan's push grouping key): a repository name, not content.
  'repository',
]);

/**
 * dlp-scan pushes each run's counts, replacing the repository's previous push: the series steps
 * up and down and resets on every push, so rate(), increase() or any *_over_time() of it measures
 * pushes, not findings. Read the latest value instead.
 */
const PUSHED_CI_SERIES_IN_RANGE =
  /\b(summit_dlp_findings_total|summit_dlp_findings:last_scan)\s*(?:\{(?:[^}"]|"(?:[^"\\]|\\.)*")*\})?\s*\[/;
/** A label named like this would carry what was found. */
const VALUE_BEARING = /value|match|secret|preview|body|pan|ssn|card|email|phone|iban|token|payload|sample/i;

interface Target {
  refId?: unknown;
  expr?: unknown;
  legendFormat?: unknown;
  datasource?: unknown;
}
interface Panel {
  id?: unknown;
  type?: unknown;
  title?: unknown;
  datasource?: unknown;
  targets?: Target[];
  panels?: Panel[];
}

function isTemplatedPrometheus(ds: unknown, variable: string): boolean {
  if (typeof ds !== 'object' || ds === null) return false;
  const { type, uid } = ds as { type?: unknown; uid?: unknown };
  return type === 'prometheus' && (uid === `\${${variable}}` || uid === `$${variable}`);
}

/** Template variables may only appear inside quoted matcher values (or as Grafana's built-ins). */
function variablesOutsideStrings(expr: string): string[] {
  const outside = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return [...outside.matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((m) => m[1]!).filter((v) => !v.startsWith('__'));
}

export function checkQuery(expr: string, where: string, knownMetrics: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const v of variablesOutsideStrings(expr))
    problems.push(`${where}: variable $${v} outside a quoted matcher`);
  let info;
  try {
    info = analysePromQL(substituteGrafanaVariables(expr));
  } catch (error) {
    return [...problems, `${where}: ${(error as Error).message}`];
  }
  if (info.type !== 'vector' && info.type !== 'scalar')
    problems.push(`${where}: yields a ${info.type}, a panel needs a vector or scalar`);
  for (const m of info.metrics) if (!knownMetrics.has(m)) problems.push(`${where}: unknown metric ${m}`);
  const ranged = PUSHED_CI_SERIES_IN_RANGE.exec(expr);
  if (ranged)
    problems.push(
      `${where}: range selector over ${ranged[1]}, which holds pushed per-run counts (latest scan per repository); rate/increase/*_over_time of it count pushes, not findings: read the instant value, e.g. sum by (rule) (summit_dlp_findings_total{source="ci"})`,
    );
  for (const l of info.labels) {
    if (VALUE_BEARING.test(l) && l !== 'dlp_rules')
      problems.push(`${where}: label '${l}' looks value-bearing`);
    else if (!ALLOWED_LABELS.has(l))
      problems.push(`${where}: label '${l}' is not in the allowed set (${[...ALLOWED_LABELS].join(', ')})`);
  }
  return problems;
}

export function dashboardProblems(dashboard: unknown, knownMetrics: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (typeof dashboard !== 'object' || dashboard === null) return ['dashboard: not a JSON object'];
  const d = dashboard as {
    uid?: unknown;
    title?: unknown;
    panels?: Panel[];
    templating?: { list?: Array<Record<string, unknown>> };
  };
  if (typeof d.uid !== 'string' || d.uid === '') problems.push('dashboard: no uid');
  if (typeof d.title !== 'string' || d.title === '') problems.push('dashboard: no title');
  const vars = d.templating?.list ?? [];
  const dsVar = vars.find((v) => v.type === 'datasource' && v.query === 'prometheus');
  if (!dsVar) problems.push('templating: no datasource variable of type prometheus');
  const dsName = typeof dsVar?.name === 'string' ? dsVar.name : 'ds';
  for (const v of vars) {
    if (v.type === 'query') {
      if (!isTemplatedPrometheus(v.datasource, dsName))
        problems.push(`templating.${String(v.name)}: datasource is not \${${dsName}}`);
      const q =
        typeof v.query === 'object' && v.query !== null ? (v.query as { query?: unknown }).query : v.query;
      const m = typeof q === 'string' ? /^label_values\(([^,()]+),\s*([A-Za-z_]\w*)\)$/.exec(q) : null;
      if (!m) problems.push(`templating.${String(v.name)}: expected label_values(metric, label)`);
      else {
        problems.push(...checkQuery(m[1]!.trim(), `templating.${String(v.name)}`, knownMetrics));
        if (!ALLOWED_LABELS.has(m[2]!))
          problems.push(`templating.${String(v.name)}: label '${m[2]}' is not allowed`);
      }
    }
  }

  const ids = new Set<unknown>();
  const walk = (panels: Panel[]) => {
    for (const p of panels) {
      const where = `panel ${String(p.id)} '${String(p.title)}'`;
      if (typeof p.id !== 'number') problems.push(`${where}: id is not a number`);
      else if (ids.has(p.id)) problems.push(`${where}: duplicate id`);
      ids.add(p.id);
      if (p.panels) walk(p.panels);
      if (p.type === 'text' || p.type === 'row') continue;
      if (!isTemplatedPrometheus(p.datasource, dsName))
        problems.push(`${where}: datasource is not the templated \${${dsName}}`);
      const targets = p.targets ?? [];
      if (targets.length === 0) problems.push(`${where}: no query`);
      const refIds = new Set<unknown>();
      for (const t of targets) {
        const tw = `${where} target ${String(t.refId)}`;
        if (refIds.has(t.refId)) problems.push(`${tw}: duplicate refId`);
        refIds.add(t.refId);
        if (t.datasource !== undefined && !isTemplatedPrometheus(t.datasource, dsName))
          problems.push(`${tw}: datasource is not \${${dsName}}`);
        if (typeof t.expr !== 'string' || t.expr.trim() === '') {
          problems.push(`${tw}: empty expr`);
          continue;
        }
        problems.push(...checkQuery(t.expr, tw, knownMetrics));
        if (typeof t.legendFormat === 'string') {
          for (const m of t.legendFormat.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
            if (!ALLOWED_LABELS.has(m[1]!)) problems.push(`${tw}: legend shows label '${m[1]}'`);
          }
        }
      }
    }
  };
  walk(d.panels ?? []);
  if (ids.size === 0) problems.push('dashboard: no panels');
  return problems;
}

export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

/** Parses a Prometheus rules file; returns its recording rules and what is wrong with them. */
export function recordingRuleProblems(
  yamlText: string,
  knownInputs: ReadonlySet<string>,
): { rules: RecordingRule[]; problems: string[] } {
  const doc = YAML.parse(yamlText) as { groups?: Array<{ name?: string; rules?: RecordingRule[] }> };
  const problems: string[] = [];
  const rules: RecordingRule[] = [];
  for (const g of doc?.groups ?? []) {
    for (const [i, r] of (g.rules ?? []).entries()) {
      const where = `group ${String(g.name)} rule ${i} (${String(r.record)})`;
      if (typeof r.record !== 'string' || !/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(r.record))
        problems.push(`${where}: invalid record name`);
      problems.push(...checkQuery(String(r.expr), where, knownInputs));
      for (const l of Object.keys(r.labels ?? {}))
        if (!ALLOWED_LABELS.has(l)) problems.push(`${where}: label '${l}' is not allowed`);
      rules.push(r);
    }
  }
  if (rules.length === 0) problems.push('no recording rules');
  return { rules, problems };
}
