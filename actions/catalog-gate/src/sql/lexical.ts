/**
 * What the parser's AST cannot tell: PostgreSQL's scanner truncates a long identifier before the
 * grammar sees it, so the AST already holds the 63-byte name. One linear pass over the statement
 * text finds the identifiers as written, skipping strings, dollar quotes and comments.
 */

/** NAMEDATALEN - 1: the longest identifier PostgreSQL keeps. */
export const MAX_IDENTIFIER_BYTES = 63;

export interface LongIdentifier {
  /** The identifier as written (quoted ones without their quotes). */
  name: string;
  bytes: number;
  /** Character offset in the text. */
  offset: number;
}

const isIdentStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 0x80;
const isIdentPart = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57) || c === 36;

/** Identifiers longer than 63 bytes in one statement's text. */
export function longIdentifiers(text: string): LongIdentifier[] {
  const found: LongIdentifier[] = [];
  const n = text.length;
  let i = 0;
  const check = (name: string, offset: number) => {
    // Cheap length test first: a name of at most 63 UTF-16 units can still be over 63 bytes.
    if (name.length * 3 <= MAX_IDENTIFIER_BYTES) return;
    const bytes = Buffer.byteLength(name);
    if (bytes > MAX_IDENTIFIER_BYTES) found.push({ name, bytes, offset });
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 45 && text.charCodeAt(i + 1) === 45) {
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (text[i] === '/' && text[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (text[i] === '*' && text[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (c === 39) {
      // '…' with '' inside; an E'…' string also takes backslash escapes.
      const escapes = i > 0 && (text[i - 1] === 'E' || text[i - 1] === 'e');
      i++;
      while (i < n) {
        if (escapes && text[i] === '\\') i += 2;
        else if (text[i] === "'") {
          if (text[i + 1] === "'") i += 2;
          else break;
        } else i++;
      }
      i++;
    } else if (c === 34) {
      const start = i;
      let name = '';
      i++;
      while (i < n) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            name += '"';
            i += 2;
          } else break;
        } else name += text[i++];
      }
      i++;
      check(name, start);
    } else if (c === 36 && (i === 0 || !isIdentPart(text.charCodeAt(i - 1)))) {
      // $tag$ … $tag$ (a bare $1 parameter has no closing $ before a non-identifier character).
      let j = i + 1;
      while (j < n && isIdentPart(text.charCodeAt(j)) && text[j] !== '$') j++;
      if (text[j] === '$') {
        const tag = text.slice(i, j + 1);
        const close = text.indexOf(tag, j + 1);
        i = close < 0 ? n : close + tag.length;
      } else i = j;
    } else if (isIdentStart(c)) {
      const start = i;
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      check(text.slice(start, i), start);
    } else i++;
  }
  return found;
}

/** Functions that read or write the server's file system (core and adminpack) or reach other servers. */
export const SERVER_FILE_FUNCTIONS = new Set([
  'pg_read_file',
  'pg_read_binary_file',
  'pg_stat_file',
  'pg_ls_dir',
  'pg_ls_logdir',
  'pg_ls_waldir',
  'pg_ls_tmpdir',
  'pg_ls_archive_statusdir',
  'pg_ls_logicalsnapdir',
  'pg_ls_logicalmapdir',
  'pg_ls_replslotdir',
  'lo_import',
  'lo_export',
  'pg_file_write',
  'pg_file_rename',
  'pg_file_unlink',
  'pg_file_sync',
  'pg_logdir_ls',
]);

const BODY_PATTERNS: { rule: 'drop-database' | 'copy-program' | 'server-file-access'; re: RegExp }[] = [
  { rule: 'drop-database', re: /\bdrop\s+database\b/i },
  { rule: 'copy-program', re: /\bprogram\s+'/i },
  {
    rule: 'server-file-access',
    re: new RegExp(`\\b(${[...SERVER_FILE_FUNCTIONS].join('|')})\\s*\\(`, 'i'),
  },
];

/** The dangerous operations a procedural body (DO, CREATE FUNCTION) spells out in its text. */
export function dangerousInBody(
  body: string,
): { rule: (typeof BODY_PATTERNS)[number]['rule']; match: string }[] {
  const out: { rule: (typeof BODY_PATTERNS)[number]['rule']; match: string }[] = [];
  for (const p of BODY_PATTERNS) {
    const m = p.re.exec(body);
    if (m) out.push({ rule: p.rule, match: m[0] });
  }
  return out;
}
