// The repository scans itself: tree mode over the working tree, with the configuration a run
// would find at the root (.summit-ops-dlp.yml, .summit-ops-dlp-baseline.json), reports nothing.
// node_modules and .git are never entered; actions/*/dist is excluded by .summit-ops-dlp.yml,
// with the reason written there (generated bundles of scanned sources plus third-party code).
import { expect, test } from '@jest/globals';
import { expectTruthy } from '../../../test/support/narrow.ts';
import { onCleanup } from '../../../test/support/cleanup.ts';

import { runOk } from '../../../test/support/run.ts';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { execute } from '../../../lib/runtime.ts';
import definition from '../src/main.ts';
import { DEFAULT_BASELINE_FILE, DEFAULT_RULES_FILE, loadBaseline } from '../src/config.ts';
import { recordingSink } from './fixtures.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

test('this repository has no finding in tree mode', async () => {
  const sink = recordingSink();
  const inputs: Record<string, string> = {
    mode: 'tree',
    path: '.',
    'fail-on': 'notice',
    'max-file-size': '1M',
  };
  const { exitCode } = await execute(definition, (name) => inputs[name], sink, {
    env: { GITHUB_WORKSPACE: ROOT },
  });
  const found = sink.annotations
    .filter((a) => a.title?.startsWith('dlp-scan: ') && !a.title.includes('skipped'))
    .map((a) => `${a.file}:${a.line} ${a.title}`);
  expect(found).toStrictEqual([]);
  expect(exitCode).toBe(0);
  expect(sink.outputs['findings']).toBe('0');
  expect(sink.lines.some((l) => l.includes(DEFAULT_RULES_FILE))).toBeTruthy();
});

test('every baseline entry of this repository says why', async () => {
  const baseline = await loadBaseline(join(ROOT, DEFAULT_BASELINE_FILE), DEFAULT_BASELINE_FILE);
  expectTruthy(baseline && baseline.fingerprints.size > 0);
  expect(baseline.withoutReason).toBe(0);
});

test('every allowlist entry of .summit-ops-dlp.yml has a comment saying why', async () => {
  const doc = parseDocument(await readFile(join(ROOT, DEFAULT_RULES_FILE), 'utf8'));
  const uncommented: string[] = [];
  let checked = 0;
  const check = (list: unknown, where: string) => {
    if (!isSeq(list)) return;
    list.items.forEach((item, i) => {
      checked++;
      const node = item as Node;
      // The comment may sit above the entry, or above the key when it is the first entry.
      const comment = node.commentBefore ?? node.comment ?? (i === 0 ? list.commentBefore : undefined);
      if (!comment?.trim()) uncommented.push(`${where}[${i}] ${isScalar(node) ? String(node.value) : ''}`);
    });
  };
  const walkAllowlist = (allowlist: unknown, where: string) => {
    if (!isMap(allowlist)) return;
    for (const key of ['paths', 'regexes', 'stopwords']) check(allowlist.get(key, true), `${where}.${key}`);
  };
  walkAllowlist(doc.get('allowlist', true), 'allowlist');
  const rules = doc.get('rules', true);
  if (isSeq(rules))
    rules.items.forEach(
      (rule, i) => isMap(rule) && walkAllowlist(rule.get('allowlist', true), `rules[${i}].allowlist`),
    );
  // A restructured file must not turn this into a check of nothing.
  expect(checked).toBeGreaterThan(0);
  expect(uncommented).toStrictEqual([]);
});

test('this repository has no finding in diff mode when every committed line arrives in one pull request', async () => {
  // Independent of the clone's depth (CI checkouts are often shallow): a throwaway repository whose
  // base commit holds only the DLP configuration and baseline, and whose head adds the whole of HEAD.
  const repo = await mkdtemp(join(tmpdir(), 'dlp-dogfood-'));
  onCleanup(() => rm(repo, { recursive: true, force: true }));
  const git = (cwd: string, ...args: string[]) =>
    runOk('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd });
  const tarball = join(repo, '..', `${basename(repo)}.tar`);
  onCleanup(() => rm(tarball, { force: true }));
  await git(ROOT, 'archive', '--format=tar', '-o', tarball, 'HEAD');
  await git(repo, 'init', '-q');
  await runOk('tar', ['-x', '-f', tarball, '-C', repo]);
  await git(repo, 'add', DEFAULT_RULES_FILE, DEFAULT_BASELINE_FILE);
  await git(repo, 'commit', '-q', '-m', 'configuration');
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '-m', 'everything');
  expect((await git(repo, 'diff', '--name-only', 'HEAD~1', 'HEAD')).split('\n').length).toBeGreaterThan(100);

  const sink = recordingSink();
  // fail-on error: a rule's warning or notice still shows up in `found` below.
  const inputs: Record<string, string> = { mode: 'diff', base: 'HEAD~1', head: 'HEAD', 'fail-on': 'error' };
  const { exitCode } = await execute(definition, (name) => inputs[name], sink, {
    env: { GITHUB_WORKSPACE: repo },
  });
  // A commit that edits the DLP configuration itself is flagged for review (dlp-config-changed);
  // that is a notice to reviewers, not a leaked value.
  const found = sink.annotations
    .filter((a) => a.title?.startsWith('dlp-scan: ') && a.title !== 'dlp-scan: dlp-config-changed')
    .map((a) => `${a.file}:${a.line} ${a.title}`);
  expect(found).toStrictEqual([]);
  expect(exitCode).toBe(0);
  expect(sink.lines.some((l) => l.includes('as of the base commit'))).toBeTruthy();
});
