import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  assert.deepEqual(validateSarif(log), { valid: true, errors: [] });
  const run = log.runs[0]!;
  assert.equal(log.version, '2.1.0');
  assert.deepEqual(run.tool.driver.name, 'catalog-gate');
  assert.equal(run.tool.driver.semanticVersion, '1.2.3');
  assert.deepEqual(
    run.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level]),
    [
      ['SO001', 'error'],
      ['SO002', 'note'],
    ],
  );
  assert.deepEqual(run.tool.driver.rules[0]!.properties, { tags: ['postgres', 'locks'] });
  const [first, second, third] = run.results;
  assert.equal(third, undefined, 'code scanning rejects a result without a location: it is left out');
  assert.deepEqual(run.properties, { 'summitOps/resultsWithoutLocation': 1 });
  assert.equal(first!.ruleIndex, 1, 'ruleIndex points at SO002');
  assert.equal(run.tool.driver.rules[first!.ruleIndex]!.id, first!.ruleId);
  assert.equal(first!.level, 'note');
  assert.deepEqual(first!.locations![0]!.physicalLocation, {
    artifactLocation: { uri: 'db/migrations/001%20add%20col.sql', uriBaseId: 'SRCROOT' },
    region: { startLine: 3, startColumn: 5, endLine: 4, endColumn: 12 },
  });
  assert.deepEqual(first!.partialFingerprints, { [FINGERPRINT_KEY]: 'abc123' });
  assert.equal(second!.ruleIndex, 0);
  assert.equal(second!.locations![0]!.physicalLocation.artifactLocation.uri, 'db/x.sql');
  assert.deepEqual(second!.properties, { lock: 'ACCESS EXCLUSIVE' });
});

test('a finding without a position lands at line 1 of defaultFile; security severity and help reach the rule', () => {
  const report = sampleReport();
  report.rules[0]!.securitySeverity = 9.1;
  report.rules[0]!.helpMarkdown = '**Rotate** the key.';
  const log = buildSarif(report, new Redactor(), { defaultFile: 'db/catalog/migrations.yaml' });
  assert.deepEqual(validateSarif(log), { valid: true, errors: [] });
  const run = log.runs[0]!;
  assert.equal(run.results.length, report.findings.length);
  assert.equal(run.properties, undefined);
  assert.deepEqual(run.results.at(-1)!.locations![0]!.physicalLocation, {
    artifactLocation: { uri: 'db/catalog/migrations.yaml', uriBaseId: 'SRCROOT' },
    region: { startLine: 1 },
  });
  assert.equal(run.tool.driver.rules[0]!.properties!['security-severity'], '9.1');
  assert.equal(run.tool.driver.rules[0]!.help!.markdown, '**Rotate** the key.');
  report.rules[0]!.securitySeverity = 11;
  assert.throws(() => buildSarif(report, new Redactor()), /security severity 11; expected 0\.1–10/);
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
  assert.ok(!text.includes(secret), 'the registered secret must not appear');
  const encodedTail = encodeURIComponent(slashy.slice(3));
  assert.ok(
    !text.includes(encodedTail) && !text.includes(slashy.slice(3)),
    'no form of the slashy secret survives',
  );
  assert.equal(log.runs[0]!.results[1]!.locations![0]!.physicalLocation.artifactLocation.uri, 'src/***.ts');
  assert.ok(text.includes(`found ${MASK} in config`));
  assert.ok(validateSarif(JSON.parse(text)).valid);
});

test('the schema rejects a wrong version with a message naming the field', () => {
  const log = buildSarif(sampleReport(), new Redactor()) as unknown as Record<string, unknown>;
  const { valid, errors } = validateSarif({ ...log, version: '2.0.0' });
  assert.equal(valid, false);
  assert.ok(
    errors.some((e) => e.startsWith('/version: must be one of "2.1.0"')),
    errors.join('\n'),
  );
});

test('the schema rejects a result without a message', () => {
  const log = structuredClone(buildSarif(sampleReport(), new Redactor())) as SarifLog;
  delete (log.runs[0]!.results[1] as Partial<SarifLog['runs'][number]['results'][number]>).message;
  const { valid, errors } = validateSarif(log);
  assert.equal(valid, false);
  assert.ok(errors.includes("/runs/0/results/1: must have required property 'message'"), errors.join('\n'));
});

