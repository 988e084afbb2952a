import { describe, test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { loadParser } from '../src/sql/parser.ts';
import { scriptFromSql } from '../src/scripts.ts';
import {
  assertEmpty,
  DatabaseUnreachableError,
  openPglite,
  openPostgres,
  proveBackouts,
  proveInRunSchema,
  runScript,
  snapshotSchema,
  type Database,
  type MigrationToProve,
} from '../src/backout.ts';
import { startPgServer, type PgServer } from './pg-server.ts';

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
  open: () => Promise<Database | { skip: string }>,
  close: () => void = () => {},
): void {
  describe(`back-out proof on ${name}`, () => {
    let db: Database | undefined;
    let skip: string | undefined;
    before(async () => {
      const opened = await open();
      if ('skip' in opened) skip = opened.skip;
      else db = opened;
    });
    after(async () => {
      await db?.close();
      close();
    });
    beforeEach(async () => {
      if (db) await reset(db);
    });
    const it = (title: string, fn: (db: Database) => Promise<void>) =>
      test(title, async (t) => {
        if (!db) return t.skip(`skipped: ${skip}`);
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
      assert.deepEqual(
        r.map((x) => x.status),
        ['proven', 'proven', 'proven'],
      );
      const snap = await snapshotSchema(db);
      assert.ok(snap.has('column public.users.phone'), 'up is re-applied after the proof');
      assert.ok(snap.has('index public.users_name_idx'));
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
      assert.equal(r[1]!.status, 'failed');
      assert.deepEqual(r[1]!.problems.slice(0, 1), [
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
      assert.equal(r[1]!.status, 'failed');
      assert.equal(r[1]!.problems.length, 1);
      assert.match(
        r[1]!.problems[0]!,
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
      assert.equal(r[1]!.status, 'failed');
      assert.ok(
        r[1]!.problems.includes('constraint public.users.users_pkey is missing after the back-out'),
        r[1]!.problems.join('\n'),
      );
      assert.ok(r[1]!.problems.includes('index public.users_pkey is missing after the back-out'));
    });

    it('a down script failing halfway leaves nothing applied and reports its line', async (db) => {
      const down =
        'ALTER TABLE users DROP COLUMN phone;\n\n-- oops\nALTER TABLE no_such_table DROP COLUMN phone;\n';
      const r = await proveBackouts(db, [
        BASE,
        m('2026-01-02-002-phone', 'ALTER TABLE users ADD COLUMN phone text;', down),
      ]);
      assert.equal(r[1]!.status, 'failed');
      assert.equal(r[1]!.failure!.file, 'db/migrations/2026-01-02-002-phone.down.sql');
      assert.equal(r[1]!.failure!.line, 4);
      assert.match(
        r[1]!.problems[0]!,
        /down\.sql:4: relation "no_such_table" does not exist; nothing of the back-out was applied/,
      );
      assert.ok(
        (await snapshotSchema(db)).has('column public.users.phone'),
        'the first DROP COLUMN was rolled back',
      );
    });

    it('an up failure reports the line inside a multi-line statement and stops later proofs', async (db) => {
      const r = await proveBackouts(db, [
        BASE,
        m('2026-01-02-002-bad', 'ALTER TABLE users\n  ADD COLUMN a int,\n  ADD COLUMN b no_such_type;', ''),
        m('2026-01-03-003-next', 'SELECT 1;', 'SELECT 1;'),
      ]);
      assert.equal(r[1]!.status, 'failed');
      assert.equal(r[1]!.failure!.line, 3);
      assert.match(r[1]!.problems[0]!, /type "no_such_type" does not exist/);
      assert.equal(r[2]!.status, 'not-run');
      assert.equal((await snapshotSchema(db)).has('column public.users.a'), false);
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
        assert.equal(r[0]!.status, 'failed');
        assert.deepEqual(
          [r[0]!.failure!.line, r[0]!.failure!.file],
          [4, 'db/migrations/2026-01-02-002-bad.up.sql'],
          JSON.stringify(eol),
        );
      }
    });

    it('a migration without a back-out is reported as such', async (db) => {
      const r = await proveBackouts(db, [m('2026-01-01-001-t', 'CREATE TABLE t (a int);')]);
      assert.equal(r[0]!.status, 'no-backout');
    });

    it('BEGIN/COMMIT written in the file do not break our transaction', async (db) => {
      const failure = await runScript(db, scriptFromSql('x.sql', 'BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;'));
      assert.equal(failure, undefined);
      assert.ok((await snapshotSchema(db)).has('table public.t'));
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
        assert.ok(keys.includes(k), `${k} missing from ${keys.join(', ')}`);
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
        assert.deepEqual(
          r.results.map((x) => x.status),
          ['proven', 'proven', 'proven'],
          `run ${run}: ${JSON.stringify(r.results.map((x) => x.problems))}`,
        );
        assert.deepEqual(r.leftovers, []);
        assert.deepEqual([...(await snapshotSchema(db)).keys()], [], `run ${run} left objects behind`);
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
        assert.ok(leftBehind.results[1]!.problems.includes(p), leftBehind.results[1]!.problems.join('\n'));
      assert.deepEqual(leftBehind.leftovers, []);
      assert.deepEqual([...(await snapshotSchema(db)).keys()], []);
      // Partly applied: CONCURRENTLY runs outside a transaction and the second build fails.
      const partial = await proveInRunSchema(db, [
        BASE,
        m(
          '2026-01-03-003-partial',
          'CREATE INDEX CONCURRENTLY users_id_idx ON users (id);\nCREATE INDEX CONCURRENTLY nope_idx ON nope (a);',
          'SELECT 1;',
        ),
      ]);
      assert.deepEqual(
        partial.results.map((x) => x.status),
        ['proven', 'failed'],
      );
      assert.deepEqual(partial.leftovers, []);
      assert.deepEqual([...(await snapshotSchema(db)).keys()], []);
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
        assert.equal(r[1]!.status, 'failed', up);
        assert.ok(r[1]!.problems.includes(problem), `${up}\n${r[1]!.problems.join('\n')}`);
      }
    });

    it('a function body changed by the migration and not restored by the back-out is named', async (db) => {
      const f = (body: string) =>
        `CREATE OR REPLACE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT ${body} $$;`;
      const r = await proveBackouts(db, [
        m('2026-01-01-001-f', f('41'), 'DROP FUNCTION answer();'),
        m('2026-01-02-002-f', f('42'), f('40')),
      ]);
      assert.deepEqual(
        r.map((x) => x.status),
        ['proven', 'failed'],
      );
      assert.match(
        r[1]!.problems[0]!,
        /^function public\.answer\(\) differs: before ".* body md5 \w+", after ".* body md5 \w+"$/,
      );
    });

    it('refuses a database that is not empty', async (db) => {
      await db.exec('CREATE TABLE leftover (a int);');
      await assert.rejects(
        assertEmpty(db),
        /is not empty \(table public\.leftover.*throwaway empty database/,
      );
    });
  });
}

scenarios('PGlite', openPglite);

let server: PgServer | undefined;
scenarios('PostgreSQL (real server)', async () => {
  const s = await startPgServer();
  if ('skip' in s) return s;
  server = s;
  return openPostgres(s.url);
});
after(() => server?.stop());

test('an unreachable database names host:port and never the credentials', async () => {
  const user = ['gate', 'user'].join('_');
  const password = ['s3cr', 'et-pw'].join('');
  const url = `postgres://${user}:${password}@127.0.0.1:1/app`;
  const error = await openPostgres(url, { connectTimeoutMs: 2000 }).then(
    () => assert.fail('connected to port 1?'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof DatabaseUnreachableError);
  assert.match(error.message, /cannot connect to PostgreSQL at 127\.0\.0\.1:1/);
  assert.ok(
    !error.message.includes(password) && !error.message.includes(user),
    'no credentials in the message',
  );
});

test('a bad password on a real server is reported without the credentials', async (t) => {
  if (!server) return t.skip('skipped: no real PostgreSQL server in this run');
  // The test cluster uses trust auth, so a role that does not exist is what the server rejects.
  const url = `postgres://no_such_role_x:hunter-${Date.now()}@127.0.0.1:${server.port}/postgres`;
  const error = await openPostgres(url).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  assert.ok(error instanceof DatabaseUnreachableError);
  assert.ok(!error.message.includes('no_such_role_x'), error.message);
  assert.ok(error.message.includes(`127.0.0.1:${server.port}`));
});

test('the gate runs twice against the same real PostgreSQL database: every back-out proven both times', async (t) => {
  if (!server) return t.skip('skipped: no real PostgreSQL server in this run');
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
    assert.deepEqual(
      report.findings.filter((f) => f.level !== 'notice'),
      [],
      `run ${run}`,
    );
    assert.ok(report.entries.length > 0);
    assert.ok(
      report.entries.every((e) => e.backout.status === 'proven'),
      `run ${run}: ${JSON.stringify(report.entries.map((e) => e.backout))}`,
    );
  }
  const db = await openPostgres(url);
  assert.deepEqual([...(await snapshotSchema(db)).keys()], []);
  await db.close();
});

test('an extension a back-out leaves behind is named (real PostgreSQL: PGlite bundles none)', async (t) => {
  if (!server) return t.skip('skipped: no real PostgreSQL server in this run');
  const admin = await openPostgres(server.url);
  await admin.exec('DROP DATABASE IF EXISTS gate_ext');
  await admin.exec('CREATE DATABASE gate_ext');
  await admin.close();
  const db = await openPostgres(server.url.replace(/\/postgres$/, '/gate_ext'));
  try {
    const r = await proveInRunSchema(db, [
      m('2026-01-01-001-ext', 'CREATE EXTENSION IF NOT EXISTS citext;', 'SELECT 1;'),
    ]);
    assert.equal(r.results[0]!.status, 'failed');
    assert.ok(
      r.results[0]!.problems.includes('extension citext is left behind by the back-out'),
      r.results[0]!.problems.join('\n'),
    );
    assert.deepEqual(r.leftovers, [], 'the clean-up drops the extension');
  } finally {
    await db.close();
  }
});
