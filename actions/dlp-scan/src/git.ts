/**
 * The git adapter: `git` run through @actions/exec (an argument array, no shell), output
 * kept as bytes. Revisions from inputs are resolved to commit ids before any diff or log runs, so
 * a user value never reaches git as an option and a missing commit is named in plain words.
 */
import * as exec from '@actions/exec';
import { randomBytes } from 'node:crypto';
import {
  logDelimiters,
  logFormat,
  parseLog,
  parseUnifiedDiff,
  type AddedFile,
  type CommitPatch,
} from './diff.ts';
import { decodeUtf8 } from './bytes.ts';

/** A git failure with the words to show a user; never a stack trace. */
export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

// Settings that change git's output format are pinned here, whatever the user's git config says.
const PINNED = [
  '-c',
  'core.quotePath=false',
  '-c',
  'color.ui=never',
  '-c',
  'diff.noprefix=false',
  '-c',
  'diff.mnemonicPrefix=false',
  '-c',
  'log.showSignature=false',
];
// `--text`: the repository's .gitattributes (`* binary`, `f -diff`) must not decide what is shown —
// a pull request could add one to hide the key it adds. Binary-ness is decided from the bytes
// (diff.ts), and even then the printable runs are scanned.
const PATCH_OPTIONS = [
  '--text',
  '--no-color',
  // Context: a value spanning lines needs the unchanged ones around what changed (diff.ts).
  '--unified=3',
  '--find-renames',
  '--no-ext-diff',
  '--no-textconv',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git in `cwd`; resolves with the exit code (never throws for a non-zero exit). */
export async function runGit(args: readonly string[], cwd: string): Promise<GitResult> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let code: number;
  try {
    code = await exec.exec('git', [...PINNED, ...args], {
      cwd,
      silent: true,
      ignoreReturnCode: true,
      // Bytes, not lines: a diff may hold any bytes, and only the caller knows how to decode them.
      listeners: { stdout: (chunk: Buffer) => out.push(chunk), stderr: (chunk: Buffer) => err.push(chunk) },
      // No pager, no prompt for credentials, no locale-dependent messages to parse.
      env: {
        ...(process.env as Record<string, string>),
        GIT_PAGER: 'cat',
        GIT_TERMINAL_PROMPT: '0',
        LC_ALL: 'C',
      },
    });
  } catch (error) {
    // @actions/exec looks the tool up on PATH first and says "Unable to locate executable file".
    throw new GitError(
      /Unable to locate executable file|ENOENT/.test((error as Error).message)
        ? 'git is not installed or not on PATH; diff and history modes need it (tree mode does not)'
        : `cannot run git: ${(error as Error).message}`,
    );
  }
  return { code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') };
}

async function gitOk(args: readonly string[], cwd: string, what: string): Promise<Buffer> {
  const result = await runGit(args, cwd);
  if (result.code !== 0)
    throw new GitError(`${what} failed: ${firstLines(result.stderr) || `git exited with ${result.code}`}`);
  return result.stdout;
}

function firstLines(text: string): string {
  return text.trim().split('\n').slice(0, 3).join(' ').trim();
}

/** The repository's top directory, or a clear error when `dir` is not in a git work tree. */
export async function repoRoot(dir: string): Promise<string> {
  const result = await runGit(['rev-parse', '--show-toplevel'], dir);
  if (result.code !== 0) {
    throw new GitError(
      `'${dir}' is not inside a git repository (${firstLines(result.stderr)}); diff and history modes need a git checkout, or use mode: tree`,
    );
  }
  return result.stdout.toString('utf8').trim();
}

/** A commit id for `rev`, or undefined when it names no commit here. */
export async function resolveCommit(dir: string, rev: string): Promise<string | undefined> {
  // A revision that starts with '-' would be read as an option; no real revision does.
  if (rev === '' || rev.startsWith('-')) return undefined;
  const result = await runGit(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], dir);
  return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

async function isShallow(dir: string): Promise<boolean> {
  const result = await runGit(['rev-parse', '--is-shallow-repository'], dir);
  return result.stdout.toString('utf8').trim() === 'true';
}

/** Resolves both ends of a range; the error names the range, the missing end and what to do. */
export async function resolveRange(
  dir: string,
  base: string | undefined,
  head: string,
): Promise<{ base: string | undefined; head: string }> {
  const range = base ? `${base}..${head}` : head;
  const missing: string[] = [];
  const baseId = base ? await resolveCommit(dir, base) : undefined;
  if (base && !baseId) missing.push(`base '${base}'`);
  const headId = await resolveCommit(dir, head);
  if (!headId) missing.push(`head '${head}'`);
  if (missing.length > 0) {
    const hint = (await isShallow(dir))
      ? 'this is a shallow clone: check out with fetch-depth: 0 (actions/checkout) so both commits are present'
      : 'check the base and head inputs, and that the commits were fetched';
    throw new GitError(
      `git range '${range}' does not exist: ${missing.join(' and ')} ${missing.length > 1 ? 'are not commits' : 'is not a commit'} in this repository; ${hint}`,
    );
  }
  return { base: baseId, head: headId! };
}

/**
 * Lines added from `base` to `head`, diffed from their merge base as a pull request shows them:
 * a line the base branch changed after the fork is not the pull request's doing.
 */
export async function addedLines(
  dir: string,
  base: string,
  head: string,
  pathspec = '.',
): Promise<AddedFile[]> {
  const { base: baseId, head: headId } = await resolveRange(dir, base, head);
  const from = await mergeBaseOf(dir, baseId!, headId);
  const out = await gitOk(
    ['diff', ...PATCH_OPTIONS, from, headId, '--', pathspec],
    dir,
    `git diff ${base}..${head}`,
  );
  return parseUnifiedDiff(out);
}

/** Every commit of the range with its added lines and the gitleaks commit fields. */
export async function history(
  dir: string,
  base: string | undefined,
  head: string,
  pathspec = '.',
): Promise<CommitPatch[]> {
  const { base: baseId, head: headId } = await resolveRange(dir, base, head);
  const range = baseId ? `${baseId}..${headId}` : headId;
  // `git log -p` shows no patch for a merge, so a key typed into a conflict resolution (or an
  // "evil" merge) would never be seen. remerge-diff (git 2.36+) shows exactly what the merge
  // commit itself introduced against git's own re-merge of its parents; the parents' changes are
  // scanned in their own commits. (`-m`/`--first-parent` would either rescan every merged change
  // per parent or credit the whole branch to the merge and skip the branch's own commits.)
  const delimiters = logDelimiters(randomBytes(16).toString('hex'));
  const result = await runGit(
    [
      'log',
      '-p',
      '--diff-merges=remerge',
      ...PATCH_OPTIONS,
      `--format=${logFormat(delimiters)}`,
      range,
      '--',
      pathspec,
    ],
    dir,
  );
  if (result.code !== 0) {
    const stderr = firstLines(result.stderr);
    if (/diff-merges|remerge/.test(stderr))
      throw new GitError(
        `git log --diff-merges=remerge failed (${stderr}); history mode needs git 2.36 or later to see what merge commits add: update git on the runner`,
      );
    throw new GitError(
      `git log ${base ? `${base}..` : ''}${head} failed: ${stderr || `git exited with ${result.code}`}`,
    );
  }
  let commits;
  try {
    commits = parseLog(result.stdout, delimiters);
  } catch (error) {
    throw new GitError(`git log ${range} could not be read: ${(error as Error).message}`);
  }
  for (const { commit, encoding } of commits) {
    // git log re-encodes a message from its `encoding` header (IBM037, UTF-16…); the bytes the
    // commit holds, which `git cat-file -p` and every clone show, are scanned too.
    if (encoding === '' || /^utf-?8$/i.test(encoding)) continue;
    const raw = await gitOk(['cat-file', 'commit', commit.sha], dir, `git cat-file commit ${commit.sha}`);
    const body = raw.indexOf('\n\n');
    if (body !== -1) commit.message += `\n${decodeUtf8(raw.subarray(body + 2)).text.trim()}`;
  }
  return commits.map(({ commit, files }) => ({ commit, files }));
}

/**
 * A file's bytes at a commit (`git show <commit>:<path>`, execFile, no shell), or undefined when
 * the commit has no such file. `path` is repository-relative with forward slashes.
 */
export async function showFile(dir: string, commit: string, path: string): Promise<Buffer | undefined> {
  const result = await runGit(['cat-file', 'blob', `${commit}:${path}`], dir);
  return result.code === 0 ? result.stdout : undefined;
}

export interface TreeEntry {
  /** Git's file mode: 100644, 100755, 120000 (a symlink), 160000 (a submodule), 040000 (a tree). */
  mode: string;
  type: string;
  id: string;
}

/**
 * The tree entry of `path` at `commit`, or undefined when the commit has none. Unlike
 * `commit:path`, it tells a symlink (mode 120000, whose blob is the link target) from a file.
 */
export async function entryAt(dir: string, commit: string, path: string): Promise<TreeEntry | undefined> {
  const result = await runGit(['ls-tree', '-z', '--full-tree', commit, '--', path], dir);
  if (result.code !== 0) return undefined;
  const line = result.stdout.toString('utf8').split('\0')[0] ?? '';
  const m = /^(\d{6}) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(line);
  if (!m || m[4] !== path) return undefined;
  return { mode: m[1]!, type: m[2]!, id: m[3]! };
}

export const SYMLINK_MODE = '120000';

/** The blob id of `path` at `commit`, or undefined when the commit has no such file. */
export async function blobId(dir: string, commit: string, path: string): Promise<string | undefined> {
  const result = await runGit(['rev-parse', '--verify', '--quiet', `${commit}:${path}`], dir);
  return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

/** The merge base of two commits, or `base` itself when they share no history. */
export async function mergeBaseOf(dir: string, base: string, head: string): Promise<string> {
  const result = await runGit(['merge-base', base, head], dir);
  return result.code === 0 ? result.stdout.toString('utf8').trim() : base;
}
