/**
 * The reason a person gives for privileged access. It is data end to end: it is never interpolated
 * into a shell, a workflow expression or Markdown without escaping. Validation is pure; the secret
 * scanner is injected so this file does not depend on how DLP is implemented.
 */

/** Anything that finds secrets/PII in text; only the rule ids are used, never the matched values. */
export type SecretScanner = (text: string) => readonly { ruleId: string }[];

export interface ReasonRules {
  minLength: number;
  maxLength: number;
  /** Must match somewhere in the reason: a change ticket or an incident id. */
  ticketPattern: RegExp;
  /** A human description of ticketPattern for error messages. */
  ticketHint: string;
}

/**
 * A key of 2+ capitals/digits starting with two letters, a dash and a number (CHG-1234, PAY-77), or
 * INC0042 — except the algorithm, encoding and standard names that share the shape (UTF-8,
 * SHA-256, AES-128, ISO-8601, RFC-7519, CVE-2024…), which cite nothing.
 */
export const DEFAULT_TICKET_PATTERN = String.raw`\b(?!(?:UTF|UCS|SHA|MD|AES|DES|RSA|CRC|ISO|RFC|TLS|SSL|HTTP|CVE|CWE|IPV)-)(?:[A-Z]{2}[A-Z0-9]*-\d+|INC\d+)\b`;

export const DEFAULT_REASON_RULES: ReasonRules = {
  minLength: 20,
  maxLength: 1000,
  ticketPattern: new RegExp(DEFAULT_TICKET_PATTERN),
  ticketHint: 'a change ticket such as CHG-1234 or an incident such as INC0042',
};

export interface ReasonCheck {
  ok: boolean;
  /**
   * The sanitised reason: what is stored in the audit log. When the scanner found a secret or
   * PII this is a placeholder instead, so a denied request does not copy the secret into the log.
   */
  reason: string;
  /** Ticket/incident ids found in the reason. */
  tickets: string[];
  /** Each problem, worded for the person who typed the reason; never quotes the reason. */
  problems: string[];
}

// C0 and C1 control characters, DEL, and the Unicode bidi/format characters that make text
// display differently from what it is (Trojan Source), plus zero-width joiners and BOM.
const LINE_BREAKS = /[\r\n\u0085\u2028\u2029\t\v\f]+/g;
// Also the soft hyphen (invisible, splits a word a reviewer reads as one) and the Unicode tag
// characters U+E0000-E007F (invisible text that can smuggle instructions past a human reader).
const INVISIBLE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u{e0000}-\u{e007f}]/gu;

/**
 * Line breaks and tabs become one space (so words do not fuse); every other control or
 * direction-changing character is removed. Shell metacharacters are kept: they are harmless as
 * data, and removing them would falsify what the person wrote.
 */
