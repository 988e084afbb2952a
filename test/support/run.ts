/**
 * Runs a program the way the actions do, through @actions/exec (argument array, no shell; output
 * captured, not echoed; a non-zero exit is returned, not thrown) — for tests and tooling.
 */
import * as exec from '@actions/exec';

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: Buffer | string;
}

export async function run(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const result = await exec.getExecOutput(command, [...args], {
    silent: true,
    ignoreReturnCode: true,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.env ? { env: definedOnly(options.env) } : {}),
    ...(options.input === undefined ? {} : { input: Buffer.from(options.input) }),
  });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

/** Like run(), but a non-zero exit throws with the command and the first lines of stderr. */
export async function runOk(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<string> {
  const result = await run(command, args, options);
  if (result.exitCode !== 0)
    throw new Error(
      `${command} ${args[0] ?? ''} exited with ${result.exitCode}: ${result.stderr.trim().split('\n').slice(0, 5).join(' ')}`,
    );
  return result.stdout;
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
