/**
 * Back-out proof: apply each migration in catalog order to an empty database; around each one
 * snapshot the schema from pg_catalog, apply up, apply the back-out, compare with the snapshot,
 * then re-apply up so the next migration starts from the right state.
 *
 * We compare catalogs rather than pg_dump output: pg_dump 15.18 emits random `\restrict` lines, and
 * a re-added column lands at the end of the table, so column order is ignored by keying columns on
 * their names.
 *
 * SQL arrives pre-split into statements (the caller parses with libpg-query), so a failure is
 * reported at the failing statement's line and this module stays free of the wasm parser.
 */
import type { PGlite } from '@electric-sql/pglite';

/** The narrow surface both PGlite and node-postgres provide. */
export interface Database {
  /** host:port or "PGlite (embedded)"; never carries credentials. */
  readonly label: string;
  exec(sql: string): Promise<void>;
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

export class DatabaseUnreachableError extends Error {
  readonly endpoint: string;
  constructor(endpoint: string, reason: string) {
    super(
      `cannot connect to PostgreSQL at ${endpoint}: ${reason}; check that the server is running and database-url is right`,
    );
    this.name = 'DatabaseUnreachableError';
    this.endpoint = endpoint;
  }
}

export async function openPglite(): Promise<Database> {
  const { PGlite: PGliteClass } = await import('@electric-sql/pglite');
  const db: PGlite = new PGliteClass();
  await db.waitReady;
  return {
    label: 'PGlite (embedded)',
    exec: async (sql) => void (await db.exec(sql)),
    rows: async <T>(sql: string) => (await db.query<T>(sql)).rows,
    close: () => db.close(),
  };
}

/** host:port of a connection URL, for messages; the URL itself may hold a password. */
export function endpointOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}`;
  } catch {
    return '(unparseable database-url)';
  }
}

export async function openPostgres(
  url: string,
  options: { connectTimeoutMs?: number } = {},
): Promise<Database> {
  const endpoint = endpointOf(url);
  const pg = (await import('pg')).default;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUnreachableError(endpoint, 'database-url is not a valid postgres:// URL');
  }
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
  });
  // An idle connection error would otherwise crash the process as an unhandled 'error' event.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    // Server messages can name the user ("password authentication failed for user …"): scrub both parts.
    let reason = (error as Error).message || String((error as NodeJS.ErrnoException).code ?? error);
    for (const secret of [
      parsed.password,
      decodeURIComponent(parsed.password),
      parsed.username,
      decodeURIComponent(parsed.username),
    ]) {
      if (secret) reason = reason.split(secret).join('***');
    }
    await client.end().catch(() => {});
    throw new DatabaseUnreachableError(endpoint, reason);
  }
  return {
    label: endpoint,
    exec: async (sql) => void (await client.query(sql)),
    rows: async <T>(sql: string) => (await client.query(sql)).rows as T[],
    close: () => client.end(),
  };
}

// ---------------------------------------------------------------------------------------------
// Schema snapshots

/** Object key (e.g. `column public.users.phone`) → its definition. */
export type SchemaSnapshot = Map<string, string>;

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'`;

