/**
 * catalog-gate as an action: inputs → runGate → annotations, job summary, JSON report, SARIF,
 * evidence bundle, check run. No process.env here; the runner adapter and the CLI supply context.
 */
import { changeRange, githubClient } from '../../../lib/github.ts';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { defineAction, type ActionResult, type RunContext } from '../../../lib/action.ts';
import { bool, int, oneOf, str } from '../../../lib/inputs.ts';
import {
  atLeast,
  findingToAnnotation,
  type Finding,
  type Level,
  type RuleDescriptor,
} from '../../../lib/report/types.ts';
import { escapeCell, statusMark } from '../../../lib/report/summary.ts';
import { buildSarif, writeSarif } from '../../../lib/report/sarif.ts';
import { writeEvidenceBundle } from '../../../lib/report/evidence.ts';
import { collectDecisions, decisionLogFile, type DecisionLogEntry } from '../../../lib/policy/index.ts';
import { ALL_RULES, runGate, type GateReport } from './gate.ts';

const inputs = {
  catalog: str({
    default: 'db/catalog/migrations.yaml',
    description: 'Path of the migration catalog (YAML).',
  }),
  'migrations-dir': str({
    default: 'db/migrations',
    description: 'Directory holding <id>.up.sql and <id>.down.sql.',
  }),
  'prove-backout': bool({
    default: true,
    description: 'Apply every migration, its back-out and the migration again, and compare the schema.',
  }),
  'database-url': str({
    secret: true,
    description: 'A throwaway, empty PostgreSQL database for the proof instead of embedded PGlite.',
  }),
  // No default here: an int input with one is typed as required; action.yml has the defaults.
  'statement-timeout': int({
    min: 1,
    max: 3600,
    description: 'Seconds one statement of the proof may run on PostgreSQL (statement_timeout).',
  }),
  'lock-timeout': int({
    min: 1,
    max: 3600,
    description: 'Seconds a statement of the proof may wait for a lock on PostgreSQL (lock_timeout).',
  }),
  'idle-in-transaction-timeout': int({
    min: 1,
    max: 3600,
    description:
      'Seconds the proof session may sit idle in a transaction (idle_in_transaction_session_timeout).',
  }),
  policy: str({
    description:
      'Custom Rego policy: an opa build -t wasm bundle, a policy.wasm, or a .rego folder (needs opa on PATH); optional.',
  }),
  'changed-only': bool({
    default: false,
    description: 'Report only migrations whose files the pull request or merge group changes.',
  }),
  'fail-on': oneOf(['error', 'warning'] as const, {
    default: 'error',
    description: 'The lowest finding level that fails the step.',
  }),
  'evidence-dir': str({ description: 'Write an evidence bundle (report, SARIF, back-outs, manifest) here.' }),
  'check-run': bool({
    default: false,
    description:
      'Also publish the result as a check run (needs checks: write). Off by default: the annotations and the job summary already show every finding once.',
  }),
  'github-token': str({
    secret: true,
    description: 'Token for the changed files and the check run.',
  }),
};

