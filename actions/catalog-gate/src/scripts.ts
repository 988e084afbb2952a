/** Turns SQL text into a runnable Script (statements with their lines) using the real parser. */
import { parseSql, type ParsedStatement } from './sql/parser.ts';
import { analyseStatements, emptySchemaState } from './sql/analyse.ts';
import type { Script } from './proof.ts';

export function scriptFromStatements(
  file: string,
  statements: readonly ParsedStatement[],
  generated = false,
): Script {
  const script: Script = {
    file,
    statements: statements.map((s) => ({
      text: s.text,
      line: s.line,
      transactionControl: 'TransactionStmt' in s.node,
    })),
    noTransaction: analyseStatements(statements, emptySchemaState()).needsNoTransaction,
  };
  if (generated) script.generated = true;
  return script;
}

/** Throws SqlParseError (file:line:column) when PostgreSQL's parser rejects the text. */
export function scriptFromSql(file: string, sql: string, generated = false): Script {
  return scriptFromStatements(file, parseSql(sql, file), generated);
}
