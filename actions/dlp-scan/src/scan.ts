/**
 * Runs one scan: picks the source (tree walk, git diff, git log, stdin), hands each text to the
 * lib/dlp engine with the pack, allowlists and baseline, and maps positions back (diff and history
 * scan only the added lines, so their line numbers are translated to the new file's).
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  scanTextWithStats,
  type CommitInfo,
  type CompiledRulePackWithPrefilter,
  type DlpFinding,
  type SuppressionReason,
} from '../../../lib/dlp/index.ts';
import type { AddedFile } from './diff.ts';
import { addedLines, history, repoRoot } from './git.ts';
import { maskedPreview } from '../../../lib/redact.ts';
import { emptyStats, type ScanMode, type ScanStats } from './report.ts';
import { decodeUtf8, isInside, looksBinary, toWorkspacePath, walkTree } from './tree.ts';

export const STDIN_PATH = '<stdin>';
/** Where findings in a commit's message (history mode) are placed: not a file of the tree. */
export const COMMIT_MESSAGE_PATH = '<commit-message>';
/** Where findings in a commit's author name are placed. */
export const COMMIT_AUTHOR_PATH = '<commit-author>';

/**
 * History mode's commit fields in reports. `masked` (default): Email and Message become masked
 * previews (first 4 characters and the length), as any value is; `clear`: as git has them, minus
 * what the engine finds in them (registered with the redactor like every finding).
 */
export type CommitDetails = 'masked' | 'clear';

/** The commit as reports show it. Pure. */
export function commitForReport(commit: CommitInfo, details: CommitDetails): CommitInfo {
  if (details === 'clear') return commit;
  const out: CommitInfo = { ...commit };
  if (commit.email) out.email = maskedPreview(commit.email);
  if (commit.message) out.message = maskedPreview(commit.message);
  return out;
}

export interface ScanRequest {
  mode: ScanMode;
  workspace: string;
  /** Absolute path to scan (tree), or inside the repository to diff (diff, history); unused for stdin. */
  target: string;
  /** How the target is shown (the path input as given). */
  targetLabel: string;
  base?: string;
  head?: string;
  maxFileSize: number;
  rules: CompiledRulePackWithPrefilter;
  /** History mode: how reports show a commit's email and message; default `masked`. */
  commitDetails?: CommitDetails;
  baseline?: ReadonlySet<string>;
  readStdin?: () => Promise<Buffer>;
}

export interface ScanOutcome {
  findings: DlpFinding[];
  stats: ScanStats;
}

function addSuppressed(
  into: Record<SuppressionReason, number>,
  from: Record<SuppressionReason, number>,
): void {
  for (const key of Object.keys(from) as SuppressionReason[]) into[key] += from[key];
}

/**
 * The target, with every symlink on its way resolved, must be inside the workspace (also
 * resolved): comparing the text of the path would let `out/sub`, with `out -> ../elsewhere`, scan
 * (and report on) files outside it. Every mode but stdin: git runs in that directory too.
 */
export async function assertTargetInside(workspace: string, target: string, label: string): Promise<void> {
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    throw new Error(`path '${label}' does not exist in the workspace; check the path input`);
  }
  const workspaceReal = await realpath(workspace);
  if (!isInside(workspaceReal, real))
    throw new Error(
      `path '${label}' leads outside the workspace (${workspace}) through a symlink; scan a directory inside it`,
    );
}

export async function runScan(request: ScanRequest): Promise<ScanOutcome> {
  if (request.mode !== 'stdin')
    await assertTargetInside(request.workspace, request.target, request.targetLabel);
  switch (request.mode) {
    case 'tree':
      return scanTree(request);
    case 'stdin':
      return scanStdin(request);
    case 'diff':
    case 'history':
      return scanGit(request);
  }
}

function scanOne(
  request: ScanRequest,
  stats: ScanStats,
  findings: DlpFinding[],
  text: string,
  path: string,
  commit?: CommitInfo,
): DlpFinding[] {
  const options: Parameters<typeof scanTextWithStats>[1] = { path, rules: request.rules };
  if (request.baseline) options.baseline = request.baseline;
  if (commit) options.commit = commit;
  const result = scanTextWithStats(text, options);
  addSuppressed(stats.suppressed, result.suppressed);
  findings.push(...result.findings);
  return result.findings;
}

async function scanTree(request: ScanRequest): Promise<ScanOutcome> {
  const stats = emptyStats('tree', request.targetLabel);
  const findings: DlpFinding[] = [];
  const allowedPaths = request.rules.allowlist.paths;
  const ignorePath = (path: string): boolean => {
    if (!allowedPaths.some((glob) => glob.test(path))) return false;
    stats.suppressed.path++;
    return true;
  };
  const files = walkTree(
    request.target,
    {
      workspace: request.workspace,
      maxFileSize: request.maxFileSize,
      onExcludedDir: () => stats.excludedDirs++,
      ignorePath,
    },
    stats.skipped,
  );
  for await (const file of files) {
    stats.filesScanned++;
    stats.bytesScanned += file.bytes;
    if (file.invalidUtf8) stats.invalidUtf8.push(file.path);
    scanOne(request, stats, findings, file.text, file.path);
  }
  return { findings, stats };
}

