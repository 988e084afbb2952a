import { expect, test } from '@jest/globals';
import { thrownBy } from '../test/support/errors.ts';

import { parseConfig } from './config.ts';
import { assertValid, compileSchema, validateConfig } from './schema.ts';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'risk'],
        properties: {
          id: { type: 'string' },
          risk: { enum: ['low', 'medium', 'high'] },
          date: { type: 'string', format: 'date' },
        },
      },
    },
  },
};
const validate = compileSchema(schema);

test('a valid document has no problems', () => {
  expect(validateConfig(parseConfig('f.yaml', 'items:\n  - id: a\n    risk: low\n'), validate)).toStrictEqual(
    [],
  );
});

test('each schema error lands on its YAML line', () => {
  const text = [
    'items:',
    '  - id: a',
    '    risk: extreme',
    '  - id: b',
    '    risk: low',
    '    colour: red',
    '  - risk: low',
    '    date: 2026-13-45',
    '',
  ].join('\n');
  const problems = validateConfig(parseConfig('f.yaml', text), validate);
  const byLine = Object.fromEntries(problems.map((p) => [p.line, p.message]));
  expect(byLine[3]!).toMatch(/\/items\/0\/risk must be one of low, medium, high/);
  expect(byLine[6]!).toMatch(/unknown key 'colour'; remove it/);
  expect(byLine[7]!).toMatch(/missing required key 'id'/);
  expect(byLine[8]!).toMatch(/must match format "date"/);
  expect(problems.every((p) => p.file === 'f.yaml')).toBeTruthy();
});

test('assertValid throws the first problem with file:line:column', () => {
  expect(String(thrownBy(() => assertValid(parseConfig('f.yaml', 'items: 3\n'), validate)))).toMatch(
    /^ConfigError: f\.yaml:1:8: \/items must be array/,
  );
});
