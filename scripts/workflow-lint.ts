/**
 * Checks reusable workflows for what actionlint cannot know about this repository:
 * - `on: workflow_call` (GitHub calls nothing else from another repository);
 * - every `workflow_call` input used somewhere in the workflow (an unused one silently does nothing);
 * - no `${{ … }}` inside `run:` (script injection, e.g. of inputs or event data: values go through
 *   `env:` or action inputs);
 * - third-party actions pinned by a full commit SHA;
 * - our actions named `./actions/<name>` after a checkout of the workspace (this repository's own
 *   CI), or, in a published copy, `<owner>/<repo>/actions/<name>@<sha>` (scripts/release-workflows.ts);
 *   never a checkout of this repository into the caller's workspace, never the job's OIDC token to
 *   find the workflow's own commit;
 * - `id-token: write` only in a job that signs (reason-for-access's keyless attestation);
 * - `with:` keys that the action declares, and every required input given;
 * - `permissions:` on every job (least privilege is decided per job, not inherited).
 * Every problem carries the YAML line and column.
 */
import * as exec from '@actions/exec';
import * as io from '@actions/io';
import { parseConfig, type LoadedConfig, type PathSegment } from '../lib/config.ts';

/** Where the Summit Ops self-checkout used to go; a checkout there is now refused. */
export const LEGACY_SELF_CHECKOUT_PATH = '.summit-ops';
/**
 * A step with this id checks this repository's actions out for `./actions/<name>` in a job that
 * otherwise needs no checkout; the release build drops it (the published copy needs none).
 */
export const DEV_CHECKOUT_ID = 'summit-ops-actions';
/** Actions that sign with the job's OIDC identity: the only reason a job may hold id-token: write. */
export const SIGNING_ACTIONS: ReadonlySet<string> = new Set(['reason-for-access']);
const LOCAL_ACTION = /^\.\/actions\/([a-z0-9-]+)$/;
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

