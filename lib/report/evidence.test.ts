import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile, unlink, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redactor } from '../redact.ts';
import {
  describeVerification,
  verifyEvidenceBundle,
  writeEvidenceBundle,
  type Manifest,
} from './evidence.ts';

async function tempDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'evidence-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const input = () => ({
  report: { action: 'dlp-scan', findings: [{ rule: 'R1', line: 3 }], passed: false },
  markdown: '## DLP scan\n\n✗ 1 finding\n',
  files: [
    { name: 'sarif/results.sarif', content: '{"version":"2.1.0"}\n' },
    { name: 'b.txt', content: 'second' },
  ],
});

test('writes every file and a manifest whose digests match the bytes on disk', async (t) => {
  const dir = await tempDir(t);
  const manifest = await writeEvidenceBundle(dir, input(), new Redactor());
  const onDisk = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  assert.deepEqual(onDisk, manifest);
  assert.deepEqual(
    manifest.files.map((f) => f.path),
    ['b.txt', 'report.json', 'report.md', 'sarif/results.sarif'],
  );
  for (const entry of manifest.files) {
    const bytes = await readFile(join(dir, entry.path));
    assert.equal(entry.sha256, createHash('sha256').update(bytes).digest('hex'), entry.path);
    assert.equal(entry.size, bytes.length, entry.path);
  }
  assert.deepEqual(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')), input().report);
  assert.equal(await readFile(join(dir, 'report.md'), 'utf8'), input().markdown);
  const v = await verifyEvidenceBundle(dir);
  assert.deepEqual(v, { ok: true, changed: [], added: [], missing: [] });
  assert.match(describeVerification(dir, v), /all files match/);
});

test('the same content gives byte-identical bundles whatever the key or file order', async (t) => {
  const a = await tempDir(t);
  const b = await tempDir(t);
  await writeEvidenceBundle(a, input(), new Redactor());
  const reordered = input();
  reordered.report = {
    passed: false,
    findings: [{ line: 3, rule: 'R1' }],
    action: 'dlp-scan',
  } as typeof reordered.report;
  reordered.files.reverse();
  await writeEvidenceBundle(b, reordered, new Redactor());
  assert.equal(
    await readFile(join(a, 'manifest.json'), 'utf8'),
    await readFile(join(b, 'manifest.json'), 'utf8'),
  );
});

test('a tampered, an added and a removed file are each named', async (t) => {
  const dir = await tempDir(t);
  await writeEvidenceBundle(dir, input(), new Redactor());
  // same length, one byte different: only the digest can tell
  const md = await readFile(join(dir, 'report.md'), 'utf8');
  await writeFile(join(dir, 'report.md'), md.replace('1 finding', '0 finding'));
  await writeFile(join(dir, 'sarif', 'extra.sarif'), '{}');
  await unlink(join(dir, 'b.txt'));
  const v = await verifyEvidenceBundle(dir);
  assert.equal(v.ok, false);
  assert.deepEqual(v.changed, ['report.md']);
  assert.deepEqual(v.added, ['sarif/extra.sarif']);
  assert.deepEqual(v.missing, ['b.txt']);
  assert.equal(
    describeVerification('out', v),
    'Evidence bundle out does not match manifest.json (changed: report.md; added: sarif/extra.sarif; missing: b.txt)',
  );
});

test('a tampered report.json is detected', async (t) => {
  const dir = await tempDir(t);
  await writeEvidenceBundle(dir, input(), new Redactor());
  await writeFile(
    join(dir, 'report.json'),
    JSON.stringify({ ...input().report, passed: true }, null, 2) + '\n',
  );
  assert.deepEqual((await verifyEvidenceBundle(dir)).changed, ['report.json']);
});

test('a missing or corrupt manifest is reported, not thrown', async (t) => {
  const dir = await tempDir(t);
  const none = await verifyEvidenceBundle(dir);
  assert.equal(none.ok, false);
  assert.match(none.manifestError ?? '', /manifest\.json is missing/);
  await writeFile(
    join(dir, 'manifest.json'),
    '{"version":1,"algorithm":"sha256","files":[{"path":"../etc/passwd","sha256":"x","size":1}]}',
  );
  const bad = await verifyEvidenceBundle(dir);
  assert.match(
    describeVerification(dir, bad),
    /manifest\.json is unreadable: .*must be a relative path inside the bundle/,
  );
  await writeFile(join(dir, 'manifest.json'), 'not json');
  assert.match((await verifyEvidenceBundle(dir)).manifestError ?? '', /unreadable/);
});

test('every text is redacted before it is written and hashed', async (t) => {
  const dir = await tempDir(t);
  const secret = `pw_${randomBytes(12).toString('hex')}`;
  const redactor = new Redactor();
  redactor.addSecret(secret);
  await writeEvidenceBundle(
    dir,
    {
      report: { value: secret, [secret]: 'key' },
      markdown: `leaked ${secret}`,
      files: [
        { name: 'log.txt', content: `x=${secret}` },
        { name: `dump-${secret}.txt`, content: 'y' },
      ],
    },
    redactor,
  );
  assert.ok(!(await readdir(dir)).some((n) => n.includes(secret)), 'a file name kept the secret');
  for (const name of ['report.json', 'report.md', 'log.txt', 'manifest.json', 'dump-***.txt']) {
    assert.ok(!(await readFile(join(dir, name), 'utf8')).includes(secret), name);
  }
  assert.ok((await verifyEvidenceBundle(dir)).ok, 'digests cover the redacted bytes');
});

test('file names that escape the bundle, clash or repeat are refused', async (t) => {
  const dir = await tempDir(t);
  const r = new Redactor();
  for (const name of ['../x', '/abs', 'a/../b', 'C:/x', '', 'a//b']) {
    await assert.rejects(
      writeEvidenceBundle(dir, { report: {}, markdown: '', files: [{ name, content: '' }] }, r),
      /must be a relative path inside the bundle/,
      name,
    );
  }
  await assert.rejects(
    writeEvidenceBundle(
      dir,
      { report: {}, markdown: '', files: [{ name: 'manifest.json', content: '' }] },
      r,
    ),
    /clashes with the bundle's own manifest\.json/,
  );
  await assert.rejects(
    writeEvidenceBundle(
      dir,
      {
        report: {},
        markdown: '',
        files: [
          { name: 'a', content: '' },
          { name: 'a', content: '' },
        ],
      },
      r,
    ),
    /'a' is given twice/,
  );
});

test('a non-empty directory is refused so no stale file joins the bundle', async (t) => {
  const dir = await tempDir(t);
  await mkdir(join(dir, 'old'));
  await writeFile(join(dir, 'old', 'stale.txt'), 'x');
  await assert.rejects(
    writeEvidenceBundle(dir, input(), new Redactor()),
    /is not empty \(old\/stale\.txt\); use a fresh directory/,
  );
});
