/**
 * Starts the real Prometheus (Debian package) on 127.0.0.1 with a generated config and a temporary
 * data directory, and stops it (removing both) at the end.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const PROMETHEUS_BIN = process.env['PROMETHEUS_BIN'] ?? 'prometheus';

export function prometheusAvailable(): boolean {
  return spawnSync(PROMETHEUS_BIN, ['--version'], { encoding: 'utf8' }).status === 0;
}

export interface ScrapeJob {
  name: string;
  target: string;
}

export interface LabPrometheus {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startPrometheus(options: {
  scrapeSeconds: number;
  evalSeconds: number;
  jobs: ScrapeJob[];
  rules: string;
}): Promise<LabPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'keda-lab-prom-'));
  const ms = (s: number) => `${Math.max(1, Math.round(s * 1000))}ms`;
  writeFileSync(join(dir, 'rules.yaml'), options.rules);
  writeFileSync(
    join(dir, 'prometheus.yml'),
    [
      'global:',
      `  scrape_interval: ${ms(options.scrapeSeconds)}`,
      `  scrape_timeout: ${ms(Math.min(options.scrapeSeconds, 10))}`,
      `  evaluation_interval: ${ms(options.evalSeconds)}`,
      'rule_files: [rules.yaml]',
      'scrape_configs:',
      ...options.jobs.flatMap((j) => [
        `  - job_name: ${j.name}`,
        '    static_configs:',
        `      - targets: ['${j.target}']`,
      ]),
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const child: ChildProcess = spawn(
    PROMETHEUS_BIN,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
      '--web.enable-lifecycle',
    ],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  // Without a listener a missing binary (ENOENT) would be an uncaught 'error' event.
  let startFailed = false;
  child.once('error', (error: NodeJS.ErrnoException) => {
    startFailed = true;
    stderr += `cannot start ${PROMETHEUS_BIN}: ${error.code ?? error.message}`;
  });
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && !startFailed) {
      child.kill('SIGTERM');
      // An unref'd guard: a Prometheus that ignores SIGTERM is killed, and the wait never holds the process.
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5000, undefined, { ref: false })]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null || startFailed) break;
    try {
      const r = await fetch(`${url}/-/ready`);
      if (r.ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  await stop();
  throw new Error(
    `Prometheus did not become ready on 127.0.0.1:${port}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
  );
}
