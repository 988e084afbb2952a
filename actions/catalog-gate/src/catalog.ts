/**
 * The migration catalog: loading with YAML positions, JSON Schema validation, drift between the
 * catalog and the migrations directory, built-in policy, and declared-vs-detected risk. Pure apart
 * from nothing: callers pass the text and the directory listing, so the CLI, the action and the
 * tests share every decision.
 */
import { ConfigError, parseConfig, type LoadedConfig, type PathSegment } from '../../../lib/config.ts';
import { validateConfig } from '../../../lib/schema.ts';
import type { ValidateFunction } from 'ajv';
// Compiled ahead of time (schema/build-validator.ts): compiling at start-up costs ~300 ms per run.
import validateCatalogGenerated from './catalog-validate.generated.ts';
import type { Finding, RuleDescriptor } from '../../../lib/report/types.ts';
import { riskRank, type Risk, type SqlFinding } from './sql/analyse.ts';

export interface CatalogField {
  name: string;
  pii?: boolean;
  retention_days?: number;
}

export interface CatalogEntry {
  id: string;
  service: string;
  description?: string;
  risk: Risk;
  pii: boolean;
  retention_days?: number;
  fields?: CatalogField[];
  rollout: 'online' | 'concurrent_index' | 'expand_contract' | 'offline';
  rollback?: string;
  owner?: string;
  readiness?: { locks: string; long_transactions: string; size_estimate: string };
}

export interface Catalog {
  file: string;
  entries: CatalogEntry[];
  config: LoadedConfig<CatalogEntry[]>;
}

export const CATALOG_RULES = {
  yaml: { id: 'catalog-yaml', shortDescription: 'The catalog is not valid YAML', defaultLevel: 'error' },
  pathOutside: {
    id: 'path-outside-workspace',
    shortDescription: 'A path resolves outside the workspace and was not read',
    defaultLevel: 'error',
  },
  fileUnreadable: {
    id: 'file-unreadable',
    shortDescription: 'A file cannot be read',
    defaultLevel: 'error',
  },
  schema: {
    id: 'catalog-schema',
    shortDescription: 'A catalog entry does not match catalog.schema.json',
    defaultLevel: 'error',
  },
  fileWithoutEntry: {
    id: 'drift-file-without-entry',
    shortDescription: 'A migration file has no catalog entry',
    defaultLevel: 'error',
  },
  entryWithoutFile: {
    id: 'drift-entry-without-file',
    shortDescription: 'A catalog entry has no migration file',
    defaultLevel: 'error',
  },
  duplicateId: {
    id: 'drift-duplicate-id',
    shortDescription: 'Two catalog entries share an id',
    defaultLevel: 'error',
  },
  outOfOrder: {
    id: 'drift-out-of-order',
    shortDescription: 'Catalog ids are not in ascending order',
    defaultLevel: 'error',
  },
  strayFile: {
    id: 'drift-stray-file',
    shortDescription: 'A .sql file in the migrations directory matches neither the up nor the down pattern',
    defaultLevel: 'error',
  },
  missingDir: {
    id: 'drift-missing-dir',
    shortDescription: 'The migrations directory does not exist',
    defaultLevel: 'error',
  },
  rollbackTarget: {
    id: 'rollback-target-missing',
    shortDescription: 'The rollback names a file or migration that does not exist',
    defaultLevel: 'error',
  },
  piiRetention: {
    id: 'pii-retention-required',
    shortDescription: 'PII without retention_days',
    defaultLevel: 'error',
  },
  rollbackRequired: {
    id: 'rollback-required',
    shortDescription: 'Medium/high risk without a rollback',
    defaultLevel: 'error',
  },
  readinessRequired: {
    id: 'readiness-required',
    shortDescription: 'Medium/high risk without a readiness checklist',
    defaultLevel: 'error',
  },
  ownerRequired: { id: 'owner-required', shortDescription: 'Entry without an owner', defaultLevel: 'error' },
  riskUnderstated: {
    id: 'risk-understated',
    shortDescription: 'Declared risk is lower than the risk detected in the SQL',
    defaultLevel: 'error',
  },
  sqlParse: { id: 'sql-parse-error', shortDescription: 'PostgreSQL rejects the SQL', defaultLevel: 'error' },
} as const satisfies Record<string, RuleDescriptor>;

