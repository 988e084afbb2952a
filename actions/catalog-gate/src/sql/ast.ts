/** Reading libpg-query's AST: names, qualified names, option lists (pure helpers). */

// The AST is a deeply nested tagged union generated from PostgreSQL's C structs; walking it with
// full static types costs more than it catches here, so bodies are read as loose records.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

export function unwrap(node: unknown): [string, Body] {
  const key = Object.keys(node as object)[0] ?? 'Unknown';
  return [key, (node as Record<string, Body>)[key]];
}

export function rangeVarName(rv: Body): string {
  if (!rv) return '?';
  return rv.schemaname ? `${rv.schemaname}.${rv.relname}` : String(rv.relname);
}

export function qualifiedFromList(list: Body): string {
  // DROP objects arrive as List { items: [String, String] } for schema.name.
  const items: Body[] = list?.List?.items ?? (Array.isArray(list) ? list : [list]);
  return items.map((i) => i?.String?.sval ?? '?').join('.');
}

export const quoteIdent = (name: string): string =>
  name
    .split('.')
    .map((p) => (/^[a-z_][a-z0-9_$]*$/.test(p) ? p : `"${p.replace(/"/g, '""')}"`))
    .join('.');

/**
 * Whether a boolean option list (VACUUM (…), REINDEX (…)) turns `name` on. PostgreSQL's
 * defGetBoolean reads a bare option as true, the integers 0/1, and the words true/false/on/off in
 * any case; libpg-query hands the words over as strings and 0 as an Integer without ival.
 */
export function hasOption(params: Body, name: string): boolean {
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
