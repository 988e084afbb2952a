import { afterAll, beforeAll, beforeEach, expect, test } from '@jest/globals';
import { expectNoLeak } from '../../../test/support/leak.ts';
import { expectTruthy } from '../../../test/support/narrow.ts';

import { loadParser } from '../src/sql/parser.ts';
import { scriptFromSql } from '../src/scripts.ts';
import {
  DatabaseUnreachableError,
  openPglite,
  openPostgres,
  snapshotSchema,
  type Database,
} from '../src/backout.ts';
import {
  assertEmpty,
  proveBackouts,
  proveInRunSchema,
  runScript,
  type MigrationToProve,
} from '../src/proof.ts';
import { postgresSkip, startPgServer, type PgServer } from './pg-server.ts';
import { describeUnless, testUnless } from '../../../test/support/components.ts';

await loadParser();

const m = (id: string, up: string, down?: string): MigrationToProve => {
  const r: MigrationToProve = { id, up: scriptFromSql(`db/migrations/${id}.up.sql`, up) };
  if (down !== undefined) r.down = scriptFromSql(`db/migrations/${id}.down.sql`, down);
  return r;
};

const BASE = m(
  '2026-01-01-001-users',
  'CREATE TABLE users (id bigint PRIMARY KEY, name text);',
  'DROP TABLE users;',
);

async function reset(db: Database): Promise<void> {
  await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
}

