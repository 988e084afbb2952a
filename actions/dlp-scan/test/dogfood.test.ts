// The repository scans itself: tree mode over the working tree, with the configuration a run
// would find at the root (.summit-ops-dlp.yml, .summit-ops-dlp-baseline.json), reports nothing.
// node_modules and .git are never entered; actions/*/dist is excluded by .summit-ops-dlp.yml,
// with the reason written there (generated bundles of scanned sources plus third-party code).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
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
  assert.deepEqual(
    found,
    [],
    'remove the value, or build it at run time (lib/dlp/synth.ts); accept only with a reason',
  );
  assert.equal(exitCode, 0, sink.failures.join('\n'));
  assert.equal(sink.outputs['findings'], '0');
  assert.ok(
    sink.lines.some((l) => l.includes(DEFAULT_RULES_FILE)),
    'the repository configuration was picked up',
  );
});

test('every baseline entry of this repository says why', async () => {
  const baseline = await loadBaseline(join(ROOT, DEFAULT_BASELINE_FILE), DEFAULT_BASELINE_FILE);
  assert.ok(baseline && baseline.fingerprints.size > 0);
  assert.equal(baseline.withoutReason, 0);
});

test('every allowlist entry of .summit-ops-dlp.yml has a comment saying why', async () => {
  const doc = parseDocument(await readFile(join(ROOT, DEFAULT_RULES_FILE), 'utf8'));
  const uncommented: string[] = [];
  const check = (list: unknown, where: string) => {
    if (!isSeq(list)) return;
    list.items.forEach((item, i) => {
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
  assert.deepEqual(uncommented, []);
});

test('this repository has no finding in diff mode over its last commit (HEAD~1..HEAD), as CI runs it on pull requests', async (t) => {
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (git('rev-parse', '--verify', '--quiet', 'HEAD~1^{commit}').status !== 0) {
    t.skip('HEAD~1 is not here (a shallow clone or a single commit): nothing to diff');
    return;
  }
  const sink = recordingSink();
  // fail-on error: a rule's warning or notice still shows up in `found` below.
  const inputs: Record<string, string> = { mode: 'diff', base: 'HEAD~1', head: 'HEAD', 'fail-on': 'error' };
  const { exitCode } = await execute(definition, (name) => inputs[name], sink, {
    env: { GITHUB_WORKSPACE: ROOT },
  });
  // A commit that edits the DLP configuration itself is flagged for review (dlp-config-changed);
  // that is a notice to reviewers, not a leaked value.
  const found = sink.annotations
    .filter((a) => a.title?.startsWith('dlp-scan: ') && a.title !== 'dlp-scan: dlp-config-changed')
    .map((a) => `${a.file}:${a.line} ${a.title}`);
  assert.deepEqual(
    found,
    [],
    'the last commit adds a value: remove it or build it at run time (lib/dlp/synth.ts)',
  );
  assert.equal(exitCode, 0, sink.failures.join('\n'));
  assert.ok(
    sink.lines.some((l) => l.includes('as of the base commit')),
    'the rules came from the base commit',
  );
});