export function sanitizeReason(raw: string): string {
  return raw.normalize('NFC').replace(LINE_BREAKS, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
}

/**
 * The texts the secret scanner sees, so a token split by whitespace is still that token:
 * - the sanitised reason;
 * - the raw text with every line break (and the indentation around it) and every invisible
 *   character removed: a token wrapped over lines is joined again, word boundaries elsewhere kept;
 * - each run of 2 to 4 adjacent words glued together, one run per line: a token split by spaces
 *   or tabs is whole on one of those lines (runs longer than any credential are skipped).
 * All are bounded by the length check that runs first (at most 4x the reason's length).
 */
export function scanViews(raw: string, sanitized: string): string[] {
  const unwrapped = raw
    .normalize('NFC')
    .replace(/[ \t]*(?:\r\n|[\r\n\u0085\u2028\u2029\v\f])[ \t]*/gu, '')
    .replace(INVISIBLE, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  const words = sanitized.split(' ');
  const runs: string[] = [];
  for (let i = 0; i < words.length - 1; i++) {
    let glued = words[i]!;
    for (let n = 2; n <= 4 && i + n <= words.length; n++) {
      glued += words[i + n - 1]!;
      if (glued.length > MAX_GLUED) break;
      runs.push(glued);
    }
  }
  return [...new Set([sanitized, unwrapped, runs.join('\n')])].filter((view) => view !== '');
}

/** Longer than any credential shape the DLP rules look for (PEM keys have line breaks, not spaces). */
const MAX_GLUED = 512;

export function checkReason(
  raw: string | undefined,
  rules: ReasonRules,
  scan: SecretScanner | undefined,
): ReasonCheck {
  const reason = sanitizeReason(raw ?? '');
  const problems: string[] = [];
  if (reason === '') {
    return {
      ok: false,
      reason,
      tickets: [],
      problems: ['the reason is empty; say why you need access and cite the ticket or incident'],
    };
  }
  const length = [...reason].length;
  if (length > rules.maxLength) {
    // Checked before the scan: the scan is the expensive part, and an over-long reason is refused
    // anyway. It cannot be cleared of secrets, so it is not stored either.
    return {
      ok: false,
      reason: '[withheld: too long to be checked]',
      tickets: [],
      problems: [
        `the reason is ${length} characters; at most ${rules.maxLength} are allowed (link to the ticket instead)`,
      ],
    };
  }
  if (length < rules.minLength) {
    problems.push(
      `the reason is ${length} characters; at least ${rules.minLength} are required (say what and why, and cite the ticket)`,
    );
  }
  const global = new RegExp(rules.ticketPattern.source, rules.ticketPattern.flags.replace('g', '') + 'g');
  const tickets = [...new Set([...reason.matchAll(global)].map((m) => m[0]))];
  if (tickets.length === 0)
    problems.push(`the reason cites no ticket or incident; expected ${rules.ticketHint}`);
  let withheld: string | undefined;
  if (!scan) {
    // Fail closed: without a scanner nobody can say the reason is free of secrets.
    problems.push(
      'no secret/PII scanner is configured, so the reason cannot be cleared; this is a bug in the action',
    );
  } else {
    let found: { ruleId: string }[] = [];
    try {
      // A token split by a line break or spaces is still that token: the detectors also see the
      // text with every space removed (which can only add findings, never hide one).
      for (const text of scanViews(raw ?? '', reason)) found.push(...scan(text));
    } catch (error) {
      found = [];
      problems.push(
        `the secret/PII scan failed (${error instanceof Error ? error.name : 'error'}); the reason cannot be cleared`,
      );
    }
    const ruleIds = [...new Set(found.map((f) => f.ruleId))].sort();
    if (ruleIds.length > 0) {
      // Only the rule ids: the matched text must not reach a log, an output or this message.
      problems.push(
        `the reason contains what looks like a secret or personal data (${ruleIds.join(', ')}); remove it and refer to the ticket instead`,
      );
      withheld = `[withheld: matched ${ruleIds.join(', ')}]`;
    }
  }
  return {
    ok: problems.length === 0,
    reason: withheld ?? reason,
    tickets: withheld ? [] : tickets,
    problems,
  };
}

/** Builds ReasonRules from policy data, compiling the pattern; throws a clear error for a bad regex. */
export function reasonRules(
  options: { minLength?: number; maxLength?: number; ticketPattern?: string; ticketHint?: string } = {},
): ReasonRules {
  let ticketPattern = DEFAULT_REASON_RULES.ticketPattern;
  if (options.ticketPattern !== undefined) {
    try {
      ticketPattern = new RegExp(options.ticketPattern, 'u');
    } catch (error) {
      throw new Error(`reason.ticketPattern is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  return {
    minLength: options.minLength ?? DEFAULT_REASON_RULES.minLength,
    maxLength: options.maxLength ?? DEFAULT_REASON_RULES.maxLength,
    ticketPattern,
    ticketHint:
      options.ticketHint ??
      (options.ticketPattern ? `a match for /${options.ticketPattern}/` : DEFAULT_REASON_RULES.ticketHint),
  };
}
