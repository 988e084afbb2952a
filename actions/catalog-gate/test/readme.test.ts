import { expect, test } from '@jest/globals';
import { expectTruthy } from '../../../test/support/narrow.ts';

import { readFileSync } from 'node:fs';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

test("the README's two example entries appear in the repository's catalog exactly as written", () => {
  const readme = read('actions/catalog-gate/README.md');
  const block =
    /Two entries of this repository's own catalog \(a PII column, a concurrent index\), exactly as written there:\n\n```yaml\n([\s\S]*?)```/.exec(
      readme,
    );
  expectTruthy(block);
  const catalog = read('db/catalog/migrations.yaml');
  for (const id of ['2026-11-01-001-add-user-phone', '2026-11-02-002-reindex-events'])
    expect(block[1]!).toMatch(new RegExp(`- id: ${id}\\n`));
  expect(catalog).toContain(block[1]!);
});
