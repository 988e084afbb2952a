import { describe, expect, test } from '@jest/globals';
import { expectNoLeak } from '../../../test/support/leak.ts';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import definition from '../src/main.ts';
import restore from '../src/restore.ts';
import { FAST_DRILL, labAndWorkspace, labIsRestored, runDefinition } from './support.ts';

const RESTORED = { pools: [true, true], inverted: [false, false] };

describe('provider API faults mid-drill: abort, restore, verdict "aborted" with the reason', () => {
  test.each([
    [
      'Cloudflare answers 500',
      'pools',
      'cloudflare',
      500,
      /disable cloudflare-pool:pool-us-east failed \(HTTP 500\)/,
    ],
    [
      'Cloudflare answers 429',
      'pools',
      'cloudflare',
      429,
      /disable cloudflare-pool:pool-us-east failed \(HTTP 429\)/,
    ],
    [
      'Cloudflare never answers',
      'pools',
      'cloudflare',
      'hang',
      /disable cloudflare-pool:pool-us-east failed: (Cloudflare API did not answer in time|cannot reach the Cloudflare API \(no answer in time or connection refused\))/,
    ],
    [
      'Route 53 answers 500 on the second phase',
      'route53',
      'route53',
      500,
      /disable route53-health-check:hc-cloudfront failed \(HTTP 500\)/,
    ],
    [
      'Route 53 throttles (429)',
      'route53',
      'route53',
      429,
      /disable route53-health-check:hc-cloudfront failed \(HTTP 429\): Throttling/,
    ],
    ['Route 53 never answers', 'route53', 'route53', 'hang', /Route 53 API did not answer in time/],
  ] as const)(
    '%s',
    async (_name, lever, api, status, reason) => {
      const { lab, workspace } = await labAndWorkspace();
      if (api === 'cloudflare')
        lab.cloudflareApi.faults.add({
          match: /^PATCH \S+pool-us-east "?\{"enabled":false\}/,
          status,
          times: 10,
        });
      else lab.route53Api.faults.add({ match: /^POST \S+hc-cloudfront .*<Inverted>true/, status, times: 10 });
      const run = await runDefinition(
        definition,
        { ...lab.drillInputs(lever), ...FAST_DRILL, 'allowed-non-2xx': '100000' },
        workspace,
      );
      expect(run.outputs['verdict']).toBe('aborted');
      expect(run.exitCode).toBe(1);
      expect(run.failure).toMatch(/^Failover drill aborted: provider API error: /);
      expect(run.failure).toMatch(reason);
      expect(labIsRestored(lab)).toEqual(RESTORED);
      expect(existsSync(join(workspace, '.failover-drill', 'state.json'))).toBe(false);
      const md = await readFile(join(workspace, 'failover-drill-evidence', 'DR_EVIDENCE.md'), 'utf8');
      expect(md).toContain('**Verdict: ABORTED**');
      expect(md).toContain('Every lever the drill changed was restored.');
    },
    30_000,
  );
});

