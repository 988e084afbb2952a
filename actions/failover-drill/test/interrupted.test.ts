import { describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../cli/actions.ts';
import type { EdgeLab } from '../../../lab/edge/lab.ts';
import { onCleanup } from '../../../test/support/cleanup.ts';
import definition from '../src/main.ts';
import restore from '../src/restore.ts';
import { FAST_DRILL, labAndWorkspace, labIsRestored, runDefinition } from './support.ts';

const RESTORED = { pools: [true, true], inverted: [false, false] };

/** The drill through the CLI in its own process, held with Cloudflare out long enough to be interrupted. */
function startDrill(lab: EdgeLab, workspace: string): { child: ChildProcess; output: () => string } {
  const inputs = { ...lab.drillInputs('pools'), ...FAST_DRILL, hold: '60s', 'allowed-non-2xx': '100000' };
  const args = [join(REPO_ROOT, 'cli', 'main.ts'), 'failover-drill'];
  for (const [name, value] of Object.entries(inputs)) args.push('--input', `${name}=${value}`);
  const child = spawn(process.execPath, args, { cwd: workspace, env: { PATH: process.env['PATH'] ?? '' } });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  onCleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, output: () => output };
}

async function until(condition: () => boolean, what: string, limitMs = 15_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve({ code: child.exitCode, signal: child.signalCode })
      : child.once('exit', (code, signal) => resolve({ code, signal })),
  );

async function killedMidDrill(): Promise<{ lab: EdgeLab; workspace: string; statePath: string }> {
  const { lab, workspace } = await labAndWorkspace();
  const { child } = startDrill(lab, workspace);
  await until(() => labIsRestored(lab).pools.every((enabled) => !enabled), 'both pools are disabled');
  child.kill('SIGKILL');
  expect(await exited(child)).toEqual({ code: null, signal: 'SIGKILL' });
  const statePath = join(workspace, '.failover-drill', 'state.json');
  const saved = JSON.parse(await readFile(statePath, 'utf8')) as {
    changes: Array<{ key: string; original: boolean }>;
  };
  expect(saved.changes).toEqual([
    expect.objectContaining({ key: 'cloudflare-pool:pool-us-east', original: true }),
    expect.objectContaining({ key: 'cloudflare-pool:pool-us-west', original: true }),
  ]);
  expect(labIsRestored(lab).pools).toEqual([false, false]);
  return { lab, workspace, statePath };
}

describe('a drill that is interrupted', () => {
  test('SIGKILL mid-drill: the post step finds the saved state and restores', async () => {
    const { lab, workspace, statePath } = await killedMidDrill();
    const post = await runDefinition(restore, { ...lab.drillInputs('pools'), ...FAST_DRILL }, workspace);
    expect(post.exitCode).toBe(0);
    expect(post.outputs['restored']).toBe('2');
    expect(post.annotations.join('\n')).toMatch(
      /An earlier drill \(run local-[^)]+\) left 2 lever\(s\) changed; restoring them/,
    );
    expect(labIsRestored(lab)).toEqual(RESTORED);
    expect(existsSync(statePath)).toBe(false);
  }, 30_000);

  test('SIGKILL mid-drill: the next run restores before its preflight', async () => {
    const { lab, workspace, statePath } = await killedMidDrill();
    const next = await runDefinition(
      definition,
      { ...lab.drillInputs('pools'), ...FAST_DRILL, 'dry-run': 'true' },
      workspace,
    );
    expect(next.outputs['verdict']).toBe('dry-run');
    expect(next.log.join('\n')).toContain('restored cloudflare-pool:pool-us-west from saved state');
    expect(labIsRestored(lab)).toEqual(RESTORED);
    expect(existsSync(statePath)).toBe(false);
  }, 30_000);

  test('SIGTERM (a cancelled job) mid-drill: the step restores, reports "aborted" and exits 1', async () => {
    const { lab, workspace } = await labAndWorkspace();
    const { child, output } = startDrill(lab, workspace);
    await until(() => labIsRestored(lab).pools.every((enabled) => !enabled), 'both pools are disabled');
    child.kill('SIGTERM');
    expect((await exited(child)).code).toBe(1);
    expect(output()).toContain('Failover drill aborted: cancelled (the job was cancelled or timed out)');
    expect(labIsRestored(lab)).toEqual(RESTORED);
    expect(existsSync(join(workspace, '.failover-drill', 'state.json'))).toBe(false);
  }, 30_000);
});
