/**
 * Whole-process figures: what a user waits for. The dlp-scan bundle (actions/dlp-scan/dist, run
 * as the runner runs it: node24, INPUT_* variables) against the secretlint CLI (preset-recommend)
 * and, where installed, gitleaks (`gitleaks dir`), in the same run, on the same generated tree,
 * and on a one-file scan (the pre-commit case). Each figure is the median of DLP_PROCESS_RUNS
 * runs (default 3), interleaved so a busy neighbour slows every tool alike. Prints only.
 *
 *   npm run build -- dlp-scan && DLP_BENCH_MIB=30 npx node bench/dlp/process.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateCorpus } from './corpus.ts';
import { measureNoise } from './noise.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'actions', 'dlp-scan', 'dist', 'index.js');
const SECRETLINT = join(ROOT, 'node_modules', '.bin', 'secretlint');
const GITLEAKS = [
  '/root/go/bin/gitleaks',
  join(process.env['HOME'] ?? '/root', 'go', 'bin', 'gitleaks'),
].find((p) => existsSync(p));

interface Tool {
  name: string;
  run: (target: string, cwd: string) => { ms: number; ok: boolean; detail: string };
}

function timed(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const started = performance.now();
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  return { ms, status: result.status, out: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function dlpScan(threads: string): Tool {
  return {
    name: `dlp-scan bundle (threads ${threads})`,
    run: (target, cwd) => {
      const r = timed(process.execPath, [BUNDLE], {
        cwd,
        env: {
          PATH: process.env['PATH'],
          GITHUB_WORKSPACE: cwd,
          RUNNER_TEMP: join(cwd, '..'),
          INPUT_MODE: 'tree',
          INPUT_PATH: target,
          INPUT_THREADS: threads,
          'INPUT_FAIL-ON': 'error',
          'INPUT_MAX-FILE-SIZE': '8M',
          'INPUT_FAIL-ON-SKIPPED': 'false',
          'INPUT_COMMIT-DETAILS': 'masked',
        },
      });
      const findings = /dlp-scan: (\d+) finding/.exec(r.out)?.[1] ?? '?';
      return { ms: r.ms, ok: r.status === 0 || r.status === 1, detail: `${findings} findings` };
    },
  };
}

const secretlint: Tool = {
  name: 'secretlint CLI (preset-recommend)',
  run: (target, cwd) => {
    const pattern = target === '.' ? '**/*' : target;
    const r = timed(SECRETLINT, ['--secretlintrc', '.secretlintrc.json', '--format', 'json', pattern], {
      cwd,
    });
    let findings = '?';
    try {
      const parsed = JSON.parse(r.out.slice(r.out.indexOf('['))) as Array<{ messages: unknown[] }>;
      findings = String(parsed.reduce((n, f) => n + f.messages.length, 0));
    } catch {
      // leave '?': the output was not the JSON report
    }
    return { ms: r.ms, ok: r.status === 0 || r.status === 1, detail: `${findings} findings` };
  },
};

const gitleaks: Tool = {
  name: 'gitleaks dir (8.x, Go)',
  run: (target, cwd) => {
    const report = join(cwd, '..', 'gitleaks-report.json');
    const r = timed(
      GITLEAKS!,
      ['dir', target, '--no-banner', '--exit-code', '0', '--report-format', 'json', '--report-path', report],
      { cwd },
    );
    let findings = '?';
    try {
      findings = String((JSON.parse(readFileSync(report, 'utf8')) as unknown[]).length);
    } catch {
      // leave '?': no report written
    }
    return { ms: r.ms, ok: r.status === 0, detail: `${findings} findings` };
  },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(tools: Tool[], target: string, cwd: string, runs: number) {
  const times = new Map<string, number[]>();
  const details = new Map<string, string>();
  for (let round = 0; round < runs; round++) {
    for (const tool of tools) {
      const r = tool.run(target, cwd);
      if (!r.ok) details.set(tool.name, `FAILED (${r.detail})`);
      else details.set(tool.name, r.detail);
      times.set(tool.name, [...(times.get(tool.name) ?? []), r.ms]);
    }
  }
  return tools.map((t) => ({ name: t.name, ms: median(times.get(t.name)!), detail: details.get(t.name)! }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const mib = Number(process.env['DLP_BENCH_MIB'] ?? 30);
  const runs = Number(process.env['DLP_PROCESS_RUNS'] ?? 3);
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: npx node scripts/build.ts dlp-scan`);
  // Inside the repository (.tmp is ignored) so the secretlint CLI resolves its preset.
  const base = join(ROOT, '.tmp', `dlp-process-${process.pid}`);
  const tree = join(base, 'tree');
  const one = join(base, 'one');
  mkdirSync(tree, { recursive: true });
  mkdirSync(one, { recursive: true });
  try {
    const corpus = generateCorpus(tree, mib);
    const config = JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] });
    writeFileSync(join(tree, '.secretlintrc.json'), config);
    writeFileSync(join(one, '.secretlintrc.json'), config);
    writeFileSync(join(one, 'app.ts'), "import { x } from './x.ts';\nexport const y = x + 1;\n");
    const tools = [dlpScan('auto'), dlpScan('1'), secretlint, ...(GITLEAKS ? [gitleaks] : [])];
    const cores = availableParallelism();
    console.log(
      `Node ${process.versions.node}, ${cores} cores (load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}), ${runs} interleaved runs, medians.`,
    );
    const mibs = corpus.bytes / 1024 / 1024;
    console.log(`\nTree of ${corpus.files.length} files, ${mibs.toFixed(1)} MiB (whole process):`);
    const big = measure(tools, '.', tree, runs);
    const ours = big[0]!.ms;
    for (const r of big)
      console.log(
        `  ${r.name.padEnd(36)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${(mibs / (r.ms / 1000)).toFixed(1).padStart(6)} MiB/s  ${(r.ms / ours).toFixed(2)}x ours  ${r.detail}`,
      );
    console.log('\nOne file (the pre-commit case, whole process):');
    const small = measure(tools, 'app.ts', one, runs);
    for (const r of small)
      console.log(`  ${r.name.padEnd(36)} ${r.ms.toFixed(0).padStart(6)} ms  ${r.detail}`);
    if (!GITLEAKS)
      console.log('\n(gitleaks not installed: go install github.com/zricethezav/gitleaks/v8@latest)');
    const noise = measureNoise(
      join(ROOT, 'node_modules'),
      Number(process.env['DLP_NOISE_MIB'] ?? 80) * 1024 * 1024,
    );
    console.log(
      `\nNoise on real code without secrets (this repository's node_modules, ${(noise.bytes / 1024 / 1024).toFixed(1)} MiB, ${noise.files} files): ${noise.findings} findings = ${noise.perTenMiB.toFixed(2)} per 10 MiB ${JSON.stringify(noise.byRule)}`,
    );
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
