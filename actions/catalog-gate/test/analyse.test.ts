import { beforeAll, expect, test } from '@jest/globals';
import { expectTruthy } from '../../../test/support/narrow.ts';
import { thrownBy } from '../../../test/support/errors.ts';

import { loadParser, parseSql, SqlParseError } from '../src/sql/parser.ts';
import { analyseStatements, emptySchemaState, suggestBackout, type SchemaState } from '../src/sql/analyse.ts';

beforeAll(async () => {
  await loadParser();
});

const LT = "SET lock_timeout = '5s';\n";
// Earlier migrations: the tables the snippets alter already exist.
const SETUP = `
CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100), name text, age int, org_id bigint, price numeric(10,2));
CREATE TABLE orgs (id bigint PRIMARY KEY);
CREATE INDEX users_email_idx ON users (email);
CREATE DOMAIN positive_int AS int CHECK (VALUE > 0);
CREATE DOMAIN plain_text AS text;
`;

function stateAfterSetup(): SchemaState {
  const state = emptySchemaState();
  analyseStatements(parseSql(SETUP), state);
  return state;
}

function analyse(sql: string, state = stateAfterSetup(), assumeInTransaction = false) {
  return analyseStatements(parseSql(sql, 'm.sql'), state, { assumeInTransaction });
}

const ids = (sql: string, state?: SchemaState) =>
  [...new Set(analyse(sql, state).findings.map((f) => f.ruleId))].sort();

