import { describe, expect, test } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import definition from '../src/main.ts';
import { EVIDENCE_FILES } from '../src/evidence.ts';
import { FAST_DRILL, PASSING_DRILL, labAndWorkspace, labIsRestored, runDefinition } from './support.ts';

describe('a whole drill against the edge lab', () => {
  test('Cloudflare out, CloudFront carries; CloudFront out, Cloudflare carries; all restored; pass', async () => {
    const { lab, workspace } = await labAndWorkspace();
    const run = await runDefinition(definition, { ...lab.drillInputs(), ...PASSING_DRILL }, workspace);
    expect({ verdict: run.outputs['verdict'], failure: run.failure }).toEqual({
      verdict: 'pass',
      failure: undefined,
    });
    expect(run.exitCode).toBe(0);
    expect(Number(run.outputs['non-2xx'])).toBe(0);
    expect(labIsRestored(lab)).toEqual({ pools: [true, true], inverted: [false, false] });
    // The operator's levers went through the official SDK to the lab's Route 53 API: out, back, out, back.
    expect(lab.cloudflareApi.calls.filter((c) => !c.startsWith('GET'))).toEqual([]);
    expect(lab.route53Api.calls.filter((c) => c.startsWith('POST'))).toEqual([
      'POST /2013-04-01/healthcheck/hc-cloudflare',
      'POST /2013-04-01/healthcheck/hc-cloudflare',
      'POST /2013-04-01/healthcheck/hc-cloudfront',
      'POST /2013-04-01/healthcheck/hc-cloudfront',
    ]);

    const evidence = join(workspace, 'failover-drill-evidence');
    expect((await readdir(evidence)).sort()).toEqual([...EVIDENCE_FILES].sort());
    const timeline = JSON.parse(await readFile(join(evidence, 'timeline.json'), 'utf8')) as {
      sliceMs: number;
      phases: Array<{
        disabled: string;
        carrier: string;
        switchMs: number;
        providers: Record<string, number>;
      }>;
      events: Array<{ kind: string }>;
      slices: Array<{ startMs: number }>;
    };
    expect(timeline.sliceMs).toBe(100);
    expect(timeline.slices.slice(0, 3).map((s) => s.startMs)).toEqual([0, 100, 200]);
    const [a, b] = timeline.phases;
    // Traffic really moved: CloudFront served requests while Cloudflare was out, after a measurable switch.
    expect(a!.disabled).toBe('cloudflare');
    expect(a!.providers['cloudfront']).toBeGreaterThan(0);
    expect(a!.switchMs).toBeGreaterThan(0);
    expect(b!.disabled).toBe('cloudfront');
    expect(b!.providers['cloudflare']).toBeGreaterThan(0);
    expect(timeline.events.map((e) => e.kind)).toEqual([
      'warm-up',
      'steer',
      'carried',
      'restore',
      'recovered',
      'steer',
      'carried',
      'restore',
      'recovered',
      'end',
    ]);
    const md = await readFile(join(evidence, 'DR_EVIDENCE.md'), 'utf8');
    for (const heading of [
      '# DR_EVIDENCE — Cross-Cloud Edge Failover Drill',
      '## 1. Announce window; synthetic load',
      '## 2. Disable cloudflare; cloudfront carries traffic; 2xx continuity',
      '## 3. Re-enable, then disable cloudfront; cloudflare continuity',
      '## 4. Reconcile',
    ])
      expect(md).toContain(heading);
    expect(md).toContain('**Verdict: PASS**');
    const svg = await readFile(join(evidence, 'timeline.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('fill="#8c4fff"'); // CloudFront-served 2xx columns
    expect(run.summary).toContain('Failover drill: pass');
    expect(run.summary).toMatch(/🟧/);
    const k6 = JSON.parse(await readFile(join(evidence, 'load-summary.json'), 'utf8')) as {
      http_reqs: { count: number };
      http_req_duration: { p99: number };
    };
    expect(k6.http_reqs.count).toBe(Number(run.outputs['requests']));
    expect(k6.http_req_duration.p99).toBeGreaterThan(0);
  }, 60_000);

  test('a real Cloudflare outage (pools disabled): errors until Route 53 notices, within the bound the Terraform implies', async () => {
    const { lab, workspace } = await labAndWorkspace();
    // The lab's health checkers are timers on this event loop: on a loaded machine each of them
    // fires late by up to the loop's worst delay, which is measured rather than guessed.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const run = await runDefinition(
      definition,
      { ...lab.drillInputs('pools'), ...PASSING_DRILL, 'allowed-non-2xx': '100000' },
      workspace,
    );
    loopDelay.disable();
    expect({ verdict: run.outputs['verdict'], failure: run.failure }).toEqual({
      verdict: 'pass',
      failure: undefined,
    });
    expect(lab.cloudflareApi.calls.filter((c) => c.startsWith('PATCH'))).toEqual([
      'PATCH /accounts/lab-account/load_balancers/pools/pool-us-east',
      'PATCH /accounts/lab-account/load_balancers/pools/pool-us-west',
      'PATCH /accounts/lab-account/load_balancers/pools/pool-us-west',
      'PATCH /accounts/lab-account/load_balancers/pools/pool-us-east',
    ]);
    expect(labIsRestored(lab)).toEqual({ pools: [true, true], inverted: [false, false] });
    const timeline = JSON.parse(
      await readFile(join(workspace, 'failover-drill-evidence', 'timeline.json'), 'utf8'),
    ) as { phases: Array<{ non2xx: number; lastNon2xxMs: number; switchMs: number }> };
    const [outage] = timeline.phases;
    // Users saw errors: nothing steered them away before the pools went.
    expect(outage!.non2xx).toBeGreaterThan(0);
    expect(outage!.lastNon2xxMs).toBeGreaterThan(0);
    // The switch happened inside the bound the Terraform implies (scaled like the lab), with slack
    // for a loaded machine's scheduling: a fixed second plus the measured worst timer lateness for
    // each of the few health-check rounds between the outage and the switch.
    const bound = lab.bounds.find((b) => b.name.startsWith('CDN failover'))!.seconds * 1000 * lab.timeScale;
    const lateness = loopDelay.max / 1e6;
    expect(outage!.switchMs).toBeLessThan(bound + 1000 + 5 * lateness);
  }, 60_000);

  test('dry-run checks both paths and every lever and changes nothing', async () => {
    const { lab, workspace } = await labAndWorkspace();
    const run = await runDefinition(
      definition,
      { ...lab.drillInputs(), ...FAST_DRILL, 'dry-run': 'true' },
      workspace,
    );
    expect(run.outputs['verdict']).toBe('dry-run');
    expect(run.exitCode).toBe(0);
    expect(lab.cloudflareApi.calls.filter((c) => !c.startsWith('GET'))).toEqual([]);
    expect(lab.route53Api.calls.filter((c) => !c.startsWith('GET'))).toEqual([]);
    expect(run.summary).toContain('dry-run: preflight passed, nothing was changed');
  });
});
