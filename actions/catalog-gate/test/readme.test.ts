import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

test("the README's seed entries appear in the repository's catalog exactly as written", () => {
  const readme = read('actions/catalog-gate/README.md');
  const block =
    /The seed's two entries, as they appear in this repository's own catalog:\n\n```yaml\n([\s\S]*?)```/.exec(
      readme,
    );
  assert.ok(block, 'actions/catalog-gate/README.md: the "seed\'s two entries" YAML block is missing');
  const catalog = read('db/catalog/migrations.yaml');
  for (const id of ['2026-11-01-001-add-user-phone', '2026-11-02-002-reindex-events'])
    assert.match(block[1]!, new RegExp(`- id: ${id}\\n`), `README seed block lacks ${id}`);
  assert.ok(
    catalog.includes(block[1]!),
    'actions/catalog-gate/README.md: the seed block differs from db/catalog/migrations.yaml; copy the two entries verbatim',
  );
});
