import { expect, test } from '@jest/globals';
import { expectNoLeak } from '../../test/support/leak.ts';
import { expectTruthy } from '../../test/support/narrow.ts';
import { rejectionOf } from '../../test/support/errors.ts';
import { onCleanup } from '../../test/support/cleanup.ts';

import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { SarifReport } from '../action.ts';
import { MASK, Redactor } from '../redact.ts';
import {
  FINGERPRINT_KEY,
  SarifValidationError,
  artifactUri,
  buildSarif,
  validateSarif,
  writeSarif,
  type SarifLog,
} from './sarif.ts';

function sampleReport(): SarifReport {
  return {
    toolName: 'catalog-gate',
    toolVersion: '1.2.3',
    informationUri: 'https://example.test/summit-ops',
    rules: [
      {
        id: 'SO001',
        name: 'LockingDdl',
        shortDescription: 'DDL takes an ACCESS EXCLUSIVE lock',
        defaultLevel: 'error',
        tags: ['postgres', 'locks'],
      },
      {
        id: 'SO002',
        shortDescription: 'Missing back-out',
        fullDescription: 'Every migration needs a down step.',
        helpUri: 'https://example.test/rules/SO002',
        defaultLevel: 'notice',
      },
    ],
    findings: [
      {
        ruleId: 'SO002',
        level: 'notice',
        message: 'no down migration',
        location: { file: 'db\\migrations\\001 add col.sql', line: 3, column: 5, endLine: 4, endColumn: 12 },
        fingerprint: 'abc123',
      },
      {
        ruleId: 'SO001',
        level: 'warning',
        message: 'ALTER TABLE users ADD COLUMN …',
        location: { file: './db/x.sql', line: 1 },
        properties: { lock: 'ACCESS EXCLUSIVE' },
      },
      { ruleId: 'SO001', level: 'error', message: 'repository-wide problem' },
    ],
  };
}

test('a built log validates against the official schema and carries every field', () => {
  const log = buildSarif(sampleReport(), new Redactor());
  expect(validateSarif(log)).toStrictEqual({ valid: true, errors: [] });
  const run = log.runs[0]!;
  expect(log.version).toBe('2.1.0');
  expect(run.tool.driver.name).toStrictEqual('catalog-gate');
  expect(run.tool.driver.semanticVersion).toBe('1.2.3');
  expect(run.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level])).toStrictEqual([
    ['SO001', 'error'],
    ['SO002', 'note'],
  ]);
  expect(run.tool.driver.rules[0]!.properties).toStrictEqual({ tags: ['postgres', 'locks'] });
  const [first, second, third] = run.results;
  expect(third).toBe(undefined);
  expect(run.properties).toStrictEqual({ 'summitOps/resultsWithoutLocation': 1 });
  expect(first!.ruleIndex).toBe(1);
  expect(run.tool.driver.rules[first!.ruleIndex]!.id).toBe(first!.ruleId);
  expect(first!.level).toBe('note');
  expect(first!.locations![0]!.physicalLocation).toStrictEqual({
    artifactLocation: { uri: 'db/migrations/001%20add%20col.sql', uriBaseId: 'SRCROOT' },
    region: { startLine: 3, startColumn: 5, endLine: 4, endColumn: 12 },
  });
  expect(first!.partialFingerprints).toStrictEqual({ [FINGERPRINT_KEY]: 'abc123' });
  expect(second!.ruleIndex).toBe(0);
  expect(second!.locations![0]!.physicalLocation.artifactLocation.uri).toBe('db/x.sql');
  expect(second!.properties).toStrictEqual({ lock: 'ACCESS EXCLUSIVE' });
});

test('a finding without a position lands at line 1 of defaultFile; security severity and help reach the rule', () => {
  const report = sampleReport();
  report.rules[0]!.securitySeverity = 9.1;
  report.rules[0]!.helpMarkdown = '**Rotate** the key.';
  const log = buildSarif(report, new Redactor(), { defaultFile: 'db/catalog/migrations.yaml' });
  expect(validateSarif(log)).toStrictEqual({ valid: true, errors: [] });
  const run = log.runs[0]!;
  expect(run.results.length).toBe(report.findings.length);
  expect(run.properties).toBe(undefined);
  expect(run.results.at(-1)!.locations![0]!.physicalLocation).toStrictEqual({
    artifactLocation: { uri: 'db/catalog/migrations.yaml', uriBaseId: 'SRCROOT' },
    region: { startLine: 1 },
  });
  expect(run.tool.driver.rules[0]!.properties!['security-severity']).toBe('9.1');
  expect(run.tool.driver.rules[0]!.help!.markdown).toBe('**Rotate** the key.');
  report.rules[0]!.securitySeverity = 11;
  expect(() => buildSarif(report, new Redactor())).toThrow(/security severity 11; expected 0\.1–10/);
});

test('every string in the log is redacted, keys and properties included', () => {
  const secret = `sk_${randomBytes(16).toString('hex')}`;
  const redactor = new Redactor();
  redactor.addSecret(secret);
  const report = sampleReport();
  report.toolName = `tool ${secret}`;
  report.rules[0]!.shortDescription = `desc ${secret}`;
  report.findings[0]!.message = `found ${secret} in config`;
  report.findings[0]!.location!.file = `conf/${secret}.env`;
  report.findings[1]!.properties = { match: secret, [secret]: 1, nested: [{ v: secret }] };
  // a secret with URI-significant characters must not survive percent-encoding of the path
  const slashy = `ab/${randomBytes(8).toString('hex')}=+@ x`;
  redactor.addSecret(slashy);
  report.findings[1]!.location!.file = `src/${slashy}.ts`;
  report.findings[1]!.message = `bad ${slashy}`;
  const log = buildSarif(report, redactor);
  const text = JSON.stringify(log);
  expectNoLeak(text, secret, 'the SARIF file');
  const encodedTail = encodeURIComponent(slashy.slice(3));
  expect(!text.includes(encodedTail) && !text.includes(slashy.slice(3))).toBeTruthy();
  expect(log.runs[0]!.results[1]!.locations![0]!.physicalLocation.artifactLocation.uri).toBe('src/***.ts');
  expect(text).toContain(`found ${MASK} in config`);
  expect(validateSarif(JSON.parse(text)).valid).toBeTruthy();
});

