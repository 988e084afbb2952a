/**
 * DLP benchmark: our engine vs secretlint (preset-recommend) on the same generated corpus, in
 * the same run, one thread each, in interleaved rounds (the machine may be shared: compare the
 * ratio within a round). Then ours on worker threads (`scanFiles`). Prints throughput, the
 * ratio, and recall/precision against the planted truth. Prints only; asserts nothing.
 *
 *   npx node bench/dlp/run.ts               # ~50 MiB, 3 rounds, os.availableParallelism() threads
 *   DLP_BENCH_MIB=20 DLP_BENCH_ROUNDS=3 DLP_BENCH_THREADS=2 npx node bench/dlp/run.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeScanWorkers, defaultRulePack, scanFiles, scanText } from '../../lib/dlp/index.ts';
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

/**
 * secretlint's rule ids, by the part after `secretlint-rule-`, mapped to the truth's (our) rule
 * ids, so a finding only counts when it names the right kind of secret. An id missing here
 * matches nothing (and is printed), rather than quietly matching anything on the line.
 */
const SECRETLINT_RULES: Record<string, readonly string[]> = {
  aws: ['aws-access-key-id', 'aws-secret-access-key'],
  github: ['github-token', 'github-fine-grained-pat'],
  slack: ['slack-token', 'slack-webhook-url'],
  privatekey: ['private-key'],
  npm: ['npm-token'],
  gcp: ['google-api-key'],
  azure: ['azure-account-key'],
  gitlab: ['gitlab-pat'],
  stripe: ['stripe-secret-key'],
  basicauth: ['generic-secret'],
  openai: [],
  anthropic: [],
};

/** Whether a reported rule id names the truth item's rule (ours: equal; secretlint: the family). */
export function sameRule(truthRule: string, reportedRule: string): boolean {
  if (truthRule === reportedRule) return true;
  const m = /secretlint-rule-([a-z0-9-]+)$/.exec(reportedRule);
  return !!m && (SECRETLINT_RULES[m[1]!] ?? []).includes(truthRule);
}

/**
 * A truth item counts as found when a finding starts on its line (the PEM: its first line) AND
 * names its rule: a card number reported as a phone number is a miss plus a false positive.
 */
