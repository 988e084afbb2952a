/**
 * Lock and rewrite analysis of parsed PostgreSQL statements (pure: no I/O, no wasm).
 *
 * Lock levels follow what a live PostgreSQL 15 takes (ARCHITECTURE §3): CREATE INDEX = SHARE;
 * ADD/DROP/RENAME COLUMN, SET NOT NULL, ALTER TYPE, ADD CHECK (even NOT VALID), ADD UNIQUE/PK =
 * ACCESS EXCLUSIVE; FK = SHARE ROW EXCLUSIVE on both tables; CONCURRENTLY and VALIDATE CONSTRAINT =
 * SHARE UPDATE EXCLUSIVE. Fast defaults (PG 11+) do not rewrite for constants and stable functions
 * such as now(); volatile defaults, identity, serial, GENERATED STORED and domains with CHECK do.
 *
 * Statements on a table created earlier in the same file are exempt from lock findings: the table
 * is new and empty, nobody else can be waiting on it.
 */
import type { Node } from 'libpg-query';

export const LOCK_LEVELS = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
] as const;
export type LockLevel = (typeof LOCK_LEVELS)[number];
export type Risk = 'low' | 'medium' | 'high';
export const RISKS: readonly Risk[] = ['low', 'medium', 'high'];

export function lockRank(lock: LockLevel | null): number {
  return lock === null ? 0 : LOCK_LEVELS.indexOf(lock) + 1;
}
export function riskRank(risk: Risk): number {
  return RISKS.indexOf(risk);
}
export function maxRisk(a: Risk, b: Risk): Risk {
  return riskRank(a) >= riskRank(b) ? a : b;
}

export interface SqlRule {
  id: string;
  risk: Risk;
  level: 'error' | 'warning';
  title: string;
  help: string;
}

function rule(
  id: string,
  risk: Risk,
  title: string,
  help: string,
  level: 'error' | 'warning' = 'warning',
): SqlRule {
  return { id, risk, level, title, help };
}

/** Rule ids are stable: reports, suppressions and the conformance mapping refer to them. */
export const SQL_RULES = {
  createIndex: rule(
    'create-index-not-concurrent',
    'medium',
    'CREATE INDEX without CONCURRENTLY',
    'Blocks writes (SHARE lock) for the whole build. Use CREATE INDEX CONCURRENTLY outside a transaction.',
  ),
  dropIndex: rule(
    'drop-index-not-concurrent',
    'medium',
    'DROP INDEX without CONCURRENTLY',
    'Takes ACCESS EXCLUSIVE on the table. Use DROP INDEX CONCURRENTLY outside a transaction.',
  ),
  concurrentInTx: rule(
    'concurrent-in-transaction',
    'high',
    'CONCURRENTLY inside a transaction',
    'PostgreSQL refuses CONCURRENTLY inside a transaction block; the migration fails. Run it in its own migration without BEGIN.',
    'error',
  ),
  addColumnRewrite: rule(
    'add-column-rewrite',
    'high',
    'ADD COLUMN rewrites the table',
    'A volatile default, identity, serial, GENERATED STORED or a domain with CHECK rewrites the table under ACCESS EXCLUSIVE. Add the column plain, backfill in batches, then set the default.',
  ),
  addRequiredColumn: rule(
    'add-required-column',
    'medium',
    'ADD COLUMN NOT NULL without a default',
    'Fails on a table that has rows. Add it nullable or with a constant default.',
  ),
  alterColumnType: rule(
    'alter-column-type',
    'high',
    'ALTER COLUMN TYPE rewrites the table',
    'Changing a type (other than widening varchar or varchar to text) rewrites the table and its indexes under ACCESS EXCLUSIVE. Add a new column, backfill, and swap.',
  ),
  setNotNull: rule(
    'set-not-null-scan',
    'medium',
    'SET NOT NULL without a validated CHECK',
    'Scans the whole table under ACCESS EXCLUSIVE. First add CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, then SET NOT NULL.',
  ),
  addForeignKey: rule(
    'add-foreign-key-validated',
    'medium',
    'ADD FOREIGN KEY without NOT VALID',
    'Validating scans the table while holding SHARE ROW EXCLUSIVE on both tables. Add it NOT VALID, then VALIDATE CONSTRAINT.',
  ),
  addCheck: rule(
    'add-check-validated',
    'medium',
    'ADD CHECK without NOT VALID',
    'Validating scans the table under ACCESS EXCLUSIVE. Add it NOT VALID, then VALIDATE CONSTRAINT.',
  ),
  addUnique: rule(
    'add-unique-without-index',
    'medium',
    'ADD UNIQUE/PRIMARY KEY without USING INDEX',
    'Builds the index under ACCESS EXCLUSIVE. CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX.',
  ),
  dropColumn: rule(
    'drop-column',
    'high',
    'DROP COLUMN loses data',
    'The data cannot be restored by a back-out. Stop reading the column first and keep a copy if needed.',
  ),
  dropTable: rule(
    'drop-table',
    'high',
    'DROP TABLE loses data',
    'The data cannot be restored by a back-out.',
  ),
  renameColumn: rule(
    'rename-column',
    'medium',
    'RENAME COLUMN breaks running code',
    'Deployed code still uses the old name. Add a new column or a view, migrate readers, then drop.',
  ),
  renameTable: rule(
    'rename-table',
    'medium',
    'RENAME TABLE breaks running code',
    'Deployed code still uses the old name. Use a view for the transition.',
  ),
  truncate: rule(
    'truncate',
    'high',
    'TRUNCATE loses data',
    'Removes every row under ACCESS EXCLUSIVE; no back-out can restore them.',
  ),
  vacuumFull: rule(
    'vacuum-full',
    'high',
    'VACUUM FULL rewrites the table',
    'Rewrites under ACCESS EXCLUSIVE. Use pg_repack or plain VACUUM.',
  ),
  cluster: rule(
    'cluster',
    'high',
    'CLUSTER rewrites the table',
    'Rewrites under ACCESS EXCLUSIVE. Use pg_repack.',
  ),
  reindex: rule(
    'reindex-not-concurrent',
    'medium',
    'REINDEX without CONCURRENTLY',
    'Blocks writes to the table and reads through the index. Use REINDEX … CONCURRENTLY (PG 12+).',
  ),
  statementTimeoutConcurrent: rule(
    'statement-timeout-concurrently',
    'low',
    'statement_timeout set before a CONCURRENTLY build',
    'A concurrent build runs as long as the table needs; when statement_timeout cancels it, PostgreSQL leaves an INVALID index behind that still slows writes and must be dropped before a retry. SET statement_timeout = 0 before the build (keep lock_timeout).',
  ),
  validateSameTransaction: rule(
    'validate-in-same-transaction',
    'medium',
    'VALIDATE CONSTRAINT in the transaction that added it NOT VALID',
    'The lock the ADD CONSTRAINT … NOT VALID took (ACCESS EXCLUSIVE for a CHECK, SHARE ROW EXCLUSIVE on both tables for a FOREIGN KEY) is held until the transaction ends, so the validating scan runs under it and NOT VALID buys nothing. COMMIT between them, or validate in a later migration.',
  ),
  doBlock: rule(
    'do-block-not-analysed',
    'low',
    'DO block: the body cannot be analysed',
    'The body of a DO block is procedural code (PL/pgSQL or another language) that the SQL parser does not look into, so its locks, rewrites and data loss are unknown. Put the DDL in plain statements, or review the block by hand.',
  ),
  analyserError: rule(
    'analyser-error',
    'low',
    'The statement could not be analysed',
    'catalog-gate failed on this statement, so its locks and risk are unknown. Review it by hand and report the statement to the catalog-gate maintainers.',
    'error',
  ),
  lockTimeout: rule(
    'missing-lock-timeout',
    'medium',
    'No lock_timeout before a strong lock',
    "A statement waiting for SHARE or stronger queues every later query behind it. SET lock_timeout first (e.g. SET lock_timeout = '5s') and retry.",
  ),
} as const satisfies Record<string, SqlRule>;

