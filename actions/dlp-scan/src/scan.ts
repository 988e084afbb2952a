/**
 * Runs one scan: picks the source (tree walk, git diff, git log, stdin), hands each text to the
 * lib/dlp engine with the pack, allowlists and baseline, and maps positions back (diff and history
 * scan only the added lines, so their line numbers are translated to the new file's).
 */
import { access, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  MIN_UNITS_PER_LANE,
  scanFilesBudgeted,
  warmScanWorkers,
  type RuleBudgetExceeded,
  type ScanFileInput,
  type ScanFilesBudgetOptions,
  type CommitInfo,
  type CompiledRulePackWithPrefilter,
  type DlpFinding,
  type SuppressionReason,
} from '../../../lib/dlp/index.ts';
import { addedCount, type AddedFile } from './diff.ts';
import { addedLines, history, repoRoot } from './git.ts';
import { maskedPreview } from '../../../lib/redact.ts';
import { emptyStats, type ScanMode, type ScanStats } from './report.ts';
import { isInside, outsideWorkspace } from '../../../lib/workspace.ts';
import { decodeForScan } from './bytes.ts';
import { toWorkspacePath, walkTree, type SkippedFile } from './tree.ts';

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
  /** Tree mode: worker threads (lib/dlp/threads.ts); default 1. */
  threads?: number | 'auto';
  /** Per-file time budget of a pack with user rules (lib/dlp's `scanFilesBudgeted`); default there. */
  ruleBudgetMs?: number;
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
  try {
    await access(target);
  } catch {
    throw new Error(`path '${label}' does not exist in the workspace; check the path input`);
  }
  if (await outsideWorkspace(workspace, target))
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

/** A file whose user rules ran past their budget: reported like a skip, at the file. */
function budgetSkip(exceeded: RuleBudgetExceeded, commit?: CommitInfo): SkippedFile {
  const names: string[] = [];
  if (exceeded.ruleIds.length > 0)
    names.push(`rule(s) ${exceeded.ruleIds.map((id) => `'${id}'`).join(', ')}`);
  if (exceeded.allowlist) names.push("the rules file's allowlist regexes");
  const rules = names.join(' and ');
  const stopped = exceeded.unscanned
    ? `${rules} ran past the time budget (${exceeded.budgetMs.toLocaleString('en-US')} ms) on this file, and so did the rest of the pack without them: nothing was reported for it`
    : `${rules} ran past the time budget (${exceeded.budgetMs.toLocaleString('en-US')} ms) on this file and were stopped; the other rules ran`;
  return {
    path: exceeded.path,
    reason: 'rule-budget',
    detail: commit ? `${stopped} (added in commit ${commit.sha.slice(0, 12)})` : stopped,
  };
}

function scanOptions(request: ScanRequest): ScanFilesBudgetOptions {
  const options: ScanFilesBudgetOptions = { rules: request.rules };
  // Diff mode reads only added lines: a dlp:allow on one of them is the change's own say-so.
  if (request.mode === 'diff') options.inlineAllow = 'report';
  if (request.baseline) options.baseline = request.baseline;
  if (request.ruleBudgetMs !== undefined) options.budgetMs = request.ruleBudgetMs;
  return options;
}

async function scanOne(
  request: ScanRequest,
  stats: ScanStats,
  findings: DlpFinding[],
  text: string,
  path: string,
  commit?: CommitInfo,
): Promise<DlpFinding[]> {
  // The commit rides on the file, so a budget worker keeps one job (and one compiled pack) for all.
  const { results, exceeded } = await scanFilesBudgeted(
    [{ path, text, ...(commit ? { commit } : {}) }],
    scanOptions(request),
  );
  const result = results[0]!;
  for (const e of exceeded) stats.skipped.push(budgetSkip(e, commit));
  addSuppressed(stats.suppressed, result.suppressed);
  findings.push(...result.findings);
  return result.findings;
}

