import { expect, test } from '@jest/globals';
import { expectNoLeak } from '../../test/support/leak.ts';
import { onCleanup } from '../../test/support/cleanup.ts';

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

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'evidence-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
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

test('writes every file and a manifest whose digests match the bytes on disk', async () => {
  const dir = await tempDir();
  const manifest = await writeEvidenceBundle(dir, input(), new Redactor());
  const onDisk = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  expect(onDisk).toStrictEqual(manifest);
  expect(manifest.files.map((f) => f.path)).toStrictEqual([
    'b.txt',
    'report.json',
    'report.md',
    'sarif/results.sarif',
  ]);
  for (const entry of manifest.files) {
    const bytes = await readFile(join(dir, entry.path));
    expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(entry.size).toBe(bytes.length);
  }
  expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))).toStrictEqual(input().report);
  expect(await readFile(join(dir, 'report.md'), 'utf8')).toBe(input().markdown);
  const v = await verifyEvidenceBundle(dir);
  expect(v).toStrictEqual({ ok: true, changed: [], added: [], missing: [] });
  expect(describeVerification(dir, v)).toMatch(/all files match/);
});

test('the same content gives byte-identical bundles whatever the key or file order', async () => {
  const a = await tempDir();
  const b = await tempDir();
  await writeEvidenceBundle(a, input(), new Redactor());
  const reordered = input();
  reordered.report = {
    passed: false,
    findings: [{ line: 3, rule: 'R1' }],
    action: 'dlp-scan',
  } as typeof reordered.report;
  reordered.files.reverse();
  await writeEvidenceBundle(b, reordered, new Redactor());
  expect(await readFile(join(a, 'manifest.json'), 'utf8')).toBe(
    await readFile(join(b, 'manifest.json'), 'utf8'),
  );
});

test('a tampered, an added and a removed file are each named', async () => {
  const dir = await tempDir();
  await writeEvidenceBundle(dir, input(), new Redactor());
  // same length, one byte different: only the digest can tell
  const md = await readFile(join(dir, 'report.md'), 'utf8');
  await writeFile(join(dir, 'report.md'), md.replace('1 finding', '0 finding'));
  await writeFile(join(dir, 'sarif', 'extra.sarif'), '{}');
  await unlink(join(dir, 'b.txt'));
  const v = await verifyEvidenceBundle(dir);
  expect(v.ok).toBe(false);
  expect(v.changed).toStrictEqual(['report.md']);
  expect(v.added).toStrictEqual(['sarif/extra.sarif']);
  expect(v.missing).toStrictEqual(['b.txt']);
  expect(describeVerification('out', v)).toBe(
    'Evidence bundle out does not match manifest.json (changed: report.md; added: sarif/extra.sarif; missing: b.txt)',
  );
});

test('a tampered report.json is detected', async () => {
  const dir = await tempDir();
  await writeEvidenceBundle(dir, input(), new Redactor());
  await writeFile(
    join(dir, 'report.json'),
    JSON.stringify({ ...input().report, passed: true }, null, 2) + '\n',
  );
  expect((await verifyEvidenceBundle(dir)).changed).toStrictEqual(['report.json']);
});

test('a missing or corrupt manifest is reported, not thrown', async () => {
  const dir = await tempDir();
  const none = await verifyEvidenceBundle(dir);
  expect(none.ok).toBe(false);
  expect(none.manifestError ?? '').toMatch(/manifest\.json is missing/);
  await writeFile(
    join(dir, 'manifest.json'),
    '{"version":1,"algorithm":"sha256","files":[{"path":"../etc/passwd","sha256":"x","size":1}]}',
  );
  const bad = await verifyEvidenceBundle(dir);
  expect(describeVerification(dir, bad)).toMatch(
    /manifest\.json is unreadable: .*must be a relative path inside the bundle/,
  );
  await writeFile(join(dir, 'manifest.json'), 'not json');
  expect((await verifyEvidenceBundle(dir)).manifestError ?? '').toMatch(/unreadable/);
});

test('every text is redacted before it is written and hashed', async () => {
  const dir = await tempDir();
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
  expect(!(await readdir(dir)).some((n) => n.includes(secret))).toBeTruthy();
  for (const name of ['report.json', 'report.md', 'log.txt', 'manifest.json', 'dump-***.txt']) {
    expectNoLeak(await readFile(join(dir, name), 'utf8'), secret, name);
  }
  expect((await verifyEvidenceBundle(dir)).ok).toBeTruthy();
});

test('file names that escape the bundle, clash or repeat are refused', async () => {
  const dir = await tempDir();
  const r = new Redactor();
  for (const name of ['../x', '/abs', 'a/../b', 'C:/x', '', 'a//b']) {
    await expect(
      writeEvidenceBundle(dir, { report: {}, markdown: '', files: [{ name, content: '' }] }, r),
    ).rejects.toThrow(/must be a relative path inside the bundle/);
  }
  await expect(
    writeEvidenceBundle(
      dir,
      { report: {}, markdown: '', files: [{ name: 'manifest.json', content: '' }] },
      r,
    ),
  ).rejects.toThrow(/clashes with the bundle's own manifest\.json/);
  await expect(
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
  ).rejects.toThrow(/'a' is given twice/);
});

test('a non-empty directory is refused so no stale file joins the bundle', async () => {
  const dir = await tempDir();
  await mkdir(join(dir, 'old'));
  await writeFile(join(dir, 'old', 'stale.txt'), 'x');
  await expect(writeEvidenceBundle(dir, input(), new Redactor())).rejects.toThrow(
    /is not empty \(old\/stale\.txt\); use a fresh directory/,
  );
});
