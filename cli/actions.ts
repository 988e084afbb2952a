/**
 * Finds actions and what they declare: `actions/<name>/action.yml` for the help text and input
 * defaults, `actions/<name>/src/main.ts` for the definition the CLI runs.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { ActionDefinition } from '../lib/action.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

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

export async function importDefinition(manifest: ActionManifest): Promise<ActionDefinition> {
  const main = join(manifest.dir, 'src', 'main.ts');
  if (!existsSync(main))
    throw new Error(
      `${manifest.name}: ${main} not found; an action's src/main.ts must export its definition as default`,
    );
  const module = (await import(pathToFileURL(main).href)) as { default?: ActionDefinition };
  if (!module.default?.run)
    throw new Error(
      `${manifest.name}: src/main.ts has no default export with run(); export default defineAction({...})`,
    );
  return module.default;
}
