/** workerData role of the embedded PGlite's worker thread (backout.ts, pglite-worker.ts). */
export const PGLITE_WORKER_ROLE = 'pglite';
