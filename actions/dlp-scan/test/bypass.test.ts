// Hostile pull requests against real git repositories: each tries to hide the key it adds, and
// each must fail the scan with the key reported (and never printed).
import { expect, test } from '@jest/globals';

import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execute } from '../../../lib/runtime.ts';
import { defaultRulePack } from '../../../lib/dlp/index.ts';
import { seededRng, synth } from '../../../lib/dlp/synth.ts';
import { closeScanWorkers, scanWorkersStarted } from '../../../lib/dlp/threads.ts';
import definition from '../src/main.ts';
import { runScan, type ScanRequest } from '../src/scan.ts';
import { assertAbsent, commit, git, initRepo, plant, recordingSink, tempDir } from './fixtures.ts';

const rules = defaultRulePack();
const request = (repo: string, extra: Partial<ScanRequest>): ScanRequest => ({
  mode: 'diff',
  workspace: repo,
  target: repo,
  targetLabel: '.',
  maxFileSize: 1024 * 1024,
  rules,
  ...extra,
});

async function run(workspace: string, inputs: Record<string, string>) {
  const sink = recordingSink();
  const execution = await execute(definition, (name) => inputs[name], sink, {
    env: { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: await tempDir('dlp-runner-') },
  });
  return { sink, exitCode: execution.exitCode };
}

test.each([
  ['* binary', 'every file declared binary'],
  ['*.env -diff', 'the file declared not diffable'],
  ['*.env binary -text diff=nothing', 'binary, -text and an unknown diff driver'],
])(
  'a .gitattributes the change adds (%s: %s) does not hide its key, in diff and history modes',
  async (attributes) => {
    const p = plant(901);
    const repo = await initRepo();
    const base = await commit(repo, { 'README.md': 'hello\n' }, 'base');
    const head = await commit(
      repo,
      { '.gitattributes': `${attributes}\n`, 'deploy/.env': `${p.aws.line}\n` },
      'hide',
    );
    for (const mode of ['diff', 'history'] as const) {
      const { findings, stats } = await runScan(request(repo, { mode, base, head }));
      expect(findings.map((f) => `${mode} ${f.ruleId} ${f.path}:${f.line}`)).toStrictEqual([
        `${mode} aws-access-key-id deploy/.env:1`,
      ]);
      expect(stats.skipped).toStrictEqual([]);
    }
  },
);

test('a key beside a NUL byte is still read: binary-ness comes from the bytes, and binary files are scanned over their printable runs', async () => {
  const p = plant(902);
  const repo = await initRepo();
  const base = await commit(repo, { 'README.md': 'hello\n' }, 'base');
  const blob = Buffer.concat([
    Buffer.from([0x89, 0x50, 0, 0, 7]),
    Buffer.from(` ${p.github.line} `),
    Buffer.from([0, 1]),
  ]);
  const head = await commit(repo, { 'img/logo.png': blob }, 'image');
  const { findings } = await runScan(request(repo, { base, head }));
  expect(findings.map((f) => `${f.ruleId} ${f.path}`)).toStrictEqual(['github-token img/logo.png']);
});

test('a configuration file turned into a symlink by the change is a finding and never followed', async () => {
  const p = plant(903);
  const repo = await initRepo();
  const outside = await tempDir('dlp-outside-');
  await writeFile(join(outside, 'allow-all.yml'), "allowlist:\n  paths: ['**']\n");
  const base = await commit(repo, { '.summit-ops-dlp.yml': 'disable: []\n', 'a.txt': 'x\n' }, 'base');
  await git(repo, 'rm', '-q', '.summit-ops-dlp.yml');
  await symlink(join(outside, 'allow-all.yml'), join(repo, '.summit-ops-dlp.yml'));
  const head = await commit(repo, { 'deploy/.env': `${p.aws.line}\n` }, 'link the config away');

  const { sink, exitCode } = await run(repo, { mode: 'diff', base, head, path: '.' });
  expect(exitCode).toBe(1);
  const titles = sink.annotations.map((a) => `${a.title} ${a.file}`).sort();
  expect(titles).toStrictEqual([
    'dlp-scan: aws-access-key-id deploy/.env',
    'dlp-scan: dlp-config-changed .summit-ops-dlp.yml',
    'dlp-scan: dlp-config-symlink .summit-ops-dlp.yml',
  ]);
  assertAbsent(sink.all(), p.all(), 'the action output');
});