export default defineAction({
  name: 'catalog-gate',
  inputs,
  async run(values, context): Promise<ActionResult> {
    const changedFiles = values.changedOnly ? await changedFilesOf(context) : undefined;
    // The helpers type defaults as optional, so the action.yml defaults are repeated here.
    const gateOptions: Parameters<typeof runGate>[0] = {
      workspace: context.workspace,
      catalog: rel(context, values.catalog ?? 'db/catalog/migrations.yaml'),
      migrationsDir: rel(context, values.migrationsDir ?? 'db/migrations'),
      proveBackout: values.proveBackout ?? true,
    };
    if (values.databaseUrl) gateOptions.databaseUrl = values.databaseUrl;
    gateOptions.timeouts = {
      statementMs: (values.statementTimeout ?? 60) * 1000,
      lockMs: (values.lockTimeout ?? 10) * 1000,
      idleInTransactionMs: (values.idleInTransactionTimeout ?? 60) * 1000,
    };
    if (changedFiles) gateOptions.changedFiles = changedFiles;
    if (values.policy) gateOptions.policy = rel(context, values.policy);
    // Checked before the analysis: a clash found only when writing would throw away every finding.
    const evidenceProblem = values.evidenceDir ? await nonEmptyDir(context, values.evidenceDir) : undefined;
    // Every custom-policy evaluation inside the gate leaves an OPA decision-log entry for the evidence.
    const { value: report, decisions } = await collectDecisions(() => runGate(gateOptions));
    if (evidenceProblem)
      report.findings.push({
        ruleId: EVIDENCE_RULE.id,
        level: 'error',
        message: `evidence-dir ${evidenceProblem}; no evidence bundle was written. Use a fresh directory per run`,
      });
    const result = await toResult(
      report,
      values.failOn ?? 'error',
      context,
      evidenceProblem ? undefined : values.evidenceDir,
      decisions,
    );
    // Opt-in: the annotations and the job summary already show every finding once.
    if (!values.checkRun) delete result.checkRun;
    return result;
  },
});

export const EVIDENCE_RULE = {
  id: 'evidence-dir-not-empty',
  shortDescription: 'The evidence directory already holds files',
  defaultLevel: 'error',
} as const satisfies RuleDescriptor;

export const EVIDENCE_WRITE_RULE = {
  id: 'evidence-dir-unwritable',
  shortDescription: 'The evidence bundle could not be written',
  defaultLevel: 'error',
} as const satisfies RuleDescriptor;

/** Why the evidence directory cannot take a bundle (it holds files), or undefined. */
async function nonEmptyDir(context: RunContext, dir: string): Promise<string | undefined> {
  const path = isAbsolute(dir) ? dir : join(context.workspace, dir);
  let names: string[];
  try {
    names = await readdir(path);
  } catch {
    // Missing is fine (it is created); anything else surfaces as evidence-dir-unwritable when writing.
    return undefined;
  }
  return names.length
    ? `${dir} is not empty (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''})`
    : undefined;
}

function rel(context: RunContext, path: string): string {
  return (isAbsolute(path) ? relative(context.workspace, path) : path).split('\\').join('/');
}

/** GitHub's compare API lists at most this many files; a longer list may be cut short. */
export const COMPARE_FILE_LIMIT = 300;

/**
 * Files changed by the pull request or the merge-queue group (GitHub API), or undefined outside
 * them. A merge group has no single pull request: its files are those of base...head.
 */
async function changedFilesOf(context: RunContext): Promise<string[] | undefined> {
  const change = changeRange(context.github);
  // An older payload without base/head still names its pull request.
  const pr =
    change?.pullRequest ??
    (context.github.event?.['pull_request'] as { number?: number } | undefined)?.number;
  const [owner, repo] = (context.github.repository ?? '').split('/');
  const group = change?.kind === 'merge_group' ? change : undefined;
  if ((!pr && !group) || !owner || !repo || !context.github.token) {
    context.log.warning(
      'changed-only: not a pull request or merge group (or no github-token); checking every migration',
    );
    return undefined;
  }
  const octokit = githubClient({ token: context.github.token, apiUrl: context.github.apiUrl });
  const what = group
    ? `merge group ${group.base.slice(0, 12)}...${group.head.slice(0, 12)}`
    : `pull request #${pr}`;
  try {
    const files = group
      ? ((
          await octokit.rest.repos.compareCommitsWithBasehead({
            owner,
            repo,
            basehead: `${group.base}...${group.head}`,
          })
        ).data.files ?? [])
      : await octokit.paginate(octokit.rest.pulls.listFiles, {
          owner,
          repo,
          pull_number: pr!,
          per_page: 100,
        });
    if (group && files.length >= COMPARE_FILE_LIMIT) {
      context.log.warning(
        `changed-only: ${what} changes ${files.length} or more files, more than GitHub's compare API lists; checking every migration`,
      );
      return undefined;
    }
    // GitHub lists a renamed file under its new name; its old name matters too (an entry may lose its file).
    return files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename]));
  } catch (error) {
    // Failing open here would hide findings; checking everything only costs time.
    const status = (error as { status?: number }).status;
    context.log.warning(
      `changed-only: listing the files of ${what} failed (${status ? `HTTP ${status}: ` : ''}${(error as Error).message.split('\n')[0]}); checking every migration`,
    );
    return undefined;
  }
}

