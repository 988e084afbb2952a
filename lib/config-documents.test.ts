// parseConfigDocuments: a `---` stream keeps positions in the whole file, drops empty documents,
// and a syntax error in a later document is a ConfigError at its line.
import { expect, test } from '@jest/globals';
import { ConfigError, parseConfigDocuments } from './config.ts';
import { thrownBy } from '../test/support/errors.ts';

test('documents keep whole-file positions; empty ones are dropped', () => {
  const docs = parseConfigDocuments('m.yaml', 'kind: A\n---\n---\nkind: B\nspec:\n  x: 1\n');
  expect(docs.map((d) => d.value)).toEqual([{ kind: 'A' }, { kind: 'B', spec: { x: 1 } }]);
  expect(docs[1]!.locate(['spec', 'x'])).toEqual({ line: 6, column: 6 });
  expect(docs[1]!.locateKey(['spec', 'x'])).toEqual({ line: 6, column: 3 });
});

test('a syntax error in a later document names its line', () => {
  const error = thrownBy(() => parseConfigDocuments('m.yaml', 'kind: A\n---\nkind: [B\n'));
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).message).toMatch(/^m\.yaml:\d+:\d+: invalid YAML/);
  expect((error as ConfigError).line).toBeGreaterThanOrEqual(3);
});
