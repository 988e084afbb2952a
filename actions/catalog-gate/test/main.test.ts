import { expect, test } from '@jest/globals';
import { expectNoLeak } from '../../../test/support/leak.ts';

import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import action from '../src/main.ts';
import { runGate } from '../src/gate.ts';
import { sharedPglite } from './shared-pglite.ts';
import { Redactor } from '../../../lib/redact.ts';
import { validateSarif } from '../../../lib/report/sarif.ts';
import type { RunContext } from '../../../lib/action.ts';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-gate-ws-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function context(ws: string): RunContext {
  const warnings: string[] = [];
  return {
    workspace: ws,
    tempDir: mkdtempSync(join(tmpdir(), 'catalog-gate-tmp-')),
    github: { apiUrl: 'http://127.0.0.1:1', serverUrl: 'http://127.0.0.1:1' },
    log: { info() {}, debug() {}, warning: (m) => warnings.push(m) },
    redactor: new Redactor(),
    now: () => new Date(0),
  };
}

const CATALOG = `- id: 2026-11-01-001-add-index
  service: accounts
  risk: low
  pii: false
  rollout: online
  owner: '@team'
`;

test('understated risk fails the step with annotations at the YAML and SQL lines, SARIF and report written', async () => {
  const ws = workspace({
    'db/catalog/migrations.yaml': CATALOG,
    'db/migrations/2026-11-01-001-add-index.up.sql':
      "CREATE TABLE t (a int);\n-- later\nSET lock_timeout = '2s';\nCREATE INDEX ti ON users (a);\n",
  });
  const result = await action.run(
    {
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/migrations',
      proveBackout: false,
      failOn: 'error',
      changedOnly: false,
      checkRun: true,
    },
    context(ws),
  );
  expect(result.failure).toBeTruthy();
  const understated = result.annotations.find((a) => a.title === 'risk-understated')!;
  expect(understated.file).toBe('db/catalog/migrations.yaml');
  expect(understated.line).toBe(3);
  expect(understated.message).toMatch(
    /declares risk low but the SQL is medium risk \(create-index-not-concurrent at db\/migrations\/2026-11-01-001-add-index\.up\.sql:4\)/,
  );
  const sql = result.annotations.find((a) => a.title === 'create-index-not-concurrent')!;
  expect(sql.file).toBe('db/migrations/2026-11-01-001-add-index.up.sql');
  expect(sql.line).toBe(4);
  expect(result.outputs['violations']).toBe('1');
  const sarif = JSON.parse(readFileSync(result.outputs['sarif-path']!, 'utf8'));
  expect(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'risk-understated')).toBeTruthy();
  // The action writes its log without the run-time schema check (start-up cost): it must be valid.
  expect(validateSarif(sarif)).toStrictEqual({ valid: true, errors: [] });
  expect(existsSync(result.outputs['report-path']!)).toBeTruthy();
  expect(result.summary).toMatch(/\| 2026-11-01-001-add-index \| accounts \| low /);
  expect(result.summary).toMatch(/medium ✗/);
  expect(result.summary).toMatch(/DROP INDEX CONCURRENTLY IF EXISTS ti;/);
  expect(result.checkRun?.conclusion).toBe('failure');
});

test('risks the entry declares are acknowledged as notices, not violations', async () => {
  const ws = workspace({
    'db/catalog/migrations.yaml':
      CATALOG.replace('risk: low', 'risk: medium') +
      '  rollback: DROP INDEX ti\n  readiness: {locks: SHARE, long_transactions: none, size_estimate: small}\n',
    'db/migrations/2026-11-01-001-add-index.up.sql': 'CREATE INDEX ti ON users (a);\n',
  });
  const asError = await action.run(
    {
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/migrations',
      proveBackout: false,
      failOn: 'error',
      changedOnly: false,
      checkRun: false,
    },
    context(ws),
  );
  expect(asError.failure).toBe(undefined);
  expect(asError.outputs['violations']).toBe('0');
  const index = asError.annotations.filter((a) => a.title === 'create-index-not-concurrent');
  expect(index.map((a) => [a.level, a.file, a.line])).toStrictEqual([
    ['notice', 'db/migrations/2026-11-01-001-add-index.up.sql', 1],
  ]);
  expect(index[0]!.message).toMatch(/\(acknowledged: declared risk medium\)$/);
});

