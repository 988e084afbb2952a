/**
 * Pure output builders: annotations, the job summary, the report, the Prometheus metrics file.
 * They read findings (which carry no raw value: see lib/dlp's secretOf) and counts only.
 */
import type { Annotation, Level } from '../../../lib/report/types.ts';
import { atLeast } from '../../../lib/report/types.ts';
import { summary } from '../../../lib/report/summary.ts';
import {
  isConfigFinding,
  redactionLog,
  type DlpFinding,
  type CompiledRulePackWithPrefilter,
  type SuppressionReason,
} from '../../../lib/dlp/index.ts';
import type { SkippedFile, SkipReason } from './tree.ts';

export type ScanMode = 'diff' | 'tree' | 'history' | 'stdin';

export interface ScanStats {
  mode: ScanMode;
  /** What was scanned, in words: a path, or a git range. */
  target: string;
  filesScanned: number;
  bytesScanned: number;
  commitsScanned?: number;
  /** Paths decoded with U+FFFD for invalid UTF-8. */
  invalidUtf8: string[];
  skipped: SkippedFile[];
  excludedDirs: number;
  suppressed: Record<SuppressionReason, number>;
}

export function emptyStats(mode: ScanMode, target: string): ScanStats {
  return {
    mode,
    target,
    filesScanned: 0,
    bytesScanned: 0,
    invalidUtf8: [],
    skipped: [],
    excludedDirs: 0,
    suppressed: { path: 0, allowlist: 0, inline: 0, baseline: 0 },
  };
}

/** Skips a user must hear about (something was not scanned that could hold a secret). */
export const REPORTED_SKIPS: ReadonlySet<SkipReason> = new Set([
  'oversized',
  'symlink-outside',
  'unreadable',
  'rule-budget',
]);
/** GitHub shows only a handful of annotations per step; the summary lists the rest. */
export const MAX_SKIP_ANNOTATIONS = 20;

const STDIN = '<stdin>';
/** Findings not in a file of the tree (stdin, a commit's message or author): no file on the annotation. */
const NOT_A_FILE = new Set([STDIN, '<commit-message>', '<commit-author>']);

/** Annotations per file and per run: a minified file with 16,000 JWTs must not bury the log. */
export const ANNOTATIONS_PER_FILE = 20;
export const ANNOTATIONS_PER_RUN = 300;

/**
 * The findings that become annotations, in order: at most ANNOTATIONS_PER_FILE per file and
 * ANNOTATIONS_PER_RUN in all, errors before warnings before notices. Every finding stays in the
 * report and SARIF; `omitted` says how many have no annotation. Linear in the findings.
 */
export function annotatedFindings(
  findings: readonly DlpFinding[],
  perFile = ANNOTATIONS_PER_FILE,
  perRun = ANNOTATIONS_PER_RUN,
): { shown: DlpFinding[]; omitted: number } {
  const rank: Record<string, number> = { error: 0, warning: 1, notice: 2 };
  const buckets: DlpFinding[][] = [[], [], []];
  for (const f of findings) buckets[rank[f.severity] ?? 2]!.push(f);
  const perPath = new Map<string, number>();
  const shown: DlpFinding[] = [];
  for (const bucket of buckets) {
    for (const f of bucket) {
      if (shown.length >= perRun) break;
      const n = perPath.get(f.path) ?? 0;
      if (n >= perFile) continue;
      perPath.set(f.path, n + 1);
      shown.push(f);
    }
  }
  return { shown, omitted: findings.length - shown.length };
}

/** Why a `dlp:allow` on an added line does not count, and what to do instead. */
export const INLINE_ALLOW_ADDED =
  'The dlp:allow comment on this line is added by this same change, so it is not honoured (a change cannot switch off its own scan): a reviewer decides. To accept the value, land its fingerprint in the baseline in an earlier pull request';

/**
 * What to do about a finding, briefly. The fingerprint a baseline needs is in the report
 * and the SARIF log, not here: 64 hex digits in every annotation only bury the message.
 */
export function fixHint(f: DlpFinding): string {
  if (f.inlineAllowAdded) return `${INLINE_ALLOW_ADDED}.`;
  const accept = `Add \`dlp:allow ${f.ruleId}\` to the line, or its fingerprint (in the report) to the baseline.`;
  return f.tags.includes('secret')
    ? `Fix: remove it and rotate the credential. Not a real one? ${accept}`
    : `Fix: remove or mask the data. Test data? ${accept}`;
}

/**
 * One short annotation per finding: what was found (the masked match, where the preview appears
 * once) and the fix. A finding about the scan's own configuration carries a whole sentence as its
 * description, fix included.
 */
