/**
 * Bundles a Worker the way `wrangler deploy` does (esbuild, ESM, Node built-ins left to workerd's
 * nodejs_compat), so the tests run in workerd exactly the code that deploys, lib/dlp included.
 * Bundles stay in memory: nothing is left behind in a temporary directory.
 */
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EDGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export type WorkerName = 'tokenize' | 'vault' | 'passthrough' | 'core-bench';

const built = new Map<WorkerName, Promise<string>>();

function entry(name: WorkerName): string {
  if (name === 'passthrough' || name === 'core-bench') return join(EDGE_ROOT, 'lab', `${name}-worker.ts`);
  return join(EDGE_ROOT, 'workers', name, 'src', 'index.ts');
}

/** The bundled Worker's source (built once per process). */
export function bundleWorker(name: WorkerName): Promise<string> {
  let code = built.get(name);
  if (!code) {
    code = build({
      entryPoints: [entry(name)],
      write: false,
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2023',
      conditions: ['workerd', 'worker', 'browser'],
      external: ['node:*'],
      logLevel: 'error',
    }).then((result) => result.outputFiles[0]!.text);
    built.set(name, code);
  }
  return code;
}

/** Miniflare's module list for a bundle (one ES module; the path only names it). */
export function workerModules(name: WorkerName, code: string) {
  return {
    modulesRoot: '/',
    modules: [{ type: 'ESModule' as const, path: `/${name}.mjs`, contents: code }],
  };
}
