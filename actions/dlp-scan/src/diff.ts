/**
 * Pure parsers for what the git adapter returns: `git diff --unified=3` and `git log -p` output,
 * as bytes. They keep the ADDED lines, each with its line number in the new file, because a
 * secret that a change removes or merely moves (a rename) is not something the change introduced,
 * and the context lines around them, marked as such: a value that spans lines (a PEM key whose
 * body a change replaces between unchanged BEGIN and END lines) is only whole with its context.
 * The scanner reports what touches an added line.
 * Content stays as bytes until the scanner decodes it per file, so invalid UTF-8 is counted per
 * file and a stray byte cannot shift the line numbers of another file.
 */

/** The added lines of one file in one diff (one commit in history mode). */
export interface AddedFile {
  /** Repository-relative path in the new tree, forward slashes. */
  path: string;
  /** New-file line number of each added line, ascending. */
  lines: number[];
  /** The added lines' bytes, without the leading `+` and the trailing newline. */
  content: Buffer[];
  /**
   * New-file line numbers (in `lines`) that are context, not added; absent when every line is
   * added. Context is read with the added lines, and a finding counts only where it touches an
   * added line.
   */
  context?: Set<number>;
  /**
   * The added bytes hold a NUL (git's own test, applied to the content here: the diff runs with
   * `--text`, so the repository's .gitattributes cannot declare a text file binary). Such a file
   * is still scanned, over its printable runs.
   */
  binary: boolean;
}

export interface CommitMeta {
  sha: string;
  author: string;
  email: string;
  date: string;
  message: string;
}

export interface CommitPatch {
  commit: CommitMeta;
  files: AddedFile[];
}

const NL = 0x0a;

/** Splits a buffer at `\n` (a trailing newline does not make an empty last line). */
export function splitLines(buffer: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = buffer.indexOf(NL); i !== -1; i = buffer.indexOf(NL, start)) {
    lines.push(buffer.subarray(start, i));
    start = i + 1;
  }
  if (start < buffer.length) lines.push(buffer.subarray(start));
  return lines;
}

/**
 * Git's C-style quoting of unusual paths (`"a\"b\tc\303\251"`): backslash escapes and octal bytes,
 * which together spell UTF-8. A path that is not quoted is returned as it is.
 */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const bytes: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  const inner = text.slice(1, -1);
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = inner[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(inner.slice(i + 1))![0];
      bytes.push(parseInt(octal, 8));
      i += octal.length;
    } else if (next in simple) {
      bytes.push(simple[next]!);
      i++;
    } else {
      bytes.push(92);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** `+++ b/x`, `rename to x`: strips the `b/` prefix, quotes, and the tab git appends to names with spaces. */
function pathAfter(text: string, prefix: string): string {
  const unquoted = unquoteGitPath(text.replace(/\t$/, ''));
  return unquoted.startsWith(prefix) ? unquoted.slice(prefix.length) : unquoted;
}

/** The new-side path from `diff --git a/x b/y` (used when no `+++` line follows: binary files, mode changes). */
function pathFromHeader(header: string): string {
  const rest = header.slice('diff --git '.length);
  if (rest.endsWith('"')) {
    const open = rest.lastIndexOf(' "');
    if (open !== -1) return pathAfter(rest.slice(open + 1), 'b/');
  }
  const at = rest.lastIndexOf(' b/');
  return at === -1 ? rest : rest.slice(at + 3);
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Parses `git diff --unified=N --src-prefix=a/ --dst-prefix=b/` output (one commit's patch in
 * history mode). Hunk lengths from the `@@` header decide which lines are content, so an added line
 * that reads `++ x` or `diff --git` is not mistaken for a header.
 */
export function parseUnifiedDiff(output: Buffer): AddedFile[] {
  const files: AddedFile[] = [];
  let current: AddedFile | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  let newLine = 0;
  for (const raw of splitLines(output)) {
    if (current && (oldLeft > 0 || newLeft > 0)) {
      const mark = raw[0];
      if (mark === 0x2b /* + */) {
        current.lines.push(newLine++);
        current.content.push(raw.subarray(1));
        newLeft--;
        continue;
      }
      if (mark === 0x2d /* - */) {
        oldLeft--;
        continue;
      }
      if (mark === 0x20 /* context */) {
        (current.context ??= new Set()).add(newLine);
        current.lines.push(newLine++);
        current.content.push(raw.subarray(1));
        oldLeft--;
        newLeft--;
        continue;
      }
      if (mark === 0x5c /* \ No newline at end of file */) continue;
      // Anything else ends the hunk early (a truncated patch); read it as a header.
      oldLeft = newLeft = 0;
    }
    if (raw[0] === 0x5c) continue;
    const line = raw.toString('utf8');
    if (line.startsWith('diff --git ')) {
      current = { path: pathFromHeader(line), lines: [], content: [], binary: false };
      files.push(current);
      continue;
    }
    if (!current) continue;
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      if (target !== '/dev/null') current.path = pathAfter(target, 'b/');
    } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
      current.path = pathAfter(line.slice(line.indexOf(' to ') + 4), '');
    } else if (line.startsWith('Binary files ') && line.endsWith(' differ')) {
      current.binary = true;
    } else {
      const hunk = HUNK.exec(line);
      if (hunk) {
        oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
        newLine = Number(hunk[2]);
        newLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
      }
    }
  }
  for (const file of files) if (!file.binary) file.binary = file.content.some((line) => line.includes(0));
  // Deletions and pure renames add nothing (context alone is not a change); keep binary files so
  // they are counted.
  return files.filter((f) => f.binary || addedCount(f) > 0);
}

