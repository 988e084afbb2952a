/**
 * The whole gate: load the catalog and the migration files, check drift and policy, analyse every
 * up script in catalog order, compare declared with detected risk, derive back-outs, and prove
 * them on a database. Returns plain data; main.ts turns it into annotations, a summary, SARIF and
 * evidence, and the CLI/bench call this directly.
 */
import { readdir } from 'node:fs/promises';
import { outsideWorkspace } from '../../../lib/workspace.ts';
import { readWorkspaceFile } from '../../../lib/workspace.ts';
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
import { openPglite, pgliteHasExtension, type Database } from './backout.ts';
import { proveInRunSchema, type MigrationToProve, type ProofStatus, type Script } from './proof.ts';
import { DEFAULT_TIMEOUTS, openSandbox, type ProofTimeouts } from './sandbox.ts';

export const PROOF_RULES = {
  notProven: {
    id: 'backout-not-proven',
    shortDescription: 'The back-out does not restore the schema',
    defaultLevel: 'error',
  },
  notProvable: {
    id: 'backout-not-provable',
    shortDescription: 'The back-out of this migration cannot be proven (the message says why)',
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
  /** Injected for tests and the CLI; defaults to PGlite or a sandbox on the database-url server. */
  openDatabase?: () => Promise<Database>;
  /** Timeouts of the proof session on PostgreSQL. */
  timeouts?: ProofTimeouts;
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

  const read = await readWorkspaceFile(options.workspace, options.catalog);
  if (!read.ok) {
    const outside = read.why.startsWith('refused');
    report.findings.push({
      ruleId: outside ? CATALOG_RULES.pathOutside.id : CATALOG_RULES.yaml.id,
      level: 'error',
      message: /: not found$/.test(read.why)
        ? `${options.catalog}: catalog file not found; create it or set the catalog input`
        : `catalog: ${read.why}`,
      // A path outside the workspace is no place to annotate (and SARIF refuses it).
      ...(outside ? {} : { location: { file: options.catalog, line: 1 } }),
    });
    return report;
  }
  const { catalog, problems } = parseCatalog(options.catalog, read.text);
  report.findings.push(...problems);
  if (!catalog) return report;

  let files: string[] | null;
  const dirOutside = await outsideWorkspace(options.workspace, dirPath);
  if (dirOutside) {
    report.findings.push({
      ruleId: CATALOG_RULES.pathOutside.id,
      level: 'error',
      message: `migrations-dir ${dirPath}: ${dirOutside}; the gate reads only files of the repository`,
      location: { file: options.catalog, line: 1 },
    });
    return report;
  }
  const plainFiles = new Set<string>();
  try {
    const entries = await readdir(abs(dirPath), { withFileTypes: true });
    for (const d of entries) if (d.isFile()) plainFiles.add(d.name);
    files = entries.map((d) => d.name).sort();
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
  const downStatements = new Map<string, ParsedStatement[]>();
  const readSql = async (name: string, entryId: string): Promise<ParsedStatement[] | undefined> => {
    const display = pathOf(name);
    const file = await readWorkspaceFile(options.workspace, display, {
      plainFileInCheckedDir: plainFiles.has(name),
    });
    if (!file.ok) {
      report.findings.push(
        withEntry(
          {
            ruleId: file.why.startsWith('refused')
              ? CATALOG_RULES.pathOutside.id
              : CATALOG_RULES.fileUnreadable.id,
            level: 'error',
            message: file.why,
            location: { file: display, line: 1 },
          },
          entryId,
        ),
      );
      return undefined;
    }
    try {
      return parseSql(file.text, display);
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
      if (stmts) {
        downs.set(entry.id, scriptFromStatements(pathOf(rollback.file), stmts));
        downStatements.set(entry.id, stmts);
        // A back-out runs in the proof too: what must never run is an error there as well.
        for (const f of analyseStatements(stmts).findings)
          if (NEVER_RUN.has(f.ruleId))
            report.findings.push(
              withEntry(
                {
                  ruleId: f.ruleId,
                  level: 'error',
                  message: f.message,
                  location: { file: pathOf(rollback.file), line: f.line, column: f.column },
                  properties: { risk: f.risk },
                },
                entry.id,
              ),
            );
      }
    } else if (rollback.kind === 'inline') {
      const display = `${catalog.file} (rollback of ${entry.id})`;
      try {
        const stmts = parseSql(rollback.sql, display);
        downs.set(entry.id, scriptFromStatements(display, stmts));
        downStatements.set(entry.id, stmts);
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
      downStatements,
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
  // An absolute policy path is the workflow author's choice (e.g. built into runner.temp); a
  // relative one is repository content, which must not lead outside the workspace.
  const outside = isAbsolute(display) ? undefined : await outsideWorkspace(options.workspace, display);
  if (outside)
    return [
      {
        ruleId: CATALOG_RULES.pathOutside.id,
        level: 'error',
        message: `policy ${display}: ${outside}; it was not loaded. Build the policy into the workspace`,
        location: { file: display, line: 1 },
      },
    ];
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

/** Rules whose statements the proof never runs, on any engine. */
const NEVER_RUN = new Set<string>([
  SQL_RULES.dropDatabase.id,
  SQL_RULES.copyProgram.id,
  SQL_RULES.serverFileAccess.id,
]);

/** Names of the extensions a list of statements creates. */
function extensionsCreated(statements: readonly ParsedStatement[]): string[] {
  return statements.flatMap((s) => {
    const create = (s.node as { CreateExtensionStmt?: { extname?: string } }).CreateExtensionStmt;
    return create?.extname ? [create.extname] : [];
  });
}

/** Why a migration cannot be proven on this engine, before running anything; undefined when it can. */
function notProvableReason(
  up: readonly ParsedStatement[],
  analysis: SqlAnalysis,
  down: readonly ParsedStatement[] | undefined,
  pglite: boolean,
): string | undefined {
  const downFindings = down ? analyseStatements(down).findings : [];
  const never = [...analysis.findings, ...downFindings].find((f) => NEVER_RUN.has(f.ruleId));
  if (never) return `it contains ${never.ruleId} (line ${never.line}), which the proof never runs`;
  if (!pglite) return undefined;
  const all = [...up, ...(down ?? [])];
  const missing = extensionsCreated(all).find((name) => !pgliteHasExtension(name));
  if (missing)
    return `extension ${missing} is not available in the embedded PGlite; set database-url to prove it on a PostgreSQL server that has it`;
  return undefined;
}

/** The up statement that names an object of a difference: where to annotate a back-out that misses it. */
function causeLine(up: readonly ParsedStatement[], problem: string): number | undefined {
  const object = /^\w+ (\S+)/.exec(problem)?.[1];
  const name = object?.split('.').pop()?.replace(/\(.*$/, '').toLowerCase();
  if (!name) return undefined;
  return up.find((s) => s.text.toLowerCase().includes(name))?.line;
}

const MAX_ANNOTATION = 240;
const KIND_ORDER = [
  'schema',
  'extension',
  'table',
  'view',
  'type',
  'function',
  'sequence',
  'index',
  'constraint',
  'trigger',
  'policy',
  'column',
];

function mainProblem(problems: readonly string[]): string {
  const rank = (p: string) => {
    const i = KIND_ORDER.indexOf(p.slice(0, p.indexOf(' ')));
    return i < 0 ? KIND_ORDER.length : i;
  };
  return [...problems].sort((a, b) => rank(a) - rank(b))[0] ?? 'not proven';
}

/** One short message for an annotation; the whole list goes to the summary and the report. */
function shortProblem(
  id: string,
  problems: readonly string[],
  down: Script | undefined,
  upFile: string,
): string {
  // The biggest object first: "creates table audit" says more than one of its columns.
  let first = mainProblem(problems);
  const object = /^(\w+ \S+) is left behind by the back-out$/.exec(first)?.[1];
  if (object && down && down.statements.length === 0)
    first = `the back-out ${down.file} is empty but ${upFile} creates ${object}`;
  else if (object) first = `the back-out does not remove ${object}, which the up creates`;
  if (first.length > MAX_ANNOTATION) first = `${first.slice(0, MAX_ANNOTATION - 1)}…`;
  const more = problems.length - 1;
  return `${id}: ${first}${more > 0 ? ` (and ${more} more difference${more > 1 ? 's' : ''}; see the job summary)` : ''}`;
}

async function prove(
  options: GateOptions,
  report: GateReport,
  entries: CatalogEntry[],
  parsed: Map<string, { up: ParsedStatement[]; analysis: SqlAnalysis }>,
  downs: ReadonlyMap<string, Script>,
  downStatements: ReadonlyMap<string, ParsedStatement[]>,
  fileSet: Set<string>,
  pattern: FilePattern,
  pathOf: (name: string) => string,
  firstEntryLine: number,
): Promise<void> {
  const pglite = !options.databaseUrl && !options.openDatabase;
  const toProve: MigrationToProve[] = [];
  const downOf = new Map<string, readonly ParsedStatement[]>();
  for (const entry of entries) {
    const upFile = pathOf(fileFor(pattern.up, entry.id));
    const got = parsed.get(entry.id);
    if (!got) {
      // Later migrations are still proven, from the schema without this one.
      toProve.push({
        id: entry.id,
        up: { file: upFile, statements: [], noTransaction: false },
        notProvable: `${upFile} is missing or does not parse`,
      });
      continue;
    }
    const { up, analysis } = got;
    const m: MigrationToProve = { id: entry.id, up: scriptFromStatements(upFile, up) };
    const rollback = rollbackOf(entry, fileSet, pattern);
    let down: Script | undefined = downs.get(entry.id);
    let downParsed = downStatements.get(entry.id);
    if (rollback.kind === 'revert') {
      const target = parsed.get(rollback.id);
      if (target) {
        down = scriptFromStatements(pathOf(fileFor(pattern.up, rollback.id)), target.up);
        downParsed = target.up;
      }
    } else if (rollback.kind === 'none') {
      const suggestion = suggestBackout(analysis);
      if (suggestion.sql && suggestion.irreversible.length === 0) {
        downParsed = parseSql(suggestion.sql);
        down = scriptFromStatements(`(generated back-out of ${entry.id})`, downParsed, true);
      }
    }
    if (down) m.down = down;
    if (downParsed) downOf.set(entry.id, downParsed);
    const why = notProvableReason(up, analysis, downParsed, pglite);
    if (why) m.notProvable = why;
    toProve.push(m);
  }

  // Proof-wide problems belong to the catalog as a whole: annotate its first entry.
  const catalogLocation = { file: report.catalog, line: firstEntryLine };
  let db: Database;
  try {
    const extensions = [...parsed.values()].flatMap((p) => extensionsCreated(p.up));
    for (const d of downOf.values()) extensions.push(...extensionsCreated(d));
    db = await (
      options.openDatabase ??
      (() =>
        options.databaseUrl
          ? openSandbox(options.databaseUrl, options.timeouts ?? DEFAULT_TIMEOUTS)
          : openPglite(extensions, { statementMs: (options.timeouts ?? DEFAULT_TIMEOUTS).statementMs }))
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
      const m = toProve.find((x) => x.id === r.id)!;
      e.backout = {
        status: r.status,
        kind: r.generated ? 'generated' : e.backout.kind,
        problems: r.problems,
        ms: Math.round(r.ms),
      };
      if (r.status === 'failed') {
        let loc = r.failure ? { file: r.failure.file, line: r.failure.line } : { file: e.upFile, line: 1 };
        if (r.differences) {
          // A difference is caused by the up statement that made the object the back-out misses.
          const line = causeLine(parsed.get(r.id)?.up ?? [], mainProblem(r.problems));
          if (line !== undefined) loc = { file: e.upFile, line };
        }
        report.findings.push(
          withEntry(
            {
              ruleId: PROOF_RULES.notProven.id,
              level: 'error',
              message: r.differences
                ? shortProblem(r.id, r.problems, m.down, e.upFile)
                : shortProblem(r.id, r.problems, undefined, e.upFile),
              location: loc,
            },
            r.id,
          ),
        );
      } else if (r.status === 'not-provable') {
        report.findings.push(
          withEntry(
            {
              ruleId: PROOF_RULES.notProvable.id,
              level: 'warning',
              message: `${r.id}: ${r.problems[0] ?? 'not provable'}`.slice(0, MAX_ANNOTATION + 60),
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
