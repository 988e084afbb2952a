/**
 * Focused timing of our engine alone (no peer): prefilter pass vs full scan, best of N rounds.
 * For profiling (`npx node --cpu-prof bench/dlp/micro.ts`); bench/dlp/run.ts is the benchmark.
 *
 *   DLP_BENCH_MIB=20 DLP_ROUNDS=3 npx node bench/dlp/micro.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultRulePack, scanText } from '../../lib/dlp/index.ts';
import { generateCorpus } from './corpus.ts';

const mib = Number(process.env.DLP_BENCH_MIB ?? '20');
const rounds = Number(process.env.DLP_ROUNDS ?? '3');
const only = process.env.DLP_ONLY ?? 'both';
const dir = mkdtempSync(join(tmpdir(), 'dlp-micro-'));
try {
  const corpus = generateCorpus(dir, mib);
  const contents = corpus.files.map((f) => readFileSync(join(dir, f), 'utf8'));
  const size = corpus.bytes / 1024 / 1024;
  const pack = defaultRulePack();
  const time = (label: string, fn: () => number): void => {
    const rates: number[] = [];
    const cpuRates: number[] = [];
    let out = 0;
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      out = fn();
      const cpu = process.cpuUsage(c0);
      rates.push(size / ((performance.now() - t0) / 1000));
      cpuRates.push(size / ((cpu.user + cpu.system) / 1e6));
    }
    const f = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
    // CPU time is steadier than wall time on a shared machine; both are printed.
    console.log(
      `${label.padEnd(10)} wall best ${Math.max(...rates).toFixed(1)} MiB/s [${f(rates)}]  cpu best ${Math.max(...cpuRates).toFixed(1)} MiB/s [${f(cpuRates)}]  (${out})`,
    );
  };
  if (only !== 'scan') {
    time('prefilter', () => {
      let n = 0;
      for (const text of contents) n += pack.prefilter.scan(text).keywordHits.length;
      return n;
    });
  }
  if (only !== 'prefilter') {
    time('scan', () => {
      let n = 0;
      for (let i = 0; i < contents.length; i++)
        n += scanText(contents[i]!, { path: corpus.files[i]!, rules: pack }).length;
      return n;
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