export function findingAnnotation(f: DlpFinding): Annotation {
  const where = NOT_A_FILE.has(f.path) ? `${f.path}:${f.line}:${f.column}: ` : '';
  const commit = f.commit ? ` (commit ${f.commit.sha.slice(0, 12)})` : '';
  // maskMatch truncates a long match, which can cut the preview off: then show the preview alone.
  const found = f.matchPreview.includes(f.preview) ? f.matchPreview : f.preview;
  const annotation: Annotation = {
    level: f.severity,
    title: `dlp-scan: ${f.ruleId}`,
    message: isConfigFinding(f)
      ? `${where}${f.description}`
      : `${where}${f.description}${commit}: ${found}. ${fixHint(f)}`,
  };
  if (!NOT_A_FILE.has(f.path)) {
    annotation.file = f.path;
    annotation.line = f.line;
    annotation.endLine = f.endLine;
    annotation.column = f.column;
    annotation.endColumn = f.endColumn;
  }
  return annotation;
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : bytes >= 1024
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${bytes} B`;
}

/** Exact bytes: a rounded unit would print "1.0 MiB is over 1.0 MiB". */
function bytesText(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes`;
}

export function skipMessage(s: SkippedFile, maxFileSize: number): string {
  switch (s.reason) {
    case 'oversized':
      return `Not scanned: ${bytesText(s.size ?? 0)}${s.detail ? ` ${s.detail}` : ''} is over max-file-size (${bytesText(maxFileSize)}); raise max-file-size to scan it`;
    case 'symlink-outside':
      return 'Not scanned: a symlink that points outside the workspace is not followed';
    case 'unreadable':
      return `Not scanned: cannot read (${s.detail ?? 'error'})`;
    case 'rule-budget':
      return `Not fully scanned: ${s.detail ?? 'a rule ran past its time budget'}`;
    default:
      return `Not scanned: ${s.reason}`;
  }
}

export function skipAnnotations(skipped: readonly SkippedFile[], maxFileSize: number): Annotation[] {
  const reported = skipped.filter((s) => REPORTED_SKIPS.has(s.reason));
  const out: Annotation[] = reported.slice(0, MAX_SKIP_ANNOTATIONS).map((s) => ({
    level: 'warning',
    title: `dlp-scan: skipped (${s.reason})`,
    message: skipMessage(s, maxFileSize),
    ...(s.path === STDIN ? {} : { file: s.path }),
  }));
  if (reported.length > MAX_SKIP_ANNOTATIONS)
    out.push({
      level: 'warning',
      title: 'dlp-scan: skipped files',
      message: `${reported.length - MAX_SKIP_ANNOTATIONS} more files were not scanned; see the job summary`,
    });
  return out;
}

