import { describe, expect, test } from '@jest/globals';
import { expectNoLeak } from '../../../test/support/leak.ts';
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../cli/actions.ts';
import { FAST_DRILL, labAndWorkspace, labIsRestored } from './support.ts';

const SCRIPT = join(REPO_ROOT, 'ci', 'dr', 'cross_cloud_failover.sh');

function run(
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [SCRIPT, ...args], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', NODE: process.execPath, ...env },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('ci/dr/cross_cloud_failover.sh --env NAME --timeout S', () => {
  test('runs the drill from an env file, credentials only from the environment, never printed', async () => {
    const { lab, workspace } = await labAndWorkspace();
    const envDir = join(workspace, 'envs');
    await mkdir(envDir);
    const secrets = new Set(['cloudflare-api-token', 'aws-access-key-id', 'aws-secret-access-key']);
    const config = Object.entries({ ...lab.drillInputs(), ...FAST_DRILL })
      .filter(([name]) => !secrets.has(name) && name !== 'timeout')
      .map(([name, value]) => `${name}=${value}`);
    await writeFile(join(envDir, 'lab.env'), `# the edge lab\n${config.join('\n')}\n`);
    const result = await run(['--env', 'lab', '--timeout', '3'], workspace, {
      DR_ENV_DIR: envDir,
      CLOUDFLARE_API_TOKEN: lab.credentials.cloudflareToken,
      AWS_ACCESS_KEY_ID: lab.credentials.awsAccessKeyId,
      AWS_SECRET_ACCESS_KEY: lab.credentials.awsSecretAccessKey,
    });
    expect(result.out).toContain('verdict=pass');
    expect(result.code).toBe(0);
    expectNoLeak(result.out, Object.values(lab.credentials), 'wrapper output');
    expect(labIsRestored(lab)).toEqual({ pools: [true, true], inverted: [false, false] });
  }, 30_000);

  test.each([
    [[], /--env is required \(one of: stage \)/],
    [['--env', 'prod'], /no config .*ci\/dr\/env\/prod\.env \(one of: stage \)/],
    [['--env', '../x'], /--env must be a plain name/],
    [['--env', 'stage', '--timeout', '2m'], /--timeout takes whole seconds, got '2m'/],
    [['--bogus'], /unknown argument '--bogus'/],
  ])('usage error %j', async (args, message) => {
    const result = await run(args, REPO_ROOT, {});
    expect(result.code).toBe(2);
    expect(result.out).toMatch(message);
  });

  test('a credential in the config file is refused with file:line', async () => {
    const { workspace } = await labAndWorkspace();
    await writeFile(join(workspace, 'x.env'), 'target-url=http://127.0.0.1:9/\ncloudflare-api-token=abc\n');
    const result = await run(['--env', 'x'], workspace, { DR_ENV_DIR: workspace });
    expect(result.code).toBe(2);
    expect(result.out).toMatch(/x\.env:2: cloudflare-api-token is a credential: set it in the environment/);
    expect(result.out).not.toContain('abc');
  });
});