export type SqlRuleId = (typeof SQL_RULES)[keyof typeof SQL_RULES]['id'];
const RULE_BY_ID = new Map<string, SqlRule>(Object.values(SQL_RULES).map((r) => [r.id, r]));
export function sqlRule(id: string): SqlRule | undefined {
  return RULE_BY_ID.get(id);
}

export interface StatementInput {
  node: Node;
  line: number;
  column: number;
  endLine: number;
}

export interface SqlFinding {
  ruleId: SqlRuleId;
  risk: Risk;
  level: 'error' | 'warning';
  message: string;
  line: number;
  column: number;
  statement: number;
}

export interface StatementReport {
  index: number;
  kind: string;
  line: number;
  column: number;
  endLine: number;
  /** Existing tables the statement locks (schema-qualified when written so). */
  tables: string[];
  /** The strongest lock taken on an existing table; null when only new objects are touched. */
  lock: LockLevel | null;
  rewrites: boolean;
  findings: SqlFinding[];
  /** A statement that undoes this one, when one can be derived. */
  inverse?: string;
  /** Why this statement cannot be undone by SQL (data loss), when that is the case. */
  irreversible?: string;
}

export interface SqlAnalysis {
  statements: StatementReport[];
  findings: SqlFinding[];
  detectedRisk: Risk;
  maxLock: LockLevel | null;
  rewrites: boolean;
  /** True when some statement cannot run inside a transaction block (CONCURRENTLY, VACUUM). */
  needsNoTransaction: boolean;
}

/** What earlier migrations established; carried from file to file in catalog order. */
export interface SchemaState {
  domainsWithCheck: Set<string>;
  /** table -> column -> type as written (e.g. "varchar(20)", "text"). */
  columns: Map<string, Map<string, ColumnType>>;
  /** "table.column" with a validated CHECK (column IS NOT NULL). */
  validatedNotNull: Set<string>;
  /** "table.constraint" -> column, for NOT VALID checks of the form col IS NOT NULL. */
  pendingNotNullChecks: Map<string, string>;
  /** index name -> table */
  indexTables: Map<string, string>;
}

export interface ColumnType {
  name: string;
  mods: number[];
  array: boolean;
}

export function emptySchemaState(): SchemaState {
  return {
    domainsWithCheck: new Set(),
    columns: new Map(),
    validatedNotNull: new Set(),
    pendingNotNullChecks: new Map(),
    indexTables: new Map(),
  };
}

// The AST is a deeply nested tagged union generated from PostgreSQL's C structs; walking it with
// full static types costs more than it catches here, so bodies are read as loose records.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

function unwrap(node: unknown): [string, Body] {
  const key = Object.keys(node as object)[0] ?? 'Unknown';
  return [key, (node as Record<string, Body>)[key]];
}

function rangeVarName(rv: Body): string {
  if (!rv) return '?';
  return rv.schemaname ? `${rv.schemaname}.${rv.relname}` : String(rv.relname);
}

function qualifiedFromList(list: Body): string {
  // DROP objects arrive as List { items: [String, String] } for schema.name.
  const items: Body[] = list?.List?.items ?? (Array.isArray(list) ? list : [list]);
  return items.map((i) => i?.String?.sval ?? '?').join('.');
}

const quoteIdent = (name: string): string =>
  name
    .split('.')
    .map((p) => (/^[a-z_][a-z0-9_$]*$/.test(p) ? p : `"${p.replace(/"/g, '""')}"`))
    .join('.');

