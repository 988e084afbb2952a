/**
 * SARIF 2.1.0 for GitHub code scanning (and any other SARIF consumer), built from a SarifReport.
 * The whole log passes through the run's Redactor, and writeSarif() refuses to write a log the
 * official schema rejects: a broken upload fails late and far away, a schema error here names the
 * field.
 *
 * The schema (lib/report/sarif-schema-2.1.0.json) is the official OASIS SARIF 2.1.0 JSON schema
 * (draft-07, (c) OASIS Open, OASIS IPR Policy), vendored unchanged but for a `$comment` naming its
 * origin: it was taken from the npm package @datadog/datadog-ci-plugin-sarif@5.25.0 (Apache-2.0),
 * which embeds it; no npm package ships the draft-07 schema as a file (@microsoft/jest-sarif ships
 * only the pre-release 2.1.0-rtm.5 in draft-04, which ajv 8 does not read).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, posix, relative } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { SarifReport } from '../action.ts';
import type { Redactor } from '../redact.ts';
import type { Finding, Level, RuleDescriptor } from './types.ts';
import sarifSchema from './sarif-schema-2.1.0.json' with { type: 'json' };

// ajv-formats is CommonJS; under ESM its default export can arrive wrapped once more.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => void;

export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The uriBaseId every artifact location is relative to (the repository root, in code scanning). */
export const SRCROOT = 'SRCROOT';
/** Key under partialFingerprints; versioned so a change of fingerprint scheme is not read as new alerts. */
export const FINGERPRINT_KEY = 'summitOps/v1';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** The subset of the SARIF object model this module writes. */
export interface SarifLog {
  $schema: string;
  version: typeof SARIF_VERSION;
  runs: SarifRun[];
}
export interface SarifRun {
  tool: { driver: SarifDriver };
  originalUriBaseIds?: Record<string, { uri: string }>;
  results: SarifResult[];
  properties?: Record<string, unknown>;
}
export interface SarifDriver {
  name: string;
  version?: string;
  semanticVersion?: string;
  informationUri?: string;
  rules: SarifRule[];
}
export interface SarifRule {
  id: string;
  name?: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  help?: { text: string; markdown?: string };
  properties?: Record<string, unknown>;
}
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations?: Array<{
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region?: { startLine: number; startColumn?: number; endLine?: number; endColumn?: number };
    };
  }>;
  partialFingerprints?: Record<string, string>;
  properties?: Record<string, unknown>;
}

export interface BuildSarifOptions {
  /**
   * Absolute workspace path: absolute finding paths inside it become relative, and SRCROOT is
   * declared as its file:// URI. Without it, absolute paths are an error (code scanning cannot
   * place them).
   */
  workspace?: string;
  /**
   * Where a finding without a position is placed (line 1): code scanning rejects a whole upload
   * when one result has no location. Without it such findings are left out of the SARIF log (they
   * still reach annotations and reports) and counted in the run's properties.
   */
  defaultFile?: string;
  /**
   * writeSarif: check the log against the SARIF 2.1.0 schema before writing (default true).
   * Compiling the schema costs ~200 ms of CPU per process; a caller whose builder output its tests
   * validate may skip it where start-up matters (a one-file pre-commit scan).
   */
  validate?: boolean;
}

export class SarifValidationError extends Error {
  readonly violations: string[];
  constructor(what: string, violations: string[]) {
    const shown = violations.slice(0, 20);
    const more = violations.length > shown.length ? `\n  … and ${violations.length - shown.length} more` : '';
    super(
      `${what} is not valid SARIF 2.1.0 (${violations.length} schema violation${violations.length === 1 ? '' : 's'}):\n  ${shown.join('\n  ')}${more}`,
    );
    this.name = 'SarifValidationError';
    this.violations = violations;
  }
}

const LEVELS: Record<Level, SarifLevel> = { error: 'error', warning: 'warning', notice: 'note' };

/** Our level as SARIF's: notice is SARIF's `note`. */
export function toSarifLevel(level: Level): SarifLevel {
  const mapped = LEVELS[level];
  if (!mapped) throw new Error(`Unknown level '${String(level)}'; expected error, warning or notice`);
  return mapped;
}

