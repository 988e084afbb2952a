import { expect, test } from '@jest/globals';
import { expectTruthy } from '../test/support/narrow.ts';
import { thrownBy } from '../test/support/errors.ts';

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfigFile, parseConfig, pointerToPath } from './config.ts';

const catalog = [
  'migrations:',
  '  - id: a',
  '    risk: low',
  '  - id: b',
  '    risk: high',
  '    owner: "@team"',
  '',
].join('\n');

test('locate finds the line and column of nested values', () => {
  const config = parseConfig('c.yaml', catalog);
  expect(config.locate(['migrations', 1, 'risk'])).toStrictEqual({ line: 5, column: 11 });
  expect(config.locate(['migrations', 0])).toStrictEqual({ line: 2, column: 5 });
});

test('locateKey points at the key itself', () => {
  const config = parseConfig('c.yaml', catalog);
  expect(config.locateKey(['migrations', 1, 'owner'])).toStrictEqual({ line: 6, column: 5 });
});

test('a missing path falls back to the nearest existing ancestor', () => {
  const config = parseConfig('c.yaml', catalog);
  expect(config.locate(['migrations', 1, 'nope', 'deeper'])).toStrictEqual({ line: 4, column: 5 });
  expect(config.locate(['migrations', 7])).toStrictEqual({ line: 2, column: 3 });
});

test('malformed YAML is a ConfigError with file:line:column', () => {
  const text = 'a: 1\nb:\n  - x\n  y: [\n';
  expect(
    ((error: unknown) => {
      expectTruthy(error instanceof ConfigError);
      expect(error.file).toBe('bad.yaml');
      expectTruthy(error.line >= 3);
      expect(error.message).toMatch(/^bad\.yaml:\d+:\d+: invalid YAML: /);
      return true;
    })(thrownBy(() => parseConfig('bad.yaml', text))),
  ).toBe(true);
});

test('duplicate keys are rejected at the duplicate', () => {
  expect(() => parseConfig('dup.yaml', 'a: 1\nb: 2\na: 3\n')).toThrow(
    /dup\.yaml:3:1: invalid YAML: .*unique/i,
  );
});

test('JSON gets positions too', () => {
  const config = parseConfig('x.json', '{\n  "list": [\n    {"k": true}\n  ]\n}\n');
  expect(config.value).toStrictEqual({ list: [{ k: true }] });
  expect(config.locate(['list', 0, 'k'])).toStrictEqual({ line: 3, column: 11 });
});

test('a file that does not exist names the file and what to do', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cfg-'));
  await expect(loadConfigFile(join(dir, 'missing.yaml'), 'db/missing.yaml')).rejects.toThrow(
    /db\/missing\.yaml:1:1: file not found; check the path input/,
  );
  await writeFile(join(dir, 'ok.yaml'), 'k: v\n');
  expect((await loadConfigFile(join(dir, 'ok.yaml'))).value).toStrictEqual({ k: 'v' });
});

test('pointerToPath decodes JSON pointers', () => {
  expect(pointerToPath('')).toStrictEqual([]);
  expect(pointerToPath('/a/0/b~1c/d~0e')).toStrictEqual(['a', 0, 'b/c', 'd~e']);
});