// [description, sql, expected rule ids (sorted)]
const CASES: [string, string, string[]][] = [
  ['plain create index', LT + 'CREATE INDEX i ON users (name);', ['create-index-not-concurrent']],
  ['concurrent create index', 'CREATE INDEX CONCURRENTLY i ON users (name);', []],
  [
    'concurrent index in BEGIN',
    'BEGIN;\nCREATE INDEX CONCURRENTLY i ON users (name);\nCOMMIT;',
    ['concurrent-in-transaction'],
  ],
  ['index on a table created in the same file', 'CREATE TABLE t (a int);\nCREATE INDEX ti ON t (a);', []],
  ['drop index', LT + 'DROP INDEX users_email_idx;', ['drop-index-not-concurrent']],
  ['drop index concurrently', 'DROP INDEX CONCURRENTLY users_email_idx;', []],
  ['add nullable column', LT + 'ALTER TABLE users ADD COLUMN phone text;', []],
  ['add column constant default', LT + "ALTER TABLE users ADD COLUMN status text DEFAULT 'active';", []],
  ['add column now() default', LT + 'ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT now();', []],
  [
    'add column CURRENT_TIMESTAMP default',
    LT + 'ALTER TABLE users ADD COLUMN c timestamptz DEFAULT CURRENT_TIMESTAMP;',
    [],
  ],
  [
    'add column clock_timestamp()',
    LT + 'ALTER TABLE users ADD COLUMN c timestamptz DEFAULT clock_timestamp();',
    ['add-column-rewrite'],
  ],
  [
    'add column gen_random_uuid()',
    LT + 'ALTER TABLE users ADD COLUMN c uuid DEFAULT gen_random_uuid();',
    ['add-column-rewrite'],
  ],
  [
    'add identity column',
    LT + 'ALTER TABLE users ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;',
    ['add-column-rewrite'],
  ],
  ['add bigserial column', LT + 'ALTER TABLE users ADD COLUMN n bigserial;', ['add-column-rewrite']],
  [
    'add generated stored',
    LT + 'ALTER TABLE users ADD COLUMN n int GENERATED ALWAYS AS (age * 2) STORED;',
    ['add-column-rewrite'],
  ],
  [
    'add column of domain with CHECK',
    LT + 'ALTER TABLE users ADD COLUMN n positive_int;',
    ['add-column-rewrite'],
  ],
  ['add column of domain without CHECK', LT + 'ALTER TABLE users ADD COLUMN n plain_text;', []],
  ['add required column', LT + 'ALTER TABLE users ADD COLUMN n int NOT NULL;', ['add-required-column']],
  ['varchar widening', LT + 'ALTER TABLE users ALTER COLUMN email TYPE varchar(200);', []],
  ['varchar to text', LT + 'ALTER TABLE users ALTER COLUMN email TYPE text;', []],
  ['varchar narrowing', LT + 'ALTER TABLE users ALTER COLUMN email TYPE varchar(50);', ['alter-column-type']],
  ['int to bigint', LT + 'ALTER TABLE users ALTER COLUMN age TYPE bigint;', ['alter-column-type']],
  ['numeric precision increase', LT + 'ALTER TABLE users ALTER COLUMN price TYPE numeric(12,2);', []],
  [
    'type change with USING',
    LT + 'ALTER TABLE users ALTER COLUMN email TYPE text USING lower(email);',
    ['alter-column-type'],
  ],
  ['type of unknown column', LT + 'ALTER TABLE other ALTER COLUMN x TYPE text;', ['alter-column-type']],
  ['set not null', LT + 'ALTER TABLE users ALTER COLUMN name SET NOT NULL;', ['set-not-null-scan']],
  [
    'set not null after validated check',
    LT +
      'ALTER TABLE users ADD CONSTRAINT name_nn CHECK (name IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT name_nn;\nALTER TABLE users ALTER COLUMN name SET NOT NULL;',
    [],
  ],
  [
    'set not null after NOT VALID check only',
    LT +
      'ALTER TABLE users ADD CONSTRAINT name_nn CHECK (name IS NOT NULL) NOT VALID;\nALTER TABLE users ALTER COLUMN name SET NOT NULL;',
    ['set-not-null-scan'],
  ],
  [
    'add FK',
    LT + 'ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id);',
    ['add-foreign-key-validated'],
  ],
  [
    'add FK NOT VALID',
    LT + 'ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;',
    [],
  ],
  ['add check', LT + 'ALTER TABLE users ADD CONSTRAINT c CHECK (age > 0);', ['add-check-validated']],
  ['add check NOT VALID', LT + 'ALTER TABLE users ADD CONSTRAINT c CHECK (age > 0) NOT VALID;', []],
  ['add unique', LT + 'ALTER TABLE users ADD CONSTRAINT u UNIQUE (email);', ['add-unique-without-index']],
  [
    'add unique using index',
    LT + 'ALTER TABLE users ADD CONSTRAINT u UNIQUE USING INDEX users_email_idx;',
    [],
  ],
  ['add primary key', LT + 'ALTER TABLE orgs ADD PRIMARY KEY (id);', ['add-unique-without-index']],
  ['drop column', LT + 'ALTER TABLE users DROP COLUMN age;', ['drop-column']],
  ['drop table', LT + 'DROP TABLE orgs;', ['drop-table']],
  ['rename column', LT + 'ALTER TABLE users RENAME COLUMN name TO full_name;', ['rename-column']],
  ['rename table', LT + 'ALTER TABLE users RENAME TO people;', ['rename-table']],
  ['truncate', LT + 'TRUNCATE users;', ['truncate']],
  ['vacuum full', LT + 'VACUUM FULL users;', ['vacuum-full']],
  ['plain vacuum', 'VACUUM users;', []],
  ['cluster', LT + 'CLUSTER users USING users_email_idx;', ['cluster']],
  ['reindex', LT + 'REINDEX INDEX users_email_idx;', ['reindex-not-concurrent']],
  ['reindex concurrently', 'REINDEX INDEX CONCURRENTLY users_email_idx;', []],
  ['strong lock without lock_timeout', 'ALTER TABLE users ADD COLUMN phone text;', ['missing-lock-timeout']],
  [
    'lock_timeout reset to 0',
    "SET lock_timeout = '5s';\nSET lock_timeout = 0;\nALTER TABLE users ADD COLUMN phone text;",
    ['missing-lock-timeout'],
  ],
  ['lock_timeout as integer ms', 'SET lock_timeout TO 3000;\nALTER TABLE users ADD COLUMN phone text;', []],
  ['weak lock needs no timeout', 'ALTER TABLE users VALIDATE CONSTRAINT x;', []],
  ['insert is not a strong lock', 'INSERT INTO users (id) VALUES (1);', []],
  [
    'add column with inline REFERENCES',
    LT + 'ALTER TABLE users ADD COLUMN org2 bigint REFERENCES orgs (id);',
    ['add-foreign-key-validated'],
  ],
  [
    'add column with inline REFERENCES on a new table',
    LT + 'CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN o bigint REFERENCES orgs (id);',
    [],
  ],
  [
    'statement_timeout before CREATE INDEX CONCURRENTLY',
    "SET statement_timeout = '30s';\nCREATE INDEX CONCURRENTLY i ON users (name);",
    ['statement-timeout-concurrently'],
  ],
  [
    'statement_timeout before REINDEX CONCURRENTLY',
    'SET statement_timeout TO 60000;\nREINDEX INDEX CONCURRENTLY users_email_idx;',
    ['statement-timeout-concurrently'],
  ],
  [
    'statement_timeout reset to 0 before the build',
    "SET statement_timeout = '30s';\nSET statement_timeout = 0;\nCREATE INDEX CONCURRENTLY i ON users (name);",
    [],
  ],
  [
    'statement_timeout does not replace lock_timeout',
    "SET statement_timeout = '30s';\nALTER TABLE users ADD COLUMN phone text;",
    ['missing-lock-timeout'],
  ],
  // Option values: PostgreSQL reads false/off/0 (any case) as false, a bare option or true/on/1 as true.
  [
    'REINDEX (CONCURRENTLY false)',
    LT + 'REINDEX (CONCURRENTLY false) INDEX users_email_idx;',
    ['reindex-not-concurrent'],
  ],
  [
    'REINDEX (CONCURRENTLY OFF)',
    LT + 'REINDEX (CONCURRENTLY OFF) INDEX users_email_idx;',
    ['reindex-not-concurrent'],
  ],
  [
    'REINDEX (CONCURRENTLY 0)',
    LT + 'REINDEX (CONCURRENTLY 0) INDEX users_email_idx;',
    ['reindex-not-concurrent'],
  ],
  ['REINDEX (CONCURRENTLY true)', 'REINDEX (CONCURRENTLY true) INDEX users_email_idx;', []],
  ['REINDEX (CONCURRENTLY 1)', 'REINDEX (CONCURRENTLY 1) INDEX users_email_idx;', []],
  ['REINDEX (CONCURRENTLY)', 'REINDEX (CONCURRENTLY) INDEX users_email_idx;', []],
  ['VACUUM (FULL FALSE)', 'VACUUM (FULL FALSE) users;', []],
  ['VACUUM (FULL off)', 'VACUUM (FULL off) users;', []],
  ['VACUUM (FULL 0)', 'VACUUM (FULL 0) users;', []],
  ['VACUUM (FULL on)', LT + 'VACUUM (FULL on) users;', ['vacuum-full']],
  ['VACUUM (FULL, FULL false): the last one wins', 'VACUUM (FULL, FULL false) users;', []],
];

