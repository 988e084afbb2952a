import { describe, test } from '@jest/globals';

/**
 * The rule for tests that need a real component (PostgreSQL, LuaJIT, opa, a data set beside the
 * repository): present, they run; missing on a developer machine, they are skipped with the reason
 * in their title; missing in CI (CI=true) this throws, so the test file fails, because a green CI
 * run that never used the real component would prove nothing. `.ci/run` installs every one of them.
 */
export function missingComponent(
  available: boolean,
  missing: string,
  env: NodeJS.ProcessEnv = process.env,
): false | string {
  if (available) return false;
  if (env['CI'] === 'true') throw new Error(`CI=true but ${missing}`);
  return missing;
}

/** jest's `test`, or `test.skip` naming why, for a reason from missingComponent(). */
export function testUnless(
  skip: false | string,
): (name: string, fn: () => unknown, timeout?: number) => void {
  if (!skip) return (name, fn, timeout) => test(name, fn as () => Promise<void>, timeout);
  return (name, fn, timeout) => test.skip(`${name} [skipped: ${skip}]`, fn as () => Promise<void>, timeout);
}

/** jest's `describe`, or `describe.skip` naming why, for a reason from missingComponent(). */
export function describeUnless(skip: false | string): (name: string, fn: () => void) => void {
  if (!skip) return (name, fn) => describe(name, fn);
  return (name, fn) => describe.skip(`${name} [skipped: ${skip}]`, fn);
}