export function countSkips(skipped: readonly SkippedFile[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of skipped) counts[s.reason] = (counts[s.reason] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

export function violations(findings: readonly DlpFinding[], failOn: Level): number {
  return findings.filter((f) => atLeast(f.severity, failOn)).length;
}

const SUMMARY_ROWS = 100;

export function summaryMarkdown(
  findings: readonly DlpFinding[],
  stats: ScanStats,
  failOn: Level,
  maxFileSize: number,
): string {
  const log = redactionLog(findings);
  const s = summary().heading('DLP scan');
  const commits = stats.commitsScanned !== undefined ? `, ${stats.commitsScanned} commits` : '';
  s.paragraph(
    `Mode ${stats.mode} over ${stats.target}: ${findings.length} finding(s) (${log.bySeverity.error} errors, ${log.bySeverity.warning} warnings, ${log.bySeverity.notice} notices) in ${stats.filesScanned} file(s), ${mib(stats.bytesScanned)}${commits}; fails on ${failOn} and above. Values are never shown: each finding has a masked preview (first characters and length) and a fingerprint.`,
  );
  if (findings.length > 0) {
    const history = stats.mode === 'history';
    const columns = [
      'rule',
      'severity',
      'file',
      'line',
      'column',
      'preview',
      'fingerprint',
      ...(history ? ['commit'] : []),
    ];
    s.table(
      columns,
      findings
        .slice(0, SUMMARY_ROWS)
        .map((f) => [
          f.ruleId,
          f.severity,
          f.path,
          f.line,
          f.column,
          f.preview,
          f.fingerprint.slice(0, 16),
          ...(history ? [f.commit?.sha.slice(0, 12) ?? ''] : []),
        ]),
    );
    if (findings.length > SUMMARY_ROWS)
      s.paragraph(
        `… and ${findings.length - SUMMARY_ROWS} more in the report (report-path) and the SARIF log.`,
      );
  }
  s.heading('Redaction log', 3);
  const rules = Object.entries(log.byRule);
  if (rules.length > 0) s.table(['rule', 'findings (values redacted)'], rules);
  else s.paragraph('No value needed redacting.');
  const suppressed = Object.entries(stats.suppressed).filter(([, n]) => n > 0);
  if (suppressed.length > 0)
    s.paragraph(`Suppressed: ${suppressed.map(([why, n]) => `${n} by ${why}`).join(', ')}.`);
  const skips = Object.entries(countSkips(stats.skipped));
  if (skips.length > 0 || stats.excludedDirs > 0 || stats.invalidUtf8.length > 0) {
    s.heading('Skipped files', 3);
    const rows: Array<[string, number]> = [...skips];
    if (stats.excludedDirs > 0) rows.push(['excluded directory (.git, node_modules)', stats.excludedDirs]);
    s.table(['reason', 'count'], rows);
    const reported = stats.skipped.filter((k) => REPORTED_SKIPS.has(k.reason));
    if (reported.length > 0)
      s.list(reported.slice(0, SUMMARY_ROWS).map((k) => `${k.path}: ${skipMessage(k, maxFileSize)}`));
    if (stats.invalidUtf8.length > 0) {
      s.paragraph(
        `${stats.invalidUtf8.length} file(s) held invalid UTF-8 and were scanned with U+FFFD in place of the bad bytes:`,
      );
      s.list(stats.invalidUtf8.slice(0, SUMMARY_ROWS));
    }
  }
  return s.toString();
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/**
 * Prometheus text format for a node-exporter textfile collector or a push to a gateway. Every rule
 * of the pack gets a series, zero included, so a rule that stops firing shows 0 rather than its
 * last non-zero count. The values are one run's counts: pushed per repository (push.ts) they read
 * as "findings in the latest scan". `repository` (owner/repo) is the only identity label: a run id
 * would make every run a new series. `summit_dlp_findings_total{rule,repository,source="ci"}` is
 * what infra/grafana's recording rules read.
 */
export function metricsText(
  findings: readonly DlpFinding[],
  stats: ScanStats,
  pack: CompiledRulePackWithPrefilter,
  identity: { repository?: string } = {},
): string {
  const repo = identity.repository ? `repository="${escapeLabel(identity.repository)}",` : '';
  const byRule = new Map<string, number>(pack.rules.map((r) => [r.id, 0]));
  for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const lines = [
    '# HELP summit_dlp_findings_total DLP findings by rule (counts only, never values).',
    '# TYPE summit_dlp_findings_total counter',
    ...[...byRule]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([rule, n]) => `summit_dlp_findings_total{rule="${escapeLabel(rule)}",${repo}source="ci"} ${n}`),
    '# HELP summit_dlp_suppressed_total DLP matches suppressed, by reason (allowlist, inline dlp:allow, baseline, path).',
    '# TYPE summit_dlp_suppressed_total counter',
    ...Object.entries(stats.suppressed).map(
      ([reason, n]) => `summit_dlp_suppressed_total{reason="${escapeLabel(reason)}",${repo}source="ci"} ${n}`,
    ),
    '# HELP summit_dlp_files_skipped_total Files not scanned, by reason.',
    '# TYPE summit_dlp_files_skipped_total counter',
    ...Object.entries(countSkips(stats.skipped)).map(
      ([reason, n]) =>
        `summit_dlp_files_skipped_total{reason="${escapeLabel(reason)}",${repo}source="ci"} ${n}`,
    ),
    '# HELP summit_dlp_files_scanned_total Files (or file patches) scanned.',
    '# TYPE summit_dlp_files_scanned_total counter',
    `summit_dlp_files_scanned_total{${repo}source="ci"} ${stats.filesScanned}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The evidence bundle's report.json: everything but values. */
export function reportObject(
  findings: readonly DlpFinding[],
  stats: ScanStats,
  failOn: Level,
  range?: { base?: string; head?: string },
): object {
  return {
    tool: 'summit-ops/dlp-scan',
    mode: stats.mode,
    target: stats.target,
    ...(range ? { range } : {}),
    failOn,
    violations: violations(findings, failOn),
    filesScanned: stats.filesScanned,
    bytesScanned: stats.bytesScanned,
    ...(stats.commitsScanned !== undefined ? { commitsScanned: stats.commitsScanned } : {}),
    redactionLog: redactionLog(findings),
    suppressed: stats.suppressed,
    skipped: {
      counts: countSkips(stats.skipped),
      excludedDirs: stats.excludedDirs,
      reported: stats.skipped.filter((s) => REPORTED_SKIPS.has(s.reason)),
    },
    invalidUtf8: stats.invalidUtf8,
    // Findings are plain data without the raw value (lib/dlp keeps it out of reach).
    findings: findings.map((f) => ({ ...f })),
  };
}
