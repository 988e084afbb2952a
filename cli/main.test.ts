import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises';
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
  assert.deepEqual(
    parseArgs(['dlp-scan', '--input', 'mode=tree', '-i', 'path=src', '--input=fail-on=warning', '-v']),
    {
      action: 'dlp-scan',
      inputs: { mode: 'tree', path: 'src', 'fail-on': 'warning' },
      help: false,
      verbose: true,
    },
  );
  assert.throws(() => parseArgs(['x', '--input', 'novalue']), UsageError);
  assert.throws(() => parseArgs(['x', '--frobnicate']), /unknown option '--frobnicate'/);
  assert.throws(() => parseArgs(['x', 'y']), /unexpected argument 'y'/);
});

test('defaults with expressions are evaluated as far as a terminal can', () => {
  assert.equal(defaultFor('${{ github.token }}', { GITHUB_TOKEN: 't0k' }), 't0k');
  assert.equal(defaultFor('${{ github.token }}', {}), '');
  assert.equal(defaultFor('${{ github.event.pull_request.base.sha }}', {}), '');
  assert.equal(defaultFor(true, {}), 'true');
  assert.equal(defaultFor(undefined, {}), undefined);
});

test('action help lists inputs, defaults and outputs from action.yml', async () => {
  const text = helpText([], await loadManifest(fixture));
  assert.match(text, /--input greeting name=… \(default: world\)/);
  assert.match(text, /--input behaviour=… \(default: ok\)/);
  assert.match(text, /Outputs:\n {2}greeting: The greeting\./);
});

test('runs an action through the same code path and prints summary, annotations and outputs', async () => {
  const c = capture();
  const code = await runCli([fixture, '--input', 'greeting name=Ada'], c.streams, {
    GITHUB_TOKEN: 'tok-value-not-printed',
  });
  assert.equal(code, 0);
  const out = c.out.join('');
  const err = c.err.join('');
  assert.match(out, /\| Ada \|/);
  assert.match(out, /greeting="hello Ada\\nacross lines"/);
  assert.match(err, /^src\/app\.ts:3:7: warning: hello, Ada: 50% done/m);
  assert.ok(!out.includes('tok-value-not-printed') && !err.includes('tok-value-not-printed'));
});

test('a failing action exits 1; an unknown input or action exits 2 with what to do', async () => {
  const c = capture();
  assert.equal(await runCli([fixture, '--input', 'behaviour=fail'], c.streams, {}), 1);
  assert.match(c.err.join(''), /✗ asked to fail/);
  const bad = capture();
  assert.equal(
    await runCli([fixture, '--input', 'behaviour=sideways'], bad.streams, {}),
    2,
    'an invalid input value is a usage error',
  );
  assert.match(bad.err.join(''), /Input 'behaviour': 'sideways' is not one of the choices/);
  const d = capture();
  assert.equal(await runCli([fixture, '--input', 'colour=red'], d.streams, {}), 2);
  assert.match(d.err.join(''), /has no input 'colour'; its inputs: greeting name, behaviour, github-token/);
  const e = capture();
  assert.equal(await runCli(['no-such-action'], e.streams, {}), 2);
  assert.match(e.err.join(''), /Unknown action 'no-such-action'; expected one of:/);
});

test('the bin runs on Node 24 as a process', async () => {
  const { stdout } = await run(join(REPO_ROOT, 'node_modules', '.bin', 'node'), [
    join(REPO_ROOT, 'cli', 'main.ts'),
    '--help',
  ]);
  assert.match(stdout, /^Usage: summit-ops/);
});

test('an action directory outside this repo without a definition in src/main.ts is refused with what to do', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cli-ext-'));
  await mkdir(join(dir, 'src'));
  await cp(join(fixture, 'action.yml'), join(dir, 'action.yml'));
  await writeFile(join(dir, 'src', 'main.ts'), 'export default {};\n');
  const c = capture();
  assert.equal(await runCli([dir], c.streams, {}), 2);
  assert.match(
    c.err.join(''),
    /src\/main\.ts has no default export with run\(\); export default defineAction/,
  );
});
