// The git adapters against real repositories built in temp directories: diff mode sees only what
// a change adds (at the new file's line numbers), history mode attaches the commit, and a range
// that does not exist is one clear sentence.
import { expect, test } from '@jest/globals';
import { expectNoLeak } from '../../../test/support/leak.ts';
import { rejectionOf } from '../../../test/support/errors.ts';

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import {
  defaultRulePack,
  gitleaksReport,
  loadRulePackOverride,
  registerSecrets,
} from '../../../lib/dlp/index.ts';
import { seededRng, synth } from '../../../lib/dlp/synth.ts';
import { Redactor } from '../../../lib/redact.ts';
import { findingAnnotation } from '../src/report.ts';
import { GitError, addedLines, resolveRange, runGit } from '../src/git.ts';
import { runScan, type ScanRequest } from '../src/scan.ts';
import { assertAbsent, commit, git, initRepo, plant, tempDir } from './fixtures.ts';

const redactorFor = () => new Redactor();

const rules = defaultRulePack();
const request = (repo: string, extra: Partial<ScanRequest>): ScanRequest => ({
  mode: 'diff',
  workspace: repo,
  target: repo,
  targetLabel: '.',
  maxFileSize: 1024 * 1024,
  rules,
  ...extra,
});

test('diff mode reports only added lines, at their new-file line and column; renames and deletions add nothing', async () => {
  const p = plant(11);
  const q = plant(12);
  const repo = await initRepo();
  const base = await commit(
    repo,
    { 'app.ts': `one\n${p.aws.line}\nthree\n`, 'old.env': `${q.aws.line}\n`, 'drop.txt': `${q.card.line}\n` },
    'base',
  );
  await git(repo, 'mv', 'old.env', 'renamed.env');
  await git(repo, 'rm', '-q', 'drop.txt');
  const head = await commit(
    repo,
    { 'app.ts': `one\n${p.aws.line}\nthree\nfour\n    ${p.github.line}\n` },
    'head',
  );
  const { findings, stats } = await runScan(request(repo, { base, head }));
  expect(findings.map((f) => `${f.ruleId} ${f.path}:${f.line}:${f.column}`)).toStrictEqual([
    `github-token app.ts:5:${4 + p.github.line.indexOf(p.github.value) + 1}`,
  ]);
  expect(stats.filesScanned).toBe(1);
});

test('diff mode compares from the merge base: what the base branch did after the fork is not reported', async () => {
  const p = plant(21);
  const repo = await initRepo();
  await commit(repo, { 'a.txt': 'start\n' }, 'root');
  await git(repo, 'checkout', '-q', '-b', 'feature');
  const head = await commit(repo, { 'b.txt': `${p.github.line}\n` }, 'feature adds a token');
  await git(repo, 'checkout', '-q', 'main');
  const base = await commit(repo, { 'a.txt': `start\n${p.aws.line}\n` }, 'main moves on');
  const { findings } = await runScan(request(repo, { base, head }));
  expect(findings.map((f) => `${f.ruleId} ${f.path}:${f.line}`)).toStrictEqual(['github-token b.txt:1']);
});

test('history mode: every commit of the range, with commit, author, email, date and message in the gitleaks report', async () => {
  const p = plant(31);
  const repo = await initRepo();
  const first = await commit(repo, { 'README.md': 'hello\n' }, 'docs', '2026-11-01T10:00:00Z');
  const second = await commit(
    repo,
    { 'config/.env': `${p.aws.line}\n` },
    'add env\n\nby mistake',
    '2026-11-02T10:00:00Z',
  );
  const third = await commit(
    repo,
    { 'config/.env': '# removed\n', 'src/x.ts': `\n\n${p.github.line}\n` },
    'remove env, add client',
    '2026-11-03T10:00:00Z',
  );
  const all = await runScan(request(repo, { mode: 'history', head: third, commitDetails: 'clear' }));
  expect(all.stats.commitsScanned).toBe(3);
  const report = gitleaksReport(all.findings).map((e) => ({
    rule: e.RuleID,
    file: e.File,
    line: e.StartLine,
    commit: e.Commit,
    author: e.Author,
    email: e.Email,
    date: e.Date,
    message: e.Message,
  }));
  expect(report).toStrictEqual([
    {
      rule: 'github-token',
      file: 'src/x.ts',
      line: 3,
      commit: third,
      author: 'Dee Veloper',
      email: 'dee@users.noreply.github.com',
      date: '2026-11-03T10:00:00Z',
      message: 'remove env, add client',
    },
    {
      rule: 'aws-access-key-id',
      file: 'config/.env',
      line: 1,
      commit: second,
      author: 'Dee Veloper',
      email: 'dee@users.noreply.github.com',
      date: '2026-11-02T10:00:00Z',
      message: 'add env\n\nby mistake',
    },
  ]);
  const ranged = await runScan(request(repo, { mode: 'history', base: second, head: third }));
  expect(ranged.stats.commitsScanned).toBe(1);
  expect(ranged.findings.map((f) => f.ruleId)).toStrictEqual(['github-token']);
  expect(first).toBeTruthy();
});