async function scanStdin(request: ScanRequest): Promise<ScanOutcome> {
  const stats = emptyStats('stdin', 'standard input');
  const findings: DlpFinding[] = [];
  if (!request.readStdin)
    throw new Error("path '-' reads standard input, which this runner does not provide");
  const bytes = await request.readStdin();
  if (bytes.length > request.maxFileSize)
    stats.skipped.push({ path: STDIN_PATH, reason: 'oversized', size: bytes.length });
  else if (looksBinary(bytes)) stats.skipped.push({ path: STDIN_PATH, reason: 'binary', size: bytes.length });
  else {
    const { text, invalid } = decodeUtf8(bytes);
    if (invalid) stats.invalidUtf8.push(STDIN_PATH);
    stats.filesScanned = 1;
    stats.bytesScanned = bytes.length;
    scanOne(request, stats, findings, text, STDIN_PATH);
  }
  return { findings, stats };
}

/** Joins a file's added lines into one text; the scanner's line n is the new file's `lines[n-1]`. */
export function addedText(file: AddedFile): Buffer {
  const parts: Buffer[] = [];
  const newline = Buffer.from('\n');
  file.content.forEach((line, i) => {
    if (i > 0) parts.push(newline);
    parts.push(line);
  });
  return Buffer.concat(parts);
}

/** Translates positions of findings in `addedText(file)` to the new file's line numbers, in place (a copy would lose the value the redactor needs). */
export function mapAddedLines(findings: DlpFinding[], file: AddedFile): void {
  for (const f of findings) {
    f.line = file.lines[f.line - 1] ?? f.line;
    f.endLine = file.lines[f.endLine - 1] ?? f.endLine;
  }
}

async function scanGit(request: ScanRequest): Promise<ScanOutcome> {
  const info = await stat(request.target);
  // git runs in a directory; a file target becomes its directory plus a pathspec.
  const cwd = info.isDirectory() ? request.target : dirname(request.target);
  const pathspec = info.isDirectory() ? '.' : basename(request.target);
  const top = await repoRoot(cwd);
  const shown = (gitPath: string) => {
    const absolute = join(top, gitPath);
    return isInside(request.workspace, absolute) ? toWorkspacePath(request.workspace, absolute) : gitPath;
  };
  const findings: DlpFinding[] = [];
  const head = request.head || 'HEAD';
  if (request.mode === 'diff') {
    if (!request.base)
      throw new Error(
        "mode 'diff' needs a base commit: set the base input (only pull_request events provide one)",
      );
    const stats = emptyStats('diff', `${request.base}..${head}`);
    for (const file of await addedLines(cwd, request.base, head, pathspec))
      scanAdded(request, stats, findings, file, shown(file.path));
    return { findings, stats };
  }
  const stats = emptyStats('history', request.base ? `${request.base}..${head}` : head);
  const commits = await history(cwd, request.base, head, pathspec);
  stats.commitsScanned = commits.length;
  for (const { commit, files } of commits) {
    const shownCommit = commitForReport(commit, request.commitDetails ?? 'masked');
    // A commit message or an author name is text a person wrote: an SSN pasted into a message
    // is as much a leak as one in a file, and the report would otherwise carry it verbatim.
    scanOne(request, stats, findings, commit.message, COMMIT_MESSAGE_PATH, shownCommit);
    scanOne(request, stats, findings, commit.author, COMMIT_AUTHOR_PATH, shownCommit);
    for (const file of files) scanAdded(request, stats, findings, file, shown(file.path), shownCommit);
  }
  return { findings, stats };
}

function scanAdded(
  request: ScanRequest,
  stats: ScanStats,
  findings: DlpFinding[],
  file: AddedFile,
  path: string,
  commit?: CommitInfo,
): void {
  const where = commit ? `${path}@${commit.sha.slice(0, 12)}` : path;
  const inCommit = commit ? { detail: `added in commit ${commit.sha.slice(0, 12)}` } : {};
  if (file.binary) {
    stats.skipped.push({ path, reason: 'binary', ...inCommit });
    return;
  }
  const bytes = addedText(file);
  if (bytes.length > request.maxFileSize) {
    stats.skipped.push({ path, reason: 'oversized', size: bytes.length, ...inCommit });
    return;
  }
  const { text, invalid } = decodeUtf8(bytes);
  if (invalid) stats.invalidUtf8.push(where);
  stats.filesScanned++;
  stats.bytesScanned += bytes.length;
  mapAddedLines(scanOne(request, stats, findings, text, path, commit), file);
}
