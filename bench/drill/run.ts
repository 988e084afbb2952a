/**
 * `npm run bench drill`: accuracy of the open-model load generator (lib/load) at 200, 1,000 and
 * 5,000 requests/s against the edge lab, side by side with autocannon (`overallRate`) in the same
 * run: achieved rate against the target (goal: within 2 %) and, for lib/load, how late requests
 * left against their schedule (goal: p99 <= 10 ms). autocannon has no schedule to be late against:
 * it paces connections, so a slow response delays the next request (closed model) — its figures
 * are the achieved rate and latency only.
 *
 *   npm run bench drill                     5 s per rate
 *   npm run bench drill -- (env BENCH_DRILL_SECONDS=10)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { achievedRate, runLoad } from '../../lib/load/index.ts';

export interface Measurement {
  tool: string;
  target: number;
  requests: number;
  achieved: number;
  errors: number;
  latencyP50: number;
  latencyP99: number;
  latenessP99?: number;
}

export async function measureLibLoad(url: string, rate: number, seconds: number): Promise<Measurement> {
  const run = await runLoad({ url, rate, durationMs: seconds * 1000, timeoutMs: 10_000 });
  return {
    tool: 'lib/load',
    target: rate,
    requests: run.records.length,
    achieved: achievedRate(run.records),
    errors: run.summary.http_req_failed.count + run.dropped,
    latencyP50: run.summary.http_req_duration.p50,
    latencyP99: run.summary.http_req_duration.p99,
    latenessP99: run.summary.schedule_lateness.p99,
  };
}

export async function measureAutocannon(url: string, rate: number, seconds: number): Promise<Measurement> {
  const result = await autocannon({
    url,
    overallRate: rate,
    duration: seconds,
    // Enough connections that pacing, not connection count, sets the rate.
    connections: Math.max(10, Math.ceil(rate / 50)),
  });
  return {
    tool: 'autocannon',
    target: rate,
    requests: result.requests.total,
    achieved: result.requests.total / seconds,
    errors: result.errors + result.timeouts + result.non2xx,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
  };
}

export function row(m: Measurement): string {
  const deviation = ((m.achieved - m.target) / m.target) * 100;
  return [
    m.tool.padEnd(10),
    String(m.target).padStart(6),
    String(m.requests).padStart(8),
    m.achieved.toFixed(1).padStart(9),
    `${deviation >= 0 ? '+' : ''}${deviation.toFixed(2)}%`.padStart(8),
    (Math.abs(deviation) <= 2 ? 'yes' : 'NO').padStart(6),
    String(m.errors).padStart(6),
    m.latencyP50.toFixed(2).padStart(8),
    m.latencyP99.toFixed(2).padStart(8),
    (m.latenessP99 === undefined ? '-' : m.latenessP99.toFixed(2)).padStart(10),
  ].join(' ');
}

async function main(): Promise<void> {
  const seconds = Number(process.env['BENCH_DRILL_SECONDS'] ?? 5);
  const here = dirname(fileURLToPath(import.meta.url));
  const server = spawn(process.execPath, [join(here, 'target.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(server.stdout, 'data')) as [Buffer];
  const url = chunk.toString().trim();
  console.log(`target ${url} (lab origin, own process); ${seconds} s per rate; Node ${process.version}`);
  console.log(
    'tool        target requests  achieved     dev  <=2%?  errors  lat p50  lat p99  late p99 (ms)',
  );
  try {
    for (const rate of [200, 1000, 5000]) {
      // Warm the connections and JIT of both so neither measures the other's cold start.
      await measureLibLoad(url, rate, 0.5);
      console.log(row(await measureLibLoad(url, rate, seconds)));
      console.log(row(await measureAutocannon(url, rate, seconds)));
    }
  } finally {
    server.kill('SIGTERM');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