const SNAPSHOT_QUERIES: { kind: string; sql: string }[] = [
  {
    kind: 'schema',
    sql: `SELECT n.nspname AS key, '' AS def FROM pg_namespace n WHERE ${USER_SCHEMAS} AND n.nspname <> 'public'`,
  },
  {
    kind: 'table',
    sql: `SELECT n.nspname || '.' || c.relname AS key, c.relkind::text || ' persistence=' || c.relpersistence::text
                 || CASE WHEN c.relrowsecurity THEN ' ROW LEVEL SECURITY' ELSE '' END
                 || CASE WHEN c.relforcerowsecurity THEN ' FORCE ROW LEVEL SECURITY' ELSE '' END AS def
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'f') AND ${USER_SCHEMAS}`,
  },
  {
    kind: 'column',
    sql: `SELECT n.nspname || '.' || c.relname || '.' || a.attname AS key,
                 format_type(a.atttypid, a.atttypmod)
                 || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END
                 || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
                 || CASE a.attidentity WHEN 'a' THEN ' IDENTITY ALWAYS' WHEN 'd' THEN ' IDENTITY BY DEFAULT' ELSE '' END
                 || CASE a.attgenerated WHEN 's' THEN ' GENERATED STORED' ELSE '' END
                 || CASE WHEN a.attcollation <> ty.typcollation THEN ' COLLATE ' || quote_ident(co.collname) ELSE '' END AS def
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_type ty ON ty.oid = a.atttypid LEFT JOIN pg_collation co ON co.oid = a.attcollation
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND ${USER_SCHEMAS}`,
  },
  {
    kind: 'index',
    sql: `SELECT n.nspname || '.' || ic.relname AS key, pg_get_indexdef(i.indexrelid) || CASE WHEN i.indisvalid THEN '' ELSE ' (INVALID)' END AS def
          FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace WHERE ${USER_SCHEMAS}`,
  },
  {
    kind: 'constraint',
    sql: `SELECT n.nspname || '.' || coalesce(c.relname, t.typname) || '.' || con.conname AS key,
                 pg_get_constraintdef(con.oid) || CASE WHEN con.convalidated THEN '' ELSE ' (not validated)' END AS def
          FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace
          LEFT JOIN pg_class c ON c.oid = con.conrelid LEFT JOIN pg_type t ON t.oid = con.contypid WHERE ${USER_SCHEMAS}`,
  },
  {
    kind: 'sequence',
    sql: `SELECT n.nspname || '.' || c.relname AS key,
                 format_type(s.seqtypid, NULL) || ' start ' || s.seqstart || ' increment ' || s.seqincrement || ' min ' || s.seqmin || ' max ' || s.seqmax || ' cycle ' || s.seqcycle AS def
          FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${USER_SCHEMAS}`,
  },
  {
    kind: 'view',
    sql: `SELECT n.nspname || '.' || c.relname AS key, c.relkind::text || ' ' || pg_get_viewdef(c.oid) AS def
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND ${USER_SCHEMAS}`,
  },
  {
    kind: 'type',
    sql: `SELECT n.nspname || '.' || t.typname AS key, t.typtype::text || ' ' || coalesce(format_type(t.typbasetype, t.typtypmod), '')
                 || coalesce((SELECT ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '') AS def
          FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype IN ('d', 'e') AND ${USER_SCHEMAS}`,
  },
  {
    // Functions, procedures and aggregates by signature; the body as a hash (it can be long).
    kind: 'function',
    sql: `SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS key,
                 p.prokind::text || ' returns ' || coalesce(pg_get_function_result(p.oid), '-') || ' language ' || l.lanname
                 || ' volatility ' || p.provolatile::text || CASE WHEN p.prosecdef THEN ' SECURITY DEFINER' ELSE '' END
                 || coalesce(' SET ' || array_to_string(p.proconfig, ', '), '') || ' body md5 ' || md5(coalesce(p.prosrc, '') || coalesce(p.probin, '')) AS def
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang WHERE ${USER_SCHEMAS}`,
  },
  {
    kind: 'trigger',
    sql: `SELECT n.nspname || '.' || c.relname || '.' || t.tgname AS key, pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text AS def
          FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE NOT t.tgisinternal AND ${USER_SCHEMAS}`,
  },
  {
    kind: 'policy',
    sql: `SELECT n.nspname || '.' || c.relname || '.' || p.polname AS key,
                 CASE WHEN p.polpermissive THEN 'permissive' ELSE 'restrictive' END || ' for ' || p.polcmd::text
                 || ' to ' || coalesce((SELECT string_agg(CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r) END, ',' ORDER BY r) FROM unnest(p.polroles) r), '')
                 || coalesce(' using (' || pg_get_expr(p.polqual, p.polrelid) || ')', '')
                 || coalesce(' with check (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', '') AS def
          FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${USER_SCHEMAS}`,
  },
  {
    kind: 'extension',
    sql: `SELECT e.extname AS key, 'version ' || e.extversion || ' schema ' || n.nspname AS def
          FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE ${USER_SCHEMAS}`,
  },
];

/**
 * The user objects of the database. `home` is the proof's own schema (first on search_path):
 * its objects are named without it, as the migrations wrote them, and it is not listed itself.
 */
export async function snapshotSchema(db: Database, home?: string): Promise<SchemaSnapshot> {
  const snapshot: SchemaSnapshot = new Map();
  for (const q of SNAPSHOT_QUERIES) {
    for (const row of await db.rows<{ key: string; def: string }>(q.sql)) {
      if (!home) {
        snapshot.set(`${q.kind} ${row.key}`, row.def);
        continue;
      }
      if (q.kind === 'schema' && row.key === home) continue;
      const key = row.key.startsWith(`${home}.`) ? row.key.slice(home.length + 1) : row.key;
      const def = row.def.split(`${home}.`).join('');
      snapshot.set(
        `${q.kind} ${key}`,
        def.endsWith(` schema ${home}`) ? `${def.slice(0, -home.length)}(run schema)` : def,
      );
    }
  }
  return snapshot;
}

export interface SchemaDiff {
  /** Present after the back-out but not before. */
  added: string[];
  /** Present before but gone after the back-out. */
  removed: string[];
  changed: { object: string; before: string; after: string }[];
}

