/**
 * The scanner: prefilter pass, regexes only at keyword hits or in gated lines, validators,
 * allowlists, inline `dlp:allow`, baseline. Returns findings that carry no raw secret.
 */
import { maskedPreview } from '../redact.ts';
import type { Redactor } from '../redact.ts';
import { sha256Hex } from '../digest.ts';
import { globToRegExp, normalisePath } from './glob.ts';
import { defaultRulePack, type CompiledRulePackWithPrefilter } from './pack.ts';
import { compileRegExp } from './regexp-compat.ts';
import type {
  AllowlistSpec,
  CommitInfo,
  CompiledAllowlist,
  CompiledRule,
  DlpFinding,
  SuppressionReason,
  ValidatorContext,
} from './types.ts';
import { shannonEntropyOf } from './validators.ts';

export interface ScanOptions {
  /** Workspace-relative path; part of the fingerprint and matched against path allowlists. */
  path?: string;
  /** A compiled pack (`defaultRulePack()`, `loadRulePackOverride()`); default: the built-in pack. */
  rules?: CompiledRulePackWithPrefilter;
  /** Added to the pack's own allowlist. */
  allowlist?: AllowlistSpec;
  /** Fingerprints of accepted findings. */
  baseline?: ReadonlySet<string>;
  /** Attached to every finding (history mode). */
  commit?: CommitInfo;
  /**
   * `honour` (default): an inline `dlp:allow` suppresses the finding on its line. `report`: the
   * finding stays and is marked `inlineAllowAdded` — for text a change adds (diff mode), where the
   * comment is the change's own say-so and a reviewer has to accept it.
   */
  inlineAllow?: 'honour' | 'report';
}

export interface ScanResult {
  findings: DlpFinding[];
  suppressed: Record<SuppressionReason, number>;
}

/**
 * Raw values, keyed by finding. A WeakMap rather than a property: JSON.stringify, spreads,
 * structuredClone, util.inspect (even with showHidden) and worker postMessage cannot reach it.
 * Only `secretOf` / `registerSecrets` read it, to teach the Redactor what to mask.
 */
const RAW_SECRETS = new WeakMap<DlpFinding, string>();

/** The raw value of a finding. NEVER serialise, log or print it: it exists to feed a Redactor. */
export function secretOf(finding: DlpFinding): string | undefined {
  return RAW_SECRETS.get(finding);
}

/**
 * Attaches a raw value to a finding that crossed a thread (structured clone drops the WeakMap
 * entry with the object identity). Internal to lib/dlp: threads.ts only.
 */
export function adoptSecret(finding: DlpFinding, secret: string): void {
  RAW_SECRETS.set(finding, secret);
}

/**
 * Registers every finding's raw value with the redactor so no later output can carry it, and its
 * path as readable: a value that equals a file name (or sits inside one) must not mask where the
 * finding is.
 */
export function registerSecrets(redactor: Redactor, findings: Iterable<DlpFinding>): void {
  for (const finding of findings) {
    redactor.addSecret(RAW_SECRETS.get(finding));
    redactor.addReadable(finding.path);
  }
}

export { sha256Hex } from '../digest.ts';

/** sha256(ruleId:sha256(secret):path): stable across runs and line moves, never the raw value. */
export function fingerprint(ruleId: string, secret: string, path: string): string {
  return sha256Hex(`${ruleId}:${sha256Hex(secret)}:${normalisePath(path)}`);
}

const compiledExtra = new WeakMap<AllowlistSpec, CompiledAllowlist>();

function compileExtraAllowlist(spec: AllowlistSpec): CompiledAllowlist {
  let compiled = compiledExtra.get(spec);
  if (!compiled) {
    compiled = {
      paths: (spec.paths ?? []).map(globToRegExp),
      regexes: (spec.regexes ?? []).map((r) => new RegExp(r)),
      regexTarget: spec.regexTarget ?? 'secret',
      stopwords: (spec.stopwords ?? []).map((w) => w.toLowerCase()),
    };
    compiledExtra.set(spec, compiled);
  }
  return compiled;
}

interface Candidate {
  rule: CompiledRule;
  matchStart: number;
  matchEnd: number;
  start: number;
  end: number;
  match: string;
  secret: string;
  /** Already measured (native path), or NaN. */
  entropy: number;
}

/** [matchStart, matchEnd, secretStart, secretEnd] from a native matcher. */
const SPAN = new Int32Array(4);

