/**
 * Whether a path stays inside the workspace. Every file an action reads comes from the job's
 * workspace, and a path that leaves it — an input like `/etc/passwd` or `../..`, or a committed
 * symlink pointing outside — is refused before anything is read, so no byte of an outside file
 * can reach a message.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
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

export type WorkspaceRead = { ok: true; text: string } | { ok: false; why: string };

/** Largest file an action reads from the workspace unless the caller says otherwise. */
export const MAX_WORKSPACE_FILE_BYTES = 16 * 1024 * 1024;

export interface WorkspaceReadOptions {
  maxBytes?: number;
  /**
   * The caller listed it as a regular file (not a symlink) of a directory already checked to be
   * inside the workspace, so resolving it again (a realpath per file, the biggest cost of a
   * 346-migration catalog-gate run) is skipped.
   */
  plainFileInCheckedDir?: boolean;
}

/**
 * Reads a workspace file as UTF-8, or says why not: it resolves outside the workspace (a committed
 * symlink to /etc/passwd, /proc/self/environ or /dev/zero is never opened), it is not a regular
 * file (a FIFO or device is opened non-blocking and refused, never read), or it is over the size
 * limit. Synchronous on purpose: awaiting hundreds of small reads through libuv's thread pool left
 * catalog-gate idle for a third of its run.
 */
export async function readWorkspaceFile(
  workspace: string,
  path: string,
  options: WorkspaceReadOptions = {},
): Promise<WorkspaceRead> {
  const maxBytes = options.maxBytes ?? MAX_WORKSPACE_FILE_BYTES;
  const outside = options.plainFileInCheckedDir ? undefined : await outsideWorkspace(workspace, path);
  if (outside)
    return {
      ok: false,
      why: `refused to read ${path}: ${outside}; only files of the repository are read`,
    };
  let fd: number | undefined;
  try {
    fd = openSync(isAbsolute(path) ? path : join(workspace, path), constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (info.isDirectory()) return { ok: false, why: `${path}: is a directory, not a file` };
    if (!info.isFile()) return { ok: false, why: `${path}: is not a regular file` };
    if (info.size > maxBytes)
      return { ok: false, why: `${path} is ${info.size} bytes, over the ${maxBytes}-byte limit` };
    const buffer = readFileSync(fd);
    // It may have grown since fstat.
    if (buffer.length > maxBytes)
      return { ok: false, why: `${path} is ${buffer.length} bytes, over the ${maxBytes}-byte limit` };
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
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
