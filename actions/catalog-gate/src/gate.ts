/**
 * The whole gate: load the catalog and the migration files, check drift and policy, analyse every
 * up script in catalog order, compare declared with detected risk, derive back-outs, and prove
 * them on a database. Returns plain data; main.ts turns it into annotations, a summary, SARIF and
 * evidence, and the CLI/bench call this directly.
 */
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, posix } from 'node:path';
import type { Finding, RuleDescriptor } from '../../../lib/report/types.ts';
import {
  CATALOG_RULES,
  checkDrift,
  checkPolicy,
  checkRisk,
  DEFAULT_PATTERN,
  fileFor,
  parseCatalog,
  rollbackOf,
  type Catalog,
  type CatalogEntry,
  type FilePattern,
} from './catalog.ts';
import {
  analyseStatements,
  emptySchemaState,
  riskRank,
  SQL_RULES,
  suggestBackout,
  type LockLevel,
  type Risk,
  type SqlAnalysis,
} from './sql/analyse.ts';
import { loadParser, parseSql, SqlParseError, type ParsedStatement } from './sql/parser.ts';
import { scriptFromStatements } from './scripts.ts';
import { denyFindings, loadRegoPolicyFile, POLICY_RULES, PolicyError, type PolicyInput } from './policy.ts';
import {
  openPglite,
  openPostgres,
  proveInRunSchema,
  type Database,
  type MigrationToProve,
  type ProofStatus,
  type Script,
} from './backout.ts';

export const PROOF_RULES = {
  notProven: {
    id: 'backout-not-proven',
    shortDescription: 'The back-out does not restore the schema',
    defaultLevel: 'error',
  },
  notRun: {
    id: 'backout-not-run',
    shortDescription: 'The back-out proof could not run for this migration',
    defaultLevel: 'warning',
  },
  database: {
    id: 'backout-database',
    shortDescription: 'The back-out proof database is unusable',
    defaultLevel: 'error',
  },
} as const satisfies Record<string, RuleDescriptor>;

/** Every rule the gate can report, for SARIF. */
export const ALL_RULES: RuleDescriptor[] = [
  ...Object.values(CATALOG_RULES),
  ...Object.values(PROOF_RULES),
  ...Object.values(POLICY_RULES),
  ...Object.values(SQL_RULES).map(
    (r) =>
      ({
        id: r.id,
        name: r.title,
        shortDescription: r.title,
        fullDescription: r.help,
        defaultLevel: r.level,
        tags: [`risk:${r.risk}`],
      }) satisfies RuleDescriptor,
  ),
];

export interface GateOptions {
  /** Absolute directory that relative paths resolve against. */
  workspace: string;
  /** Workspace-relative paths (forward slashes). */
  catalog: string;
  migrationsDir: string;
  proveBackout: boolean;
  databaseUrl?: string;
  /**
   * Workspace-relative changed files; when set, only entries whose up/down file changed are
   * reported, unless the catalog itself changed (then every entry is).
   */
  changedFiles?: readonly string[];
  pattern?: FilePattern;
  /** Custom Rego policy compiled to wasm (.wasm or OPA bundle .tar.gz), workspace-relative or absolute. */
  policy?: string;
  /** Injected for tests and the CLI; defaults to PGlite or node-postgres. */
  openDatabase?: () => Promise<Database>;
}

/** One statement of an up script as analysed: what it locks and rewrites, and which rules it hit. */
export interface StatementSummary {
  file: string;
  line: number;
  column: number;
  kind: string;
  /** Existing tables the statement locks; tables created earlier in the same file are not listed. */
  tables: string[];
  lock: LockLevel | null;
  rewrites: boolean;
  ruleIds: string[];
}

export interface EntryReport {
  id: string;
  service: string;
  declaredRisk: Risk;
  detectedRisk: Risk | null;
  locks: LockLevel[];
  rewrites: boolean;
  pii: boolean;
  retentionDays?: number;
  upFile: string;
  backout: { status: ProofStatus | 'skipped'; kind: string; problems: string[]; ms?: number };
  suggestedBackout?: { sql: string; irreversible: { line: number; reason: string }[] };
  inScope: boolean;
  /** Per statement of the up script, in order; empty when the file is missing or does not parse. */
  statements: StatementSummary[];
}

export interface GateReport {
  catalog: string;
  migrationsDir: string;
  database?: string;
  entries: EntryReport[];
  findings: Finding[];
}

const withEntry = (f: Finding, id: string): Finding => ({
  ...f,
  properties: { ...f.properties, entryId: id },
});

