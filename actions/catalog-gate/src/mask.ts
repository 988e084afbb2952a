/**
 * PostgreSQL error messages quote values taken from the data: `invalid input syntax for type
 * integer: "<value>"`, `Key (email)=(<value>) already exists`, `Failing row contains (<values>)`.
 * A hostile migration can aim such an error at a secret (a cast of pg_authid's password hashes, a
 * server file), and the message lands in annotations and the summary. So every quoted part of a
 * database message is masked unless it is a name the migration itself wrote (`relation "users"
 * does not exist` stays useful).
 */
export const MASK = '***';

/** Words (identifiers, as PostgreSQL folds unquoted ones, and as written) of the SQL that ran. */
export function namesIn(sql: string): Set<string> {
  const names = new Set<string>();
  for (const m of sql.matchAll(/"((?:[^"]|"")+)"|([\p{L}_][\p{L}\p{N}_$]*)/gu)) {
    if (m[1] !== undefined) names.add(m[1].replace(/""/g, '"'));
    else {
      names.add(m[2]!);
      names.add(m[2]!.toLowerCase());
    }
  }
  return names;
}

/** The message with every quoted value that is not a known name replaced by ***. */
export function maskDatabaseMessage(message: string, known: ReadonlySet<string>): string {
  const keep = (value: string) =>
    value
      .split('.')
      .every((part) => known.has(part) || known.has(part.replace(/\(.*\)$/, '')) || part === '');
  // A value PostgreSQL quotes is not escaped: one holding quotes (`"x" secret "y"`, `""secret""`)
  // would split into harmless-looking quoted parts. So a quoted tail (`…: "<value>"`, how input
  // errors quote a value) is masked as one span, and so is everything between the first and last
  // quote when any quoted part is empty (never a name).
  const tail = /^([^"]*: )"(.*)"$/s.exec(message);
  if (tail && !keep(tail[2]!)) return `${tail[1]}"${MASK}"`;
  if (/""/.test(message)) {
    const first = message.indexOf('"');
    const last = message.lastIndexOf('"');
    return `${message.slice(0, first)}"${MASK}"${message.slice(last + 1)}`;
  }
  return (
    message
      // Key (col, …)=(value, …): the columns are names, the values are data.
      .replace(/\)=\((.*?)\)( already exists| is not present| is still referenced|\s*$)/g, `)=(${MASK})$2`)
      .replace(/(Failing row contains |row contains )\((.*)\)/g, `$1(${MASK})`)
      .replace(/"((?:[^"\\]|\\.)*)"/g, (whole, value: string) => (keep(value) ? whole : `"${MASK}"`))
  );
}
