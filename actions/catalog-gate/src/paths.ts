/**
 * Every file the gate reads comes from the pull request's workspace (lib/workspace.ts refuses a
 * path that leaves it), and no file over the size limit is read.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { outsideWorkspace } from '../../../lib/workspace.ts';

export type Read = { ok: true; text: string } | { ok: false; why: string };

/** Largest file the gate reads (catalog, SQL); beyond it a file is a finding, not a read. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

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
  // Synchronous: a 346-migration run awaited 700 reads through libuv's thread pool and sat idle
  // for a third of its time (bench/catalog-gate). O_NONBLOCK: a FIFO in the tree must not block
  // the open; it is then refused as not a regular file.
  let fd: number | undefined;
  try {
    fd = openSync(isAbsolute(path) ? path : join(workspace, path), constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (info.isDirectory()) return { ok: false, why: `${path}: is a directory, not a file` };
    if (!info.isFile()) return { ok: false, why: `${path}: is not a regular file` };
    if (info.size > MAX_FILE_BYTES)
      return { ok: false, why: `${path} is ${info.size} bytes, over the ${MAX_FILE_BYTES}-byte limit` };
    const buffer = readFileSync(fd);
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
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