/** Text read ahead of scanning in tree mode: enough for every worker to get a fair share. */
const CHUNK_UNITS = 32 * 1024 * 1024;

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
  // Files are read in chunks and each chunk is scanned while nothing else is read: with workers,
  // the chunk is split among them; with one thread (or a small scan) it runs here.
  let chunk: ScanFileInput[] = [];
  let units = 0;
  let warmed = false;
  const flush = async () => {
    if (chunk.length === 0) return;
    const options = scanOptions(request);
    options.threads = request.threads ?? 1;
    const { results, exceeded } = await scanFilesBudgeted(chunk, options);
    for (const e of exceeded) stats.skipped.push(budgetSkip(e));
    for (const result of results) {
      addSuppressed(stats.suppressed, result.suppressed);
      findings.push(...result.findings);
    }
    chunk = [];
    units = 0;
  };
  for await (const file of files) {
    stats.filesScanned++;
    stats.bytesScanned += file.bytes;
    if (file.invalidUtf8) stats.invalidUtf8.push(file.path);
    chunk.push({ path: file.path, text: file.text });
    units += file.text.length;
    // Enough to share: the workers load while the rest of the tree is read.
    if (!warmed && request.threads !== 1 && units >= MIN_UNITS_PER_LANE) {
      warmed = true;
      warmScanWorkers(request.threads ?? 1);
    }
    if (units >= CHUNK_UNITS) await flush();
  }
  await flush();
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
  else {
    // Decoded as a file in any mode (bytes.ts): binary input is not skipped.
    const { text, invalidUtf8 } = decodeForScan(bytes);
    if (invalidUtf8) stats.invalidUtf8.push(STDIN_PATH);
    stats.filesScanned = 1;
    stats.bytesScanned = bytes.length;
    await scanOne(request, stats, findings, text, STDIN_PATH);
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

/** Bytes in runs of 8 or more non-space characters: what a binary file has worth reading. */
function printableBytes(bytes: Buffer): number {
  let total = 0;
  let run = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i]! : 0x20;
    if (b > 0x20 && b < 0x7f) run++;
    else {
      if (run >= 8) total += run;
      run = 0;
    }
  }
  return total;
}

/** Translates positions of findings in `addedText(file)` to the new file's line numbers, in place (a copy would lose the value the redactor needs). */
/**
 * Puts findings at their new-file lines and drops those that touch no added line (a value the
 * context lines hold on their own was there before the change).
 */
export function mapAddedLines(findings: DlpFinding[], file: AddedFile): DlpFinding[] {
  const kept: DlpFinding[] = [];
  for (const f of findings) {
    const first = f.line - 1;
    const last = f.endLine - 1;
    let touches = file.context === undefined;
    for (let i = first; !touches && i <= last && i < file.lines.length; i++)
      touches = !file.context!.has(file.lines[i]!);
    f.line = file.lines[first] ?? f.line;
    f.endLine = file.lines[last] ?? f.endLine;
    if (touches) kept.push(f);
  }
  return kept;
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
      await scanAdded(request, stats, findings, file, shown(file.path));
    return { findings, stats };
  }
  const stats = emptyStats('history', request.base ? `${request.base}..${head}` : head);
  const commits = await history(cwd, request.base, head, pathspec);
  stats.commitsScanned = commits.length;
  for (const { commit, files } of commits) {
    const shownCommit = commitForReport(commit, request.commitDetails ?? 'masked');
    // A commit message or an author name is text a person wrote: an SSN pasted into a message
    // is as much a leak as one in a file, and the report would otherwise carry it verbatim.
    await scanOne(request, stats, findings, commit.message, COMMIT_MESSAGE_PATH, shownCommit);
    await scanOne(request, stats, findings, commit.author, COMMIT_AUTHOR_PATH, shownCommit);
    for (const file of files) await scanAdded(request, stats, findings, file, shown(file.path), shownCommit);
  }
  return { findings, stats };
}

async function scanAdded(
  request: ScanRequest,
  stats: ScanStats,
  findings: DlpFinding[],
  file: AddedFile,
  path: string,
  commit?: CommitInfo,
): Promise<void> {
  const where = commit ? `${path}@${commit.sha.slice(0, 12)}` : path;
  const inCommit = commit ? { detail: `added in commit ${commit.sha.slice(0, 12)}` } : {};
  // As in tree mode: an allowlisted path (a directory of generated bundles) is neither read nor
  // reported as skipped, so a large bundle added by a pull request does not fail it as "oversized".
  if (request.rules.allowlist.paths.some((glob) => glob.test(path))) {
    stats.suppressed.path++;
    return;
  }
  // A binary file (a NUL in the added bytes) is decoded as in every mode (bytes.ts): UTF-16/32
  // text as text, anything else over its printable runs — a key beside a NUL byte is still a key.
  // Without any added line (git's "Binary files differ" without --text, kept for old output)
  // there is nothing to read.
  if (file.binary && addedCount(file) === 0) {
    stats.skipped.push({ path, reason: 'binary', ...inCommit });
    return;
  }
  const bytes = addedText(file);
  const { text, invalidUtf8, encoding } = decodeForScan(bytes, file.binary);
  // Binary content weighs what it has worth reading (its printable runs); text its bytes.
  if ((encoding === 'binary' ? printableBytes(bytes) : bytes.length) > request.maxFileSize) {
    stats.skipped.push({ path, reason: 'oversized', size: bytes.length, ...inCommit });
    return;
  }
  if (invalidUtf8) stats.invalidUtf8.push(where);
  stats.filesScanned++;
  stats.bytesScanned += bytes.length;
  const scanned = await scanOne(request, stats, [], text, path, commit);
  findings.push(...mapAddedLines(scanned, file));
}