/** Line windows reach at most this far either side of a hit (minified files, data dumps). */
const HALF_WINDOW = 4096;

function allowedBy(list: CompiledAllowlist, c: Candidate, line: string): boolean {
  if (list.stopwords.length > 0) {
    const lower = c.secret.toLowerCase();
    if (list.stopwords.some((w) => lower.includes(w))) return true;
  }
  if (list.regexes.length > 0) {
    const target = list.regexTarget === 'match' ? c.match : list.regexTarget === 'line' ? line : c.secret;
    if (list.regexes.some((r) => r.test(target))) return true;
  }
  return false;
}

const INLINE_ALLOW = /dlp:allow\b((?:[ \t,]{1,8}[a-z0-9][a-z0-9-]{0,63}){0,16})/;

/** `dlp:allow` allows every rule; `dlp:allow rule-a rule-b` (ids that exist) only those. */
function inlineAllows(line: string, ruleId: string, knownIds: ReadonlyMap<string, unknown>): boolean {
  if (!line.includes('dlp:allow')) return false;
  const m = INLINE_ALLOW.exec(line);
  if (!m) return false;
  const ids = (m[1] ?? '').split(/[ \t,]+/).filter((t) => knownIds.has(t));
  return ids.length === 0 || ids.includes(ruleId);
}

/**
 * The line(s) holding [start, end), but at most HALF_WINDOW either side: on a 1 MiB line with
 * thousands of findings an unbounded search back and forth per finding is quadratic.
 */
function lineBounds(text: string, start: number, end: number): [number, number] {
  return windowBounds(text, start, Math.max(start, end - 1) + 1, LINE_REACH);
}

/** How far the line of a finding (allowlist `line` target, inline allow, context words) reaches. */
const LINE_REACH = 1024;

/** The line around [at, atEnd), but at most HALF_WINDOW either side (minified files, data). */
function windowBounds(text: string, at: number, atEnd: number, reach = HALF_WINDOW): [number, number] {
  const from = Math.max(0, at - reach);
  const back = text.slice(from, at).lastIndexOf('\n');
  const ws = back === -1 ? from : from + back + 1;
  const to = Math.min(text.length, atEnd + reach);
  const ahead = text.slice(atEnd, to).indexOf('\n');
  let we = ahead === -1 ? to : atEnd + ahead;
  if (we > ws && text.charCodeAt(we - 1) === 13) we--;
  return [ws, we];
}

function candidateFrom(rule: CompiledRule, m: RegExpExecArray, offset: number): Candidate {
  const matchStart = m.index + offset;
  const match = m[0];
  const secret = m.groups?.secret;
  if (secret === undefined) {
    return {
      rule,
      matchStart,
      matchEnd: matchStart + match.length,
      start: matchStart,
      end: matchStart + match.length,
      match,
      secret: match,
      entropy: NaN,
    };
  }
  // The `d` flag would give the group's offsets but makes every exec ~8x slower, hits or not.
  // The secret's text locates it; only when it occurs twice in the match is `d` needed.
  let at = match.indexOf(secret);
  if (at !== match.lastIndexOf(secret)) {
    const withIndices = compileRegExp(rule.regex.source, rule.regex.flags.replace(/[gy]/g, '') + 'd');
    at = withIndices.exec(match)?.indices?.groups?.secret?.[0] ?? at;
  }
  const start = matchStart + at;
  return {
    rule,
    matchStart,
    matchEnd: matchStart + match.length,
    start,
    end: start + secret.length,
    match,
    secret,
    entropy: NaN,
  };
}

/** Letters, digits and `._%+-` (NaN, past either end, is not). */
function isWordish(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 46 ||
    c === 95 ||
    c === 37 ||
    c === 43 ||
    c === 45
  );
}

/** The `followedBy` walk gives up at these: an assignment's key never contains them. */
const STOP = new Uint8Array(128);
for (const ch of '\n(),;{}<>!?&|') STOP[ch.charCodeAt(0)] = 1;

function followedBy(text: string, start: number, codes: number[], within: number): boolean {
  const end = Math.min(text.length, start + within);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    for (let j = 0; j < codes.length; j++) if (codes[j] === c) return true;
    if (c < 128 && STOP[c] === 1) return false;
  }
  return false;
}

/**
 * The validator's view of a candidate. One per scan, re-aimed at each candidate: validators are
 * pure and keep nothing, and the line is sliced only when a validator asks for it.
 */
