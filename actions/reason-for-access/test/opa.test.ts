/**
 * The Rego policies against the real OPA (.ci/run installs it; CI fails without it):
 * `opa test policy/opa` passes every test the *_test.rego files declare, abac.rego names every
 * built-in rule of decide(), and switching off any one deny rule makes `opa test` fail, so the
 * Rego tests cannot stay green while a rule is broken.
 */
import { expect, test } from '@jest/globals';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingComponent, testUnless } from '../../../test/support/components.ts';
import { onCleanup } from '../../../test/support/cleanup.ts';
import { run } from '../../../test/support/run.ts';
import { RULES } from '../src/decide.ts';

const policyDir = new URL('../../../policy/opa', import.meta.url).pathname;
const opaSkip = missingComponent(
  (await run('opa', ['version']).catch(() => undefined))?.exitCode === 0,
  '`opa` is not on PATH: .ci/run installs it (go install github.com/open-policy-agent/opa@v1.22.4)',
);

test('every built-in rule has a deny message in abac.rego, and the tests cover it', async () => {
  const rego = await readFile(join(policyDir, 'abac.rego'), 'utf8');
  const tests = await readFile(join(policyDir, 'abac_test.rego'), 'utf8');
  expect(rego).toMatch(/^import rego\.v1$/m);
  expect(rego).not.toMatch(/^\s*(allow|deny)\s*\{/m);
  for (const rule of RULES) {
    expect(rego).toContain(`${rule}: `);
    expect(tests).toContain(`"${rule}:`);
  }
});

async function declaredTests(dir: string): Promise<number> {
  let count = 0;
  for (const name of await readdir(dir))
    if (name.endsWith('_test.rego'))
      count += ((await readFile(join(dir, name), 'utf8')).match(/^test_\w+ if\b/gm) ?? []).length;
  return count;
}

testUnless(opaSkip)('opa test policy/opa: every declared test runs and passes', async () => {
  const expected = await declaredTests(policyDir);
  expect(expected).toBeGreaterThan(20);
  const r = await run('opa', ['test', policyDir]);
  expect(r.stdout + r.stderr).toContain(`PASS: ${expected}/${expected}`);
  expect(r.exitCode).toBe(0);
});

/** The start of each `deny contains … if {` rule body, as offsets into the file. */
function denyBodies(rego: string): number[] {
  return [...rego.matchAll(/^deny contains [^\n]*\bif \{\n/gm)].map((m) => m.index + m[0].length);
}

testUnless(opaSkip)(
  'switching off any one deny rule (abac.rego, retention.rego) makes opa test fail',
  async () => {
    const work = await mkdtemp(join(tmpdir(), 'rego-mutants-'));
    onCleanup(() => rm(work, { recursive: true, force: true }));
    const survivors: string[] = [];
    let mutants = 0;
    for (const file of ['abac.rego', 'retention.rego']) {
      const original = await readFile(join(policyDir, file), 'utf8');
      for (const at of denyBodies(original)) {
        const dir = join(work, `m${++mutants}`);
        await cp(policyDir, dir, { recursive: true });
        await writeFile(join(dir, file), `${original.slice(0, at)}  false\n${original.slice(at)}`);
        const r = await run('opa', ['test', dir]);
        const line = original.slice(0, at).split('\n').length - 1;
        if (r.exitCode === 0) survivors.push(`${file}:${line}`);
      }
    }
    expect(mutants).toBeGreaterThan(10);
    expect(survivors).toStrictEqual([]);
  },
  120_000,
);
