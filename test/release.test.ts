// The release as .github/workflows/release.yml runs it: the release build on a fresh clone, then the
// commit-and-tag step's own bash against a real "origin" (a bare repository on disk). A consumer's
// @v1 must get workflows that name our actions at the released commit, and nothing else may change.
import { expect, test } from '@jest/globals';

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../scripts/build.ts';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv(cwd) }).trim();

function gitEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
  };
}

interface Step {
  name?: string;
  run?: string;
}

async function tagStep(): Promise<string> {
  const workflow = parseYaml(await readFile(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as {
    jobs: { release: { steps: Step[] } };
  };
  const step = workflow.jobs.release.steps.find((s) => s.name?.startsWith('Commit, tag'));
  if (!step?.run) throw new Error('release.yml has no "Commit, tag…" step');
  return step.run;
}

/** A repository with our real workflow sources, pushed to a bare origin; returns both paths. */
async function origin(): Promise<{ bare: string; source: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'release-'));
  const bare = join(dir, 'origin.git');
  const source = join(dir, 'source');
  git(dir, 'init', '-q', '--bare', '-b', 'main', bare);
  git(dir, 'clone', '-q', bare, source);
  await mkdir(join(source, 'reusable-workflows'));
  await mkdir(join(source, '.github', 'workflows'), { recursive: true });
  for (const name of ['dlp-scan.yml', 'failover-drill.yml']) {
    const text = await readFile(join(ROOT, 'reusable-workflows', name), 'utf8');
    await writeFile(join(source, 'reusable-workflows', name), text);
    await writeFile(join(source, '.github', 'workflows', name), text);
  }
  git(source, 'add', '-A');
  git(source, 'commit', '-q', '-m', 'source');
  git(source, 'push', '-q', 'origin', 'main');
  return { bare, source };
}

/** One release job on a fresh runner: clone main, publish, commit and tag. */
async function release(bare: string, version: string) {
  const runner = await mkdtemp(join(tmpdir(), 'release-runner-'));
  const workspace = join(runner, 'workspace');
  // As actions/checkout fetches: the one commit, no tags.
  git(runner, 'clone', '-q', '--depth=1', '--no-tags', `file://${bare}`, workspace);
  const sha = git(workspace, 'rev-parse', 'HEAD');
  const publish = spawnSync(
    process.execPath,
    [
      join(ROOT, 'scripts', 'release-workflows.ts'),
      ...['--repository', 'acme/summit-ops', '--sha', sha, '--version', `v${version}`, '--root', workspace],
    ],
    { encoding: 'utf8' },
  );
  if (publish.status !== 0) return { sha, status: publish.status, output: publish.stdout + publish.stderr };
  const env = {
    ...gitEnv(runner),
    VERSION: version,
    SHA: sha,
    GIT_TOKEN: 'job-token-placeholder',
    SERVER_URL: 'http://127.0.0.1:1',
  };
  const tag = spawnSync('bash', ['-e', '-c', await tagStep()], { cwd: workspace, env, encoding: 'utf8' });
  return { sha, status: tag.status, output: tag.stdout + tag.stderr };
}

test('a release tags v1.2.3 and v1 on a commit that only pins our actions to the released commit', async () => {
  const { bare, source } = await origin();
  const first = await release(bare, '1.2.3');
  expect(first.status).toBe(0);
  const tagged = git(bare, 'rev-parse', 'v1.2.3^{commit}');
  expect(git(bare, 'rev-parse', 'v1^{commit}')).toBe(tagged);
  expect(git(bare, 'rev-parse', `${tagged}^`)).toBe(first.sha);
  // Nothing but the published copies changes: actions/ at the pinned commit are the tagged ones.
  expect(git(bare, 'diff', '--name-only', first.sha, tagged).split('\n')).toStrictEqual([
    '.github/workflows/dlp-scan.yml',
    '.github/workflows/failover-drill.yml',
  ]);
  const dlp = git(bare, 'show', 'v1:.github/workflows/dlp-scan.yml');
  expect(dlp).toContain(`uses: acme/summit-ops/actions/dlp-scan@${first.sha} # v1.2.3\n`);
  expect(dlp).not.toMatch(/uses: \.\//);
  // The branch is untouched: main's copies still name ./actions/<name> for this repository's CI.
  expect(git(bare, 'rev-parse', 'main')).toBe(first.sha);

  // The next release moves v1 and leaves v1.2.3 where it was.
  await writeFile(join(source, 'CHANGELOG'), 'next\n');
  git(source, 'add', '-A');
  git(source, 'commit', '-q', '-m', 'next');
  git(source, 'push', '-q', 'origin', 'main');
  const second = await release(bare, '1.2.4');
  expect(second.status).toBe(0);
  expect(git(bare, 'rev-parse', 'v1.2.3^{commit}')).toBe(tagged);
  expect(git(bare, 'rev-parse', 'v1^{commit}')).toBe(git(bare, 'rev-parse', 'v1.2.4^{commit}'));
  expect(git(bare, 'show', 'v1:.github/workflows/dlp-scan.yml')).toContain(`@${second.sha} # v1.2.4`);

  // A version that exists already is refused by origin, and v1 does not move with it (one atomic push).
  const again = await release(bare, '1.2.3');
  expect(again.status).not.toBe(0);
  expect(git(bare, 'rev-parse', 'v1.2.3^{commit}')).toBe(tagged);
  expect(git(bare, 'rev-parse', 'v1^{commit}')).toBe(git(bare, 'rev-parse', 'v1.2.4^{commit}'));
});

test('a version that is not MAJOR.MINOR.PATCH is refused before anything is tagged', async () => {
  const { bare } = await origin();
  const run = await release(bare, '1.2');
  expect(run.status).not.toBe(0);
  expect(run.output).toMatch(/version 'v?1\.2' is not/);
  expect(git(bare, 'tag', '--list')).toBe('');
});

test('the release job runs only for the default branch: a dispatch on another branch cannot move v1', async () => {
  const workflow = parseYaml(await readFile(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as {
    jobs: { release: { if?: string } };
  };
  expect(workflow.jobs.release.if).toBe(
    "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)",
  );
});
