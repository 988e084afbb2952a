// The autoscaling rules under the real promtool (Debian `prometheus`): they load, their unit tests
// pass, and those unit tests do catch a broken rule (a raised page threshold).
import { describe, expect } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCleanup } from '../../../test/support/cleanup.ts';
import { missingComponent, testUnless } from '../../../test/support/components.ts';

const DIR = dirname(fileURLToPath(import.meta.url));
const promtool = (args: string[], cwd = DIR) => spawnSync('promtool', args, { cwd, encoding: 'utf8' });
const skip = missingComponent(
  promtool(['--version']).status === 0,
  'promtool is not installed: `apt-get install -y prometheus` (Debian package; .ci/run installs it)',
);
const it = testUnless(skip);

describe('infra/k8s/autoscaling/prometheus-rules.yaml', () => {
  it('passes promtool check rules', () => {
    const r = promtool(['check', 'rules', 'prometheus-rules.yaml']);
    expect(r.stderr + r.stdout).toMatch(/SUCCESS: \d+ rules found/);
    expect(r.status).toBe(0);
  });

  it('passes its promtool unit tests', () => {
    const r = promtool(['test', 'rules', 'prometheus-rules.test.yaml']);
    expect(r.stdout + r.stderr).toContain('SUCCESS');
    expect(r.status).toBe(0);
  });

  it('the unit tests fail when the fast-burn threshold is raised', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keda-rules-'));
    onCleanup(() => rmSync(dir, { recursive: true, force: true }));
    const rules = readFileSync(join(DIR, 'prometheus-rules.yaml'), 'utf8');
    expect(rules).toContain('job:slo_error_budget_burn:rate1h > 14.4');
    writeFileSync(
      join(dir, 'prometheus-rules.yaml'),
      rules.replace('job:slo_error_budget_burn:rate1h > 14.4', 'job:slo_error_budget_burn:rate1h > 30'),
    );
    copyFileSync(join(DIR, 'prometheus-rules.test.yaml'), join(dir, 'prometheus-rules.test.yaml'));
    const r = promtool(['test', 'rules', 'prometheus-rules.test.yaml'], dir);
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/alertname: ErrorBudgetBurnFast/);
  });
});
