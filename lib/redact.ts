import { escapeCell, escapeText } from './report/summary.ts';

/**
 * One redactor per run. Every string leaving an action — log lines, annotations, the job summary,
 * outputs, reports, SARIF, evidence files — passes through `redact()`. Secrets are registered by
 * value (tokens from inputs, values a scanner found) and by pattern (shapes that must never be
 * printed even if nobody registered them).
 */

export const MASK = '***';

/** Shapes redacted even when no one registered the value. Kept deliberately narrow: credentials. */
const BUILT_IN_PATTERNS: RegExp[] = [
  // An optional backslash before _ and -: the same tokens after markdown escaping in a job summary.
  /\bgh[pousr]\\?_[A-Za-z0-9]{36,255}\b/g,
  /\bgithub\\?_pat\\?_[A-Za-z0-9_\\]{22,255}\b/g,
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  /\bxox[abposr]\\?-[A-Za-z0-9\\-]{10,}\b/g,
  /\bglpat\\?-[A-Za-z0-9_\\-]{20,}\b/g,
  /\bnpm\\?_[A-Za-z0-9]{36}\b/g,
  // JWTs (three base64url parts, the first two JSON objects) and bearer credentials.
  /\beyJ[A-Za-z0-9_\\-]{8,}\.eyJ[A-Za-z0-9_\\-]{8,}\.[A-Za-z0-9_\\-]{8,}/g,
  /(?<=\b[Bb]earer\s+)[A-Za-z0-9._~+/\\-]{16,}=*/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  // userinfo in URLs: scheme://user:password@host — up to the last @ before the host, so a
  // password containing @ is masked whole.
  /(?<=\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/]*(?=@[^\s@/]+)/gi,
  // a token alone as userinfo: https://<token>@host (short names such as git@ are left alone)
  /(?<=\b[a-z][a-z0-9+.-]*:\/\/)[A-Za-z0-9_\\-]{20,}(?=@)/gi,
];

/** Values shorter than this are not registered: masking "a" or "10" everywhere destroys output. */
const MIN_SECRET_LENGTH = 4;

export class Redactor {
  private readonly values = new Set<string>();
  private readonly patterns: RegExp[] = [...BUILT_IN_PATTERNS];
  private combined: RegExp | undefined;

  /** Registers a value to mask wherever it appears, with its JSON- and URL-encoded forms. */
  addSecret(value: string | undefined | null): void {
    if (!value) return;
    for (const form of encodedForms(value)) {
      if (form.length >= MIN_SECRET_LENGTH) this.values.add(form);
    }
    this.combined = undefined;
  }

  addPattern(pattern: RegExp): void {
    const flags = pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g';
    this.patterns.push(new RegExp(pattern.source, flags));
  }

  /** The registered values, for handing on to a child redactor (never for printing). */
  secrets(): readonly string[] {
    return [...this.values];
  }

  redact(text: string): string {
    if (!text) return text;
    let out = text;
    if (this.values.size > 0) {
      this.combined ??= new RegExp(
        [...this.values]
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|'),
        'g',
      );
      out = out.replace(this.combined, MASK);
    }
    for (const pattern of this.patterns) {
      pattern.lastIndex = 0;
      out = out.replace(pattern, MASK);
    }
    return out;
  }

  /** Redacts every string inside a JSON-like value, keys included. */
  redactDeep<T>(value: T): T {
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((item) => this.walk(item));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[this.redact(key)] = this.walk(item);
      return out;
    }
    return value;
  }
}

function encodedForms(value: string): string[] {
  const forms = new Set<string>([value, value.trim()]);
  forms.add(JSON.stringify(value).slice(1, -1));
  forms.add(encodeURIComponent(value));
  // Markdown and HTML escaping happen before redaction (the summary builder escapes user text),
  // and GitHub renders the escaped form back to the value: mask those forms too.
  forms.add(escapeText(value));
  forms.add(escapeCell(value));
  // Workflow-command escaping of annotation data and properties.
  forms.add(value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
  forms.add(
    value
      .replace(/%/g, '%25')
      .replace(/\r/g, '%0D')
      .replace(/\n/g, '%0A')
      .replace(/:/g, '%3A')
      .replace(/,/g, '%2C'),
  );
  // A multi-line secret (a PEM key) also appears line by line in logs.
  for (const line of value.split(/\r?\n/)) if (line.trim().length >= 8) forms.add(line.trim());
  return [...forms].filter(Boolean);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A preview that says which value without showing it: its first characters and its length,
 * e.g. `AKIA…(20)`. Short values show nothing but the length.
 */
export function maskedPreview(value: string, visible = 4): string {
  if (value.length <= visible * 2) return `…(${value.length})`;
  return `${value.slice(0, visible)}…(${value.length})`;
}
