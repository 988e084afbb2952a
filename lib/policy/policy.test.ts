/**
 * lib/policy with the real `opa` (CI installs it): the build command the READMEs show, run exactly
 * as written on this repository's own policy/ folder; the time built-ins supplied to opa-wasm
 * agree with OPA's own on generated instants and zones; a .rego folder is compiled on the fly;
 * every evaluation yields an OPA decision-log entry.
 */
import { afterAll, expect } from '@jest/globals';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingComponent, testUnless } from '../../test/support/components.ts';
import { rejectionOf } from '../../test/support/errors.ts';
import { run, runOk } from '../../test/support/run.ts';
import { collectDecisions, loadPolicyPath, loadWasmPolicy, PolicyError } from './index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const opaSkip = missingComponent(
  (await run('opa', ['version']).catch(() => undefined))?.exitCode === 0,
  '`opa` is not on PATH: .ci/run installs it (go install github.com/open-policy-agent/opa@v1.22.4)',
);
const work = await mkdtemp(join(tmpdir(), 'lib-policy-'));
afterAll(() => rm(work, { recursive: true, force: true }));
const NOW = new Date('2026-11-13T14:30:00Z');
const options = (entrypoints: string[]) => ({ entrypoints, hint: 'build it', now: () => NOW, app: 'test' });

