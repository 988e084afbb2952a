// The defective ScaledObject (removed metricName, raw p95 with AverageValue, an error ratio over a
// label the service lacks read as 0, no stabilisation) under the same surge: it fails, and says why.
import { expect } from '@jest/globals';
import { join } from 'node:path';
import { missingComponent, testUnless } from '../../../test/support/components.ts';
import { runLab, ROOT } from '../lab.ts';
import { prometheusAvailable } from '../prometheus.ts';

const it = testUnless(
  missingComponent(
    prometheusAvailable(),
    'prometheus is not installed: `apt-get install -y prometheus` (.ci/run installs it)',
  ),
);

it('the defective ScaledObject fails the surge with a clear reason', async () => {
  const r = await runLab({
    manifest: join(ROOT, 'actions/keda-verify/test/fixtures/defective-scaledobject.yaml'),
    factor: 30,
  });
  expect(r.verdict).toBe('fail');
  expect(r.reasons.join('\n')).toMatch(/replicas never grew|p95 never came back|oscillates|flapping/);
}, 80_000);