for (const [name, sql, expected] of CASES) {
  test(`rules: ${name}`, () => {
    expect(ids(sql)).toStrictEqual(expected);
  });
}

// [sql, expected lock, rewrites]
const LOCKS: [string, string | null, boolean][] = [
  ['CREATE INDEX i ON users (name);', 'SHARE', false],
  ['CREATE INDEX CONCURRENTLY i ON users (name);', 'SHARE UPDATE EXCLUSIVE', false],
  ['ALTER TABLE users ADD COLUMN phone text;', 'ACCESS EXCLUSIVE', false],
  ['ALTER TABLE users ADD COLUMN c uuid DEFAULT gen_random_uuid();', 'ACCESS EXCLUSIVE', true],
  [
    'ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;',
    'SHARE ROW EXCLUSIVE',
    false,
  ],
  ['ALTER TABLE users VALIDATE CONSTRAINT fk;', 'SHARE UPDATE EXCLUSIVE', false],
  ['ALTER TABLE users ADD CONSTRAINT c CHECK (age > 0) NOT VALID;', 'ACCESS EXCLUSIVE', false],
  ['ALTER TABLE users ALTER COLUMN age TYPE bigint;', 'ACCESS EXCLUSIVE', true],
  ['ALTER TABLE users ALTER COLUMN email TYPE text;', 'ACCESS EXCLUSIVE', false],
  ['VACUUM FULL users;', 'ACCESS EXCLUSIVE', true],
  ['CREATE TABLE fresh (a int);', null, false],
  ['SELECT 1;', null, false],
  ['LOCK TABLE users IN SHARE MODE;', 'SHARE', false],
];
for (const [sql, lock, rewrites] of LOCKS) {
  test(`lock: ${sql}`, () => {
    const s = analyse(sql).statements[0]!;
    expect(s.lock).toBe(lock);
    expect(s.rewrites).toBe(rewrites);
  });
}