/**
 * Builds the SARIF log. Throws when a finding cites a rule the report does not declare, or a rule
 * id is declared twice: both are bugs in the action, and code scanning would mis-file the result.
 */
export function buildSarif(
  report: SarifReport,
  redactor: Redactor,
  options: BuildSarifOptions = {},
): SarifLog {
  // Redact the input first: URI encoding would otherwise turn a secret in a path into a form the
  // redactor does not know, and our own error messages quote rule ids and paths.
  report = redactor.redactDeep(report);
  const ruleIndex = new Map<string, number>();
  const rules = report.rules.map((rule, index) => {
    if (ruleIndex.has(rule.id)) throw new Error(`SARIF: rule '${rule.id}' is declared twice in report.rules`);
    ruleIndex.set(rule.id, index);
    return toRule(rule);
  });
  report.findings.forEach((finding, n) => {
    if (!ruleIndex.has(finding.ruleId)) {
      throw new Error(
        `SARIF: finding #${n + 1} cites rule '${finding.ruleId}', which report.rules does not declare; add a RuleDescriptor for it`,
      );
    }
  });
  const placeable = report.findings.filter((f) => f.location || options.defaultFile);
  const results = placeable.map((finding) => {
    const index = ruleIndex.get(finding.ruleId)!;
    return toResult(finding, index, report.rules[index]!, options);
  });
  const driver: SarifDriver = { name: report.toolName, rules };
  if (report.toolVersion) {
    driver.version = report.toolVersion;
    if (/^\d+\.\d+\.\d+(?:[-+].*)?$/.test(report.toolVersion)) driver.semanticVersion = report.toolVersion;
  }
  if (report.informationUri) driver.informationUri = report.informationUri;
  const run: SarifRun = { tool: { driver }, results };
  const unplaced = report.findings.length - placeable.length;
  if (unplaced > 0) run.properties = { 'summitOps/resultsWithoutLocation': unplaced };
  if (options.workspace) run.originalUriBaseIds = { [SRCROOT]: { uri: directoryUri(options.workspace) } };
  const log: SarifLog = { $schema: SARIF_SCHEMA_URI, version: SARIF_VERSION, runs: [run] };
  return redactor.redactDeep(log);
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    // strict: false because the official schema is not written for ajv's strict mode
    // (e.g. `required` names inside anyOf branches without their properties).
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile(sarifSchema);
  }
  return compiled;
}

/** Validates any value against the SARIF 2.1.0 schema; each violation reads `<json pointer>: <problem>`. */
export function validateSarif(doc: unknown): { valid: boolean; errors: string[] } {
  const validate = validator();
  if (validate(doc)) return { valid: true, errors: [] };
  return { valid: false, errors: formatErrors(validate.errors ?? []) };
}

/** Throws SarifValidationError when `doc` is not valid SARIF. */
export function assertValidSarif(doc: unknown, what = 'The SARIF log'): void {
  const { valid, errors } = validateSarif(doc);
  if (!valid) throw new SarifValidationError(what, errors);
}

/**
 * Builds, validates and writes the log (atomically: a reader never sees half a file). Throws
 * SarifValidationError listing the violations, and writes nothing, when the log is invalid.
 */
