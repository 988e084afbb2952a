/**
 * Custom Rego policy (wasm). No `opa` compiler exists on this machine, so most tests use a
 * hand-assembled module that speaks OPA's wasm ABI (test/opa-fixture.ts) through the real
 * @open-policy-agent/opa-wasm SDK. The last test compiles policy/opa/retention.rego with `opa` when
 * it is on PATH and checks it agrees with the built-in policy; it says so when skipped.
 */
import { expect, test } from '@jest/globals';
import { missingComponent, testUnless } from '../../../test/support/components.ts';
import { thrownBy } from '../../../test/support/errors.ts';

import { run } from '../../../test/support/run.ts';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { cp as cpAsync, readFile as readFileAsync } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runGate } from '../src/gate.ts';
import { loadRegoPolicy, PolicyError, unpackPolicy } from '../src/policy.ts';
import { readTarball } from '../../../lib/policy/tar.ts';
import action from '../src/main.ts';
import { Redactor } from '../../../lib/redact.ts';
import type { RunContext } from '../../../lib/action.ts';
import { fixturePolicyWasm, tarGz } from './opa-fixture.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

const CATALOG = `# two entries; the second starts at line 8
- id: 2026-11-01-001-add-phone
  service: accounts
  risk: low
  pii: false
  rollout: online
  owner: '@accounts'
- id: 2026-11-02-002-add-index
  service: events
  risk: medium
  pii: false
  rollout: concurrent_index
  owner: '@events'
  rollback: DROP INDEX CONCURRENTLY IF EXISTS events_at_idx
  readiness: {locks: SHARE UPDATE EXCLUSIVE, long_transactions: checked, size_estimate: 1M rows}
`;

