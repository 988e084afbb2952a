import { expect } from '@jest/globals';

/**
 * Fails when any of `values` occurs in `haystack`, naming `where` and the value's position in the
 * list, never the value: `expect(text).not.toContain(secret)` would print the secret it guards in
 * the failure message, and test output is a log like any other.
 */
export function expectNoLeak(haystack: string, values: string | readonly string[], where: string): void {
  const list = typeof values === 'string' ? [values] : values;
  const leaked = list.flatMap((value, i) =>
    value !== '' && haystack.includes(value) ? [`value #${i}`] : [],
  );
  expect(
    leaked.length === 0 ? `nothing leaked into ${where}` : `${leaked.join(', ')} leaked into ${where}`,
  ).toBe(`nothing leaked into ${where}`);
}
