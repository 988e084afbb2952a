/**
 * Peer tools a benchmark measures against but the project does not depend on. squawk-cli cannot be
 * a devDependency: npm records only this platform's optional binary package in the lock, and then
 * `npm ci` refuses the lock. So a benchmark installs its peer on first use into .tmp/bench-peers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PEERS = join(ROOT, '.tmp', 'bench-peers');

/** Path of `bin` from `pkg@version`, installing it (from the npm registry) when missing. */
export function peerBin(pkg: string, version: string, bin: string): string {
  const path = join(PEERS, 'node_modules', '.bin', bin);
  if (!existsSync(path)) {
    console.log(`installing benchmark peer ${pkg}@${version} into .tmp/bench-peers …`);
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        PEERS,
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `${pkg}@${version}`,
      ],
      { stdio: 'inherit' },
    );
  }
  return path;
}
