/**
 * policy/opa/abac.rego must encode the same decisions as decide(). OPA is not installable on the
 * build machines (ARCHITECTURE §4), so `opa test` runs only where `opa` is on PATH and says so
 * when skipped; the rule-name check below always runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { RULES } from '../src/decide.ts';

const root = new URL('../../../', import.meta.url);
const hasOpa = spawnSync('opa', ['version'], { stdio: 'ignore' }).status === 0;

test('every built-in rule has a deny message in abac.rego, and the tests cover it', async () => {
  const rego = await readFile(new URL('policy/opa/abac.rego', root), 'utf8');
  const tests = await readFile(new URL('policy/opa/abac_test.rego', root), 'utf8');
  assert.match(rego, /^import rego\.v1$/m);
  assert.doesNotMatch(rego, /^\s*(allow|deny)\s*\{/m, 'OPA 1.0 rejects rule bodies without `if`');
  for (const rule of RULES) {
    assert.ok(
      rego.includes(`"${rule}: `) || rego.includes(`${rule}: `),
      `abac.rego has no '${rule}: ' deny message`,
    );
    assert.ok(tests.includes(`"${rule}:`), `abac_test.rego has no test expecting '${rule}:'`);
  }
});

test(
  'opa test policy/opa',
  {
    skip: hasOpa
      ? false
      : 'opa is not on PATH (no Debian or npm package); run `opa test policy/opa -v` where it is',
  },
  () => {
    const out = execFileSync('opa', ['test', new URL('policy/opa', root).pathname, '-v'], {
      encoding: 'utf8',
    });
    assert.match(out, /PASS/);
  },
);
