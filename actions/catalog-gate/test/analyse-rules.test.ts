/**
 * The rules added for real migrations: dangerous server-side statements, DML without WHERE,
 * identifiers PostgreSQL truncates, foreign-key partners of a type change, same-type ALTER … TYPE,
 * and analysis time linear in the file size.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { loadParser, parseSql } from '../src/sql/parser.ts';
import { analyseStatements, emptySchemaState, sqlRule, type SchemaState } from '../src/sql/analyse.ts';
import { canonicalType } from '../src/sql/types.ts';
import { longIdentifiers } from '../src/sql/lexical.ts';

beforeAll(async () => {
  await loadParser();
});

const LT = "SET lock_timeout = '5s';\n";

function stateOf(...migrations: string[]): SchemaState {
  const state = emptySchemaState();
  for (const m of migrations) analyseStatements(parseSql(m), state);
  return state;
}
const analyse = (sql: string, state = emptySchemaState()) => analyseStatements(parseSql(sql, 'm.sql'), state);
const ruleIds = (sql: string, state?: SchemaState) =>
  [...new Set(analyse(sql, state).findings.map((f) => f.ruleId))].sort();

describe('never in a migration (error)', () => {
  test.each([
    ['DROP DATABASE', 'DROP DATABASE victim;', 'drop-database'],
    ['VACUUM then DROP DATABASE', 'VACUUM;\nDROP DATABASE IF EXISTS victim;', 'drop-database'],
    ['COPY TO PROGRAM', "COPY (SELECT 1) TO PROGRAM 'id > pwned.txt';", 'copy-program'],
    ['COPY FROM PROGRAM', "COPY t FROM PROGRAM 'curl x';", 'copy-program'],
    ['COPY FROM a server file', "COPY t FROM '/etc/passwd';", 'server-file-access'],
    ['pg_read_file in a cast', "SELECT pg_read_file('/etc/passwd')::int;", 'server-file-access'],
    [
      'pg_ls_dir nested',
      "CREATE TABLE x AS SELECT * FROM pg_catalog.pg_ls_dir('.') d;",
      'server-file-access',
    ],
    [
      'lo_import in a default',
      "CREATE TABLE y (a oid DEFAULT lo_import('/etc/hosts'));",
      'server-file-access',
    ],
    [
      'COPY PROGRAM spelled in a DO block',
      "DO $$ BEGIN EXECUTE 'COPY (SELECT 1) TO PROGRAM ''id'''; END $$;",
      'copy-program',
    ],
    [
      'pg_read_file in a function body',
      "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT pg_read_file('/etc/passwd') $$;",
      'server-file-access',
    ],
  ])('%s', (_, sql, id) => {
    const findings = analyse(sql).findings.filter((f) => f.ruleId === id);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.level === 'error' && f.risk === 'high')).toBe(true);
  });

  test('a plain COPY FROM STDIN and an ordinary function call are fine', () => {
    expect(ruleIds('COPY t FROM STDIN;')).toStrictEqual([]);
    expect(ruleIds("SELECT lower('X'), pg_sleep(0);")).toStrictEqual([]);
  });
});

describe('DML without WHERE', () => {
  const state = () => stateOf('CREATE TABLE sessions (id int, state text);');
  test('DELETE without WHERE on an existing table is high risk', () => {
    const f = analyse('DELETE FROM sessions;', state()).findings;
    expect(f.map((x) => [x.ruleId, x.risk, x.line])).toStrictEqual([['delete-without-where', 'high', 1]]);
  });
  test('UPDATE without WHERE is medium risk; with WHERE nothing', () => {
    expect(ruleIds("UPDATE sessions SET state = 'x';", state())).toStrictEqual(['update-without-where']);
    expect(sqlRule('update-without-where')?.risk).toBe('medium');
    expect(ruleIds("UPDATE sessions SET state = 'x' WHERE id < 100;", state())).toStrictEqual([]);
    expect(ruleIds('DELETE FROM sessions WHERE id = 1;', state())).toStrictEqual([]);
  });
  test('a table created in the same file is exempt', () => {
    expect(ruleIds('CREATE TABLE t (a int);\nUPDATE t SET a = 1;\nDELETE FROM t;')).toStrictEqual([]);
  });
});

describe('identifiers over 63 bytes', () => {
  test('unquoted, quoted and multi-byte names are measured in bytes as written', () => {
    const long = `c_${'x'.repeat(62)}`; // 64 bytes
    const r = analyse(`CREATE TABLE t (${long} int);`);
    expect(r.findings.map((f) => f.ruleId)).toStrictEqual(['identifier-too-long']);
    expect(r.findings[0]!.message).toContain('64 bytes');
    // 22 × "é" (2 bytes) + 20 ASCII = 64 bytes in 42 characters.
    expect(ruleIds(`CREATE TABLE "${'é'.repeat(22)}${'a'.repeat(20)}" (a int);`)).toStrictEqual([
      'identifier-too-long',
    ]);
    expect(ruleIds(`CREATE TABLE t_${'y'.repeat(61)} (a int);`)).toStrictEqual([]); // exactly 63
  });
  test('strings, comments and dollar quotes are not identifiers', () => {
    const long = 'z'.repeat(80);
    expect(
      longIdentifiers(`SELECT '${long}', E'\\'${long}', $f$ ${long} $f$ -- ${long}\n /* ${long} */ 1`),
    ).toStrictEqual([]);
  });
});

describe('ALTER COLUMN … TYPE', () => {
  test('same type after normalising the name is no rewrite, carried across migrations', () => {
    const state = stateOf(
      'CREATE TABLE public.accounts (id uuid PRIMARY KEY, seen timestamp, n integer, s character varying(20));',
      'ALTER TABLE accounts ADD COLUMN b boolean;',
    );
    const r = analyse(
      `${LT}ALTER TABLE accounts ALTER COLUMN id TYPE UUID, ALTER COLUMN seen TYPE timestamp without time zone, ALTER COLUMN n TYPE int4, ALTER COLUMN s TYPE varchar(20), ALTER COLUMN b TYPE bool;`,
      state,
    );
    expect(r.findings.map((f) => f.ruleId)).toStrictEqual([]);
    expect(r.rewrites).toBe(false);
  });
  test('a real change still rewrites, and binary-coercible ones keep their handling', () => {
    const state = () => stateOf('CREATE TABLE a (n int, s varchar(10));');
    expect(ruleIds(`${LT}ALTER TABLE a ALTER COLUMN n TYPE bigint;`, state())).toStrictEqual([
      'alter-column-type',
    ]);
    expect(ruleIds(`${LT}ALTER TABLE a ALTER COLUMN s TYPE text;`, state())).toStrictEqual([]);
    expect(ruleIds(`${LT}ALTER TABLE a ALTER COLUMN s TYPE varchar(5);`, state())).toStrictEqual([
      'alter-column-type',
    ]);
  });
  test.each([
    ['int', 'int4'],
    ['integer', 'int4'],
    ['pg_catalog.timestamptz', 'timestamptz'],
    ['character varying', 'varchar'],
    ['bigserial', 'int8'],
  ])('canonicalType(%s) = %s', (written, name) => expect(canonicalType(written)).toBe(name));

  test('a type change of a foreign-key column locks the table at the other end (ACCESS EXCLUSIVE)', () => {
    const state = () =>
      stateOf(
        'CREATE TABLE parent (id int PRIMARY KEY);',
        'CREATE TABLE child (id int, parent_id int REFERENCES parent);',
        'CREATE TABLE other (id int, p int);\nALTER TABLE other ADD CONSTRAINT other_p_fk FOREIGN KEY (p) REFERENCES parent (id) NOT VALID;',
      );
    const child = analyse(`${LT}ALTER TABLE child ALTER COLUMN parent_id TYPE bigint;`, state())
      .statements[1]!;
    expect(child.tables).toStrictEqual(['child', 'parent']);
    expect(child.lock).toBe('ACCESS EXCLUSIVE');
    expect(child.findings[0]!.message).toContain('ACCESS EXCLUSIVE on parent');
    const parent = analyse(`${LT}ALTER TABLE parent ALTER COLUMN id TYPE bigint;`, state()).statements[1]!;
    expect(parent.tables.sort()).toStrictEqual(['child', 'other', 'parent']);
    // Once the constraint is dropped, the other table is no longer involved.
    const s = state();
    analyse('ALTER TABLE other DROP CONSTRAINT other_p_fk;', s);
    expect(
      analyse(`${LT}ALTER TABLE parent ALTER COLUMN id TYPE bigint;`, s).statements[1]!.tables.sort(),
    ).toStrictEqual(['child', 'parent']);
  });
});

test('a 2 MB migration is analysed in seconds (positions and scans are linear)', () => {
  const chunk = [
    "-- backfill é\nALTER TABLE users ADD COLUMN c_$N text DEFAULT 'x'; /* note */\n",
    "INSERT INTO users (id, name) VALUES ($N, 'naïve ''quoted'' value');\n",
    'CREATE FUNCTION f_$N() RETURNS int LANGUAGE sql AS $body$ SELECT 1 $body$;\n',
  ].join('');
  let sql = 'CREATE TABLE users (id int, name text);\n';
  for (let n = 0; sql.length < 2_000_000; n++) sql += chunk.replaceAll('$N', String(n));
  const started = performance.now();
  const statements = parseSql(sql, 'big.sql');
  const r = analyseStatements(statements);
  const seconds = (performance.now() - started) / 1000;
  expect(r.statements.length).toBe(statements.length);
  expect(statements.at(-1)!.line).toBe(sql.split('\n').length - 1);
  // Generous bound: the point is linear (a rescan per statement took over a minute at 2 MB).
  expect(seconds).toBeLessThan(20);
});
