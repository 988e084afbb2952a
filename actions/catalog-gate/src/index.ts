import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';
import { reexecWithV8Flags } from '../../../lib/reexec.ts';
import { registerWorkerEntry, workerRole } from '../../../lib/worker-entry.ts';
import { PGLITE_WORKER_ROLE } from './pglite-role.ts';

if (workerRole() === PGLITE_WORKER_ROLE) {
  // This bundle started as the embedded PGlite's worker thread (backout.ts), not as the action.
  await import('./pglite-worker.ts');
} else if (!(await reexecWithV8Flags(['--liftoff-only'], fileURLToPath(import.meta.url)))) {
  // --liftoff-only: see lib/reexec.ts (Node 24 stalls ~2 s at exit after compiling libpg-query's
  // wasm). The action itself is imported lazily so the parent process, which only waits for the
  // child, does not load the 2 MB bundle.
  registerWorkerEntry(import.meta.url);
  // V8's code cache on disk (Node's compile cache, in the OS temp dir): a second run on the same
  // machine (a pre-commit hook, a self-hosted runner) skips compiling the lazily loaded chunks,
  // ~40 ms of CPU of a one-migration run. A stale or unwritable cache is ignored by Node.
  enableCompileCache();
  const [{ runOnGitHub }, { default: catalogGate }] = await Promise.all([
    import('../../../lib/runner.ts'),
    import('./main.ts'),
  ]);
  await runOnGitHub(catalogGate);
}