test('a migrations dir that does not exist is an error naming it', async () => {
  const ws = workspace({ 'db/catalog/migrations.yaml': CATALOG });
  const result = await action.run(
    {
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/nope',
      proveBackout: true,
      failOn: 'error',
      changedOnly: false,
      checkRun: false,
    },
    context(ws),
  );
  expect(result.failure).toBeTruthy();
  expect(
    result.annotations.some((a) => a.title === 'drift-missing-dir' && /db\/nope/.test(a.message)),
  ).toBeTruthy();
});

test('SQL the parser rejects is an annotation at its line', async () => {
  const ws = workspace({
    'db/catalog/migrations.yaml': CATALOG,
    'db/migrations/2026-11-01-001-add-index.up.sql': 'SELECT 1;\nCREAT INDEX x ON t (a);\n',
  });
  const result = await action.run(
    {
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/migrations',
      proveBackout: false,
      failOn: 'error',
      changedOnly: false,
      checkRun: false,
    },
    context(ws),
  );
  const a = result.annotations.find((x) => x.title === 'sql-parse-error')!;
  expect(a.line).toBe(2);
  expect(a.message).toMatch(/syntax error at or near "CREAT"/);
});

test('an unreachable database-url fails with host:port and no credentials', async () => {
  const ws = workspace({
    'db/catalog/migrations.yaml':
      CATALOG.replace('risk: low', 'risk: medium') +
      '  rollback: DROP INDEX ti\n  readiness: {locks: SHARE, long_transactions: none, size_estimate: small}\n',
    'db/migrations/2026-11-01-001-add-index.up.sql': 'CREATE TABLE t (a int);\n',
  });
  const pw = ['pa', 'ss', 'w0rd'].join('');
  const result = await action.run(
    {
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/migrations',
      proveBackout: true,
      databaseUrl: `postgres://admin:${pw}@127.0.0.1:1/x`,
      failOn: 'error',
      changedOnly: false,
      checkRun: false,
    },
    context(ws),
  );
  const a = result.annotations.find((x) => x.title === 'backout-database')!;
  expect(a.message).toMatch(/127\.0\.0\.1:1/);
  expect(!a.message.includes(pw) && !a.message.includes('admin')).toBeTruthy();
  expect(result.failure).toBeTruthy();
});

test('fail-on: warning fails on a warning that fail-on: error lets pass', async () => {
  const ws = workspace({
    'db/catalog/migrations.yaml': CATALOG.replace('2026-11-01-001-add-index', '2026-11-01-001-build-index'),
    // Low risk (CONCURRENTLY, lock_timeout set) but the build runs under a statement_timeout: a warning.
    'db/migrations/2026-11-01-001-build-index.up.sql':
      "SET lock_timeout = '2s';\nSET statement_timeout = '1min';\nCREATE INDEX CONCURRENTLY users_a_idx ON users (a);\n",
  });
  const base = {
    catalog: 'db/catalog/migrations.yaml',
    migrationsDir: 'db/migrations',
    proveBackout: false,
    changedOnly: false,
    checkRun: false,
  } as const;
  const lenient = await action.run({ ...base, failOn: 'error' }, context(ws));
  expect(lenient.failure).toBe(undefined);
  expect(lenient.outputs['violations']).toBe('0');
  const warning = lenient.annotations.find((a) => a.title === 'statement-timeout-concurrently')!;
  expect([warning.level, warning.file, warning.line]).toStrictEqual([
    'warning',
    'db/migrations/2026-11-01-001-build-index.up.sql',
    3,
  ]);
  const strict = await action.run({ ...base, failOn: 'warning', checkRun: true }, context(ws));
  expect(strict.outputs['violations']).toBe('1');
  expect(strict.failure ?? '').toMatch(/1 finding\(s\) at or above 'warning'/);
  expect(strict.checkRun?.conclusion).toBe('failure');
  // Opt-in: without check-run there is none to publish.
  expect(lenient.checkRun).toBe(undefined);
});