test('a symlinked configuration in the checkout (tree mode) is a finding, not read', async () => {
  const p = plant(904);
  const repo = await initRepo();
  const outside = await tempDir('dlp-outside-');
  await writeFile(join(outside, 'allow-all.yml'), "allowlist:\n  paths: ['**']\n");
  await commit(repo, { 'deploy/.env': `${p.aws.line}\n` }, 'base');
  await symlink(join(outside, 'allow-all.yml'), join(repo, '.summit-ops-dlp.yml'));
  const { sink, exitCode } = await run(repo, { mode: 'tree', path: '.' });
  expect(exitCode).toBe(1);
  expect(sink.annotations.map((a) => a.title).sort()).toStrictEqual([
    'dlp-scan: aws-access-key-id',
    'dlp-scan: dlp-config-symlink',
    // The tree walk reports the same link as one it did not follow.
    'dlp-scan: skipped (symlink-outside)',
  ]);
});

test('a symlink at the base commit is not followed either: the base config counts as absent', async () => {
  const p = plant(905);
  const repo = await initRepo();
  const outside = await tempDir('dlp-outside-');
  await writeFile(join(outside, 'allow-all.yml'), "allowlist:\n  paths: ['**']\n");
  await symlink(join(outside, 'allow-all.yml'), join(repo, '.summit-ops-dlp.yml'));
  const base = await commit(repo, { 'a.txt': 'x\n' }, 'base with a linked config');
  const head = await commit(repo, { 'deploy/.env': `${p.aws.line}\n` }, 'key');
  const { sink, exitCode } = await run(repo, { mode: 'history', base, head, path: '.' });
  expect(exitCode).toBe(1);
  expect(sink.annotations.map((a) => a.title).sort()).toStrictEqual([
    'dlp-scan: aws-access-key-id',
    'dlp-scan: dlp-config-symlink',
  ]);
});

test('an inline dlp:allow the change adds does not suppress: reported at its line, and the failure says a baseline must land first', async () => {
  const p = plant(906);
  const repo = await initRepo();
  const base = await commit(repo, { 'app.ts': 'one\n' }, 'base');
  const head = await commit(repo, { 'app.ts': `one\n${p.github.line} // dlp:allow\n` }, 'self-allowed');
  const { sink, exitCode } = await run(repo, { mode: 'diff', base, head, path: '.' });
  expect(exitCode).toBe(1);
  const annotation = sink.annotations.find((a) => a.title === 'dlp-scan: github-token');
  expect(annotation?.file).toBe('app.ts');
  expect(annotation?.line).toBe(2);
  expect(annotation?.message).toMatch(/dlp:allow comment on this line is added by this same change/);
  expect(sink.failures.join('\n')).toMatch(
    /1 of them sit on a line whose dlp:allow this pull request adds: not honoured.*baseline entry .* must land in an earlier pull request/,
  );
  assertAbsent(sink.all(), p.all(), 'the action output');

  // The same comment already in the base (tree mode, or a line the change does not add) is honoured.
  const tree = await run(repo, { mode: 'tree', path: '.' });
  expect(tree.exitCode).toBe(0);
});

test('annotations are capped per file and per run, with the rest counted; every finding stays in the report', async () => {
  const ws = await tempDir();
  const rng = seededRng(907);
  const jwtRun = (n: number) => Array.from({ length: n }, () => synth.jwt(rng)).join(' ');
  // One long line of JWT-shaped text (2,000 findings), and 16 files of 25 each.
  await writeFile(join(ws, 'big.min.js'), jwtRun(2000));
  for (let i = 0; i < 16; i++) await writeFile(join(ws, `f${i}.txt`), `${jwtRun(25)}\n`);
  const { sink, exitCode } = await run(ws, { mode: 'tree', path: '.', 'max-file-size': '2M' });
  expect(exitCode).toBe(0);
  const perFile = new Map<string, number>();
  for (const a of sink.annotations) if (a.file) perFile.set(a.file, (perFile.get(a.file) ?? 0) + 1);
  expect(Math.max(...perFile.values())).toBe(20);
  expect(sink.annotations.filter((a) => a.title === 'dlp-scan: jwt')).toHaveLength(300);
  const note = sink.annotations.find((a) => a.title === 'dlp-scan: annotations capped');
  expect(note?.message).toMatch(
    /^2100 finding\(s\) have no annotation \(at most 20 per file and 300 per run\)/,
  );
  expect(sink.summary).toMatch(/2100 finding\(s\) have no annotation/);
  expect(sink.outputs['findings']).toBe('2400');
});