const validateCatalog = validateCatalogGenerated as unknown as ValidateFunction;

function problem(
  rule: RuleDescriptor,
  file: string,
  at: { line: number; column: number },
  message: string,
  level = rule.defaultLevel,
): Finding {
  return { ruleId: rule.id, level, message, location: { file, line: at.line, column: at.column } };
}

/**
 * Parses and schema-validates the catalog text. Returns the catalog only when it is structurally
 * valid; otherwise the problems (YAML syntax or schema), each at its YAML line:column.
 */
export function parseCatalog(file: string, text: string): { catalog?: Catalog; problems: Finding[] } {
  let config: LoadedConfig<CatalogEntry[]>;
  try {
    config = parseConfig<CatalogEntry[]>(file, text);
  } catch (error) {
    if (error instanceof ConfigError)
      return { problems: [problem(CATALOG_RULES.yaml, file, error, error.problem)] };
    // The YAML library stops alias expansion past its limit (a "billion laughs" document) with a
    // plain error: it is a finding at the first alias, not a crash that loses every other finding.
    const before = text.search(/(^|[\s[{,:-])\*[^\s,\]}]+/);
    const line = before < 0 ? 1 : text.slice(0, before + 1).split(/\r\n|\r|\n/).length;
    return {
      problems: [
        {
          ruleId: CATALOG_RULES.yaml.id,
          level: 'error',
          message: `${file}: the YAML exceeds a resource limit (${(error as Error).message.split('\n')[0]}); write the entries out instead of expanding aliases`,
          location: { file, line },
        },
      ],
    };
  }
  // An empty file is an empty catalog, not a schema error.
  if (config.value === null || config.value === undefined) config = { ...config, value: [] };
  const schemaProblems = validateConfig(config, validateCatalog);
  if (schemaProblems.length) {
    return {
      problems: schemaProblems.map((p) =>
        problem(
          CATALOG_RULES.schema,
          file,
          p,
          `${p.message} (see actions/catalog-gate/README.md#catalog-format)`,
        ),
      ),
    };
  }
  return { catalog: { file, entries: config.value, config }, problems: [] };
}

export interface FilePattern {
  up: string;
  down: string;
}
export const DEFAULT_PATTERN: FilePattern = { up: '{id}.up.sql', down: '{id}.down.sql' };

export const fileFor = (pattern: string, id: string): string => pattern.replace('{id}', id);

