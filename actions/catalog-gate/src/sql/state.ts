/** What the analysis carries: across files in catalog order (SchemaState), and within one file (FileState). */
import type { ColumnType } from './types.ts';

/**
 * Tables by name, where `public.users` and `users` are the same table (public is the schema an
 * unqualified name lands in on a default search_path).
 */
export class TableMap<V> extends Map<string, V> {
  static key(table: string): string {
    return table.startsWith('public.') ? table.slice('public.'.length) : table;
  }
  override get(table: string): V | undefined {
    return super.get(TableMap.key(table));
  }
  override has(table: string): boolean {
    return super.has(TableMap.key(table));
  }
  override set(table: string, value: V): this {
    return super.set(TableMap.key(table), value);
  }
  override delete(table: string): boolean {
    return super.delete(TableMap.key(table));
  }
}

/** A foreign key: `table(columns)` REFERENCES `refTable(refColumns)` (empty refColumns = its primary key). */
export interface ForeignKey {
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  name?: string;
}

/** What earlier migrations established; carried from file to file in catalog order. */
export interface SchemaState {
  domainsWithCheck: Set<string>;
  /** table -> column -> type as written (e.g. "varchar(20)", "text"). */
  columns: TableMap<Map<string, ColumnType>>;
  /** Foreign keys created so far: a type change of one of their columns locks the other table too. */
  foreignKeys: ForeignKey[];
  /** "table.column" with a validated CHECK (column IS NOT NULL). */
  validatedNotNull: Set<string>;
  /** "table.constraint" -> column, for NOT VALID checks of the form col IS NOT NULL. */
  pendingNotNullChecks: Map<string, string>;
  /** index name -> table */
  indexTables: Map<string, string>;
}

export function emptySchemaState(): SchemaState {
  return {
    domainsWithCheck: new Set(),
    columns: new TableMap(),
    foreignKeys: [],
    validatedNotNull: new Set(),
    pendingNotNullChecks: new Map(),
    indexTables: new Map(),
  };
}

/** A timeout as PostgreSQL scopes it: SET lasts the session, SET LOCAL until the transaction ends. */
export interface Timeout {
  session: boolean;
  /** The session value when the transaction began, restored by ROLLBACK. */
  atBegin: boolean;
  /** A SET LOCAL in the current transaction, overriding `session` until COMMIT/ROLLBACK. */
  local?: boolean;
}

export interface FileState {
  inTransaction: boolean;
  lockTimeout: Timeout;
  statementTimeout: Timeout;
  createdHere: Set<string>;
  /** "table.constraint" added NOT VALID in the open transaction → the line of the ADD. */
  notValidInTransaction: Map<string, number>;
}

export const timeoutSet = (t: Timeout): boolean => t.local ?? t.session;

export function endTransaction(file: FileState, commit: boolean): void {
  file.inTransaction = false;
  file.notValidInTransaction.clear();
  for (const t of [file.lockTimeout, file.statementTimeout]) {
    delete t.local;
    if (!commit) t.session = t.atBegin;
  }
}