test('REINDEX (CONCURRENTLY false) may run in a transaction; (CONCURRENTLY) may not', () => {
  expect(analyse('REINDEX (CONCURRENTLY false) INDEX users_email_idx;').needsNoTransaction).toBe(false);
  expect(analyse('REINDEX (CONCURRENTLY off) INDEX users_email_idx;').statements[0]!.lock).toBe('SHARE');
  expect(analyse('REINDEX (CONCURRENTLY) INDEX users_email_idx;').needsNoTransaction).toBe(true);
  expect([
    analyse('VACUUM (FULL false) users;').statements[0]!.lock,
    analyse('VACUUM (FULL false) users;').rewrites,
  ]).toStrictEqual(['SHARE UPDATE EXCLUSIVE', false]);
});

test('FK locks both tables', () => {
  expect(
    analyse(
      'ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;',
    ).statements[0]!.tables.sort(),
  ).toStrictEqual(['orgs', 'users']);
});

test('finding lines point at the statement, after comments and blank lines', () => {
  const sql =
    "-- migration: héllo wörld\n\nSET lock_timeout = '1s';\n\n/* multi\n line */\nCREATE INDEX i\n  ON users (name);\n";
  const result = analyse(sql);
  const f = result.findings.find((x) => x.ruleId === 'create-index-not-concurrent');
  expectTruthy(f);
  expect(f.line).toBe(7);
  expect(f.column).toBe(1);
  expect(result.statements[1]!.endLine).toBe(8);
});

test('detected risk is the strongest finding risk', () => {
  expect(analyse(LT + 'ALTER TABLE users ADD COLUMN phone text;').detectedRisk).toBe('low');
  expect(analyse(LT + 'CREATE INDEX i ON users (name);').detectedRisk).toBe('medium');
  expect(
    analyse(LT + 'CREATE INDEX i ON users (name);\nALTER TABLE users DROP COLUMN age;').detectedRisk,
  ).toBe('high');
});

test('runner-wrapped transaction flags CONCURRENTLY', () => {
  const r = analyseStatements(parseSql('CREATE INDEX CONCURRENTLY i ON users (name);'), stateAfterSetup(), {
    assumeInTransaction: true,
  });
  expect(r.findings.map((f) => f.ruleId)).toStrictEqual(['concurrent-in-transaction']);
  expect(r.needsNoTransaction).toBe(true);
});

test('domain and column state carry across files', () => {
  const state = emptySchemaState();
  analyseStatements(parseSql("CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');"), state);
  analyseStatements(parseSql('CREATE TABLE a (v varchar(10));'), state);
  expect(ids(LT + 'ALTER TABLE a ADD COLUMN e email;', state)).toStrictEqual(['add-column-rewrite']);
  expect(ids(LT + 'ALTER TABLE a ALTER COLUMN v TYPE varchar(20);', state)).toStrictEqual([]);
});

test('suggested back-out inverts in reverse order and marks irreversible statements', () => {
  const sql =
    LT +
    'CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY ti ON users (name);\nALTER TABLE users ADD COLUMN phone text, ADD CONSTRAINT c CHECK (age > 0) NOT VALID;\nALTER TABLE users DROP COLUMN age;';
  const b = suggestBackout(analyse(sql));
  expect(b.sql.split('\n')).toStrictEqual([
    'ALTER TABLE users DROP CONSTRAINT IF EXISTS c, DROP COLUMN IF EXISTS phone;',
    'DROP INDEX CONCURRENTLY IF EXISTS ti;',
    'DROP TABLE IF EXISTS t;',
  ]);
  expect(b.irreversible.map((i) => i.line)).toStrictEqual([5]);
  expect(b.irreversible[0]!.reason).toMatch(/age/);
});

