/**
 * Checks reusable workflows for what actionlint cannot know about this repository:
 * - `on: workflow_call` (GitHub calls nothing else from another repository);
 * - no `${{ … }}` inside `run:` (script injection: values go through `env:` or action inputs);
 * - third-party actions pinned by a full commit SHA;
 * - local actions used as `./.summit-ops/actions/<name>` after a checkout of this repository at the
 *   workflow's own commit into `.summit-ops` (inside a called workflow `./` is the caller's checkout),
 *   that commit read by a step `id: self` from the job's OIDC token (job_workflow_ref/_sha);
 * - `with:` keys that the action declares, and every required input given;
 * - `permissions:` on every job (least privilege is decided per job, not inherited).
 * Every problem carries the YAML line and column.
 */
import * as exec from '@actions/exec';
import * as io from '@actions/io';
import { parseConfig, type LoadedConfig, type PathSegment } from '../lib/config.ts';

export const SELF_CHECKOUT_PATH = '.summit-ops';
/** The step that reads the called workflow's own repository and commit from the job's OIDC token. */
export const SELF_STEP_ID = 'self';
const LOCAL_ACTION = /^\.\/\.summit-ops\/actions\/([a-z0-9-]+)$/;
const PINNED = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[0-9a-f]{40}$/;

export interface ActionInputs {
  [input: string]: { required?: boolean; default?: unknown };
}

export interface WorkflowProblem {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: unknown;
  steps?: Step[];
  uses?: string;
}
interface Workflow {
  on?: unknown;
  jobs?: Record<string, Job>;
}

export function lintWorkflow(
  file: string,
  text: string,
  actions: Record<string, ActionInputs>,
): WorkflowProblem[] {
  const config: LoadedConfig<Workflow> = parseConfig<Workflow>(file, text);
  const problems: WorkflowProblem[] = [];
  const report = (path: PathSegment[], rule: string, message: string) => {
    const { line, column } = config.locate(path);
    problems.push({ file, line, column, rule, message });
  };
  const workflow = config.value ?? {};
  const triggers = workflow.on;
  const callable =
    typeof triggers === 'string'
      ? triggers === 'workflow_call'
      : Array.isArray(triggers)
        ? triggers.includes('workflow_call')
        : !!triggers && typeof triggers === 'object' && 'workflow_call' in triggers;
  if (!callable) report(['on'], 'workflow-call', 'a reusable workflow needs `on: workflow_call`');

  for (const [jobName, job] of Object.entries(workflow.jobs ?? {})) {
    if (job.permissions === undefined)
      report(
        ['jobs', jobName],
        'job-permissions',
        `job '${jobName}' has no permissions:; declare the least it needs (e.g. contents: read)`,
      );
    let selfCheckedOut = false;
    for (const [index, step] of (job.steps ?? []).entries()) {
      const at: PathSegment[] = ['jobs', jobName, 'steps', index];
      if (typeof step.run === 'string' && step.run.includes('${{')) {
        report(
          [...at, 'run'],
          'no-expression-in-run',
          '`${{ }}` inside run: is a script injection; pass the value through env: and use "$NAME"',
        );
      }
      if (typeof step.uses !== 'string') continue;
      if (step.uses.startsWith('actions/checkout@') && step.with?.['path'] === SELF_CHECKOUT_PATH) {
        selfCheckedOut = true;
        const resolver = (job.steps ?? []).slice(0, index).find((s) => s.id === SELF_STEP_ID);
        if (!resolver || typeof resolver.run !== 'string' || !resolver.run.includes('job_workflow_sha')) {
          report(
            [...at, 'uses'],
            'self-checkout',
            `the ${SELF_CHECKOUT_PATH} checkout needs an earlier step with id '${SELF_STEP_ID}' reading job_workflow_ref/job_workflow_sha from the job's OIDC token`,
          );
        }
        if (
          step.with?.['ref'] !== '${{ steps.self.outputs.sha }}' ||
          step.with?.['repository'] !== '${{ steps.self.outputs.repository }}'
        ) {
          report(
            [...at, 'with'],
            'self-checkout',
            "check out this repository at the workflow's own commit: repository: ${{ steps.self.outputs.repository }}, ref: ${{ steps.self.outputs.sha }}",
          );
        }
      }
      if (step.uses.startsWith('./')) {
        const local = LOCAL_ACTION.exec(step.uses);
        if (!local) {
          report(
            [...at, 'uses'],
            'local-action-path',
            `'${step.uses}' resolves against the caller's checkout; use ./${SELF_CHECKOUT_PATH}/actions/<name>`,
          );
          continue;
        }
        const name = local[1]!;
        if (!selfCheckedOut)
          report(
            [...at, 'uses'],
            'self-checkout',
            `'${step.uses}' needs an earlier actions/checkout of this repository at the workflow's own commit with path: ${SELF_CHECKOUT_PATH}`,
          );
        const inputs = actions[name];
        if (!inputs) {
          report(
            [...at, 'uses'],
            'unknown-action',
            `no action '${name}' in actions/; expected one of ${Object.keys(actions).join(', ')}`,
          );
          continue;
        }
        for (const key of Object.keys(step.with ?? {})) {
          if (!(key in inputs))
            report([...at, 'with', key], 'unknown-input', `action '${name}' has no input '${key}'`);
        }
        for (const [input, spec] of Object.entries(inputs)) {
          if (spec.required && spec.default === undefined && !(input in (step.with ?? {})))
            report([...at, 'uses'], 'missing-input', `action '${name}' requires input '${input}'`);
        }
      } else if (!step.uses.startsWith('docker://') && !PINNED.test(step.uses)) {
        report(
          [...at, 'uses'],
          'pin-by-sha',
          `'${step.uses}' is not pinned to a full commit SHA; use owner/repo@<40-hex sha> # vX.Y.Z`,
        );
      }
    }
  }
  return problems;
}

