/**
 * dlp-scan as an action: inputs → (tree walk | git diff | git log | stdin) → lib/dlp engine →
 * annotations, job summary, gitleaks-compatible JSON, SARIF, redaction log, Prometheus metrics,
 * evidence bundle, check run. Every raw value found is registered with the run's Redactor before
 * anything is written, so even a stray copy is masked on its way out.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { defineAction, type ActionResult, type GitHubContext, type RunContext } from '../../../lib/action.ts';
import { changeRange } from '../../../lib/github.ts';
import { bool, InputError, oneOf, size, str } from '../../../lib/inputs.ts';
import type { Level } from '../../../lib/report/types.ts';
import { paragraph } from '../../../lib/report/summary.ts';
import { writeSarif } from '../../../lib/report/sarif.ts';
import { writeEvidenceBundle } from '../../../lib/report/evidence.ts';
import {
  gitleaksReport,
  redactionLog,
  registerSecrets,
  ruleDescriptors,
  toReportFinding,
  type DlpFinding,
} from '../../../lib/dlp/index.ts';
import { DEFAULT_BASELINE_FILE, DEFAULT_RULES_FILE, loadBaseline, loadRules } from './config.ts';
import { GitError } from './git.ts';
import {
  ANNOTATIONS_PER_FILE,
  ANNOTATIONS_PER_RUN,
  annotatedFindings,
  countSkips,
  findingAnnotation,
  metricsText,
  reportObject,
  skipAnnotations,
  summaryMarkdown,
  violations,
  type ScanMode,
  type ScanStats,
} from './report.ts';
import { runScan } from './scan.ts';
import { parsePushgatewayUrl, pushMetrics } from './push.ts';
import {
  CONFIG_CHANGED_DESCRIPTOR,
  CONFIG_CHANGED_RULE,
  CONFIG_SYMLINK_DESCRIPTOR,
  CONFIG_SYMLINK_RULE,
  configFromBase,
  symlinkFinding,
  symlinkOnPath,
  type ConfigFileRef,
} from './trusted-config.ts';
import { processStdin, type ReadStdin } from './stdin.ts';
import { isInside } from '../../../lib/workspace.ts';
import { toWorkspacePath } from './tree.ts';

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
/** Skips that fail the step under fail-on-skipped: content that was there but not read. */
export const FAILING_SKIPS: ReadonlySet<string> = new Set(['oversized', 'unreadable', 'rule-budget']);

const inputs = {
  mode: oneOf(['auto', 'diff', 'tree', 'history'] as const, {
    default: 'auto',
    description:
      'auto (diff on pull_request and merge_group events, tree otherwise), diff (lines added between base and head), tree (every file under path) or history (git log -p of base..head).',
  }),
  path: str({
    default: '.',
    description:
      "Directory or file to scan (tree), or inside the repository (diff, history); '-' scans standard input.",
  }),
  base: str({
    description: 'Base commit for diff and history; default: the pull request or merge group base.',
  }),
  head: str({
    description:
      'Head commit for diff and history; default: the pull request or merge group head, else HEAD.',
  }),
  rules: str({
    description: `Rule-pack override or extension (YAML or JSON, see lib/dlp/README.md); default: ${DEFAULT_RULES_FILE} when present.`,
  }),
  baseline: str({
    description: `JSON baseline of accepted fingerprints; default: ${DEFAULT_BASELINE_FILE} when present.`,
  }),
  'fail-on': oneOf(['error', 'warning', 'notice'] as const, {
    default: 'error',
    description: 'The lowest finding severity that fails the step.',
  }),
  'max-file-size': size({
    default: DEFAULT_MAX_FILE_SIZE,
    description: 'Larger files are skipped and reported (e.g. 1M, 512k).',
  }),
  'fail-on-skipped': bool({
    default: true,
    description:
      'Fail the step when a file that could hold a secret was not scanned: over max-file-size, or unreadable. Allowlisted paths are never read, so they do not count.',
  }),
  'evidence-dir': str({
    description:
      'Write an evidence bundle (report, SARIF, gitleaks JSON, redaction log, metrics, manifest) to this empty directory.',
  }),
  'commit-details': oneOf(['masked', 'clear'] as const, {
    default: 'masked',
    description:
      "History mode: how reports show each commit's author email and message. masked (default): first 4 characters and the length; clear: as git has them, except values the scan finds in them.",
  }),
  'metrics-pushgateway-url': str({
    secret: true,
    description:
      'Prometheus Pushgateway base URL (may hold user:password@); when set, dlp-metrics.prom is PUT to <url>/metrics/job/summit-dlp-scan/repository@base64/<owner/repo>. A failed push is a warning.',
  }),
  threads: str({
    default: 'auto',
    description:
      "Threads that scan in tree mode, this one included: 'auto' (one per core) or a number (1: no worker thread). A small scan stays on one thread, where starting a worker costs more than it saves.",
  }),
  'check-run': bool({
    default: false,
    description:
      'Also publish the findings as a check run (needs checks: write). Off by default: the annotations and the job summary already show every finding once.',
  }),
  'github-token': str({ secret: true, description: 'Token for the check run.' }),
};

