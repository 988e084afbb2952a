import { expect, test } from '@jest/globals';
import { startOrigin } from '../../lab/edge/origin.ts';
import { onCleanup } from '../../test/support/cleanup.ts';
import { measureAutocannon, measureLibLoad, row } from './run.ts';

test('both generators are measured the same way and the table row reads as the README quotes it', async () => {
  const origin = await startOrigin('us-east-1');
  onCleanup(() => origin.close());
  const ours = await measureLibLoad(`${origin.url}/`, 100, 0.5);
  const peer = await measureAutocannon(`${origin.url}/`, 100, 1);
  expect(ours.requests).toBe(50);
  expect(ours.errors).toBe(0);
  // Measured, not a placeholder: a number of milliseconds, and no schedule gone wrong.
  expect(Number.isFinite(ours.latenessP99)).toBe(true);
  expect(ours.latenessP99).toBeGreaterThanOrEqual(0);
  expect(ours.latenessP99).toBeLessThan(1000);
  expect(peer.requests).toBeGreaterThan(0);
  expect(peer.latenessP99).toBeUndefined();
  expect(row({ ...ours, achieved: 101 })).toMatch(/^lib\/load\s+100\s+50\s+101\.0\s+\+1\.00%\s+yes\s+0 /);
  expect(row({ ...peer, achieved: 97.9 })).toMatch(
    /^autocannon\s+100\s+\d+\s+97\.9\s+-2\.10%\s+NO\s+0 .* -$/,
  );
});
