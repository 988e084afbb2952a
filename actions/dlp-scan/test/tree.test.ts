// Tree mode over real directories: each bad input of the issue (binary, oversized, invalid UTF-8,
// a symlink that leaves the workspace) is skipped or decoded as documented, and counted.
import { expect, test } from '@jest/globals';

import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultRulePack, loadRulePackOverride } from '../../../lib/dlp/index.ts';
import { runScan, type ScanRequest } from '../src/scan.ts';
import { decodeUtf8, looksBinary } from '../src/bytes.ts';
import { git, initRepo, plant, tempDir, writeFiles } from './fixtures.ts';

const request = (workspace: string, extra: Partial<ScanRequest> = {}): ScanRequest => ({
  mode: 'tree',
  workspace,
  target: workspace,
  targetLabel: '.',
  maxFileSize: 1024 * 1024,
  rules: defaultRulePack(),
  ...extra,
});

test('findings in nested files at their line and column; .git and node_modules are not entered', async () => {
  const p = plant(101);
  const ws = await tempDir();
  await writeFiles(ws, {
    'src/deep/app.ts': `// app\n\n  ${p.github.line}\n`,
    'config/.env': `${p.aws.line}\n`,
    'node_modules/pkg/index.js': `${p.card.line}\n`,
    '.git/config': `${p.card.line}\n`,
  });
  const { findings, stats } = await runScan(request(ws));
  expect(findings.map((f) => `${f.ruleId} ${f.path}:${f.line}:${f.column}`)).toStrictEqual([
    `aws-access-key-id config/.env:1:${p.aws.line.indexOf(p.aws.value) + 1}`,
    `github-token src/deep/app.ts:3:${2 + p.github.line.indexOf(p.github.value) + 1}`,
  ]);
  expect(stats.excludedDirs).toBe(2);
  expect(stats.filesScanned).toBe(2);
});

test('a binary file (NUL in the first 8 KiB) is scanned over its printable runs, as in diff mode; a binary over max-file-size is counted, not read', async () => {
  const p = plant(102);
  const ws = await tempDir();
  const nul = Buffer.from([0x89, 0x50, 0x00, 0x0a]);
  await writeFiles(ws, {
    // A key stored beside NUL and control bytes (a SQLite file, a build artefact) is still a key.
    'blob.bin': Buffer.concat([nul, Buffer.from(`${p.aws.line}\n`), Buffer.from([0x01, 0x02, 0xff, 0xfe])]),
    'late-nul.txt': Buffer.concat([Buffer.from(`${'a'.repeat(9000)}\n${p.github.line}\n`), Buffer.from([0])]),
    'big.bin': Buffer.concat([nul, Buffer.alloc(20_000, 0x41), Buffer.from(`${p.card.line}\n`)]),
  });
  const { findings, stats } = await runScan(request(ws, { maxFileSize: 16_384 }));
  expect(stats.skipped.map((s) => `${s.path}:${s.reason}`)).toStrictEqual(['big.bin:binary']);
  // The key keeps its line and column in the file (control bytes became spaces, nothing moved).
  expect(findings.map((f) => `${f.ruleId} ${f.path}:${f.line}:${f.column}`)).toStrictEqual([
    `aws-access-key-id blob.bin:2:${p.aws.line.indexOf(p.aws.value) + 1}`,
    // A NUL after the sniffed 8 KiB does not make a text file binary (git decides the same way).
    `github-token late-nul.txt:2:${p.github.line.indexOf(p.github.value) + 1}`,
  ]);
  // Bytes of a binary file are not meant to be UTF-8: not reported as invalid text.
  expect(stats.invalidUtf8).toStrictEqual([]);
  expect(stats.filesScanned).toBe(2);
  expect(looksBinary(Buffer.from('text'))).toBe(false);
});

test('a file over max-file-size is skipped and reported with its size, never read', async () => {
  const p = plant(103);
  const ws = await tempDir();
  await writeFiles(ws, {
    'big.log': `${'x'.repeat(5000)}\n${p.aws.line}\n`,
    'small.txt': `${p.github.line}\n`,
  });
  const { findings, stats } = await runScan(request(ws, { maxFileSize: 4096 }));
  expect(findings.map((f) => f.path)).toStrictEqual(['small.txt']);
  expect(stats.skipped).toStrictEqual([
    { path: 'big.log', reason: 'oversized', size: 5001 + p.aws.line.length + 1 },
  ]);
});

test('invalid UTF-8 is decoded with U+FFFD and counted; findings after the bad byte keep their position', async () => {
  const p = plant(104);
  const ws = await tempDir();
  await writeFiles(ws, {
    'latin1.txt': Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(` ${p.aws.line}\n`)]),
  });
  const { findings, stats } = await runScan(request(ws));
  expect(stats.invalidUtf8).toStrictEqual(['latin1.txt']);
  expect(findings.map((f) => `${f.line}:${f.column}`)).toStrictEqual([
    `1:${'caf\uFFFD '.length + p.aws.line.indexOf(p.aws.value) + 1}`,
  ]);
  expect(decodeUtf8(Buffer.from([0x61, 0xc3]))).toStrictEqual({ text: 'a\uFFFD', invalid: true });
  expect(decodeUtf8(Buffer.from('é'))).toStrictEqual({ text: 'é', invalid: false });
});

