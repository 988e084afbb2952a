import { expect, test } from '@jest/globals';

import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, cp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { defaultFor, helpText, parseArgs, runCli, UsageError } from './main.ts';
import { loadManifest, REPO_ROOT } from './actions.ts';

const fixture = join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'echo-action');
const run = promisify(execFile);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    streams: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) },
    out,
    err,
  };
}

test('parseArgs reads the action, repeated inputs and flags', () => {
  expect(
    parseArgs(['dlp-scan', '--input', 'mode=tree', '-i', 'path=src', '--input=fail-on=warning', '-v']),
  ).toStrictEqual({
    action: 'dlp-scan',
    inputs: { mode: 'tree', path: 'src', 'fail-on': 'warning' },
    help: false,
    verbose: true,
    fast: false,
  });
  expect(parseArgs(['--fast']).fast).toBe(true);
  expect(() => parseArgs(['x', '--input', 'novalue'])).toThrow(UsageError);
  expect(() => parseArgs(['x', '--frobnicate'])).toThrow(/unknown option '--frobnicate'/);
  expect(() => parseArgs(['x', 'y'])).toThrow(/unexpected argument 'y'/);
});

test('defaults with expressions are evaluated as far as a terminal can', () => {
  expect(defaultFor('${{ github.token }}', { GITHUB_TOKEN: 't0k' })).toBe('t0k');
  expect(defaultFor('${{ github.token }}', {})).toBe('');
  expect(defaultFor('${{ github.event.pull_request.base.sha }}', {})).toBe('');
  expect(defaultFor(true, {})).toBe('true');
  expect(defaultFor(undefined, {})).toBe(undefined);
});

test('action help lists inputs, defaults and outputs from action.yml', async () => {
  const text = helpText([], await loadManifest(fixture));
  expect(text).toMatch(/--input greeting name=… \(default: world\)/);
  expect(text).toMatch(/--input behaviour=… \(default: ok\)/);
  expect(text).toMatch(/Outputs:\n {2}greeting: The greeting\./);
});

test('runs an action through the same code path and prints summary, annotations and outputs', async () => {
  const c = capture();
  const code = await runCli([fixture, '--input', 'greeting name=Ada'], c.streams, {
    GITHUB_TOKEN: 'tok-value-not-printed',
  });
  expect(code).toBe(0);
  const out = c.out.join('');
  const err = c.err.join('');
  expect(out).toMatch(/\| Ada \|/);
  expect(out).toMatch(/greeting="hello Ada\\nacross lines"/);
  expect(err).toMatch(/^src\/app\.ts:3:7: warning: hello, Ada: 50% done/m);
  expect(!out.includes('tok-value-not-printed') && !err.includes('tok-value-not-printed')).toBeTruthy();
});

test('a failing action exits 1; an unknown input or action exits 2 with what to do', async () => {
  const c = capture();
  expect(await runCli([fixture, '--input', 'behaviour=fail'], c.streams, {})).toBe(1);
  expect(c.err.join('')).toMatch(/✗ asked to fail/);
  const bad = capture();
  expect(await runCli([fixture, '--input', 'behaviour=sideways'], bad.streams, {})).toBe(2);
  expect(bad.err.join('')).toMatch(/Input 'behaviour': 'sideways' is not one of the choices/);
  const d = capture();
  expect(await runCli([fixture, '--input', 'colour=red'], d.streams, {})).toBe(2);
  expect(d.err.join('')).toMatch(/has no input 'colour'; its inputs: greeting name, behaviour, github-token/);
  const e = capture();
  expect(await runCli(['no-such-action'], e.streams, {})).toBe(2);
  expect(e.err.join('')).toMatch(/Unknown action 'no-such-action'; expected one of:/);
});

test('cli/main.ts (npm start) runs on Node 24 as a process', async () => {
  const { stdout } = await run(join(REPO_ROOT, 'node_modules', '.bin', 'node'), [
    join(REPO_ROOT, 'cli', 'main.ts'),
    '--help',
  ]);
  expect(stdout).toMatch(/^Usage: summit-ops/);
});

test('an action directory outside this repo without a definition in src/main.ts is refused with what to do', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cli-ext-'));
  await mkdir(join(dir, 'src'));
  await cp(join(fixture, 'action.yml'), join(dir, 'action.yml'));
  await writeFile(join(dir, 'src', 'main.ts'), 'export default {};\n');
  const c = capture();
  expect(await runCli([dir], c.streams, {})).toBe(2);
  expect(c.err.join('')).toMatch(
    /src\/main\.ts has no default export with run\(\); export default defineAction/,
  );
});

test('usage errors of the main job and of evidence verify exit 2 with what to write', async () => {
  for (const [argv, expected] of [
    [['--fast', 'dlp-scan'], /--fast goes with the main job/],
    [['--input', 'mode=tree'], /--input goes with an action/],
    [['evidence'], /usage: summit-ops evidence verify <dir>/],
    [['evidence', 'verify', 'd', '--key-fingerprint'], /usage: summit-ops evidence verify/],
  ] as const) {
    const io = capture();
    expect(await runCli([...argv], io.streams, {})).toBe(2);
    expect(io.err.join('')).toMatch(expected);
  }
  const io = capture();
  expect(await runCli(['evidence', 'verify', '/nonexistent-bundle'], io.streams, {})).toBe(1);
  expect(io.err.join('')).toMatch(/manifest\.json is missing; this is not an evidence bundle/);
});

test('reason-for-access from a terminal writes no audit log into the working tree unless given a path', async () => {
  const ws = await mkdtemp(join(tmpdir(), 'rfa-local-'));
  const env = { GITHUB_WORKSPACE: ws };
  const reason = ['--input', 'reason=CHG-1234 local try', '--input', 'environment=prod'];
  // A decision that records: refused before anything runs, saying what to pass.
  const refused = capture();
  expect(await runCli(['reason-for-access', ...reason], refused.streams, env)).toBe(2);
  expect(refused.err.join('')).toMatch(
    /reason-for-access would write its audit-log \(default \.summit-ops-audit\/reason-for-access\.jsonl\) into this directory; outside a workflow there is no default: pass --input audit-log=<path in this directory> .*, or --input dry-run=true/,
  );
  expect(await readdir(ws)).toStrictEqual([]);
  // A dry run records nothing, so it needs no path.
  const dry = capture();
  expect(await runCli(['reason-for-access', ...reason, '--input', 'dry-run=true'], dry.streams, env)).toBe(0);
  expect(dry.out.join('')).toMatch(/decision=dry-run-deny/);
  expect(await readdir(ws)).toStrictEqual([]);
  // An explicit path is used as given: the (denied) decision is recorded there and only there.
  const given = capture();
  expect(
    await runCli(
      ['reason-for-access', ...reason, '--input', 'audit-log=audit/local.jsonl', '--input', 'attest=false'],
      given.streams,
      env,
    ),
  ).toBe(1);
  // (beside it, the writers' lock folder the README describes)
  expect((await readdir(ws, { recursive: true })).sort()).toStrictEqual([
    '.audit.lock.d',
    'audit',
    'audit/local.jsonl',
  ]);
  expect(JSON.parse((await readFile(join(ws, 'audit', 'local.jsonl'), 'utf8')).trim())).toMatchObject({
    decision: 'deny',
    reason: 'CHG-1234 local try',
  });
});
