/**
 * .pre-commit-hooks.yaml through the real pre-commit framework: `pre-commit try-repo <this repo>
 * <hook>` in a temporary git repository runs a hook on the staged files exactly as the installed
 * commit hook would (unstaged changes stashed away), from a clone of this repository at HEAD (plus
 * uncommitted changes to tracked files), so what it runs is the committed bundle. `node` on PATH
 * is the machine's own Node (20 here) where there is one, as in a developer's shell.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { ROOT } from '../scripts/build.ts';
import { githubToken, seededRng } from '../lib/dlp/synth.ts';
import { describeUnless, missingComponent } from './support/components.ts';
import { expectNoLeak } from './support/leak.ts';
import { run, runOk } from './support/run.ts';

function onPath(command: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

const preCommit = onPath('pre-commit');
const skip = missingComponent(
  preCommit !== undefined && onPath('git') !== undefined,
  'pre-commit (PyPI pre-commit==4.7.0, installed by .ci/run) or git is not on PATH',
);

let work: string;
let repo: string;
let env: Record<string, string>;

async function git(...args: string[]): Promise<string> {
  return runOk('git', args, { cwd: repo, env });
}

async function tryHook(hook: string) {
  const r = await run(preCommit!, ['try-repo', ROOT, ...(hook ? [hook] : [])], { cwd: repo, env });
  return { exitCode: r.exitCode, output: r.stdout + r.stderr };
}

describeUnless(skip)('the pre-commit hooks', () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'summit-pre-commit-'));
    const shim = join(work, 'node-bin');
    await mkdir(shim);
    await symlink(existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath, join(shim, 'node'));
    // pre-commit installed with `pip --target` (.ci/run) imports its package from beside bin/.
    const site = dirname(dirname(preCommit!));
    const pythonPath = [existsSync(join(site, 'pre_commit')) ? site : '', process.env['PYTHONPATH'] ?? '']
      .filter(Boolean)
      .join(delimiter);
    env = {
      PATH: [shim, dirname(preCommit!), '/usr/bin', '/bin'].join(delimiter),
      HOME: work,
      PRE_COMMIT_HOME: join(work, 'pre-commit-home'),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.invalid',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.invalid',
      ...(pythonPath ? { PYTHONPATH: pythonPath } : {}),
    };
    repo = join(work, 'repo');
    await mkdir(join(repo, 'db', 'catalog'), { recursive: true });
    await mkdir(join(repo, 'db', 'migrations'));
    await git('init', '-q', '-b', 'main');
    await writeFile(
      join(repo, 'db', 'catalog', 'migrations.yaml'),
      catalogEntry('2026-01-01-000-create-notes'),
    );
    await writeFile(
      join(repo, 'db', 'migrations', '2026-01-01-000-create-notes.up.sql'),
      'CREATE TABLE notes (id bigint PRIMARY KEY, body text);\n',
    );
    await writeFile(
      join(repo, 'db', 'migrations', '2026-01-01-000-create-notes.down.sql'),
      'DROP TABLE notes;\n',
    );
    await writeFile(join(repo, 'notes.txt'), 'Release notes.\n');
    await git('add', '-A');
    await git('commit', '-q', '--no-gpg-sign', '-m', 'base');
  }, 60_000);

  afterAll(() => rm(work, { recursive: true, force: true }));

  function catalogEntry(id: string): string {
    return [
      `- id: ${id}`,
      '  service: notes',
      '  risk: low',
      '  pii: false',
      '  rollout: online',
      `  rollback: ${id}.down.sql`,
      "  owner: '@notes-team'",
      '',
    ].join('\n');
  }

  test('catalog-gate refuses a staged migration with no catalog entry', async () => {
    await writeFile(
      join(repo, 'db', 'migrations', '2026-01-02-001-add-title.up.sql'),
      'ALTER TABLE notes ADD title text;\n',
    );
    await git('add', 'db/migrations/2026-01-02-001-add-title.up.sql');
    const r = await tryHook('catalog-gate');
    expect(r.output).toMatch(/summit-ops catalog-gate\.+Failed/);
    expect(r.output).toMatch(
      /db\/migrations\/2026-01-02-001-add-title\.up\.sql:1:1: error: .*has no entry '2026-01-02-001-add-title'.*\[drift-file-without-entry\]/,
    );
    expect(r.exitCode).toBe(1);
    await git('rm', '-q', '-f', 'db/migrations/2026-01-02-001-add-title.up.sql');
  }, 300_000);

  test('dlp-scan refuses a staged secret, and reads the staged copy, not the working tree', async () => {
    const token = githubToken(seededRng(6));
    await writeFile(join(repo, 'deploy.env'), `GH_PUSH=${token}\n`);
    await git('add', 'deploy.env');
    const refused = await tryHook('dlp-scan');
    expectNoLeak(refused.output, token, 'the hook output');
    expect(refused.output).toMatch(/summit-ops dlp-scan\.+Failed/);
    expect(refused.output).toMatch(/^deploy\.env:1:\d+: error: .*\[dlp-scan: github-token\]$/m);
    expect(refused.exitCode).toBe(1);

    // Staged clean, the secret only in the working tree: pre-commit stashes it away, the commit passes.
    await writeFile(join(repo, 'deploy.env'), 'GH_PUSH=${{ secrets.GH_PUSH }}\n');
    await git('add', 'deploy.env');
    await writeFile(join(repo, 'deploy.env'), `GH_PUSH=${token}\n`);
    const staged = await tryHook('dlp-scan');
    expectNoLeak(staged.output, token, 'the hook output');
    expect(staged.output).toMatch(/summit-ops dlp-scan\.+Passed/);
    expect(staged.exitCode).toBe(0);
    await git('checkout', '--', 'deploy.env');
  }, 300_000);

  test('a clean change (a catalogued migration, plain text) passes both hooks and commits', async () => {
    const id = '2026-01-02-001-add-title';
    await writeFile(
      join(repo, 'db', 'catalog', 'migrations.yaml'),
      catalogEntry('2026-01-01-000-create-notes') + '\n' + catalogEntry(id),
    );
    const bounded = "SET lock_timeout = '5s';\n";
    await writeFile(
      join(repo, 'db', 'migrations', `${id}.up.sql`),
      `${bounded}ALTER TABLE notes ADD title text;\n`,
    );
    await writeFile(
      join(repo, 'db', 'migrations', `${id}.down.sql`),
      `${bounded}ALTER TABLE notes DROP COLUMN title;\n`,
    );
    await writeFile(join(repo, 'notes.txt'), 'Release notes.\n\nNotes get a title.\n');
    await git('add', '-A');
    // No hook id: every hook of .pre-commit-hooks.yaml.
    const r = await tryHook('');
    expect(r.output).toMatch(/summit-ops catalog-gate\.+Passed/);
    expect(r.output).toMatch(/summit-ops dlp-scan\.+Passed/);
    expect(r.exitCode).toBe(0);
    await git('commit', '-q', '--no-gpg-sign', '-m', 'notes get a title');
    expect(await git('status', '--porcelain')).toBe('');
  }, 300_000);
});
