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
import { escapeCell } from '../../../lib/report/summary.ts';
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

test('tree mode: annotations at each value (rule, preview, fix), failing outputs, and no value anywhere', async () => {
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
  // Short: what was found (the preview once) and the fix; the fingerprint is in the report only.
  const preview = `${p.aws.value.slice(0, 4)}…(20)`;
  for (const a of sink.annotations.filter((x) => x.title?.startsWith('dlp-scan: '))) {
    expect(a.message).not.toMatch(/[0-9a-f]{64}/);
    expect(a.message).toMatch(
      /\. Fix: remove it and rotate the credential\. |\. Fix: remove or mask the data\. /,
    );
  }
  expect(aws.message.split(preview).length - 1).toBe(1);
  expect(aws.message).toMatch(
    /^AWS .*: .*\. Fix: remove it and rotate the credential\. Not a real one\? Add `dlp:allow aws-access-key-id` to the line, or its fingerprint \(in the report\) to the baseline\.$/,
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

test('a value that is (or sits inside) a file name masks the value, not the path: annotations, summary, reports and SARIF say where', async () => {
  const p = plant(207);
  const ws = await tempDir();
  // One file named exactly as the value it holds, one holding its value in a directory name with a space.
  const equal = `deploy/${p.aws.value}`;
  const inside = `key store/${p.github.value}.ts`;
  await writeFiles(ws, { [equal]: `${p.aws.line}\n`, [inside]: `x\n${p.github.line}\n` });
  const { sink, exitCode } = await run(ws, {
    path: '.',
    'evidence-dir': 'evidence',
    'max-file-size': '1M',
    'fail-on': 'error',
    mode: 'tree',
  });
  expect(exitCode).toBe(1);
  const placed = sink.annotations
    .filter((a) => a.title?.startsWith('dlp-scan: ') && a.file)
    .map((a) => `${a.title} ${a.file}:${a.line}`);
  expect(placed).toStrictEqual([
    `dlp-scan: aws-access-key-id ${equal}:1`,
    `dlp-scan: github-token ${inside}:2`,
  ]);
  // Previews and messages still mask: the message never holds the value.
  for (const a of sink.annotations)
    assertAbsent(a.message, [p.aws.value, p.github.value], 'an annotation message');
  const table = sink.summary.replace(/ +/g, ' ');
  expect(table).toContain(`| aws-access-key-id | error | ${escapeCell(equal)} | 1 |`);
  expect(table).toContain(`| github-token | error | ${escapeCell(inside)} | 2 |`);

  const evidence = join(ws, 'evidence');
  const gitleaks = JSON.parse(await readFile(join(evidence, 'dlp-report.json'), 'utf8')) as Array<
    Record<string, unknown>
  >;
  expect(gitleaks.map((g) => `${g['RuleID']} ${g['File']}:${g['StartLine']}`)).toStrictEqual([
    `aws-access-key-id ${equal}:1`,
    `github-token ${inside}:2`,
  ]);
  for (const g of gitleaks) assertAbsent(`${g['Match']} ${g['Secret']}`, p.all(), 'Match and Secret');
  const sarif = JSON.parse(await readFile(join(evidence, 'dlp-scan.sarif'), 'utf8')) as {
    runs: Array<{
      results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
    }>;
  };
  expect(
    sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri),
  ).toStrictEqual([equal, `key%20store/${p.github.value}.ts`]);
  const report = JSON.parse(await readFile(join(evidence, 'report.json'), 'utf8')) as {
    findings: Array<{ path: string }>;
  };
  expect(report.findings.map((f) => f.path)).toStrictEqual([equal, inside]);
  // Outside the paths, the values appear nowhere.
  const paths = [equal, inside, escapeCell(inside), `key%20store/${p.github.value}.ts`];
  const withoutPaths = (text: string) => paths.reduce((t, path) => t.split(path).join('<path>'), text);
  assertAbsent(withoutPaths(sink.all()), p.all(), 'the runner channels, paths aside');
  assertAbsent(withoutPaths(await filesText(evidence)), p.all(), 'the evidence bundle, paths aside');
});

test('a user rule that backtracks past its time budget on a 30 KB line is stopped and named with the file; the step fails, the other rules still report', async () => {
  const p = plant(208);
  const ws = await tempDir();
  // Passes the static regex check, yet a failing match tries every cut of a digit run: no end.
  const slow =
    "rules:\n  - id: svc-slow\n    description: svc\n    severity: error\n    tags: [secret]\n    keywords: [svc_token]\n    regex: 'svc_token=(?:\\d{0,30}){1,30}y'\n";
  await writeFiles(ws, {
    '.summit-ops-dlp.yml': slow,
    'data/long.txt': `${p.aws.line}\nsvc_token=${'1'.repeat(30_000)}\n`,
    'src/ok.txt': 'nothing here\n',
  });
  const started = performance.now();
  const { sink, exitCode } = await run(ws, {
    path: '.',
    mode: 'tree',
    'fail-on': 'error',
    'max-file-size': '1M',
  });
  // The default budget (2 s for a file this size) once, then the file without the rule.
  expect(performance.now() - started).toBeLessThan(20_000);
  expect(exitCode).toBe(1);
  const budget = sink.annotations.find((a) => a.title === 'dlp-scan: skipped (rule-budget)');
  expectTruthy(budget);
  expect(budget.file).toBe('data/long.txt');
  expect(budget.message).toMatch(
    /rule\(s\) 'svc-slow' ran past the time budget \(2,\d{3} ms\) on this file and were stopped; the other rules ran/,
  );
  expect(
    sink.annotations.some((a) => a.title === 'dlp-scan: aws-access-key-id' && a.file === 'data/long.txt'),
  ).toBe(true);
  expect(sink.failures.join('\n')).toMatch(/data\/long\.txt \(rule-budget\).*rewrite its regex/s);
  expect(sink.summary).toContain('data/long.txt: Not fully scanned');
  assertAbsent(sink.all(), p.all(), 'the runner channels');
}, 60_000);

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

test('binary standard input is read over its printable runs, not skipped', async () => {
  const p = plant(203);
  const ws = await tempDir();
  const { sink, exitCode } = await run(
    ws,
    { path: '-', mode: 'auto', 'fail-on': 'error', 'max-file-size': '1M' },
    { stdin: Buffer.concat([Buffer.from([0x00, 0x01, 0x0a]), Buffer.from(`${p.aws.line}\n`)]) },
  );
  expect(exitCode).toBe(1);
  const finding = sink.annotations.find((a) => a.title === 'dlp-scan: aws-access-key-id');
  expect(finding?.message).toMatch(/^<stdin>:2:\d+: AWS access key id/);
  assertAbsent(sink.all(), p.all(), 'the runner channels');
});

test('fail-on: warnings pass at error and fail at warning; the check run says neutral, then failure', async () => {
  const ws = await tempDir();
  // An email address is a warning in the default pack; built at run time.
  await writeFiles(ws, { 'contacts.txt': `owner: ${['jane', 'doe'].join('.')}@${'acme-payments'}.com\n` });
  const lenient = await run(ws, {
    path: '.',
    mode: 'tree',
    'fail-on': 'error',
    'max-file-size': '1M',
    'check-run': 'true',
  });
  expect(lenient.exitCode).toBe(0);
  expect(lenient.sink.outputs['findings']).toBe('1');
  expect(lenient.checkRun?.conclusion).toBe('neutral');
  const strict = await run(ws, {
    path: '.',
    mode: 'tree',
    'fail-on': 'warning',
    'max-file-size': '1M',
    'check-run': 'true',
  });
  expect(strict.exitCode).toBe(1);
  expect(strict.checkRun?.conclusion).toBe('failure');
  // Opt-in: without check-run the annotations and the summary are the only report.
  const quiet = await run(ws, { path: '.', mode: 'tree', 'fail-on': 'warning', 'max-file-size': '1M' });
  expect(quiet.exitCode).toBe(1);
  expect(quiet.checkRun).toBe(undefined);
  expect(quiet.sink.annotations.some((a) => a.title === 'Check run not published')).toBe(false);
});

test('check run: neutral for findings below fail-on, failure at or above, success when clean', async () => {
  const ws = await tempDir();
  await writeFiles(ws, { 'contacts.txt': `owner: ${['jane', 'doe'].join('.')}@${'acme-payments'}.com\n` });
  const results: string[] = [];
  for (const failOn of ['error', 'warning']) {
    const execution = await execute(
      definition,
      (n) => ({ path: '.', mode: 'tree', 'fail-on': failOn, 'max-file-size': '1M', 'check-run': 'true' })[n],
      recordingSink(),
      { env: { GITHUB_WORKSPACE: ws } },
    );
    results.push(execution.result!.checkRun!.conclusion);
  }
  await writeFile(join(ws, 'contacts.txt'), 'nobody\n');
  const clean = await execute(
    definition,
    (n) => ({ path: '.', mode: 'tree', 'fail-on': 'error', 'max-file-size': '1M', 'check-run': 'true' })[n],
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

test('a merge_group run scans only the lines the group adds (base/head from the event payload)', async () => {
  const p = plant(16);
  const repo = await initRepo();
  // Already on the base branch: a merge-queue check must not re-report it (nor fall back to a tree scan).
  const base = await commit(repo, { 'old.env': `${p.aws.line}\n` }, 'base');
  const head = await commit(repo, { 'new.ts': `${p.github.line}\n` }, 'queued change');
  const eventDir = await tempDir('dlp-event-');
  const eventPath = join(eventDir, 'event.json');
  await writeFile(eventPath, JSON.stringify({ merge_group: { base_sha: base, head_sha: head } }));
  const { sink, exitCode } = await run(
    repo,
    { path: '.', mode: 'auto', 'fail-on': 'error', 'max-file-size': '1M' },
    { env: { GITHUB_EVENT_NAME: 'merge_group', GITHUB_EVENT_PATH: eventPath } },
  );
  expect(exitCode).toBe(1);
  const titles = sink.annotations
    .filter((a) => a.title?.startsWith('dlp-scan: '))
    .map((a) => [a.title, a.file]);
  expect(titles).toStrictEqual([[`dlp-scan: ${p.github.rule}`, 'new.ts']]);
  assertAbsent(sink.all(), p.all(), 'the runner channels');
});

test('resolvePlan: a merge-queue group is a diff of merge_group.base_sha..head_sha, like a pull request', () => {
  const group = {
    eventName: 'merge_group',
    event: {
      merge_group: {
        base_sha: 'b'.repeat(40),
        head_sha: 'a'.repeat(40),
        head_ref: 'gh-readonly-queue/main/pr-1',
      },
    },
  };
  expect(resolvePlan({ mode: 'auto', path: '.' }, group)).toStrictEqual({
    mode: 'diff',
    base: 'b'.repeat(40),
    head: 'a'.repeat(40),
  });
  // Explicit inputs still win; a payload without both commits falls back to a tree scan.
  expect(resolvePlan({ mode: 'diff', path: '.', base: 'main' }, group)).toStrictEqual({
    mode: 'diff',
    base: 'main',
    head: 'a'.repeat(40),
  });
  expect(
    resolvePlan(
      { mode: 'auto', path: '.' },
      { eventName: 'merge_group', event: { merge_group: { head_sha: 'a'.repeat(40) } } },
    ),
  ).toStrictEqual({ mode: 'tree' });
  // The merge_group key alone does not make another event a merge group.
  expect(resolvePlan({ mode: 'auto', path: '.' }, { eventName: 'push', event: group.event })).toStrictEqual({
    mode: 'tree',
  });
});