test('history mode: a commit message is scanned; email and message are masked in every report by default', async () => {
  const ssn = synth.ssn(seededRng(41));
  const p = plant(41);
  const repo = await initRepo();
  const head = await commit(
    repo,
    { 'config/.env': `${p.aws.line}\n` },
    `refund for the customer\n\nSSN on file: ${ssn}\n`,
  );
  for (const details of ['masked', 'clear'] as const) {
    const sink = redactorFor();
    const { findings } = await runScan(request(repo, { mode: 'history', head, commitDetails: details }));
    expect(findings.map((f) => `${f.ruleId} ${f.path}:${f.line}`).sort()).toStrictEqual([
      'aws-access-key-id config/.env:1',
      'us-ssn <commit-message>:3',
    ]);
    registerSecrets(sink, findings);
    const report = JSON.stringify(sink.redactDeep(gitleaksReport(findings)));
    assertAbsent(report, [ssn, p.aws.value], `the gitleaks report (${details})`);
    const email = 'dee@users.noreply.github.com';
    if (details === 'masked') {
      expectNoLeak(report, email, 'the report (author email)');
      expectNoLeak(report, 'refund for the customer', 'the report (commit message)');
      expect(report).toContain(`"Email":"dee@…(${email.length})"`);
    } else {
      expect(report).toContain(email);
      expect(report).toContain('refund for the customer');
    }
    const annotation = findingAnnotation(findings.find((f) => f.ruleId === 'us-ssn')!);
    expect(annotation.file).toBe(undefined);
  }
});

test('history mode sees a secret that only a merge commit adds (a conflict resolution), once', async () => {
  const p = plant(51);
  const repo = await initRepo();
  await commit(repo, { 'app.env': 'MODE=dev\n' }, 'root');
  await git(repo, 'checkout', '-q', '-b', 'feature');
  const side = await commit(
    repo,
    { 'app.env': 'MODE=feature\n', 'side.txt': `${p.github.line}\n` },
    'feature',
  );
  await git(repo, 'checkout', '-q', 'main');
  await commit(repo, { 'app.env': 'MODE=main\n' }, 'main');
  try {
    await git(repo, 'merge', '-q', 'feature');
  } catch {
    // The conflict is the point: its resolution is where the key arrives.
  }
  const merge = await commit(repo, { 'app.env': `MODE=main\n${p.aws.line}\n` }, 'merge feature');
  expect((await git(repo, 'rev-list', '--parents', '-n', '1', merge)).split(' ').length).toBe(3);
  const { findings } = await runScan(request(repo, { mode: 'history', head: merge }));
  expect(findings.map((f) => `${f.ruleId} ${f.path}:${f.line} ${f.commit?.sha}`).sort()).toStrictEqual(
    [`aws-access-key-id app.env:2 ${merge}`, `github-token side.txt:1 ${side}`].sort(),
  );
});

test('a range that does not exist is named, with what to do; no stack trace in the message', async () => {
  const repo = await initRepo();
  await commit(repo, { 'a.txt': 'x\n' }, 'one');
  const error = await rejectionOf(runScan(request(repo, { base: 'nope', head: 'HEAD' })));
  expect(error).toBeInstanceOf(GitError);
  expect((error as GitError).message).toContain("git range 'nope..HEAD' does not exist");
  expect((error as GitError).message).toContain("base 'nope' is not a commit");
  expect((error as GitError).message).not.toMatch(/\n\s+at /);
  await expect(runScan(request(repo, { mode: 'history', base: 'HEAD', head: 'deadbeef' }))).rejects.toThrow(
    /git range 'HEAD\.\.deadbeef' does not exist: head 'deadbeef' is not a commit/,
  );
});

test('a shallow clone missing the base says to fetch with fetch-depth: 0', async () => {
  const origin = await initRepo();
  const old = await commit(origin, { 'a.txt': 'x\n' }, 'one');
  await commit(origin, { 'a.txt': 'y\n' }, 'two');
  const clone = join(await tempDir(), 'clone');
  await git(origin, 'clone', '-q', '--depth', '1', `file://${origin}`, clone);
  await expect(resolveRange(clone, old, 'HEAD')).rejects.toThrow(
    /shallow clone: check out with fetch-depth: 0/,
  );
});

test('a revision that looks like an option never reaches git as one', async () => {
  const repo = await initRepo();
  await commit(repo, { 'a.txt': 'x\n' }, 'one');
  const out = join(repo, 'written-by-git.txt');
  await expect(addedLines(repo, `--output=${out}`, 'HEAD')).rejects.toThrow(/is not a commit/);
  expect(existsSync(out)).toBe(false);
});

