/**
 * Runs this entry again in a child Node process with V8 flags, for the one case where a flag is the
 * clean fix and the runner gives no way to pass it (`runs.using: node24` runs `node dist/index.js`,
 * and Node refuses V8 flags in NODE_OPTIONS).
 *
 * Why catalog-gate needs it: Node 24 keeps the process alive ~2 s at exit while V8 finishes an
 * optimising background compile of libpg-query's 1.7 MB wasm module, after all the work is done.
 * `--liftoff-only` (baseline compiler only) removes the stall; setting it at run time through
 * v8.setFlagsFromString does not (measured: bench/exit, see the README).
 */
// The one child process not started through @actions/exec, on purpose: the re-exec must hand the
// child this process's own stdio (workflow commands pass through unbuffered) and forward the
// runner's SIGINT/SIGTERM to it, and @actions/exec neither inherits stdio nor exposes the child.
import { spawn } from 'node:child_process';

/** Returns false when this process already has the flags (carry on); otherwise runs the child and returns true. */
export async function reexecWithV8Flags(flags: readonly string[], entry: string): Promise<boolean> {
  if (flags.every((flag) => process.execArgv.includes(flag))) return false;
  const child = spawn(process.execPath, [...process.execArgv, ...flags, entry, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: process.env,
  });
  // The runner cancels a step with SIGINT then SIGTERM: the child must get them too.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  process.exitCode = await new Promise<number>((resolve) => {
    child.on('error', (error) => {
      process.stderr.write(`::error::could not start ${process.execPath}: ${error.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  process.off('SIGINT', forward).off('SIGTERM', forward);
  return true;
}
