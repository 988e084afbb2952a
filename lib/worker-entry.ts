/**
 * Worker threads in a bundle. A worker needs a file to run; from source that is the worker's own
 * module, but a bundler copies a `new URL('./x.ts', import.meta.url)` file as a raw asset, which
 * cannot run on its own. So a bundle's entry registers its own URL, a worker runs that entry with
 * a role in its workerData, and the entry, seeing the role, loads the worker's module (a chunk the
 * bundler did pack) instead of the action.
 */
import { isMainThread, workerData } from 'node:worker_threads';

let entry: URL | undefined;

/** Called by a bundle's entry with its own `import.meta.url`. */
export function registerWorkerEntry(url: string | URL): void {
  entry = new URL(url);
}

/** The file a worker of `role` runs: the registered entry, else (from source) `sourceModule`. */
export function workerScript(sourceModule: URL): URL {
  return entry ?? sourceModule;
}

/** In a worker started by `workerScript`, its role (e.g. 'pglite'); undefined on the main thread. */
export function workerRole(): string | undefined {
  if (isMainThread) return undefined;
  const role = (workerData as { role?: unknown } | null)?.role;
  return typeof role === 'string' ? role : undefined;
}