class LazyContext implements ValidatorContext {
  private readonly text: string;
  match = '';
  private start = 0;
  private end = 0;
  private lineText: string | undefined;
  constructor(text: string) {
    this.text = text;
  }
  aim(c: Candidate): this {
    this.match = c.match;
    this.start = c.start;
    this.end = c.end;
    this.lineText = undefined;
    return this;
  }
  get line(): string {
    if (this.lineText === undefined) {
      const [ls, le] = lineBounds(this.text, this.start, this.end);
      this.lineText = this.text.slice(ls, le);
    }
    return this.lineText;
  }
}

interface RuleInfo {
  generic: boolean;
  measureEntropy: boolean;
  /** -Infinity when the rule sets none. */
  minEntropy: number;
}

/** Per-rule facts the candidate loop needs, by rule index, computed once per pack. */
const RULE_INFO = new WeakMap<CompiledRulePackWithPrefilter, RuleInfo[]>();

function ruleInfo(pack: CompiledRulePackWithPrefilter): RuleInfo[] {
  let info = RULE_INFO.get(pack);
  if (!info) {
    info = [];
    for (const rule of pack.rules) {
      const spec = rule.spec;
      info[rule.index] = {
        generic: spec.tags.includes('generic'),
        measureEntropy: spec.tags.includes('secret') || spec.entropy !== undefined,
        minEntropy: spec.entropy ?? -Infinity,
      };
    }
    RULE_INFO.set(pack, info);
  }
  return info;
}

export function scanText(text: string, options: ScanOptions = {}): DlpFinding[] {
  return scanTextWithStats(text, options).findings;
}

export function scanTextWithStats(text: string, options: ScanOptions = {}): ScanResult {
  const pack = options.rules ?? defaultRulePack();
  const path = normalisePath(options.path ?? '');
  const suppressed: Record<SuppressionReason, number> = { path: 0, allowlist: 0, inline: 0, baseline: 0 };
  const allowlists = [pack.allowlist];
  if (options.allowlist) allowlists.push(compileExtraAllowlist(options.allowlist));
  if (path !== '' && allowlists.some((a) => a.paths.some((p) => p.test(path)))) {
    suppressed.path++;
    return { findings: [], suppressed };
  }
  // Stages are separate functions: small functions reach optimised code sooner (a scan of a
  // few MiB is over before one big function would), and each stays monomorphic.
  const hits = pack.prefilter.scan(text);
  const infos = ruleInfo(pack);
  const candidates: Candidate[] = [];
  const windows = new Map<CompiledRule, number[]>();
  keywordCandidates(text, pack, infos, hits.keywordHits, candidates, windows);
  gateWindows(text, pack, hits.digitRuns, hits.charHits, windows);
  windowCandidates(text, windows, candidates);
  if (candidates.length === 0) return { findings: [], suppressed };
  const kept = resolveOverlaps(validCandidates(text, infos, candidates), infos);
  return { findings: toFindings(text, pack, kept, allowlists, path, options, suppressed), suppressed };
}

/**
 * Adds the line window around [at, atEnd) to the rule's windows ([start, end) pairs). Hits
 * arrive in text order, so a window that touches the previous one extends it: each character is
 * searched at most once per rule, even on a 1 MB line with 50,000 gate characters.
 */
function addWindow(
  text: string,
  windows: Map<CompiledRule, number[]>,
  rule: CompiledRule,
  at: number,
  atEnd: number,
): void {
  let perRule = windows.get(rule);
  if (!perRule) windows.set(rule, (perRule = []));
  const lastEnd = perRule.length > 0 ? perRule[perRule.length - 1]! : -1;
  if (atEnd <= lastEnd) return;
  const [ws, we] = windowBounds(text, at, atEnd);
  if (ws <= lastEnd) perRule[perRule.length - 1] = Math.max(lastEnd, we);
  else perRule.push(ws, we);
}

