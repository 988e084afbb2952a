/**
 * The release build of the reusable workflows. In reusable-workflows/ (and the copies `npm run
 * build` makes in .github/workflows/) our actions are named `./actions/<name>`, which resolves in
 * the workspace of the repository the job runs for: right for this repository's own CI, wrong for
 * a consumer. The published copy, the one a release tag (v1, v1.x.y) points at, names them
 * `<owner>/<repo>/actions/<name>@<sha>` instead, where <sha> is the commit the release is cut from
 * (its actions/ are the tagged ones: the release commit only changes .github/workflows/). The runner
 * then fetches our actions as it fetches any action: no checkout of Summit Ops in the caller's
 * workspace, no OIDC token (forks and Dependabot have none), no token for a private copy (its
 * Actions access setting, which the workflow call needs anyway, covers its actions), and GHES
 * works with that instance's owner/repo. Steps with id DEV_CHECKOUT_ID only existed to make
 * `./actions/<name>` resolvable in this repository and are dropped.
 *
 * Why this and not the alternatives: GitHub's job.workflow_repository / job.workflow_sha contexts
 * (runner PR actions/runner#4335, documented in the job context reference since 2026-04) would let
 * a job check Summit Ops out at its own commit without OIDC, but GHES does not have them, a checkout
 * of a private copy still needs a cross-repository token, actions/checkout only writes inside the
 * caller's workspace, and actionlint 1.7.12 rejects them (rhysd/actionlint#647). The self-repository
 * form `uses: $/…` (GitHub changelog 2026-07-30) needs no checkout, but is github.com only and
 * actionlint 1.7.12 rejects it too. A pinned `<owner>/<repo>/actions/<name>@<sha>` is plain GitHub
 * Actions everywhere.
 *
 *   node scripts/release-workflows.ts --repository owner/repo --sha <40-hex> [--version v1.2.3] [--root dir]
 *
 * (defaults: GITHUB_REPOSITORY, `git rev-parse HEAD` and this checkout). Writes
 * <root>/.github/workflows/<name>.yml.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../lib/config.ts';
import { DEV_CHECKOUT_ID } from './workflow-lint.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface ReleaseTarget {
  /** owner/repo of this repository where consumers call it (github.com or a GHES instance). */
  repository: string;
  /** The commit whose actions/ the published workflows run. */
  sha: string;
  /** Shown after the pin (`# v1.2.3`), as Dependabot and readers expect. */
  version?: string;
}

export const PUBLISHED_HEADER = (target: ReleaseTarget) =>
  `# Published by the release build (scripts/release-workflows.ts) from reusable-workflows/ for ${target.repository}@${target.sha}; edit the source there.\n`;

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const SHA = /^[0-9a-f]{40}$/;
const VERSION = /^v\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?$/;
const OWN_ACTION_LINE = /^(\s*(?:-\s+)?uses:\s+)\.\/actions\/([a-z0-9-]+)(\s+#.*)?$/;

export function checkTarget(target: ReleaseTarget): void {
  if (!REPOSITORY.test(target.repository))
    throw new Error(`--repository '${target.repository}' is not owner/repo (e.g. summit-ops/summit-ops)`);
  if (!SHA.test(target.sha))
    throw new Error(`--sha '${target.sha}' is not a full 40-hex commit id (git rev-parse HEAD prints one)`);
  if (target.version !== undefined && !VERSION.test(target.version))
    throw new Error(`--version '${target.version}' is not a version tag like v1.2.3`);
}

/** Line ranges (0-based, end exclusive) of the steps with id DEV_CHECKOUT_ID. */
function devCheckoutLines(file: string, text: string): Array<[number, number]> {
  const config = parseConfig<{ jobs?: Record<string, { steps?: Array<{ id?: string }> }> }>(file, text);
  const lines = text.split('\n');
  const ranges: Array<[number, number]> = [];
  for (const [job, spec] of Object.entries(config.value?.jobs ?? {})) {
    for (const [index, step] of (spec.steps ?? []).entries()) {
      if (step.id !== DEV_CHECKOUT_ID) continue;
      // The step's first key sits after its `- `; the item runs until a line indented no deeper
      // than that dash (the next step, or the next key of the job).
      const first = config.locate(['jobs', job, 'steps', index]).line - 1;
      const dash = lines[first]!.search(/-\s/);
      if (dash < 0)
        throw new Error(`${file}:${first + 1}: expected '- ' starting the ${DEV_CHECKOUT_ID} step`);
      let end = first + 1;
      while (end < lines.length) {
        const line = lines[end]!;
        if (line.trim() !== '' && line.search(/\S/) <= dash) break;
        end++;
      }
      ranges.push([first, end]);
    }
  }
  return ranges;
}

/**
 * The published form of one reusable workflow: our actions pinned to `target`, this repository's
 * own action checkout dropped. Throws when a `./` reference would survive. Pure.
 */
export function publishWorkflow(file: string, text: string, target: ReleaseTarget): string {
  checkTarget(target);
  const drop = devCheckoutLines(file, text);
  const out: string[] = [];
  for (const [n, line] of text.split('\n').entries()) {
    if (drop.some(([from, to]) => n >= from && n < to)) continue;
    const own = OWN_ACTION_LINE.exec(line);
    if (own) {
      out.push(
        `${own[1]}${target.repository}/actions/${own[2]}@${target.sha} # ${target.version ?? 'release'}`,
      );
      continue;
    }
    if (/^\s*(?:-\s+)?uses:\s+\.\//.test(line))
      throw new Error(
        `${file}:${n + 1}: '${line.trim()}' would resolve in the caller's workspace; only ./actions/<name> can be published`,
      );
    out.push(line);
  }
  return out.join('\n');
}

/** Writes the published copy of every reusable workflow to .github/workflows/; returns the names. */
export async function publishWorkflows(target: ReleaseTarget, root = ROOT): Promise<string[]> {
  const source = join(root, 'reusable-workflows');
  const names = (await readdir(source)).filter((n) => /\.ya?ml$/.test(n)).sort();
  for (const name of names) {
    const text = await readFile(join(source, name), 'utf8');
    const published = publishWorkflow(`reusable-workflows/${name}`, text, target);
    await writeFile(join(root, '.github', 'workflows', name), PUBLISHED_HEADER(target) + published);
  }
  return names;
}

function argument(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const target: ReleaseTarget = {
    repository: argument(args, '--repository') ?? process.env['GITHUB_REPOSITORY'] ?? '',
    sha: argument(args, '--sha') ?? execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim(),
  };
  const version = argument(args, '--version');
  if (version !== undefined) target.version = version;
  try {
    const names = await publishWorkflows(target, resolve(argument(args, '--root') ?? ROOT));
    console.log(`published ${names.length} workflow(s) for ${target.repository}@${target.sha}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
