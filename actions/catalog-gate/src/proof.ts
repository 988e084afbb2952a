/**
 * The back-out proof proper: every migration is proven from the schema that precedes it, whatever
 * happened to the one before.
 *
 * A migration that can run in a transaction is proven inside one: up, SAVEPOINT, back-out,
 * snapshot and compare, up again, ROLLBACK TO SAVEPOINT, COMMIT. Whatever the back-out did is
 * undone by the savepoint, so the next migration starts from exactly "after this up". A script
 * that cannot run in a transaction (CONCURRENTLY, VACUUM) runs as written; when its proof fails,
 * the run schema is rebuilt from the ups that applied before it.
 *
 * SQL arrives pre-split into statements (the caller parses with libpg-query), so a failure is
 * reported at the failing statement's line and this module stays free of the wasm parser.
 */
import {
  describeDiff,
  diffSchemas,
  isEmptyDiff,
  SessionEndedError,
  snapshotSchema,
  type Database,
  type SchemaSnapshot,
} from './backout.ts';
import { maskDatabaseMessage, namesIn, MASK } from './mask.ts';

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

/** The message of a database error, with the values it quotes from the data masked. */
function safeMessage(error: unknown, sql: string): string {
  const e = error as Error & { code?: string };
  const known = namesIn(sql);
  // RAISE EXCEPTION builds its message from arbitrary values: keep only the words the script wrote.
  if (e.code === 'P0001')
    return e.message
      .split(/(\s+)/)
      .map((w) => (/^\s*$/.test(w) || sql.includes(w) ? w : MASK))
      .join('');
  return maskDatabaseMessage(e.message ?? String(error), known);
}

/** Runs the statements in order on the open session; returns the first failure. */
async function runStatements(db: Database, script: Script, skipTransactionControl: boolean) {
  let ran = 0;
  for (const s of script.statements) {
    if (skipTransactionControl && s.transactionControl) continue;
    try {
      await db.exec(s.text);
      ran++;
    } catch (error) {
      // Not the script's failure: the session is gone, and the caller decides what comes next.
      if (error instanceof SessionEndedError) throw error;
      const e = error as Error & { position?: string | number };
      const offset = Number(e.position);
      // PostgreSQL's position is 1-based within the statement text we sent.
      const line =
        Number.isFinite(offset) && offset > 0
          ? s.line + (s.text.slice(0, offset - 1).match(/\r\n|\r|\n/g)?.length ?? 0)
          : s.line;
      const failure: ScriptFailure = {
        file: script.file,
        line,
        message: safeMessage(error, s.text),
        partial: ran > 0,
      };
      return failure;
    }
  }
  return undefined;
}

/**
 * Runs a script; in one transaction unless it cannot be, so a failure halfway leaves nothing
 * applied. Returns the failure (file, line, PostgreSQL message with data values masked) or undefined.
 */
export async function runScript(db: Database, script: Script): Promise<ScriptFailure | undefined> {
  const wrap = !script.noTransaction;
  if (wrap) await db.exec('BEGIN');
  const failure = await runStatements(db, script, wrap);
  if (failure) {
    if (wrap) await db.exec('ROLLBACK').catch(() => {});
    return { ...failure, partial: !wrap && failure.partial };
  }
  if (wrap) await db.exec('COMMIT');
  return undefined;
}

export interface MigrationToProve {
  id: string;
  up: Script;
  /** The back-out to prove; undefined when there is none. */
  down?: Script;
  /** Why this migration must not run at all (dangerous SQL, an extension the engine lacks). */
  notProvable?: string;
}

/** proven; failed = not proven (the differences or the failing line); no-backout / not-provable say why. */
export type ProofStatus = 'proven' | 'failed' | 'no-backout' | 'not-provable';

export interface ProofResult {
  id: string;
  status: ProofStatus;
  /** What went wrong, one line each (differences name the objects). */
  problems: string[];
  /** Where to annotate: the failing statement, or the back-out file. */
  failure?: ScriptFailure;
  /** The back-out ran without error but left these differences. */
  differences?: boolean;
  generated?: boolean;
  ms: number;
}