function keywordCandidates(
  text: string,
  pack: CompiledRulePackWithPrefilter,
  infos: RuleInfo[],
  keywordHits: readonly number[],
  candidates: Candidate[],
  windows: Map<CompiledRule, number[]>,
): void {
  const span = SPAN;
  for (let h = 0; h < keywordHits.length; h += 2) {
    const start = keywordHits[h + 1]!;
    const rules = pack.rulesByKeyword[keywordHits[h]!]!;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      if (rule.native !== undefined) {
        // Most hits of generic words end here, with nothing allocated. `followedBy` is implied:
        // a match puts the operator within 51 characters of the keyword, with no stop character.
        if (!rule.native(text, start, span)) continue;
        const entropy = shannonEntropyOf(text, span[2]!, span[3]!);
        if (entropy < infos[rule.index]!.minEntropy) continue;
        const match = text.slice(span[0]!, span[1]!);
        candidates.push({
          rule,
          matchStart: span[0]!,
          matchEnd: span[1]!,
          start: span[2]!,
          end: span[3]!,
          match,
          secret: match.slice(span[2]! - span[0]!, span[3]! - span[0]!),
          entropy,
        });
        continue;
      }
      if (rule.window === 'line') {
        addWindow(text, windows, rule, start, start + 1);
        continue;
      }
      if (rule.followedBy && !followedBy(text, start, rule.followedBy.codes, rule.followedBy.within))
        continue;
      rule.regex.lastIndex = start;
      const m = rule.regex.exec(text);
      if (m) candidates.push(candidateFrom(rule, m, 0));
    }
  }
}

function gateWindows(
  text: string,
  pack: CompiledRulePackWithPrefilter,
  digitRuns: readonly number[],
  charHits: readonly number[],
  windows: Map<CompiledRule, number[]>,
): void {
  for (let r = 0; r < digitRuns.length; r += 3) {
    for (const rule of pack.digitRules) {
      if (digitRuns[r + 2]! >= rule.gate!.digits!)
        addWindow(text, windows, rule, digitRuns[r]!, digitRuns[r + 1]!);
    }
  }
  for (let c = 0; c < charHits.length; c += 2) {
    const at = charHits[c + 1]!;
    for (const rule of pack.charRules.get(charHits[c]!) ?? []) {
      if (
        rule.gate!.wordAround &&
        !(isWordish(text.charCodeAt(at - 1)) && isWordish(text.charCodeAt(at + 1)))
      )
        continue;
      addWindow(text, windows, rule, at, at + 1);
    }
  }
}

function windowCandidates(text: string, windows: Map<CompiledRule, number[]>, candidates: Candidate[]): void {
  for (const [rule, perRule] of windows) {
    for (let w = 0; w < perRule.length; w += 2) {
      const ws = perRule[w]!;
      const we = perRule[w + 1]!;
      const slice = text.slice(ws, we);
      rule.regex.lastIndex = 0;
      for (let m = rule.regex.exec(slice); m; m = rule.regex.exec(slice)) {
        if (m[0].length === 0) rule.regex.lastIndex++;
        else candidates.push(candidateFrom(rule, m, ws));
      }
    }
  }
}

interface Valid {
  c: Candidate;
  entropy: number | undefined;
}

/** Validators and entropy first, so a rejected specific candidate does not hide a generic one. */
function validCandidates(text: string, infos: RuleInfo[], candidates: Candidate[]): Valid[] {
  const valid: Valid[] = [];
  const seen = new Set<number>();
  const context = new LazyContext(text);
  for (const c of candidates) {
    // Same rule, same span (two keywords of one rule, overlapping windows): keep one.
    const key = c.start * 4096 + c.rule.index;
    if (seen.has(key)) continue;
    seen.add(key);
    const info = infos[c.rule.index]!;
    let entropy: number | undefined;
    // Entropy first: it is cheap and rejects most generic-assignment noise.
    if (info.measureEntropy) {
      entropy = c.entropy === c.entropy ? c.entropy : shannonEntropyOf(text, c.start, c.end);
      if (entropy < info.minEntropy) continue;
    }
    if (c.rule.validator && !c.rule.validator(c.secret, context.aim(c))) continue;
    valid.push({ c, entropy });
  }
  return valid;
}

/**
 * Overlapping candidates of different rules: a specific rule beats the generic one, then the
 * longer match wins (an IBAN over the card-like digits inside it), then pack order. Returns the
 * kept ones in text order.
 */
