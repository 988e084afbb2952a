/**
 * `npm run build`: bundles every action under actions/*\/ with ncc into
 * actions/<name>/dist/ (code plus the assets it loads at run time), the CLI into cli/dist/ (the
 * package's bin), regenerates each action README's
 * inputs/outputs tables from action.yml, and copies the reusable
 * workflows into .github/workflows/ where GitHub can call them. Deterministic: two builds in a row
 * write the same bytes, which is what lets a test fail when a committed bundle is stale.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ncc from '@vercel/ncc';
import { writeActionDocs } from './docs.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BuildOptions {
  root?: string;
  /** Only these actions (directory names, or `cli` for the CLI bundle); all when absent. */
  only?: string[];
  log?: (message: string) => void;
}

export async function listActions(root = ROOT): Promise<string[]> {
  const dir = join(root, 'actions');
  if (!existsSync(dir)) return [];
  const names = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (
      entry.isDirectory() &&
      existsSync(join(dir, entry.name, 'action.yml')) &&
      existsSync(join(dir, entry.name, 'src', 'index.ts'))
    )
      names.push(entry.name);
  }
  return names.sort();
}

/**
 * Files a bundled package loads at run time that ncc's asset relocation does not see (emscripten
 * loaders build the path with locateFile()). Copied beside the bundle when the code refers to them.
 */
const MISSED_ASSETS = [
  { loadedAs: 'libpg-query.wasm', from: 'node_modules/libpg-query/wasm/libpg-query.wasm' },
];

/**
 * Entries of an action besides src/index.ts: `src/post.ts` becomes dist/post.js for action.yml's
 * `runs.post` (a step that runs after the job's other steps, even when they failed or were cancelled).
 */
export const EXTRA_ENTRIES = [{ source: 'post.ts', output: 'post.js', license: 'post-licenses.txt' }];

/** Bundles src/index.ts and any EXTRA_ENTRIES of actions/<name> into `distDir`, replacing it. */
export async function bundleActionDir(name: string, distDir: string, root = ROOT): Promise<string[]> {
  const src = join(root, 'actions', name, 'src');
  const files = await bundleAction(join(src, 'index.ts'), distDir, root);
  for (const extra of EXTRA_ENTRIES) {
    if (!existsSync(join(src, extra.source))) continue;
    files.push(
      ...(await bundleAction(join(src, extra.source), distDir, root, {
        output: extra.output,
        license: extra.license,
        clean: false,
      })),
    );
  }
  return [...new Set(files)].sort();
}

/** Bundles one TypeScript entry (ncc only transpiles it: `npm run typecheck` is the type gate, and one file being edited elsewhere must not break every bundle) into `distDir`, replacing whatever was there unless `clean` is false. Returns the files written. */
export async function bundleAction(
  entry: string,
  distDir: string,
  root = ROOT,
  options: { output?: string; license?: string; clean?: boolean; executable?: boolean } = {},
): Promise<string[]> {
  const { code, assets } = await ncc(entry, {
    minify: false,
    sourceMap: false,
    quiet: true,
    target: 'es2022',
    cache: false,
    license: options.license ?? 'licenses.txt',
    transpileOnly: true,
  });
  const files: Record<string, Buffer | string> = { [options.output ?? 'index.js']: code };
  for (const [name, asset] of Object.entries(assets)) files[name] = asset.source;
  const scripts = Object.keys(files).filter((name) => name.endsWith('.js'));
  const builtins = externalBuiltins(scripts.map((name) => String(files[name])));
  // Chunks are ES modules of their own: each needs the __dirname prelude, not only the entry.
  for (const name of scripts) files[name] = patchBundle(nativeBuiltinImports(String(files[name]), builtins));
  const main = options.output ?? 'index.js';
  // A bin runs through its shebang: it must be the file's first line, before patchBundle's prelude.
  if (options.executable)
    files[main] = `#!/usr/bin/env node\n${String(files[main]).replace(/^#![^\n]*\n/m, '')}`;
  for (const extra of MISSED_ASSETS) {
    const referenced = scripts.some((name) => String(files[name]).includes(extra.loadedAs));
    if (referenced && !(extra.loadedAs in files))
      files[extra.loadedAs] = await readFile(join(root, extra.from));
  }
  if (options.clean !== false) await rm(distDir, { recursive: true, force: true });
  for (const [name, content] of Object.entries(files)) {
    const target = join(distDir, name);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content, name === main && options.executable ? { mode: 0o755 } : {});
  }
  return Object.keys(files).sort();
}

/**
 * ncc's ESM output has no __dirname/__filename, but bundled CommonJS code (and emscripten loaders)
 * use them to find their assets. Define both from import.meta.url at the top of the bundle.
 */