/** A local server speaking GitHub's REST API for GET /repos/{o}/{r}/pulls/{n}/files, paginated. */
async function fakeGitHub(files: string[], options: { status?: number } = {}) {
  const { createServer } = await import('node:http');
  const seen: { url: string; auth: string | undefined }[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push({ url: url.pathname + url.search, auth: req.headers.authorization });
    if (options.status) {
      res.writeHead(options.status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest',
        }),
      );
      return;
    }
    const compare = /^\/repos\/acme\/shop\/compare\/([0-9a-f]+)\.\.\.([0-9a-f]+)$/.exec(url.pathname);
    if (compare) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: 'ahead',
          files: files.map((filename, i) => ({ sha: `${i}`, filename, status: 'modified', changes: 1 })),
        }),
      );
      return;
    }
    const m = /^\/repos\/acme\/shop\/pulls\/42\/files$/.exec(url.pathname);
    if (!m)
      return void (
        res.writeHead(404, { 'content-type': 'application/json' }),
        res.end('{"message":"Not Found"}')
      );
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(files.length / perPage));
    const slice = files.slice((page - 1) * perPage, page * perPage).map((filename, i) => ({
      sha: `${i}`,
      filename,
      status: 'modified',
      additions: 1,
      deletions: 0,
      changes: 1,
    }));
    const link = (p: number, rel: string) =>
      `<http://127.0.0.1:${(server.address() as { port: number }).port}${url.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (page < last) headers['link'] = [link(page + 1, 'next'), link(last, 'last')].join(', ');
    res.writeHead(200, headers);
    res.end(JSON.stringify(slice));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { apiUrl, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const TWO = `${CATALOG}- id: 2026-11-02-002-add-other
  service: accounts
  risk: low
  pii: false
  rollout: online
  owner: '@team'