/** How many of the file's lines the change adds. */
export function addedCount(file: AddedFile): number {
  return file.lines.length - (file.context?.size ?? 0);
}

/**
 * The delimiters of one `git log` run. File content, commit messages and author names are the
 * pull request's to write, and git passes any byte through (0x1e, 0x1f, a fixed marker string):
 * a fixed delimiter would let a commit open a fake record and hide the rest of itself. A random
 * nonce per run cannot be guessed by whoever wrote the commits.
 */
export interface LogDelimiters {
  /** Opens each commit's record. */
  marker: string;
  /** Ends each of the record's header fields. */
  separator: string;
}

export function logDelimiters(nonce: string): LogDelimiters {
  if (!/^[0-9a-f]{16,}$/.test(nonce))
    throw new Error('the log nonce must be 16 or more lowercase hex digits');
  return { marker: `\x1eSUMMIT-DLP-${nonce}\x1e`, separator: `\x1f${nonce}\x1f` };
}

/** The header fields of each record, in order (%e: the commit's `encoding` header, when it has one). */
const LOG_FIELDS = ['%H', '%an', '%ae', '%aI', '%e', '%B'] as const;

/** `git log --format` that heads each commit's patch with the marker and the gitleaks fields. */
export function logFormat({ marker, separator }: LogDelimiters): string {
  const escape = (text: string) => text.replace(/\x1e/g, '%x1e').replace(/\x1f/g, '%x1f');
  return escape(marker) + LOG_FIELDS.map((field) => field + escape(separator)).join('');
}

export interface LoggedCommit extends CommitPatch {
  /** The `encoding` header git re-encoded the message from ('' when none: UTF-8). */
  encoding: string;
}

/**
 * Parses `git log -p --format=logFormat(delimiters)` output into commits with their added lines.
 * A record without all its fields cannot come from that format: it throws rather than drop the
 * commit's patch.
 */
export function parseLog(output: Buffer, delimiters: LogDelimiters): LoggedCommit[] {
  const marker = Buffer.from(delimiters.marker, 'latin1');
  const separator = Buffer.from(delimiters.separator, 'latin1');
  const commits: LoggedCommit[] = [];
  let at = output.indexOf(marker);
  if (at > 0 || (at === -1 && output.length > 0))
    throw new Error('git log printed text before its first commit record');
  while (at !== -1) {
    const next = output.indexOf(marker, at + marker.length);
    const record = output.subarray(at + marker.length, next === -1 ? output.length : next);
    at = next;
    const fields: string[] = [];
    let start = 0;
    for (let n = 0; n < LOG_FIELDS.length; n++) {
      const end = record.indexOf(separator, start);
      if (end === -1) throw new Error(`a git log record has ${n} of its ${LOG_FIELDS.length} fields`);
      fields.push(record.subarray(start, end).toString('utf8'));
      start = end + separator.length;
    }
    const [sha, author, email, date, encoding, message] = fields as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    commits.push({
      commit: { sha, author, email, date: utcDate(date), message: message.trim() },
      encoding,
      files: parseUnifiedDiff(record.subarray(start)),
    });
  }
  return commits;
}

/** git's `%aI` (author's offset) as gitleaks writes Date: RFC 3339 in UTC, whole seconds. */
export function utcDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
