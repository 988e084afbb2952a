import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  assert.deepEqual(validateConfig(parseConfig('f.yaml', 'items:\n  - id: a\n    risk: low\n'), validate), []);
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
  assert.match(byLine[3]!, /\/items\/0\/risk must be one of low, medium, high/);
  assert.match(byLine[6]!, /unknown key 'colour'; remove it/);
  assert.match(byLine[7]!, /missing required key 'id'/);
  assert.match(byLine[8]!, /must match format "date"/);
  assert.ok(problems.every((p) => p.file === 'f.yaml'));
});

test('assertValid throws the first problem with file:line:column', () => {
  assert.throws(
    () => assertValid(parseConfig('f.yaml', 'items: 3\n'), validate),
    /^ConfigError: f\.yaml:1:8: \/items must be array/,
  );
});