test('threads: tree mode on worker threads finds what one thread finds; a bad count is an input error', async () => {
  const ws = await tempDir();
  const p = plant(908);
  // Enough text for two workers (each needs 2 Mi UTF-16 units), a planted value near the end.
  const filler = `${'const x = 1; // ordinary code\n'.repeat(80_000)}`;
  for (let i = 0; i < 3; i++) await writeFile(join(ws, `f${i}.ts`), filler);
  await writeFile(join(ws, 'z.env'), `${p.aws.line}\n`);
  const one = await run(ws, { mode: 'tree', path: '.', threads: '1', 'max-file-size': '4M' });
  const two = await run(ws, { mode: 'tree', path: '.', threads: '2', 'max-file-size': '4M' });
  expect(two.sink.annotations.map((a) => `${a.title} ${a.file}:${a.line}`)).toStrictEqual(
    one.sink.annotations.map((a) => `${a.title} ${a.file}:${a.line}`),
  );
  expect(one.sink.outputs['findings']).toBe('1');
  expect(scanWorkersStarted()).toBeGreaterThan(0);
  await closeScanWorkers();
  const bad = await run(ws, { mode: 'tree', path: '.', threads: 'many' });
  expect(bad.exitCode).toBe(2);
  expect(bad.sink.failures.join('\n')).toMatch(/threads.*'many' is not a thread count/);
});

test('history mode: a commit that writes the old fixed record marker, or 0x1f in its author name, hides nothing', async () => {
  const p = plant(905);
  const repo = await initRepo();
  const base = await commit(repo, { 'README.md': 'hello\n' }, 'base');
  // The delimiters a fixed log format used, in a file, in the message, and in the author's name.
  const forged = '\x1eSUMMIT-DLP\x1f';
  await commit(repo, { 'a-marker.txt': `x ${forged}\n`, 'deploy/.env': `${p.aws.line}\n` }, `msg ${forged}`);
  await writeFile(join(repo, 'creds.ts'), `${p.github.line}\n`);
  await git(repo, 'add', '-A');
  await git(repo, '-c', 'user.name=a\x1fb', '-c', 'user.email=x@example.com', 'commit', '-q', '-m', 'named');
  const head = await git(repo, 'rev-parse', 'HEAD');
  const { findings } = await runScan(request(repo, { mode: 'history', base, head }));
  expect(findings.map((f) => `${f.ruleId} ${f.path}`).sort()).toStrictEqual([
    'aws-access-key-id deploy/.env',
    'github-token creds.ts',
  ]);
});

test('history mode: a message git re-encodes from its encoding header is also scanned as the commit holds it', async () => {
  const p = plant(906);
  const repo = await initRepo();
  const base = await commit(repo, { 'README.md': 'hello\n' }, 'base');
  await writeFile(join(repo, 'x.txt'), 'x\n');
  await git(repo, 'add', '-A');
  const tree = await git(repo, 'write-tree');
  // Written by hand: `git commit` would not let the header lie about the message's bytes.
  const raw = `tree ${tree}\nparent ${base}\nauthor t <t@example.com> 1700000000 +0000\ncommitter t <t@example.com> 1700000000 +0000\nencoding IBM037\n\ndeploy ${p.github.value}\n`;
  const objects = await tempDir('dlp-commit-');
  await writeFile(join(objects, 'commit.txt'), raw);
  const head = await git(repo, 'hash-object', '-t', 'commit', '-w', join(objects, 'commit.txt'));
  const { findings } = await runScan(request(repo, { mode: 'history', base, head }));
  expect(findings.map((f) => f.ruleId)).toStrictEqual(['github-token']);
});

