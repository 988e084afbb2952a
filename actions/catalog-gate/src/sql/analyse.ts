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
import { alterCommand, foreignKeyOf } from './alter.ts';
import { hasOption, qualifiedFromList, quoteIdent, rangeVarName, unwrap, type Body } from './ast.ts';
import {
  LOCK_LEVELS,
  lockRank,
  maxRisk,
  SQL_RULES,
  type LockLevel,
  type Risk,
  type SqlRule,
  type SqlRuleId,
} from './rules.ts';
import { emptySchemaState, endTransaction, timeoutSet, type FileState, type SchemaState } from './state.ts';
import { typeOf, type ColumnType } from './types.ts';
import { dangerousInBody, longIdentifiers, MAX_IDENTIFIER_BYTES, SERVER_FILE_FUNCTIONS } from './lexical.ts';

/** DROP of these takes ACCESS EXCLUSIVE on the relation itself. */
const DROPPED_RELATIONS = new Set([
  'OBJECT_VIEW',
  'OBJECT_MATVIEW',
  'OBJECT_SEQUENCE',
  'OBJECT_FOREIGN_TABLE',
]);
/** DROP of these takes ACCESS EXCLUSIVE on the table they belong to. */
const DROPPED_ON_TABLE = new Set(['OBJECT_TRIGGER', 'OBJECT_POLICY', 'OBJECT_RULE']);

export * from './rules.ts';
export { emptySchemaState, type SchemaState } from './state.ts';
export type { ColumnType } from './types.ts';

export interface StatementInput {
  node: Node;
  line: number;
  column: number;
  endLine: number;
  /** The statement as written; needed for what the parser normalises away (identifier length). */
  text?: string;
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

/**
 * Analyses one migration file's statements. `state` carries what earlier files established (pass
 * the same object for every file in catalog order); `assumeInTransaction` says the runner wraps
 * the file in a transaction.
 */
/** Names of every function the statement calls (last name component), anywhere in its AST. */
function functionCalls(node: unknown): string[] {
  const names: string[] = [];
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop();
    if (Array.isArray(n)) stack.push(...n);
    else if (n && typeof n === 'object') {
      const call = (n as Body).FuncCall;
      if (call) {
        const parts: Body[] = call.funcname ?? [];
        const last = parts[parts.length - 1]?.String?.sval;
        if (last) names.push(String(last).toLowerCase());
      }
      for (const v of Object.values(n)) if (v && typeof v === 'object') stack.push(v);
    }
  }
  return names;
}

/** The source text of a DO block or a CREATE FUNCTION/PROCEDURE body (none for other statements). */
function proceduralBodies(kind: string, b: Body): string[] {
  const options: Body[] = kind === 'DoStmt' ? b.args : kind === 'CreateFunctionStmt' ? b.options : [];
  const out: string[] = [];
  for (const o of options ?? []) {
    if (o?.DefElem?.defname !== 'as') continue;
    const arg = o.DefElem.arg;
    if (arg?.String?.sval) out.push(arg.String.sval);
    for (const item of arg?.List?.items ?? []) if (item?.String?.sval) out.push(item.String.sval);
  }
  return out;
}

function truncateToBytes(name: string, bytes: number): string {
  const buf = Buffer.from(name);
  // Drop a split multi-byte character at the cut, as PostgreSQL's pg_mbcliplen does.
  return buf
    .subarray(0, bytes)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}

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
          state.foreignKeys = state.foreignKeys.filter((fk) => fk.table !== t && fk.refTable !== t);
        }
        report.irreversible = 'dropped table data cannot be restored';
      } else if (DROPPED_RELATIONS.has(b.removeType)) {
        for (const n of names) lockOn(n, 'ACCESS EXCLUSIVE');
      } else if (DROPPED_ON_TABLE.has(b.removeType)) {
        // DROP TRIGGER t ON x, DROP POLICY, DROP RULE: the name list ends with the object's own
        // name; the table before it is what is locked.
        for (const n of names) lockOn(n.split('.').slice(0, -1).join('.') || n, 'ACCESS EXCLUSIVE');
      }
      // Anything else (a function, procedure, type, domain, extension, schema…) is no relation:
      // dropping it locks no table.
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
            if (c.Constraint?.contype === 'CONSTR_FOREIGN') {
              lockOn(rangeVarName(c.Constraint.pktable), 'SHARE ROW EXCLUSIVE');
              state.foreignKeys.push(foreignKeyOf(table, c.Constraint, [elt.ColumnDef.colname]));
            }
        }
        if (elt.Constraint?.contype === 'CONSTR_FOREIGN') {
          lockOn(rangeVarName(elt.Constraint.pktable), 'SHARE ROW EXCLUSIVE');
          state.foreignKeys.push(foreignKeyOf(table, elt.Constraint));
        }
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
    case 'MergeStmt': {
      const table = rangeVarName(b.relation);
      lockOn(table, 'ROW EXCLUSIVE');
      if (kind !== 'InsertStmt') report.irreversible = 'changed rows cannot be restored from SQL alone';
      if ((kind === 'UpdateStmt' || kind === 'DeleteStmt') && !b.whereClause && existing(table))
        add(
          kind === 'DeleteStmt' ? SQL_RULES.deleteWithoutWhere : SQL_RULES.updateWithoutWhere,
          kind === 'DeleteStmt'
            ? `DELETE FROM ${table} without WHERE deletes every row and holds every row lock until the migration commits; no back-out restores them`
            : `UPDATE ${table} without WHERE writes every row and holds every row lock until the migration commits; backfill in batches outside the migration`,
        );
      break;
    }
    case 'DropdbStmt':
      add(
        SQL_RULES.dropDatabase,
        `DROP DATABASE ${b.dbname ?? ''} never belongs in a migration; the back-out proof does not run it`,
      );
      report.irreversible = 'a dropped database cannot be restored';
      break;
    case 'CopyStmt':
      if (b.is_program)
        add(
          SQL_RULES.copyProgram,
          `COPY … ${b.is_from ? 'FROM' : 'TO'} PROGRAM runs a shell command on the database server; never in a migration (the back-out proof does not run it)`,
        );
      else if (b.filename)
        add(
          SQL_RULES.serverFileAccess,
          `COPY … ${b.is_from ? 'FROM' : 'TO'} a server file reaches the database server's file system; use COPY … ${b.is_from ? 'FROM STDIN' : 'TO STDOUT'} from the client`,
        );
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

  for (const name of new Set(functionCalls(s.node)))
    if (SERVER_FILE_FUNCTIONS.has(name))
      add(
        SQL_RULES.serverFileAccess,
        `${name}() reaches the database server's file system; never in a migration (the back-out proof does not run it)`,
      );
  for (const body of proceduralBodies(kind, b))
    for (const d of dangerousInBody(body))
      add(
        d.rule === 'drop-database'
          ? SQL_RULES.dropDatabase
          : d.rule === 'copy-program'
            ? SQL_RULES.copyProgram
            : SQL_RULES.serverFileAccess,
        `the ${kind === 'DoStmt' ? 'DO block' : 'function body'} contains "${d.match.trim()}", which never belongs in a migration (the back-out proof does not run it)`,
      );
  if (s.text)
    for (const id of longIdentifiers(s.text))
      add(
        SQL_RULES.identifierTooLong,
        `identifier ${id.name.slice(0, 20)}… is ${id.bytes} bytes; PostgreSQL truncates it to ${MAX_IDENTIFIER_BYTES} (${truncateToBytes(id.name, MAX_IDENTIFIER_BYTES).slice(-12)} is the end of the name it keeps)`,
      );

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
