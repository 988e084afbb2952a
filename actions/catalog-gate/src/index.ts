import { fileURLToPath } from 'node:url';
import { reexecWithV8Flags } from '../../../lib/reexec.ts';

// --liftoff-only: see lib/reexec.ts (Node 24 stalls ~2 s at exit after compiling libpg-query's wasm).
// The action itself is imported lazily so the parent process, which only waits for the child,
// does not load the 2 MB bundle.
if (!(await reexecWithV8Flags(['--liftoff-only'], fileURLToPath(import.meta.url)))) {
  const [{ runOnGitHub }, { default: catalogGate }] = await Promise.all([
    import('../../../lib/runner.ts'),
    import('./main.ts'),
  ]);
  await runOnGitHub(catalogGate);
}
