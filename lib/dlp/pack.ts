/**
 * Loading, validating, merging and compiling rule packs. Every error names the rule id and the
 * field (and, for text input, the file and line), because a pack is edited by hand.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import YAML from 'yaml';
import builtInRules from './rules.json' with { type: 'json' };
import { compileRegExp } from './regexp-compat.ts';
import { globToRegExp } from './glob.ts';
import { Prefilter, type KeywordSpec } from './prefilter.ts';
import { NATIVE_MATCHERS } from './native.ts';
import { findAdjacentOverlap, findNestedQuantifier, keywordCannotStart } from './regex-safety.ts';
import type {
  AllowlistSpec,
  CompiledAllowlist,
  CompiledRule,
  CompiledRulePack,
  RulePackOverride,
  RulePackSpec,
  RuleSpec,
} from './types.ts';
import { VALIDATORS } from './validators.ts';

export class DlpRulePackError extends Error {
  readonly ruleId: string | undefined;
  readonly field: string | undefined;
  readonly source: string;
  readonly line: number | undefined;
  constructor(
    source: string,
    detail: string,
    options: { ruleId?: string; field?: string; line?: number } = {},
  ) {
    const where = options.line !== undefined ? `${source}:${options.line}` : source;
    const rule = options.ruleId !== undefined ? `rule '${options.ruleId}': ` : '';
    const field = options.field !== undefined ? `field '${options.field}': ` : '';
    super(`${where}: ${rule}${field}${detail}`);
    this.name = 'DlpRulePackError';
    this.ruleId = options.ruleId;
    this.field = options.field;
    this.source = source;
    this.line = options.line;
  }
}

const allowlistSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    paths: { type: 'array', items: { type: 'string', minLength: 1 } },
    regexes: { type: 'array', items: { type: 'string', minLength: 1 } },
    regexTarget: { enum: ['secret', 'match', 'line'] },
    stopwords: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
};

const ruleProperties = {
  id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
  description: { type: 'string', minLength: 1 },
  severity: { enum: ['error', 'warning', 'notice'] },
  keywords: {
    type: 'array',
    maxItems: 64,
    // Three characters at least: shorter keywords hit everywhere and defeat the prefilter.
    items: { type: 'string', minLength: 3, maxLength: 64, pattern: '^[\\x20-\\x7e]+$' },
  },
  gate: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      digits: { type: 'integer', minimum: 4, maximum: 64 },
      char: { type: 'string', pattern: '^[!-/:-~]$' },
      wordAround: { type: 'boolean' },
    },
  },
  followedBy: {
    type: 'object',
    additionalProperties: false,
    required: ['chars', 'within'],
    properties: {
      chars: { type: 'string', minLength: 1, maxLength: 16 },
      within: { type: 'integer', minimum: 1, maximum: 256 },
    },
  },
  regex: { type: 'string', minLength: 1, maxLength: 4096 },
  ignoreCase: { type: 'boolean' },
  window: { enum: ['keyword', 'line'] },
  validator: { type: 'string' },
  entropy: { type: 'number', minimum: 0, maximum: 16 },
  tags: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
  // A rule's own `paths` switch off that rule only (email addresses in LICENSE and package.json).
  allowlist: allowlistSchema,
  disabled: { type: 'boolean' },
};

export const RULE_PACK_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['rules'],
  properties: {
    version: { type: 'integer', minimum: 1 },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'description', 'severity', 'regex', 'tags'],
        properties: ruleProperties,
      },
    },
    allowlist: allowlistSchema,
  },
};

export const RULE_PACK_OVERRIDE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['id'], properties: ruleProperties },
    },
    disable: { type: 'array', items: { type: 'string', minLength: 1 } },
    allowlist: allowlistSchema,
  },
};

// Compiled on first use: a scan with the built-in pack alone (the pre-commit case) never pays
// for ajv's code generation, which is most of a one-file scan's start-up.
let shapeValidators: { pack: ValidateFunction; override: ValidateFunction } | undefined;
function shapes(): { pack: ValidateFunction; override: ValidateFunction } {
  if (!shapeValidators) {
    const ajv = new Ajv({ allErrors: false, strict: false });
    shapeValidators = {
      pack: ajv.compile(RULE_PACK_SCHEMA),
      override: ajv.compile(RULE_PACK_OVERRIDE_SCHEMA),
    };
  }
  return shapeValidators;
}

type Locate = (path: Array<string | number>) => number | undefined;

function shapeError(
  source: string,
  value: unknown,
  error: ErrorObject,
  locate: Locate | undefined,
): DlpRulePackError {
  const segments = error.instancePath.split('/').slice(1);
  let field: string | undefined;
  let ruleId: string | undefined;
  let path: Array<string | number> = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (segments[0] === 'rules' && segments[1] !== undefined) {
    const index = Number(segments[1]);
    const rule = (value as { rules: unknown[] }).rules[index] as { id?: unknown } | undefined;
    ruleId = typeof rule?.id === 'string' && rule.id !== '' ? rule.id : `#${index + 1} (no id)`;
    field = segments.slice(2).join('.') || undefined;
  } else {
    field = segments.join('.') || undefined;
  }
  let detail = error.message ?? 'invalid';
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    field = field ? `${field}.${missing}` : missing;
    detail = 'is required';
  } else if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    field = field ? `${field}.${extra}` : extra;
    path = [...path, extra];
    detail = 'unknown field (check the spelling; see lib/dlp/README.md)';
  } else if (error.keyword === 'enum') {
    detail = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  }
  return new DlpRulePackError(source, detail, { ruleId, field, line: locate?.(path) });
}

function compileAllowlist(
  spec: AllowlistSpec | undefined,
  source: string,
  ruleId?: string,
): CompiledAllowlist {
  const regexes = (spec?.regexes ?? []).map((r, i) => {
    let compiled: RegExp;
    try {
      compiled = new RegExp(r);
    } catch (error) {
      throw new DlpRulePackError(source, (error as Error).message, {
        ruleId,
        field: `allowlist.regexes.${i}`,
      });
    }
    // Allowlist regexes run on every candidate's line too: the same backtracking checks apply.
    const unsafe = findNestedQuantifier(r) ?? findAdjacentOverlap(r);
    if (unsafe)
      throw new DlpRulePackError(source, `${unsafe}; it can backtrack catastrophically`, {
        ruleId,
        field: `allowlist.regexes.${i}`,
      });
    return compiled;
  });
  return {
    paths: (spec?.paths ?? []).map(globToRegExp),
    regexes,
    regexTarget: spec?.regexTarget ?? 'secret',
    stopwords: (spec?.stopwords ?? []).map((w) => w.toLowerCase()),
  };
}

function compileRule(
  spec: RuleSpec,
  index: number,
  source: string,
  locate: Locate | undefined,
  trusted = false,
): CompiledRule {
  const fail = (field: string, detail: string): never => {
    throw new DlpRulePackError(source, detail, {
      ruleId: spec.id,
      field,
      line: locate?.(['rules', index, field]),
    });
  };
  const hasKeywords = (spec.keywords?.length ?? 0) > 0;
  const window = spec.window ?? (hasKeywords ? 'keyword' : 'line');
  if (!hasKeywords && !spec.gate)
    fail('keywords', 'a rule needs keywords or a gate (digits or char), or it never runs');
  if (window === 'keyword' && !hasKeywords) fail('window', "'keyword' window needs keywords");
  if (spec.gate && (spec.gate.digits === undefined) === (spec.gate.char === undefined))
    fail('gate', "needs exactly one of 'digits' or 'char'");
  if (spec.gate?.wordAround !== undefined && spec.gate.char === undefined)
    fail('gate.wordAround', "only applies to a 'char' gate");
  if (spec.followedBy && window !== 'keyword')
    fail('followedBy', "only applies to rules with the 'keyword' window");
  if (!spec.tags.includes('secret') && !spec.tags.includes('pii'))
    fail('tags', "must include 'secret' or 'pii'");
  let regex: RegExp;
  try {
    regex = compileRegExp(spec.regex, (window === 'keyword' ? 'y' : 'g') + (spec.ignoreCase ? 'i' : ''));
  } catch (error) {
    return fail('regex', (error as Error).message);
  }
  // The built-in rules are held to these checks by pack.test.ts, not at every start.
  const nested = trusted ? undefined : findNestedQuantifier(spec.regex);
  if (nested) fail('regex', `${nested} can backtrack catastrophically; bound the inner or outer quantifier`);
  const adjacent = trusted ? undefined : findAdjacentOverlap(spec.regex, spec.ignoreCase ?? false);
  if (adjacent) fail('regex', `${adjacent}; it can backtrack for minutes on one long line`);
  if (window === 'keyword') {
    const mismatch = keywordCannotStart(spec.regex, spec.keywords ?? [], spec.ignoreCase ?? false);
    if (mismatch)
      fail(
        'regex',
        `with window 'keyword' the regex is tried only where a keyword starts, so it never matches: ${mismatch}. Start the regex with a keyword, or set window: line`,
      );
  }
  const validator = spec.validator === undefined ? undefined : VALIDATORS[spec.validator];
  if (spec.validator !== undefined && !validator) {
    fail('validator', `unknown validator '${spec.validator}' (known: ${Object.keys(VALIDATORS).join(', ')})`);
  }
  const native = NATIVE_MATCHERS.get(spec.regex);
  return {
    spec,
    id: spec.id,
    index,
    window,
    regex,
    native:
      native && window === 'keyword' && native.ignoreCase === (spec.ignoreCase ?? false)
        ? native.matcher
        : undefined,
    validator,
    allowlist: spec.allowlist ? compileAllowlist(spec.allowlist, source, spec.id) : undefined,
    gate: spec.gate,
    followedBy: spec.followedBy
      ? { codes: [...spec.followedBy.chars].map((c) => c.charCodeAt(0)), within: spec.followedBy.within }
      : undefined,
  };
}

export interface CompiledRulePackWithPrefilter extends CompiledRulePack {
  prefilter: Prefilter;
  /** For keyword index k: the rules listening to it. */
  rulesByKeyword: CompiledRule[][];
  digitRules: CompiledRule[];
  charRules: Map<number, CompiledRule[]>;
}

