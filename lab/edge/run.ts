/**
 * `npm run drill`: a whole failover drill on this machine. Starts the edge lab (lab/edge/lab.ts,
 * timings read from infra/*.tf), runs actions/failover-drill through the same code path as the CLI,
 * and prints the measured switch times beside the worst case the Terraform implies.
 *
 *   npm run drill                          real Terraform timings (about 4 minutes)
 *   npm run drill -- --scale 0.1           every Terraform second becomes 100 ms
 *   npm run drill -- --lever pools         take Cloudflare out by disabling its pools (a real outage)
 *   npm run drill -- --rate 500 --hold 10s
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute } from '../../lib/runtime.ts';
import { terminalSink } from '../../cli/terminal.ts';
import definition from '../../actions/failover-drill/src/main.ts';
import { startEdgeLab } from './lab.ts';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const scale = Number(option('scale', '1'));
if (!(scale > 0)) {
  console.error(`--scale must be a number above 0, got ${option('scale', '1')}`);
  process.exit(2);
}
const lever = option('lever', 'route53');
if (lever !== 'route53' && lever !== 'pools') {
  console.error(`--lever must be route53 or pools, got ${lever}`);
  process.exit(2);
}
const seconds = (s: number) => `${Math.max(0.1, s * scale).toFixed(1)}s`;
const lab = await startEdgeLab({ timeScale: scale });
const workspace = await mkdtemp(join(tmpdir(), 'edge-drill-'));
console.log(`edge lab on 127.0.0.1 (time scale ${scale}); timings from infra/:`);
for (const b of lab.bounds) console.log(`  ${b.name}: worst case ${b.seconds} s = ${b.formula}`);
const inputs: Record<string, string> = {
  ...lab.drillInputs(lever),
  rate: option('rate', '200'),
  'warm-up': option('warm-up', seconds(10)),
  hold: option('hold', seconds(30)),
  settle: option('settle', seconds(5)),
  timeout: option('timeout', seconds(120)),
  budget: seconds(60),
  'allowed-non-2xx': lever === 'pools' ? '1000000' : '0',
};
const sink = terminalSink({ out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
let code = 1;
try {
  const { exitCode, result } = await execute(definition, (name) => inputs[name], sink, {
    env: { GITHUB_WORKSPACE: workspace },
  });
  code = exitCode;
  const bound = lab.bounds.find((b) => b.name.startsWith('CDN failover'))!;
  console.log(
    `\nverdict: ${result?.outputs['verdict'] ?? 'error'}; evidence in ${join(workspace, 'failover-drill-evidence')}`,
  );
  const timeline = (await import('node:fs/promises')).readFile(
    join(workspace, 'failover-drill-evidence', 'timeline.json'),
    'utf8',
  );
  const phases = (
    JSON.parse(await timeline) as {
      phases: Array<{ disabled: string; carrier: string; switchMs: number; non2xx: number }>;
    }
  ).phases;
  console.log(
    '\nmeasured vs the bound the Terraform implies (in Terraform seconds, i.e. divided by the scale):',
  );
  for (const p of phases)
    console.log(
      `  ${p.disabled} out -> ${p.carrier} carries all: measured ${(p.switchMs / 1000 / scale).toFixed(1)} s, bound ${bound.seconds} s (${bound.formula}); non-2xx ${p.non2xx}`,
    );
} finally {
  await lab.stop();
}
process.exit(code);
