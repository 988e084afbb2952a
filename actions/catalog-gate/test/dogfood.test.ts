/** The repo's own catalog and migrations pass the gate, including the back-out proof. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  assert.deepEqual(
    blocking.map((f) => `${f.location?.file}:${f.location?.line} ${f.ruleId} ${f.message}`),
    [],
  );
  assert.ok(report.entries.length >= 4);
  for (const e of report.entries)
    assert.equal(e.backout.status, 'proven', `${e.id}: ${e.backout.problems.join('; ')}`);
  const phone = report.entries.find((e) => e.id === '2026-11-01-001-add-user-phone')!;
  assert.equal(phone.pii, true);
  assert.equal(phone.retentionDays, 365);
  assert.ok(report.entries.some((e) => e.declaredRisk === 'medium' && e.backout.status === 'proven'));
});
