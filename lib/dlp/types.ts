/**
 * Data shapes of the DLP engine: the rule pack as users write it (JSON/YAML), the compiled form
 * the scanner runs, and the findings it returns.
 */
import type { Level } from '../report/types.ts';
import type { NativeMatcher } from './native.ts';

export type RuleTag = string;

/** Where a rule's regex runs once the prefilter says "maybe". */
export type RuleWindow = 'keyword' | 'line';

export interface AllowlistSpec {
  /** Globs over the workspace-relative path (`**`, `*`, `?`, `{a,b}`). */
  paths?: string[];
  /** Regexes (JS syntax) tested against `regexTarget`. */
  regexes?: string[];
  /** What `regexes` are tested against; default `secret`. */
  regexTarget?: 'secret' | 'match' | 'line';
  /** Case-insensitive substrings of the secret that mark it as not a secret. */
  stopwords?: string[];
}

export interface RuleGateSpec {
  /** Run the rule on lines holding a run of at least this many digits (separators allowed). */
  digits?: number;
  /** Run the rule on lines holding this single ASCII character. */
  char?: string;
  /**
   * With `char`: only when the characters right before and after it are letters, digits or
   * one of `._%+-` (an address, not a decorator or a scope).
   */
  wordAround?: boolean;
}

export interface RuleSpec {
  id: string;
  description: string;
  severity: Level;
  /** Literal strings; one of them must occur for the regex to run. */
  keywords?: string[];
  /** For rules with no distinctive keyword: a cheap digit or character gate. */
  gate?: RuleGateSpec;
  /**
   * Keyword rules only: the regex runs only when one of `chars` occurs within `within`
   * characters after the keyword, before any of ``\n(),;{}<>!?&|``. A cheap check that keeps generic words
   * ("token", "password": thousands of hits per MiB) from costing a regex call each.
   */
  followedBy?: { chars: string; within: number };
  /** JS regex source. A named group `secret` marks the secret inside the match. */
  regex: string;
  /** Keywords and regex ignore case. Default false. */
  ignoreCase?: boolean;
  /** `keyword` (default when keywords exist): the regex is tried anchored at each keyword hit. */
  window?: RuleWindow;
  validator?: string;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  entropy?: number;
  tags: RuleTag[];
  /** The rule's own allowlist; its `paths` switch off this rule only. */
  allowlist?: AllowlistSpec;
  /** Set by an override to switch a rule off (same as listing it in `disable`). */
  disabled?: boolean;
}

export interface RulePackSpec {
  version?: number;
  rules: RuleSpec[];
  allowlist?: AllowlistSpec;
}

/** What a user supplies to change the built-in pack. */
export interface RulePackOverride {
  /** Rules merged by id: fields given replace the built-in rule's fields; new ids are added. */
  rules?: Array<Partial<RuleSpec> & { id: string }>;
  /** Rule ids to switch off. */
  disable?: string[];
  allowlist?: AllowlistSpec;
}

export interface ValidatorContext {
  /** The whole line (or lines) holding the match; computed on first access. */
  readonly line: string;
  readonly match: string;
}

export type Validator = (secret: string, context: ValidatorContext) => boolean;

export interface CompiledAllowlist {
  paths: RegExp[];
  regexes: RegExp[];
  regexTarget: 'secret' | 'match' | 'line';
  stopwords: string[];
}

export interface CompiledRule {
  spec: RuleSpec;
  id: string;
  index: number;
  window: RuleWindow;
  /** Sticky (`y`) for keyword windows, global (`g`) for line windows. */
  regex: RegExp;
  validator: Validator | undefined;
  allowlist: CompiledAllowlist | undefined;
  gate: RuleGateSpec | undefined;
  /** Char codes of `followedBy.chars`, and the distance. */
  followedBy: { codes: number[]; within: number } | undefined;
  /**
   * A hand-written equivalent of `regex` (see native.ts), set only when the rule's regex and
   * flags are exactly the ones it was written for. Keyword rules only.
   */
  native?: NativeMatcher | undefined;
}

export interface CompiledRulePack {
  spec: RulePackSpec;
  rules: CompiledRule[];
  allowlist: CompiledAllowlist;
  byId: ReadonlyMap<string, CompiledRule>;
}

export interface CommitInfo {
  sha: string;
  author?: string;
  email?: string;
  date?: string;
  message?: string;
}

/**
 * One finding. Serialisable as is: it carries no raw secret. The raw value lives in a side table
 * (see `secretOf` in scan.ts) so JSON.stringify, spreads, structuredClone and util.inspect can
 * never leak it.
 */
export interface DlpFinding {
  ruleId: string;
  description: string;
  severity: Level;
  tags: string[];
  path: string;
  /** 1-based. */
  line: number;
  endLine: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  /** 1-based, exclusive (SARIF convention: the column after the last character). */
  endColumn: number;
  /** First 4 characters and the length, e.g. `AKIA…(20)`. */
  preview: string;
  /** The whole match with the secret replaced by its preview (a key name, an `=`, quotes…). */
  matchPreview: string;
  /** sha256 hex of `${ruleId}:${sha256hex(secret)}:${path}`. */
  fingerprint: string;
  /** Bits per character; set for rules tagged `secret`. */
  entropy?: number;
  commit?: CommitInfo;
  /**
   * The line carries a `dlp:allow` that the scanned change itself adds (diff mode): not honoured,
   * reported for a reviewer; an accepted value belongs in the baseline, landed by an earlier change.
   */
  inlineAllowAdded?: boolean;
}

export type SuppressionReason = 'path' | 'allowlist' | 'inline' | 'baseline';
