/**
 * PII detection for single values, driven by lib/dlp's rule pack (rules.json) and validators:
 * the same regexes and checks the repository's DLP scan uses, bundled into the Worker. Only the
 * rules tagged `pii` run. lib/dlp's scanner itself is not bundled: its pack loader compiles JSON
 * Schemas with `new Function`, which workerd forbids, and a JSON value needs no prefilter pass.
 */
import rulePack from '../../../../lib/dlp/rules.json' with { type: 'json' };
import { longestDigitRun } from '../../../../lib/dlp/digit-run.ts';
import { VALIDATORS } from '../../../../lib/dlp/validators.ts';
import type { RulePackSpec, Validator, ValidatorContext } from '../../../../lib/dlp/types.ts';

/** Token field for each PII rule of the pack; a rule added later gets its id without dashes. */
const FIELD_OF_RULE: Readonly<Record<string, string>> = {
  'us-ssn': 'ssn',
  'payment-card': 'card',
  'email-address': 'email',
  'phone-number': 'phone',
  'phone-number-context': 'phone',
  'payment-card-other': 'card',
  'us-ssn-dotted': 'ssn',
  iban: 'iban',
};

interface Detector {
  id: string;
  field: string;
  regex: RegExp;
  validator: Validator | undefined;
  minDigits: number;
  char: string | undefined;
  keywords: string[];
  ignoreCase: boolean;
}

export interface Span {
  start: number;
  end: number;
  field: string;
}

function compile(pack: RulePackSpec): Detector[] {
  return pack.rules
    .filter((r) => r.tags.includes('pii') && !r.disabled)
    .map((r) => ({
      id: r.id,
      field: FIELD_OF_RULE[r.id] ?? r.id.replace(/[^a-z0-9]/g, '').slice(0, 24),
      regex: new RegExp(r.regex, r.ignoreCase ? 'gi' : 'g'),
      validator: r.validator === undefined ? undefined : VALIDATORS[r.validator],
      minDigits: r.gate?.digits ?? 0,
      char: r.gate?.char,
      keywords: (r.keywords ?? []).map((k) => (r.ignoreCase ? k.toLowerCase() : k)),
      ignoreCase: r.ignoreCase === true,
    }));
}

const DETECTORS = compile(rulePack as RulePackSpec);
export const MIN_DIGITS = Math.min(...DETECTORS.map((d) => (d.minDigits > 0 ? d.minDigits : Infinity)));
export const GATE_CHARS = [...new Set(DETECTORS.flatMap((d) => (d.char ? [d.char] : [])))];
export const KEYWORD_RULES = DETECTORS.some((d) => d.keywords.length > 0);

/** Ids of the lib/dlp rules this Worker applies (for docs and tests). */
export const DETECTOR_RULE_IDS: readonly string[] = DETECTORS.map((d) => d.id);

/**
 * A cheap superset of every rule's gate: a digit run as long as the shortest digit gate (runs as
 * lib/dlp's prefilter measures them), a gate character, or (for rules with keywords) any value at
 * all. Most values in a JSON body stop here.
 */
export function mayHoldPii(value: string): boolean {
  if (KEYWORD_RULES) return true;
  for (const c of GATE_CHARS) if (value.includes(c)) return true;
  return longestDigitRun(value, MIN_DIGITS) >= MIN_DIGITS;
}

/** The rule's keyword, character and digit gates; keywords may be in the key name (`context`). */
function gateOpen(d: Detector, value: string, context: string): boolean {
  if (d.keywords.length > 0) {
    const hay = d.ignoreCase ? `${context} ${value}`.toLowerCase() : `${context} ${value}`;
    if (!d.keywords.some((k) => hay.includes(k))) return false;
  }
  if (d.char !== undefined && !value.includes(d.char)) return false;
  if (d.minDigits > 0 && longestDigitRun(value, d.minDigits) < d.minDigits) return false;
  return true;
}

/**
 * Spans of `value` the PII rules recognise, validated, non-overlapping (longest first, then pack
 * order, as lib/dlp resolves overlaps), in text order. `context` (the key name) is part of the
 * validators' line, so `"ssn": "123456789"` counts like `ssn=123456789` in a file.
 */
export function findPii(value: string, context: string): Span[] {
  if (!mayHoldPii(value)) return [];
  const found: Array<Span & { order: number }> = [];
  let line: string | undefined;
  const ctx: ValidatorContext = {
    match: '',
    get line() {
      return (line ??= `${context}: ${value}`);
    },
  };
  for (let order = 0; order < DETECTORS.length; order++) {
    const d = DETECTORS[order]!;
    if (!gateOpen(d, value, context)) continue;
    d.regex.lastIndex = 0;
    for (let m = d.regex.exec(value); m; m = d.regex.exec(value)) {
      if (m[0].length === 0) {
        d.regex.lastIndex++;
        continue;
      }
      const secret = m.groups?.['secret'] ?? m[0];
      const start = m.index + m[0].indexOf(secret);
      (ctx as { match: string }).match = m[0];
      if (d.validator && !d.validator(secret, ctx)) continue;
      found.push({ start, end: start + secret.length, field: d.field, order });
    }
  }
  if (found.length <= 1) return found.map(({ start, end, field }) => ({ start, end, field }));
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order);
  const kept: Span[] = [];
  for (const s of found)
    if (!kept.some((k) => k.start < s.end && s.start < k.end))
      kept.push({ start: s.start, end: s.end, field: s.field });
  return kept.sort((a, b) => a.start - b.start);
}
