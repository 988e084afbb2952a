/** Column types as written, normalised to PostgreSQL's names, and which type changes rewrite. */
import { unwrap, type Body } from './ast.ts';

export interface ColumnType {
  name: string;
  mods: number[];
  array: boolean;
}

export function typeOf(typeName: Body): ColumnType {
  const names: string[] = (typeName?.names ?? []).map((n: Body) => n?.String?.sval ?? '');
  const filtered = names[0] === 'pg_catalog' ? names.slice(1) : names;
  const mods: number[] = (typeName?.typmods ?? []).map((m: Body) => Number(m?.A_Const?.ival?.ival ?? 0));
  return {
    name: filtered.join('.'),
    mods,
    array: Array.isArray(typeName?.arrayBounds) && typeName.arrayBounds.length > 0,
  };
}

export function typeText(t: ColumnType): string {
  return `${t.name}${t.mods.length ? `(${t.mods.join(',')})` : ''}${t.array ? '[]' : ''}`;
}

export const SERIAL_TYPES = new Set(['serial', 'bigserial', 'smallserial', 'serial2', 'serial4', 'serial8']);
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
export function volatility(expr: Body): string | null {
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

/**
 * PostgreSQL's own name for a type as written: the grammar maps some spellings (`integer`,
 * `character varying`, `timestamp without time zone`) to pg_catalog names itself, but the short
 * aliases typed as plain identifiers (`int4`, `bool`, `timestamptz`, `serial`) arrive as written.
 */
const TYPE_ALIASES: Record<string, string> = {
  int: 'int4',
  integer: 'int4',
  serial: 'int4',
  serial4: 'int4',
  bigint: 'int8',
  bigserial: 'int8',
  serial8: 'int8',
  smallint: 'int2',
  smallserial: 'int2',
  serial2: 'int2',
  real: 'float4',
  float: 'float8',
  'double precision': 'float8',
  decimal: 'numeric',
  boolean: 'bool',
  'character varying': 'varchar',
  character: 'bpchar',
  char: 'bpchar',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  'time without time zone': 'time',
  'time with time zone': 'timetz',
  'bit varying': 'varbit',
};

export function canonicalType(name: string): string {
  const bare = name.startsWith('pg_catalog.') ? name.slice('pg_catalog.'.length) : name;
  return TYPE_ALIASES[bare] ?? bare;
}

/**
 * Whether ALTER COLUMN … TYPE leaves the table alone: the same type (after normalising the name),
 * varchar widening, varchar/char(n) to text or unbounded varchar, numeric precision increase.
 * Undefined when the current type is unknown.
 */
export function typeChangeIsSafe(
  fromAsWritten: ColumnType | undefined,
  toAsWritten: ColumnType,
): boolean | undefined {
  if (!fromAsWritten) return undefined;
  const from = { ...fromAsWritten, name: canonicalType(fromAsWritten.name) };
  const to = { ...toAsWritten, name: canonicalType(toAsWritten.name) };
  if (from.array !== to.array) return false;
  // PostgreSQL compares the type and typmod and rewrites nothing when both are unchanged
  // (checked: relfilenode stays the same for uuid → UUID).
  if (from.name === to.name && from.mods.join(',') === to.mods.join(',')) return true;
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