/** `auto` or a whole number 1–64. Pure. */
export function parseThreads(value: string): number | 'auto' {
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'auto') return 'auto';
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new InputError(
      'threads',
      `'${value}' is not a thread count`,
      "'auto' or a whole number from 1 to 64",
    );
  return n;
}

export interface DlpScanPorts {
  /** Reads standard input for `path: -`. */
  readStdin: ReadStdin;
}

export interface ScanPlan {
  mode: ScanMode;
  base?: string;
  head?: string;
}

/**
 * Decides the mode and the commits from the inputs and the event payload: pull requests and
 * merge-queue groups (lib/github.ts changeRange) are diffs of their base and head. Pure.
 */
export function resolvePlan(
  values: { mode: 'auto' | ScanMode; path: string; base?: string; head?: string },
  github: Pick<GitHubContext, 'eventName' | 'event'>,
): ScanPlan {
  const change = changeRange(github);
  if (values.path === '-') {
    if (values.mode === 'diff' || values.mode === 'history')
      throw new Error(
        `path '-' scans standard input, which has no git history; use mode tree or auto (mode is '${values.mode}')`,
      );
    return { mode: 'stdin' };
  }
  const mode: ScanMode = values.mode === 'auto' ? (change ? 'diff' : 'tree') : values.mode;
  if (mode === 'tree') return { mode };
  const plan: ScanPlan = { mode };
  const base = values.base || change?.base;
  const head = values.head || change?.head || 'HEAD';
  if (base) plan.base = base;
  plan.head = head;
  if (mode === 'diff' && !base)
    throw new Error(
      "mode 'diff' needs a base commit: set the base input (only pull_request and merge_group events provide one), or use mode tree",
    );
  return plan;
}

function inWorkspace(context: RunContext, path: string): string {
  return isAbsolute(path) ? path : resolve(context.workspace, path);
}

function shown(context: RunContext, absolute: string): string {
  return isInside(context.workspace, absolute)
    ? toWorkspacePath(context.workspace, absolute) || '.'
    : absolute;
}

/** Diff mode: the input's file, or the conventional one whether or not the checkout still has it. */
function configRef(context: RunContext, given: string | undefined, conventional: string): ConfigFileRef {
  const absolute = given ? inWorkspace(context, given) : join(context.workspace, conventional);
  return { absolute, shown: shown(context, absolute), explicit: !!given };
}

/** The input's file, or the conventional file at the workspace root when it exists. */
function configFile(
  context: RunContext,
  given: string | undefined,
  conventional: string,
  what: string,
): string | undefined {
  if (given) return inWorkspace(context, given);
  const candidate = join(context.workspace, conventional);
  if (existsSync(candidate)) {
    context.log.info(`Using ${what} ${conventional} (found at the workspace root).`);
    return candidate;
  }
  return undefined;
}