export function patchBundle(code: string): string {
  const prelude = [
    "import { fileURLToPath as __summitFileURLToPath } from 'node:url';",
    "import { dirname as __summitDirname } from 'node:path';",
    'const __filename = __summitFileURLToPath(import.meta.url);',
    'const __dirname = __summitDirname(__filename);',
    '',
  ].join('\n');
  return prelude + code;
}

/** Webpack module ids that stand for a Node built-in (`module.exports = …createRequire(import.meta.url)("node:x")`). */
export function externalBuiltins(sources: string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const pattern =
    /\/\*\*\*\/ (\d+):\n\/\*\*\*\/ \(\(module\) => \{\n\nmodule\.exports = __WEBPACK_EXTERNAL_createRequire\(import\.meta\.url\)\("([^"]+)"\);/g;
  for (const source of sources) for (const match of source.matchAll(pattern)) ids.set(match[1]!, match[2]!);
  return ids;
}

/**
 * `await import('node:module')` in a bundled package becomes webpack's namespace interop over the
 * CommonJS value, which copies no properties when that value is a function (node:module exports
 * the Module class), so `const { createRequire } = await import('module')` yields undefined —
 * PGlite dies with "e is not a function". Dynamic imports of built-ins go back to native import().
 */
export function nativeBuiltinImports(code: string, builtins: Map<string, string>): string {
  // The runtime is `__nccwpck_require__` in the entry and `__webpack_require__` in lazily loaded chunks.
  return code.replace(
    /Promise\.resolve\(\/\* import\(\) \*\/\)\.then\((__nccwpck_require__|__webpack_require__)\.t\.bind\(\1, (\d+), \d+\)\)/g,
    (whole, _runtime: string, id: string) => {
      const builtin = builtins.get(id);
      return builtin ? `import(${JSON.stringify(builtin)})` : whole;
    },
  );
}

/** The installed bin: package.json `bin` points here; `npm run build` writes it. */
export const CLI_BIN = 'cli/dist/summit-ops.js';

/**
 * Bundles the CLI (cli/main.ts) into cli/dist/ with the same ncc setup as the actions, so
 * `summit-ops` runs as plain JavaScript on Node ≥ 20 with no runtime dependency: each action is a
 * lazily loaded chunk, the labs stay out (cli/job.ts loads them from a checkout's source).
 */
export async function bundleCli(distDir = join(ROOT, dirname(CLI_BIN)), root = ROOT): Promise<string[]> {
  return bundleAction(join(root, 'cli', 'main.ts'), distDir, root, {
    output: basename(CLI_BIN),
    executable: true,
  });
}

export const WORKFLOW_HEADER =
  '# Generated by `npm run build` from reusable-workflows/; edit the source there, not this copy.\n';

export async function copyWorkflows(root = ROOT): Promise<string[]> {
  const source = join(root, 'reusable-workflows');
  const target = join(root, '.github', 'workflows');
  const sources = existsSync(source)
    ? (await readdir(source)).filter((name) => /\.ya?ml$/.test(name)).sort()
    : [];
  await mkdir(target, { recursive: true });
  for (const name of sources) {
    await writeFile(join(target, name), WORKFLOW_HEADER + (await readFile(join(source, name), 'utf8')));
  }
  // A generated copy whose source is gone would stay callable: remove it. Hand-written workflows
  // (no generated header) are left alone.
  for (const name of await readdir(target)) {
    if (sources.includes(name)) continue;
    if ((await readFile(join(target, name), 'utf8')).startsWith(WORKFLOW_HEADER))
      await rm(join(target, name));
  }
  return sources;
}

export async function build(options: BuildOptions = {}): Promise<void> {
  const root = options.root ?? ROOT;
  const log = options.log ?? ((m: string) => console.log(m));
  const actions = (await listActions(root)).filter((name) => !options.only || options.only.includes(name));
  for (const name of actions) {
    const files = await bundleActionDir(name, join(root, 'actions', name, 'dist'), root);
    log(`bundled actions/${name}/dist: ${files.join(', ')}`);
  }
  if (!options.only || options.only.includes('cli')) {
    const files = await bundleCli(join(root, dirname(CLI_BIN)), root);
    log(
      `bundled ${dirname(CLI_BIN)}: ${files.length} files (${CLI_BIN} and its lazily loaded chunks and assets)`,
    );
  }
  const docs = await writeActionDocs(root, await listActions(root));
  if (docs.length)
    log(`regenerated inputs/outputs tables in: ${docs.map((n) => `actions/${n}/README.md`).join(', ')}`);
  const workflows = await copyWorkflows(root);
  if (workflows.length) log(`copied ${workflows.length} reusable workflow(s) to .github/workflows/`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build({ only: process.argv.slice(2).length ? process.argv.slice(2) : undefined });
}