test('a symlink leaving the workspace is not followed and is reported; one inside is scanned once', async () => {
  const p = plant(105);
  const outside = await tempDir('dlp-outside-');
  await writeFiles(outside, { credentials: `${p.aws.line}\n` });
  const ws = await tempDir();
  await writeFiles(ws, { 'real/app.ts': `${p.github.line}\n`, 'shared/extra.ts': `${p.card.line}\n` });
  await mkdir(join(ws, 'scan'));
  await symlink(join(outside, 'credentials'), join(ws, 'escape'));
  await symlink(join(outside), join(ws, 'escape-dir'));
  await symlink(join(ws, 'real', 'app.ts'), join(ws, 'dup.ts'));
  await symlink(join(ws, 'missing'), join(ws, 'broken'));
  const { findings, stats } = await runScan(request(ws));
  expect(findings.map((f) => `${f.ruleId} ${f.path}`)).toStrictEqual([
    'github-token real/app.ts',
    'payment-card shared/extra.ts',
  ]);
  expect(stats.skipped.map((s) => `${s.path}:${s.reason}`)).toStrictEqual([
    'broken:symlink-broken',
    'dup.ts:symlink-duplicate',
    'escape:symlink-outside',
    'escape-dir:symlink-outside',
  ]);
  // Scanning a subdirectory: a link to a workspace file outside it is read, at the link's path.
  await symlink(join(ws, 'shared', 'extra.ts'), join(ws, 'scan', 'linked.ts'));
  const sub = await runScan(request(ws, { target: join(ws, 'scan'), targetLabel: 'scan' }));
  expect(sub.findings.map((f) => `${f.ruleId} ${f.path}`)).toStrictEqual(['payment-card scan/linked.ts']);
});

test('a path through a symlinked directory that leaves the workspace is refused, in tree, diff and history modes', async () => {
  const p = plant(108);
  const outside = await tempDir('dlp-outside-');
  await writeFiles(outside, { 'sub/credentials': `${p.aws.line}\n` });
  await git(await initRepo(outside), 'add', '-A');
  const ws = await initRepo();
  await writeFiles(ws, { 'in.txt': 'fine\n' });
  // ws/out -> ../outside: 'out/sub' reads as inside the workspace, but it is not.
  await symlink(outside, join(ws, 'out'));
  for (const mode of ['tree', 'diff', 'history'] as const) {
    await expect(
      runScan(
        request(ws, {
          mode,
          target: join(ws, 'out', 'sub'),
          targetLabel: 'out/sub',
          base: 'HEAD',
          head: 'HEAD',
        }),
      ),
    ).rejects.toThrow(/path 'out\/sub' leads outside the workspace .* through a symlink/);
  }
  // The file itself through the link: refused as well.
  await expect(
    runScan(
      request(ws, { target: join(ws, 'out', 'sub', 'credentials'), targetLabel: 'out/sub/credentials' }),
    ),
  ).rejects.toThrow(/leads outside the workspace/);
  // A symlinked directory that stays inside the workspace is fine.
  await mkdir(join(ws, 'real'));
  await writeFiles(ws, { 'real/a.txt': `${p.github.line}\n` });
  await symlink(join(ws, 'real'), join(ws, 'alias'));
  const inside = await runScan(request(ws, { target: join(ws, 'alias'), targetLabel: 'alias' }));
  expect(inside.findings.length).toBe(1);
});

test('paths the pack allowlists are not read, and not reported as skipped', async () => {
  const p = plant(106);
  const ws = await tempDir();
  await writeFiles(ws, {
    'dist/bundle.js': `${'x'.repeat(5000)}\n${p.aws.line}\n`,
    'src/a.ts': `${p.github.line}\n`,
  });
  const rules = loadRulePackOverride("allowlist:\n  paths: ['dist/**']\n", 'override.yml');
  const { findings, stats } = await runScan(request(ws, { rules, maxFileSize: 4096 }));
  expect(findings.map((f) => f.path)).toStrictEqual(['src/a.ts']);
  expect(stats.skipped).toStrictEqual([]);
  expect(stats.suppressed.path).toBe(1);
});

test('baseline: an accepted fingerprint is suppressed, a new value on the same line is still reported', async () => {
  const p = plant(107);
  const q = plant(108);
  const ws = await tempDir();
  await writeFiles(ws, { '.env': `KEYS=${p.aws.value}\n` });
  const first = await runScan(request(ws));
  expect(first.findings.length).toBe(1);
  const baseline = new Set(first.findings.map((f) => f.fingerprint));
  await writeFiles(ws, { '.env': `KEYS=${p.aws.value},${q.aws.value}\n` });
  const second = await runScan(request(ws, { baseline }));
  expect(second.findings.map((f) => f.column)).toStrictEqual([`KEYS=${p.aws.value},`.length + 1]);
  expect(second.stats.suppressed.baseline).toBe(1);
});