test('the schema rejects a wrong version with a message naming the field', () => {
  const log = buildSarif(sampleReport(), new Redactor()) as unknown as Record<string, unknown>;
  const { valid, errors } = validateSarif({ ...log, version: '2.0.0' });
  expect(valid).toBe(false);
  expect(errors.some((e) => e.startsWith('/version: must be one of "2.1.0"'))).toBeTruthy();
});

test('the schema rejects a result without a message', () => {
  const log = structuredClone(buildSarif(sampleReport(), new Redactor())) as SarifLog;
  delete (log.runs[0]!.results[1] as Partial<SarifLog['runs'][number]['results'][number]>).message;
  const { valid, errors } = validateSarif(log);
  expect(valid).toBe(false);
  expect(errors).toContain("/runs/0/results/1: must have required property 'message'");
});

test('the schema rejects a bad level and lists the allowed ones', () => {
  const log = structuredClone(buildSarif(sampleReport(), new Redactor())) as SarifLog;
  (log.runs[0]!.results[0] as { level: string }).level = 'fatal';
  const { valid, errors } = validateSarif(log);
  expect(valid).toBe(false);
  expect(errors).toContain('/runs/0/results/0/level: must be one of "none", "note", "warning", "error"');
});

test('the schema rejects unknown properties and non-objects', () => {
  const log = structuredClone(buildSarif(sampleReport(), new Redactor())) as unknown as {
    runs: Array<Record<string, unknown>>;
  };
  log.runs[0]!['bogus'] = true;
  expect(validateSarif(log).errors).toContain("/runs/0: has unknown property 'bogus'");
  expect(validateSarif('not sarif').valid).toBe(false);
});

test('writeSarif writes a log that reads back valid', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sarif-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'nested', 'out.sarif');
  const written = await writeSarif(path, sampleReport(), new Redactor());
  const read = JSON.parse(await readFile(path, 'utf8')) as unknown;
  expect(read).toStrictEqual(written);
  expect(validateSarif(read).valid).toBeTruthy();
  expect(await readdir(join(dir, 'nested'))).toStrictEqual(['out.sarif']);
});

test('writeSarif refuses an invalid log, lists the violations and writes nothing', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sarif-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  const report = sampleReport();
  report.informationUri = 'not a uri';
  report.rules[1]!.helpUri = 'also not a uri';
  const path = join(dir, 'out.sarif');
  expect(
    ((e: unknown) => {
      expectTruthy(e instanceof SarifValidationError);
      expect(e.message).toMatch(/out\.sarif is not valid SARIF 2\.1\.0 \(2 schema violations\)/);
      expectTruthy(e.violations.includes('/runs/0/tool/driver/informationUri: must match format "uri"'));
      expectTruthy(e.violations.includes('/runs/0/tool/driver/rules/1/helpUri: must match format "uri"'));
      return true;
    })(await rejectionOf(writeSarif(path, report, new Redactor()))),
  ).toBe(true);
  expect(await readdir(dir)).toStrictEqual([]);
});

test('a finding citing an undeclared rule, or a duplicate rule, is a clear error', () => {
  const report = sampleReport();
  report.findings.push({ ruleId: 'NOPE', level: 'error', message: 'x' });
  expect(() => buildSarif(report, new Redactor())).toThrow(
    /finding #4 cites rule 'NOPE', which report\.rules does not declare/,
  );
  const dup = sampleReport();
  dup.rules.push({ ...dup.rules[0]! });
  expect(() => buildSarif(dup, new Redactor())).toThrow(/rule 'SO001' is declared twice/);
});

test('positions must be 1-based', () => {
  const report = sampleReport();
  report.findings[0]!.location!.line = 0;
  expect(() => buildSarif(report, new Redactor())).toThrow(/rule 'SO002' has line 0; positions are 1-based/);
});

test('artifact URIs are workspace-relative with forward slashes', () => {
  expect(artifactUri('/ws/repo/src/a.ts', '/ws/repo')).toBe('src/a.ts');
  expect(artifactUri('src\\win\\b#1.ts')).toBe('src/win/b%231.ts');
  expect(() => artifactUri('/etc/passwd', '/ws/repo')).toThrow(/outside the workspace/);
  expect(() => artifactUri('/abs/a.ts')).toThrow(/outside the workspace/);
  expect(() => artifactUri('../up.ts')).toThrow(/not a file inside the workspace/);
  expect(() => artifactUri('a/../../up.ts')).toThrow(/not a file inside the workspace/);
  expect(() => artifactUri('dir/')).toThrow(/not a file inside the workspace/);
  expect(artifactUri('src/x/../y//z.ts')).toBe('src/y/z.ts');
  const log = buildSarif(sampleReport(), new Redactor(), { workspace: '/ws/my repo' });
  expect(log.runs[0]!.originalUriBaseIds).toStrictEqual({ SRCROOT: { uri: 'file:///ws/my%20repo/' } });
  expect(validateSarif(log).valid).toBeTruthy();
});