export interface LintOptions {
  /**
   * Lint a published copy (scripts/release-workflows.ts): our actions must be
   * `<repository>/actions/<name>@<sha>`, and `./` is refused (it would resolve in the caller's
   * workspace).
   */
  published?: { repository: string };
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The workflow_call block of `on:`, when it is a mapping. */
function workflowCall(triggers: unknown): { inputs?: Record<string, unknown> } | undefined {
  if (!triggers || typeof triggers !== 'object' || Array.isArray(triggers)) return undefined;
  const call = (triggers as Record<string, unknown>)['workflow_call'];
  return call && typeof call === 'object' ? (call as { inputs?: Record<string, unknown> }) : undefined;
}

/** A checkout of the workspace itself: no other repository, no other directory. */
function isWorkspaceCheckout(step: Step): boolean {
  return (
    typeof step.uses === 'string' &&
    step.uses.startsWith('actions/checkout@') &&
    step.with?.['repository'] === undefined &&
    step.with?.['path'] === undefined
  );
}

export function lintWorkflow(
  file: string,
  text: string,
  actions: Record<string, ActionInputs>,
  options: LintOptions = {},
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

  // Inputs are read in expressions anywhere outside `on:` (jobs, concurrency, run-name…).
  const { on: _on, ...rest } = workflow as Record<string, unknown>;
  const usedText = JSON.stringify(rest);
  for (const name of Object.keys(workflowCall(triggers)?.inputs ?? {})) {
    const read = new RegExp(
      `inputs(?:\\.${escapeRegExp(name)}(?![\\w-])|\\[\\s*'${escapeRegExp(name)}'\\s*\\])`,
    );
    if (!read.test(usedText))
      report(
        ['on', 'workflow_call', 'inputs', name],
        'unused-input',
        `workflow_call input '${name}' is never used; pass it on (e.g. with: ${name}: \${{ inputs.${name} }}) or remove it`,
      );
  }

  const ownPublished = options.published
    ? new RegExp(`^${escapeRegExp(options.published.repository)}/actions/([a-z0-9-]+)@[0-9a-f]{40}$`)
    : undefined;

  for (const [jobName, job] of Object.entries(workflow.jobs ?? {})) {
    if (job.permissions === undefined)
      report(
        ['jobs', jobName],
        'job-permissions',
        `job '${jobName}' has no permissions:; declare the least it needs (e.g. contents: read)`,
      );
    let workspaceCheckedOut = false;
    let signs = false;
    for (const [index, step] of (job.steps ?? []).entries()) {
      const at: PathSegment[] = ['jobs', jobName, 'steps', index];
      if (typeof step.run === 'string') {
        if (step.run.includes('${{'))
          report(
            [...at, 'run'],
            'no-expression-in-run',
            '`${{ }}` inside run: is a script injection (inputs and event data are attacker-controlled); pass the value through env: and use "$NAME"',
          );
        if (step.run.includes('ACTIONS_ID_TOKEN_REQUEST'))
          report(
            [...at, 'run'],
            'no-oidc-self-lookup',
            "a run: step reads the job's OIDC token; forks and Dependabot get none. Name our actions ./actions/<name> (published as owner/repo/actions/<name>@sha)",
          );
      }
      if (typeof step.uses !== 'string') continue;
      if (step.uses.startsWith('actions/checkout@')) {
        if (isWorkspaceCheckout(step)) workspaceCheckedOut = true;
        else {
          const target = `${String(step.with?.['repository'] ?? '')} ${String(step.with?.['ref'] ?? '')} ${String(step.with?.['path'] ?? '')}`;
          if (
            step.with?.['path'] === LEGACY_SELF_CHECKOUT_PATH ||
            /steps\.self\.|job\.workflow_|github\.action_repository/.test(target)
          )
            report(
              [...at, 'with'],
              'no-self-checkout',
              "this checks Summit Ops out into the caller's workspace (its files then count as the caller's); name our actions ./actions/<name> instead",
            );
        }
      }
      let name: string | undefined;
      if (step.uses.startsWith('./')) {
        const local = LOCAL_ACTION.exec(step.uses);
        if (options.published) {
          report(
            [...at, 'uses'],
            'local-action-path',
            `'${step.uses}' resolves against the caller's workspace; a published workflow names ${options.published.repository}/actions/<name>@<sha>`,
          );
          continue;
        }
        if (!local) {
          report(
            [...at, 'uses'],
            'local-action-path',
            `'${step.uses}' is not one of our actions; use ./actions/<name> (other local paths resolve against the caller's checkout)`,
          );
          continue;
        }
        name = local[1]!;
        if (!workspaceCheckedOut)
          report(
            [...at, 'uses'],
            'actions-checkout',
            `'${step.uses}' needs an earlier actions/checkout of the workspace (no repository:, no path:; step id '${DEV_CHECKOUT_ID}' when only the action needs it)`,
          );
      } else if (ownPublished?.test(step.uses)) {
        name = ownPublished.exec(step.uses)![1]!;
      } else if (!step.uses.startsWith('docker://') && !PINNED.test(step.uses)) {
        report(
          [...at, 'uses'],
          'pin-by-sha',
          `'${step.uses}' is not pinned to a full commit SHA; use owner/repo@<40-hex sha> # vX.Y.Z`,
        );
        continue;
      }
      if (name === undefined) continue;
      if (SIGNING_ACTIONS.has(name)) signs = true;
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
          report(
            [...at, 'with', key],
            'unknown-input',
            `action '${name}' has no input '${key}'; its inputs: ${Object.keys(inputs).join(', ')}`,
          );
      }
      for (const [input, spec] of Object.entries(inputs)) {
        if (spec.required && spec.default === undefined && !(input in (step.with ?? {})))
          report(
            [...at, 'uses'],
            'missing-input',
            `action '${name}' requires input '${input}'; add it under with:`,
          );
      }
    }
    const permissions = job.permissions;
    if (
      !signs &&
      permissions &&
      typeof permissions === 'object' &&
      (permissions as Record<string, unknown>)['id-token'] === 'write'
    )
      report(
        ['jobs', jobName, 'permissions', 'id-token'],
        'id-token-for-signing',
        `job '${jobName}' asks for id-token: write but signs nothing (${[...SIGNING_ACTIONS].join(', ')}); forks and Dependabot get no OIDC token, so drop it`,
      );
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