test('parser errors carry the SQL file line and column (after multibyte text)', () => {
  const sql = '-- añadir teléfono\nALTER TABLE users\n  ADD COLUM phone text;\n';
  expect(
    ((e: unknown) =>
      e instanceof SqlParseError &&
      e.line === 3 &&
      e.column === 19 &&
      /x\.up\.sql:3:19/.test(e.message) &&
      /syntax error/.test(e.message))(thrownBy(() => parseSql(sql, 'db/migrations/x.up.sql'))),
  ).toBe(true);
});

test('parser error at end of input (unterminated string) points at the last line', () => {
  expect(
    ((e: unknown) => e instanceof SqlParseError && e.line === 2 && /unterminated/.test(e.message))(
      thrownBy(() => parseSql("SELECT 1;\nSELECT 'oops", 'a.sql')),
    ),
  ).toBe(true);
});

test('statement positions use characters, not UTF-8 bytes', () => {
  const stmts = parseSql("SELECT 'ééé';\nSELECT 2;");
  expect(stmts[1]!.text).toBe('SELECT 2');
  expect(stmts[1]!.line).toBe(2);
});

test('an empty or comment-only file has no statements', () => {
  expect(parseSql('')).toStrictEqual([]);
  expect(parseSql('-- nothing\n/* here */\n')).toStrictEqual([]);
});

test('ADD COLUMN with an inline UNIQUE builds an index under ACCESS EXCLUSIVE', () => {
  expect(ids(LT + 'ALTER TABLE users ADD COLUMN code text UNIQUE;')).toStrictEqual([
    'add-unique-without-index',
  ]);
});

test('inline REFERENCES locks the referenced table SHARE ROW EXCLUSIVE, the altered one ACCESS EXCLUSIVE', () => {
  const r = analyse(LT + 'ALTER TABLE users ADD COLUMN org2 bigint REFERENCES orgs (id);');
  const s = r.statements[1]!;
  expect(s.tables.sort()).toStrictEqual(['orgs', 'users']);
  expect(s.lock).toBe('ACCESS EXCLUSIVE');
  expect(r.detectedRisk).toBe('medium');
});

test('statement_timeout findings are low risk (a trap, not a lock risk) and the lock_timeout message names it', () => {
  const r = analyse("SET statement_timeout = '30s';\nCREATE INDEX CONCURRENTLY i ON users (name);");
  expect(r.detectedRisk).toBe('low');
  expect(r.findings[0]!.level).toBe('warning');
  const lt = analyse("SET statement_timeout = '30s';\nALTER TABLE users ADD COLUMN phone text;").findings[0]!;
  expect(lt.message).toMatch(/statement_timeout set earlier lets queries queue/);
});

test('CR and CRLF line endings: lines, comments and errors as PostgreSQL counts them', () => {
  // A lone CR ends a -- comment and a line; before the fix the statement after the comment vanished.
  const cr = parseSql("-- add an index\rSET lock_timeout = '1s';\rCREATE INDEX i ON users (name);\r");
  expect(cr.map((x) => [x.line, x.column, x.text])).toStrictEqual([
    [2, 1, "SET lock_timeout = '1s'"],
    [3, 1, 'CREATE INDEX i ON users (name)'],
  ]);
  expect(ids('-- c\rCREATE INDEX i ON users (name);')).toStrictEqual([
    'create-index-not-concurrent',
    'missing-lock-timeout',
  ]);
  const crlf = parseSql('-- a\r\n-- b\r\nSELECT 1;\r\n\r\nSELECT 2;\r\n');
  expect(crlf.map((x) => x.line)).toStrictEqual([3, 5]);
  for (const eol of ['\r', '\r\n', '\n']) {
    expect(
      ((e: unknown) => e instanceof SqlParseError && e.line === 3 && e.column === 1)(
        thrownBy(() => parseSql(`SELECT 1;${eol}-- x${eol}CREAT INDEX i ON t (a);${eol}`, 'm.sql')),
      ),
    ).toBe(true);
  }
});