function typeOf(typeName: Body): ColumnType {
  const names: string[] = (typeName?.names ?? []).map((n: Body) => n?.String?.sval ?? '');
  const filtered = names[0] === 'pg_catalog' ? names.slice(1) : names;
  const mods: number[] = (typeName?.typmods ?? []).map((m: Body) => Number(m?.A_Const?.ival?.ival ?? 0));
  return {
    name: filtered.join('.'),
    mods,
    array: Array.isArray(typeName?.arrayBounds) && typeName.arrayBounds.length > 0,
  };
}

function typeText(t: ColumnType): string {
  return `${t.name}${t.mods.length ? `(${t.mods.join(',')})` : ''}${t.array ? '[]' : ''}`;
}

const SERIAL_TYPES = new Set(['serial', 'bigserial', 'smallserial', 'serial2', 'serial4', 'serial8']);
/** Functions whose value is fixed for a statement (stable or immutable): a fast default stays fast. */
const NON_VOLATILE_FUNCTIONS = new Set([
  'now',
  'statement_timestamp',
  'transaction_timestamp',
  'current_date',
  'current_timestamp',
  'localtimestamp',
  'lower',
  'upper',
  'coalesce',
  'concat',
  'make_interval',
  'to_timestamp',
  'jsonb_build_object',
  'json_build_object',
  'jsonb_build_array',
  'array_fill',
  'abs',
  'length',
  'md5',
]);

/** Null when the expression cannot change per row; otherwise why it is (or may be) volatile. */
function volatility(expr: Body): string | null {
  if (expr === undefined || expr === null) return null;
  const [tag, b] = unwrap(expr);
  switch (tag) {
    case 'A_Const':
    case 'SQLValueFunction':
      return null;
    case 'TypeCast':
      return volatility(b.arg);
    case 'A_Expr':
      return volatility(b.lexpr) ?? volatility(b.rexpr);
    case 'BoolExpr':
    case 'A_ArrayExpr':
      for (const a of b.args ?? b.elements ?? []) {
        const v = volatility(a);
        if (v) return v;
      }
      return null;
    case 'FuncCall': {
      const names: string[] = (b.funcname ?? []).map((n: Body) => n?.String?.sval ?? '');
      const name = names[names.length - 1] ?? '';
      if (!NON_VOLATILE_FUNCTIONS.has(name)) return `${name}() is volatile or not known to be stable`;
      for (const a of b.args ?? []) {
        const v = volatility(a);
        if (v) return v;
      }
      return null;
    }
    default:
      return `a ${tag} default cannot be proven constant`;
  }
}

/** The column name of `col IS NOT NULL`, or undefined. */
function notNullCheckColumn(expr: Body): string | undefined {
  const [tag, b] = unwrap(expr ?? {});
  if (tag !== 'NullTest' || b.nulltesttype !== 'IS_NOT_NULL') return undefined;
  const fields: Body[] = b.arg?.ColumnRef?.fields ?? [];
  return fields[fields.length - 1]?.String?.sval;
}

/** Safe in-place type changes: varchar widening, varchar/char(n) to text or unbounded varchar. */
function typeChangeIsSafe(from: ColumnType | undefined, to: ColumnType): boolean | undefined {
  if (!from) return undefined;
  if (from.array !== to.array) return false;
  const textual = new Set(['varchar', 'text']);
  if (from.name === 'varchar' && to.name === 'text') return true;
  if (from.name === 'text' && to.name === 'text') return true;
  if (from.name === 'varchar' && to.name === 'varchar') {
    if (to.mods.length === 0) return true;
    if (from.mods.length === 0) return false;
    return to.mods[0]! >= from.mods[0]!;
  }
  if (from.name === 'numeric' && to.name === 'numeric') {
    if (to.mods.length === 0) return true;
    if (from.mods.length === 0) return false;
    // Increasing precision with the same scale is binary-compatible.
    return to.mods[0]! >= from.mods[0]! && (to.mods[1] ?? 0) === (from.mods[1] ?? 0);
  }
  return textual.has(from.name) && from.name === to.name && to.mods.length === 0;
}

/** A timeout as PostgreSQL scopes it: SET lasts the session, SET LOCAL until the transaction ends. */
interface Timeout {
  session: boolean;
  /** The session value when the transaction began, restored by ROLLBACK. */
  atBegin: boolean;
  /** A SET LOCAL in the current transaction, overriding `session` until COMMIT/ROLLBACK. */
  local?: boolean;
}

interface FileState {
  inTransaction: boolean;
  lockTimeout: Timeout;
  statementTimeout: Timeout;
  createdHere: Set<string>;
  /** "table.constraint" added NOT VALID in the open transaction → the line of the ADD. */
  notValidInTransaction: Map<string, number>;
}

const timeoutSet = (t: Timeout): boolean => t.local ?? t.session;

function endTransaction(file: FileState, commit: boolean): void {
  file.inTransaction = false;
  file.notValidInTransaction.clear();
  for (const t of [file.lockTimeout, file.statementTimeout]) {
    delete t.local;
    if (!commit) t.session = t.atBegin;
  }
}

/**
 * Analyses one migration file's statements. `state` carries what earlier files established (pass
 * the same object for every file in catalog order); `assumeInTransaction` says the runner wraps
 * the file in a transaction.
 */