test('the schema rejects a bad level and lists the allowed ones', () => {
  const log = structuredClone(buildSarif(sampleReport(), new Redactor())) as SarifLog;
  (log.runs[0]!.results[0] as { level: string }).level = 'fatal';
  const { valid, errors } = validateSarif(log);
  assert.equal(valid, false);
  assert.ok(
    errors.includes('/runs/0/results/0/level: must be one of "none", "note", "warning", "error"'),
    errors.join('\n'),
  );
});

test('the schema rejects unknown properties and non-objects', () => {
  const log = structuredClone(buildSarif(sampleReport(), new Redactor())) as unknown as {
    runs: Array<Record<string, unknown>>;
  };
  log.runs[0]!['bogus'] = true;
  assert.ok(validateSarif(log).errors.includes("/runs/0: has unknown property 'bogus'"));
  assert.equal(validateSarif('not sarif').valid, false);
});

test('writeSarif writes a log that reads back valid', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'sarif-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'nested', 'out.sarif');
  const written = await writeSarif(path, sampleReport(), new Redactor());
  const read = JSON.parse(await readFile(path, 'utf8')) as unknown;
  assert.deepEqual(read, written);
  assert.ok(validateSarif(read).valid);
  assert.deepEqual(await readdir(join(dir, 'nested')), ['out.sarif'], 'no temp file left behind');
});

test('writeSarif refuses an invalid log, lists the violations and writes nothing', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'sarif-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const report = sampleReport();
  report.informationUri = 'not a uri';
  report.rules[1]!.helpUri = 'also not a uri';
  const path = join(dir, 'out.sarif');
  await assert.rejects(writeSarif(path, report, new Redactor()), (e: unknown) => {
    assert.ok(e instanceof SarifValidationError);
    assert.match(e.message, /out\.sarif is not valid SARIF 2\.1\.0 \(2 schema violations\)/);
    assert.ok(
      e.violations.includes('/runs/0/tool/driver/informationUri: must match format "uri"'),
      e.violations.join('\n'),
    );
    assert.ok(
      e.violations.includes('/runs/0/tool/driver/rules/1/helpUri: must match format "uri"'),
      e.violations.join('\n'),
    );
    return true;
  });
  assert.deepEqual(await readdir(dir), []);
});

test('a finding citing an undeclared rule, or a duplicate rule, is a clear error', () => {
  const report = sampleReport();
  report.findings.push({ ruleId: 'NOPE', level: 'error', message: 'x' });
  assert.throws(
    () => buildSarif(report, new Redactor()),
    /finding #4 cites rule 'NOPE', which report\.rules does not declare/,
  );
  const dup = sampleReport();
  dup.rules.push({ ...dup.rules[0]! });
  assert.throws(() => buildSarif(dup, new Redactor()), /rule 'SO001' is declared twice/);
});

test('positions must be 1-based', () => {
  const report = sampleReport();
  report.findings[0]!.location!.line = 0;
  assert.throws(() => buildSarif(report, new Redactor()), /rule 'SO002' has line 0; positions are 1-based/);
});

test('artifact URIs are workspace-relative with forward slashes', () => {
  assert.equal(artifactUri('/ws/repo/src/a.ts', '/ws/repo'), 'src/a.ts');
  assert.equal(artifactUri('src\\win\\b#1.ts'), 'src/win/b%231.ts');
  assert.throws(() => artifactUri('/etc/passwd', '/ws/repo'), /outside the workspace/);
  assert.throws(() => artifactUri('/abs/a.ts'), /outside the workspace/);
  assert.throws(() => artifactUri('../up.ts'), /not a file inside the workspace/);
  assert.throws(() => artifactUri('a/../../up.ts'), /not a file inside the workspace/);
  assert.throws(() => artifactUri('dir/'), /not a file inside the workspace/);
  assert.equal(artifactUri('src/x/../y//z.ts'), 'src/y/z.ts');
  const log = buildSarif(sampleReport(), new Redactor(), { workspace: '/ws/my repo' });
  assert.deepEqual(log.runs[0]!.originalUriBaseIds, { SRCROOT: { uri: 'file:///ws/my%20repo/' } });
  assert.ok(validateSarif(log).valid);
});