function patternRegex(pattern: string): RegExp {
  const [before, after] = pattern.split('{id}') as [string, string];
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${esc(before)}(.+)${esc(after ?? '')}$`);
}

const at = (catalog: Catalog, path: PathSegment[]) => catalog.config.locate(path);

/**
 * Drift between the catalog and the directory listing (file names relative to the migrations
 * directory). `migrationsDir` is the display path used in messages; `files` null means the
 * directory does not exist.
 */
export function checkDrift(
  catalog: Catalog,
  migrationsDir: string,
  files: readonly string[] | null,
  pattern: FilePattern = DEFAULT_PATTERN,
): Finding[] {
  const out: Finding[] = [];
  if (files === null) {
    out.push(
      problem(
        CATALOG_RULES.missingDir,
        catalog.file,
        { line: 1, column: 1 },
        `migrations directory '${migrationsDir}' does not exist; create it or set the migrations-dir input`,
      ),
    );
    return out;
  }
  const present = new Set(files);
  const seen = new Map<string, number>();
  let previous: string | undefined;
  catalog.entries.forEach((entry, i) => {
    const idPos = at(catalog, [i, 'id']);
    const first = seen.get(entry.id);
    if (first !== undefined) {
      out.push(
        problem(
          CATALOG_RULES.duplicateId,
          catalog.file,
          idPos,
          `duplicate id '${entry.id}' (first at line ${at(catalog, [first, 'id']).line}); give each migration its own id`,
        ),
      );
    } else seen.set(entry.id, i);
    if (previous !== undefined && compareIds(entry.id, previous) < 0) {
      out.push(
        problem(
          CATALOG_RULES.outOfOrder,
          catalog.file,
          idPos,
          `id '${entry.id}' sorts before the previous entry '${previous}'; the catalog lists migrations in the order they apply`,
        ),
      );
    }
    if (previous === undefined || compareIds(entry.id, previous) > 0) previous = entry.id;
    const up = fileFor(pattern.up, entry.id);
    if (!present.has(up))
      out.push(
        problem(
          CATALOG_RULES.entryWithoutFile,
          catalog.file,
          idPos,
          `no migration file ${migrationsDir}/${up} for '${entry.id}'; add it or remove the entry`,
        ),
      );
    const rollback = entry.rollback?.trim();
    if (rollback && isDownFile(rollback) && !present.has(rollback)) {
      out.push(
        problem(
          CATALOG_RULES.rollbackTarget,
          catalog.file,
          at(catalog, [i, 'rollback']),
          `rollback file ${migrationsDir}/${rollback} does not exist`,
        ),
      );
    }
    const revert = rollback && /^revert\s+(\S+)$/.exec(rollback);
    if (revert && revertsItself(entry, revert[1]!)) {
      const down = fileFor(pattern.down, entry.id);
      if (!present.has(down))
        out.push(
          problem(
            CATALOG_RULES.rollbackTarget,
            catalog.file,
            at(catalog, [i, 'rollback']),
            `'${rollback}' reverts this migration with its down file, but ${migrationsDir}/${down} does not exist`,
          ),
        );
    } else if (revert && !catalog.entries.some((e) => e.id === revert[1])) {
      out.push(
        problem(
          CATALOG_RULES.rollbackTarget,
          catalog.file,
          at(catalog, [i, 'rollback']),
          `rollback names migration '${revert[1]}', which is not in the catalog`,
        ),
      );
    }
  });
  const upRe = patternRegex(pattern.up);
  const downRe = patternRegex(pattern.down);
  for (const name of [...files].sort()) {
    const m = upRe.exec(name) ?? downRe.exec(name);
    if (!m) {
      // A misnamed migration (x.upp.sql) would otherwise never run, be checked or be proven.
      // Rollback files named in the catalog are expected and not stray.
      const named = catalog.entries.some((e) => e.rollback?.trim() === name);
      if (name.toLowerCase().endsWith('.sql') && !named)
        out.push(
          problem(
            CATALOG_RULES.strayFile,
            `${migrationsDir}/${name}`,
            { line: 1, column: 1 },
            `${migrationsDir}/${name} matches neither ${pattern.up} nor ${pattern.down}, so the gate never checks or applies it; rename it or move it out of ${migrationsDir}`,
          ),
        );
      continue;
    }
    if (!seen.has(m[1]!)) {
      out.push(
        problem(
          CATALOG_RULES.fileWithoutEntry,
          `${migrationsDir}/${name}`,
          { line: 1, column: 1 },
          `${migrationsDir}/${name} has no entry '${m[1]}' in ${catalog.file}; add one (id, service, risk, pii, rollout, owner)`,
        ),
      );
    }
  }
  return out;
}

/**
 * Natural order of migration ids: digit runs compare as numbers, everything else by code unit, so
 * `V2__x` sorts before `V10__x` (Flyway) as `000002_x` before `000010_x` (golang-migrate) and
 * `2025-11-10-001-x` before `2025-11-10-002-x`. Equal numbers with different zero padding fall back
 * to the plain string order, so the order is total.
 */
export function compareIds(a: string, b: string): number {
  const parts = (id: string) => id.match(/\d+|\D+/g) ?? [];
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const digits = /^\d/.test(x) && /^\d/.test(y);
    if (digits) {
      const nx = x.replace(/^0+(?=\d)/, '');
      const ny = y.replace(/^0+(?=\d)/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
    }
    if (!digits) return x < y ? -1 : 1;
  }
  if (pa.length !== pb.length) return pa.length - pb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `revert <id>` naming the entry itself — its full id or its version prefix (what precedes the
 * name: `revert 2025-11-10-001` on `2025-11-10-001-add-user-phone`, `revert 000061` on
 * `000061_add_index`, `revert V3` on `V3__add_index`) — means "run this migration's own down
 * file", not "another migration undoes this one".
 */
export function revertsItself(entry: CatalogEntry, target: string): boolean {
  if (target === entry.id) return true;
  // The whole version: a prefix ending in a digit that only the name (a letter, after separators) follows.
  return (
    /\d$/.test(target) && entry.id.startsWith(target) && /^[-_.]+[A-Za-z]/.test(entry.id.slice(target.length))
  );
}

export function isDownFile(rollback: string): boolean {
  return /^[\w./-]+\.sql$/.test(rollback);
}

export type Rollback =
  | { kind: 'file'; file: string }
  | { kind: 'revert'; id: string }
  | { kind: 'inline'; sql: string }
  | { kind: 'none' };

/** How an entry is backed out: its rollback field, else the conventional down file if present. */
export function rollbackOf(
  entry: CatalogEntry,
  files: ReadonlySet<string>,
  pattern: FilePattern = DEFAULT_PATTERN,
): Rollback {
  const r = entry.rollback?.trim();
  if (r) {
    if (isDownFile(r)) return { kind: 'file', file: r };
    const revert = /^revert\s+(\S+)$/.exec(r);
    if (revert && revertsItself(entry, revert[1]!))
      return { kind: 'file', file: fileFor(pattern.down, entry.id) };
    if (revert) return { kind: 'revert', id: revert[1]! };
    return { kind: 'inline', sql: r };
  }
  const down = fileFor(pattern.down, entry.id);
  return files.has(down) ? { kind: 'file', file: down } : { kind: 'none' };
}

/** The built-in policy (mirrored by policy/opa/retention.rego for the PII part). */
export function checkPolicy(
  catalog: Catalog,
  files: ReadonlySet<string> = new Set(),
  pattern: FilePattern = DEFAULT_PATTERN,
): Finding[] {
  const out: Finding[] = [];
  catalog.entries.forEach((entry, i) => {
    const entryPos = at(catalog, [i]);
    if (entry.pii && entry.retention_days === undefined) {
      out.push(
        problem(
          CATALOG_RULES.piiRetention,
          catalog.file,
          at(catalog, [i, 'pii']),
          `'${entry.id}' stores PII but declares no retention_days; add retention_days: <days>`,
        ),
      );
    }
    (entry.fields ?? []).forEach((field, j) => {
      if (field.pii && field.retention_days === undefined && entry.retention_days === undefined) {
        out.push(
          problem(
            CATALOG_RULES.piiRetention,
            catalog.file,
            at(catalog, [i, 'fields', j, 'pii']),
            `field '${field.name}' of '${entry.id}' is PII but neither it nor the entry declares retention_days`,
          ),
        );
      }
    });
    if (!entry.owner)
      out.push(
        problem(
          CATALOG_RULES.ownerRequired,
          catalog.file,
          entryPos,
          `'${entry.id}' has no owner; add owner: '@team'`,
        ),
      );
    if (entry.risk === 'medium' || entry.risk === 'high') {
      if (rollbackOf(entry, files, pattern).kind === 'none') {
        out.push(
          problem(
            CATALOG_RULES.rollbackRequired,
            catalog.file,
            at(catalog, [i, 'risk']),
            `'${entry.id}' is ${entry.risk} risk but has no rollback (a down file ${fileFor(pattern.down, entry.id)}, 'revert <id>' or an inline statement)`,
          ),
        );
      }
      if (!entry.readiness) {
        out.push(
          problem(
            CATALOG_RULES.readinessRequired,
            catalog.file,
            at(catalog, [i, 'risk']),
            `'${entry.id}' is ${entry.risk} risk but has no readiness checklist (locks, long_transactions, size_estimate)`,
          ),
        );
      }
    }
  });
  return out;
}

/** Declared risk lower than detected → an error at the entry's risk line showing both and why. */
export function checkRisk(
  catalog: Catalog,
  index: number,
  detected: Risk,
  findings: readonly (SqlFinding & { file: string })[],
): Finding | undefined {
  const entry = catalog.entries[index]!;
  if (riskRank(entry.risk) >= riskRank(detected)) return undefined;
  const why = findings
    .filter((f) => f.risk === detected)
    .slice(0, 3)
    .map((f) => `${f.ruleId} at ${f.file}:${f.line}`)
    .join(', ');
  return problem(
    CATALOG_RULES.riskUnderstated,
    catalog.file,
    at(catalog, [index, 'risk']),
    `'${entry.id}' declares risk ${entry.risk} but the SQL is ${detected} risk (${why}); raise risk to ${detected} or make the migration safer`,
  );
}
