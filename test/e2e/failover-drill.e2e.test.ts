// failover-drill's committed bundles (dist/index.js, dist/post.js), run as a runner runs them
// (Node 24, the bundle alone in a directory without node_modules, INPUT_* from action.yml defaults)
// against the edge lab: the drill passes and restores; killed mid-drill, the post step restores
// from the saved state; no credential reaches any output channel.
import { describe, expect, test } from '@jest/globals';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertNoLeak, REPO_ROOT, runBundledAction } from './harness.ts';
import {
  FAST_DRILL,
  PASSING_DRILL,
  labAndWorkspace,
  labIsRestored,
} from '../../actions/failover-drill/test/support.ts';
import { onCleanup } from '../support/cleanup.ts';

const actionDir = join(REPO_ROOT, 'actions', 'failover-drill');
const scheduleEvent = { name: 'schedule', payload: { schedule: '17 9 * * 2' } };

/** The same action directory with `runs.main` pointed at the post bundle: what the runner runs for `runs.post`. */
async function postStepDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'failover-post-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  await cp(join(actionDir, 'dist'), join(dir, 'dist'), { recursive: true });
  const yml = await readFile(join(actionDir, 'action.yml'), 'utf8');
  expect(yml).toMatch(/\n {2}main: dist\/index\.js\n {2}post: dist\/post\.js\n {2}post-if: always\(\)\n/);
  await writeFile(join(dir, 'action.yml'), yml.replace('main: dist/index.js', 'main: dist/post.js'));
  return dir;
}

describe('failover-drill bundle', () => {
  test('a drill against the lab passes, restores, writes evidence; no credential leaks', async () => {
    const { lab, workspace } = await labAndWorkspace();
    const run = await runBundledAction({
      actionDir,
      event: scheduleEvent,
      workspace,
      inputs: { ...lab.drillInputs(), ...PASSING_DRILL },
      timeoutMs: 30_000,
    });
    // Leaks first: a failing assertion below prints the summary.
    assertNoLeak(run, Object.values(lab.credentials));
    const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect({ verdict: run.outputs['verdict'], errors }).toEqual({ verdict: 'pass', errors: [] });
    expect(run.exitCode).toBe(0);
    expect(run.summary).toContain('Failover drill: pass');
    expect(existsSync(join(workspace, 'failover-drill-evidence', 'DR_EVIDENCE.md'))).toBe(true);
    expect(labIsRestored(lab)).toEqual({ pools: [true, true], inverted: [false, false] });
    assertNoLeak(run, Object.values(lab.credentials));
  }, 40_000);

  test('bad credentials: the step fails with a clear message, the token never printed', async () => {
    const { lab, workspace } = await labAndWorkspace();
    const wrong = `cf-WRONG-${Math.random().toString(36).slice(2)}`;
    const run = await runBundledAction({
      actionDir,
      event: scheduleEvent,
      workspace,
      inputs: { ...lab.drillInputs('pools'), ...FAST_DRILL, 'cloudflare-api-token': wrong },
      timeoutMs: 30_000,
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.map((a) => a.message).join('\n')).toMatch(
      /Failover drill refused: .*HTTP 403.*Authentication error — check that cloudflare-api-token is valid/,
    );
    assertNoLeak(run, [wrong, ...Object.values(lab.credentials)]);
  }, 40_000);

  test('the post bundle restores what a killed main step left (saved state)', async () => {
    const { lab, workspace } = await labAndWorkspace();
    // What a main step killed after cutting the pools leaves behind.
    for (const pool of lab.cloudflareApi.pools.values()) pool.enabled = false;
    await cp(
      join(REPO_ROOT, 'actions', 'failover-drill', 'test', 'fixtures', 'killed-state.json'),
      join(workspace, '.failover-drill', 'state.json'),
    );
    const run = await runBundledAction({
      actionDir: await postStepDir(),
      event: scheduleEvent,
      workspace,
      inputs: { ...lab.drillInputs('pools'), ...FAST_DRILL },
      timeoutMs: 30_000,
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['restored']).toBe('2');
    expect(labIsRestored(lab)).toEqual({ pools: [true, true], inverted: [false, false] });
    expect(existsSync(join(workspace, '.failover-drill', 'state.json'))).toBe(false);
    assertNoLeak(run, Object.values(lab.credentials));
  }, 40_000);
});
