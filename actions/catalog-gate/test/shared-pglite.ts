/**
 * One embedded PGlite per test file: its start-up takes seconds on a loaded machine. The gate
 * closes the database it opened, so tests hand it a view whose close() does nothing, and close the
 * real one in after().
 */
import { afterAll } from '@jest/globals';
import { openPglite, type Database } from '../src/backout.ts';

let shared: Promise<Database> | undefined;

export function sharedPglite(): () => Promise<Database> {
  return async () => {
    shared ??= openPglite();
    const db = await shared;
    return { ...db, label: db.label, close: async () => {} };
  };
}

afterAll(async () => {
  if (shared) await (await shared).close();
});