function workspace(extra: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-gate-policy-'));
  const files: Record<string, string | Uint8Array> = {
    'db/catalog/migrations.yaml': CATALOG,
    'db/migrations/2026-11-01-001-add-phone.up.sql':
      'CREATE TABLE events (at timestamptz);\nALTER TABLE events ADD COLUMN phone text;\n',
    'db/migrations/2026-11-01-001-add-phone.down.sql': 'DROP TABLE events;\n',
    'db/migrations/2026-11-02-002-add-index.up.sql':
      'CREATE INDEX CONCURRENTLY events_at_idx ON events (at);\n',
    ...extra,
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const gate = (ws: string, policy: string) =>
  runGate({
    workspace: ws,
    catalog: 'db/catalog/migrations.yaml',
    migrationsDir: 'db/migrations',
    proveBackout: false,
    policy,
  });
const policyFindings = (r: Awaited<ReturnType<typeof gate>>) =>
  r.findings.filter((f) => f.ruleId.startsWith('policy-'));

test('a bundle.tar.gz policy: every deny message is an error at its entry id line', async () => {
  const ws = workspace({
    'policy.tar.gz': tarGz({ '/policy.wasm': fixturePolicyWasm(), '/.manifest': '{"revision":""}' }),
  });
  const found = policyFindings(await gate(ws, 'policy.tar.gz'));
  expect(
    found.map((f) => [f.ruleId, f.level, f.location?.file, f.location?.line, f.properties?.['entryId']]),
  ).toStrictEqual([
    ['policy-deny', 'error', 'db/catalog/migrations.yaml', 2, '2026-11-01-001-add-phone'],
    ['policy-deny', 'error', 'db/catalog/migrations.yaml', 8, '2026-11-02-002-add-index'],
  ]);
  expect(found[0]!.message).toMatch(
    /^2026-11-01-001-add-phone: denied by the fixture policy \(policy policy\.tar\.gz\)$/,
  );
});

test('a bare .wasm works too; the bundle data.json reaches the policy as data', async () => {
  const deny = [
    { msg: 'explicit object naming an entry', id: '2026-11-02-002-add-index' },
    'a message about 2026-11-01-001-add-phone',
    'a message about nothing in particular',
  ];
  const ws = workspace({
    'p.wasm': fixturePolicyWasm(),
    'data.tar.gz': tarGz({
      '/policy.wasm': fixturePolicyWasm({ 'summit/catalog/deny': 'data' }),
      '/data.json': JSON.stringify(deny),
    }),
  });
  expect(policyFindings(await gate(ws, 'p.wasm')).length).toBe(2);
  const found = policyFindings(await gate(ws, 'data.tar.gz'));
  expect(found.map((f) => [f.location?.line, f.properties?.['entryId'] ?? null])).toStrictEqual([
    [8, '2026-11-02-002-add-index'],
    [2, '2026-11-01-001-add-phone'],
    [1, null],
  ]);
});

test('the policy input carries each entry as written plus detected facts', async () => {
  const ws = workspace({ 'p.wasm': fixturePolicyWasm() });
  const report = await gate(ws, 'p.wasm');
  expect(report.entries.map((e) => e.detectedRisk)).toStrictEqual(['low', 'low']);
  const { policyInput } = await import('../src/gate.ts');
  const { parseCatalog } = await import('../src/catalog.ts');
  const { catalog } = parseCatalog('db/catalog/migrations.yaml', CATALOG);
  const input = policyInput(
    report,
    catalog!,
    new Map(),
    new Set(['2026-11-01-001-add-phone.up.sql', '2026-11-01-001-add-phone.down.sql']),
  );
  expect(input.entries[0]!.owner).toBe('@accounts');
  expect(input.entries[0]!.detected.rollback).toStrictEqual('file');
  expect(input.entries[1]!.detected.rollback).toStrictEqual('inline');
  expect(input.entries[1]!.detected.up_file_exists).toBe(false);
  expect(input.entries[1]!.detected.up_file).toBe('db/migrations/2026-11-02-002-add-index.up.sql');
});

test('changed-only scoping drops policy findings of entries outside the change', async () => {
  const ws = workspace({ 'p.wasm': fixturePolicyWasm() });
  const report = await runGate({
    workspace: ws,
    catalog: 'db/catalog/migrations.yaml',
    migrationsDir: 'db/migrations',
    proveBackout: false,
    policy: 'p.wasm',
    changedFiles: ['db/migrations/2026-11-02-002-add-index.up.sql'],
  });
  expect(policyFindings(report).map((f) => f.properties?.['entryId'])).toStrictEqual([
    '2026-11-02-002-add-index',
  ]);
});

test('loader failures are policy-error findings naming the file and how to build it', async () => {
  const notWasm = new TextEncoder().encode('package summit.catalog\n');
  const badWasm = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0xff, 0xff]);
  const ws = workspace({
    'rego.wasm': notWasm,
    'broken.wasm': badWasm,
    'nowasm.tar.gz': tarGz({ '/data.json': '{}', '/policy.rego': 'package x' }),
    'corrupt.tar.gz': Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4]),
    'other-entry.wasm': fixturePolicyWasm({ 'summit/other/allow': 'scan' }),
    'abort.wasm': fixturePolicyWasm({ 'summit/catalog/deny': 'abort' }),
    'object.tar.gz': tarGz({
      '/policy.wasm': fixturePolicyWasm({ 'summit/catalog/deny': 'data' }),
      '/data.json': '{"deny": "not a set"}',
    }),
    'badelem.tar.gz': tarGz({
      '/policy.wasm': fixturePolicyWasm({ 'summit/catalog/deny': 'data' }),
      '/data.json': '[42]',
    }),
    'baddata.tar.gz': tarGz({
      '/policy.wasm': fixturePolicyWasm({ 'summit/catalog/deny': 'data' }),
      '/data.json': '{oops',
    }),
  });
  const cases: [string, RegExp][] = [
    [
      'missing.wasm',
      /^policy missing\.wasm not found; build it with `opa build -t wasm -e summit\/catalog\/deny --ignore '\*_test\.rego' policy\/opa`/,
    ],
    [
      'rego.wasm',
      /^policy rego\.wasm is neither a wasm module nor an OPA bundle \(\.tar\.gz\): found text starting 'package summit.c'/,
    ],
    [
      'broken.wasm',
      /^policy broken\.wasm cannot be loaded as an OPA wasm policy: WebAssembly\.instantiate\(\): .*; build it with/,
    ],
    [
      'nowasm.tar.gz',
      /^policy nowasm\.tar\.gz is a bundle without \/policy\.wasm \(it has \/data\.json, \/policy\.rego\); it was built without -t wasm/,
    ],
    ['corrupt.tar.gz', /^policy corrupt\.tar\.gz is not a readable OPA bundle: gzip: /],
    [
      'other-entry.wasm',
      /^policy other-entry\.wasm has no entrypoint summit\/catalog\/deny \(it has summit\/other\/allow\); build with -e summit\/catalog\/deny/,
    ],
    ['abort.wasm', /^policy abort\.wasm: evaluating summit\/catalog\/deny failed: fixture abort$/],
    [
      'object.tar.gz',
      /^policy object\.tar\.gz: summit\/catalog\/deny is \{"deny":"not a set"\}; it must be a set of messages/,
    ],
    ['badelem.tar.gz', /^policy badelem\.tar\.gz: a deny element must be a string or \{msg, id\}; got 42$/],
    ['baddata.tar.gz', /^policy baddata\.tar\.gz: \/data\.json in the bundle is not JSON/],
  ];
  for (const [file, expected] of cases) {
    const found = policyFindings(await gate(ws, file));
    expect(found.length).toBe(1);
    expect(found[0]!.ruleId).toBe('policy-error');
    expect(found[0]!.location?.file).toBe(file);
    expect(found[0]!.message).toMatch(expected);
  }
});

