/**
 * A throwaway PostgreSQL cluster for tests: initdb + pg_ctl on a temp dir and a free port, run as
 * the postgres user when we are root (initdb refuses root). Free of jest, so benchmarks can
 * start one too; pg-server.ts adds the test-side skip rule.
 */
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, runOk } from '../../../test/support/run.ts';

export interface PgServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export function findBin(): string | undefined {
  const candidates = [
    process.env['PG_BIN'],
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort()
          .reverse()
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ];
  return candidates.find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function startPgServer(): Promise<PgServer> {
  const bin = findBin();
  if (!bin)
    throw new Error('no PostgreSQL server binary (install the Debian package postgresql, or set PG_BIN)');
  const dir = mkdtempSync(join(tmpdir(), 'catalog-gate-pg-'));
  const asRoot = process.getuid?.() === 0;
  const pg = async (cmd: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]]
      : [join(bin, cmd), args];
    const r = await run(file, argv as string[]);
    if (r.exitCode !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  if (asRoot) await runOk('chown', ['postgres', dir]);
  else chownSync(dir, process.getuid!(), process.getgid!());
  const data = join(dir, 'data');
  const port = await freePort();
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  await pg('pg_ctl', [
    '-D',
    data,
    '-w',
    '-s',
    '-l',
    join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      try {
        await pg('pg_ctl', ['-D', data, '-s', '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
