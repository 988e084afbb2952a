/**
 * DLP benchmark: our engine vs secretlint (preset-recommend) on the same generated corpus, in
 * the same run, one thread each. Prints throughput, the ratio, and recall/precision against the
 * planted truth. Prints only; asserts nothing.
 *
 *   npx node bench/dlp/run.ts               # ~50 MiB
 *   DLP_BENCH_MIB=5 npx node bench/dlp/run.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultRulePack, scanText } from '../../lib/dlp/index.ts';
import { generateCorpus, type TruthItem } from './corpus.ts';

interface Reported {
  file: string;
  line: number;
  ruleId: string;
}

interface Score {
  recall: number;
  recallSecrets: number;
  precision: number;
  found: number;
  reported: number;
}

/** A truth item counts as found when a finding starts on its line (the PEM: its first line). */
function score(truth: TruthItem[], reported: Reported[]): Score {
  const key = (f: string, l: number) => `${f}:${l}`;
  const truthKeys = new Set(truth.map((t) => key(t.file, t.line)));
  const reportedKeys = new Set(reported.map((r) => key(r.file, r.line)));
  const found = truth.filter((t) => reportedKeys.has(key(t.file, t.line)));
  const secrets = truth.filter((t) => t.kind === 'secret');
  const secretsFound = secrets.filter((t) => reportedKeys.has(key(t.file, t.line)));
  const truePositives = reported.filter((r) => truthKeys.has(key(r.file, r.line))).length;
  return {
    recall: found.length / truth.length,
    recallSecrets: secretsFound.length / secrets.length,
    precision: reported.length === 0 ? 1 : truePositives / reported.length,
    found: found.length,
    reported: reported.length,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const mib = Number(process.env.DLP_BENCH_MIB ?? '50');
  if (!(mib > 0)) throw new Error(`DLP_BENCH_MIB must be a positive number, got '${process.env.DLP_BENCH_MIB}'`);
  const dir = mkdtempSync(join(tmpdir(), 'dlp-bench-'));
  try {
    const t0 = performance.now();
    const corpus = generateCorpus(dir, mib);
    const sizeMiB = corpus.bytes / 1024 / 1024;
    console.log(`corpus: ${corpus.files.length} files, ${sizeMiB.toFixed(1)} MiB, ${corpus.truth.length} planted items (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

    // Read once up front so both scanners are timed on scanning, not on the page cache.
    const contents = corpus.files.map((f) => readFileSync(join(dir, f), 'utf8'));

    // Ours.
    const pack = defaultRulePack();
    // Warm-up (JIT, regex tier-up) on the first files, for both scanners alike.
    const warm = contents.slice(0, Math.min(contents.length, 32));
    for (let i = 0; i < warm.length; i++) scanText(warm[i]!, { path: corpus.files[i]!, rules: pack });
    const ours: Reported[] = [];
    const ruleCounts = new Map<string, number>();
    let keywordHits = 0;
    const s0 = performance.now();
    for (let i = 0; i < contents.length; i++) {
      for (const f of scanText(contents[i]!, { path: corpus.files[i]!, rules: pack })) {
        ours.push({ file: f.path, line: f.line, ruleId: f.ruleId });
        ruleCounts.set(f.ruleId, (ruleCounts.get(f.ruleId) ?? 0) + 1);
      }
    }
    const oursSeconds = (performance.now() - s0) / 1000;
    for (const text of contents.slice(0, 20)) keywordHits += pack.prefilter.scan(text).keywordHits.length / 2;
    const sampleMiB = contents.slice(0, 20).reduce((n, t) => n + t.length, 0) / 1024 / 1024;

    // secretlint, through its Node API (config loader + core), preset-recommend.
    const { loadPackagesFromConfigDescriptor } = await import('@secretlint/config-loader');
    const { lintSource } = await import('@secretlint/core');
    const loaded = await loadPackagesFromConfigDescriptor({
      configDescriptor: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] },
    });
    if (!loaded.ok) throw new Error('secretlint: cannot load @secretlint/secretlint-rule-preset-recommend (is it installed?)');
    const theirs: Reported[] = [];
    const lint = (content: string, filePath: string) =>
      lintSource({
        source: { content, filePath, ext: filePath.slice(filePath.lastIndexOf('.')), contentType: 'text' },
        options: { config: loaded.config, maskSecrets: true },
      });
    for (let i = 0; i < warm.length; i++) await lint(warm[i]!, corpus.files[i]!);
    const l0 = performance.now();
    for (let i = 0; i < contents.length; i++) {
      const result = await lint(contents[i]!, corpus.files[i]!);
      for (const m of result.messages) theirs.push({ file: corpus.files[i]!, line: m.loc.start.line, ruleId: m.ruleId });
    }
    const theirSeconds = (performance.now() - l0) / 1000;

    const oursScore = score(corpus.truth, ours);
    const theirScore = score(corpus.truth, theirs);
    const oursRate = sizeMiB / oursSeconds;
    const theirRate = sizeMiB / theirSeconds;
    console.log(`node ${process.version}, one thread each, ${sizeMiB.toFixed(1)} MiB in memory`);
    console.log(`prefilter keyword hits: ${(keywordHits / sampleMiB).toFixed(0)} per MiB (sample of 20 files)`);
    console.log('');
    console.log('scanner     MiB/s    seconds  recall(all)  recall(secrets)  precision  reported');
    for (const [name, rate, seconds, s] of [
      ['dlp (ours)', oursRate, oursSeconds, oursScore],
      ['secretlint', theirRate, theirSeconds, theirScore],
    ] as const) {
      console.log(
        `${name.padEnd(10)} ${rate.toFixed(1).padStart(7)} ${seconds.toFixed(2).padStart(9)}  ${pct(s.recall).padStart(11)}  ${pct(s.recallSecrets).padStart(15)}  ${pct(s.precision).padStart(9)}  ${String(s.reported).padStart(8)}`,
      );
    }
    console.log('');
    console.log(`ratio (ours / secretlint): ${(oursRate / theirRate).toFixed(1)}x   goal: >= 100 MiB/s for ours`);
    const missed = corpus.truth.filter((t) => !ours.some((o) => o.file === t.file && o.line === t.line));
    const missedByRule = new Map<string, number>();
    for (const m of missed) missedByRule.set(m.ruleId, (missedByRule.get(m.ruleId) ?? 0) + 1);
    if (missed.length > 0) console.log(`ours missed (by rule): ${JSON.stringify(Object.fromEntries(missedByRule))}`);
    const truthKeys = new Set(corpus.truth.map((t) => `${t.file}:${t.line}`));
    const extra = new Map<string, number>();
    for (const o of ours) if (!truthKeys.has(`${o.file}:${o.line}`)) extra.set(o.ruleId, (extra.get(o.ruleId) ?? 0) + 1);
    if (extra.size > 0) console.log(`ours false positives (by rule): ${JSON.stringify(Object.fromEntries(extra))}`);
    console.log('secretlint covers no PII rules; recall(secrets) is the comparable figure.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