/** Fails when the target database already holds user objects: the proof needs an empty one. */
export async function assertEmpty(db: Database, home?: string): Promise<void> {
  const snap = await snapshotSchema(db, home);
  if (snap.size > 0) {
    const sample = [...snap.keys()].slice(0, 3).join(', ');
    throw new Error(
      `database at ${db.label} is not empty (${sample}${snap.size > 3 ? ', …' : ''}); the back-out proof needs a throwaway empty database`,
    );
  }
}

export interface ProofOptions {
  clock?: () => number;
  /** The run schema (first on search_path); objects in it are named without it. */
  home?: string;
}

const SAVEPOINT = 'catalog_gate_backout';

export async function proveBackouts(
  db: Database,
  migrations: readonly MigrationToProve[],
  clock: () => number = () => performance.now(),
  home?: string,
): Promise<ProofResult[]> {
  const results: ProofResult[] = [];
  /** The ups that applied, in order: what a rebuild re-applies. */
  const applied: MigrationToProve[] = [];
  /** Set when the session cannot go on (it was ended, or a rebuild failed). */
  let broken: string | undefined;
  const settle = async () => {
    // A migration's SET (search_path, timeouts) must not leak into the next one.
    await db.exec('RESET ALL').catch(() => {});
    if (home) await db.exec(`SET search_path TO ${quote(home)}, public`).catch(() => {});
  };
  const rebuild = async (after: string): Promise<void> => {
    if (!home) {
      broken = `not provable: the schema could not be restored after ${after} (no run schema to rebuild)`;
      return;
    }
    await db.exec('ROLLBACK').catch(() => {});
    await cleanUp(db, home);
    await db.exec(`CREATE SCHEMA ${quote(home)}`);
    await settle();
    for (const m of applied) {
      const f = await runScript(db, m.up);
      if (f) {
        broken = `not provable: rebuilding the schema after ${after} failed at ${f.file}:${f.line}: ${f.message}`;
        return;
      }
    }
  };

  for (const m of migrations) {
    const started = clock();
    const done = (
      status: ProofStatus,
      problems: string[] = [],
      failure?: ScriptFailure,
      differences = false,
    ) => {
      const r: ProofResult = { id: m.id, status, problems, ms: clock() - started };
      if (failure) r.failure = failure;
      if (differences) r.differences = true;
      if (m.down?.generated) r.generated = true;
      results.push(r);
    };
    if (broken) {
      done('not-provable', [broken]);
      continue;
    }
    if (m.notProvable) {
      done('not-provable', [`not provable: ${m.notProvable}`]);
      continue;
    }
    try {
      const before = await snapshotSchema(db, home);
      let rebuildAfter = false;
      if (!m.up.noTransaction && !m.down?.noTransaction) await proveInTransaction(db, m, before, home, done);
      else rebuildAfter = await proveWithoutTransaction(db, m, before, home, done);
      if (results.at(-1)!.status !== 'failed' || !results.at(-1)!.problems[0]?.startsWith('up failed'))
        applied.push(m);
      // After this migration's own up is counted: the next one starts from "after this up".
      if (rebuildAfter) await rebuild(m.id);
    } catch (error) {
      if (error instanceof SessionEndedError && error.resumable) {
        // A fresh session (embedded PGlite restarted): this migration is not provable, the
        // schema before the next one is rebuilt from the ups that applied.
        if (results.at(-1)?.id !== m.id) done('not-provable', [`not provable: ${error.message}`]);
        await rebuild(m.id).catch((e: Error) => (broken = `not provable: ${e.message}`));
      } else {
        // The session itself failed (ended by the watchdog, connection lost): nothing later can run.
        broken = `not provable: the proof session stopped at ${m.id} (${(error as Error).message})`;
        if (results.at(-1)?.id !== m.id) done('not-provable', [broken]);
      }
    }
    await settle();
  }
  return results;
}