function scenarios(
  name: string,
  skip: false | string,
  open: () => Promise<Database>,
  close: () => void = () => {},
): void {
  describeUnless(skip)(`back-out proof on ${name}`, () => {
    let db: Database | undefined;
    beforeAll(async () => {
      db = await open();
    });
    afterAll(async () => {
      await db?.close();
      close();
    });
    beforeEach(async () => {
      if (db) await reset(db);
    });
    const it = (title: string, fn: (db: Database) => Promise<void>) =>
      test(title, async () => {
        expectTruthy(db);
        await fn(db);
      });

    it('a correct down script is proven (re-added column order does not matter)', async (db) => {
      const r = await proveBackouts(db, [
        BASE,
        m(
          '2026-01-02-002-phone',
          "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN phone text;\nALTER TABLE users ADD COLUMN email text;",
          'ALTER TABLE users DROP COLUMN phone;\nALTER TABLE users DROP COLUMN email;',
        ),
        m(
          '2026-01-03-003-idx',
          'CREATE INDEX CONCURRENTLY users_name_idx ON users (name);',
          'DROP INDEX CONCURRENTLY IF EXISTS users_name_idx;',
        ),
      ]);
      expect(r.map((x) => x.status)).toStrictEqual(['proven', 'proven', 'proven']);
      const snap = await snapshotSchema(db);
      expect(snap.has('column public.users.phone')).toBeTruthy();
      expect(snap.has('index public.users_name_idx')).toBeTruthy();
    });

    it('a down script that leaves an object behind names it', async (db) => {
      const r = await proveBackouts(db, [
        BASE,
        m(
          '2026-01-02-002-idx',
          'CREATE INDEX users_name_idx ON users (name);\nALTER TABLE users ADD COLUMN x int;',
          'ALTER TABLE users DROP COLUMN x;',
        ),
      ]);
      expect(r[1]!.status).toBe('failed');
      expect(r[1]!.problems.slice(0, 1)).toStrictEqual([
        'index public.users_name_idx is left behind by the back-out',
      ]);
    });

    it('a down script that changes a column names the column and both definitions', async (db) => {
      const r = await proveBackouts(db, [
        BASE,
        m(
          '2026-01-02-002-nn',
          'ALTER TABLE users ALTER COLUMN name SET NOT NULL;',
          'ALTER TABLE users ALTER COLUMN name TYPE varchar(50);\nALTER TABLE users ALTER COLUMN name DROP NOT NULL;',
        ),
      ]);
      expect(r[1]!.status).toBe('failed');
      expect(r[1]!.problems.length).toBe(1);
      expect(r[1]!.problems[0]!).toMatch(
        /^column public\.users\.name differs: before "text NULL", after "character varying\(50\) NULL"$/,
      );
    });

    it('a down script that drops too much names what is missing', async (db) => {
      const r = await proveBackouts(db, [
        BASE,
        m(
          '2026-01-02-002-c',
          'ALTER TABLE users ADD CONSTRAINT name_len CHECK (length(name) < 100) NOT VALID;',
          'ALTER TABLE users DROP CONSTRAINT name_len;\nALTER TABLE users DROP CONSTRAINT users_pkey;',
        ),
      ]);
      expect(r[1]!.status).toBe('failed');
      expect(r[1]!.problems).toContain('constraint public.users.users_pkey is missing after the back-out');
      expect(r[1]!.problems).toContain('index public.users_pkey is missing after the back-out');
    });

    it('a down script failing halfway leaves nothing applied and reports its line', async (db) => {
      const down =
        'ALTER TABLE users DROP COLUMN phone;\n\n-- oops\nALTER TABLE no_such_table DROP COLUMN phone;\n';
      const r = await proveBackouts(db, [
        BASE,
        m('2026-01-02-002-phone', 'ALTER TABLE users ADD COLUMN phone text;', down),
      ]);
      expect(r[1]!.status).toBe('failed');
      expect(r[1]!.failure!.file).toBe('db/migrations/2026-01-02-002-phone.down.sql');
      expect(r[1]!.failure!.line).toBe(4);
      expect(r[1]!.problems[0]!).toMatch(
        /down\.sql:4: relation "no_such_table" does not exist; nothing of the back-out was applied/,
      );
      expect((await snapshotSchema(db)).has('column public.users.phone')).toBeTruthy();
    });

    it('an up failure reports the line inside a multi-line statement; later proofs still run', async (db) => {
      const r = await proveBackouts(db, [
        BASE,
        m('2026-01-02-002-bad', 'ALTER TABLE users\n  ADD COLUMN a int,\n  ADD COLUMN b no_such_type;', ''),
        m('2026-01-03-003-next', 'SELECT 1;', 'SELECT 1;'),
      ]);
      expect(r[1]!.status).toBe('failed');
      expect(r[1]!.failure!.line).toBe(3);
      expect(r[1]!.problems[0]!).toMatch(/type "no_such_type" does not exist/);
      expect(r[2]!.status).toBe('proven');
      expect((await snapshotSchema(db)).has('column public.users.a')).toBe(false);
    });

    it('failure lines count CR and CRLF line endings as PostgreSQL does', async (db) => {
      for (const eol of ['\r', '\r\n']) {
        const r = await proveBackouts(db, [
          m(
            '2026-01-02-002-bad',
            `-- header${eol}CREATE TABLE t (${eol}  a int,${eol}  b no_such_type${eol});`,
            '',
          ),
        ]);
        expect(r[0]!.status).toBe('failed');
        expect([r[0]!.failure!.line, r[0]!.failure!.file]).toStrictEqual([
          4,
          'db/migrations/2026-01-02-002-bad.up.sql',
        ]);
      }
    });

    it('a migration without a back-out is reported as such', async (db) => {
      const r = await proveBackouts(db, [m('2026-01-01-001-t', 'CREATE TABLE t (a int);')]);
      expect(r[0]!.status).toBe('no-backout');
    });

    it('BEGIN/COMMIT written in the file do not break our transaction', async (db) => {
      const failure = await runScript(db, scriptFromSql('x.sql', 'BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;'));
      expect(failure).toBe(undefined);
      expect((await snapshotSchema(db)).has('table public.t')).toBeTruthy();
    });

    it('snapshots cover tables, columns, indexes, constraints, sequences, views and types', async (db) => {
      await db.exec(
        "CREATE DOMAIN pos AS int CHECK (VALUE > 0); CREATE TYPE mood AS ENUM ('a','b'); CREATE TABLE t (id bigserial PRIMARY KEY, p pos, m mood DEFAULT 'a', u text UNIQUE); CREATE VIEW v AS SELECT id FROM t;",
      );
      const keys = [...(await snapshotSchema(db)).keys()].sort();
      for (const k of [
        'table public.t',
        'column public.t.id',
        'column public.t.m',
        'index public.t_pkey',
        'index public.t_u_key',
        'constraint public.t.t_pkey',
        'constraint public.pos.pos_check',
        'sequence public.t_id_seq',
        'view public.v',
        'type public.pos',
        'type public.mood',
      ]) {
        expect(keys).toContain(k);
      }
    });

    it('a proof run leaves the database empty, so a second run on it proves the same', async (db) => {
      const migrations = [
        BASE,
        m(
          '2026-01-02-002-phone',
          "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN phone text;",
          'ALTER TABLE users DROP COLUMN phone;',
        ),
        // Objects written outside the run schema on purpose: they must be cleaned up too.
        m(
          '2026-01-03-003-billing',
          'CREATE SCHEMA billing;\nCREATE TABLE billing.invoices (id bigint);\nCREATE TABLE public.audit (a int);\nCREATE VIEW public.names AS SELECT name FROM users;',
          'DROP VIEW public.names;\nDROP TABLE public.audit;\nDROP SCHEMA billing CASCADE;',
        ),
      ];
      for (const run of [1, 2]) {
        const r = await proveInRunSchema(db, migrations);
        expect({ run, results: r.results.map((x) => [x.status, x.problems]) }).toStrictEqual({
          run,
          results: [
            ['proven', []],
            ['proven', []],
            ['proven', []],
          ],
        });
        expect(r.leftovers).toStrictEqual([]);
        expect([...(await snapshotSchema(db)).keys()]).toStrictEqual([]);
      }
    });

    it('the run schema is dropped after a failed proof too; messages name objects as written', async (db) => {
      const leftBehind = await proveInRunSchema(db, [
        BASE,
        m(
          '2026-01-02-002-idx',
          'CREATE INDEX users_name_idx ON users (name);\nCREATE TABLE public.keep (a int);',
          'SELECT 1;',
        ),
      ]);
      for (const p of [
        'index users_name_idx is left behind by the back-out',
        'table public.keep is left behind by the back-out',
      ])
        expect(leftBehind.results[1]!.problems).toContain(p);
      expect(leftBehind.leftovers).toStrictEqual([]);
      expect([...(await snapshotSchema(db)).keys()]).toStrictEqual([]);
      // Partly applied: CONCURRENTLY runs outside a transaction and the second build fails.
      const partial = await proveInRunSchema(db, [
        BASE,
        m(
          '2026-01-03-003-partial',
          'CREATE INDEX CONCURRENTLY users_id_idx ON users (id);\nCREATE INDEX CONCURRENTLY nope_idx ON nope (a);',
          'SELECT 1;',
        ),
      ]);
      expect(partial.results.map((x) => x.status)).toStrictEqual(['proven', 'failed']);
      expect(partial.leftovers).toStrictEqual([]);
      expect([...(await snapshotSchema(db)).keys()]).toStrictEqual([]);
    });

    it('no-op back-outs of functions, triggers, RLS, policies and collations are not proven', async (db) => {
      const fn =
        'CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.name := lower(NEW.name); RETURN NEW; END$$;';
      // [up, the object the no-op back-out must be blamed for]
      const cases: [string, string][] = [
        [fn, 'function public.touch() is left behind by the back-out'],
        [
          `${fn}\nCREATE TRIGGER users_touch BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION touch();`,
          'trigger public.users.users_touch is left behind by the back-out',
        ],
        [
          'ALTER TABLE users ENABLE ROW LEVEL SECURITY;',
          'table public.users differs: before "r persistence=p", after "r persistence=p ROW LEVEL SECURITY"',
        ],
        [
          'CREATE POLICY own_rows ON users USING (id > 0);',
          'policy public.users.own_rows is left behind by the back-out',
        ],
        [
          'ALTER TABLE users ALTER COLUMN name TYPE text COLLATE "C";',
          'column public.users.name differs: before "text NULL", after "text NULL COLLATE "C""',
        ],
      ];
      for (const [up, problem] of cases) {
        await reset(db);
        const r = await proveBackouts(db, [BASE, m('2026-01-02-002-x', up, 'SELECT 1;')]);
        expect(r[1]!.status).toBe('failed');
        expect(r[1]!.problems).toContain(problem);
      }
    });

    it('a function body changed by the migration and not restored by the back-out is named', async (db) => {
      const f = (body: string) =>
        `CREATE OR REPLACE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT ${body} $$;`;
      const r = await proveBackouts(db, [
        m('2026-01-01-001-f', f('41'), 'DROP FUNCTION answer();'),
        m('2026-01-02-002-f', f('42'), f('40')),
      ]);
      expect(r.map((x) => x.status)).toStrictEqual(['proven', 'failed']);
      expect(r[1]!.problems[0]!).toMatch(
        /^function public\.answer\(\) differs: before ".* body md5 \w+", after ".* body md5 \w+"$/,
      );
    });

    it('refuses a database that is not empty', async (db) => {
      await db.exec('CREATE TABLE leftover (a int);');
      await expect(assertEmpty(db)).rejects.toThrow(
        /is not empty \(table public\.leftover.*throwaway empty database/,
      );
    });
  });
}

scenarios('PGlite', false, openPglite);

const pgSkip = postgresSkip();
const pgTest = testUnless(pgSkip);
let server: PgServer | undefined;
scenarios('PostgreSQL (real server)', pgSkip, async () => {
  server = await startPgServer();
  return openPostgres(server.url);
});
afterAll(() => server?.stop());

test('an unreachable database names host:port and never the credentials', async () => {
  const user = ['gate', 'user'].join('_');
  const password = ['s3cr', 'et-pw'].join('');
  const url = `postgres://${user}:${password}@127.0.0.1:1/app`;
  const error = await openPostgres(url, { connectTimeoutMs: 2000 }).then(
    () => {
      throw new Error('connected to port 1?');
    },
    (e: unknown) => e,
  );
  expectTruthy(error instanceof DatabaseUnreachableError);
  expect(error.message).toMatch(/cannot connect to PostgreSQL at 127\.0\.0\.1:1/);
  expect(!error.message.includes(password) && !error.message.includes(user)).toBeTruthy();
});

test('a password that is not valid percent-encoding still gets the unreachable error, without it', async () => {
  const password = `%E0%A4%A${Math.random().toString(36).slice(2, 8)}`;
  const error = await openPostgres(`postgres://gate_user:${password}@127.0.0.1:1/app`, {
    connectTimeoutMs: 2000,
  }).then(
    () => new Error('connected to port 1?'),
    (e: unknown) => e as Error,
  );
  expectTruthy(error instanceof DatabaseUnreachableError);
  expectNoLeak(error.message, [password, 'gate_user'], 'the message');
});

pgTest('a bad password on a real server is reported without the credentials', async () => {
  expectTruthy(server);
  // The test cluster uses trust auth, so a role that does not exist is what the server rejects.
  const url = `postgres://no_such_role_x:hunter-${Date.now()}@127.0.0.1:${server.port}/postgres`;
  const error = await openPostgres(url).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expectTruthy(error instanceof DatabaseUnreachableError);
  expectNoLeak(error.message, 'no_such_role_x', 'the message');
  expectTruthy(error.message.includes(`127.0.0.1:${server.port}`));
});

pgTest(
  'the gate runs twice against the same real PostgreSQL database: every back-out proven both times',
  async () => {
    expectTruthy(server);
    const { runGate } = await import('../src/gate.ts');
    const workspace = new URL('../../../', import.meta.url).pathname;
    const url = server.url.replace(/\/postgres$/, '/gate_twice');
    const admin = await openPostgres(server.url);
    await admin.exec('DROP DATABASE IF EXISTS gate_twice');
    await admin.exec('CREATE DATABASE gate_twice');
    await admin.close();
    for (const run of [1, 2]) {
      const report = await runGate({
        workspace,
        catalog: 'db/catalog/migrations.yaml',
        migrationsDir: 'db/migrations',
        proveBackout: true,
        databaseUrl: url,
      });
      expect({ run, findings: report.findings.filter((f) => f.level !== 'notice') }).toStrictEqual({
        run,
        findings: [],
      });
      expect(report.entries.length).toBeGreaterThan(0);
      expect(report.entries.every((e) => e.backout.status === 'proven')).toBeTruthy();
    }
    const db = await openPostgres(url);
    expect([...(await snapshotSchema(db)).keys()]).toStrictEqual([]);
    await db.close();
  },
);

pgTest('an extension a back-out leaves behind is named (real PostgreSQL: PGlite bundles none)', async () => {
  expectTruthy(server);
  const admin = await openPostgres(server.url);
  await admin.exec('DROP DATABASE IF EXISTS gate_ext');
  await admin.exec('CREATE DATABASE gate_ext');
  await admin.close();
  const db = await openPostgres(server.url.replace(/\/postgres$/, '/gate_ext'));
  try {
    const r = await proveInRunSchema(db, [
      m('2026-01-01-001-ext', 'CREATE EXTENSION IF NOT EXISTS citext;', 'SELECT 1;'),
    ]);
    expect(r.results[0]!.status).toBe('failed');
    expect(r.results[0]!.problems).toContain('extension citext is left behind by the back-out');
    expect(r.leftovers).toStrictEqual([]);
  } finally {
    await db.close();
  }
});
