// The action's run() through the same execute() the runner and the CLI use: what a user sees
// (annotations, outputs, summary, files) for planted values, and that no value leaves the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  return { sink, exitCode: execution.exitCode };
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
  assert.equal(exitCode, 1);
  assert.equal(sink.outputs['findings'], '3');
  const placed = sink.annotations
    .filter((a) => a.title?.startsWith('dlp-scan: ') && a.file)
    .map((a) => `${a.level} ${a.title} ${a.file}:${a.line}:${a.column}`);
  assert.deepEqual(placed, [
    `error dlp-scan: aws-access-key-id deploy/.env:2:${p.aws.line.indexOf(p.aws.value) + 1}`,
    `error dlp-scan: payment-card docs/pay.md:3:${p.card.line.indexOf(' ') + 2}`,
    `error dlp-scan: github-token src/client.ts:2:${p.github.line.indexOf(p.github.value) + 1}`,
  ]);
  const aws = sink.annotations.find((a) => a.title === 'dlp-scan: aws-access-key-id')!;
  assert.match(
    aws.message,
    new RegExp(`preview ${p.aws.value.slice(0, 4)}…\\(20\\), fingerprint [0-9a-f]{64}$`),
  );
  assert.match(
    sink.failures.join('\n'),
    /3 finding\(s\) at or above 'error' \(aws-access-key-id ×1, github-token ×1, payment-card ×1\)/,
  );
  assert.match(sink.summary, /\| aws-access-key-id \| 1 /);

  const evidence = join(ws, 'evidence');
  assert.equal(sink.outputs['report-path'], join(evidence, 'dlp-report.json'));
  assert.equal(sink.outputs['sarif-path'], join(evidence, 'dlp-scan.sarif'));
  assert.deepEqual((await verifyEvidenceBundle(evidence)).ok, true);
  const gitleaks = JSON.parse(await readFile(sink.outputs['report-path']!, 'utf8')) as Array<
    Record<string, unknown>
  >;
  assert.deepEqual(
    Object.keys(gitleaks[0]!).sort(),
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
  assert.deepEqual(validateSarif(sarif).errors, []);
  assert.deepEqual(
    sarif.runs[0]!.results.map(
      (r) =>
        `${r.ruleId}@${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine}`,
    ),
    ['aws-access-key-id@deploy/.env:2', 'payment-card@docs/pay.md:3', 'github-token@src/client.ts:2'],
  );
  const metrics = await readFile(join(evidence, 'dlp-metrics.prom'), 'utf8');
  assert.match(metrics, /^summit_dlp_findings_total\{rule="github-token",source="ci"\} 1$/m);
  assert.match(metrics, /^summit_dlp_findings_total\{rule="us-ssn",source="ci"\} 0$/m);

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
  assert.equal(exitCode, 0, sink.failures.join('\n'));
  const lines = (await readFile(join(ws, 'ev', 'dlp-metrics.prom'), 'utf8')).trimEnd().split('\n');
  const typed = new Set<string>();
  for (const line of lines) {
    const meta = /^# (HELP|TYPE) (\w+) (.+)$/.exec(line);
    if (meta) {
      if (meta[1] === 'TYPE') typed.add(meta[2]!);
      continue;
    }
    const sample = /^(\w+)\{((?:\w+="(?:[^"\\\n]|\\.)*",?)*)\} (\d+)$/.exec(line);
    assert.ok(sample, `not a sample line: ${line}`);
    assert.ok(typed.has(sample[1]!), `${sample[1]} has no TYPE before its samples`);
  }
  const rules = lines
    .filter((l) => l.startsWith('summit_dlp_findings_total{'))
    .map((l) => /rule="([^"]+)"/.exec(l)![1]);
  assert.deepEqual(
    rules,
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
  assert.equal(exitCode, 1);
  const finding = sink.annotations.find((a) => a.title === 'dlp-scan: aws-access-key-id');
  assert.ok(finding && finding.file === undefined, JSON.stringify(sink.annotations));
  assert.match(finding.message, /^<stdin>:2:\d+: AWS access key id/);
  assertAbsent(sink.all(), p.all(), 'the runner channels');
});

