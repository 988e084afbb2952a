// The action's run() through the same execute() the runner and the CLI use: what a user sees
// (annotations, outputs, summary, files) for planted values, and that no value leaves the run.
import { expect, test } from '@jest/globals';
import { expectTruthy } from '../../../test/support/narrow.ts';

import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execute } from '../../../lib/runtime.ts';
import { verifyEvidenceBundle } from '../../../lib/report/evidence.ts';
import { validateSarif } from '../../../lib/report/sarif.ts';
import { defaultRulePack } from '../../../lib/dlp/index.ts';
import definition, { createDlpScan, resolvePlan } from '../src/main.ts';
import { assertAbsent, commit, initRepo, plant, recordingSink, tempDir, writeFiles } from './fixtures.ts';

async function run(
  workspace: string,
  inputs: Record<string, string>,
  options: { env?: Record<string, string>; stdin?: Buffer } = {},
) {
  const sink = recordingSink();
  const action = options.stdin ? createDlpScan({ readStdin: async () => options.stdin! }) : definition;
  const execution = await execute(action, (name) => inputs[name], sink, {
    env: { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: await tempDir('dlp-runner-'), ...options.env },
  });
  return { sink, exitCode: execution.exitCode, checkRun: execution.result?.checkRun };
}

/** Every file under a directory, as one text. */
async function filesText(dir: string): Promise<string> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return out.join('\n');
}

test('tree mode: annotations at each value (rule, preview, fingerprint), failing outputs, and no value anywhere', async () => {
  const p = plant(201);
  const ws = await tempDir();
  await writeFiles(ws, {
    'src/client.ts': `import x from 'y';\n${p.github.line}\n`,
    'deploy/.env': `A=1\n${p.aws.line}\n`,
    'docs/pay.md': `# Pay\n\n${p.card.line}\n`,
  });
  const { sink, exitCode } = await run(ws, {
    path: '.',
    'evidence-dir': 'evidence',
    'max-file-size': '1M',
    'fail-on': 'error',
    mode: 'tree',
  });
  expect(exitCode).toBe(1);
  expect(sink.outputs['findings']).toBe('3');
  const placed = sink.annotations
    .filter((a) => a.title?.startsWith('dlp-scan: ') && a.file)
    .map((a) => `${a.level} ${a.title} ${a.file}:${a.line}:${a.column}`);
  expect(placed).toStrictEqual([
    `error dlp-scan: aws-access-key-id deploy/.env:2:${p.aws.line.indexOf(p.aws.value) + 1}`,
    `error dlp-scan: payment-card docs/pay.md:3:${p.card.line.indexOf(' ') + 2}`,
    `error dlp-scan: github-token src/client.ts:2:${p.github.line.indexOf(p.github.value) + 1}`,
  ]);
  const aws = sink.annotations.find((a) => a.title === 'dlp-scan: aws-access-key-id')!;
  expect(aws.message).toMatch(
    new RegExp(`preview ${p.aws.value.slice(0, 4)}…\\(20\\), fingerprint [0-9a-f]{64}$`),
  );
  expect(sink.failures.join('\n')).toMatch(
    /3 finding\(s\) at or above 'error' \(aws-access-key-id ×1, github-token ×1, payment-card ×1\)/,
  );
  expect(sink.summary).toMatch(/\| aws-access-key-id \| 1 /);

  const evidence = join(ws, 'evidence');
  expect(sink.outputs['report-path']).toBe(join(evidence, 'dlp-report.json'));
  expect(sink.outputs['sarif-path']).toBe(join(evidence, 'dlp-scan.sarif'));
  expect((await verifyEvidenceBundle(evidence)).ok).toStrictEqual(true);
  const gitleaks = JSON.parse(await readFile(sink.outputs['report-path']!, 'utf8')) as Array<
    Record<string, unknown>
  >;
  expect(Object.keys(gitleaks[0]!).sort()).toStrictEqual(
    [
      'Author',
      'Commit',
      'Date',
      'Description',
      'Email',
      'EndColumn',
      'EndLine',
      'Entropy',
      'File',
      'Fingerprint',
      'Match',
      'Message',
      'RuleID',
      'Secret',
      'StartColumn',
      'StartLine',
      'SymlinkFile',
      'Tags',
    ].sort(),
  );
  const sarif = JSON.parse(await readFile(sink.outputs['sarif-path']!, 'utf8')) as {
    runs: Array<{
      results: Array<{
        ruleId: string;
        locations: Array<{
          physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
        }>;
      }>;
    }>;
  };
  expect(validateSarif(sarif).errors).toStrictEqual([]);
  expect(
    sarif.runs[0]!.results.map(
      (r) =>
        `${r.ruleId}@${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine}`,
    ),
  ).toStrictEqual([
    'aws-access-key-id@deploy/.env:2',
    'payment-card@docs/pay.md:3',
    'github-token@src/client.ts:2',
  ]);
  const metrics = await readFile(join(evidence, 'dlp-metrics.prom'), 'utf8');
  expect(metrics).toMatch(/^summit_dlp_findings_total\{rule="github-token",source="ci"\} 1$/m);
  expect(metrics).toMatch(/^summit_dlp_findings_total\{rule="us-ssn",source="ci"\} 0$/m);

  assertAbsent(sink.all(), p.all(), 'the runner channels');
  assertAbsent(await filesText(evidence), p.all(), 'the evidence bundle');
});

