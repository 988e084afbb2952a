/** The repo's own catalog and migrations pass the gate, including the back-out proof. */
import { expect, test } from '@jest/globals';

import { fileURLToPath } from 'node:url';
import { runGate } from '../src/gate.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

test('db/catalog and db/migrations pass the gate with every back-out proven on PGlite', async () => {
  const report = await runGate({
    workspace: root,
    catalog: 'db/catalog/migrations.yaml',
    migrationsDir: 'db/migrations',
    proveBackout: true,
  });
  const blocking = report.findings.filter((f) => f.level !== 'notice');
  expect(
    blocking.map((f) => `${f.location?.file}:${f.location?.line} ${f.ruleId} ${f.message}`),
  ).toStrictEqual([]);
  expect(report.entries.length).toBeGreaterThanOrEqual(4);
  for (const e of report.entries) expect(e.backout.status).toBe('proven');
  const phone = report.entries.find((e) => e.id === '2026-11-01-001-add-user-phone')!;
  expect(phone.pii).toBe(true);
  expect(phone.retentionDays).toBe(365);
  expect(
    report.entries.some((e) => e.declaredRisk === 'medium' && e.backout.status === 'proven'),
  ).toBeTruthy();
});
