/**
 * `summit-ops pre-commit <hook>`: its arguments, and .pre-commit-hooks.yaml pointing at it. The
 * hooks run through the real pre-commit framework in test/pre-commit.test.ts.
 */
import { expect, test } from '@jest/globals';

import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { onCleanup } from '../test/support/cleanup.ts';
import { expectNoLeak } from '../test/support/leak.ts';
import { seededRng, synth } from '../lib/dlp/synth.ts';
import { CLI_BIN } from '../scripts/build.ts';
import { REPO_ROOT } from './actions.ts';
import { HOOKS, parseHookArgs, runHook } from './hooks.ts';

async function temp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hooks-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function capture() {
  const out: string[] = [];
  return { out, streams: { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t) } };
}

test('parseHookArgs: hook, inputs, file names (after -- too), and clear refusals', () => {
  const parsed = parseHookArgs(['dlp-scan', '--input', 'fail-on=warning', 'a.txt', '--', '--odd-name.txt']);
  expect(
    typeof parsed === 'string' ? parsed : [parsed.hook.action, parsed.inputs, parsed.files],
  ).toStrictEqual(['dlp-scan', { 'fail-on': 'warning' }, ['a.txt', '--odd-name.txt']]);
  expect(parseHookArgs([])).toMatch(/^usage: summit-ops pre-commit <catalog-gate\|dlp-scan>/);
  expect(parseHookArgs(['lint'])).toMatch(/^unknown hook 'lint'; usage:/);
  expect(parseHookArgs(['dlp-scan', '--frobnicate'])).toMatch(/^unknown option '--frobnicate'/);
  expect(parseHookArgs(['dlp-scan', '--input', 'novalue'])).toMatch(/--input needs name=value/);
  expect(parseHookArgs(['catalog-gate', 'db/x.sql'])).toMatch(
    /takes no file names \(pass_filenames: false\)/,
  );
});

test('every hook in .pre-commit-hooks.yaml runs the built bin with a hook this CLI has', async () => {
  const hooks = parseYaml(await readFile(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{
    id: string;
    entry: string;
    language: string;
    pass_filenames?: boolean;
  }>;
  expect(hooks.map((h) => h.id).sort()).toStrictEqual(Object.keys(HOOKS).sort());
  for (const h of hooks) {
    expect([h.language, h.entry]).toStrictEqual(['script', `${CLI_BIN} pre-commit ${h.id}`]);
    expect(h.pass_filenames ?? true).toBe(HOOKS[h.id]!.perFile);
  }
});

test('dlp-scan hook: one run per named file, quiet when clean, the finding and a failure otherwise, no folder left behind', async () => {
  const repo = await temp();
  const runnerTemp = await temp();
  const secret = synth.awsAccessKeyId(seededRng(5));
  await writeFile(join(repo, 'clean.txt'), 'nothing here\n');
  await writeFile(join(repo, 'creds.txt'), `aws_access_key_id = ${secret}\n`);
  const clean = capture();
  expect(await runHook(['dlp-scan', 'clean.txt'], clean.streams, { RUNNER_TEMP: runnerTemp }, repo)).toBe(0);
  expect(clean.out.join('')).toBe('');
  const dirty = capture();
  expect(
    await runHook(['dlp-scan', 'clean.txt', 'creds.txt'], dirty.streams, { RUNNER_TEMP: runnerTemp }, repo),
  ).toBe(1);
  const text = dirty.out.join('');
  expect(text).toMatch(/^creds\.txt:1:\d+: error: .*\[dlp-scan: aws-access-key-id\]$/m);
  expect(text).toMatch(/^✗ dlp-scan: /m);
  expectNoLeak(text, secret, 'the hook output');
  expect(await readdir(runnerTemp)).toStrictEqual([]);
});