type Done = (
  status: ProofStatus,
  problems?: string[],
  failure?: ScriptFailure,
  differences?: boolean,
) => void;

async function proveInTransaction(
  db: Database,
  m: MigrationToProve,
  before: SchemaSnapshot,
  home: string | undefined,
  done: Done,
): Promise<void> {
  await db.exec('BEGIN');
  const upFailure = await runStatements(db, m.up, true);
  if (upFailure) {
    await db.exec('ROLLBACK');
    done('failed', [`up failed at ${upFailure.file}:${upFailure.line}: ${upFailure.message}`], upFailure);
    return;
  }
  if (!m.down) {
    await db.exec('COMMIT');
    done('no-backout', ['no back-out to prove']);
    return;
  }
  await db.exec(`SAVEPOINT ${SAVEPOINT}`);
  const downFailure = await runStatements(db, m.down, true);
  if (downFailure) {
    await db.exec(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    await db.exec('COMMIT');
    done(
      'failed',
      [
        `back-out failed at ${downFailure.file}:${downFailure.line}: ${downFailure.message}; nothing of the back-out was applied`,
      ],
      downFailure,
    );
    return;
  }
  const diff = diffSchemas(before, await snapshotSchema(db, home));
  const reapply = await runStatements(db, m.up, true);
  // Undo the back-out (and the second up): the next migration starts from "after this up".
  await db.exec(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
  await db.exec('COMMIT');
  verdict(m, diff, reapply, done);
}

/** Returns true when the schema no longer is "after this up" and must be rebuilt. */
async function proveWithoutTransaction(
  db: Database,
  m: MigrationToProve,
  before: SchemaSnapshot,
  home: string | undefined,
  done: Done,
): Promise<boolean> {
  const upFailure = await runScript(db, m.up);
  if (upFailure) {
    done('failed', [`up failed at ${upFailure.file}:${upFailure.line}: ${upFailure.message}`], upFailure);
    return upFailure.partial;
  }
  if (!m.down) {
    done('no-backout', ['no back-out to prove']);
    return false;
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
    return downFailure.partial;
  }
  const diff = diffSchemas(before, await snapshotSchema(db, home));
  const reapply = await runScript(db, m.up);
  verdict(m, diff, reapply, done);
  return !isEmptyDiff(diff) || reapply !== undefined;
}

function verdict(
  m: MigrationToProve,
  diff: ReturnType<typeof diffSchemas>,
  reapply: ScriptFailure | undefined,
  done: Done,
): void {
  const problems = describeDiff(diff);
  if (reapply)
    problems.push(
      `up cannot be re-applied after the back-out, at ${reapply.file}:${reapply.line}: ${reapply.message}`,
    );
  if (isEmptyDiff(diff) && !reapply) done('proven');
  else
    done(
      'failed',
      problems,
      reapply ?? { file: m.down!.file, line: 1, message: problems.join('; '), partial: false },
      !isEmptyDiff(diff),
    );
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
 * A sandbox (sandbox.ts) brings its own schema as `home`.
 */
export async function proveInRunSchema(
  db: Database & { home?: string },
  migrations: readonly MigrationToProve[],
  options: { clock?: () => number; schema?: string } = {},
): Promise<IsolatedProof> {
  const own = db.home === undefined;
  const schema =
    db.home ??
    options.schema ??
    `catalog_gate_run_${Math.floor(Math.random() * 0xffffffff)
      .toString(16)
      .padStart(8, '0')}`;
  await assertEmpty(db, own ? undefined : schema);
  if (own) await db.exec(`CREATE SCHEMA ${quote(schema)}`);
  try {
    await db.exec(`SET search_path TO ${quote(schema)}, public`);
    const results = await proveBackouts(db, migrations, options.clock, schema);
    let leftovers: string[];
    try {
      leftovers = await cleanUp(db, schema);
    } catch (error) {
      // A sandbox drops everything its role owns when it closes, whatever happened to the session.
      leftovers = own ? [`schema ${schema} (${(error as Error).message})`] : [];
    }
    return { results, leftovers, schema };
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