`;

test('changed-only asks GitHub for the PR files (paginated) and reports only the entries they touch', async () => {
  // 230 changed files: the migration sits on page 3 of 100, so pagination must be followed.
  const files = [
    ...Array.from({ length: 220 }, (_, i) => `src/file${i}.ts`),
    'db/migrations/2026-11-02-002-add-other.up.sql',
    ...Array.from({ length: 9 }, (_, i) => `docs/${i}.md`),
  ];
  const gh = await fakeGitHub(files);
  try {
    const ws = workspace({
      'db/catalog/migrations.yaml': TWO,
      // Both migrations take an index without CONCURRENTLY; only the changed one may be reported.
      'db/migrations/2026-11-01-001-add-index.up.sql':
        "SET lock_timeout = '2s';\nCREATE INDEX ti ON users (a);\n",
      'db/migrations/2026-11-02-002-add-other.up.sql':
        "SET lock_timeout = '2s';\nCREATE INDEX to2 ON users (b);\n",
    });
    const token = ['ghs', 'local', 'test'].join('_');
    const ctx = context(ws);
    ctx.github = {
      ...ctx.github,
      apiUrl: gh.apiUrl,
      token,
      repository: 'acme/shop',
      event: { pull_request: { number: 42 } },
    };
    const result = await action.run(
      {
        catalog: 'db/catalog/migrations.yaml',
        migrationsDir: 'db/migrations',
        proveBackout: false,
        failOn: 'error',
        changedOnly: true,
        checkRun: false,
      },
      ctx,
    );
    expect(gh.seen.map((s) => s.url)).toStrictEqual([
      '/repos/acme/shop/pulls/42/files?per_page=100',
      '/repos/acme/shop/pulls/42/files?per_page=100&page=2',
      '/repos/acme/shop/pulls/42/files?per_page=100&page=3',
    ]);
    expect(gh.seen.every((s) => s.auth === `token ${token}`)).toBeTruthy();
    const files2 = new Set(result.annotations.map((a) => a.file));
    expect(files2.has('db/migrations/2026-11-02-002-add-other.up.sql')).toBeTruthy();
    expect(!files2.has('db/migrations/2026-11-01-001-add-index.up.sql')).toBeTruthy();
    const understated = result.annotations.filter((a) => a.title === 'risk-understated');
    expect(understated.map((a) => a.line)).toStrictEqual([9]); // the second entry's risk line
    expect(result.summary).toMatch(/2026-11-02-002-add-other/);
    expect(result.summary).not.toMatch(/\| 2026-11-01-001-add-index \|/);
    expectNoLeak(JSON.stringify(result), token, 'the result');
  } finally {
    await gh.close();
  }
});

test('changed-only in a merge queue lists the files of merge_group base...head and reports only their entries', async () => {
  const base = 'b'.repeat(40);
  const head = 'a'.repeat(40);
  const gh = await fakeGitHub(['src/app.ts', 'db/migrations/2026-11-02-002-add-other.up.sql']);
  try {
    const ws = workspace({
      'db/catalog/migrations.yaml': TWO,
      'db/migrations/2026-11-01-001-add-index.up.sql':
        "SET lock_timeout = '2s';\nCREATE INDEX ti ON users (a);\n",
      'db/migrations/2026-11-02-002-add-other.up.sql':
        "SET lock_timeout = '2s';\nCREATE INDEX to2 ON users (b);\n",
    });
    const ctx = context(ws);
    ctx.github = {
      ...ctx.github,
      apiUrl: gh.apiUrl,
      token: 't',
      repository: 'acme/shop',
      eventName: 'merge_group',
      event: { merge_group: { base_sha: base, head_sha: head } },
    };
    const result = await action.run(
      {
        catalog: 'db/catalog/migrations.yaml',
        migrationsDir: 'db/migrations',
        proveBackout: false,
        failOn: 'error',
        changedOnly: true,
        checkRun: false,
      },
      ctx,
    );
    expect(gh.seen.map((s) => s.url)).toStrictEqual([`/repos/acme/shop/compare/${base}...${head}`]);
    const files = new Set(result.annotations.map((a) => a.file));
    expect(files.has('db/migrations/2026-11-02-002-add-other.up.sql')).toBe(true);
    expect(files.has('db/migrations/2026-11-01-001-add-index.up.sql')).toBe(false);
  } finally {
    await gh.close();
  }
});

test('changed-only: a GitHub API error checks every migration and says why', async () => {
  const gh = await fakeGitHub([], { status: 403 });
  try {
    const ws = workspace({
      'db/catalog/migrations.yaml': TWO,
      'db/migrations/2026-11-01-001-add-index.up.sql':
        "SET lock_timeout = '2s';\nCREATE INDEX ti ON users (a);\n",
      'db/migrations/2026-11-02-002-add-other.up.sql': 'SELECT 1;\n',
    });
    const warnings: string[] = [];
    const ctx = context(ws);
    ctx.log = { info() {}, debug() {}, warning: (m) => warnings.push(m) };
    ctx.github = {
      ...ctx.github,
      apiUrl: gh.apiUrl,
      token: 't',
      repository: 'acme/shop',
      event: { pull_request: { number: 42 } },
    };
    const result = await action.run(
      {
        catalog: 'db/catalog/migrations.yaml',
        migrationsDir: 'db/migrations',
        proveBackout: false,
        failOn: 'error',
        changedOnly: true,
        checkRun: false,
      },
      ctx,
    );
    expect(gh.seen.length).toBe(1);
    expect(warnings.join('\n')).toMatch(
      /changed-only: listing the files of pull request #42 failed \(HTTP 403: Resource not accessible by integration/,
    );
    expect(
      result.annotations.some((a) => a.file === 'db/migrations/2026-11-01-001-add-index.up.sql'),
    ).toBeTruthy();
  } finally {
    await gh.close();
  }
});

test('changed-only outside a pull request checks everything with a warning', async () => {
  const ws = workspace({
    'db/catalog/migrations.yaml': CATALOG,
    'db/migrations/2026-11-01-001-add-index.up.sql': 'SELECT 1;\n',
  });
  const warnings: string[] = [];
  const ctx = context(ws);
  ctx.log = { info() {}, debug() {}, warning: (m) => warnings.push(m) };
  const result = await action.run(
    {
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/migrations',
      proveBackout: false,
      failOn: 'error',
      changedOnly: true,
      checkRun: false,
    },
    ctx,
  );
  expect(warnings.join('\n')).toMatch(/not a pull request/);
  expect(result.summary).toMatch(/2026-11-01-001-add-index/);
});

test('changed-only: a catalog-only change (risk lowered, retention removed) checks every entry', async () => {
  // The PR touches only the catalog: the first entry now declares low risk for a SHARE-lock index
  // build and the second stores PII without retention_days. Neither SQL file changed.
  const gh = await fakeGitHub(['db/catalog/migrations.yaml', 'docs/readme.md']);
  try {
    const ws = workspace({
      'db/catalog/migrations.yaml': TWO.replace(
        /(- id: 2026-11-02-002-add-other\n {2}service: accounts\n {2}risk: low\n {2})pii: false/,
        '$1pii: true',
      ),
      'db/migrations/2026-11-01-001-add-index.up.sql':
        "SET lock_timeout = '2s';\nCREATE INDEX ti ON users (a);\n",
      'db/migrations/2026-11-02-002-add-other.up.sql': 'SELECT 1;\n',
    });
    const ctx = context(ws);
    ctx.github = {
      ...ctx.github,
      apiUrl: gh.apiUrl,
      token: 't',
      repository: 'acme/shop',
      event: { pull_request: { number: 42 } },
    };
    const result = await action.run(
      {
        catalog: 'db/catalog/migrations.yaml',
        migrationsDir: 'db/migrations',
        proveBackout: false,
        failOn: 'error',
        changedOnly: true,
        checkRun: false,
      },
      ctx,
    );
    expect(gh.seen.length).toBe(1);
    const byRule = (id: string) => result.annotations.filter((a) => a.title === id);
    expect(byRule('risk-understated').map((a) => [a.file, a.line])).toStrictEqual([
      ['db/catalog/migrations.yaml', 3],
    ]);
    expect(byRule('pii-retention-required').map((a) => [a.file, a.line])).toStrictEqual([
      ['db/catalog/migrations.yaml', 10],
    ]);
    expect(byRule('create-index-not-concurrent').length).toBe(1);
    expect(result.failure).toBeTruthy();
    expect(result.summary).toMatch(/\| 2026-11-01-001-add-index \|/);
  } finally {
    await gh.close();
  }
});

test('ALTER TYPE … USING on a table outside the catalog: annotated at its line, other findings kept', async () => {
  const ws = workspace({
    'db/catalog/migrations.yaml': CATALOG,
    'db/migrations/2026-11-01-001-add-index.up.sql':
      "SET lock_timeout = '2s';\nALTER TABLE legacy_invoices ALTER COLUMN amount TYPE bigint USING amount::bigint;\nCREATE INDEX ti ON users (a);\n",
  });
  const result = await action.run(
    {
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/migrations',
      proveBackout: false,
      failOn: 'error',
      changedOnly: false,
      checkRun: false,
    },
    context(ws),
  );
  const at = (id: string) =>
    result.annotations.filter((a) => a.title === id).map((a) => `${a.file}:${a.line}`);
  expect(at('alter-column-type')).toStrictEqual(['db/migrations/2026-11-01-001-add-index.up.sql:2']);
  expect(at('create-index-not-concurrent')).toStrictEqual([
    'db/migrations/2026-11-01-001-add-index.up.sql:3',
  ]);
  expect(at('risk-understated')).toStrictEqual(['db/catalog/migrations.yaml:3']);
});

const MEDIUM = (rollback: string) =>
  CATALOG.replace('risk: low', 'risk: medium') +
  `  rollback: ${rollback}\n  readiness: {locks: SHARE, long_transactions: none, size_estimate: small}\n`;

test('without the proof (pre-commit), a down script PostgreSQL cannot parse is an error at its line', async () => {
  const ws = workspace({
    'db/catalog/migrations.yaml': MEDIUM('2026-11-01-001-add-index.down.sql'),
    'db/migrations/2026-11-01-001-add-index.up.sql':
      "SET lock_timeout = '2s';\nCREATE INDEX ti ON users (a);\n",
    'db/migrations/2026-11-01-001-add-index.down.sql': '-- undo\nDROP TABL users;\n',
  });
  const result = await action.run(
    {
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/migrations',
      proveBackout: false,
      failOn: 'error',
      changedOnly: false,
      checkRun: false,
    },
    context(ws),
  );
  const a = result.annotations.filter((x) => x.title === 'sql-parse-error');
  expect(a.map((x) => [x.file, x.line])).toStrictEqual([
    ['db/migrations/2026-11-01-001-add-index.down.sql', 2],
  ]);
  expect(a[0]!.message).toMatch(/syntax error at or near "TABL"/);
  expect(result.failure).toBeTruthy();
});

test('an inline rollback PostgreSQL cannot parse is an error at its YAML line, with or without the proof', async () => {
  const ws = workspace({
    'db/catalog/migrations.yaml': MEDIUM('DROP INDEKS ti'),
    'db/migrations/2026-11-01-001-add-index.up.sql':
      "SET lock_timeout = '2s';\nCREATE INDEX ti ON users (a);\n",
  });
  for (const proveBackout of [false, true]) {
    const report = await runGate({
      workspace: ws,
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/migrations',
      proveBackout,
      openDatabase: sharedPglite(),
    });
    const a = report.findings.filter((x) => x.ruleId === 'sql-parse-error');
    expect(a.map((x) => [x.location?.file, x.location?.line])).toStrictEqual([
      ['db/catalog/migrations.yaml', 7],
    ]);
    expect(a[0]!.message).toMatch(
      /inline rollback of 2026-11-01-001-add-index: PostgreSQL parser: syntax error at or near "INDEKS" \(line 1, column 6 of the rollback text\)/,
    );
  }
});

test('proof findings carry a location: a failing up at its line, the next migration still proven, backout-database at the catalog', async () => {
  const ws = workspace({
    'db/catalog/migrations.yaml': TWO,
    'db/migrations/2026-11-01-001-add-index.up.sql': 'CREATE TABLE t (a int);\nCREATE TABLE t (a int);\n',
    'db/migrations/2026-11-02-002-add-other.up.sql': 'CREATE TABLE u (a int);\n',
  });
  const report = await runGate({
    workspace: ws,
    catalog: 'db/catalog/migrations.yaml',
    migrationsDir: 'db/migrations',
    proveBackout: true,
    openDatabase: sharedPglite(),
  });
  const failed = report.findings.find((f) => f.ruleId === 'backout-not-proven');
  expect(failed?.location).toStrictEqual({ file: 'db/migrations/2026-11-01-001-add-index.up.sql', line: 2 });
  // The second migration is proven from the schema without the first, not skipped because of it.
  expect(report.findings.filter((f) => f.ruleId === 'backout-not-provable')).toStrictEqual([]);
  expect(report.entries.map((e) => e.backout.status)).toStrictEqual(['failed', 'proven']);
  const unreachable = await runGate({
    workspace: ws,
    catalog: 'db/catalog/migrations.yaml',
    migrationsDir: 'db/migrations',
    proveBackout: true,
    databaseUrl: 'postgres://127.0.0.1:1/x',
  });
  const db = unreachable.findings.find((f) => f.ruleId === 'backout-database');
  expect(db?.location).toStrictEqual({ file: 'db/catalog/migrations.yaml', line: 1 });
});

test('a non-empty evidence-dir is an error found before the analysis; every other annotation is kept', async () => {
  const ws = workspace({
    'db/catalog/migrations.yaml': CATALOG,
    'db/migrations/2026-11-01-001-add-index.up.sql':
      "SET lock_timeout = '2s';\nCREATE INDEX ti ON users (a);\n",
    'evidence/old-report.json': '{}',
  });
  const result = await action.run(
    {
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/migrations',
      proveBackout: false,
      failOn: 'error',
      changedOnly: false,
      checkRun: false,
      evidenceDir: 'evidence',
    },
    context(ws),
  );
  const titles = result.annotations.map((a) => a.title);
  expect(titles).toContain('create-index-not-concurrent');
  expect(titles).toContain('risk-understated');
  const evidence = result.annotations.find((a) => a.title === 'evidence-dir-not-empty');
  expect(evidence?.message ?? '').toMatch(
    /evidence-dir evidence is not empty \(old-report\.json\); no evidence bundle was written/,
  );
  expect(existsSync(result.outputs['report-path']!)).toBeTruthy();
});

test('a .sql file matching neither pattern (x.upp.sql) is drift at that file', async () => {
  const ws = workspace({
    'db/catalog/migrations.yaml': CATALOG,
    'db/migrations/2026-11-01-001-add-index.up.sql': 'SELECT 1;\n',
    'db/migrations/2026-11-01-002-next.upp.sql': 'DROP TABLE users;\n',
    'db/migrations/README.md': 'not SQL, not drift\n',
  });
  const result = await action.run(
    {
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/migrations',
      proveBackout: false,
      failOn: 'error',
      changedOnly: false,
      checkRun: false,
    },
    context(ws),
  );
  const stray = result.annotations.filter((a) => a.title === 'drift-stray-file');
  expect(stray.map((a) => [a.file, a.line])).toStrictEqual([
    ['db/migrations/2026-11-01-002-next.upp.sql', 1],
  ]);
  expect(stray[0]!.message).toMatch(/matches neither \{id\}\.up\.sql nor \{id\}\.down\.sql/);
  expect(result.failure).toBeTruthy();
});

test('report.json and the evidence bundle carry each statement: file, line, tables, lock, rewrites, rule ids', async () => {
  const up = 'db/migrations/2026-11-01-001-add-index.up.sql';
  const ws = workspace({
    'db/catalog/migrations.yaml': CATALOG.replace('risk: low', 'risk: high'),
    [up]: "SET lock_timeout = '2s';\nCREATE INDEX ti ON users (a);\n\nALTER TABLE users\n  ADD COLUMN b float8 DEFAULT random();\n",
  });
  const result = await action.run(
    {
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/migrations',
      proveBackout: false,
      failOn: 'error',
      changedOnly: false,
      checkRun: false,
      evidenceDir: 'evidence',
    },
    context(ws),
  );
  const expected = [
    { file: up, line: 1, tables: [], lock: null, rewrites: false, ruleIds: [] },
    {
      file: up,
      line: 2,
      tables: ['users'],
      lock: 'SHARE',
      rewrites: false,
      ruleIds: ['create-index-not-concurrent'],
    },
    {
      file: up,
      line: 4,
      tables: ['users'],
      lock: 'ACCESS EXCLUSIVE',
      rewrites: true,
      ruleIds: ['add-column-rewrite'],
    },
  ];
  const pick = (s: Record<string, unknown>) => ({
    file: s['file'],
    line: s['line'],
    tables: s['tables'],
    lock: s['lock'],
    rewrites: s['rewrites'],
    ruleIds: s['ruleIds'],
  });
  for (const path of [result.outputs['report-path']!, join(ws, 'evidence', 'report.json')]) {
    const report = JSON.parse(readFileSync(path, 'utf8'));
    expect(report.entries[0].statements.map(pick)).toStrictEqual(expected);
  }
});
