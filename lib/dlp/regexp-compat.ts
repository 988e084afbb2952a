/**
 * Duplicate named groups — `(?:"(?<secret>…)"|(?<secret>…))`, one name in several alternatives —
 * are ES2025: Node 24 compiles them, Node 20 (V8 11.3) throws "Duplicate capture group name". The
 * rule pack uses them, and the installed CLI must run on Node ≥ 20 with the same findings.
 *
 * The fallback renames every repeat of a name (`secret` → `secret$2`) and merges the aliases back
 * into `groups` (and `indices.groups` with the `d` flag) after each exec. Equivalent because a
 * name may only repeat in different alternatives, so at most one of its groups takes part in a
 * match; group numbers do not change. `source` stays the pattern as written.
 */

/** Compiles `source` with `flags`, natively when this engine can, with the fallback otherwise. */
export function compileRegExp(source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    const renamed = renameDuplicateGroups(source);
    if (!renamed) throw error;
    return new DuplicateGroupsRegExp(renamed.source, flags, source, renamed.aliases);
  }
}

/**
 * The pattern with each repeated group name made unique, and the aliases (new name → name);
 * undefined when no name repeats, or when a repeated name is used in a `\k<name>` backreference
 * (that cannot be rewritten without changing what matches).
 */
export function renameDuplicateGroups(
  source: string,
): { source: string; aliases: Map<string, string> } | undefined {
  const seen = new Map<string, number>();
  const names = new Set<string>();
  const groupAt: Array<{ at: number; name: string }> = [];
  const backrefs = new Set<string>();
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const ref = /^k<([^>]+)>/.exec(source.slice(i + 1));
      if (ref && !inClass) backrefs.add(ref[1]!);
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '(' && source.startsWith('?<', i + 1) && !'=!'.includes(source[i + 3] ?? '')) {
      const end = source.indexOf('>', i + 3);
      if (end === -1) return undefined;
      const name = source.slice(i + 3, end);
      names.add(name);
      groupAt.push({ at: i + 3, name });
      i = end;
    }
  }
  const aliases = new Map<string, string>();
  let out = '';
  let from = 0;
  for (const { at, name } of groupAt) {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) continue;
    if (backrefs.has(name)) return undefined;
    let alias = `${name}$${count}`;
    while (names.has(alias)) alias += '$';
    names.add(alias);
    aliases.set(alias, name);
    out += source.slice(from, at) + alias;
    from = at + name.length;
  }
  if (aliases.size === 0) return undefined;
  return { source: out + source.slice(from), aliases };
}

/** A RegExp whose renamed duplicate groups read back under their one name (see the file comment). */
export class DuplicateGroupsRegExp extends RegExp {
  // split/matchAll build a plain copy through the species: they never expose groups.
  static override get [Symbol.species](): RegExpConstructor {
    return RegExp;
  }

  readonly #written: string;
  readonly #aliases: ReadonlyMap<string, string>;

  constructor(renamed: string, flags: string, written: string, aliases: ReadonlyMap<string, string>) {
    super(renamed, flags);
    this.#written = written;
    this.#aliases = aliases;
  }

  override get source(): string {
    return this.#written;
  }

  override exec(text: string): RegExpExecArray | null {
    const m = super.exec(text);
    if (m?.groups) merge(m.groups, this.#aliases);
    if (m?.indices?.groups) merge(m.indices.groups, this.#aliases);
    return m;
  }
}

function merge<T>(groups: Record<string, T | undefined>, aliases: ReadonlyMap<string, string>): void {
  for (const [alias, name] of aliases) {
    if (groups[name] === undefined && groups[alias] !== undefined) groups[name] = groups[alias];
    delete groups[alias];
  }
}