describe('refusals: nothing is changed', () => {
  test('target down before the drill', async () => {
    const { lab, workspace } = await labAndWorkspace();
    lab.origins.east.down = true;
    lab.origins.west.down = true;
    const run = await runDefinition(definition, { ...lab.drillInputs('pools'), ...FAST_DRILL }, workspace);
    expect(run.outputs['verdict']).toBe('refused');
    expect(run.failure).toMatch(
      /target http:\/\/127\.0\.0\.1:\d+\/ is not healthy before the drill \(HTTP 503\); nothing was changed/,
    );
    expect(lab.cloudflareApi.calls.filter((c) => !c.startsWith('GET'))).toEqual([]);
    expect(lab.route53Api.calls.filter((c) => !c.startsWith('GET'))).toEqual([]);
    expect(Number(run.outputs['requests'])).toBe(0);
  });

  test('a lever already out of service (someone left a pool disabled)', async () => {
    const { lab, workspace } = await labAndWorkspace();
    lab.cloudflareApi.pools.get('pool-us-west')!.enabled = false;
    const run = await runDefinition(definition, { ...lab.drillInputs('pools'), ...FAST_DRILL }, workspace);
    expect(run.outputs['verdict']).toBe('refused');
    expect(run.failure).toMatch(/Cloudflare pool pool-us-west is already out of service before the drill/);
    expect(lab.cloudflareApi.calls.filter((c) => !c.startsWith('GET'))).toEqual([]);
  });

  test.each([
    [
      'cloudflare-api-token',
      'pools',
      /read Cloudflare load balancer lab-lb failed \(HTTP 403\): 10000 Authentication error — check that cloudflare-api-token is valid/,
    ],
    [
      'aws-access-key-id',
      'route53',
      /read route53-health-check:hc-cloudflare failed \(HTTP 403\): InvalidClientTokenId — check aws-access-key-id/,
    ],
  ] as const)(
    'bad credentials (%s): a clear error, the value never printed',
    async (input, lever, message) => {
      const { lab, workspace } = await labAndWorkspace();
      const wrong = `WRONG${Math.random().toString(36).slice(2)}CREDENTIAL`;
      const inputs = { ...lab.drillInputs(lever), ...FAST_DRILL, [input]: wrong };
      const run = await runDefinition(definition, inputs, workspace);
      expect(run.outputs['verdict']).toBe('refused');
      expect(run.failure).toMatch(message);
      expectNoLeak(run.all(), [wrong, ...Object.values(lab.credentials)], 'drill output');
      const evidence = await readFile(join(workspace, 'failover-drill-evidence', 'DR_EVIDENCE.md'), 'utf8');
      expectNoLeak(evidence, [wrong, ...Object.values(lab.credentials)], 'DR_EVIDENCE.md');
      expect(lab.cloudflareApi.calls.filter((c) => !c.startsWith('GET'))).toEqual([]);
    },
  );

  test('both Cloudflare levers at once are an input error naming why', async () => {
    const { lab, workspace } = await labAndWorkspace();
    const inputs = { ...lab.drillInputs('route53'), 'cloudflare-pool-ids': 'pool-us-east', ...FAST_DRILL };
    const run = await runDefinition(definition, inputs, workspace);
    expect(run.exitCode).toBe(2);
    expect(run.failure).toMatch(
      /Input 'cloudflare-pool-ids': cannot be combined with cloudflare-health-check-id: .*inverted health check of a failing endpoint reads healthy/,
    );
  });
});

describe('budget and restore guarantees', () => {
  test('budget exceeded: fail, with the timeline in the evidence and the summary', async () => {
    const { lab, workspace } = await labAndWorkspace();
    const run = await runDefinition(
      definition,
      { ...lab.drillInputs(), ...FAST_DRILL, budget: '10ms' },
      workspace,
    );
    expect(run.outputs['verdict']).toBe('fail');
    expect(run.failure).toMatch(
      /with cloudflare disabled, cloudfront carried all traffic only after \d+\.\d s \(budget 0\.0 s\)/,
    );
    const timeline = JSON.parse(
      await readFile(join(workspace, 'failover-drill-evidence', 'timeline.json'), 'utf8'),
    ) as {
      slices: unknown[];
    };
    expect(timeline.slices.length).toBeGreaterThan(10);
    expect(run.summary).toMatch(/\| cloudflare \| cloudfront \| \d+\.\d s \|/);
    expect(labIsRestored(lab)).toEqual(RESTORED);
  }, 30_000);

  test('a failed restore stops the drill before the other provider is touched; the post step finishes the job', async () => {
    const { lab, workspace } = await labAndWorkspace();
    lab.cloudflareApi.faults.add({ match: /^PATCH .*"enabled":true/, status: 500, times: 100 });
    const inputs = { ...lab.drillInputs('pools'), ...FAST_DRILL, 'allowed-non-2xx': '100000' };
    const run = await runDefinition(definition, inputs, workspace);
    expect(run.outputs['verdict']).toBe('aborted');
    expect(run.failure).toMatch(
      /could not restore cloudflare .* the drill stops rather than disable another provider/,
    );
    expect(run.failure).toMatch(/RESTORE FAILED for cloudflare-pool:pool-us-west .*put these back by hand/);
    // CloudFront's health check was never inverted while Cloudflare was out.
    expect(lab.route53Api.calls.filter((c) => c.startsWith('POST'))).toEqual([]);
    expect(labIsRestored(lab).pools).toEqual([false, false]);
    const saved = JSON.parse(await readFile(join(workspace, '.failover-drill', 'state.json'), 'utf8')) as {
      changes: Array<{ key: string }>;
    };
    expect(saved.changes.map((c) => c.key).sort()).toEqual([
      'cloudflare-pool:pool-us-east',
      'cloudflare-pool:pool-us-west',
    ]);

    lab.cloudflareApi.faults.clear();
    const post = await runDefinition(restore, inputs, workspace);
    expect(post.exitCode).toBe(0);
    expect(post.outputs['restored']).toBe('2');
    expect(labIsRestored(lab)).toEqual(RESTORED);
    expect(existsSync(join(workspace, '.failover-drill', 'state.json'))).toBe(false);
  }, 30_000);
});
