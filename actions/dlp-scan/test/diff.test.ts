// The diff and log parsers over hand-written git output: only added lines survive, with their
// new-file line numbers, and content that looks like a header stays content.
import { expect, test } from '@jest/globals';

import {
  addedCount,
  logDelimiters,
  logFormat,
  parseLog,
  parseUnifiedDiff,
  unquoteGitPath,
} from '../src/diff.ts';

const text = (files: ReturnType<typeof parseUnifiedDiff>) =>
  files.map((f) => ({
    path: f.path,
    binary: f.binary,
    lines: f.lines,
    content: f.content.map((c) => c.toString('utf8')),
  }));

test('added lines keep their new-file numbers across hunks; removed lines are dropped', () => {
  const out = Buffer.from(
    [
      'diff --git a/src/app.ts b/src/app.ts',
      'index 1111111..2222222 100644',
      '--- a/src/app.ts',
      '+++ b/src/app.ts',
      '@@ -3 +3 @@ header context',
      '-old three',
      '+new three',
      '@@ -10,0 +11,2 @@',
      '+eleven',
      '+twelve',
      '@@ -20,2 +22 @@',
      '-a',
      '-b',
      '+twenty-two',
      '',
    ].join('\n'),
  );
  expect(text(parseUnifiedDiff(out))).toStrictEqual([
    {
      path: 'src/app.ts',
      binary: false,
      lines: [3, 11, 12, 22],
      content: ['new three', 'eleven', 'twelve', 'twenty-two'],
    },
  ]);
});

test('an added line that reads like a header is content, because hunk lengths say so', () => {
  const out = Buffer.from(
    [
      'diff --git a/x b/x',
      '--- a/x',
      '+++ b/x',
      '@@ -0,0 +1,3 @@',
      '+++ b/evil',
      '+diff --git a/y b/y',
      '+@@ -1 +1 @@',
      'diff --git a/z b/z',
      '--- /dev/null',
      '+++ b/z',
      '@@ -0,0 +1 @@',
      '+zed',
      '',
    ].join('\n'),
  );
  expect(text(parseUnifiedDiff(out))).toStrictEqual([
    {
      path: 'x',
      binary: false,
      lines: [1, 2, 3],
      content: ['++ b/evil', 'diff --git a/y b/y', '@@ -1 +1 @@'],
    },
    { path: 'z', binary: false, lines: [1], content: ['zed'] },
  ]);
});

test('deleted files and pure renames add nothing; a rename with an edit reports the new path', () => {
  const out = Buffer.from(
    [
      'diff --git a/gone b/gone',
      'deleted file mode 100644',
      '--- a/gone',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      '-one',
      '-two',
      'diff --git a/old b/new',
      'similarity index 100%',
      'rename from old',
      'rename to new',
      'diff --git a/f "b/g h\\"q"',
      'similarity index 66%',
      'rename from f',
      'rename to "g h\\"q"',
      '--- a/f',
      '+++ "b/g h\\"q"\t',
      '@@ -2,0 +3 @@ b',
      '+c',
      '\\ No newline at end of file',
      '',
    ].join('\n'),
  );
  expect(text(parseUnifiedDiff(out))).toStrictEqual([
    { path: 'g h"q', binary: false, lines: [3], content: ['c'] },
  ]);
});

test('binary files are kept (to be counted) with their path', () => {
  const out = Buffer.from(
    [
      'diff --git a/img/logo.png b/img/logo.png',
      'new file mode 100644',
      'index 0000000..bdc955b',
      'Binary files /dev/null and b/img/logo.png differ',
      '',
    ].join('\n'),
  );
  expect(text(parseUnifiedDiff(out))).toStrictEqual([
    { path: 'img/logo.png', binary: true, lines: [], content: [] },
  ]);
});

test('invalid UTF-8 bytes are kept as bytes, and CRLF content keeps its CR', () => {
  const out = Buffer.concat([
    Buffer.from('diff --git a/b b/b\n--- /dev/null\n+++ b/b\n@@ -0,0 +1,2 @@\n+ok\r\n+bad '),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('\n'),
  ]);
  const [file] = parseUnifiedDiff(out);
  expect(file!.content.map((c) => [...c])).toStrictEqual([
    [...Buffer.from('ok\r')],
    [...Buffer.from('bad '), 0xff, 0xfe],
  ]);
});

test('git C-quoted paths: escapes, octal UTF-8 bytes', () => {
  expect(unquoteGitPath('"caf\\303\\251\\tx\\\\y"')).toBe('café\tx\\y');
  expect(unquoteGitPath('plain name')).toBe('plain name');
});