test('tar reader: leading / and ./ stripped, checksum and truncation errors', () => {
  const plain = tarGz({ '/policy.wasm': 'x', './data.json': '{}' }, false);
  expect(readTarball(plain).map((e) => e.name)).toStrictEqual(['policy.wasm', 'data.json']);
  const corrupt = Buffer.from(plain);
  corrupt[10] = 0x41;
  expect(() => readTarball(corrupt)).toThrow(/checksum mismatch/);
  expect(() => readTarball(plain.subarray(0, 512))).toThrow(/claims 1 bytes but the archive ends first/);
  expect(
    ((e: unknown) => e instanceof PolicyError && /found bytes 01020304/.test(e.message))(
      thrownBy(() => unpackPolicy(new Uint8Array([1, 2, 3, 4]), 'x.bin')),
    ),
  ).toBe(true);
});

test('the policy input reaches the action through the policy input (no TODO warning)', async () => {
  const ws = workspace({ 'p.wasm': fixturePolicyWasm() });
  const warnings: string[] = [];
  const context: RunContext = {
    workspace: ws,
    tempDir: mkdtempSync(join(tmpdir(), 'catalog-gate-tmp-')),
    github: { apiUrl: 'http://127.0.0.1:1', serverUrl: 'http://127.0.0.1:1' },
    log: { info() {}, debug() {}, warning: (m) => warnings.push(m) },
    redactor: new Redactor(),
    now: () => new Date(0),
  };
  const result = await action.run(
    {
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/migrations',
      proveBackout: false,
      failOn: 'error',
      changedOnly: false,
      checkRun: false,
      policy: join(ws, 'p.wasm'),
    },
    context,
  );
  expect(warnings).toStrictEqual([]);
  expect(result.outputs['violations']).toBe('2');
  expect(
    result.annotations.filter((a) => a.title === 'policy-deny').map((a) => [a.file, a.line]),
  ).toStrictEqual([
    ['db/catalog/migrations.yaml', 2],
    ['db/catalog/migrations.yaml', 8],
  ]);
});

const opaSkip = missingComponent(
  (await run('opa', ['version']).catch(() => undefined))?.exitCode === 0,
  '`opa` is not on PATH: .ci/run installs it (go install github.com/open-policy-agent/opa@v1.22.4)',
);

