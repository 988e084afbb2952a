/**
 * The databases the back-out proof runs on (embedded PGlite, or a PostgreSQL server through
 * node-postgres) and schema snapshots from pg_catalog to compare before and after a back-out.
 *
 * We compare catalogs rather than pg_dump output: pg_dump 15.18 emits random `\restrict` lines, and
 * a re-added column lands at the end of the table, so column order is ignored by keying columns on
 * their names. NOT NULL is compared as the column property (attnotnull), never as a constraint:
 * PostgreSQL 18 (PGlite) records it as a named constraint too, PostgreSQL 15 does not.
 */
import { Worker } from 'node:worker_threads';
import { Redactor } from '../../../lib/redact.ts';
import { workerScript } from '../../../lib/worker-entry.ts';
import { PGLITE_WORKER_ROLE } from './pglite-role.ts';
import { PGLITE_CONTRIB } from './pglite-contrib.ts';
import type { PgliteReply, PgliteRequest } from './pglite-worker.ts';

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

/**
 * The session was ended because a statement ran past the timeout. `resumable`: the same Database
 * object goes on with a fresh, empty session (embedded PGlite restarts), so the proof can rebuild
 * the schema and carry on; otherwise (a PostgreSQL sandbox) nothing later can run on it.
 */
export class SessionEndedError extends Error {
  override name = 'SessionEndedError';
  readonly resumable: boolean;
  constructor(message: string, resumable: boolean) {
    super(message);
    this.resumable = resumable;
  }
}

const endedAfter = (limitMs: number) =>
  `the proof session was ended after a statement ran for ${Math.round(limitMs / 1000)} s (past statement_timeout)`;

/** Extensions that are part of PGlite itself (no module to load). */
const PGLITE_BUILTIN = new Set(['plpgsql']);

/** Whether CREATE EXTENSION name can work on PGlite. */
export function pgliteHasExtension(name: string): boolean {
  return name in PGLITE_CONTRIB || PGLITE_BUILTIN.has(name);
}

/**
 * PGlite on a worker thread (see pglite-worker.ts). A statement that runs past `statementMs` ends
 * the worker, the way the watchdog ends a PostgreSQL session; the call fails with a resumable
 * SessionEndedError and the next call starts a fresh, empty PGlite.
 */
export async function openPglite(
  extensionNames: readonly string[] = [],
  options: { statementMs?: number } = {},
): Promise<Database> {
  let session = await startPgliteWorker(extensionNames);
  let closed = false;
  const run = async (op: 'exec' | 'rows', sql: string) => {
    if (closed) throw new Error('PGlite closed');
    if (session.ended) session = await startPgliteWorker(extensionNames);
    const reply = await session.call(op, sql, options.statementMs);
    if (reply.ok) return reply.rows ?? [];
    // Timed out or crashed: the worker is gone with its schema, whatever the reason.
    if (session.ended) throw new SessionEndedError(reply.error.message, true);
    throw Object.assign(new Error(reply.error.message), reply.error);
  };
  return {
    label: 'PGlite (embedded)',
    exec: async (sql) => void (await run('exec', sql)),
    rows: async <T>(sql: string) => (await run('rows', sql)) as T[],
    close: async () => {
      closed = true;
      await session.close();
    },
  };
}

// Not a `new URL('./pglite-worker.ts', import.meta.url)` literal: the bundler would copy the
// TypeScript file as an asset. A bundle runs its own entry instead (lib/worker-entry.ts).
const PGLITE_WORKER_FILE = './pglite-worker.ts';
const PGLITE_WORKER_SOURCE = new URL(PGLITE_WORKER_FILE, import.meta.url);

interface PgliteWorkerSession {
  /** Set once the worker is gone (timed out, crashed or closed). */
  readonly ended: string | undefined;
  call(op: PgliteRequest['op'], sql: string | undefined, limitMs?: number): Promise<PgliteReply>;
  close(): Promise<void>;
}

