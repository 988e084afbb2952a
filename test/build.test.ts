// The committed bundles and workflow copies must be what `npm run build` makes from the sources
// now, and the build must be reproducible: otherwise a reviewer cannot trust dist/.
import { expect, test } from '@jest/globals';

import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import {
  bundleAction,
  bundleActionDir,
  bundleCli,
  CLI_BIN,
  listActions,
  ROOT,
  WORKFLOW_HEADER,
} from '../scripts/build.ts';
import { END, START, updateReadme } from '../scripts/docs.ts';

async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  if (!existsSync(dir)) return out;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out.set(
        relative(dir, join(entry.parentPath, entry.name)),
        await readFile(join(entry.parentPath, entry.name)),
      );
  }
  return out;
}

function diffTrees(expected: Map<string, Buffer>, actual: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  for (const [name, content] of expected) {
    const other = actual.get(name);
    if (!other) problems.push(`${name} is missing`);
    else if (!other.equals(content)) problems.push(`${name} differs`);
  }
  for (const name of actual.keys()) if (!expected.has(name)) problems.push(`${name} should not be there`);
  return problems;
}

const fixtureEntry = join(ROOT, 'test', 'e2e', 'fixtures', 'echo-action', 'src', 'index.ts');

test('two builds in a row are byte-identical', async () => {
  const a = await mkdtemp(join(tmpdir(), 'build-a-'));
  const b = await mkdtemp(join(tmpdir(), 'build-b-'));
  await bundleAction(fixtureEntry, join(a, 'dist'));
  await bundleAction(fixtureEntry, join(b, 'dist'));
  const first = await filesUnder(join(a, 'dist'));
  // Two empty folders would compare equal: the bundle must be there, with the fixture's own code in it.
  expect([...first.keys()]).toContain('index.js');
  expect(first.get('index.js')!.toString('utf8')).toContain('echo-action');
  expect(diffTrees(first, await filesUnder(join(b, 'dist')))).toStrictEqual([]);
});

test('the staleness check notices a changed bundle', () => {
  const committed = new Map([
    ['index.js', Buffer.from('old')],
    ['gone.wasm', Buffer.from('x')],
  ]);
  const fresh = new Map([
    ['index.js', Buffer.from('new')],
    ['extra.data', Buffer.from('y')],
  ]);
  expect(diffTrees(fresh, committed)).toStrictEqual([
    'index.js differs',
    'extra.data is missing',
    'gone.wasm should not be there',
  ]);
});

for (const name of await listActions()) {
  test(`actions/${name}/dist is fresh (run npm run build and commit dist/ if this fails)`, async () => {
    const fresh = await mkdtemp(join(tmpdir(), `fresh-${name}-`));
    await bundleActionDir(name, join(fresh, 'dist'));
    const problems = diffTrees(
      await filesUnder(join(fresh, 'dist')),
      await filesUnder(join(ROOT, 'actions', name, 'dist')),
    );
    expect(problems).toStrictEqual([]);
  });
}

test('cli/dist is fresh (run npm run build and commit cli/dist if this fails)', async () => {
  const fresh = await mkdtemp(join(tmpdir(), 'fresh-cli-'));
  await bundleCli(join(fresh, 'dist'));
  const built = await filesUnder(join(fresh, 'dist'));
  expect(built.get(basename(CLI_BIN))?.subarray(0, 20).toString()).toBe('#!/usr/bin/env node\n');
  expect(diffTrees(built, await filesUnder(join(ROOT, dirname(CLI_BIN))))).toStrictEqual([]);
  // The bin must stay executable in git, or a checkout's `cli/dist/summit-ops.js` (pre-commit) cannot run.
  expect((await stat(join(ROOT, CLI_BIN))).mode & 0o111).toBe(0o111);
}, 180_000);

test('no generated workflow copy outlives its source in reusable-workflows/ (run npm run build)', async () => {
  const dir = join(ROOT, '.github', 'workflows');
  const orphans = [];
  for (const name of existsSync(dir) ? await readdir(dir) : []) {
    const text = await readFile(join(dir, name), 'utf8');
    if (text.startsWith(WORKFLOW_HEADER) && !existsSync(join(ROOT, 'reusable-workflows', name)))
      orphans.push(name);
  }
  expect(orphans).toStrictEqual([]);
});

test('every reusable workflow has an identical copy in .github/workflows (run npm run build)', async () => {
  const sourceDir = join(ROOT, 'reusable-workflows');
  const sources = existsSync(sourceDir) ? (await readdir(sourceDir)).filter((n) => /\.ya?ml$/.test(n)) : [];
  for (const name of sources) {
    const copy = join(ROOT, '.github', 'workflows', name);
    expect(existsSync(copy)).toBeTruthy();
    expect(await readFile(copy, 'utf8')).toBe(
      WORKFLOW_HEADER + (await readFile(join(sourceDir, name), 'utf8')),
    );
  }
});

test('README input and output lists are generated from action.yml between the markers', () => {
  const yml =
    'inputs:\n  fail-on:\n    description: "Lowest level that fails"\n    default: error\n  reason:\n    description: |\n      Why, with a\n      ticket\n    required: true\noutputs:\n  decision:\n    description: allow or deny\n';
  const readme = `# x\n\nintro\n\n${START}\nold\n${END}\n\nmore\n`;
  const updated = updateReadme(readme, yml)!;
  expect(updated).toContain('\n- `fail-on` (optional, default `error`): Lowest level that fails\n');
  expect(updated).toContain('\n- `reason` (**required**): Why, with a ticket\n');
  expect(updated).toContain('\n- `decision`: allow or deny\n');
  expect(
    updated.startsWith('# x\n\nintro\n\n') &&
      updated.endsWith(`${END}\n\nmore\n`) &&
      !updated.includes('old'),
  ).toBeTruthy();
  expect(updateReadme('# no markers', yml)).toBe(undefined);
});

for (const name of await listActions()) {
  test(`actions/${name}/README.md inputs/outputs lists match action.yml (run npm run build)`, async () => {
    const readme = await readFile(join(ROOT, 'actions', name, 'README.md'), 'utf8');
    const updated = updateReadme(readme, await readFile(join(ROOT, 'actions', name, 'action.yml'), 'utf8'));
    expect(updated).not.toBe(undefined);
    expect(readme).toBe(updated);
  });
}