export function analyseStatements(
  statements: readonly StatementInput[],
  state: SchemaState = emptySchemaState(),
  options: { assumeInTransaction?: boolean } = {},
): SqlAnalysis {
  const file: FileState = {
    inTransaction: options.assumeInTransaction ?? false,
    lockTimeout: { session: false, atBegin: false },
    statementTimeout: { session: false, atBegin: false },
    createdHere: new Set(),
    notValidInTransaction: new Map(),
  };
  const reports: StatementReport[] = [];
  let needsNoTransaction = false;
  statements.forEach((s, index) => {
    let report: StatementReport;
    try {
      report = analyseOne(s, index, state, file);
      if (
        report.kind === 'IndexStmt' ||
        report.kind === 'DropStmt' ||
        report.kind === 'ReindexStmt' ||
        report.kind === 'VacuumStmt'
      ) {
        const [, b] = unwrap(s.node);
        if (b.concurrent || report.kind === 'VacuumStmt' || hasOption(b.params, 'concurrently'))
          needsNoTransaction = true;
      }
    } catch (error) {
      // A bug on one statement must not lose the findings of the others, nor surface as a bare
      // exception without a location: it becomes an error finding at the statement.
      report = analyserFailure(s, index, error);
    }
    reports.push(report);
  });
  const findings = reports.flatMap((r) => r.findings);
  const detectedRisk = findings.reduce<Risk>((acc, f) => maxRisk(acc, f.risk), 'low');
  const maxLock = reports.reduce<LockLevel | null>(
    (acc, r) => (lockRank(r.lock) > lockRank(acc) ? r.lock : acc),
    null,
  );
  return {
    statements: reports,
    findings,
    detectedRisk,
    maxLock,
    rewrites: reports.some((r) => r.rewrites),
    needsNoTransaction,
  };
}

function analyserFailure(s: StatementInput, index: number, error: unknown): StatementReport {
  let kind = 'Unknown';
  try {
    kind = unwrap(s.node)[0];
  } catch {
    // the node itself is unreadable; keep 'Unknown'
  }
  const r = SQL_RULES.analyserError;
  return {
    index,
    kind,
    line: s.line,
    column: s.column,
    endLine: s.endLine,
    tables: [],
    lock: null,
    rewrites: false,
    findings: [
      {
        ruleId: r.id,
        risk: r.risk,
        level: r.level,
        message: `catalog-gate could not analyse this ${kind} (${error instanceof Error ? error.message : String(error)}); its locks and risk are unknown, so review it by hand`,
        line: s.line,
        column: s.column,
        statement: index,
      },
    ],
    irreversible: 'the statement could not be analysed',
  };
}

/**
 * Whether a boolean option list (VACUUM (…), REINDEX (…)) turns `name` on. PostgreSQL's
 * defGetBoolean reads a bare option as true, the integers 0/1, and the words true/false/on/off in
 * any case; libpg-query hands the words over as strings and 0 as an Integer without ival.
 */
function hasOption(params: Body, name: string): boolean {
  let on = false;
  // The last mention wins, as in PostgreSQL (VACUUM (FULL, FULL false) is not FULL).
  for (const p of params ?? []) if (p?.DefElem?.defname === name) on = optionValue(p.DefElem.arg);
  return on;
}

function optionValue(arg: Body): boolean {
  if (arg === undefined || arg === null) return true;
  if (arg.Boolean) return arg.Boolean.boolval === true;
  if (arg.Integer) return Number(arg.Integer.ival ?? 0) !== 0;
  const text = String(arg.String?.sval ?? '').toLowerCase();
  return !(text === 'false' || text === 'off' || text === '0');
}

const strongest = (a: LockLevel | null, b: LockLevel | null): LockLevel | null =>
  lockRank(b) > lockRank(a) ? b : a;

