/**
 * Runs the tests of an OpenFGA store file (`*.fga.yaml`, the format of `fga model test`) against a
 * real OpenFGA server: the OpenFGA CLI is not served by the Go module proxy here, so this does what
 * it does — a fresh store per test, the model, the file's tuples plus the test's own, then every
 * `check` and `list_objects` assertion through the official SDK — and reports each mismatch.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { TupleKey } from '@openfga/sdk';
import { parse } from 'yaml';
import type { OpenFgaServer } from './openfga.ts';

interface StoreFile {
  name?: string;
  model?: string;
  model_file?: string;
  tuples?: TupleKey[];
  tests: Array<{
    name: string;
    tuples?: TupleKey[];
    check?: Array<{ user: string; object: string; assertions: Record<string, boolean> }>;
    list_objects?: Array<{ user: string; type: string; assertions: Record<string, string[]> }>;
  }>;
}

export interface StoreTestReport {
  /** Assertions evaluated. */
  assertions: number;
  /** One line per failed assertion: test name, query, expected and actual. */
  failures: string[];
}

export async function loadStoreFile(path: string): Promise<{ file: StoreFile; dsl: string }> {
  const file = parse(await readFile(path, 'utf8')) as StoreFile;
  const dsl = file.model ?? (await readFile(resolve(dirname(path), file.model_file ?? ''), 'utf8'));
  return { file, dsl };
}

export async function runStoreTests(
  server: OpenFgaServer,
  file: StoreFile,
  dsl: string,
): Promise<StoreTestReport> {
  const report: StoreTestReport = { assertions: 0, failures: [] };
  for (const t of file.tests) {
    const { storeId, modelId } = await server.seed(
      dsl,
      [...(file.tuples ?? []), ...(t.tuples ?? [])],
      t.name.slice(0, 60),
    );
    const client = server.admin(storeId);
    const opts = { authorizationModelId: modelId };
    for (const c of t.check ?? [])
      for (const [relation, expected] of Object.entries(c.assertions)) {
        report.assertions++;
        const { allowed } = await client.check({ user: c.user, relation, object: c.object }, opts);
        if (allowed !== expected)
          report.failures.push(
            `${t.name}: check ${c.user} ${relation} ${c.object}: expected ${expected}, got ${allowed}`,
          );
      }
    for (const l of t.list_objects ?? [])
      for (const [relation, expected] of Object.entries(l.assertions)) {
        report.assertions++;
        const { objects } = await client.listObjects({ user: l.user, relation, type: l.type }, opts);
        const [want, got] = [[...expected].sort(), [...objects].sort()];
        if (JSON.stringify(want) !== JSON.stringify(got))
          report.failures.push(
            `${t.name}: list_objects ${l.user} ${relation} ${l.type}: expected [${want.join(', ')}], got [${got.join(', ')}]`,
          );
      }
  }
  return report;
}