/** Validates a pack (plain data) and compiles it. `source` names it in errors. */
export function compileRulePack(
  input: unknown,
  source = 'rule pack',
  locate?: Locate,
  /** The built-in pack: its shape is checked by the tests (pack.test.ts), not at every start. */
  trusted = false,
): CompiledRulePackWithPrefilter {
  if (!trusted && !shapes().pack(input)) throw shapeError(source, input, shapes().pack.errors![0]!, locate);
  const spec = input as unknown as RulePackSpec;
  const seen = new Set<string>();
  const rules: CompiledRule[] = [];
  spec.rules.forEach((rule, index) => {
    if (seen.has(rule.id)) {
      throw new DlpRulePackError(source, 'duplicate id', {
        ruleId: rule.id,
        field: 'id',
        line: locate?.(['rules', index, 'id']),
      });
    }
    seen.add(rule.id);
    if (rule.disabled) return;
    rules.push(compileRule(rule, index, source, locate, trusted));
  });

  const keywords: KeywordSpec[] = [];
  const rulesByKeyword: CompiledRule[][] = [];
  const keywordIndex = new Map<string, number>();
  const digitRules: CompiledRule[] = [];
  const charRules = new Map<number, CompiledRule[]>();
  for (const rule of rules) {
    for (const text of rule.spec.keywords ?? []) {
      const ignoreCase = rule.spec.ignoreCase ?? false;
      const key = `${ignoreCase ? 'i' : 's'}:${ignoreCase ? text.toLowerCase() : text}`;
      let k = keywordIndex.get(key);
      if (k === undefined) {
        k = keywords.length;
        keywordIndex.set(key, k);
        keywords.push({ text, ignoreCase });
        rulesByKeyword.push([]);
      }
      if (!rulesByKeyword[k]!.includes(rule)) rulesByKeyword[k]!.push(rule);
    }
    if (rule.gate?.digits !== undefined) digitRules.push(rule);
    if (rule.gate?.char !== undefined) {
      const code = rule.gate.char.charCodeAt(0);
      charRules.set(code, [...(charRules.get(code) ?? []), rule]);
    }
  }
  const minDigits = digitRules.length > 0 ? Math.min(...digitRules.map((r) => r.gate!.digits!)) : undefined;
  const prefilter = new Prefilter(keywords, {
    minDigits,
    chars: [...charRules.keys()].map((c) => String.fromCharCode(c)),
  });
  return {
    spec,
    rules,
    allowlist: compileAllowlist(spec.allowlist, source),
    byId: new Map(rules.map((r) => [r.id, r])),
    prefilter,
    rulesByKeyword,
    digitRules,
    charRules,
  };
}