test('the Prometheus file is valid text format: one series per enabled rule, HELP/TYPE before samples', async () => {
  const ws = await tempDir();
  await writeFiles(ws, { 'a.txt': 'nothing here\n' });
  const { sink, exitCode } = await run(ws, {
    path: '.',
    'evidence-dir': 'ev',
    'fail-on': 'error',
    mode: 'tree',
    'max-file-size': '1M',
  });
  expect(sink.failures).toStrictEqual([]);
  expect(exitCode).toBe(0);
  const lines = (await readFile(join(ws, 'ev', 'dlp-metrics.prom'), 'utf8')).trimEnd().split('\n');
  const typed = new Set<string>();
  for (const line of lines) {
    const meta = /^# (HELP|TYPE) (\w+) (.+)$/.exec(line);
    if (meta) {
      if (meta[1] === 'TYPE') typed.add(meta[2]!);
      continue;
    }
    const sample = /^(\w+)\{((?:\w+="(?:[^"\\\n]|\\.)*",?)*)\} (\d+)$/.exec(line);
    expectTruthy(sample);
    expect(typed.has(sample[1]!)).toBeTruthy();
  }
  const rules = lines
    .filter((l) => l.startsWith('summit_dlp_findings_total{'))
    .map((l) => /rule="([^"]+)"/.exec(l)![1]);
  expect(rules).toStrictEqual(
    defaultRulePack()
      .rules.map((r) => r.id)
      .sort(),
  );
});

test('standard input (path -) through the injected reader: findings named <stdin>:line:col, not placed on a file', async () => {
  const p = plant(202);
  const ws = await tempDir();
  const { sink, exitCode } = await run(
    ws,
    { path: '-', mode: 'auto', 'fail-on': 'error', 'max-file-size': '1M' },
    { stdin: Buffer.from(`x\n${p.aws.line}\n`) },
  );
  expect(exitCode).toBe(1);
  const finding = sink.annotations.find((a) => a.title === 'dlp-scan: aws-access-key-id');
  expectTruthy(finding && finding.file === undefined);
  expect(finding.message).toMatch(/^<stdin>:2:\d+: AWS access key id/);
  assertAbsent(sink.all(), p.all(), 'the runner channels');
});