export async function runGate(options: GateOptions): Promise<GateReport> {
  const pattern = options.pattern ?? DEFAULT_PATTERN;
  const dirPath = options.migrationsDir.replace(/\/+$/, '');
  const report: GateReport = { catalog: options.catalog, migrationsDir: dirPath, entries: [], findings: [] };
  const abs = (p: string) => join(options.workspace, p);

  let text: string;
  try {
    text = await readFile(abs(options.catalog), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    report.findings.push({
      ruleId: CATALOG_RULES.yaml.id,
      level: 'error',
      message: `${options.catalog}: ${code === 'ENOENT' ? 'catalog file not found; create it or set the catalog input' : `cannot read the catalog (${code})`}`,
      location: { file: options.catalog, line: 1 },
    });
    return report;
  }
  const { catalog, problems } = parseCatalog(options.catalog, text);
  report.findings.push(...problems);
  if (!catalog) return report;

  let files: string[] | null;
  try {
    files = (await readdir(abs(dirPath))).sort();
  } catch {
    files = null;
  }
  const fileSet = new Set(files ?? []);
  // A catalog edit can change any entry's risk, PII or rollback without touching its SQL, and can
  // remove an entry (its files then drift): when the catalog changed, every entry is in scope.
  const changed =
    options.changedFiles && !options.changedFiles.includes(options.catalog)
      ? new Set(options.changedFiles)
      : undefined;
  const pathOf = (name: string) => posix.join(dirPath, name);
  const inScope = (e: CatalogEntry) =>
    !changed ||
    changed.has(pathOf(fileFor(pattern.up, e.id))) ||
    changed.has(pathOf(fileFor(pattern.down, e.id)));

  const entryFindings = (fs: Finding[]) =>
    fs.map((f) => {
      const line = f.location?.line;
      // Tie catalog findings to the entry whose YAML block holds them, for changed-only scoping.
      const index =
        line === undefined || f.location?.file !== catalog.file
          ? -1
          : catalog.entries.findLastIndex((_, i) => catalog.config.locate([i]).line <= line);
      const fileEntry = catalog.entries.find((e) => f.location?.file === pathOf(fileFor(pattern.up, e.id)));
      const entry = index >= 0 ? catalog.entries[index] : fileEntry;
      return entry ? withEntry(f, entry.id) : f;
    });
  report.findings.push(...entryFindings(checkDrift(catalog, dirPath, files, pattern)));
  report.findings.push(...entryFindings(checkPolicy(catalog, fileSet, pattern)));
  if (files === null) return report;

  await loadParser();
  const state = emptySchemaState();
  const parsed = new Map<string, { up: ParsedStatement[]; analysis: SqlAnalysis }>();
  // Back-outs are parsed here, not only during the proof: with prove-backout false (pre-commit) a
  // down script or inline rollback PostgreSQL cannot parse must still be an error.
  const downs = new Map<string, Script>();
  const readSql = async (name: string, entryId: string): Promise<ParsedStatement[] | undefined> => {
    const display = pathOf(name);
    try {
      return parseSql(await readFile(abs(display), 'utf8'), display);
    } catch (error) {
      if (!(error instanceof SqlParseError)) throw error;
      report.findings.push(
        withEntry(
          {
            ruleId: CATALOG_RULES.sqlParse.id,
            level: 'error',
            message: error.message,
            location: { file: error.file, line: error.line, column: error.column },
          },
          entryId,
        ),
      );
      return undefined;
    }
  };

  for (const [index, entry] of catalog.entries.entries()) {
    const upName = fileFor(pattern.up, entry.id);
    const upFile = pathOf(upName);
    const e: EntryReport = {
      id: entry.id,
      service: entry.service,
      declaredRisk: entry.risk,
      detectedRisk: null,
      locks: [],
      rewrites: false,
      pii: entry.pii,
      upFile,
      backout: { status: 'skipped', kind: rollbackOf(entry, fileSet, pattern).kind, problems: [] },
      inScope: inScope(entry),
      statements: [],
    };
    if (entry.retention_days !== undefined) e.retentionDays = entry.retention_days;
    report.entries.push(e);
    if (parsed.has(entry.id)) continue;
    const rollback = rollbackOf(entry, fileSet, pattern);
    if (rollback.kind === 'file' && fileSet.has(rollback.file)) {
      const stmts = await readSql(rollback.file, entry.id);
      if (stmts) downs.set(entry.id, scriptFromStatements(pathOf(rollback.file), stmts));
    } else if (rollback.kind === 'inline') {
      const display = `${catalog.file} (rollback of ${entry.id})`;
      try {
        downs.set(entry.id, scriptFromStatements(display, parseSql(rollback.sql, display)));
      } catch (error) {
        if (!(error instanceof SqlParseError)) throw error;
        const at = catalog.config.locate([index, 'rollback']);
        report.findings.push(
          withEntry(
            {
              ruleId: CATALOG_RULES.sqlParse.id,
              level: 'error',
              message: `inline rollback of ${entry.id}: ${error.message.slice(error.message.indexOf('PostgreSQL parser:'))} (line ${error.line}, column ${error.column} of the rollback text)`,
              location: { file: catalog.file, line: at.line, column: at.column },
            },
            entry.id,
          ),
        );
      }
    }
    if (!fileSet.has(upName)) continue;
    const up = await readSql(upName, entry.id);
    if (!up) continue;
    const analysis = analyseStatements(up, state);
    parsed.set(entry.id, { up, analysis });
    e.detectedRisk = analysis.detectedRisk;
    e.rewrites = analysis.rewrites;
    e.locks = [...new Set(analysis.statements.map((s) => s.lock).filter((l): l is LockLevel => l !== null))];
    e.statements = analysis.statements.map((s) => ({
      file: upFile,
      line: s.line,
      column: s.column,
      kind: s.kind,
      tables: s.tables,
      lock: s.lock,
      rewrites: s.rewrites,
      ruleIds: [...new Set(s.findings.map((f) => f.ruleId))],
    }));
    for (const f of analysis.findings) {
      // A risk the entry declares is acknowledged: it stays visible as a notice, not a warning.
      // Low-risk findings are traps, not lock risk, so declaring a risk does not acknowledge them.
      const acknowledged =
        f.level !== 'error' && f.risk !== 'low' && riskRank(entry.risk) >= riskRank(f.risk);
      report.findings.push(
        withEntry(
          {
            ruleId: f.ruleId,
            level: acknowledged ? 'notice' : f.level,
            message: acknowledged ? `${f.message} (acknowledged: declared risk ${entry.risk})` : f.message,
            location: { file: upFile, line: f.line, column: f.column },
            properties: { risk: f.risk },
          },
          entry.id,
        ),
      );
    }
    const understated = checkRisk(
      catalog,
      index,
      analysis.detectedRisk,
      analysis.findings.map((f) => ({ ...f, file: upFile })),
    );
    if (understated) report.findings.push(withEntry(understated, entry.id));
    if (e.backout.kind === 'none' && analysis.detectedRisk !== 'low')
      e.suggestedBackout = suggestBackout(analysis);
  }

  if (options.policy)
    report.findings.push(...(await evaluatePolicy(options, catalog, report, parsed, fileSet, pattern)));

  if (options.proveBackout)
    await prove(
      options,
      report,
      catalog.entries,
      parsed,
      downs,
      fileSet,
      pattern,
      pathOf,
      catalog.entries.length ? catalog.config.locate([0]).line : 1,
    );

  if (changed)
    report.findings = report.findings.filter((f) => {
      const id = f.properties?.['entryId'];
      return id === undefined
        ? !f.location?.file || changed.has(f.location.file) || f.location.file === options.catalog
        : report.entries.some((e) => e.id === id && e.inScope);
    });
  return report;
}

/** The input document a custom policy sees: each entry as written plus what the gate detected. */
export function policyInput(
  report: GateReport,
  catalog: Catalog,
  parsed: ReadonlyMap<string, { analysis: SqlAnalysis }>,
  files: ReadonlySet<string>,
  pattern: FilePattern = DEFAULT_PATTERN,
): PolicyInput {
  return {
    catalog: report.catalog,
    migrations_dir: report.migrationsDir,
    entries: catalog.entries.map((entry, i) => {
      const e = report.entries[i]!;
      const analysis = parsed.get(entry.id)?.analysis;
      return {
        ...entry,
        detected: {
          risk: e.detectedRisk,
          locks: e.locks,
          rewrites: e.rewrites,
          rules: [...new Set(analysis?.findings.map((f) => f.ruleId) ?? [])],
          rollback: rollbackOf(entry, files, pattern).kind,
          up_file: e.upFile,
          up_file_exists: files.has(fileFor(pattern.up, entry.id)),
        },
      };
    }),
  };
}

async function evaluatePolicy(
  options: GateOptions,
  catalog: Catalog,
  report: GateReport,
  parsed: ReadonlyMap<string, { analysis: SqlAnalysis }>,
  files: ReadonlySet<string>,
  pattern: FilePattern,
): Promise<Finding[]> {
  const display = options.policy!.split('\\').join('/');
  try {
    const policy = await loadRegoPolicyFile(
      isAbsolute(display) ? display : join(options.workspace, display),
      display,
    );
    return denyFindings(policy.deny(policyInput(report, catalog, parsed, files, pattern)), catalog, display);
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    return [
      {
        ruleId: POLICY_RULES.error.id,
        level: 'error',
        message: error.message,
        location: { file: display, line: 1 },
      },
    ];
  }
}

async function prove(
  options: GateOptions,
  report: GateReport,
  entries: CatalogEntry[],
  parsed: Map<string, { up: ParsedStatement[]; analysis: SqlAnalysis }>,
  downs: ReadonlyMap<string, Script>,
  fileSet: Set<string>,
  pattern: FilePattern,
  pathOf: (name: string) => string,
  firstEntryLine: number,
): Promise<void> {
  // The proof needs every up script: a gap would make later migrations fail for the wrong reason.
  const missing = entries.filter((e) => !parsed.has(e.id));
  if (missing.length) {
    for (const e of report.entries)
      e.backout.problems.push(`not proven: ${missing[0]!.id} could not be read or parsed`);
    return;
  }
  const toProve: MigrationToProve[] = [];
  for (const entry of entries) {
    const { up, analysis } = parsed.get(entry.id)!;
    const m: MigrationToProve = {
      id: entry.id,
      up: scriptFromStatements(pathOf(fileFor(pattern.up, entry.id)), up),
    };
    const rollback = rollbackOf(entry, fileSet, pattern);
    let down: Script | undefined = downs.get(entry.id);
    if (rollback.kind === 'revert') {
      const target = parsed.get(rollback.id);
      if (target) down = scriptFromStatements(pathOf(fileFor(pattern.up, rollback.id)), target.up);
    } else if (rollback.kind === 'none') {
      const suggestion = suggestBackout(analysis);
      if (suggestion.sql && suggestion.irreversible.length === 0)
        down = scriptFromStatements(`(generated back-out of ${entry.id})`, parseSql(suggestion.sql), true);
    }
    if (down) m.down = down;
    toProve.push(m);
  }

  // Proof-wide problems belong to the catalog as a whole: annotate its first entry.
  const catalogLocation = { file: report.catalog, line: firstEntryLine };
  let db: Database;
  try {
    db = await (
      options.openDatabase ?? (() => (options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite()))
    )();
  } catch (error) {
    report.findings.push({
      ruleId: PROOF_RULES.database.id,
      level: 'error',
      message: `back-out proof: ${(error as Error).message}`,
      location: catalogLocation,
    });
    return;
  }
  report.database = db.label;
  try {
    const { results, leftovers } = await proveInRunSchema(db, toProve);
    if (leftovers.length)
      report.findings.push({
        ruleId: PROOF_RULES.database.id,
        level: 'warning',
        message: `back-out proof on ${db.label}: could not drop ${leftovers.slice(0, 5).join(', ')}${leftovers.length > 5 ? ', …' : ''} after the run; drop them by hand before the next run`,
        location: catalogLocation,
      });
    for (const r of results) {
      const e = report.entries.find((x) => x.id === r.id)!;
      e.backout = {
        status: r.status,
        kind: r.generated ? 'generated' : e.backout.kind,
        problems: r.problems,
        ms: Math.round(r.ms),
      };
      if (r.status === 'failed') {
        const loc = r.failure ? { file: r.failure.file, line: r.failure.line } : { file: e.upFile, line: 1 };
        report.findings.push(
          withEntry(
            {
              ruleId: PROOF_RULES.notProven.id,
              level: 'error',
              message: `${r.id}: ${r.problems.join('; ')}`,
              location: loc,
            },
            r.id,
          ),
        );
      } else if (r.status === 'not-run') {
        report.findings.push(
          withEntry(
            {
              ruleId: PROOF_RULES.notRun.id,
              level: 'warning',
              message: `${r.id}: ${r.problems.join('; ')}`,
              location: { file: e.upFile, line: 1 },
            },
            r.id,
          ),
        );
      }
    }
  } catch (error) {
    report.findings.push({
      ruleId: PROOF_RULES.database.id,
      level: 'error',
      message: `back-out proof on ${db.label}: ${(error as Error).message}`,
      location: catalogLocation,
    });
  } finally {
    await db.close().catch(() => {});
  }
}