interface ActionlintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

/** Why a linter cannot run: what is missing and how .ci/run installs it. */
export class LinterMissingError extends Error {}

async function runLinter(
  tool: string,
  install: string,
  args: string[],
  input?: string,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  if (!(await io.which(tool)))
    throw new LinterMissingError(`${tool} is not on PATH: ${install} (.ci/run does this)`);
  return exec.getExecOutput(tool, args, {
    silent: true,
    ignoreReturnCode: true,
    ...(input === undefined ? {} : { input: Buffer.from(input) }),
  });
}

export const ACTIONLINT_INSTALL = 'go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12';
export const ZIZMOR_INSTALL = 'pip install zizmor==1.32.0';

/** The real actionlint on one workflow (read from stdin under its own name): syntax, expressions, shellcheck-free. */
export async function actionlint(file: string, text: string): Promise<WorkflowProblem[]> {
  const r = await runLinter(
    'actionlint',
    ACTIONLINT_INSTALL,
    ['-format', '{{json .}}', '-stdin-filename', file, '-'],
    text,
  );
  // 0: clean, 1: problems found; anything else is actionlint failing to run.
  if (r.exitCode > 1)
    throw new Error(`actionlint failed (exit ${r.exitCode}): ${r.stderr.trim().slice(0, 500)}`);
  const results = JSON.parse(r.stdout.trim() || '[]') as ActionlintResult[];
  return results.map((x) => ({
    file,
    line: x.line,
    column: x.column,
    rule: `actionlint/${x.kind}`,
    message: x.message,
  }));
}

interface ZizmorFinding {
  ident: string;
  desc: string;
  determinations: { severity: string };
  ignored?: boolean;
  locations: Array<{
    symbolic: {
      key: { Local?: { verbatim_path?: string; given_path?: string } };
      kind?: string;
      annotation?: string;
    };
    concrete: { location: { start_point: { row: number; column: number } } };
  }>;
}

/**
 * zizmor (GitHub Actions security audits) over files or directories, offline. Findings ignored
 * inline with `# zizmor: ignore[audit]` (each with its reason) are not returned.
 */
export async function zizmor(paths: string[], root = process.cwd()): Promise<WorkflowProblem[]> {
  const r = await runLinter('zizmor', ZIZMOR_INSTALL, ['--offline', '--format', 'json-v1', ...paths]);
  if (r.stdout.trim() === '')
    throw new Error(`zizmor failed (exit ${r.exitCode}): ${r.stderr.trim().slice(0, 500)}`);
  const findings = JSON.parse(r.stdout) as ZizmorFinding[];
  return findings
    .filter((f) => !f.ignored)
    .map((f) => {
      const primary = f.locations.find((l) => l.symbolic.kind === 'Primary') ?? f.locations[0];
      const where = primary?.symbolic.key.Local;
      const path = where?.given_path ?? where?.verbatim_path ?? '';
      const point = primary?.concrete.location.start_point;
      return {
        file: path.startsWith(root) ? path.slice(root.length + 1) : path,
        line: (point?.row ?? 0) + 1,
        column: (point?.column ?? 0) + 1,
        rule: `zizmor/${f.ident}`,
        message: `${f.desc} (${f.determinations.severity})${primary?.symbolic.annotation ? `: ${primary.symbolic.annotation}` : ''}`,
      };
    });
}
