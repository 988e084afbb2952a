/**
 * The error a call throws or a promise rejects with, so a test can make several `expect`s on it
 * (its class, its fields, its message). Each fails the test when nothing was thrown.
 */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, and it returned');
}

export async function rejectionOf(promise: Promise<unknown> | (() => Promise<unknown>)): Promise<unknown> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, and it resolved');
}