/**
 * A configuration file in the workspace reached through a symlink is not read (a finding
 * instead): the link could point anywhere, such as an allowlist of `**` outside the repository.
 */
async function unlinkedConfig(
  context: RunContext,
  file: string | undefined,
  findings: DlpFinding[],
): Promise<string | undefined> {
  if (!file || !isInside(context.workspace, file)) return file;
  const link = await symlinkOnPath(context.workspace, toWorkspacePath(context.workspace, file));
  if (link === undefined) return file;
  const shownAs = shown(context, file);
  findings.push(symlinkFinding(shownAs, link === shownAs ? 'checkout' : `checkout, through ${link}`));
  context.log.info(`Not using ${shownAs}: it is reached through a symlink (${link}), never followed.`);
  return undefined;
}

export function createDlpScan(ports: DlpScanPorts = { readStdin: processStdin }) {
  return defineAction({
    name: 'dlp-scan',
    inputs,
    async run(values, context): Promise<ActionResult> {
      const failOn: Level = values.failOn;
      // 0 would skip every file and report a clean scan of nothing.
      if (values.maxFileSize <= 0)
        throw new InputError(
          'max-file-size',
          `${values.maxFileSize} bytes would skip every file`,
          'a size above 0 such as 1M or 512k',
        );
      const pushgateway = values.metricsPushgatewayUrl
        ? parsePushgatewayUrl(values.metricsPushgatewayUrl)
        : undefined;
      if (pushgateway) context.redactor.addUrlCredentials(pushgateway);
      const threads = parseThreads(values.threads);
      const planInput: Parameters<typeof resolvePlan>[0] = { mode: values.mode, path: values.path };
      if (values.base) planInput.base = values.base;
      if (values.head) planInput.head = values.head;
      const plan = resolvePlan(planInput, context.github);

      const target = plan.mode === 'stdin' ? context.workspace : inWorkspace(context, values.path);
      if (plan.mode !== 'stdin') {
        if (!isInside(context.workspace, target))
          throw new Error(
            `path '${values.path}' is outside the workspace (${context.workspace}); scan a directory inside it`,
          );
        if (!existsSync(target))
          throw new Error(`path '${values.path}' does not exist in the workspace; check the path input`);
      }
      let rules;
      let baseline;
      let configChanged: DlpFinding[] = [];
      let outcome;
      try {
        if (plan.mode === 'diff' || (plan.mode === 'history' && plan.base)) {
          // The change's own copy of the rules and baseline could switch its scan off: read them
          // as blobs of the base commit.
          const trusted = await configFromBase({
            cwd: statSync(target).isDirectory() ? target : dirname(target),
            workspace: context.workspace,
            base: plan.base!,
            head: plan.head ?? 'HEAD',
            rules: configRef(context, values.rules, DEFAULT_RULES_FILE),
            baseline: configRef(context, values.baseline, DEFAULT_BASELINE_FILE),
          });
          for (const note of trusted.notes) context.log.info(note);
          ({ rules, baseline } = trusted);
          configChanged = trusted.changed;
        } else {
          const rulesFile = await unlinkedConfig(
            context,
            configFile(context, values.rules, DEFAULT_RULES_FILE, 'rule-pack override'),
            configChanged,
          );
          const baselineFile = await unlinkedConfig(
            context,
            configFile(context, values.baseline, DEFAULT_BASELINE_FILE, 'baseline'),
            configChanged,
          );
          rules = await loadRules(rulesFile, rulesFile && shown(context, rulesFile));
          baseline = await loadBaseline(baselineFile, baselineFile && shown(context, baselineFile));
        }
        outcome = await runScan({
          mode: plan.mode,
          workspace: context.workspace,
          target,
          targetLabel: values.path,
          ...(plan.base ? { base: plan.base } : {}),
          ...(plan.head ? { head: plan.head } : {}),
          maxFileSize: values.maxFileSize,
          rules,
          commitDetails: values.commitDetails,
          threads,
          ...(baseline ? { baseline: baseline.fingerprints } : {}),
          readStdin: ports.readStdin,
        });
      } catch (error) {
        // A git problem is the user's to fix (a range, a shallow clone): the message, not a trace.
        if (error instanceof GitError) throw new Error(`dlp-scan (${plan.mode}): ${error.message}`);
        throw error;
      }
      // Before any output is built: from here on every copy of a value is masked.
      registerSecrets(context.redactor, outcome.findings);
      for (const skipped of outcome.stats.skipped) context.redactor.addReadable(skipped.path);
      outcome.findings.unshift(...configChanged);
      context.log.info(
        `dlp-scan: ${outcome.findings.length} finding(s) in ${outcome.stats.filesScanned} file(s) (${plan.mode}).`,
      );
      return toResult(
        outcome.findings,
        outcome.stats,
        rules,
        failOn,
        values.maxFileSize,
        context,
        values.evidenceDir,
        plan,
        values.failOnSkipped,
        pushgateway,
        values.checkRun ?? false,
      );
    },
  });
}