testUnless(opaSkip)('policy/opa/retention.rego compiled by opa agrees with the built-in policy', async () => {
  const out = mkdtempSync(join(tmpdir(), 'catalog-gate-opa-'));
  const bundle = join(out, 'bundle.tar.gz');
  const build = await run('opa', [
    'build',
    '-t',
    'wasm',
    '-e',
    'summit/catalog/deny',
    '-o',
    bundle,
    join(root, 'policy/opa/retention.rego'),
  ]);
  expect(build.exitCode).toBe(0);
  // Break every built-in policy rule once; each must be reported by both sides for the same entry.
  const broken = `- id: 2026-11-01-001-a
  service: s
  risk: low
  pii: true
  rollout: online
- id: 2026-11-02-002-b
  service: s
  risk: high
  pii: false
  rollout: offline
  owner: '@o'
- id: 2026-11-03-003-c
  service: s
  risk: low
  pii: false
  fields:
    - name: users.email
      pii: true
  rollout: online
  owner: '@o'
`;
  const ws = workspace({
    'db/catalog/migrations.yaml': broken,
    'db/migrations/2026-11-01-001-add-phone.up.sql': '',
    'db/migrations/2026-11-01-001-add-phone.down.sql': '',
    'db/migrations/2026-11-02-002-add-index.up.sql': '',
    'db/migrations/2026-11-01-001-a.up.sql': 'SELECT 1;\n',
    'db/migrations/2026-11-02-002-b.up.sql': 'SELECT 1;\n',
    'db/migrations/2026-11-03-003-c.up.sql': 'SELECT 1;\n',
  });
  const { rmSync } = await import('node:fs');
  for (const f of [
    '2026-11-01-001-add-phone.up.sql',
    '2026-11-01-001-add-phone.down.sql',
    '2026-11-02-002-add-index.up.sql',
  ])
    rmSync(join(ws, 'db/migrations', f));
  const report = await runGate({
    workspace: ws,
    catalog: 'db/catalog/migrations.yaml',
    migrationsDir: 'db/migrations',
    proveBackout: false,
    policy: bundle,
  });
  const builtin = report.findings
    .filter((f) =>
      ['pii-retention-required', 'owner-required', 'rollback-required', 'readiness-required'].includes(
        f.ruleId,
      ),
    )
    .map((f) => `${f.properties?.['entryId']} ${f.ruleId}`)
    .sort();
  // retention.rego messages start with the built-in rule id: "<rule-id>: '<entry id>' …".
  const rego = policyFindings(report)
    .map((f) => `${f.properties?.['entryId']} ${f.message.split(':')[0]}`)
    .sort();
  expect(builtin.length).toBeGreaterThanOrEqual(5);
  expect(rego).toStrictEqual(builtin);
});

test('loadRegoPolicy honours a custom entrypoint name', async () => {
  const policy = await loadRegoPolicy(
    fixturePolicyWasm({ 'team/rules/deny': 'scan' }),
    'x.wasm',
    'team/rules/deny',
  );
  expect(policy.deny({ catalog: 'c', migrations_dir: 'm', entries: [] })).toStrictEqual([]);
});

testUnless(opaSkip)(
  'the .rego folder itself as the policy input: compiled with opa, and each evaluation is in the evidence decision log',
  async () => {
    const ws = workspace({});
    await cpAsync(join(root, 'policy'), join(ws, 'policy'), { recursive: true });
    const evidence = join(ws, 'evidence');
    const context: RunContext = {
      workspace: ws,
      tempDir: mkdtempSync(join(tmpdir(), 'catalog-gate-tmp-')),
      github: { apiUrl: 'http://127.0.0.1:1', serverUrl: 'http://127.0.0.1:1' },
      log: { info() {}, debug() {}, warning() {} },
      redactor: new Redactor(),
      now: () => new Date(0),
    };
    const result = await action.run(
      {
        catalog: 'db/catalog/migrations.yaml',
        migrationsDir: 'db/migrations',
        proveBackout: false,
        failOn: 'error',
        changedOnly: false,
        checkRun: false,
        policy: 'policy/opa',
        evidenceDir: 'evidence',
      },
      context,
    );
    expect(result.annotations.filter((a) => a.title === 'policy-error')).toStrictEqual([]);
    const lines = (await readFileAsync(join(evidence, 'decision-log.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(entry).sort()).toStrictEqual(
      ['bundles', 'decision_id', 'input_sha256', 'labels', 'path', 'result', 'timestamp'].sort(),
    );
    expect(entry['path']).toBe('summit/catalog/deny');
    expect(entry['labels']).toStrictEqual({ app: 'catalog-gate', type: 'summit-ops' });
    // The logged result is what the gate reported as policy-deny findings.
    expect((entry['result'] as string[]).length).toBe(
      result.annotations.filter((a) => a.title === 'policy-deny').length,
    );
    // And the manifest covers it, so it cannot be edited unnoticed.
    const manifest = JSON.parse(await readFileAsync(join(evidence, 'manifest.json'), 'utf8')) as {
      files: { path: string }[];
    };
    expect(manifest.files.map((f) => f.path)).toContain('decision-log.jsonl');
  },
  60_000,
);