/** Merges an override into a pack: rules by id (fields replace), disable by id, allowlists appended. */
export function mergeRulePack(
  base: RulePackSpec,
  input: unknown,
  source = 'rule override',
  locate?: Locate,
): RulePackSpec {
  if (!shapes().override(input)) throw shapeError(source, input, shapes().override.errors![0]!, locate);
  const override = input as RulePackOverride;
  const rules = base.rules.map((r) => ({ ...r }));
  for (const [index, change] of (override.rules ?? []).entries()) {
    const existing = rules.findIndex((r) => r.id === change.id);
    if (existing >= 0) rules[existing] = { ...rules[existing]!, ...change } as RuleSpec;
    else {
      const missing = (['description', 'severity', 'regex', 'tags'] as const).find(
        (f) => change[f] === undefined,
      );
      if (missing) {
        throw new DlpRulePackError(source, `is required for a new rule (no built-in rule has this id)`, {
          ruleId: change.id,
          field: missing,
          line: locate?.(['rules', index]),
        });
      }
      rules.push(change as RuleSpec);
    }
  }
  for (const [index, id] of (override.disable ?? []).entries()) {
    const rule = rules.find((r) => r.id === id);
    if (!rule) {
      throw new DlpRulePackError(
        source,
        `unknown rule '${id}' (known: ${rules.map((r) => r.id).join(', ')})`,
        {
          field: `disable.${index}`,
          line: locate?.(['disable', index]),
        },
      );
    }
    rule.disabled = true;
  }
  const a = base.allowlist ?? {};
  const b = override.allowlist ?? {};
  const allowlist: AllowlistSpec = {
    paths: [...(a.paths ?? []), ...(b.paths ?? [])],
    regexes: [...(a.regexes ?? []), ...(b.regexes ?? [])],
    stopwords: [...(a.stopwords ?? []), ...(b.stopwords ?? [])],
    regexTarget: b.regexTarget ?? a.regexTarget ?? 'secret',
  };
  return { version: base.version ?? 1, rules, allowlist };
}

