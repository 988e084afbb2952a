// The user's files: a malformed rule pack names the file, line, rule and field; a baseline names
// the entry's line; both accept what dlp-scan itself writes.
import { expect, test } from '@jest/globals';

import { join } from 'node:path';
import { ConfigError } from '../../../lib/config.ts';
import { loadBaseline, loadRules } from '../src/config.ts';
import { tempDir, writeFiles } from './fixtures.ts';

async function file(name: string, content: string): Promise<string> {
  const dir = await tempDir();
  await writeFiles(dir, { [name]: content });
  return join(dir, name);
}

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

test('an override rule with an unknown field: file, line, rule id and field', async () => {
  const path = await file(
    'dlp.yml',
    "rules:\n  - id: acme-key\n    description: ACME key\n    severity: error\n    tags: [secret]\n    keywords: [acme_]\n    regexp: 'acme_[a-z0-9]{24}'\n",
  );
  const error = await configError(loadRules(path, 'dlp.yml'));
  expect(error.file).toBe('dlp.yml');
  expect(error.line).toBe(7);
  expect(error.problem).toBe(
    "invalid rule pack: rule 'acme-key': field 'regexp': unknown field (check the spelling; see lib/dlp/README.md)",
  );
});

test('a bad regex in an overriding rule (found after merging, where lib/dlp has no line) is placed at its line here', async () => {
  const path = await file(
    'dlp.yml',
    "# extend\nrules:\n  - id: email-address\n    severity: notice\n  - id: acme-key\n    description: ACME key\n    severity: error\n    tags: [secret]\n    keywords: [acme_]\n    regex: 'acme_(['\n",
  );
  const error = await configError(loadRules(path, 'dlp.yml'));
  expect(error.line).toBe(10);
  expect(error.message).toMatch(
    /^dlp\.yml:10:1: invalid rule pack: rule 'acme-key': field 'regex': Invalid regular expression/,
  );
});

test('a catastrophic-backtracking regex and an unknown disable id are refused with rule and field', async () => {
  const nested = await file(
    'a.yml',
    "rules:\n  - id: bad\n    description: d\n    severity: error\n    tags: [secret]\n    keywords: [abc]\n    regex: 'abc(x+)+'\n",
  );
  expect((await configError(loadRules(nested, 'a.yml'))).message).toMatch(
    /a\.yml:7:1: .*rule 'bad': field 'regex': .*backtrack/,
  );
  const disable = await configError(loadRules(await file('b.yml', 'disable:\n  - phone-numbr\n'), 'b.yml'));
  expect(disable.line).toBe(2);
  expect(disable.problem).toMatch(/field 'disable\.0': unknown rule 'phone-numbr'/);
});

test('YAML syntax errors and missing files are ConfigErrors', async () => {
  const broken = await configError(loadRules(await file('c.yml', 'rules: [\n'), 'c.yml'));
  expect(broken.file).toBe('c.yml');
  const missing = await configError(loadRules('/nonexistent/dlp.yml', 'dlp.yml'));
  expect(missing.message).toMatch(/^dlp\.yml:1:1: file not found; check the rules input/);
});

test('baselines: fingerprints, dlp-scan report entries, { findings } with reasons', async () => {
  const a = 'a'.repeat(64);
  const b = 'b'.repeat(64);
  const plain = await loadBaseline(await file('b.json', JSON.stringify([a])), 'b.json');
  expect([...plain!.fingerprints]).toStrictEqual([a]);
  const report = await loadBaseline(
    await file('r.json', JSON.stringify([{ RuleID: 'x', Fingerprint: b }])),
    'r.json',
  );
  expect([...report!.fingerprints]).toStrictEqual([b]);
  expect(report!.withoutReason).toBe(1);
  const reasoned = await loadBaseline(
    await file('f.json', JSON.stringify({ findings: [{ fingerprint: a, reason: 'test fixture' }] })),
    'f.json',
  );
  expect(reasoned!.withoutReason).toBe(0);
});

test('a malformed baseline entry is named at its line', async () => {
  const text = `{\n  "findings": [\n    { "fingerprint": "${'a'.repeat(64)}" },\n    { "fingerprint": "not-a-hash" }\n  ]\n}\n`;
  const error = await configError(loadBaseline(await file('base.json', text), 'base.json'));
  expect(error.line).toBe(4);
  expect(error.problem).toMatch(/not a fingerprint/);
  const shape = await configError(loadBaseline(await file('s.json', '{"fingerprints": 3}'), 's.json'));
  expect(shape.problem).toMatch(/a baseline is a JSON array/);
  const noField = await configError(loadBaseline(await file('n.json', '[\n  {"rule": "x"}\n]'), 'n.json'));
  expect(noField.line).toBe(2);
});