test('fail-on: warnings pass at error and fail at warning; the check run says neutral, then failure', async () => {
  const ws = await tempDir();
  // An email address is a warning in the default pack; built at run time.
  await writeFiles(ws, { 'contacts.txt': `owner: ${['jane', 'doe'].join('.')}@${'acme-payments'}.com\n` });
  const lenient = await run(ws, { path: '.', mode: 'tree', 'fail-on': 'error', 'max-file-size': '1M' });
  expect(lenient.exitCode).toBe(0);
  expect(lenient.sink.outputs['findings']).toBe('1');
  expect(lenient.checkRun?.conclusion).toBe('neutral');
  const strict = await run(ws, { path: '.', mode: 'tree', 'fail-on': 'warning', 'max-file-size': '1M' });
  expect(strict.exitCode).toBe(1);
  expect(strict.checkRun?.conclusion).toBe('failure');
});

test('check run: neutral for findings below fail-on, failure at or above, success when clean', async () => {
  const ws = await tempDir();
  await writeFiles(ws, { 'contacts.txt': `owner: ${['jane', 'doe'].join('.')}@${'acme-payments'}.com\n` });
  const results: string[] = [];
  for (const failOn of ['error', 'warning']) {
    const execution = await execute(
      definition,
      (n) => ({ path: '.', mode: 'tree', 'fail-on': failOn, 'max-file-size': '1M' })[n],
      recordingSink(),
      { env: { GITHUB_WORKSPACE: ws } },
    );
    results.push(execution.result!.checkRun!.conclusion);
  }
  await writeFile(join(ws, 'contacts.txt'), 'nobody\n');
  const clean = await execute(
    definition,
    (n) => ({ path: '.', mode: 'tree', 'fail-on': 'error', 'max-file-size': '1M' })[n],
    recordingSink(),
    { env: { GITHUB_WORKSPACE: ws } },
  );
  results.push(clean.result!.checkRun!.conclusion);
  expect(results).toStrictEqual(['neutral', 'failure', 'success']);
});

test('a malformed rules file fails with an annotation at its line naming rule and field', async () => {
  const ws = await tempDir();
  await writeFiles(ws, {
    'a.txt': 'x\n',
    'dlp.yml':
      "rules:\n  - id: acme\n    description: d\n    severity: fatal\n    tags: [secret]\n    keywords: [acme_]\n    regex: 'acme_x'\n",
  });
  const { sink, exitCode } = await run(ws, {
    path: '.',
    mode: 'tree',
    rules: 'dlp.yml',
    'fail-on': 'error',
    'max-file-size': '1M',
  });
  expect(exitCode).toBe(1);
  const at = sink.annotations.find((a) => a.file === 'dlp.yml');
  expectTruthy(at);
  expect(at.line).toBe(4);
  expect(at.message).toMatch(/rule 'acme': field 'severity': must be one of error, warning, notice/);
});

test('.summit-ops-dlp.yml and .summit-ops-dlp-baseline.json at the workspace root apply without inputs', async () => {
  const p = plant(203);
  const ws = await tempDir();
  await writeFiles(ws, {
    'fixtures/x.txt': `${p.aws.line}\n`,
    'src/y.txt': `${p.github.line}\n`,
    '.summit-ops-dlp.yml': "allowlist:\n  # test fixtures\n  paths: ['fixtures/**']\n",
  });
  const first = await run(ws, { path: '.', mode: 'tree', 'fail-on': 'error', 'max-file-size': '1M' });
  expect(first.sink.outputs['findings']).toBe('1');
  await writeFile(
    join(ws, '.summit-ops-dlp-baseline.json'),
    await readFile(first.sink.outputs['report-path']!, 'utf8'),
  );
  const second = await run(ws, { path: '.', mode: 'tree', 'fail-on': 'error', 'max-file-size': '1M' });
  expect(second.exitCode).toBe(0);
  expect(second.sink.outputs['findings']).toBe('0');
  expect(
    second.sink.lines.some((l) => l.includes('Using baseline .summit-ops-dlp-baseline.json')),
  ).toBeTruthy();
});

