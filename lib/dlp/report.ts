/**
 * Output shapes built from findings. None of them can carry a raw value: findings do not hold
 * one (see `secretOf` in scan.ts), and these functions only copy previews and fingerprints.
 */
import type { Finding, RuleDescriptor } from '../report/types.ts';
import type { CompiledRulePack, DlpFinding } from './types.ts';

export interface RedactionLog {
  total: number;
  /** Findings per rule id, sorted by id. Counts only, never values. */
  byRule: Record<string, number>;
  bySeverity: Record<'error' | 'warning' | 'notice', number>;
  byTag: Record<string, number>;
}

export function redactionLog(findings: readonly DlpFinding[]): RedactionLog {
  const byRule: Record<string, number> = {};
  const byTag: Record<string, number> = {};
  const bySeverity = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) {
    byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    bySeverity[f.severity]++;
    for (const tag of f.tags) byTag[tag] = (byTag[tag] ?? 0) + 1;
  }
  const sorted = (o: Record<string, number>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  return { total: findings.length, byRule: sorted(byRule), bySeverity, byTag: sorted(byTag) };
}

/** One entry of gitleaks' JSON report (`gitleaks detect --report-format json --redact`). */
export interface GitleaksEntry {
  RuleID: string;
  Description: string;
  StartLine: number;
  EndLine: number;
  StartColumn: number;
  /** Inclusive, as gitleaks writes it. */
  EndColumn: number;
  /** The match with the secret masked. */
  Match: string;
  /** The masked preview. */
  Secret: string;
  File: string;
  SymlinkFile: string;
  Commit: string;
  Entropy: number;
  Author: string;
  Email: string;
  Date: string;
  Message: string;
  Tags: string[];
  Fingerprint: string;
}

export function gitleaksReport(findings: readonly DlpFinding[]): GitleaksEntry[] {
  return findings.map((f) => ({
    RuleID: f.ruleId,
    Description: f.description,
    StartLine: f.line,
    EndLine: f.endLine,
    StartColumn: f.column,
    EndColumn: f.endColumn - 1,
    Match: f.matchPreview,
    Secret: f.preview,
    File: f.path,
    SymlinkFile: '',
    Commit: f.commit?.sha ?? '',
    Entropy: f.entropy ?? 0,
    Author: f.commit?.author ?? '',
    Email: f.commit?.email ?? '',
    Date: f.commit?.date ?? '',
    Message: f.commit?.message ?? '',
    Tags: [...f.tags],
    Fingerprint: f.fingerprint,
  }));
}

/**
 * A finding about the scan's own configuration (dlp-scan's `dlp-config-*` rules) rather than a
 * value: every rule of a pack is tagged `secret` or `pii`, so one with neither is not a match.
 * Its description is the whole message; its preview is a word such as `added`, not a value.
 */
export function isConfigFinding(f: DlpFinding): boolean {
  return !f.tags.includes('secret') && !f.tags.includes('pii');
}

/** The shared report vocabulary (annotations, SARIF) for a finding. */
export function toReportFinding(f: DlpFinding): Finding {
  return {
    ruleId: f.ruleId,
    level: f.severity,
    message: isConfigFinding(f) ? f.description : `${f.description}: ${f.preview}`,
    location: { file: f.path, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn },
    fingerprint: f.fingerprint,
    properties: {
      preview: f.preview,
      tags: f.tags,
      ...(f.entropy !== undefined ? { entropy: f.entropy } : {}),
    },
  };
}

export function ruleDescriptors(pack: CompiledRulePack): RuleDescriptor[] {
  return pack.rules.map((r) => ({
    id: r.id,
    shortDescription: r.spec.description,
    defaultLevel: r.spec.severity,
    tags: [...r.spec.tags],
  }));
}