export default createDlpScan();

async function toResult(
  findings: DlpFinding[],
  stats: ScanStats,
  rules: Parameters<typeof metricsText>[2],
  failOn: Level,
  maxFileSize: number,
  context: RunContext,
  evidenceDir: string | undefined,
  plan: ScanPlan,
  failOnSkipped: boolean,
  pushgateway: URL | undefined,
  checkRun: boolean,
): Promise<ActionResult> {
  const redact = <T>(value: T): T => context.redactor.redactDeep(value);
  const { shown, omitted } = annotatedFindings(findings);
  const capNote = `${omitted} finding(s) have no annotation (at most ${ANNOTATIONS_PER_FILE} per file and ${ANNOTATIONS_PER_RUN} per run); every finding is in the report (report-path) and the SARIF log.`;
  const markdown =
    summaryMarkdown(findings, stats, failOn, maxFileSize) + (omitted > 0 ? `\n${paragraph(capNote)}` : '');
  const gitleaks = `${JSON.stringify(redact(gitleaksReport(findings)), null, 2)}\n`;
  // Counts only: per rule, severity and tag, what was suppressed and why, what was not scanned.
  const log = `${JSON.stringify(redact({ ...redactionLog(findings), suppressed: stats.suppressed, skippedFiles: countSkips(stats.skipped), invalidUtf8Files: stats.invalidUtf8.length }), null, 2)}\n`;
  const repository = context.github.repository;
  const metrics = context.redactor.redact(
    metricsText(findings, stats, rules, repository ? { repository } : {}),
  );
  const sarifReport = {
    toolName: 'summit-ops/dlp-scan',
    informationUri: 'https://github.com/summit-ops/summit-ops/tree/main/actions/dlp-scan',
    rules: [
      ...ruleDescriptors(rules),
      ...(findings.some((f) => f.ruleId === CONFIG_CHANGED_RULE) ? [CONFIG_CHANGED_DESCRIPTOR] : []),
      ...(findings.some((f) => f.ruleId === CONFIG_SYMLINK_RULE) ? [CONFIG_SYMLINK_DESCRIPTOR] : []),
    ],
    findings: findings.map(toReportFinding),
  };

  const outDir = join(context.tempDir, 'dlp-scan-out');
  await mkdir(outDir, { recursive: true });
  const sarif = await writeSarif(join(outDir, 'dlp-scan.sarif'), sarifReport, context.redactor, {
    workspace: context.workspace,
    // The log's shape is fixed by buildSarif and validated by the tests (main.test.ts); compiling
    // the schema would be most of a one-file scan's start-up.
    validate: false,
  });
  const files = { 'dlp-report.json': gitleaks, 'dlp-redaction-log.json': log, 'dlp-metrics.prom': metrics };
  for (const [name, content] of Object.entries(files)) await writeFile(join(outDir, name), content);
  if (pushgateway) {
    const pushed = await pushMetrics(pushgateway, repository, metrics);
    if (pushed.pushed) context.log.info(`dlp-scan: metrics pushed to ${pushed.url}.`);
    else
      context.log.warning(
        `dlp-scan: metrics not pushed to the Pushgateway (${pushed.reason}). The scan result stands; the counts are still in dlp-metrics.prom (evidence-dir).`,
      );
  }
  let reportPath = join(outDir, 'dlp-report.json');
  let sarifPath = join(outDir, 'dlp-scan.sarif');
  if (evidenceDir) {
    const dir = inWorkspace(context, evidenceDir);
    const range =
      plan.mode === 'diff' || plan.mode === 'history'
        ? { ...(plan.base ? { base: plan.base } : {}), ...(plan.head ? { head: plan.head } : {}) }
        : undefined;
    await writeEvidenceBundle(
      dir,
      {
        report: reportObject(findings, stats, failOn, range),
        markdown,
        files: [
          { name: 'dlp-scan.sarif', content: `${JSON.stringify(sarif, null, 2)}\n` },
          ...Object.entries(files).map(([name, content]) => ({ name, content })),
        ],
      },
      context.redactor,
    );
    reportPath = join(dir, 'dlp-report.json');
    sarifPath = join(dir, 'dlp-scan.sarif');
  }

  const failing = violations(findings, failOn);
  const annotations = [...shown.map(findingAnnotation), ...skipAnnotations(stats.skipped, maxFileSize)];
  if (omitted > 0)
    annotations.push({
      level: 'notice',
      title: 'dlp-scan: annotations capped',
      message: capNote,
    });
  const unscanned = failOnSkipped ? stats.skipped.filter((k) => FAILING_SKIPS.has(k.reason)) : [];
  const result: ActionResult = {
    outputs: { findings: String(findings.length), 'report-path': reportPath, 'sarif-path': sarifPath },
    annotations,
    summary: markdown,
  };
  if (checkRun)
    result.checkRun = {
      name: 'dlp-scan',
      title:
        failing > 0
          ? `${failing} finding(s) at or above ${failOn}`
          : unscanned.length > 0
            ? `${unscanned.length} file(s) not scanned`
            : findings.length > 0
              ? `${findings.length} finding(s) below ${failOn}`
              : 'no secrets or PII found',
      conclusion:
        failing > 0 || unscanned.length > 0 ? 'failure' : findings.length > 0 ? 'neutral' : 'success',
      summary: markdown,
    };
  const selfAllowed = findings.filter((f) => f.inlineAllowAdded).length;
  if (failing > 0) {
    const rulesHit = Object.entries(redactionLog(findings.filter((f) => violations([f], failOn) > 0)).byRule)
      .map(([rule, n]) => `${rule} ×${n}`)
      .join(', ');
    result.failure = `dlp-scan: ${failing} finding(s) at or above '${failOn}' (${rulesHit}); see the annotations and the job summary. Remove the value (and rotate it if it is a credential), or accept it: an inline dlp:allow comment, an allowlist in the rules file, or its fingerprint in the baseline.`;
    if (selfAllowed > 0)
      result.failure += ` ${selfAllowed} of them sit on a line whose dlp:allow this pull request adds: not honoured, because a pull request cannot accept its own finding. A baseline entry (or allowlist) must land in an earlier pull request, reviewed on its own; or a reviewer accepts the risk and merges despite this check.`;
  }
  if (unscanned.length > 0) {
    const names = unscanned
      .slice(0, 5)
      .map((k) => `${k.path} (${k.reason})`)
      .join(', ');
    const more = unscanned.length > 5 ? ` and ${unscanned.length - 5} more` : '';
    const budget = unscanned.some((k) => k.reason === 'rule-budget')
      ? ' A rule stopped for its time budget backtracks super-linearly on that text: rewrite its regex (one repeat per run of the same characters, no repeated group of repeats), or disable it.'
      : '';
    const why = `dlp-scan: ${unscanned.length} file(s) could hold a secret but were not scanned: ${names}${more}. Raise max-file-size, allowlist the path in the rules file (with a comment saying why), or set fail-on-skipped: false.${budget}`;
    result.failure = result.failure ? `${result.failure}\n${why}` : why;
  }
  return result;
}
