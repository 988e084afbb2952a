import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  assert.deepEqual(config.locate(['migrations', 1, 'risk']), { line: 5, column: 11 });
  assert.deepEqual(config.locate(['migrations', 0]), { line: 2, column: 5 });
});

test('locateKey points at the key itself', () => {
  const config = parseConfig('c.yaml', catalog);
  assert.deepEqual(config.locateKey(['migrations', 1, 'owner']), { line: 6, column: 5 });
});

test('a missing path falls back to the nearest existing ancestor', () => {
  const config = parseConfig('c.yaml', catalog);
  assert.deepEqual(config.locate(['migrations', 1, 'nope', 'deeper']), { line: 4, column: 5 });
  assert.deepEqual(config.locate(['migrations', 7]), { line: 2, column: 3 });
});

test('malformed YAML is a ConfigError with file:line:column', () => {
  const text = 'a: 1\nb:\n  - x\n  y: [\n';
  assert.throws(
    () => parseConfig('bad.yaml', text),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.file, 'bad.yaml');
      assert.ok(error.line >= 3, `line ${error.line}`);
      assert.match(error.message, /^bad\.yaml:\d+:\d+: invalid YAML: /);
      return true;
    },
  );
});

test('duplicate keys are rejected at the duplicate', () => {
  assert.throws(
    () => parseConfig('dup.yaml', 'a: 1\nb: 2\na: 3\n'),
    /dup\.yaml:3:1: invalid YAML: .*unique/i,
  );
});

test('JSON gets positions too', () => {
  const config = parseConfig('x.json', '{\n  "list": [\n    {"k": true}\n  ]\n}\n');
  assert.deepEqual(config.value, { list: [{ k: true }] });
  assert.deepEqual(config.locate(['list', 0, 'k']), { line: 3, column: 11 });
});

test('a file that does not exist names the file and what to do', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cfg-'));
  await assert.rejects(
    loadConfigFile(join(dir, 'missing.yaml'), 'db/missing.yaml'),
    /db\/missing\.yaml:1:1: file not found; check the path input/,
  );
  await writeFile(join(dir, 'ok.yaml'), 'k: v\n');
  assert.deepEqual((await loadConfigFile(join(dir, 'ok.yaml'))).value, { k: 'v' });
});

test('pointerToPath decodes JSON pointers', () => {
  assert.deepEqual(pointerToPath(''), []);
  assert.deepEqual(pointerToPath('/a/0/b~1c/d~0e'), ['a', 0, 'b/c', 'd~e']);
});
