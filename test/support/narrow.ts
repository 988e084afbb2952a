import { expect } from '@jest/globals';

/**
 * `expect(value).toBeTruthy()` that also narrows the type for the lines after it (jest's `expect`
 * cannot), for the common "find it, check it is there, then read its fields" test.
 */
export function expectTruthy<T>(value: T): asserts value {
  expect(value).toBeTruthy();
}