export async function writeSarif(
  path: string,
  report: SarifReport,
  redactor: Redactor,
  options: BuildSarifOptions = {},
): Promise<SarifLog> {
  const log = buildSarif(report, redactor, options);
  if (options.validate !== false) assertValidSarif(log, `The SARIF log for ${path}`);
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(log, null, 2)}\n`, 'utf8');
  await rename(temp, path);
  return log;
}

function toRule(rule: RuleDescriptor): SarifRule {
  const out: SarifRule = {
    id: rule.id,
    shortDescription: { text: rule.shortDescription },
    defaultConfiguration: { level: toSarifLevel(rule.defaultLevel) },
  };
  if (rule.name) out.name = rule.name;
  if (rule.fullDescription) out.fullDescription = { text: rule.fullDescription };
  if (rule.helpUri) out.helpUri = rule.helpUri;
  const properties: Record<string, unknown> = {};
  if (rule.tags && rule.tags.length > 0) properties['tags'] = [...rule.tags];
  if (rule.securitySeverity !== undefined) {
    if (!(rule.securitySeverity > 0 && rule.securitySeverity <= 10))
      throw new Error(
        `SARIF: rule '${rule.id}' has security severity ${rule.securitySeverity}; expected 0.1–10`,
      );
    // GitHub reads it as a string property of the rule.
    properties['security-severity'] = rule.securitySeverity.toFixed(1);
  }
  if (Object.keys(properties).length > 0) out.properties = properties;
  if (rule.helpMarkdown)
    out.help = { text: rule.fullDescription ?? rule.shortDescription, markdown: rule.helpMarkdown };
  return out;
}

function toResult(
  finding: Finding,
  ruleIndex: number,
  rule: RuleDescriptor,
  options: BuildSarifOptions,
): SarifResult {
  const result: SarifResult = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: toSarifLevel(finding.level),
    // SARIF requires message text; an empty one shows as a blank alert.
    message: { text: finding.message || rule.shortDescription },
  };
  const location =
    finding.location ?? (options.defaultFile ? { file: options.defaultFile, line: 1 } : undefined);
  if (location) {
    const region: NonNullable<NonNullable<SarifResult['locations']>[number]['physicalLocation']['region']> = {
      startLine: positive(location.line, 'line', finding),
    };
    if (location.column !== undefined) region.startColumn = positive(location.column, 'column', finding);
    if (location.endLine !== undefined) region.endLine = positive(location.endLine, 'endLine', finding);
    if (location.endColumn !== undefined)
      region.endColumn = positive(location.endColumn, 'endColumn', finding);
    result.locations = [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(location.file, options.workspace), uriBaseId: SRCROOT },
          region,
        },
      },
    ];
  }
  if (finding.fingerprint) result.partialFingerprints = { [FINGERPRINT_KEY]: finding.fingerprint };
  if (finding.properties && Object.keys(finding.properties).length > 0)
    result.properties = { ...finding.properties };
  return result;
}

function positive(value: number, field: string, finding: Finding): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `SARIF: finding for rule '${finding.ruleId}' has ${field} ${value}; positions are 1-based integers`,
    );
  }
  return value;
}

/** A relative, forward-slash, percent-encoded URI reference for a workspace file. */
export function artifactUri(file: string, workspace?: string): string {
  let path = file.replace(/\\/g, '/');
  if (isAbsolute(path) || /^[A-Za-z]:\//.test(path)) {
    const rel = workspace ? relative(workspace, file).replace(/\\/g, '/') : undefined;
    if (rel === undefined || rel.startsWith('../') || rel === '..' || isAbsolute(rel)) {
      throw new Error(
        `SARIF: '${file}' is outside the workspace${workspace ? ` (${workspace})` : ''}; locations must be workspace-relative`,
      );
    }
    path = rel;
  }
  path = posix.normalize(path).replace(/^(\.\/)+/, '');
  if (path === '' || path === '.' || path === '..' || path.startsWith('../') || path.endsWith('/')) {
    throw new Error(
      `SARIF: '${file}' is not a file inside the workspace; locations must be workspace-relative`,
    );
  }
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%40/g, '@').replace(/%2B/g, '+'))
    .join('/');
}

function directoryUri(dir: string): string {
  const url = new URL(`file://${dir.replace(/\\/g, '/').replace(/^(?=[A-Za-z]:)/, '/')}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function formatErrors(errors: ErrorObject[]): string[] {
  const out = new Set<string>();
  for (const error of errors) {
    const where = error.instancePath || '/';
    let problem = error.message ?? 'is invalid';
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'enum' && Array.isArray(params['allowedValues'])) {
      problem = `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (error.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
      problem = `has unknown property '${params['additionalProperty']}'`;
    } else if (error.keyword === 'const') {
      problem = `must be ${JSON.stringify(params['allowedValue'])}`;
    }
    out.add(`${where}: ${problem}`);
  }
  return [...out];
}
