/** The SQL rules (stable ids, risk, level) and the lock/risk scales they are rated on. */
export const LOCK_LEVELS = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
] as const;
export type LockLevel = (typeof LOCK_LEVELS)[number];
export type Risk = 'low' | 'medium' | 'high';
export const RISKS: readonly Risk[] = ['low', 'medium', 'high'];

export function lockRank(lock: LockLevel | null): number {
  return lock === null ? 0 : LOCK_LEVELS.indexOf(lock) + 1;
}
export function riskRank(risk: Risk): number {
  return RISKS.indexOf(risk);
}
export function maxRisk(a: Risk, b: Risk): Risk {
  return riskRank(a) >= riskRank(b) ? a : b;
}

export interface SqlRule {
  id: string;
  risk: Risk;
  level: 'error' | 'warning';
  title: string;
  help: string;
}

function rule(
  id: string,
  risk: Risk,
  title: string,
  help: string,
  level: 'error' | 'warning' = 'warning',
): SqlRule {
  return { id, risk, level, title, help };
}

/** Rule ids are stable: reports, suppressions and the conformance mapping refer to them. */
export const SQL_RULES = {
  createIndex: rule(
    'create-index-not-concurrent',
    'medium',
    'CREATE INDEX without CONCURRENTLY',
    'Blocks writes (SHARE lock) for the whole build. Use CREATE INDEX CONCURRENTLY outside a transaction.',
  ),
  dropIndex: rule(
    'drop-index-not-concurrent',
    'medium',
    'DROP INDEX without CONCURRENTLY',
    'Takes ACCESS EXCLUSIVE on the table. Use DROP INDEX CONCURRENTLY outside a transaction.',
  ),
  concurrentInTx: rule(
    'concurrent-in-transaction',
    'high',
    'CONCURRENTLY inside a transaction',
    'PostgreSQL refuses CONCURRENTLY inside a transaction block; the migration fails. Run it in its own migration without BEGIN.',
    'error',
  ),
  addColumnRewrite: rule(
    'add-column-rewrite',
    'high',
    'ADD COLUMN rewrites the table',
    'A volatile default, identity, serial, GENERATED STORED or a domain with CHECK rewrites the table under ACCESS EXCLUSIVE. Add the column plain, backfill in batches, then set the default.',
  ),
  addRequiredColumn: rule(
    'add-required-column',
    'medium',
    'ADD COLUMN NOT NULL without a default',
    'Fails on a table that has rows. Add it nullable or with a constant default.',
  ),
  alterColumnType: rule(
    'alter-column-type',
    'high',
    'ALTER COLUMN TYPE rewrites the table',
    'Changing a type (other than widening varchar or varchar to text) rewrites the table and its indexes under ACCESS EXCLUSIVE. Add a new column, backfill, and swap.',
  ),
  setNotNull: rule(
    'set-not-null-scan',
    'medium',
    'SET NOT NULL without a validated CHECK',
    'Scans the whole table under ACCESS EXCLUSIVE. First add CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, then SET NOT NULL.',
  ),
  addForeignKey: rule(
    'add-foreign-key-validated',
    'medium',
    'ADD FOREIGN KEY without NOT VALID',
    'Validating scans the table while holding SHARE ROW EXCLUSIVE on both tables. Add it NOT VALID, then VALIDATE CONSTRAINT.',
  ),
  addCheck: rule(
    'add-check-validated',
    'medium',
    'ADD CHECK without NOT VALID',
    'Validating scans the table under ACCESS EXCLUSIVE. Add it NOT VALID, then VALIDATE CONSTRAINT.',
  ),
  addUnique: rule(
    'add-unique-without-index',
    'medium',
    'ADD UNIQUE/PRIMARY KEY without USING INDEX',
    'Builds the index under ACCESS EXCLUSIVE. CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX.',
  ),
  dropColumn: rule(
    'drop-column',
    'high',
    'DROP COLUMN loses data',
    'The data cannot be restored by a back-out. Stop reading the column first and keep a copy if needed.',
  ),
  dropTable: rule(
    'drop-table',
    'high',
    'DROP TABLE loses data',
    'The data cannot be restored by a back-out.',
  ),
  renameColumn: rule(
    'rename-column',
    'medium',
    'RENAME COLUMN breaks running code',
    'Deployed code still uses the old name. Add a new column or a view, migrate readers, then drop.',
  ),
  renameTable: rule(
    'rename-table',
    'medium',
    'RENAME TABLE breaks running code',
    'Deployed code still uses the old name. Use a view for the transition.',
  ),
  truncate: rule(
    'truncate',
    'high',
    'TRUNCATE loses data',
    'Removes every row under ACCESS EXCLUSIVE; no back-out can restore them.',
  ),
  vacuumFull: rule(
    'vacuum-full',
    'high',
    'VACUUM FULL rewrites the table',
    'Rewrites under ACCESS EXCLUSIVE. Use pg_repack or plain VACUUM.',
  ),
  cluster: rule(
    'cluster',
    'high',
    'CLUSTER rewrites the table',
    'Rewrites under ACCESS EXCLUSIVE. Use pg_repack.',
  ),
  reindex: rule(
    'reindex-not-concurrent',
    'medium',
    'REINDEX without CONCURRENTLY',
    'Blocks writes to the table and reads through the index. Use REINDEX … CONCURRENTLY (PG 12+).',
  ),
  statementTimeoutConcurrent: rule(
    'statement-timeout-concurrently',
    'low',
    'statement_timeout set before a CONCURRENTLY build',
    'A concurrent build runs as long as the table needs; when statement_timeout cancels it, PostgreSQL leaves an INVALID index behind that still slows writes and must be dropped before a retry. SET statement_timeout = 0 before the build (keep lock_timeout).',
  ),
  validateSameTransaction: rule(
    'validate-in-same-transaction',
    'medium',
    'VALIDATE CONSTRAINT in the transaction that added it NOT VALID',
    'The lock the ADD CONSTRAINT … NOT VALID took (ACCESS EXCLUSIVE for a CHECK, SHARE ROW EXCLUSIVE on both tables for a FOREIGN KEY) is held until the transaction ends, so the validating scan runs under it and NOT VALID buys nothing. COMMIT between them, or validate in a later migration.',
  ),
  doBlock: rule(
    'do-block-not-analysed',
    'low',
    'DO block: the body cannot be analysed',
    'The body of a DO block is procedural code (PL/pgSQL or another language) that the SQL parser does not look into, so its locks, rewrites and data loss are unknown. Put the DDL in plain statements, or review the block by hand.',
  ),
  analyserError: rule(
    'analyser-error',
    'low',
    'The statement could not be analysed',
    'catalog-gate failed on this statement, so its locks and risk are unknown. Review it by hand and report the statement to the catalog-gate maintainers.',
    'error',
  ),
  lockTimeout: rule(
    'missing-lock-timeout',
    'medium',
    'No lock_timeout before a strong lock',
    "A statement waiting for SHARE or stronger queues every later query behind it. SET lock_timeout first (e.g. SET lock_timeout = '5s') and retry.",
  ),
  dropDatabase: rule(
    'drop-database',
    'high',
    'DROP DATABASE in a migration',
    'A migration changes one database; dropping a database (this one or another on the server) is never part of one. The back-out proof does not run it.',
    'error',
  ),
  copyProgram: rule(
    'copy-program',
    'high',
    'COPY … PROGRAM runs a shell command on the database server',
    'COPY TO/FROM PROGRAM executes an operating-system command as the PostgreSQL server user. Never in a migration; load data from the client (COPY … FROM STDIN). The back-out proof does not run it.',
    'error',
  ),
  serverFileAccess: rule(
    'server-file-access',
    'high',
    'Reads or writes files on the database server',
    "COPY to or from a server file, pg_read_file, pg_ls_dir, lo_import/lo_export and similar functions reach the server's file system. Never in a migration. The back-out proof does not run it.",
    'error',
  ),
  deleteWithoutWhere: rule(
    'delete-without-where',
    'high',
    'DELETE without WHERE deletes every row',
    'Deletes every row of an existing table, locking each one until the migration commits (a long transaction that blocks concurrent writers and vacuum); no back-out restores the rows. Add a WHERE clause, or delete in batches outside the migration.',
  ),
  updateWithoutWhere: rule(
    'update-without-where',
    'medium',
    'UPDATE without WHERE rewrites every row',
    'Writes a new version of every row of an existing table and holds every row lock until the migration commits: concurrent writers wait, the table bloats. Backfill in batches (WHERE id BETWEEN …) outside the migration.',
  ),
  identifierTooLong: rule(
    'identifier-too-long',
    'low',
    'Identifier longer than 63 bytes',
    'PostgreSQL silently truncates identifiers to 63 bytes (NAMEDATALEN - 1): the object gets a different name than written, and two long names that share their first 63 bytes collide. Use a shorter name.',
  ),
} as const satisfies Record<string, SqlRule>;

export type SqlRuleId = (typeof SQL_RULES)[keyof typeof SQL_RULES]['id'];
const RULE_BY_ID = new Map<string, SqlRule>(Object.values(SQL_RULES).map((r) => [r.id, r]));
export function sqlRule(id: string): SqlRule | undefined {
  return RULE_BY_ID.get(id);
}