test('ALTER COLUMN TYPE … USING on a table no migration created is flagged, not a crash', () => {
  const r = analyseStatements(
    parseSql(
      LT + 'ALTER TABLE legacy_invoices ALTER COLUMN amount TYPE bigint USING amount::bigint;',
      'm.sql',
    ),
    emptySchemaState(),
  );
  expect(r.findings.map((f) => [f.ruleId, f.line])).toStrictEqual([['alter-column-type', 2]]);
  expect(r.findings[0]!.message).toMatch(
    /current type of amount is unknown to this catalog, so int8 may rewrite/,
  );
  const known = analyse(LT + 'ALTER TABLE users ALTER COLUMN age TYPE bigint USING age::bigint;');
  expect(known.findings[0]!.message).toMatch(
    /ALTER COLUMN age TYPE int8 on users: int4 → int8 with USING rewrites/,
  );
});

test('an analyser failure on one statement is an error finding at its line; the other findings stay', () => {
  // A node shape the analyser does not expect (a null command) stands in for any analyser bug.
  const [first, third] = parseSql(
    'CREATE INDEX a ON users (name);\nSELECT 1;\nCREATE INDEX b ON users (email);',
    'm.sql',
  ).filter((_, i) => i !== 1);
  const broken = {
    node: { AlterTableStmt: { relation: { relname: 'users' }, cmds: [null] } },
    line: 2,
    column: 1,
    endLine: 2,
  };
  const r = analyseStatements([first!, broken as never, third!], stateAfterSetup());
  expect(r.findings.map((f) => [f.ruleId, f.level, f.line])).toStrictEqual([
    ['create-index-not-concurrent', 'warning', 1],
    ['missing-lock-timeout', 'warning', 1],
    ['analyser-error', 'error', 2],
    ['create-index-not-concurrent', 'warning', 3],
    ['missing-lock-timeout', 'warning', 3],
  ]);
  expect(r.findings[2]!.message).toMatch(
    /could not analyse this AlterTableStmt \(.+\); its locks and risk are unknown/,
  );
});

// [rule id, line] of every finding, so a test can tell which statement raised it.
const at = (sql: string, assumeInTransaction = false) =>
  analyse(sql, stateAfterSetup(), assumeInTransaction).findings.map((f) => [f.ruleId, f.line]);

test('SET LOCAL lock_timeout ends at COMMIT: a statement after it has no lock timeout', () => {
  expect(
    at(
      "BEGIN;\nSET LOCAL lock_timeout = '2s';\nALTER TABLE users ADD COLUMN a text;\nCOMMIT;\nALTER TABLE users ADD COLUMN b text;",
    ),
  ).toStrictEqual([['missing-lock-timeout', 5]]);
  // END and ROLLBACK end it too; a runner-wrapped file counts it until its own COMMIT.
  expect(at("BEGIN;\nSET LOCAL lock_timeout = '2s';\nEND;\nTRUNCATE users;").map((f) => f[0])).toStrictEqual([
    'truncate',
    'missing-lock-timeout',
  ]);
  expect(at("SET LOCAL lock_timeout = '2s';\nALTER TABLE users ADD COLUMN a text;", true)).toStrictEqual([]);
});

test('a plain SET lock_timeout survives COMMIT, ROLLBACK undoes it, SET LOCAL before BEGIN lasts to the first COMMIT', () => {
  expect(at("BEGIN;\nSET lock_timeout = '2s';\nCOMMIT;\nALTER TABLE users ADD COLUMN a text;")).toStrictEqual(
    [],
  );
  expect(
    at("BEGIN;\nSET lock_timeout = '2s';\nROLLBACK;\nALTER TABLE users ADD COLUMN a text;"),
  ).toStrictEqual([['missing-lock-timeout', 4]]);
  // The runner wraps a file without CONCURRENTLY in one transaction (eugene's E9 good example).
  expect(at("SET LOCAL lock_timeout = '2s';\nALTER TABLE users ADD COLUMN a text;")).toStrictEqual([]);
  expect(at("SET LOCAL lock_timeout = '2s';\nCOMMIT;\nALTER TABLE users ADD COLUMN a text;")).toStrictEqual([
    ['missing-lock-timeout', 3],
  ]);
});