test('outside a git repository: a clear error that suggests tree mode', async () => {
  const dir = await tempDir();
  await expect(runScan(request(dir, { base: 'HEAD' }))).rejects.toThrow(
    /is not inside a git repository.*use mode: tree/,
  );
});

test('diff mode reads binary files over their printable runs and reports added content over max-file-size', async () => {
  const p = plant(41);
  const repo = await initRepo();
  const base = await commit(repo, { 'a.txt': 'x\n' }, 'one');
  const head = await commit(
    repo,
    {
      'logo.bin': Buffer.from([0, 1, 2, 3, 0]),
      'big.txt': `${'x'.repeat(2000)}\n${p.aws.line}\n`,
      'small.txt': `${p.github.line}\n`,
    },
    'two',
  );
  const { findings, stats } = await runScan(request(repo, { base, head, maxFileSize: 1000 }));
  expect(findings.map((f) => f.path)).toStrictEqual(['small.txt']);
  // A small binary file is read (printable runs only); nothing in it.
  expect(stats.skipped.map((s) => `${s.path}:${s.reason}`).sort()).toStrictEqual(['big.txt:oversized']);
});

test('diff mode on a subdirectory limits the diff to it and reports workspace-relative paths', async () => {
  const p = plant(51);
  const repo = await initRepo();
  const base = await commit(repo, { 'a.txt': 'x\n' }, 'one');
  const head = await commit(
    repo,
    { 'svc/api/key.txt': `${p.aws.line}\n`, 'other/key.txt': `${p.github.line}\n` },
    'two',
  );
  const { findings } = await runScan(request(repo, { target: join(repo, 'svc'), base, head }));
  expect(findings.map((f) => `${f.ruleId} ${f.path}`)).toStrictEqual(['aws-access-key-id svc/api/key.txt']);
});

test('without git on PATH: a clear error that says which modes need it', async () => {
  const saved = process.env['PATH'];
  process.env['PATH'] = await mkdtemp(join(tmpdir(), 'no-git-'));
  try {
    const error = await rejectionOf(runGit(['status'], tmpdir()));
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toBe(
      'git is not installed or not on PATH; diff and history modes need it (tree mode does not)',
    );
  } finally {
    process.env['PATH'] = saved;
  }
});

test('diff mode runs a user rule under the time budget too: stopped on the added file it runs over, named with it', async () => {
  const p = plant(14);
  const repo = await initRepo();
  const base = await commit(repo, { 'README.md': 'hello\n' }, 'base');
  const head = await commit(
    repo,
    { 'data/long.txt': `${p.aws.line}\nsvc_token=${'1'.repeat(30_000)}\n`, 'src/ok.txt': 'svc_token=123y\n' },
    'add',
  );
  const slow = loadRulePackOverride(
    "rules:\n  - id: svc-slow\n    description: svc\n    severity: error\n    tags: [secret]\n    keywords: [svc_token]\n    regex: 'svc_token=(?:\\d{0,30}){1,30}y'\n",
    'override.yml',
  );
  const { findings, stats } = await runScan(request(repo, { base, head, rules: slow, ruleBudgetMs: 300 }));
  expect(findings.map((f) => `${f.ruleId} ${f.path}:${f.line}`).sort()).toStrictEqual([
    'aws-access-key-id data/long.txt:1',
    'svc-slow src/ok.txt:1',
  ]);
  expect(stats.skipped.map((k) => `${k.reason} ${k.path}: ${k.detail}`)).toStrictEqual([
    "rule-budget data/long.txt: rule(s) 'svc-slow' ran past the time budget (300 ms) on this file and were stopped; the other rules ran",
  ]);
}, 30_000);

test('history mode with a user rule (scanned on a budget worker, one file at a time): findings keep their commit', async () => {
  const repo = await initRepo();
  const first = await commit(repo, { 'a.txt': `key acme_${'k3y9'.repeat(6)}\n` }, 'first');
  const second = await commit(repo, { 'b.txt': `key acme_${'z8q1'.repeat(6)}\n` }, 'second');
  const acme = loadRulePackOverride(
    "rules:\n  - id: acme-key\n    description: acme\n    severity: error\n    tags: [secret]\n    keywords: [acme_]\n    regex: 'acme_[a-z0-9]{24}'\n",
    'override.yml',
  );
  const { findings, stats } = await runScan(request(repo, { mode: 'history', head: second, rules: acme }));
  expect(findings.map((f) => `${f.ruleId} ${f.path} ${f.commit?.sha}`).sort()).toStrictEqual(
    [`acme-key a.txt ${first}`, `acme-key b.txt ${second}`].sort(),
  );
  expect(stats.skipped).toStrictEqual([]);
}, 30_000);