export function diffSchemas(before: SchemaSnapshot, after: SchemaSnapshot): SchemaDiff {
  const diff: SchemaDiff = { added: [], removed: [], changed: [] };
  for (const [key, def] of before) {
    if (!after.has(key)) diff.removed.push(key);
    else if (after.get(key) !== def) diff.changed.push({ object: key, before: def, after: after.get(key)! });
  }
  for (const key of after.keys()) if (!before.has(key)) diff.added.push(key);
  diff.added.sort();
  diff.removed.sort();
  diff.changed.sort((a, b) => a.object.localeCompare(b.object));
  return diff;
}

export function describeDiff(diff: SchemaDiff): string[] {
  return [
    ...diff.added.map((k) => `${k} is left behind by the back-out`),
    ...diff.removed.map((k) => `${k} is missing after the back-out`),
    ...diff.changed.map((c) => `${c.object} differs: before "${c.before}", after "${c.after}"`),
  ];
}

const isEmpty = (d: SchemaDiff) => d.added.length + d.removed.length + d.changed.length === 0;

// ---------------------------------------------------------------------------------------------
// Running scripts

export interface ScriptStatement {
  text: string;
  line: number;
  /** BEGIN/COMMIT/ROLLBACK written in the file; skipped when we wrap the script ourselves. */
  transactionControl?: boolean;
}

export interface Script {
  /** Display path for messages (workspace-relative). */
  file: string;
  statements: ScriptStatement[];
  /** CONCURRENTLY or VACUUM: cannot run inside a transaction block. */
  noTransaction: boolean;
  /** True when the back-out was derived by the gate rather than written by a person. */
  generated?: boolean;
}

export interface ScriptFailure {
  file: string;
  line: number;
  message: string;
  /** True when statements before the failing one stay applied (no transaction was possible). */
  partial: boolean;
}

/**
 * Runs a script; in one transaction unless it cannot be, so a failure halfway leaves nothing
 * applied. Returns the failure (file, line, PostgreSQL message) or undefined.
 */
