/**
 * Tree mode's file-system adapter: walks a directory and hands each text file to the scanner.
 * Skips `.git` and `node_modules`, files over the size limit (reported; a binary one only
 * counted), and symlinks that leave the workspace (never followed, reported). A binary file is
 * decoded as every mode decodes one (bytes.ts: UTF-16/32 text, or its printable runs). Invalid
 * UTF-8 is decoded with U+FFFD and counted, so one stray byte neither hides the
 * rest of the file nor stops the scan.
 */
// Synchronous on purpose: each file costs five file-system calls, and awaiting each one through
// libuv's thread pool left the scan idle for a fifth of its time (bench/dlp, 480 files). Nothing
// else runs on this thread meanwhile; worker threads scan what was already read.
import {
  closeSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isInside } from '../../../lib/workspace.ts';
import { BINARY_SNIFF_BYTES, decodeForScan, looksBinary } from './bytes.ts';

export const EXCLUDED_DIRS: ReadonlySet<string> = new Set(['.git', 'node_modules']);

export type SkipReason =
  | 'binary'
  | 'oversized'
  | 'symlink-outside'
  | 'symlink-broken'
  | 'symlink-dir'
  | 'symlink-duplicate'
  | 'unreadable'
  | 'special'
  /** Scanned, but a user rule ran past its time budget on it and was stopped there. */
  | 'rule-budget';

export interface SkippedFile {
  /** Workspace-relative, forward slashes. */
  path: string;
  reason: SkipReason;
  size?: number;
  detail?: string;
}

export interface TextFile {
  path: string;
  text: string;
  bytes: number;
  invalidUtf8: boolean;
}

export function toWorkspacePath(workspace: string, absolute: string): string {
  return relative(workspace, absolute).split(sep).join('/');
}

export interface WalkOptions {
  /** Absolute workspace path: symlinks may not leave it, paths are reported relative to it. */
  workspace: string;
  maxFileSize: number;
  /** Called once per directory skipped by name (counted in the summary). */
  onExcludedDir?: (path: string) => void;
  /**
   * Paths the pack's allowlist excludes: neither read nor reported as skipped (an allowlisted
   * directory of bundles would otherwise fill the summary with "oversized"). Called per file.
   */
  ignorePath?: (path: string) => boolean;
}

/** Yields text files under `root` (a directory or one file) in a stable order; `skipped` collects the rest. */
export async function* walkTree(
  root: string,
  options: WalkOptions,
  skipped: SkippedFile[],
): AsyncGenerator<TextFile> {
  const workspaceReal = realpathSync(options.workspace);
  const rootReal = realpathSync(root);
  const rel = (p: string) => toWorkspacePath(options.workspace, p);

  async function* visit(path: string): AsyncGenerator<TextFile> {
    let info;
    try {
      // The root itself may be a link (the caller checked that it resolves inside the workspace).
      info = path === root ? statSync(path) : lstatSync(path);
    } catch (error) {
      skipped.push({
        path: rel(path),
        reason: 'unreadable',
        detail: (error as NodeJS.ErrnoException).code ?? String(error),
      });
      return;
    }
    if (info.isDirectory()) {
      let entries: string[];
      try {
        entries = readdirSync(path).sort();
      } catch (error) {
        skipped.push({
          path: rel(path),
          reason: 'unreadable',
          detail: (error as NodeJS.ErrnoException).code ?? String(error),
        });
        return;
      }
      for (const name of entries) {
        if (EXCLUDED_DIRS.has(name)) {
          options.onExcludedDir?.(rel(join(path, name)));
          continue;
        }
        yield* visit(join(path, name));
      }
      return;
    }
    if (info.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(path);
      } catch {
        skipped.push({ path: rel(path), reason: 'symlink-broken' });
        return;
      }
      if (!isInside(workspaceReal, target)) {
        skipped.push({
          path: rel(path),
          reason: 'symlink-outside',
          detail: 'points outside the workspace; not followed',
        });
        return;
      }
      const targetInfo = statSync(target);
      // Directories behind links are not entered (cycles, double counting); files the walk reaches
      // anyway are scanned once, at their own path.
      if (targetInfo.isDirectory()) {
        skipped.push({ path: rel(path), reason: 'symlink-dir' });
        return;
      }
      if (isInside(rootReal, target)) {
        skipped.push({ path: rel(path), reason: 'symlink-duplicate' });
        return;
      }
      yield* readText(target, rel(path), targetInfo.size);
      return;
    }
    if (!info.isFile()) {
      skipped.push({ path: rel(path), reason: 'special' });
      return;
    }
    yield* readText(path, rel(path), info.size);
  }

  async function* readText(file: string, shownAs: string, size: number): AsyncGenerator<TextFile> {
    if (options.ignorePath?.(shownAs)) return;
    let bytes: Buffer;
    let binary: boolean;
    try {
      // Sniff first: a binary over the limit (an image, an archive) is counted as binary, not
      // reported as oversized, and never read whole.
      const fd = openSync(file, 'r');
      try {
        const head = Buffer.alloc(Math.min(size, BINARY_SNIFF_BYTES));
        readSync(fd, head, 0, head.length, 0);
        binary = looksBinary(head);
      } finally {
        closeSync(fd);
      }
      if (size > options.maxFileSize) {
        skipped.push({ path: shownAs, reason: binary ? 'binary' : 'oversized', size });
        return;
      }
      bytes = readFileSync(file);
    } catch (error) {
      skipped.push({
        path: shownAs,
        reason: 'unreadable',
        detail: (error as NodeJS.ErrnoException).code ?? String(error),
      });
      return;
    }
    const { text, invalidUtf8 } = decodeForScan(bytes, binary);
    yield { path: shownAs, text, bytes: bytes.length, invalidUtf8 };
  }

  yield* visit(root);
}
