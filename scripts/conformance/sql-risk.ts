/**
 * Agreement of catalog-gate's SQL analysis with two public linters' labelled cases
 * (../shared/eval/sql-risk/*.jsonl, read in place, never copied). For every peer rule that maps to
 * lock-safety rules we implement, a case counts as agreeing when our verdict (any mapped finding =
 * violation) equals the peer's label. Style rules (prefer-text-field, …) are listed as unmapped.
 *
 *   npx node scripts/conformance/sql-risk.ts [--details]
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadParser, parseSql, SqlParseError } from '../../actions/catalog-gate/src/sql/parser.ts';
import { analyseStatements, emptySchemaState } from '../../actions/catalog-gate/src/sql/analyse.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(root, '..', 'shared', 'eval', 'sql-risk');

/** Peer rule (squawk rule name or eugene hint) → our rule ids. */
export const MAPPING: Record<string, string[]> = {
  AddingFieldWithDefault: ['add-column-rewrite'],
  AddingForeignKeyConstraint: ['add-foreign-key-validated'],
  AddingNotNullableField: ['set-not-null-scan'],
  AddingRequiredField: ['add-required-column'],
  AddingSerialPrimaryKeyField: ['add-column-rewrite', 'add-unique-without-index'],
  BanConcurrentIndexCreationInTransaction: ['concurrent-in-transaction'],
  BanDropColumn: ['drop-column'],
  BanDropTable: ['drop-table'],
  BanTruncateCascade: ['truncate'],
  ChangingColumnType: ['alter-column-type'],
  ConstraintMissingNotValid: [
    'add-check-validated',
    'add-foreign-key-validated',
    'validate-in-same-transaction',
  ],
  DisallowedUniqueConstraint: ['add-unique-without-index'],
  PreferRepack: ['vacuum-full', 'cluster'],
  RenamingColumn: ['rename-column'],
  RenamingTable: ['rename-table'],
  RequireConcurrentIndexCreation: ['create-index-not-concurrent'],
  RequireConcurrentIndexDeletion: ['drop-index-not-concurrent'],
  RequireConcurrentReindex: ['reindex-not-concurrent'],
  RequireLockTimeout: ['missing-lock-timeout'],
  RequireTimeoutSettings: ['missing-lock-timeout'],
  E1: ['add-check-validated'],
  E2: ['set-not-null-scan'],
  E5: ['alter-column-type'],
  E6: ['create-index-not-concurrent'],
  E7: ['add-unique-without-index'],
  E8: ['add-unique-without-index'],
  E9: ['missing-lock-timeout'],
  E10: ['add-column-rewrite', 'alter-column-type'],
  E11: ['add-column-rewrite'],
};

export interface Case {
  source: string;
  sql: string;
  rule?: string;
  hint?: string;
  verdict: string;
  assume_in_transaction?: boolean;
  pg_version?: string | null;
}

/** Eugene examples concatenate numbered files ("-- 1.sql"); each is a migration applied in turn. */
function sections(sql: string): string[] {
  const parts = sql.split(/^-- \d+\.sql\s*$/m).filter((p) => p.trim() !== '');
  return parts.length ? parts : [sql];
}

export type Verdict = 'ok' | 'violation' | 'parse-error' | 'analyser-error';

/**
 * Our verdict on one case. Only PostgreSQL's parser rejecting the SQL is a parse error; a bug in
 * our analyser (an exception, or its analyser-error finding) is counted apart so it cannot hide
 * behind the parser.
 */
export function verdictOf(
  c: Case,
  ours: readonly string[],
): { verdict: Verdict; found: string[]; error?: string } {
  const state = emptySchemaState();
  const found: string[] = [];
  try {
    for (const part of sections(c.sql)) {
      const r = analyseStatements(parseSql(part), state, {
        assumeInTransaction: c.assume_in_transaction ?? false,
      });
      const failed = r.findings.find((f) => f.ruleId === 'analyser-error');
      if (failed) return { verdict: 'analyser-error', found, error: failed.message };
      found.push(...r.findings.map((f) => f.ruleId).filter((id) => ours.includes(id)));
    }
  } catch (error) {
    if (error instanceof SqlParseError) return { verdict: 'parse-error', found, error: error.message };
    return { verdict: 'analyser-error', found, error: (error as Error).message };
  }
  return { verdict: found.length ? 'violation' : 'ok', found };
}

export interface RuleStats {
  agree: number;
  total: number;
  parseErrors: number;
  analyserErrors: number;
  disagreements: string[];
}

/** Runs every labelled case in `casesDir`; `agree`/`total` is the overall figure the README quotes. */
export function measure(casesDir: string = dir): {
  perRule: Map<string, RuleStats>;
  unmapped: Map<string, number>;
  agree: number;
  total: number;
} {
  const perRule = new Map<string, RuleStats>();
  const unmapped = new Map<string, number>();
  for (const name of readdirSync(casesDir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(casesDir, name), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const c = JSON.parse(line) as Case;
      const peer = c.rule ?? c.hint ?? '?';
      const ours = MAPPING[peer];
      if (!ours) {
        unmapped.set(peer, (unmapped.get(peer) ?? 0) + 1);
        continue;
      }
      const key = `${name.split('_')[0]}:${peer}`;
      const s = perRule.get(key) ?? {
        agree: 0,
        total: 0,
        parseErrors: 0,
        analyserErrors: 0,
        disagreements: [],
      };
      const r = verdictOf(c, ours);
      s.total++;
      if (r.verdict === 'parse-error') s.parseErrors++;
      if (r.verdict === 'analyser-error') s.analyserErrors++;
      // Labels such as 'violation(fix)' are violations that squawk can also autofix.
      const expected = c.verdict.startsWith('violation') ? 'violation' : 'ok';
      if (r.verdict === expected) s.agree++;
      else
        s.disagreements.push(
          `${c.source}: peer ${c.verdict}, ours ${r.verdict}${r.error ? ` [${r.error}]` : ''}${c.pg_version ? ` (peer assumes PG ${c.pg_version})` : ''}\n      ${c.sql.trim().replace(/\s+/g, ' ').slice(0, 160)}`,
        );
      perRule.set(key, s);
    }
  }
  let agree = 0;
  let total = 0;
  for (const s of perRule.values()) {
    agree += s.agree;
    total += s.total;
  }
  return { perRule, unmapped, agree, total };
}

export const casesDir = dir;

async function main(): Promise<void> {
  if (!existsSync(dir)) {
    console.error(
      `No labelled cases at ${dir}; this script reads ../shared/eval/sql-risk relative to the repository root.`,
    );
    process.exit(2);
  }
  await loadParser();
  const details = process.argv.includes('--details');
  const { perRule, unmapped, agree, total } = measure();
  console.log('peer rule'.padEnd(52), 'agree/total', '  %', ' parse errors', ' analyser errors');
  for (const [rule, s] of [...perRule].sort()) {
    console.log(
      rule.padEnd(52),
      `${s.agree}/${s.total}`.padStart(11),
      `${((100 * s.agree) / s.total).toFixed(0)}%`.padStart(4),
      String(s.parseErrors).padStart(4),
      String(s.analyserErrors).padStart(4),
    );
    if (details) for (const d of s.disagreements) console.log(`    ${d}`);
  }
  console.log(
    `\nOverall agreement on mapped lock-safety rules: ${agree}/${total} = ${((100 * agree) / total).toFixed(1)}%`,
  );
  console.log(
    `Unmapped peer rules (style or out of scope): ${[...unmapped].map(([r, n]) => `${r} (${n})`).join(', ')}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
