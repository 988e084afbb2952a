// The Kubernetes reads of live and surge mode are bounded: an API server that accepts the
// connection and never answers must not hang the step (client-node sets no timeout of its own).
import { expect, test } from '@jest/globals';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from '../../../test/support/cleanup.ts';
import { kubeReader } from '../src/kube.ts';

async function silentApiServer(): Promise<{ kubeconfig: string; requests: () => number }> {
  let requests = 0;
  const held: ServerResponse[] = [];
  const server = createServer((_req: IncomingMessage, res) => {
    requests++;
    held.push(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  onCleanup(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'keda-kube-silent-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'kubeconfig');
  writeFileSync(
    file,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster: { server: url, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'u', user: { token: 'synthetic' } }],
      contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'c',
    }),
  );
  return { kubeconfig: file, requests: () => requests };
}

test.each([
  ['replicas', (k: Awaited<ReturnType<typeof kubeReader>>) => k.replicas('shop', 'api')],
  ['hpa', (k: Awaited<ReturnType<typeof kubeReader>>) => k.hpa('shop', 'keda-hpa-api')],
  ['events', (k: Awaited<ReturnType<typeof kubeReader>>) => k.events('shop', 'keda-hpa-api')],
])(
  '%s: an API server that never answers fails within the timeout, naming it',
  async (_name, call) => {
    const api = await silentApiServer();
    const reader = await kubeReader(api.kubeconfig, { timeoutMs: 300 });
    const started = Date.now();
    await expect(call(reader)).rejects.toThrow(/did not answer within 300 ms.*check the cluster/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(api.requests()).toBe(1);
  },
  10_000,
);
