/**
 * Per-test clean-up (servers, temporary directories): `onCleanup(fn)` inside a test registers `fn`,
 * and the `afterEach` hook that test/support/jest-setup.ts installs runs what was registered, last
 * first, after that test whether it passed or failed.
 */
const pending: Array<() => unknown> = [];

export function onCleanup(fn: () => unknown): void {
  pending.push(fn);
}

export async function runCleanups(): Promise<void> {
  const errors: unknown[] = [];
  while (pending.length > 0) {
    const fn = pending.pop()!;
    try {
      await fn();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} clean-ups failed`);
}
