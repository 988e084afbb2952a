/**
 * Whether a path stays inside the workspace. Every file an action reads comes from the job's
 * workspace, and a path that leaves it — an input like `/etc/passwd` or `../..`, or a committed
 * symlink pointing outside — is refused before anything is read, so no byte of an outside file
 * can reach a message.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

/** Whether `child` is `parent` or below it, comparing the paths as written (no link is followed). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

let workspaceReal: { dir: string; real: Promise<string> } | undefined;

async function realWorkspace(workspace: string): Promise<string> {
  if (workspaceReal?.dir !== workspace)
    workspaceReal = { dir: workspace, real: realpath(workspace).catch(() => workspace) };
  return workspaceReal.real;
}

/**
 * Why `path` (workspace-relative or absolute) resolves outside the workspace once every symlink on
 * its way is followed, or undefined when it stays inside. A missing file is checked lexically (its
 * absence is the caller's finding).
 */
export async function outsideWorkspace(workspace: string, path: string): Promise<string | undefined> {
  const root = await realWorkspace(workspace);
  const target = isAbsolute(path) ? path : join(workspace, path);
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    real = join(root, relative(workspace, target));
  }
  if (isInside(root, real)) return undefined;
  return real === target
    ? 'it is outside the workspace'
    : 'it is a symbolic link (or inside one) that resolves outside the workspace';
}