test('CREATE TABLE AS, CREATE MATERIALIZED VIEW AS and SELECT INTO create new relations', () => {
  for (const create of [
    'CREATE TABLE n AS SELECT id, name FROM users;',
    'CREATE MATERIALIZED VIEW n AS SELECT id, name FROM users;',
    'SELECT id, name INTO n FROM users;',
  ])
    expect(at(`${create}\nCREATE INDEX ni ON n (id);\nCREATE UNIQUE INDEX nu ON n (name);`)).toStrictEqual(
      [],
    );
  const r = analyse('CREATE TABLE n AS SELECT id FROM users;\nCREATE MATERIALIZED VIEW m AS SELECT 1;');
  expect(r.statements.map((s) => s.inverse)).toStrictEqual([
    'DROP TABLE IF EXISTS n;',
    'DROP MATERIALIZED VIEW IF EXISTS m;',
  ]);
});

test('a DO block is a warning that its body cannot be analysed, at its line', () => {
  const r = analyse(
    LT + "\nDO $$\nBEGIN\n  EXECUTE 'ALTER TABLE users ALTER COLUMN age TYPE bigint';\nEND\n$$;",
  );
  expect(r.findings.map((f) => [f.ruleId, f.level, f.line])).toStrictEqual([
    ['do-block-not-analysed', 'warning', 3],
  ]);
  expect(r.findings[0]!.message).toMatch(/body is not analysed/);
});

test('ADD CONSTRAINT … NOT VALID then VALIDATE in the same transaction is flagged at the VALIDATE', () => {
  const pair =
    'ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_org_fk;';
  expect(at(`${LT}BEGIN;\n${pair}\nCOMMIT;`)).toStrictEqual([['validate-in-same-transaction', 4]]);
  expect(at(LT + pair, true)).toStrictEqual([['validate-in-same-transaction', 3]]);
  const check =
    'ALTER TABLE users ADD CONSTRAINT age_pos CHECK (age > 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT age_pos;';
  expect(analyse(`${LT}BEGIN;\n${check}\nCOMMIT;`).findings[0]?.message ?? '').toMatch(
    /VALIDATE CONSTRAINT age_pos on users runs in the transaction that added it NOT VALID \(line 3\)/,
  );
  // Autocommit, a COMMIT in between, or another constraint: the ADD's lock is gone.
  expect(at(LT + pair)).toStrictEqual([]);
  expect(at(`${LT}BEGIN;\n${pair.replace('\n', '\nCOMMIT;\nBEGIN;\n')}\nCOMMIT;`)).toStrictEqual([]);
  expect(at(`${LT}BEGIN;\nALTER TABLE users VALIDATE CONSTRAINT other;\nCOMMIT;`)).toStrictEqual([]);
});

test('DROP of a function, procedure or type locks no table; DROP TRIGGER/POLICY locks its table; DROP VIEW the view', () => {
  const only = (sql: string) => {
    const r = analyse(`${LT}${sql}`).statements.at(-1)!;
    return { tables: r.tables, lock: r.lock };
  };
  for (const sql of [
    'DROP PROCEDURE create_attribute_view();',
    'DROP FUNCTION IF EXISTS f(int);',
    'DROP TYPE IF EXISTS mood;',
    'DROP EXTENSION IF EXISTS pg_trgm;',
  ])
    expect(only(sql).tables).toStrictEqual([]);
  expect(only('DROP TRIGGER trg ON public.users;')).toStrictEqual({
    tables: ['public.users'],
    lock: 'ACCESS EXCLUSIVE',
  });
  expect(only('DROP POLICY p ON users;')).toStrictEqual({ tables: ['users'], lock: 'ACCESS EXCLUSIVE' });
  expect(only('DROP VIEW v1, s.v2;')).toStrictEqual({ tables: ['v1', 's.v2'], lock: 'ACCESS EXCLUSIVE' });
  // The risk of a file that only drops a procedure is not raised by a lock on '?'.
  expect(analyse(`${LT}DROP PROCEDURE p();`).statements.flatMap((s) => s.tables)).not.toContain('?');
});
