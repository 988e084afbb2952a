import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { GENERATED_PATH, generateValidator } from '../schema/build-validator.ts';

test('the ahead-of-time catalog validator matches catalog.schema.json (regenerate with schema/build-validator.ts)', async () => {
  expect(readFileSync(GENERATED_PATH, 'utf8') === (await generateValidator())).toBe(true);
});
