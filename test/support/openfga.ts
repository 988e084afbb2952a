/**
 * A real OpenFGA server for tests: `openfga run` with its in-memory datastore on 127.0.0.1 and free
 * ports, stopped by the test file that started it. `.ci/run` builds the pinned binary into the
 * tools folder; openFgaSkip() says whether one is here (skip locally, fail in CI, see components.ts).
 * Stores, models and tuples are written through the official SDK, as an operator would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CredentialsMethod, OpenFgaClient, type TupleKey } from '@openfga/sdk';
import { transformer } from '@openfga/syntax-transformer';
import { missingComponent } from './components.ts';

export const OPENFGA_VERSION = 'v1.22.1';

/** OPENFGA_BIN, `openfga` on PATH, or the tools folder .ci/run builds into. */
export function findOpenFga(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const tools = env['SUMMIT_OPS_TOOLS'] ?? join(homedir(), '.cache', 'summit-ops', 'tools');
  const candidates = [
    env['OPENFGA_BIN'],
    ...(env['PATH'] ?? '').split(delimiter).map((dir) => dir && join(dir, 'openfga')),
    join(tools, 'bin', 'openfga'),
  ];
  return candidates.find((file): file is string => !!file && existsSync(file));
}

export function openFgaSkip(): false | string {
  return missingComponent(
    findOpenFga() !== undefined,
    `no openfga binary (.ci/run builds it: go install github.com/openfga/openfga/cmd/openfga@${OPENFGA_VERSION}; or set OPENFGA_BIN)`,
  );
}

export interface OpenFgaServer {
  /** http://127.0.0.1:<port> */
  apiUrl: string;
  /** An SDK client for setting up stores (with the preshared key, when there is one). */
  admin(storeId?: string): OpenFgaClient;
  /** A new store with `dsl` as its model and `tuples` written; returns their ids. */
  seed(dsl: string, tuples: TupleKey[], name?: string): Promise<{ storeId: string; modelId: string }>;
  stop(): Promise<void>;
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

/** Starts the server; with `presharedKey`, every API call needs `Authorization: Bearer <key>`. */
export async function startOpenFga(options: { presharedKey?: string } = {}): Promise<OpenFgaServer> {
  const bin = findOpenFga();
  if (!bin) throw new Error('no openfga binary; see openFgaSkip()');
  const [http, grpc] = [await freePort(), await freePort()];
  const args = [
    'run',
    '--datastore-engine=memory',
    `--http-addr=127.0.0.1:${http}`,
    `--grpc-addr=127.0.0.1:${grpc}`,
    '--playground-enabled=false',
    '--metrics-enabled=false',
    '--log-level=error',
    ...(options.presharedKey
      ? ['--authn-method=preshared', `--authn-preshared-keys=${options.presharedKey}`]
      : ['--authn-method=none']),
  ];
  const child: ChildProcess = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const apiUrl = `http://127.0.0.1:${http}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`openfga exited with ${child.exitCode}: ${stderr}`);
    const ok = await fetch(`${apiUrl}/healthz`)
      .then(async (r) => r.ok && ((await r.json()) as { status?: string }).status === 'SERVING')
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`openfga did not become healthy on ${apiUrl} within 20 s: ${stderr}`);
    }
    await delay(100);
  }
  const admin = (storeId?: string) =>
    new OpenFgaClient({
      apiUrl,
      ...(storeId ? { storeId } : {}),
      ...(options.presharedKey
        ? { credentials: { method: CredentialsMethod.ApiToken, config: { token: options.presharedKey } } }
        : {}),
    });
  return {
    apiUrl,
    admin,
    async seed(dsl, tuples, name = 'test') {
      // Store names allow letters, digits, spaces and ./@_- only.
      const safe = name.replace(/[^\w\s./@-]/g, '-').slice(0, 64);
      const { id: storeId } = await admin().createStore({ name: safe });
      const store = admin(storeId);
      const { authorization_model_id: modelId } = await store.writeAuthorizationModel(
        transformer.transformDSLToJSONObject(dsl) as never,
      );
      // The Write API takes at most 100 tuples per call.
      for (let i = 0; i < tuples.length; i += 100)
        await store.write({ writes: tuples.slice(i, i + 100) }, { authorizationModelId: modelId });
      return { storeId, modelId };
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, delay(5_000, undefined, { ref: false })]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  };
}