/** Parses JSON or YAML text; returns the data and a function mapping a data path to a 1-based line. */
export function parsePackText(text: string, file: string): { data: unknown; locate: Locate } {
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    throw new DlpRulePackError(file, `cannot parse: ${e.message.split('\n')[0]}`, { line });
  }
  const lineOf = (offset: number): number => {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    return line;
  };
  const locate: Locate = (path) => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineOf(node.range[0]);
    }
    return undefined;
  };
  return { data: doc.toJS(), locate };
}

/** Compiles a pack from JSON/YAML text (a whole pack). */
export function loadRulePackText(text: string, file: string): CompiledRulePackWithPrefilter {
  const { data, locate } = parsePackText(text, file);
  return compileRulePack(data, file, locate);
}

/** The built-in pack with a user override (JSON/YAML text) applied. */
export function loadRulePackOverride(text: string, file: string): CompiledRulePackWithPrefilter {
  const { data, locate } = parsePackText(text, file);
  const merged = mergeRulePack(builtInRulePackSpec(), data, file, locate);
  // Errors in merged rules name the override file; line numbers would point into the built-in pack.
  return compileRulePack(merged, file);
}

export function builtInRulePackSpec(): RulePackSpec {
  return structuredClone(builtInRules) as RulePackSpec;
}

let builtIn: CompiledRulePackWithPrefilter | undefined;

export function defaultRulePack(): CompiledRulePackWithPrefilter {
  builtIn ??= compileRulePack(builtInRulePackSpec(), 'lib/dlp/rules.json', undefined, true);
  return builtIn;
}

/**
 * Ids of the pack's enabled rules whose matching the built-in pack does not vouch for: new ids, or
 * a built-in id whose regex, case flag, window or allowlist regexes an override replaced. The
 * built-in rules are held to linear time by the adversarial tests; these are not, so a scan runs
 * them under a time budget (`scanFilesBudgeted`). Empty for the built-in pack.
 */
export function unvettedRuleIds(pack: CompiledRulePackWithPrefilter): string[] {
  let ids = UNVETTED.get(pack);
  if (ids === undefined) UNVETTED.set(pack, (ids = findUnvetted(pack)));
  return [...ids];
}

/** Per compiled pack (a scan asks once per file). */
const UNVETTED = new WeakMap<CompiledRulePackWithPrefilter, readonly string[]>();

function findUnvetted(pack: CompiledRulePackWithPrefilter): string[] {
  const builtInById = new Map((builtInRules as RulePackSpec).rules.map((r) => [r.id, r]));
  const matching = (r: RuleSpec) => JSON.stringify([r.regex, r.ignoreCase ?? false, r.window ?? null]);
  return pack.rules
    .filter((rule) => {
      const builtIn = builtInById.get(rule.id);
      if (builtIn === undefined || matching(builtIn) !== matching(rule.spec)) return true;
      // Dropping an allowlist regex costs nothing; adding one runs a user's regex.
      const known = new Set(builtIn.allowlist?.regexes ?? []);
      return (rule.spec.allowlist?.regexes ?? []).some((r) => !known.has(r));
    })
    .map((rule) => rule.id);
}

/** True when the pack-wide allowlist holds a regex the built-in pack does not have. */
export function hasUnvettedAllowlist(pack: CompiledRulePackWithPrefilter): boolean {
  const builtIn = new Set((builtInRules as RulePackSpec).allowlist?.regexes ?? []);
  return (pack.spec.allowlist?.regexes ?? []).some((r) => !builtIn.has(r));
}