export function countViolations(findings: readonly Finding[], failOn: Level): number {
  return findings.filter((f) => atLeast(f.level, failOn)).length;
}

const PROOF_LABEL: Record<string, string> = {
  failed: 'not proven',
  'not-provable': 'not provable',
  'no-backout': 'no back-out',
};
/** Differences listed per migration in the summary; the report has them all. */
const MAX_SUMMARY_PROBLEMS = 20;

export function summaryMarkdown(report: GateReport): string {
  const rows = report.entries
    .filter((e) => e.inScope)
    .map((e) => {
      const under =
        e.detectedRisk !== null &&
        ['low', 'medium', 'high'].indexOf(e.detectedRisk) > ['low', 'medium', 'high'].indexOf(e.declaredRisk);
      const proof =
        e.backout.status === 'proven'
          ? statusMark(true, e.backout.kind === 'generated' ? 'generated' : '')
          : e.backout.status === 'skipped'
            ? '–'
            : statusMark(false, PROOF_LABEL[e.backout.status] ?? e.backout.status);
      return [
        e.id,
        e.service,
        `${e.declaredRisk} / ${e.detectedRisk ?? '?'}${under ? ' ✗' : ''}`,
        e.locks.join(', ') || 'none',
        e.pii ? `PII, ${e.retentionDays ?? '✗ no'} days` : 'no PII',
        proof.trim(),
      ].map(escapeCell);
    });
  const counts = (['error', 'warning', 'notice'] as const)
    .map((l) => `${report.findings.filter((f) => f.level === l).length} ${l}s`)
    .join(', ');
  const lines = [
    '## Migration catalog gate',
    '',
    `Catalog \`${report.catalog}\`, migrations \`${report.migrationsDir}\`${report.database ? `, back-outs proven on ${report.database}` : ''}: ${counts}.`,
    '',
    '| id | service | risk declared / detected | locks | PII / retention | back-out proven |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
  const unproven = report.entries.filter(
    (e) => e.inScope && (e.backout.status === 'failed' || e.backout.status === 'not-provable'),
  );
  if (unproven.length) {
    const proven = report.entries.filter((e) => e.inScope && e.backout.status === 'proven').length;
    lines.push(
      '',
      '### Back-out proof',
      '',
      `${proven} proven, ${unproven.filter((e) => e.backout.status === 'failed').length} not proven, ${unproven.filter((e) => e.backout.status === 'not-provable').length} not provable. Each migration is proven from the schema that precedes it.`,
    );
    for (const e of unproven) {
      lines.push('', `**${escapeCell(e.id)}** (${PROOF_LABEL[e.backout.status]})`, '');
      for (const p of e.backout.problems.slice(0, MAX_SUMMARY_PROBLEMS)) lines.push(`- ${escapeCell(p)}`);
      if (e.backout.problems.length > MAX_SUMMARY_PROBLEMS)
        lines.push(`- … ${e.backout.problems.length - MAX_SUMMARY_PROBLEMS} more in the JSON report`);
    }
  }
  const suggestions = report.entries.filter((e) => e.suggestedBackout && e.inScope);
  if (suggestions.length) {
    lines.push('', '### Suggested back-outs (no down script)');
    for (const e of suggestions) {
      lines.push(
        '',
        `**${escapeCell(e.id)}**`,
        '',
        '```sql',
        e.suggestedBackout!.sql || '-- nothing to invert',
        '```',
      );
      for (const i of e.suggestedBackout!.irreversible)
        lines.push(`- irreversible (line ${i.line}): ${escapeCell(i.reason)}`);
    }
  }
  const top = report.findings.filter((f) => f.level !== 'notice').slice(0, 50);
  if (top.length) {
    lines.push('', '### Findings', '');
    for (const f of top)
      lines.push(
        `- ${f.level} \`${f.ruleId}\` ${f.location ? `${escapeCell(f.location.file)}:${f.location.line}` : ''} ${escapeCell(f.message)}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

const sarifInput = (report: GateReport) => ({
  toolName: 'summit-ops/catalog-gate',
  rules: [...ALL_RULES, EVIDENCE_RULE, EVIDENCE_WRITE_RULE],
  findings: report.findings,
});

async function writeBundle(
  report: GateReport,
  dir: string,
  context: RunContext,
  decisions: DecisionLogEntry[],
): Promise<void> {
  const markdown = summaryMarkdown(report);
  const sarif = buildSarif(sarifInput(report), context.redactor);
  const backouts = report.entries
    .filter((e) => e.suggestedBackout)
    .map((e) => ({
      name: `backouts/${e.id}.sql`,
      content: `${e.suggestedBackout!.irreversible.map((i) => `-- irreversible (line ${i.line}): ${i.reason}\n`).join('')}${e.suggestedBackout!.sql}\n`,
    }));
  await writeEvidenceBundle(
    dir,
    {
      report,
      markdown,
      files: [
        { name: 'catalog-gate.sarif', content: JSON.stringify(sarif, null, 2) },
        ...backouts,
        ...(decisions.length > 0 ? [decisionLogFile(decisions)] : []),
      ],
    },
    context.redactor,
  );
}

async function toResult(
  report: GateReport,
  failOn: Level,
  context: RunContext,
  evidenceDir?: string,
  decisions: DecisionLogEntry[] = [],
): Promise<ActionResult> {
  const outDir = evidenceDir ? join(context.tempDir, 'catalog-gate-out') : context.tempDir;
  await mkdir(outDir, { recursive: true });
  const reportPath = join(outDir, 'catalog-gate-report.json');
  const sarifPath = join(outDir, 'catalog-gate.sarif');
  let finalReport = reportPath;
  let finalSarif = sarifPath;
  if (evidenceDir) {
    const dir = isAbsolute(evidenceDir) ? evidenceDir : join(context.workspace, evidenceDir);
    try {
      await writeBundle(report, dir, context, decisions);
      finalReport = join(dir, 'report.json');
      finalSarif = join(dir, 'catalog-gate.sarif');
    } catch (error) {
      // Every finding, the summary and the outputs still count; the bundle is what is lost.
      const code = (error as NodeJS.ErrnoException).code;
      report.findings.push({
        ruleId: EVIDENCE_WRITE_RULE.id,
        level: 'error',
        message: `evidence-dir ${evidenceDir} cannot be written (${code ?? (error as Error).message.split('\n')[0]}); no evidence bundle was written. Point evidence-dir at a writable, fresh directory (e.g. under runner.temp)`,
      });
    }
  }
  const violations = countViolations(report.findings, failOn);
  const markdown = summaryMarkdown(report);
  await writeFile(reportPath, `${JSON.stringify(context.redactor.redactDeep(report), null, 2)}\n`);
  // The log's shape is fixed by buildSarif and validated by the tests; compiling the SARIF schema
  // would cost more than the rest of a one-migration (pre-commit) run.
  await writeSarif(sarifPath, sarifInput(report), context.redactor, { validate: false });
  const failed = violations > 0;
  const result: ActionResult = {
    outputs: { violations: String(violations), 'report-path': finalReport, 'sarif-path': finalSarif },
    annotations: report.findings.map((f) => findingToAnnotation(f)),
    summary: markdown,
    checkRun: {
      name: 'catalog-gate',
      title: failed ? `${violations} violation(s)` : 'catalog gate passed',
      conclusion: failed ? 'failure' : 'success',
      summary: markdown,
    },
  };
  if (failed)
    result.failure = `catalog-gate: ${violations} finding(s) at or above '${failOn}'; see the annotations and the job summary`;
  return result;
}