export function score(truth: TruthItem[], reported: Reported[]): Score & { unmappedRules: string[] } {
  const key = (f: string, l: number) => `${f}:${l}`;
  const truthAt = new Map<string, TruthItem[]>();
  for (const t of truth) truthAt.set(key(t.file, t.line), [...(truthAt.get(key(t.file, t.line)) ?? []), t]);
  const reportedAt = new Map<string, Reported[]>();
  for (const r of reported)
    reportedAt.set(key(r.file, r.line), [...(reportedAt.get(key(r.file, r.line)) ?? []), r]);
  const isFound = (t: TruthItem) =>
    (reportedAt.get(key(t.file, t.line)) ?? []).some((r) => sameRule(t.ruleId, r.ruleId));
  const found = truth.filter(isFound);
  const secrets = truth.filter((t) => t.kind === 'secret');
  const secretsFound = secrets.filter(isFound);
  const truePositives = reported.filter((r) =>
    (truthAt.get(key(r.file, r.line)) ?? []).some((t) => sameRule(t.ruleId, r.ruleId)),
  ).length;
  const unmappedRules = [
    ...new Set(
      reported
        .map((r) => /secretlint-rule-([a-z0-9-]+)$/.exec(r.ruleId)?.[1])
        .filter((id): id is string => id !== undefined && !(id in SECRETLINT_RULES)),
    ),
  ];
  return {
    recall: truth.length === 0 ? 1 : found.length / truth.length,
    recallSecrets: secrets.length === 0 ? 1 : secretsFound.length / secrets.length,
    precision: reported.length === 0 ? 1 : truePositives / reported.length,
    found: found.length,
    reported: reported.length,
    unmappedRules,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const mib = Number(process.env.DLP_BENCH_MIB ?? '50');
  if (!(mib > 0))
    throw new Error(`DLP_BENCH_MIB must be a positive number, got '${process.env.DLP_BENCH_MIB}'`);
  const dir = mkdtempSync(join(tmpdir(), 'dlp-bench-'));
  try {
    const t0 = performance.now();
    const corpus = generateCorpus(dir, mib);
    const sizeMiB = corpus.bytes / 1024 / 1024;
    console.log(
      `corpus: ${corpus.files.length} files, ${sizeMiB.toFixed(1)} MiB, ${corpus.truth.length} planted items (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );

    // Read once up front so both scanners are timed on scanning, not on the page cache.
    const contents = corpus.files.map((f) => readFileSync(join(dir, f), 'utf8'));
    const rounds = Number(process.env.DLP_BENCH_ROUNDS ?? '3');
    const threads = process.env.DLP_BENCH_THREADS
      ? Number(process.env.DLP_BENCH_THREADS)
      : availableParallelism();

    // secretlint, through its Node API (config loader + core), preset-recommend.
    const { loadPackagesFromConfigDescriptor } = await import('@secretlint/config-loader');
    const { lintSource } = await import('@secretlint/core');
    const loaded = await loadPackagesFromConfigDescriptor({
      configDescriptor: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] },
    });
    if (!loaded.ok)
      throw new Error(
        'secretlint: cannot load @secretlint/secretlint-rule-preset-recommend (is it installed?)',
      );
    const lint = (content: string, filePath: string) =>
      lintSource({
        source: { content, filePath, ext: filePath.slice(filePath.lastIndexOf('.')), contentType: 'text' },
        options: { config: loaded.config, maskSecrets: true },
      });

    const pack = defaultRulePack();
    const runOurs = (): Reported[] => {
      const out: Reported[] = [];
      for (let i = 0; i < contents.length; i++) {
        for (const f of scanText(contents[i]!, { path: corpus.files[i]!, rules: pack }))
          out.push({ file: f.path, line: f.line, ruleId: f.ruleId });
      }
      return out;
    };
    const runTheirs = async (): Promise<Reported[]> => {
      const out: Reported[] = [];
      for (let i = 0; i < contents.length; i++) {
        const result = await lint(contents[i]!, corpus.files[i]!);
        for (const m of result.messages)
          out.push({ file: corpus.files[i]!, line: m.loc.start.line, ruleId: m.ruleId });
      }
      return out;
    };
    const inputs = contents.map((text, i) => ({ path: corpus.files[i]!, text }));
    const runThreads = async (): Promise<Reported[]> =>
      (await scanFiles(inputs, { rules: pack, threads })).flatMap((r) =>
        r.findings.map((f) => ({ file: f.path, line: f.line, ruleId: f.ruleId })),
      );

    // Warm-up (JIT tier-up, regex compilation) on the first ~4 MiB, twice, for both scanners alike.
    let warmCount = 0;
    for (let units = 0; warmCount < contents.length && units < 4 * 1024 * 1024; warmCount++)
      units += contents[warmCount]!.length;
    for (let w = 0; w < 2; w++) {
      for (let i = 0; i < warmCount; i++) scanText(contents[i]!, { path: corpus.files[i]!, rules: pack });
      for (let i = 0; i < warmCount; i++) await lint(contents[i]!, corpus.files[i]!);
    }

    // Interleaved rounds: the machine is shared, so each round's ratio compares the two scanners
    // under the same load; best and median over rounds are printed.
    const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
      const t0 = performance.now();
      const value = await fn();
      return [value, (performance.now() - t0) / 1000];
    };
    let ours: Reported[] = [];
    let theirs: Reported[] = [];
    let threaded: Reported[] = [];
    const oursRates: number[] = [];
    const theirRates: number[] = [];
    const threadRates: number[] = [];
    console.log(`node ${process.version}, ${sizeMiB.toFixed(1)} MiB in memory, ${rounds} interleaved rounds`);
    for (let r = 0; r < rounds; r++) {
      const [o, oSeconds] = await time(runOurs);
      const [t, tSeconds] = await time(runTheirs);
      const [m, mSeconds] = await time(runThreads);
      [ours, theirs, threaded] = [o, t, m];
      oursRates.push(sizeMiB / oSeconds);
      theirRates.push(sizeMiB / tSeconds);
      threadRates.push(sizeMiB / mSeconds);
      console.log(
        `round ${r + 1}: ours ${oursRates[r]!.toFixed(1)} MiB/s, secretlint ${theirRates[r]!.toFixed(1)} MiB/s, ratio ${(oursRates[r]! / theirRates[r]!).toFixed(1)}x; ` +
          `ours on ${threads} worker threads ${threadRates[r]!.toFixed(1)} MiB/s (${r === 0 ? 'cold: start-up and JIT warm-up included' : 'workers kept from the round before'})`,
      );
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const ratios = oursRates.map((x, i) => x / theirRates[i]!);
    let keywordHits = 0;
    for (const text of contents.slice(0, 20)) keywordHits += pack.prefilter.scan(text).keywordHits.length / 2;
    const sampleMiB = contents.slice(0, 20).reduce((n, t) => n + t.length, 0) / 1024 / 1024;
    const sameFindings = JSON.stringify(threaded) === JSON.stringify(ours);

    const oursScore = score(corpus.truth, ours);
    const theirScore = score(corpus.truth, theirs);
    const theirFalse = new Map<string, number>();
    for (const r of theirs) {
      const hit = corpus.truth.some(
        (t) => t.file === r.file && t.line === r.line && sameRule(t.ruleId, r.ruleId),
      );
      if (!hit) theirFalse.set(r.ruleId, (theirFalse.get(r.ruleId) ?? 0) + 1);
    }
    if (theirFalse.size > 0)
      console.log(
        `secretlint findings that match no planted item of their kind: ${JSON.stringify(Object.fromEntries(theirFalse))}`,
      );
    if (theirScore.unmappedRules.length > 0)
      console.log(
        `secretlint rules with no mapping to ours (count as false positives): ${theirScore.unmappedRules.join(', ')}`,
      );
    console.log(
      `prefilter keyword hits: ${(keywordHits / sampleMiB).toFixed(0)} per MiB (sample of 20 files)`,
    );
    console.log('');
    console.log('scanner     MiB/s best  median  recall(all)  recall(secrets)  precision  reported');
    for (const [name, rates, s] of [
      ['dlp (ours)', oursRates, oursScore],
      ['secretlint', theirRates, theirScore],
    ] as const) {
      console.log(
        `${name.padEnd(10)} ${Math.max(...rates)
          .toFixed(1)
          .padStart(
            10,
          )} ${median(rates).toFixed(1).padStart(7)}  ${pct(s.recall).padStart(11)}  ${pct(s.recallSecrets).padStart(15)}  ${pct(s.precision).padStart(9)}  ${String(s.reported).padStart(8)}`,
      );
    }
    console.log('');
    console.log(
      `ratio (ours / secretlint, same round): median ${median(ratios).toFixed(1)}x, rounds ${ratios.map((x) => x.toFixed(1)).join(' ')}   goal: >= 100 MiB/s for ours (~6x)`,
    );
    console.log(
      `ours, ${threads} worker threads: best ${Math.max(...threadRates).toFixed(1)} MiB/s, median ${median(threadRates).toFixed(1)} MiB/s (${(median(threadRates) / median(oursRates)).toFixed(2)}x one thread); same findings as one thread: ${sameFindings ? 'yes' : 'NO'}`,
    );
    const missed = corpus.truth.filter((t) => !ours.some((o) => o.file === t.file && o.line === t.line));
    const missedByRule = new Map<string, number>();
    for (const m of missed) missedByRule.set(m.ruleId, (missedByRule.get(m.ruleId) ?? 0) + 1);
    if (missed.length > 0)
      console.log(`ours missed (by rule): ${JSON.stringify(Object.fromEntries(missedByRule))}`);
    const truthKeys = new Set(corpus.truth.map((t) => `${t.file}:${t.line}`));
    const extra = new Map<string, number>();
    for (const o of ours)
      if (!truthKeys.has(`${o.file}:${o.line}`)) extra.set(o.ruleId, (extra.get(o.ruleId) ?? 0) + 1);
    if (extra.size > 0)
      console.log(`ours false positives (by rule): ${JSON.stringify(Object.fromEntries(extra))}`);
    console.log('secretlint covers no PII rules; recall(secrets) is the comparable figure.');
  } finally {
    await closeScanWorkers();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run only as a script: the scoring is imported by its test.
if (import.meta.main) await main();
