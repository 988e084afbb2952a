/**
 * Every file the gate reads comes from the pull request's workspace. A path that leaves it — an
 * input like `catalog: /etc/passwd`, `../..`, or a committed symlink pointing outside — is refused
 * before anything is read, so no byte of an outside file can reach a message.
 */
import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

export type Read = { ok: true; text: string } | { ok: false; why: string };

/** Largest file the gate reads (catalog, SQL); beyond it a file is a finding, not a read. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

let workspaceReal: { dir: string; real: Promise<string> } | undefined;
async function realWorkspace(workspace: string): Promise<string> {
  if (workspaceReal?.dir !== workspace)
    workspaceReal = { dir: workspace, real: realpath(workspace).catch(() => workspace) };
  return workspaceReal.real;
}

/** Why `path` (workspace-relative or absolute) resolves outside the workspace, or undefined. */
export async function outsideWorkspace(workspace: string, path: string): Promise<string | undefined> {
  const root = await realWorkspace(workspace);
  const target = isAbsolute(path) ? path : join(workspace, path);
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    // A missing file is the caller's finding; only the lexical path can be checked.
    real = join(root, relative(workspace, target));
  }
  const rel = relative(root, real);
  if (rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))) return undefined;
  return real === target
    ? 'it is outside the workspace'
    : 'it is a symbolic link (or inside one) that resolves outside the workspace';
}

/**
 * Reads a workspace file as UTF-8, refusing one outside the workspace or over the size limit.
 * `plainFileInCheckedDir`: the caller listed it as a regular file (not a symlink) of a directory
 * already checked to be inside the workspace, so resolving it again (a realpath per file, the
 * biggest cost of a 346-migration run) is skipped.
 */
export async function readWorkspaceFile(
  workspace: string,
  path: string,
  plainFileInCheckedDir = false,
): Promise<Read> {
  const outside = plainFileInCheckedDir ? undefined : await outsideWorkspace(workspace, path);
  if (outside)
    return {
      ok: false,
      why: `refused to read ${path}: ${outside}; the gate reads only files of the repository`,
    };
  try {
    const buffer = await readFile(isAbsolute(path) ? path : join(workspace, path));
    if (buffer.length > MAX_FILE_BYTES)
      return { ok: false, why: `${path} is ${buffer.length} bytes, over the ${MAX_FILE_BYTES}-byte limit` };
    return { ok: true, text: buffer.toString('utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'not found'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'cannot be read (permission denied)'
            : `cannot be read (${code ?? (error as Error).message})`;
    return { ok: false, why: `${path}: ${why}` };
  }
}
