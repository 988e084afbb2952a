/**
 * The user's files: a rule-pack override (YAML or JSON, lib/dlp's format) and a baseline of
 * accepted fingerprints. Every problem becomes a ConfigError naming file:line, which the runtime
 * turns into an annotation on that line.
 */
import { readFile } from 'node:fs/promises';
import { ConfigError, parseConfig, type LoadedConfig } from '../../../lib/config.ts';
import {
  DlpRulePackError,
  defaultRulePack,
  loadRulePackOverride,
  type CompiledRulePackWithPrefilter,
} from '../../../lib/dlp/index.ts';

/** Looked for at the workspace root when the `rules` / `baseline` inputs are empty. */
export const DEFAULT_RULES_FILE = '.summit-ops-dlp.yml';
export const DEFAULT_BASELINE_FILE = '.summit-ops-dlp-baseline.json';

async function readText(file: string, shownAs: string, input: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      shownAs,
      { line: 1, column: 1 },
      code === 'ENOENT'
        ? `file not found; check the ${input} input`
        : `cannot read file (${code ?? String(error)})`,
    );
  }
}

/**
 * Compiles the built-in pack with the override applied. lib/dlp names the rule and the field but,
 * for errors found after merging (a bad regex in an overriding rule), not the line: the merged
 * pack has no positions. The line is looked up here in the override file from the rule id and field.
 */
export async function loadRules(
  file: string | undefined,
  shownAs = file,
): Promise<CompiledRulePackWithPrefilter> {
  if (!file) return defaultRulePack();
  return rulesFromText(await readText(file, shownAs!, 'rules'), shownAs!);
}

/** Compiles an override given as text (read from a file, or from a commit with `git show`). */
export function rulesFromText(text: string, shownAs: string): CompiledRulePackWithPrefilter {
  try {
    return loadRulePackOverride(text, shownAs);
  } catch (error) {
    if (!(error instanceof DlpRulePackError)) throw error;
    const where = `${error.source}${error.line !== undefined ? `:${error.line}` : ''}: `;
    const problem = error.message.startsWith(where) ? error.message.slice(where.length) : error.message;
    const line = error.line ?? lineOfRuleField(text, shownAs, error.ruleId, error.field);
    throw new ConfigError(shownAs, { line: line ?? 1, column: 1 }, `invalid rule pack: ${problem}`);
  }
}

function lineOfRuleField(
  text: string,
  file: string,
  ruleId: string | undefined,
  field: string | undefined,
): number | undefined {
  if (!ruleId) return undefined;
  let config: LoadedConfig<{ rules?: Array<{ id?: unknown }> }>;
  try {
    config = parseConfig(file, text);
  } catch {
    return undefined;
  }
  const index = config.value?.rules?.findIndex((r) => r && r.id === ruleId) ?? -1;
  if (index < 0) return undefined;
  const segments = (field ?? '')
    .split('.')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return config.locate(['rules', index, ...segments]).line;
}

export interface Baseline {
  fingerprints: Set<string>;
  /** Entries without a reason (the dogfood test requires one in this repository). */
  withoutReason: number;
}

const FINGERPRINT = /^[0-9a-f]{64}$/;

/**
 * Reads a baseline. Accepted shapes, so that a report can be accepted as it is:
 * - an array of fingerprints, or of objects with `fingerprint` (or gitleaks' `Fingerprint`) and an
 *   optional `reason` — dlp-scan's own report-path file is such an array;
 * - `{ "findings": [ …the same… ] }`.
 * JSON is parsed with the YAML 1.2 parser, so positions are exact and YAML works too.
 */
export async function loadBaseline(file: string | undefined, shownAs = file): Promise<Baseline | undefined> {
  if (!file) return undefined;
  return baselineFromText(await readText(file, shownAs!, 'baseline'), shownAs!);
}

/** Parses a baseline given as text (read from a file, or from a commit with `git show`). */
export function baselineFromText(text: string, name: string): Baseline {
  const config = parseConfig<unknown>(name, text);
  const value = config.value;
  const fail = (path: Array<string | number>, problem: string): never => {
    throw new ConfigError(name, config.locate(path), problem);
  };
  let entries: unknown[];
  let prefix: Array<string | number> = [];
  if (Array.isArray(value)) entries = value;
  else if (value && typeof value === 'object' && Array.isArray((value as { findings?: unknown }).findings)) {
    entries = (value as { findings: unknown[] }).findings;
    prefix = ['findings'];
  } else {
    return fail(
      [],
      'a baseline is a JSON array of fingerprints (or of findings with a fingerprint), or { "findings": [...] }',
    );
  }
  const fingerprints = new Set<string>();
  let withoutReason = 0;
  entries.forEach((entry, index) => {
    const at = [...prefix, index];
    let fp: unknown = entry;
    let reason: unknown;
    if (entry && typeof entry === 'object') {
      const record = entry as Record<string, unknown>;
      fp = record['fingerprint'] ?? record['Fingerprint'];
      reason = record['reason'];
      if (fp === undefined) fail(at, "entry has no 'fingerprint' (or 'Fingerprint') field");
      at.push(record['fingerprint'] !== undefined ? 'fingerprint' : 'Fingerprint');
    }
    if (typeof fp !== 'string' || !FINGERPRINT.test(fp)) {
      fail(
        at,
        'not a fingerprint: expected 64 lowercase hex characters as dlp-scan reports them (the Fingerprint field of its report)',
      );
    }
    if (typeof reason !== 'string' || reason.trim() === '') withoutReason++;
    fingerprints.add(fp as string);
  });
  return { fingerprints, withoutReason };
}
