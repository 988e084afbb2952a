/**
 * The proof on a real PostgreSQL reached through a superuser URL, fed hostile SQL: the commands
 * must not run, another database must survive, nothing from pg_authid or a server file may reach
 * any output, a pg_sleep hang is bounded by the timeout, and nothing is left behind.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import action from '../src/main.ts';
import { runGate } from '../src/gate.ts';
import { openPostgres, type Database } from '../src/backout.ts';
import { openSandbox, SandboxRefusedError } from '../src/sandbox.ts';
import { maskDatabaseMessage, namesIn } from '../src/mask.ts';
import { Redactor } from '../../../lib/redact.ts';
import type { RunContext } from '../../../lib/action.ts';
import { expectNoLeak } from '../../../test/support/leak.ts';
import { rejectionOf } from '../../../test/support/errors.ts';
import { describeUnless } from '../../../test/support/components.ts';
import { postgresSkip, startPgServer, type PgServer } from './pg-server.ts';

const skip = postgresSkip();

function workspace(migrations: { id: string; up: string; down?: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-gate-ws-'));
  mkdirSync(join(dir, 'db/catalog'), { recursive: true });
  mkdirSync(join(dir, 'db/migrations'), { recursive: true });
  const yaml = migrations
    .map(
      (m) =>
        `- id: ${m.id}\n  service: s\n  risk: high\n  pii: false\n  rollout: offline\n  owner: '@t'\n  readiness: { locks: x, long_transactions: x, size_estimate: x }\n`,
    )
    .join('');
  writeFileSync(join(dir, 'db/catalog/migrations.yaml'), yaml);
  for (const m of migrations) {
    writeFileSync(join(dir, `db/migrations/${m.id}.up.sql`), m.up);
    if (m.down !== undefined) writeFileSync(join(dir, `db/migrations/${m.id}.down.sql`), m.down);
  }
  return dir;
}

function context(ws: string): RunContext {
  // No secret is registered: masking must come from the proof itself, not from the redactor.
  const redactor = new Redactor();
  return {
    workspace: ws,
    tempDir: mkdtempSync(join(tmpdir(), 'catalog-gate-tmp-')),
    github: { apiUrl: 'http://127.0.0.1:1', serverUrl: 'http://127.0.0.1:1' },
    log: { info() {}, debug() {}, warning() {} },
    redactor,
    now: () => new Date(0),
  };
}

test('database messages: quoted data values are masked, names the script wrote are kept', () => {
  const sql = 'ALTER TABLE users ADD COLUMN age int;';
  const known = namesIn(sql);
  const value = `SCRAM-SHA-256$4096:${randomBytes(6).toString('hex')}`;
  const masked = maskDatabaseMessage(`invalid input syntax for type integer: "${value}"`, known);
  expectNoLeak(masked, value, 'the masked message');
  expect(masked).toBe('invalid input syntax for type integer: "***"');
  expect(maskDatabaseMessage('relation "users" does not exist', known)).toBe(
    'relation "users" does not exist',
  );
  expect(maskDatabaseMessage('Key (age)=(42) already exists.', known)).toBe(
    'Key (age)=(***) already exists.',
  );
});

test('database messages: a value that carries quotes of its own cannot split its way out of the mask', () => {
  const known = namesIn('ALTER TABLE users ADD COLUMN age int;');
  const secret = `s3cr3t-${randomBytes(6).toString('hex')}`;
  for (const value of [`"${secret}"`, `x" ${secret} "y`, `users" ${secret} "age`, `"" ${secret}`]) {
    const masked = maskDatabaseMessage(`invalid input syntax for type integer: "${value}"`, known);
    expectNoLeak(masked, secret, `the masked message for a value shaped ${value.replace(secret, 'S')}`);
    expect(masked).toBe('invalid input syntax for type integer: "***"');
  }
  // Not at the end of the message, an empty quoted part masks everything between the outer quotes.
  const inner = maskDatabaseMessage(`value ""${secret}"" of column "age" is bad`, known);
  expectNoLeak(inner, secret, 'the masked inner message');
  expect(maskDatabaseMessage('column "age" of relation "users" does not exist', known)).toBe(
    'column "age" of relation "users" does not exist',
  );
});

describeUnless(skip)('the proof sandbox on a real PostgreSQL (superuser URL)', () => {
  let server: PgServer;
  let admin: Database;
  let proofUrl: string;
  let outside: string;
  let secretFile: string;
  let secretContent: string;
  let passwordHash: string;

  beforeAll(async () => {
    server = await startPgServer();
    admin = await openPostgres(server.url);
    await admin.exec('CREATE DATABASE victim');
    await admin.exec('CREATE DATABASE proof');
    proofUrl = server.url.replace(/\/postgres$/, '/proof');
    // A directory the server user can write to, so a shell command that did run would leave a file.
    outside = mkdtempSync(join(tmpdir(), 'catalog-gate-outside-'));
    chmodSync(outside, 0o777);
    secretContent = `synthetic-server-secret-${randomBytes(8).toString('hex')}`;
    secretFile = join(outside, 'secret.txt');
    writeFileSync(secretFile, secretContent, { mode: 0o644 });
    await admin.exec(`ALTER ROLE postgres PASSWORD 'synthetic-${randomBytes(8).toString('hex')}'`);
    passwordHash = (
      await admin.rows<{ p: string }>("SELECT rolpassword AS p FROM pg_authid WHERE rolname = 'postgres'")
    )[0]!.p;
    // Control: as the superuser these reach the file system, so the denials below are the sandbox's doing.
    const [control] = await admin.rows<{ c: string }>(`SELECT pg_read_file('${secretFile}') AS c`);
    expect(control!.c === secretContent).toBe(true);
  }, 60_000);

  afterAll(async () => {
    await admin?.close();
    await server?.stop();
  });

  const leftovers = async () => {
    const proof = await openPostgres(proofUrl);
    try {
      const roles = await proof.rows<{ rolname: string }>(
        "SELECT rolname FROM pg_roles WHERE rolname LIKE 'catalog\\_gate\\_run\\_%'",
      );
      const schemas = await proof.rows<{ nspname: string }>(
        "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%'",
      );
      const tables = await proof.rows<{ relname: string }>(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'",
      );
      return [
        ...roles.map((r) => r.rolname),
        ...schemas.map((s) => s.nspname),
        ...tables.map((t) => t.relname),
      ];
    } finally {
      await proof.close();
    }
  };

  test('hostile migrations: no shell command, no dropped database, no server file or password hash in any output', async () => {
    const marker = (n: string) => join(outside, `pwned-${n}.txt`);
    const ws = workspace([
      {
        id: '2026-01-01-001-base',
        up: 'CREATE TABLE users (id int PRIMARY KEY);',
        down: 'DROP TABLE users;',
      },
      // Spelled out: the analysis refuses them and the proof never runs them.
      {
        id: '2026-01-02-002-copy',
        up: `COPY (SELECT 1) TO PROGRAM 'id > ${marker('direct')}';`,
        down: 'SELECT 1;',
      },
      { id: '2026-01-03-003-dropdb', up: 'VACUUM;\nDROP DATABASE victim;', down: 'SELECT 1;' },
      { id: '2026-01-04-004-read', up: `SELECT pg_read_file('${secretFile}')::int;`, down: 'SELECT 1;' },
      // Hidden from the analysis: the sandbox role has no right to do any of it.
      {
        id: '2026-01-05-005-hidden-copy',
        up: `RESET ROLE;\nDO $$ BEGIN EXECUTE 'CO' || 'PY (SELECT 1) TO PRO' || 'GRAM ''id > ${marker('hidden')}'''; END $$;`,
        down: 'SELECT 1;',
      },
      {
        id: '2026-01-06-006-hidden-read',
        up: `DO $$ BEGIN EXECUTE 'SELECT pg_' || 'read_file(''${secretFile}'')::int'; END $$;`,
        down: 'SELECT 1;',
      },
      {
        id: '2026-01-07-007-authid',
        up: `DO $$ BEGIN EXECUTE 'SELECT rolpassword::int FROM pg_' || 'authid WHERE rolname = ''postgres'''; END $$;`,
        down: 'SELECT 1;',
      },
      {
        id: '2026-01-08-008-raise',
        up: "DO $$ BEGIN RAISE EXCEPTION 'got %', (SELECT string_agg(rolname, ',') FROM pg_roles); END $$;",
        down: 'SELECT 1;',
      },
      {
        id: '2026-01-09-009-down-drops',
        up: 'CREATE TABLE t9 (a int);',
        down: 'DROP TABLE t9;\nDROP DATABASE victim;',
      },
      {
        id: '2026-01-10-010-after',
        up: 'ALTER TABLE users ADD COLUMN n int;',
        down: 'ALTER TABLE users DROP COLUMN n;',
      },
    ]);
    const ctx = context(ws);
    const result = await action.run(
      {
        catalog: 'db/catalog/migrations.yaml',
        migrationsDir: 'db/migrations',
        proveBackout: true,
        databaseUrl: proofUrl,
        failOn: 'error',
        changedOnly: false,
        checkRun: false,
      },
      ctx,
    );
    expect(existsSync(marker('direct'))).toBe(false);
    expect(existsSync(marker('hidden'))).toBe(false);
    const databases = await admin.rows<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname = 'victim'",
    );
    expect(databases).toHaveLength(1);
    const everything = [
      JSON.stringify(result),
      readFileSync(result.outputs['report-path']!, 'utf8'),
      readFileSync(result.outputs['sarif-path']!, 'utf8'),
    ].join('\n');
    expectNoLeak(everything, [secretContent, passwordHash, passwordHash.slice(14, 40)], 'the outputs');
    const byId = (id: string) =>
      result.annotations.filter((a) => a.message.startsWith(id) || (a.file ?? '').includes(id));
    for (const id of ['2026-01-02-002-copy', '2026-01-03-003-dropdb', '2026-01-04-004-read'])
      expect(byId(id).some((a) => a.title === 'backout-not-provable')).toBe(true);
    expect(
      result.annotations.some(
        (a) => a.title === 'drop-database' && (a.file ?? '').endsWith('009-down-drops.down.sql'),
      ),
    ).toBe(true);
    const hidden = byId('2026-01-05-005-hidden-copy').find((a) => a.title === 'backout-not-proven');
    expect(hidden?.message).toMatch(/permission denied|must be superuser|pg_execute_server_program/);
    expect(byId('2026-01-06-006-hidden-read').find((a) => a.title === 'backout-not-proven')?.message).toMatch(
      /permission denied/,
    );
    expect(byId('2026-01-07-007-authid').find((a) => a.title === 'backout-not-proven')?.message).toMatch(
      /permission denied/,
    );
    const raised = byId('2026-01-08-008-raise').find((a) => a.title === 'backout-not-proven')?.message ?? '';
    expect(raised).toMatch(/got \*\*\*/);
    expectNoLeak(raised, ['postgres'], 'the RAISE message');
    // Every migration gets its own verdict: the last one is proven despite the failures before it.
    const report = JSON.parse(readFileSync(result.outputs['report-path']!, 'utf8'));
    const status = Object.fromEntries(
      report.entries.map((e: { id: string; backout: { status: string } }) => [e.id, e.backout.status]),
    );
    expect(status['2026-01-01-001-base']).toBe('proven');
    expect(status['2026-01-10-010-after']).toBe('proven');
    expect(await leftovers()).toStrictEqual([]);
  }, 60_000);

  test('a pg_sleep hang is bounded by statement_timeout; the next migration is still proven; nothing is left', async () => {
    const ws = workspace([
      { id: '2026-02-01-001-sleep', up: 'DO $$ BEGIN PERFORM pg_sleep(600); END $$;', down: 'SELECT 1;' },
      { id: '2026-02-02-002-next', up: 'CREATE TABLE n (a int);', down: 'DROP TABLE n;' },
    ]);
    const started = performance.now();
    const report = await runGate({
      workspace: ws,
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/migrations',
      proveBackout: true,
      databaseUrl: proofUrl,
      timeouts: { statementMs: 1000, lockMs: 1000, idleInTransactionMs: 5000 },
    });
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(report.entries.map((e) => e.backout.status)).toStrictEqual(['failed', 'proven']);
    expect(report.entries[0]!.backout.problems[0]).toMatch(/statement timeout/);
    expect(await leftovers()).toStrictEqual([]);
  }, 60_000);

  test('a migration that turns statement_timeout off is ended by the watchdog; the sandbox is still removed', async () => {
    const ws = workspace([
      {
        id: '2026-03-01-001-sleep',
        up: 'SET statement_timeout = 0;\nSELECT pg_sleep(600);',
        down: 'SELECT 1;',
      },
      { id: '2026-03-02-002-next', up: 'CREATE TABLE n (a int);', down: 'DROP TABLE n;' },
    ]);
    const report = await runGate({
      workspace: ws,
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/migrations',
      proveBackout: true,
      databaseUrl: proofUrl,
      timeouts: { statementMs: 500, lockMs: 500, idleInTransactionMs: 5000 },
    });
    expect(report.entries.map((e) => e.backout.status)).toStrictEqual(['not-provable', 'not-provable']);
    expect(report.entries[0]!.backout.problems[0]).toMatch(/ended after a statement ran/);
    expect(await leftovers()).toStrictEqual([]);
  }, 60_000);

  test("a killed run's sandbox is removed by the next run instead of blocking it", async () => {
    // What a SIGKILLed run leaves: its role and schema with a table, and no session.
    const proof = await openPostgres(proofUrl);
    await proof.exec('CREATE ROLE catalog_gate_run_deadbeef LOGIN');
    await proof.exec('GRANT CREATE ON DATABASE proof TO catalog_gate_run_deadbeef');
    await proof.exec('CREATE SCHEMA catalog_gate_run_deadbeef AUTHORIZATION catalog_gate_run_deadbeef');
    await proof.exec(
      'SET ROLE catalog_gate_run_deadbeef; CREATE TABLE catalog_gate_run_deadbeef.t (a int); RESET ROLE',
    );
    await proof.close();
    const ws = workspace([{ id: '2026-04-01-001-a', up: 'CREATE TABLE a (x int);', down: 'DROP TABLE a;' }]);
    const report = await runGate({
      workspace: ws,
      catalog: 'db/catalog/migrations.yaml',
      migrationsDir: 'db/migrations',
      proveBackout: true,
      databaseUrl: proofUrl,
    });
    expect(report.findings.filter((f) => f.ruleId === 'backout-database')).toStrictEqual([]);
    expect(report.entries[0]!.backout.status).toBe('proven');
    expect(await leftovers()).toStrictEqual([]);
  }, 60_000);

  test('refuses to run as a powerful role that cannot create the sandbox role; a plain role runs the proof itself', async () => {
    await admin.exec("CREATE ROLE maker LOGIN CREATEDB PASSWORD 'x'; CREATE ROLE plain LOGIN PASSWORD 'y'");
    await admin.exec('GRANT CREATE ON DATABASE proof TO plain');
    const as = (user: string, password: string) => proofUrl.replace('postgres@', `${user}:${password}@`);
    const error = (await rejectionOf(openSandbox(as('maker', 'x')))) as Error;
    expect(error).toBeInstanceOf(SandboxRefusedError);
    expect(error.message).toMatch(/refuses to run migrations as maker \(CREATEDB\).*CREATEROLE/);
    const db = await openSandbox(as('plain', 'y'));
    try {
      const [who] = await db.rows<{ u: string; s: string }>(
        'SELECT current_user AS u, current_setting($$search_path$$) AS s',
      );
      expect(who!.u).toBe('plain');
      expect(who!.s).toContain(db.home);
    } finally {
      await db.close();
    }
    expect(await leftovers()).toStrictEqual([]);
  }, 60_000);
});