function analyseOne(s: StatementInput, index: number, state: SchemaState, file: FileState): StatementReport {
  const [kind, b] = unwrap(s.node);
  const report: StatementReport = {
    index,
    kind,
    line: s.line,
    column: s.column,
    endLine: s.endLine,
    tables: [],
    lock: null,
    rewrites: false,
    findings: [],
  };
  const add = (r: SqlRule, message: string): void => {
    report.findings.push({
      ruleId: r.id as SqlRuleId,
      risk: r.risk,
      level: r.level,
      message,
      line: s.line,
      column: s.column,
      statement: index,
    });
  };
  const existing = (table: string): boolean => !file.createdHere.has(table);
  const lockOn = (table: string, lock: LockLevel): void => {
    if (!existing(table)) return;
    if (!report.tables.includes(table)) report.tables.push(table);
    report.lock = strongest(report.lock, lock);
  };

  switch (kind) {
    case 'VariableSetStmt': {
      if (b.name === 'lock_timeout' || b.name === 'statement_timeout') {
        const value = b.args?.[0]?.A_Const;
        const raw = value?.sval?.sval ?? value?.ival?.ival ?? (value?.ival ? 0 : undefined);
        const set =
          b.kind === 'VAR_SET_VALUE' && raw !== undefined && !/^0+\s*(ms|s|min)?$/i.test(String(raw));
        const t = b.name === 'lock_timeout' ? file.lockTimeout : file.statementTimeout;
        // SET LOCAL before any BEGIN counts: migration runners (and the proof) run a file without
        // CONCURRENTLY in one transaction. It ends at the next COMMIT or ROLLBACK.
        if (b.is_local) t.local = set;
        else {
          t.session = set;
          delete t.local;
        }
      }
      break;
    }
    case 'TransactionStmt': {
      if (b.kind === 'TRANS_STMT_BEGIN' || b.kind === 'TRANS_STMT_START') {
        file.inTransaction = true;
        file.lockTimeout.atBegin = file.lockTimeout.session;
        file.statementTimeout.atBegin = file.statementTimeout.session;
      }
      if (b.kind === 'TRANS_STMT_COMMIT') endTransaction(file, true);
      if (b.kind === 'TRANS_STMT_ROLLBACK') endTransaction(file, false);
      break;
    }
    case 'IndexStmt': {
      const table = rangeVarName(b.relation);
      if (b.idxname) state.indexTables.set(b.idxname, table);
      if (b.concurrent) {
        lockOn(table, 'SHARE UPDATE EXCLUSIVE');
        if (file.inTransaction)
          add(
            SQL_RULES.concurrentInTx,
            `CREATE INDEX CONCURRENTLY ${b.idxname ?? ''} cannot run inside a transaction block`,
          );
        if (timeoutSet(file.statementTimeout) && existing(table))
          add(
            SQL_RULES.statementTimeoutConcurrent,
            `CREATE INDEX CONCURRENTLY ${b.idxname ?? ''} on ${table} runs under the statement_timeout set earlier; a cancelled build leaves an INVALID index. SET statement_timeout = 0 before it`,
          );
      } else {
        lockOn(table, 'SHARE');
        if (existing(table))
          add(
            SQL_RULES.createIndex,
            `CREATE INDEX ${b.idxname ?? ''} on ${table} blocks writes (SHARE lock) while it builds; use CONCURRENTLY`,
          );
      }
      if (b.idxname)
        report.inverse = `DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(b.relation?.schemaname ? `${b.relation.schemaname}.${b.idxname}` : b.idxname)};`;
      else report.irreversible = 'an unnamed index cannot be dropped by name';
      break;
    }
    case 'DropStmt': {
      const names = (b.objects ?? []).map(qualifiedFromList);
      if (b.removeType === 'OBJECT_INDEX') {
        for (const idx of names) {
          const table =
            state.indexTables.get(idx) ?? state.indexTables.get(idx.split('.').pop()!) ?? `(table of ${idx})`;
          if (b.concurrent) {
            lockOn(table, 'SHARE UPDATE EXCLUSIVE');
            if (file.inTransaction)
              add(
                SQL_RULES.concurrentInTx,
                `DROP INDEX CONCURRENTLY ${idx} cannot run inside a transaction block`,
              );
          } else {
            lockOn(table, 'ACCESS EXCLUSIVE');
            if (existing(table))
              add(
                SQL_RULES.dropIndex,
                `DROP INDEX ${idx} takes ACCESS EXCLUSIVE on ${table}; use DROP INDEX CONCURRENTLY`,
              );
          }
        }
        report.irreversible = 'the index definition must be re-created by hand';
      } else if (b.removeType === 'OBJECT_TABLE') {
        for (const t of names) {
          lockOn(t, 'ACCESS EXCLUSIVE');
          if (existing(t))
            add(SQL_RULES.dropTable, `DROP TABLE ${t} deletes its data; a back-out cannot restore it`);
          state.columns.delete(t);
        }
        report.irreversible = 'dropped table data cannot be restored';
      } else {
        for (const n of names) lockOn(n, 'ACCESS EXCLUSIVE');
      }
      break;
    }
    case 'AlterTableStmt': {
      const table = rangeVarName(b.relation);
      const inverses: string[] = [];
      let irreversible: string | undefined;
      for (const cmdNode of b.cmds ?? []) {
        const cmd = cmdNode.AlterTableCmd ?? {};
        const r = alterCommand(table, cmd, state, existing(table), add, b.objtype, file, s.line);
        lockOn(table, r.lock);
        for (const extra of r.alsoLocks ?? []) lockOn(extra, r.alsoLock ?? r.lock);
        if (r.rewrites && existing(table)) report.rewrites = true;
        if (r.inverse) inverses.unshift(r.inverse);
        if (r.irreversible) irreversible ??= r.irreversible;
      }
      if (irreversible) report.irreversible = irreversible;
      else if (inverses.length) report.inverse = `ALTER TABLE ${quoteIdent(table)} ${inverses.join(', ')};`;
      break;
    }
    case 'RenameStmt': {
      const table = rangeVarName(b.relation);
      if (b.renameType === 'OBJECT_COLUMN') {
        lockOn(table, 'ACCESS EXCLUSIVE');
        if (existing(table))
          add(
            SQL_RULES.renameColumn,
            `RENAME COLUMN ${b.subname} TO ${b.newname} on ${table} breaks code that still uses the old name`,
          );
        report.inverse = `ALTER TABLE ${quoteIdent(table)} RENAME COLUMN ${quoteIdent(b.newname)} TO ${quoteIdent(b.subname)};`;
      } else if (b.renameType === 'OBJECT_TABLE') {
        lockOn(table, 'ACCESS EXCLUSIVE');
        if (existing(table))
          add(
            SQL_RULES.renameTable,
            `RENAME ${table} TO ${b.newname} breaks code that still uses the old name`,
          );
        const schema = b.relation?.schemaname ? `${b.relation.schemaname}.` : '';
        report.inverse = `ALTER TABLE ${quoteIdent(schema + b.newname)} RENAME TO ${quoteIdent(b.relation?.relname ?? '')};`;
        const cols = state.columns.get(table);
        if (cols) {
          state.columns.delete(table);
          state.columns.set(schema + b.newname, cols);
        }
      } else if (b.renameType === 'OBJECT_INDEX') {
        lockOn(state.indexTables.get(table) ?? table, 'SHARE UPDATE EXCLUSIVE');
      } else if (b.relation) {
        lockOn(table, 'ACCESS EXCLUSIVE');
      }
      break;
    }
    case 'TruncateStmt': {
      for (const rel of b.relations ?? []) {
        const t = rangeVarName(rel.RangeVar);
        lockOn(t, 'ACCESS EXCLUSIVE');
        if (existing(t)) add(SQL_RULES.truncate, `TRUNCATE ${t} deletes every row`);
      }
      report.irreversible = 'truncated rows cannot be restored';
      break;
    }
    case 'VacuumStmt': {
      const full = hasOption(b.options, 'full');
      const tables = (b.rels ?? []).map((r: Body) => rangeVarName(r.VacuumRelation?.relation));
      for (const t of tables.length ? tables : ['(all tables)']) {
        lockOn(t, full ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE');
        if (full && existing(t))
          add(SQL_RULES.vacuumFull, `VACUUM FULL ${t} rewrites it under ACCESS EXCLUSIVE`);
      }
      if (full) report.rewrites = true;
      break;
    }
    case 'ClusterStmt': {
      const t = b.relation ? rangeVarName(b.relation) : '(all clustered tables)';
      lockOn(t, 'ACCESS EXCLUSIVE');
      if (existing(t)) add(SQL_RULES.cluster, `CLUSTER ${t} rewrites it under ACCESS EXCLUSIVE`);
      report.rewrites = true;
      break;
    }
    case 'ReindexStmt': {
      const target = b.relation ? rangeVarName(b.relation) : String(b.name ?? '?');
      const table =
        b.kind === 'REINDEX_OBJECT_INDEX'
          ? (state.indexTables.get(target) ?? `(table of ${target})`)
          : target;
      if (hasOption(b.params, 'concurrently')) {
        lockOn(table, 'SHARE UPDATE EXCLUSIVE');
        if (file.inTransaction)
          add(
            SQL_RULES.concurrentInTx,
            `REINDEX CONCURRENTLY ${target} cannot run inside a transaction block`,
          );
        if (timeoutSet(file.statementTimeout) && existing(table))
          add(
            SQL_RULES.statementTimeoutConcurrent,
            `REINDEX CONCURRENTLY ${target} runs under the statement_timeout set earlier; a cancelled rebuild leaves an INVALID index behind. SET statement_timeout = 0 before it`,
          );
      } else {
        lockOn(table, 'SHARE');
        if (existing(table))
          add(
            SQL_RULES.reindex,
            `REINDEX ${target} blocks writes to ${table} and reads through the index; use REINDEX CONCURRENTLY`,
          );
      }
      break;
    }
    case 'CreateStmt': {
      const table = rangeVarName(b.relation);
      const cols = new Map<string, ColumnType>();
      for (const elt of b.tableElts ?? []) {
        if (elt.ColumnDef) {
          cols.set(elt.ColumnDef.colname, typeOf(elt.ColumnDef.typeName));
          for (const c of elt.ColumnDef.constraints ?? [])
            if (c.Constraint?.contype === 'CONSTR_FOREIGN')
              lockOn(rangeVarName(c.Constraint.pktable), 'SHARE ROW EXCLUSIVE');
        }
        if (elt.Constraint?.contype === 'CONSTR_FOREIGN')
          lockOn(rangeVarName(elt.Constraint.pktable), 'SHARE ROW EXCLUSIVE');
      }
      state.columns.set(table, cols);
      file.createdHere.add(table);
      report.inverse = `DROP TABLE IF EXISTS ${quoteIdent(table)};`;
      break;
    }
    case 'CreateTableAsStmt': {
      // CREATE TABLE … AS / CREATE MATERIALIZED VIEW … AS / SELECT … INTO make a new relation:
      // later statements on it in this file touch an empty-to-everyone-else table.
      const rel = rangeVarName(b.into?.rel);
      if (!state.columns.has(rel)) state.columns.set(rel, new Map());
      file.createdHere.add(rel);
      report.inverse =
        b.objtype === 'OBJECT_MATVIEW'
          ? `DROP MATERIALIZED VIEW IF EXISTS ${quoteIdent(rel)};`
          : `DROP TABLE IF EXISTS ${quoteIdent(rel)};`;
      break;
    }
    case 'SelectStmt':
      if (b.intoClause?.rel) {
        const rel = rangeVarName(b.intoClause.rel);
        if (!state.columns.has(rel)) state.columns.set(rel, new Map());
        file.createdHere.add(rel);
        report.inverse = `DROP TABLE IF EXISTS ${quoteIdent(rel)};`;
      }
      break;
    case 'DoStmt':
      add(
        SQL_RULES.doBlock,
        'DO block: its body is not analysed, so its locks, rewrites and data loss are unknown; use plain statements or review it by hand',
      );
      break;
    case 'CreateDomainStmt': {
      const name = qualifiedFromList({ List: { items: b.domainname ?? [] } });
      if ((b.constraints ?? []).some((c: Body) => c.Constraint?.contype === 'CONSTR_CHECK'))
        state.domainsWithCheck.add(name);
      report.inverse = `DROP DOMAIN IF EXISTS ${quoteIdent(name)};`;
      break;
    }
    case 'AlterDomainStmt': {
      if (b.subtype === 'C' && b.def?.Constraint?.contype === 'CONSTR_CHECK')
        state.domainsWithCheck.add(qualifiedFromList({ List: { items: b.typeName ?? [] } }));
      break;
    }
    case 'ViewStmt': {
      const v = rangeVarName(b.view);
      if (b.replace) lockOn(v, 'ACCESS EXCLUSIVE');
      else report.inverse = `DROP VIEW IF EXISTS ${quoteIdent(v)};`;
      break;
    }
    case 'CreateSeqStmt':
      report.inverse = `DROP SEQUENCE IF EXISTS ${quoteIdent(rangeVarName(b.sequence))};`;
      break;
    case 'InsertStmt':
    case 'UpdateStmt':
    case 'DeleteStmt':
    case 'MergeStmt':
      lockOn(rangeVarName(b.relation), 'ROW EXCLUSIVE');
      if (kind !== 'InsertStmt') report.irreversible = 'changed rows cannot be restored from SQL alone';
      break;
    case 'LockStmt': {
      const mode = LOCK_LEVELS[(Number(b.mode) || 8) - 1] ?? 'ACCESS EXCLUSIVE';
      for (const rel of b.relations ?? []) lockOn(rangeVarName(rel.RangeVar), mode);
      break;
    }
    case 'RefreshMatViewStmt':
      lockOn(rangeVarName(b.relation), b.concurrent ? 'EXCLUSIVE' : 'ACCESS EXCLUSIVE');
      break;
    case 'CreateTrigStmt':
      lockOn(rangeVarName(b.relation), 'SHARE ROW EXCLUSIVE');
      break;
    case 'CommentStmt':
      break;
  }

  if (
    lockRank(report.lock) >= lockRank('SHARE') &&
    !timeoutSet(file.lockTimeout) &&
    report.tables.length > 0
  ) {
    // statement_timeout also bounds the lock wait, but only by the statement's whole time limit:
    // every query behind the waiting statement queues that long. It does not replace lock_timeout.
    add(
      SQL_RULES.lockTimeout,
      `${report.lock} on ${report.tables.join(', ')} without a lock_timeout in effect (SET lock_timeout earlier in the file; a SET LOCAL ends at COMMIT or ROLLBACK)${timeoutSet(file.statementTimeout) ? ' (the statement_timeout set earlier lets queries queue behind the lock wait for that whole time; set lock_timeout too)' : ''}`,
    );
  }
  return report;
}

interface CommandResult {
  lock: LockLevel;
  rewrites?: boolean;
  alsoLocks?: string[];
  /** The lock taken on alsoLocks (default: lock). */
  alsoLock?: LockLevel;
  inverse?: string;
  irreversible?: string;
}

function alterCommand(
  table: string,
  cmd: Body,
  state: SchemaState,
  existing: boolean,
  add: (r: SqlRule, m: string) => void,
  objtype: string,
  file: FileState,
  line: number,
): CommandResult {
  const cols = state.columns.get(table);
  switch (cmd.subtype) {
    case 'AT_AddColumn': {
      const def = cmd.def?.ColumnDef ?? {};
      const type = typeOf(def.typeName);
      cols?.set(def.colname, type);
      if (!cols) state.columns.set(table, new Map([[def.colname, type]]));
      const reasons: string[] = [];
      const references: string[] = [];
      let hasDefault = false;
      let notNull = false;
      for (const c of def.constraints ?? []) {
        const con = c.Constraint ?? {};
        if (con.contype === 'CONSTR_DEFAULT') {
          hasDefault = true;
          const v = volatility(con.raw_expr);
          if (v) reasons.push(`default ${v}`);
        }
        if (con.contype === 'CONSTR_IDENTITY') {
          reasons.push('identity column');
          hasDefault = true;
        }
        if (con.contype === 'CONSTR_GENERATED' && con.generated_kind !== 'v') {
          reasons.push('GENERATED … STORED');
          hasDefault = true;
        }
        if (con.contype === 'CONSTR_NOTNULL' || con.contype === 'CONSTR_PRIMARY') notNull = true;
        if (con.contype === 'CONSTR_FOREIGN') {
          const ref = rangeVarName(con.pktable);
          references.push(ref);
          // An inline REFERENCES cannot be NOT VALID: it is validated at once, locking both tables.
          if (existing)
            add(
              SQL_RULES.addForeignKey,
              `ADD COLUMN ${def.colname} … REFERENCES ${ref} on ${table} adds a validated foreign key, locking ${ref} (SHARE ROW EXCLUSIVE) as well as ${table}; add the column plain, then ADD CONSTRAINT … FOREIGN KEY … NOT VALID and VALIDATE CONSTRAINT`,
            );
        }
        if (existing && (con.contype === 'CONSTR_UNIQUE' || con.contype === 'CONSTR_PRIMARY'))
          add(
            SQL_RULES.addUnique,
            `ADD COLUMN ${def.colname} … ${con.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE'} on ${table} builds its index under ACCESS EXCLUSIVE; add the column, build the index CONCURRENTLY, then ADD CONSTRAINT … USING INDEX`,
          );
      }
      if (SERIAL_TYPES.has(type.name)) {
        reasons.push(`${type.name} (nextval default)`);
        hasDefault = true;
      }
      if (state.domainsWithCheck.has(type.name)) reasons.push(`domain ${type.name} has a CHECK`);
      if (existing && reasons.length)
        add(
          SQL_RULES.addColumnRewrite,
          `ADD COLUMN ${def.colname} on ${table} rewrites the table: ${reasons.join('; ')}`,
        );
      if (existing && notNull && !hasDefault)
        add(
          SQL_RULES.addRequiredColumn,
          `ADD COLUMN ${def.colname} NOT NULL without a default fails when ${table} has rows`,
        );
      return {
        lock: 'ACCESS EXCLUSIVE',
        rewrites: reasons.length > 0,
        inverse: `DROP COLUMN IF EXISTS ${quoteIdent(def.colname)}`,
        ...(references.length ? { alsoLocks: references, alsoLock: 'SHARE ROW EXCLUSIVE' as const } : {}),
      };
    }
    case 'AT_DropColumn':
      if (existing) add(SQL_RULES.dropColumn, `DROP COLUMN ${cmd.name} on ${table} deletes its data`);
      cols?.delete(cmd.name);
      return {
        lock: 'ACCESS EXCLUSIVE',
        irreversible: `dropped column ${cmd.name} cannot be restored with its data`,
      };
    case 'AT_AlterColumnType': {
      const def = cmd.def?.ColumnDef ?? {};
      const to = typeOf(def.typeName);
      const from = cols?.get(cmd.name);
      const safe = def.raw_default ? false : typeChangeIsSafe(from, to);
      if (existing && safe !== true) {
        // `from` is unknown for a table no migration in the catalog created (USING makes safe false
        // even then), so the message must not depend on it.
        const why = !from
          ? `the current type of ${cmd.name} is unknown to this catalog, so ${typeText(to)} may rewrite`
          : `${typeText(from)} → ${typeText(to)}${def.raw_default ? ' with USING' : ''} rewrites`;
        add(
          SQL_RULES.alterColumnType,
          `ALTER COLUMN ${cmd.name} TYPE ${typeText(to)} on ${table}: ${why} the table under ACCESS EXCLUSIVE`,
        );
      }
      cols?.set(cmd.name, to);
      const result: CommandResult = { lock: 'ACCESS EXCLUSIVE', rewrites: safe !== true };
      if (from) result.inverse = `ALTER COLUMN ${quoteIdent(cmd.name)} TYPE ${typeText(from)}`;
      else result.irreversible = `the previous type of ${cmd.name} is unknown`;
      return result;
    }
    case 'AT_SetNotNull':
      if (existing && !state.validatedNotNull.has(`${table}.${cmd.name}`))
        add(
          SQL_RULES.setNotNull,
          `SET NOT NULL on ${table}.${cmd.name} scans the table under ACCESS EXCLUSIVE; no validated CHECK (${cmd.name} IS NOT NULL) precedes it`,
        );
      return { lock: 'ACCESS EXCLUSIVE', inverse: `ALTER COLUMN ${quoteIdent(cmd.name)} DROP NOT NULL` };
    case 'AT_DropNotNull':
      return { lock: 'ACCESS EXCLUSIVE', inverse: `ALTER COLUMN ${quoteIdent(cmd.name)} SET NOT NULL` };
    case 'AT_ColumnDefault':
      // Setting a default is undone by dropping it (when there was none before); dropping one is not.
      return cmd.def
        ? { lock: 'ACCESS EXCLUSIVE', inverse: `ALTER COLUMN ${quoteIdent(cmd.name)} DROP DEFAULT` }
        : { lock: 'ACCESS EXCLUSIVE', irreversible: 'the previous default is unknown' };
    case 'AT_AddConstraint': {
      const con = cmd.def?.Constraint ?? {};
      const name: string | undefined = con.conname;
      const inverse = name ? `DROP CONSTRAINT IF EXISTS ${quoteIdent(name)}` : undefined;
      const base = (lock: LockLevel, extra: Partial<CommandResult> = {}): CommandResult => ({
        lock,
        ...(inverse ? { inverse } : { irreversible: 'an unnamed constraint cannot be dropped by name' }),
        ...extra,
      });
      if (con.skip_validation && name && existing && file.inTransaction)
        file.notValidInTransaction.set(`${table}.${name}`, line);
      if (con.contype === 'CONSTR_FOREIGN') {
        const ref = rangeVarName(con.pktable);
        if (existing && !con.skip_validation)
          add(
            SQL_RULES.addForeignKey,
            `ADD FOREIGN KEY ${name ?? ''} on ${table} validates every row while locking ${table} and ${ref}; add it NOT VALID, then VALIDATE CONSTRAINT`,
          );
        return base('SHARE ROW EXCLUSIVE', { alsoLocks: [ref] });
      }
      if (con.contype === 'CONSTR_CHECK') {
        const col = notNullCheckColumn(con.raw_expr);
        if (con.skip_validation) {
          if (col && name) state.pendingNotNullChecks.set(`${table}.${name}`, col);
        } else {
          if (existing)
            add(
              SQL_RULES.addCheck,
              `ADD CHECK ${name ?? ''} on ${table} scans the table under ACCESS EXCLUSIVE; add it NOT VALID, then VALIDATE CONSTRAINT`,
            );
          if (col) state.validatedNotNull.add(`${table}.${col}`);
        }
        return base('ACCESS EXCLUSIVE');
      }
      if (
        con.contype === 'CONSTR_UNIQUE' ||
        con.contype === 'CONSTR_PRIMARY' ||
        con.contype === 'CONSTR_EXCLUSION'
      ) {
        if (existing && !con.indexname)
          add(
            SQL_RULES.addUnique,
            `ADD ${con.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : con.contype === 'CONSTR_UNIQUE' ? 'UNIQUE' : 'EXCLUDE'} ${name ?? ''} on ${table} builds its index under ACCESS EXCLUSIVE; build it CONCURRENTLY and add USING INDEX`,
          );
        return base('ACCESS EXCLUSIVE');
      }
      return base('ACCESS EXCLUSIVE');
    }
    case 'AT_ValidateConstraint': {
      const addedAt = file.inTransaction ? file.notValidInTransaction.get(`${table}.${cmd.name}`) : undefined;
      if (addedAt !== undefined)
        add(
          SQL_RULES.validateSameTransaction,
          `VALIDATE CONSTRAINT ${cmd.name} on ${table} runs in the transaction that added it NOT VALID (line ${addedAt}): the ADD's lock is held through the scan; COMMIT first or validate in a later migration`,
        );
      const col = state.pendingNotNullChecks.get(`${table}.${cmd.name}`);
      if (col) state.validatedNotNull.add(`${table}.${col}`);
      return { lock: 'SHARE UPDATE EXCLUSIVE' };
    }
    case 'AT_DropConstraint':
      return {
        lock: 'ACCESS EXCLUSIVE',
        irreversible: `the definition of constraint ${cmd.name} must be restored by hand`,
      };
    case 'AT_SetStatistics':
    case 'AT_SetOptions':
    case 'AT_ResetOptions':
    case 'AT_SetRelOptions':
    case 'AT_ResetRelOptions':
    case 'AT_ClusterOn':
    case 'AT_DropCluster':
    case 'AT_AttachPartition':
      return { lock: 'SHARE UPDATE EXCLUSIVE' };
    case 'AT_DetachPartition':
      return { lock: cmd.def?.PartitionCmd?.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE' };
    case 'AT_EnableTrig':
    case 'AT_DisableTrig':
    case 'AT_EnableTrigAll':
    case 'AT_DisableTrigAll':
    case 'AT_EnableTrigUser':
    case 'AT_DisableTrigUser':
    case 'AT_AddIndex':
      return { lock: 'SHARE ROW EXCLUSIVE' };
    case 'AT_SetLogged':
    case 'AT_SetUnLogged':
      return { lock: 'ACCESS EXCLUSIVE', rewrites: true };
    default:
      return { lock: objtype === 'OBJECT_INDEX' ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE' };
  }
}

/**
 * Suggested back-out for a migration without a down script: the inverse of each statement, last
 * first. Statements that cannot be undone (data loss) are listed as irreversible.
 */
export function suggestBackout(analysis: SqlAnalysis): {
  sql: string;
  irreversible: { line: number; reason: string }[];
} {
  const lines: string[] = [];
  const irreversible: { line: number; reason: string }[] = [];
  for (const s of [...analysis.statements].reverse()) {
    if (s.irreversible) irreversible.push({ line: s.line, reason: s.irreversible });
    else if (s.inverse) lines.push(s.inverse);
  }
  return { sql: lines.join('\n'), irreversible: irreversible.reverse() };
}