test('fail-on: warnings pass at error and fail at warning; the check run says neutral, then failure', async () => {
  const ws = await tempDir();
  // An email address is a warning in the default pack; built at run time.
  await writeFiles(ws, { 'contacts.txt': `owner: ${['jane', 'doe'].join('.')}@${'acme-payments'}.com\n` });
  const lenient = await run(ws, { path: '.', mode: 'tree', 'fail-on': 'error', 'max-file-size': '1M' });
  assert.equal(lenient.exitCode, 0);
  assert.equal(lenient.sink.outputs['findings'], '1');
  const strict = await run(ws, { path: '.', mode: 'tree', 'fail-on': 'warning', 'max-file-size': '1M' });
  assert.equal(strict.exitCode, 1);
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
  assert.deepEqual(results, ['neutral', 'failure', 'success']);
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
  assert.equal(exitCode, 1);
  const at = sink.annotations.find((a) => a.file === 'dlp.yml');
  assert.ok(at, JSON.stringify(sink.annotations));
  assert.equal(at.line, 4);
  assert.match(at.message, /rule 'acme': field 'severity': must be one of error, warning, notice/);
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
  assert.equal(first.sink.outputs['findings'], '1');
  await writeFile(
    join(ws, '.summit-ops-dlp-baseline.json'),
    await readFile(first.sink.outputs['report-path']!, 'utf8'),
  );
  const second = await run(ws, { path: '.', mode: 'tree', 'fail-on': 'error', 'max-file-size': '1M' });
  assert.equal(second.exitCode, 0, second.sink.failures.join('\n'));
  assert.equal(second.sink.outputs['findings'], '0');
  assert.ok(second.sink.lines.some((l) => l.includes('Using baseline .summit-ops-dlp-baseline.json')));
});

test('skips cannot pass the gate unscanned: max-file-size 0 is refused; an oversized file fails unless fail-on-skipped is false or its path is allowlisted', async () => {
  const ws = await tempDir();
  await writeFiles(ws, { 'big.log': `${'x'.repeat(5000)}\n`, 'ok.txt': 'fine\n' });
  for (const zero of ['0', '0k']) {
    const refused = await run(ws, { mode: 'tree', 'max-file-size': zero });
    assert.equal(refused.exitCode, 2, 'an input error');
    assert.match(
      refused.sink.failures.join(''),
      /Input 'max-file-size': 0 bytes would skip every file; expected a size above 0/,
    );
  }
  const gated = await run(ws, { mode: 'tree', 'max-file-size': '4k' });
  assert.equal(gated.exitCode, 1, 'an oversized file fails the step by default');
  assert.equal(gated.sink.outputs['findings'], '0');
  assert.match(
    gated.sink.failures.join(''),
    /1 file\(s\) could hold a secret but were not scanned: big\.log \(oversized\)/,
  );
  const warned = await run(ws, { mode: 'tree', 'max-file-size': '4k', 'fail-on-skipped': 'false' });
  assert.equal(warned.exitCode, 0, warned.sink.failures.join('\n'));
  assert.ok(warned.sink.annotations.some((a) => a.file === 'big.log' && a.level === 'warning'));
  await writeFiles(ws, { 'dlp.yml': "allowlist:\n  # generated logs\n  paths: ['*.log']\n" });
  const allowlisted = await run(ws, { mode: 'tree', 'max-file-size': '4k', rules: 'dlp.yml' });
  assert.equal(allowlisted.exitCode, 0, allowlisted.sink.failures.join('\n'));
});

test('a path outside the workspace or missing is refused in words', async () => {
  const ws = await tempDir();
  const outside = await run(ws, { path: '../', mode: 'tree', 'fail-on': 'error', 'max-file-size': '1M' });
  assert.match(outside.sink.failures.join(''), /path '\.\.\/' is outside the workspace/);
  const missing = await run(ws, { path: 'nope', mode: 'tree', 'fail-on': 'error', 'max-file-size': '1M' });
  assert.match(missing.sink.failures.join(''), /path 'nope' does not exist in the workspace/);
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
  assert.equal(exitCode, 1);
  const failure = sink.failures.join('\n');
  assert.match(failure, /dlp-scan \(diff\): git range 'v0\.0\.0-missing\.\.HEAD' does not exist/);
  assert.doesNotMatch(failure, /\n\s+at /);
});

test('resolvePlan: auto is diff on pull requests (base/head from the payload) and tree otherwise', () => {
  const pr = {
    eventName: 'pull_request',
    event: { pull_request: { base: { sha: 'b'.repeat(40) }, head: { sha: 'a'.repeat(40) } } },
  };
  assert.deepEqual(resolvePlan({ mode: 'auto', path: '.' }, pr), {
    mode: 'diff',
    base: 'b'.repeat(40),
    head: 'a'.repeat(40),
  });
  assert.deepEqual(
    resolvePlan({ mode: 'auto', path: '.' }, { eventName: 'push', event: { before: 'c'.repeat(40) } }),
    { mode: 'tree' },
  );
  assert.deepEqual(resolvePlan({ mode: 'diff', path: '.', base: 'main', head: 'topic' }, pr), {
    mode: 'diff',
    base: 'main',
    head: 'topic',
  });
  assert.deepEqual(resolvePlan({ mode: 'history', path: '.' }, {}), { mode: 'history', head: 'HEAD' });
  assert.deepEqual(resolvePlan({ mode: 'auto', path: '-' }, pr), { mode: 'stdin' });
  assert.throws(
    () => resolvePlan({ mode: 'diff', path: '.' }, { eventName: 'push' }),
    /mode 'diff' needs a base commit/,
  );
  assert.throws(() => resolvePlan({ mode: 'history', path: '-' }, {}), /path '-' scans standard input/);
});
