/**
 * Finds actions and what they declare: `actions/<name>/action.yml` for the help text and input
 * defaults, `actions/<name>/src/main.ts` for the definition the CLI runs. The built-in actions are
 * imported through BUILT_IN (static specifiers the bundler can follow, so the installed bin
 * `cli/dist/summit-ops.js` carries them); any other action directory is imported by path.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { ActionDefinition } from '../lib/action.ts';

/**
 * The package root: the folder holding actions/<name>/action.yml. This module is cli/actions.ts
 * from source and part of cli/dist/summit-ops.js once bundled, so look one and two levels up.
 */
export const REPO_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));

function packageRoot(here: string): string {
  for (const candidate of [resolve(here, '..'), resolve(here, '../..')])
    if (existsSync(join(candidate, 'package.json')) && existsSync(join(candidate, 'actions')))
      return candidate;
  return resolve(here, '..');
}

type DefinitionModule = { default?: ActionDefinition };

/** The actions of this package by directory name (lazy: `--help` loads none of them). */
export const BUILT_IN: Record<string, () => Promise<DefinitionModule>> = {
  'catalog-gate': () => import('../actions/catalog-gate/src/main.ts') as Promise<DefinitionModule>,
  'dlp-scan': () => import('../actions/dlp-scan/src/main.ts') as Promise<DefinitionModule>,
  'failover-drill': () => import('../actions/failover-drill/src/main.ts') as Promise<DefinitionModule>,
  'keda-verify': () => import('../actions/keda-verify/src/main.ts') as Promise<DefinitionModule>,
  'reason-for-access': () => import('../actions/reason-for-access/src/main.ts') as Promise<DefinitionModule>,
};

export interface ActionYmlInput {
  description?: string;
  required?: boolean;
  default?: string | number | boolean;
}

export interface ActionManifest {
  name: string;
  /** The directory holding action.yml. */
  dir: string;
  title: string;
  description: string;
  inputs: Record<string, ActionYmlInput>;
  outputs: Record<string, { description?: string }>;
}

export async function loadManifest(dir: string): Promise<ActionManifest> {
  const file = join(dir, 'action.yml');
  const yml = parseYaml(await readFile(file, 'utf8')) as {
    name?: string;
    description?: string;
    inputs?: ActionManifest['inputs'];
    outputs?: ActionManifest['outputs'];
  };
  return {
    name: dir.split('/').filter(Boolean).at(-1)!,
    dir,
    title: yml.name ?? '',
    description: yml.description ?? '',
    inputs: yml.inputs ?? {},
    outputs: yml.outputs ?? {},
  };
}

/** The value an input gets when the CLI user does not give one: action.yml's default, evaluated as far as a terminal can. */
export function defaultFor(raw: unknown, env: Record<string, string | undefined>): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const text = String(raw);
  if (!text.includes('${{')) return text;
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) =>
    expression === 'github.token' ? (env['GITHUB_TOKEN'] ?? '') : '',
  );
}

export async function listManifests(root = REPO_ROOT): Promise<ActionManifest[]> {
  const actionsDir = join(root, 'actions');
  if (!existsSync(actionsDir)) return [];
  const manifests = [];
  for (const entry of (await readdir(actionsDir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.isDirectory() && existsSync(join(actionsDir, entry.name, 'action.yml')))
      manifests.push(await loadManifest(join(actionsDir, entry.name)));
  }
  return manifests;
}

/** `catalog-gate` (an action of this repo) or a path to a directory with action.yml and src/main.ts. */
export async function resolveAction(nameOrPath: string, root = REPO_ROOT): Promise<ActionManifest> {
  const dir = nameOrPath.includes('/')
    ? isAbsolute(nameOrPath)
      ? nameOrPath
      : resolve(nameOrPath)
    : join(root, 'actions', nameOrPath);
  if (!existsSync(join(dir, 'action.yml'))) {
    const known = (await listManifests(root)).map((m) => m.name).join(', ') || '(none yet)';
    throw new Error(`Unknown action '${nameOrPath}'; expected one of: ${known}`);
  }
  return loadManifest(dir);
}

export async function importDefinition(
  manifest: ActionManifest,
  root = REPO_ROOT,
): Promise<ActionDefinition> {
  const builtIn = BUILT_IN[manifest.name];
  let module: DefinitionModule;
  if (builtIn && resolve(manifest.dir) === join(root, 'actions', manifest.name)) module = await builtIn();
  else {
    const main = join(manifest.dir, 'src', 'main.ts');
    if (!existsSync(main))
      throw new Error(
        `${manifest.name}: ${main} not found; an action's src/main.ts must export its definition as default`,
      );
    // Not for the bundler: an action outside this package is loaded from its own source at run time.
    module = (await import(/* webpackIgnore: true */ pathToFileURL(main).href)) as DefinitionModule;
  }
  if (!module.default?.run)
    throw new Error(
      `${manifest.name}: src/main.ts has no default export with run(); export default defineAction({...})`,
    );
  return module.default;
}

/**
 * Inputs whose action.yml default names a file the action writes in the workspace. On a runner the
 * workspace is a fresh checkout and the workflow decides what to keep; from a terminal it is the
 * user's working tree, where a surprise file (an audit log holding a denial) does not belong. So
 * outside a workflow the CLI asks for the path instead of using the default.
 */
const WRITES_BY_DEFAULT: Record<
  string,
  { input: string; writes: (value: (name: string) => string | undefined) => boolean; instead: string }
> = {
  'reason-for-access': {
    input: 'audit-log',
    // verify only reads the log; a dry run records nothing.
    writes: (value) => value('mode') !== 'verify' && value('dry-run')?.trim().toLowerCase() !== 'true',
    instead:
      'pass --input audit-log=<path in this directory> (every decision, a denial too, is appended there), or --input dry-run=true to decide without recording',
  },
};

/**
 * Why a local run must not start, or undefined: the action would write a file into the working
 * tree only because action.yml has a default for it. `explicit` is what the user gave (an --input
 * or INPUT_<NAME>); `value` includes the defaults.
 */
export function localDefaultRefusal(
  manifest: ActionManifest,
  explicit: (name: string) => string | undefined,
  value: (name: string) => string | undefined,
  env: Record<string, string | undefined>,
): string | undefined {
  const rule = WRITES_BY_DEFAULT[manifest.name];
  // Inside a workflow step the working directory is the runner's checkout: the default is right.
  if (!rule || env['GITHUB_ACTIONS'] === 'true' || explicit(rule.input) !== undefined) return undefined;
  if (!rule.writes(value)) return undefined;
  return `${manifest.name} would write its ${rule.input} (default ${String(manifest.inputs[rule.input]?.default)}) into this directory; outside a workflow there is no default: ${rule.instead}`;
}