test.each([
  ['UTF-16LE with a byte-order mark', 'utf16le', true],
  ['UTF-16LE without one', 'utf16le', false],
  ['UTF-16BE with a byte-order mark', 'utf16be', true],
  ['UTF-16BE without one', 'utf16be', false],
  ['UTF-32LE with a byte-order mark', 'utf32le', true],
  ['UTF-32BE without one', 'utf32be', false],
])('a file in %s is decoded, in diff, history and tree modes', async (_name, encoding, bom) => {
  const p = plant(907);
  const text = `[default]\n${p.aws.line}\nregion = eu-west-1\n`;
  const encode = (s: string): Buffer => {
    const units = [...(bom ? '\ufeff' : ''), ...s];
    if (encoding === 'utf16le') return Buffer.from(units.join(''), 'utf16le');
    if (encoding === 'utf16be') return Buffer.from(units.join(''), 'utf16le').swap16();
    const out = Buffer.alloc(units.length * 4);
    units.forEach((ch, i) =>
      encoding === 'utf32le'
        ? out.writeUInt32LE(ch.codePointAt(0)!, i * 4)
        : out.writeUInt32BE(ch.codePointAt(0)!, i * 4),
    );
    return out;
  };
  const repo = await initRepo();
  const base = await commit(repo, { 'README.md': 'hello\n', 'creds.ini': encode('[old]\n') }, 'base');
  const head = await commit(repo, { 'creds.ini': encode(text) }, 'as PowerShell writes it');
  for (const mode of ['diff', 'history', 'tree'] as const) {
    const { findings, stats } = await runScan(request(repo, { mode, base, head }));
    // The line an editor shows for the key: the second of the file.
    expect(findings.map((f) => `${mode} ${f.ruleId} ${f.path}:${f.line}`)).toStrictEqual([
      `${mode} aws-access-key-id creds.ini:2`,
    ]);
    expect(stats.invalidUtf8).toStrictEqual([]);
  }
});

test('diff mode with the checkout in a subdirectory of the workspace reads the conventional config at the repository root, from the base', async () => {
  const p = plant(908);
  const workspace = await tempDir('dlp-ws-');
  await mkdir(join(workspace, 'repo'));
  const repo = await initRepo(join(workspace, 'repo'));
  // The base's rules file switches the AWS rule off; the change must not be able to, and a
  // missing file at the workspace root is no error.
  const base = await commit(
    repo,
    { '.summit-ops-dlp.yml': 'disable: [aws-access-key-id, generic-secret]\n', 'a.txt': 'x\n' },
    'base',
  );
  const head = await commit(
    repo,
    { 'deploy/.env': `${p.aws.line}\n`, 'src/app.ts': `${p.github.line}\n` },
    'pr',
  );
  const { sink, exitCode } = await run(workspace, { mode: 'diff', base, head, path: 'repo' });
  expect(exitCode).toBe(1);
  expect(sink.annotations.map((a) => `${a.title} ${a.file}`)).toStrictEqual([
    'dlp-scan: github-token repo/src/app.ts',
  ]);
  expect(sink.lines.some((l) => l.includes('repo/.summit-ops-dlp.yml as of the base commit'))).toBe(true);
});

test('a change that replaces a private key body between unchanged BEGIN and END lines is caught; a key the context holds on its own is not reported', async () => {
  const rng = seededRng(909);
  const before = synth.privateKey(rng);
  const after = synth.privateKey(rng);
  const p = plant(909);
  const repo = await initRepo();
  // The base already holds a key (accepted earlier, say) and the AWS id line near the change.
  const base = await commit(
    repo,
    { 'deploy/key.pem': `${before}\n`, 'deploy/.env': `${p.aws.line}\nA=1\n` },
    'base',
  );
  const head = await commit(
    repo,
    { 'deploy/key.pem': `${after}\n`, 'deploy/.env': `${p.aws.line}\nA=2\n` },
    'rotate',
  );
  for (const mode of ['diff', 'history'] as const) {
    const { findings } = await runScan(request(repo, { mode, base, head }));
    expect(findings.map((f) => `${mode} ${f.ruleId} ${f.path}:${f.line}-${f.endLine}`)).toStrictEqual([
      `${mode} private-key deploy/key.pem:1-14`,
    ]);
  }
});