test('log records carry the commit fields gitleaks reports, and each commit its own files', () => {
  const d = logDelimiters('0123456789abcdef0123456789abcdef');
  const record = (sha: string, message: string, body: string) =>
    `${d.marker}${[sha, 'Dee', 'dee@users.noreply.github.com', '2026-11-01T12:00:00+02:00', '', message].map((f) => f + d.separator).join('')}\n\n${body}`;
  const out = Buffer.from(
    record(
      'a'.repeat(40),
      'second\n\nwith body\n',
      'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,0 +2 @@\n+two\n',
    ) +
      record(
        'b'.repeat(40),
        'first\n',
        'diff --git a/x b/x\nnew file mode 100644\n--- /dev/null\n+++ b/x\n@@ -0,0 +1 @@\n+one\n',
      ) +
      record('c'.repeat(40), 'merge', ''),
  );
  const commits = parseLog(out, d);
  expect(commits.map((c) => ({ ...c.commit, files: text(c.files) }))).toStrictEqual([
    {
      sha: 'a'.repeat(40),
      author: 'Dee',
      email: 'dee@users.noreply.github.com',
      date: '2026-11-01T10:00:00Z',
      message: 'second\n\nwith body',
      files: [{ path: 'x', binary: false, lines: [2], content: ['two'] }],
    },
    {
      sha: 'b'.repeat(40),
      author: 'Dee',
      email: 'dee@users.noreply.github.com',
      date: '2026-11-01T10:00:00Z',
      message: 'first',
      files: [{ path: 'x', binary: false, lines: [1], content: ['one'] }],
    },
    {
      sha: 'c'.repeat(40),
      author: 'Dee',
      email: 'dee@users.noreply.github.com',
      date: '2026-11-01T10:00:00Z',
      message: 'merge',
      files: [],
    },
  ]);
});

test('the log format is the delimiters around the fields gitleaks reports and the encoding header', () => {
  const d = logDelimiters('00112233445566778899aabbccddeeff');
  expect(logFormat(d)).toBe(
    [
      '%x1eSUMMIT-DLP-00112233445566778899aabbccddeeff%x1e',
      ...['%H', '%an', '%ae', '%aI', '%e', '%B'].map((f) => `${f}%x1f00112233445566778899aabbccddeeff%x1f`),
    ].join(''),
  );
  expect(() => logDelimiters('fixed')).toThrow(/16 or more lowercase hex digits/);
});

test('a commit cannot forge a record: fixed markers and 0x1f in names, messages or files are data; a short record throws', () => {
  const d = logDelimiters('fedcba9876543210fedcba9876543210');
  // What the old fixed format used as delimiters, written by the commit itself.
  const forged = '\x1eSUMMIT-DLP\x1f';
  const fields = (name: string, message: string) =>
    ['a'.repeat(40), name, 'e@example.com', '2026-11-01T12:00:00Z', '', message]
      .map((f) => f + d.separator)
      .join('');
  const patch = `diff --git a/k b/k\n--- a/k\n+++ b/k\n@@ -0,0 +1,2 @@\n+${forged}x\n+key line\n`;
  const out = Buffer.from(`${d.marker}${fields('a\x1fb', `msg ${forged}\x1f more`)}\n\n${patch}`);
  const [commit, ...rest] = parseLog(out, d);
  expect(rest).toStrictEqual([]);
  expect(commit?.commit.author).toBe('a\x1fb');
  expect(commit?.commit.message).toBe(`msg ${forged}\x1f more`);
  expect(text(commit!.files)).toStrictEqual([
    { path: 'k', binary: false, lines: [1, 2], content: [`${forged}x`, 'key line'] },
  ]);
  expect(() => parseLog(Buffer.from(`${d.marker}${'a'.repeat(40)}${d.separator}`), d)).toThrow(
    /1 of its 6 fields/,
  );
  expect(() => parseLog(Buffer.from('warning: something\n'), d)).toThrow(/before its first commit record/);
  expect(parseLog(Buffer.alloc(0), d)).toStrictEqual([]);
});

test('context lines are kept, marked, and numbered; a hunk of context and deletions alone adds nothing', () => {
  const out = Buffer.from(
    [
      'diff --git a/k.pem b/k.pem',
      '--- a/k.pem',
      '+++ b/k.pem',
      '@@ -1,3 +1,3 @@',
      ' BEGIN',
      '-old body',
      '+new body',
      ' END',
      'diff --git a/gone.txt b/gone.txt',
      '--- a/gone.txt',
      '+++ b/gone.txt',
      '@@ -1,2 +1,1 @@',
      ' kept',
      '-removed',
      '',
    ].join('\n'),
  );
  const files = parseUnifiedDiff(out);
  expect(files.map((f) => ({ path: f.path, lines: f.lines, context: [...(f.context ?? [])] }))).toStrictEqual(
    [{ path: 'k.pem', lines: [1, 2, 3], context: [1, 3] }],
  );
  expect(files[0]!.content.map(String)).toStrictEqual(['BEGIN', 'new body', 'END']);
  expect(addedCount(files[0]!)).toBe(1);
});