export async function runScript(db: Database, script: Script): Promise<ScriptFailure | undefined> {
  const wrap = !script.noTransaction;
  if (wrap) await db.exec('BEGIN');
  let ran = 0;
  for (const s of script.statements) {
    if (wrap && s.transactionControl) continue;
    try {
      await db.exec(s.text);
      ran++;
    } catch (error) {
      if (wrap) await db.exec('ROLLBACK').catch(() => {});
      const e = error as Error & { position?: string | number };
      const offset = Number(e.position);
      // PostgreSQL's position is 1-based within the statement text we sent.
      const line =
        Number.isFinite(offset) && offset > 0
          ? s.line + (s.text.slice(0, offset - 1).match(/\r\n|\r|\n/g)?.length ?? 0)
          : s.line;
      return { file: script.file, line, message: e.message, partial: !wrap && ran > 0 };
    }
  }
  if (wrap) await db.exec('COMMIT');
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The proof

export interface MigrationToProve {
  id: string;
  up: Script;
  /** The back-out to prove; undefined when there is none. */
  down?: Script;
}

export type ProofStatus = 'proven' | 'failed' | 'no-backout' | 'not-run';

export interface ProofResult {
  id: string;
  status: ProofStatus;
  /** What went wrong, one line each (differences name the objects). */
  problems: string[];
  /** Where to annotate: the failing statement, or the back-out file. */
  failure?: ScriptFailure;
  generated?: boolean;
  ms: number;
}

/** Fails when the target database already holds user objects: the proof needs an empty one. */
export async function assertEmpty(db: Database): Promise<void> {
  const snap = await snapshotSchema(db);
  if (snap.size > 0) {
    const sample = [...snap.keys()].slice(0, 3).join(', ');
    throw new Error(
      `database at ${db.label} is not empty (${sample}${snap.size > 3 ? ', …' : ''}); the back-out proof needs a throwaway empty database`,
    );
  }
}

export async function proveBackouts(
  db: Database,
  migrations: readonly MigrationToProve[],
  clock: () => number = () => performance.now(),
  home?: string,
): Promise<ProofResult[]> {
  const results: ProofResult[] = [];
  let diverged: string | undefined;
  for (const m of migrations) {
    const started = clock();
    const done = (status: ProofStatus, problems: string[] = [], failure?: ScriptFailure): void => {
      const r: ProofResult = { id: m.id, status, problems, ms: clock() - started };
      if (failure) r.failure = failure;
      if (m.down?.generated) r.generated = true;
      results.push(r);
    };
    if (diverged) {
      done('not-run', [`not run: the schema no longer matches the catalog after ${diverged}`]);
      continue;
    }
    const before = await snapshotSchema(db, home);
    const upFailure = await runScript(db, m.up);
    if (upFailure) {
      done('failed', [`up failed at ${upFailure.file}:${upFailure.line}: ${upFailure.message}`], upFailure);
      diverged = m.id;
      continue;
    }
    if (!m.down) {
      done('no-backout', ['no back-out to prove']);
      continue;
    }
    const downFailure = await runScript(db, m.down);
    if (downFailure) {
      const left = downFailure.partial
        ? ' (statements before it stay applied: the script cannot run in a transaction)'
        : '; nothing of the back-out was applied';
      done(
        'failed',
        [`back-out failed at ${downFailure.file}:${downFailure.line}: ${downFailure.message}${left}`],
        downFailure,
      );
      if (downFailure.partial) diverged = m.id;
      continue;
    }
    const diff = diffSchemas(before, await snapshotSchema(db, home));
    const reapply = await runScript(db, m.up);
    const problems = describeDiff(diff);
    if (reapply) {
      problems.push(
        `up cannot be re-applied after the back-out, at ${reapply.file}:${reapply.line}: ${reapply.message}`,
      );
      diverged = m.id;
    }
    if (isEmpty(diff) && !reapply) done('proven');
    else
      done(
        'failed',
        problems,
        reapply ?? { file: m.down.file, line: 1, message: problems.join('; '), partial: false },
      );
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// One proof run on a shared server

export interface IsolatedProof {
  results: ProofResult[];
  /** Objects the clean-up could not remove (the database is left with them). */
  leftovers: string[];
  schema: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Runs the proof in a schema of its own (first on search_path), then drops it and whatever else
 * the migrations created outside it, so the database is empty again for the next run, also after
 * a failure. The database must be empty before: everything in it afterwards is ours to drop.
 */
export async function proveInRunSchema(
  db: Database,
  migrations: readonly MigrationToProve[],
  options: { clock?: () => number; schema?: string } = {},
): Promise<IsolatedProof> {
  await assertEmpty(db);
  const schema =
    options.schema ??
    `catalog_gate_run_${Math.floor(Math.random() * 0xffffffff)
      .toString(16)
      .padStart(8, '0')}`;
  await db.exec(`CREATE SCHEMA ${quote(schema)}`);
  try {
    await db.exec(`SET search_path TO ${quote(schema)}, public`);
    const results = await proveBackouts(db, migrations, options.clock, schema);
    return { results, leftovers: await cleanUp(db, schema), schema };
  } catch (error) {
    await cleanUp(db, schema).catch(() => []);
    throw error;
  }
}

/** Drops the run schema and every user object the run created elsewhere; returns what is left. */
export async function cleanUp(db: Database, schema: string): Promise<string[]> {
  // A script that failed outside our wrapping transaction may leave one open.
  await db.exec('ROLLBACK').catch(() => {});
  await db.exec('RESET search_path').catch(() => {});
  await db.exec(`DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE`);
  const drops: Record<string, string> = {
    extension: 'EXTENSION',
    schema: 'SCHEMA',
    view: 'VIEW',
    table: 'TABLE',
    sequence: 'SEQUENCE',
    type: 'TYPE',
  };
  // Extensions first (they own member objects), then schemas, then the rest.
  const order = (key: string) => (key.startsWith('extension ') ? 0 : key.startsWith('schema ') ? 1 : 2);
  const snap = [...(await snapshotSchema(db))].sort((a, b) => order(a[0]) - order(b[0]));
  for (const [key, def] of snap) {
    const [kind, name] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
    let what = drops[kind];
    if (!what) continue;
    if (kind === 'view' && def.startsWith('m ')) what = 'MATERIALIZED VIEW';
    if (kind === 'table' && def.startsWith('f ')) what = 'FOREIGN TABLE';
    if (kind === 'type' && def.startsWith('d ')) what = 'DOMAIN';
    const target =
      kind === 'schema' || kind === 'extension' ? quote(name) : name.split('.').map(quote).join('.');
    await db.exec(`DROP ${what} IF EXISTS ${target} CASCADE`).catch(() => {});
  }
  for (const [key, def] of await snapshotSchema(db)) {
    if (!key.startsWith('function ')) continue;
    const signature = key.slice('function '.length);
    const dot = signature.indexOf('.');
    const paren = signature.indexOf('(');
    const target = `${quote(signature.slice(0, dot))}.${quote(signature.slice(dot + 1, paren))}${signature.slice(paren)}`;
    await db
      .exec(`DROP ${def.startsWith('a ') ? 'AGGREGATE' : 'ROUTINE'} IF EXISTS ${target} CASCADE`)
      .catch(() => {});
  }
  return [...(await snapshotSchema(db)).keys()];
}