test('skips cannot pass the gate unscanned: max-file-size 0 is refused; an oversized file fails unless fail-on-skipped is false or its path is allowlisted', async () => {
  const ws = await tempDir();
  await writeFiles(ws, { 'big.log': `${'x'.repeat(5000)}\n`, 'ok.txt': 'fine\n' });
  for (const zero of ['0', '0k']) {
    const refused = await run(ws, { mode: 'tree', 'max-file-size': zero });
    expect(refused.exitCode).toBe(2);
    expect(refused.sink.failures.join('')).toMatch(
      /Input 'max-file-size': 0 bytes would skip every file; expected a size above 0/,
    );
  }
  const gated = await run(ws, { mode: 'tree', 'max-file-size': '4k' });
  expect(gated.exitCode).toBe(1);
  expect(gated.sink.outputs['findings']).toBe('0');
  expect(gated.sink.failures.join('')).toMatch(
    /1 file\(s\) could hold a secret but were not scanned: big\.log \(oversized\)/,
  );
  const warned = await run(ws, { mode: 'tree', 'max-file-size': '4k', 'fail-on-skipped': 'false' });
  expect(warned.exitCode).toBe(0);
  expect(warned.sink.annotations.some((a) => a.file === 'big.log' && a.level === 'warning')).toBeTruthy();
  await writeFiles(ws, { 'dlp.yml': "allowlist:\n  # generated logs\n  paths: ['*.log']\n" });
  const allowlisted = await run(ws, { mode: 'tree', 'max-file-size': '4k', rules: 'dlp.yml' });
  expect(allowlisted.exitCode).toBe(0);
});

test('a path outside the workspace or missing is refused in words', async () => {
  const ws = await tempDir();
  const outside = await run(ws, { path: '../', mode: 'tree', 'fail-on': 'error', 'max-file-size': '1M' });
  expect(outside.sink.failures.join('')).toMatch(/path '\.\.\/' is outside the workspace/);
  const missing = await run(ws, { path: 'nope', mode: 'tree', 'fail-on': 'error', 'max-file-size': '1M' });
  expect(missing.sink.failures.join('')).toMatch(/path 'nope' does not exist in the workspace/);
});

test('a missing git range fails with the range named and no stack trace', async () => {
  const repo = await initRepo();
  await commit(repo, { 'a.txt': 'x\n' }, 'one');
  const { sink, exitCode } = await run(repo, {
    path: '.',
    mode: 'diff',
    base: 'v0.0.0-missing',
    head: 'HEAD',
    'fail-on': 'error',
    'max-file-size': '1M',
  });
  expect(exitCode).toBe(1);
  const failure = sink.failures.join('\n');
  expect(failure).toMatch(/dlp-scan \(diff\): git range 'v0\.0\.0-missing\.\.HEAD' does not exist/);
  expect(failure).not.toMatch(/\n\s+at /);
});

test('resolvePlan: auto is diff on pull requests (base/head from the payload) and tree otherwise', () => {
  const pr = {
    eventName: 'pull_request',
    event: { pull_request: { base: { sha: 'b'.repeat(40) }, head: { sha: 'a'.repeat(40) } } },
  };
  expect(resolvePlan({ mode: 'auto', path: '.' }, pr)).toStrictEqual({
    mode: 'diff',
    base: 'b'.repeat(40),
    head: 'a'.repeat(40),
  });
  expect(
    resolvePlan({ mode: 'auto', path: '.' }, { eventName: 'push', event: { before: 'c'.repeat(40) } }),
  ).toStrictEqual({ mode: 'tree' });
  expect(resolvePlan({ mode: 'diff', path: '.', base: 'main', head: 'topic' }, pr)).toStrictEqual({
    mode: 'diff',
    base: 'main',
    head: 'topic',
  });
  expect(resolvePlan({ mode: 'history', path: '.' }, {})).toStrictEqual({ mode: 'history', head: 'HEAD' });
  expect(resolvePlan({ mode: 'auto', path: '-' }, pr)).toStrictEqual({ mode: 'stdin' });
  expect(() => resolvePlan({ mode: 'diff', path: '.' }, { eventName: 'push' })).toThrow(
    /mode 'diff' needs a base commit/,
  );
  expect(() => resolvePlan({ mode: 'history', path: '-' }, {})).toThrow(/path '-' scans standard input/);
});
