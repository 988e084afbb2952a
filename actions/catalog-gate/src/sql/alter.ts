/** ALTER TABLE sub-commands: lock, rewrite, findings and inverse of each. */
import { unwrap, quoteIdent, rangeVarName, type Body } from './ast.ts';
import { SQL_RULES, type LockLevel, type SqlRule } from './rules.ts';
import { TableMap, type FileState, type ForeignKey, type SchemaState } from './state.ts';
import { SERIAL_TYPES, typeChangeIsSafe, typeOf, typeText, volatility } from './types.ts';

/** The column name of `col IS NOT NULL`, or undefined. */
function notNullCheckColumn(expr: Body): string | undefined {
  const [tag, b] = unwrap(expr ?? {});
  if (tag !== 'NullTest' || b.nulltesttype !== 'IS_NOT_NULL') return undefined;
  const fields: Body[] = b.arg?.ColumnRef?.fields ?? [];
  return fields[fields.length - 1]?.String?.sval;
}

const names = (list: Body): string[] => (list ?? []).map((n: Body) => String(n?.String?.sval ?? '?'));

/** A FOREIGN KEY constraint node as a ForeignKey; `columns` for an inline REFERENCES on a column. */
export function foreignKeyOf(table: string, con: Body, columns?: string[]): ForeignKey {
  const fk: ForeignKey = {
    table,
    columns: columns ?? names(con.fk_attrs),
    refTable: rangeVarName(con.pktable),
    refColumns: names(con.pk_attrs),
  };
  if (con.conname) fk.name = String(con.conname);
  return fk;
}

const sameTable = (a: string, b: string) => TableMap.key(a) === TableMap.key(b);

/**
 * The other tables a type change of table.column locks: PostgreSQL rebuilds every foreign key on
 * the column, which takes ACCESS EXCLUSIVE on the table at the other end too (checked on
 * PostgreSQL 15 in pg_locks, for both the referencing and the referenced side).
 */
function foreignKeyPartners(state: SchemaState, table: string, column: string): string[] {
  const partners = new Set<string>();
  for (const fk of state.foreignKeys) {
    if (sameTable(fk.table, table) && fk.columns.includes(column)) partners.add(fk.refTable);
    if (sameTable(fk.refTable, table) && (fk.refColumns.length === 0 || fk.refColumns.includes(column)))
      partners.add(fk.table);
  }
  for (const t of partners) if (sameTable(t, table)) partners.delete(t);
  return [...partners];
}

export interface CommandResult {
  lock: LockLevel;
  rewrites?: boolean;
  alsoLocks?: string[];
  /** The lock taken on alsoLocks (default: lock). */
  alsoLock?: LockLevel;
  inverse?: string;
  irreversible?: string;
}

export function alterCommand(
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
          state.foreignKeys.push(foreignKeyOf(table, con, [def.colname]));
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
        const also = foreignKeyPartners(state, table, cmd.name);
        add(
          SQL_RULES.alterColumnType,
          `ALTER COLUMN ${cmd.name} TYPE ${typeText(to)} on ${table}: ${why} the table under ACCESS EXCLUSIVE${also.length ? `, and rebuilding its foreign keys takes ACCESS EXCLUSIVE on ${also.join(', ')} too` : ''}`,
        );
      }
      cols?.set(cmd.name, to);
      const partners = foreignKeyPartners(state, table, cmd.name);
      const result: CommandResult = { lock: 'ACCESS EXCLUSIVE', rewrites: safe !== true };
      if (partners.length) {
        result.alsoLocks = partners;
        result.alsoLock = 'ACCESS EXCLUSIVE';
      }
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
        state.foreignKeys.push(foreignKeyOf(table, con));
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
      state.foreignKeys = state.foreignKeys.filter(
        (fk) => !(fk.name === cmd.name && sameTable(fk.table, table)),
      );
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