function resolveOverlaps(valid: Valid[], infos: RuleInfo[]): Valid[] {
  const isGeneric = (v: Valid) => (infos[v.c.rule.index]!.generic ? 1 : 0);
  valid.sort(
    (a, b) =>
      isGeneric(a) - isGeneric(b) ||
      b.c.end - b.c.start - (a.c.end - a.c.start) ||
      a.c.rule.index - b.c.rule.index,
  );
  // Kept spans never overlap, so sorted by start they are also sorted by end: a binary search
  // finds the only neighbours that could overlap a new span.
  const kept: Valid[] = [];
  for (const v of valid) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.c.start < v.c.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    if ((before && before.c.end > v.c.start) || (after && after.c.start < v.c.end)) continue;
    kept.splice(lo, 0, v);
  }
  return kept;
}

/** Allowlists, inline `dlp:allow`, baseline, then the findings (raw values in the side table). */
function toFindings(
  text: string,
  pack: CompiledRulePackWithPrefilter,
  kept: Valid[],
  allowlists: CompiledAllowlist[],
  path: string,
  options: ScanOptions,
  suppressed: Record<SuppressionReason, number>,
): DlpFinding[] {
  const lines = new LineCursor(text);
  const findings: DlpFinding[] = [];
  for (const { c, entropy } of kept) {
    const spec = c.rule.spec;
    if (
      c.rule.allowlist &&
      c.rule.allowlist.paths.length > 0 &&
      c.rule.allowlist.paths.some((p) => p.test(path))
    ) {
      suppressed.allowlist++;
      continue;
    }
    const [lineStart, lineEnd] = lineBounds(text, c.start, c.end);
    const lineText = text.slice(lineStart, lineEnd);
    if (
      (c.rule.allowlist && allowedBy(c.rule.allowlist, c, lineText)) ||
      allowlists.some((a) => allowedBy(a, c, lineText))
    ) {
      suppressed.allowlist++;
      continue;
    }
    const firstLineEnd = lineText.indexOf('\n', c.start - lineStart);
    const firstLine = firstLineEnd === -1 ? lineText : lineText.slice(0, firstLineEnd);
    const allowedInline = inlineAllows(firstLine, c.rule.id, pack.byId);
    if (allowedInline && options.inlineAllow !== 'report') {
      suppressed.inline++;
      continue;
    }
    const fp = fingerprint(c.rule.id, c.secret, path);
    if (options.baseline?.has(fp)) {
      suppressed.baseline++;
      continue;
    }
    // `kept` is in text order and spans do not overlap, so these offsets only grow.
    const [line, column] = lines.position(c.start);
    const [endLine, endColumnInclusive] = lines.position(Math.max(c.start, c.end - 1));
    const preview = maskedPreview(c.secret);
    const finding: DlpFinding = {
      ruleId: c.rule.id,
      description: spec.description,
      severity: spec.severity,
      tags: [...spec.tags],
      path,
      line,
      endLine,
      column,
      endColumn: endColumnInclusive + 1,
      preview,
      matchPreview: maskMatch(c, preview),
      fingerprint: fp,
    };
    if (entropy !== undefined) finding.entropy = Math.round(entropy * 1000) / 1000;
    if (allowedInline) finding.inlineAllowAdded = true;
    if (options.commit) finding.commit = { ...options.commit };
    RAW_SECRETS.set(finding, c.secret);
    findings.push(finding);
  }
  return findings;
}

/** The match with its secret replaced by the preview; only the key name and punctuation remain. */
function maskMatch(c: Candidate, preview: string): string {
  const before = c.match.slice(0, c.start - c.matchStart);
  const after = c.match.slice(c.end - c.matchStart);
  const masked = `${before}${preview}${after}`;
  return masked.length > 200 ? `${masked.slice(0, 200)}…` : masked;
}

/**
 * Offsets to 1-based line/column, counting newlines forward from the previous answer: findings
 * come in text order, so a file is read at most up to its last finding, once, with no index array.
 */
class LineCursor {
  private readonly text: string;
  private line = 1;
  private lineStart = 0;
  /** The first newline at or after `lineStart`, or -1. */
  private nextNewline: number;
  constructor(text: string) {
    this.text = text;
    this.nextNewline = text.indexOf('\n');
  }
  position(offset: number): [number, number] {
    if (offset < this.lineStart) {
      this.line = 1;
      this.lineStart = 0;
      this.nextNewline = this.text.indexOf('\n');
    }
    while (this.nextNewline !== -1 && this.nextNewline < offset) {
      this.line++;
      this.lineStart = this.nextNewline + 1;
      this.nextNewline = this.text.indexOf('\n', this.lineStart);
    }
    return [this.line, offset - this.lineStart + 1];
  }
}