/** The `opa build` line of a README's sh block, split as a POSIX shell would (quotes removed). */
async function documentedBuild(readme: string, entrypoint: string): Promise<string[]> {
  const text = await readFile(join(root, readme), 'utf8');
  const line = text.split('\n').find((l) => l.startsWith('opa build') && l.includes(`-e ${entrypoint} `));
  if (!line) throw new Error(`${readme} shows no 'opa build … -e ${entrypoint}' line`);
  const command = line.replace(/\s+#.*$/, '').trim();
  return [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

testUnless(opaSkip)('the build command the READMEs show works on the repository policy/ folder', async () => {
  const a = await documentedBuild('actions/catalog-gate/README.md', 'summit/catalog/deny');
  const b = await documentedBuild('policy/README.md', 'summit/catalog/deny');
  expect(b).toStrictEqual(a);
  expect(a.slice(0, 2)).toStrictEqual(['opa', 'build']);
  const dir = join(work, 'readme');
  await cp(join(root, 'policy'), join(dir, 'policy'), { recursive: true });
  await runOk(a[0]!, a.slice(1), { cwd: dir });
  const policy = await loadWasmPolicy(
    await readFile(join(dir, 'bundle.tar.gz')),
    'bundle.tar.gz',
    options(['summit/catalog/deny']),
  );
  const { result } = policy.evaluate('summit/catalog/deny', {
    entries: [{ id: 'add-phone', owner: '', pii: true, risk: 'low', detected: { rollback: 'file' } }],
  });
  expect((result as string[]).map((m) => m.split(':')[0]).sort()).toStrictEqual([
    'owner-required',
    'pii-retention-required',
  ]);
  // The reason-for-access command from policy/README.md builds from the same folder.
  const rfa = await documentedBuild('policy/README.md', 'summit/reason_for_access/deny').catch(
    () => undefined,
  );
  const text = await readFile(join(root, 'policy/README.md'), 'utf8');
  expect(text).toContain(
    "opa build -t wasm -e summit/reason_for_access/deny --ignore '*_test.rego' policy/opa",
  );
  expect(rfa === undefined || rfa[0] === 'opa').toBe(true);
});

const sorted = (o: unknown) =>
  o && typeof o === 'object' ? Object.fromEntries(Object.entries(o).sort()) : o;

const BUILTINS = `package builtins

results := [r |
\tsome c in input.cases
\tr := {
\t\t"weekday": time.weekday([c.ns, c.tz]),
\t\t"clock": time.clock([c.ns, c.tz]),
\t\t"date": time.date([c.ns, c.tz]),
\t\t"parsed": time.parse_rfc3339_ns(c.s),
\t}
]
`;

testUnless(opaSkip)(
  'the time built-ins given to opa-wasm agree with OPA on 600 instants and zones',
  async () => {
    const dir = join(work, 'builtins');
    await cp(join(root, 'policy'), join(dir, 'unused'), { recursive: true }).catch(() => undefined);
    await writeFile(join(work, 'builtins.rego'), BUILTINS);
    await runOk('opa', [
      'build',
      '-t',
      'wasm',
      '-e',
      'builtins/results',
      join(work, 'builtins.rego'),
      '-o',
      join(work, 'builtins.tar.gz'),
    ]);
    const zones = [
      'UTC',
      '',
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Etc/GMT-3',
      'America/St_Johns',
    ];
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    const cases = Array.from({ length: 600 }, () => {
      const s = Math.floor(Date.UTC(2020, 0, 1) / 1000 + next() * 10 * 365 * 86_400);
      const iso = new Date(s * 1000).toISOString().slice(0, 19);
      return {
        ns: s * 1_000_000_000,
        tz: zones[Math.floor(next() * zones.length)],
        s: `${iso}${['Z', '+05:30', '-07:00', '.123456789Z', '.5+01:00'][Math.floor(next() * 5)]}`,
      };
    });
    const policy = await loadWasmPolicy(
      await readFile(join(work, 'builtins.tar.gz')),
      'builtins',
      options(['builtins/results']),
    );
    const wasm = policy.evaluate('builtins/results', { cases }).result;
    const opa = JSON.parse(
      await runOk(
        'opa',
        ['eval', '--stdin-input', '-d', join(work, 'builtins.rego'), '-f', 'json', 'data.builtins.results'],
        {
          input: JSON.stringify({ cases }),
        },
      ),
    ) as { result: { expressions: { value: unknown }[] }[] };
    const expected = opa.result[0]!.expressions[0]!.value as unknown[];
    const differ = cases.flatMap((c, i) =>
      JSON.stringify(sorted((wasm as unknown[])[i])) === JSON.stringify(sorted(expected[i]))
        ? []
        : [{ c, wasm: (wasm as unknown[])[i], opa: expected[i] }],
    );
    expect(expected).toHaveLength(600);
    expect(differ.slice(0, 3)).toStrictEqual([]);
  },
);

testUnless(opaSkip)(
  'a .rego folder is compiled with opa (tests ignored); a broken one names the opa error',
  async () => {
    const policy = await loadPolicyPath(
      join(root, 'policy/opa'),
      'policy/opa',
      options(['summit/reason_for_access/deny']),
    );
    const { result, decision } = policy.evaluate(
      'summit/reason_for_access/deny',
      { request: { kind: 'x' } },
      { policy: { environments: {} } },
    );
    expect((result as string[]).some((m) => m.startsWith('request-kind:'))).toBe(true);
    expect(decision.path).toBe('summit/reason_for_access/deny');
    await writeFile(join(work, 'broken.rego'), 'package broken\n\ndeny contains x if {\n');
    const error = await rejectionOf(loadPolicyPath(work, 'broken', options(['broken/deny'])));
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as Error).message).toMatch(/^policy broken: opa build failed: .*rego_parse_error/);
  },
);

testUnless(opaSkip)(
  'every evaluation yields an OPA decision-log entry, collected for the evidence bundle',
  async () => {
    const policy = await loadWasmPolicy(
      await readFile(join(work, 'builtins.tar.gz')),
      'builtins.tar.gz',
      options(['builtins/results']),
    );
    const input = { cases: [{ ns: 0, tz: 'UTC', s: '1970-01-01T00:00:00Z' }] };
    const { decisions } = await collectDecisions(async () => {
      policy.evaluate('builtins/results', input);
      policy.evaluate('builtins/results', { cases: [] });
    });
    expect(decisions).toHaveLength(2);
    const [first] = decisions;
    expect(first).toMatchObject({
      labels: { app: 'test', type: 'summit-ops' },
      path: 'builtins/results',
      timestamp: '2026-11-13T14:30:00.000Z',
      result: [{ weekday: 'Thursday', clock: [0, 0, 0], date: [1970, 1, 1], parsed: 0 }],
    });
    expect(first!.decision_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first!.decision_id).not.toBe(decisions[1]!.decision_id);
    expect(first!.input_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first!.input_sha256).not.toBe(decisions[1]!.input_sha256);
    // No revision in the manifest: the bundle's own digest identifies what was evaluated.
    expect(first!.bundles['policy']!.revision).toMatch(/^sha256:[0-9a-f]{64}$/);
  },
);

/** A README line starting with `prefix`, split as a POSIX shell would (quotes removed). */
async function documented(readme: string, prefix: string): Promise<string[]> {
  const line = (await readFile(join(root, readme), 'utf8')).split('\n').find((l) => l.startsWith(prefix));
  if (!line) throw new Error(`${readme} shows no '${prefix}…' line`);
  return [...line.trim().matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

async function catalogCopy(name: string, extra = ''): Promise<string> {
  const dir = join(work, name);
  await cp(join(root, 'policy'), join(dir, 'policy'), { recursive: true });
  await cp(join(root, 'db/catalog'), join(dir, 'db/catalog'), { recursive: true });
  if (extra)
    await writeFile(
      join(dir, 'db/catalog/migrations.yaml'),
      `${await readFile(join(dir, 'db/catalog/migrations.yaml'), 'utf8')}\n${extra}`,
    );
  return dir;
}
const BROKEN_ENTRY = '- id: 2026-12-01-009-drop-phone\n  service: accounts\n  risk: high\n  pii: true\n';

testUnless(opaSkip)(
  'the opa eval command policy/README.md shows checks db/catalog/migrations.yaml and fails on a broken entry',
  async () => {
    const command = await documented('policy/README.md', 'opa eval --fail-defined');
    const good = await run(command[0]!, command.slice(1), { cwd: await catalogCopy('eval-good') });
    expect([good.exitCode, good.stderr]).toStrictEqual([0, '']);
    const bad = await run(command[0]!, command.slice(1), {
      cwd: await catalogCopy('eval-bad', BROKEN_ENTRY),
    });
    expect(bad.exitCode).toBe(1);
    for (const rule of [
      'owner-required',
      'pii-retention-required',
      'rollback-required',
      'readiness-required',
    ])
      expect(bad.stdout).toContain(`${rule}: '2026-12-01-009-drop-phone'`);
  },
);

const conftestSkip = missingComponent(
  (await run('conftest', ['--version']).catch(() => undefined))?.exitCode === 0,
  '`conftest` is not on PATH: .ci/run installs it (go install github.com/open-policy-agent/conftest@v0.71.1)',
);

testUnless(conftestSkip)(
  'the conftest command policy/README.md shows passes on the catalog and fails on a broken entry',
  async () => {
    const command = await documented('policy/README.md', 'conftest test');
    const good = await run(command[0]!, command.slice(1), { cwd: await catalogCopy('conftest-good') });
    expect(good.exitCode).toBe(0);
    const bad = await run(command[0]!, command.slice(1), {
      cwd: await catalogCopy('conftest-bad', BROKEN_ENTRY),
    });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain("owner-required: '2026-12-01-009-drop-phone'");
  },
);