async function startPgliteWorker(extensionNames: readonly string[]): Promise<PgliteWorkerSession> {
  const worker = new Worker(workerScript(PGLITE_WORKER_SOURCE), {
    workerData: { role: PGLITE_WORKER_ROLE, extensions: [...extensionNames] },
  });
  const waiting = new Map<number, (reply: PgliteReply) => void>();
  let ended: string | undefined;
  const endAll = (why: string) => {
    ended ??= why;
    for (const [id, resolve] of waiting) resolve({ id, ok: false, error: { message: ended } });
    waiting.clear();
  };
  worker.on('message', (reply: PgliteReply) => {
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  worker.on('error', (error) => endAll(`PGlite stopped: ${error.message}`));
  worker.on('exit', () => endAll('PGlite stopped'));
  // The worker answers id 0 once its PGlite is ready (or fails to start).
  const ready = new Promise<PgliteReply>((resolve) => waiting.set(0, resolve));
  let next = 1;
  const session: PgliteWorkerSession = {
    get ended() {
      return ended;
    },
    async call(op, sql, limitMs) {
      if (ended) return { id: 0, ok: false, error: { message: ended } };
      const id = next++;
      const reply = new Promise<PgliteReply>((resolve) => waiting.set(id, resolve));
      const timer =
        limitMs === undefined
          ? undefined
          : setTimeout(() => {
              endAll(endedAfter(limitMs));
              void worker.terminate();
            }, limitMs);
      const request: PgliteRequest = { id, op };
      if (sql !== undefined) request.sql = sql;
      worker.postMessage(request);
      try {
        return await reply;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (!ended) await session.call('close', undefined);
      ended ??= 'PGlite closed';
      await worker.terminate();
    },
  };
  const started = await ready;
  if (!started.ok) {
    await worker.terminate();
    throw new Error(`PGlite could not start: ${started.error.message}`);
  }
  return session;
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
  options: {
    connectTimeoutMs?: number;
    /** Server settings for the session (`-c name=value …`). */
    options?: string;
    /** End the session when one statement takes longer than this (milliseconds). */
    watchdogMs?: number;
  } = {},
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
    ...(options.options ? { options: options.options } : {}),
  });
  // An idle connection error would otherwise crash the process as an unhandled 'error' event.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    // Server messages can name the user ("password authentication failed for user …"): scrub both parts.
    const scrub = new Redactor();
    scrub.addUrlCredentials(parsed);
    const reason = scrub.redact(
      (error as Error).message || String((error as NodeJS.ErrnoException).code ?? error),
    );
    await client.end().catch(() => {});
    throw new DatabaseUnreachableError(endpoint, reason);
  }
  let ended: string | undefined;
  // The server's statement_timeout is the first bound; a migration can turn it off, so this one
  // ends the session from a second connection (as the same role: it may signal its own backends).
  const guarded = async <T>(sql: string): Promise<T> => {
    if (ended) throw new SessionEndedError(ended, false);
    const limit = options.watchdogMs;
    if (!limit) return (await client.query(sql)) as T;
    const pid = (client as unknown as { processID: number }).processID;
    let fired = false;
    const timer = setTimeout(() => {
      fired = true;
      void terminate(url, pid, options.connectTimeoutMs);
    }, limit);
    try {
      return (await client.query(sql)) as T;
    } catch (error) {
      if (!fired) throw error;
      ended = endedAfter(limit);
      throw new SessionEndedError(ended, false);
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    label: endpoint,
    exec: async (sql) => void (await guarded(sql)),
    rows: async <T>(sql: string) => (await guarded<{ rows: T[] }>(sql)).rows,
    close: () => client.end(),
  };
}

async function terminate(url: string, pid: number, connectTimeoutMs = 5000): Promise<void> {
  const pg = (await import('pg')).default;
  const killer = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  killer.on('error', () => {});
  try {
    await killer.connect();
    await killer.query('SELECT pg_terminate_backend($1)', [pid]);
  } catch {
    // The session may have ended by itself meanwhile; nothing else can be done from here.
  } finally {
    await killer.end().catch(() => {});
  }
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
          LEFT JOIN pg_class c ON c.oid = con.conrelid LEFT JOIN pg_type t ON t.oid = con.contypid
          WHERE con.contype <> 'n' AND ${USER_SCHEMAS}`,
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

export const isEmptyDiff = (d: SchemaDiff) => d.added.length + d.removed.length + d.changed.length === 0;
