/**
 * The only module that loads libpg-query (wasm). The bundler special-cases this file (asset copy and
 * a locateFile/__dirname answer, ARCHITECTURE §2), so keep it tiny and keep every other module free of
 * the import. Positions: libpg-query reports statement locations in UTF-8 bytes and error cursors in
 * characters; both are converted here to 1-based line/column of the SQL file.
 */
import { loadModule, parseSync } from 'libpg-query';
import type { Node } from 'libpg-query';
import { LineIndex } from './positions.ts';

export interface ParsedStatement {
  node: Node;
  /** Character offsets into the source (start of the statement text, end exclusive). */
  start: number;
  end: number;
  /** 1-based line and column of the first token. */
  line: number;
  column: number;
  endLine: number;
  text: string;
}

export class SqlParseError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  constructor(file: string, line: number, column: number, reason: string) {
    super(`${file}:${line}:${column}: PostgreSQL parser: ${reason}`);
    this.name = 'SqlParseError';
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

let loading: Promise<void> | undefined;

/** Loads the wasm once per process; every later call returns the same promise. */
export function loadParser(): Promise<void> {
  loading ??= loadModule();
  return loading;
}

/** Parses a whole SQL file. Call (and await) loadParser() first. */
export function parseSql(sql: string, file = '<sql>'): ParsedStatement[] {
  const index = new LineIndex(sql);
  // libpg-query rejects empty input; a file of only comments is simply no statements.
  if (index.skipTrivia(0, sql.length) === sql.length) return [];
  let result;
  try {
    result = parseSync(sql);
  } catch (error) {
    const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
    // Without details it is not a SQL error (e.g. the wasm was not loaded): let it surface as is.
    if (!details) throw error;
    const cursor = details?.cursorPosition;
    // A cursor of -1 (or none) means "at end of input" (e.g. an unterminated string).
    const at = index.position(cursor === undefined || cursor < 0 ? sql.length : cursor);
    throw new SqlParseError(file, at.line, at.column, (error as Error).message);
  }
  return (result.stmts ?? []).map((raw) => {
    const byteStart = raw.stmt_location ?? 0;
    const byteEnd = raw.stmt_len ? byteStart + raw.stmt_len : Buffer.byteLength(sql);
    let start = index.charOfByte(byteStart);
    const end = index.charOfByte(byteEnd);
    // stmt_location points after the previous ';', so skip whitespace and comments to the first token.
    start = index.skipTrivia(start, end);
    const at = index.position(start);
    return {
      node: raw.stmt as Node,
      start,
      end,
      line: at.line,
      column: at.column,
      endLine: index.position(Math.max(start, end - 1)).line,
      text: sql.slice(start, end),
    };
  });
}
