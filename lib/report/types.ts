/**
 * The vocabulary every action reports in. An action's run() returns these as plain data; the
 * runner adapter (lib/runtime.ts) turns them into workflow commands, a job summary, a check run,
 * SARIF and an evidence bundle, passing every string through the redactor on the way out.
 */

export type Level = 'error' | 'warning' | 'notice';

/** A position in a file, 1-based like GitHub annotations and SARIF regions. */
export interface SourcePosition {
  file: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface Annotation {
  level: Level;
  message: string;
  title?: string;
  /** Workspace-relative path with forward slashes. */
  file?: string;
  line?: number;
  endLine?: number;
  column?: number;
  endColumn?: number;
}

/** A rule a finding can cite (SARIF reportingDescriptor). */
export interface RuleDescriptor {
  id: string;
  name?: string;
  shortDescription: string;
  fullDescription?: string;
  helpUri?: string;
  defaultLevel: Level;
  tags?: string[];
  /** 0.1–10: code scanning shows security alerts as Critical (≥ 9), High (≥ 7), Medium, Low. */
  securitySeverity?: number;
  /** Markdown help shown with the alert in code scanning. */
  helpMarkdown?: string;
}

/** One result of an analysis: the unit SARIF, annotations and reports are made of. */
export interface Finding {
  ruleId: string;
  level: Level;
  message: string;
  location?: SourcePosition;
  /** Stable identity across runs (SARIF partialFingerprints). Never derived from a raw secret. */
  fingerprint?: string;
  properties?: Record<string, unknown>;
}

export function findingToAnnotation(finding: Finding, title?: string): Annotation {
  const annotation: Annotation = {
    level: finding.level,
    message: finding.message,
    title: title ?? finding.ruleId,
  };
  if (finding.location) {
    annotation.file = finding.location.file;
    annotation.line = finding.location.line;
    if (finding.location.column !== undefined) annotation.column = finding.location.column;
    if (finding.location.endLine !== undefined) annotation.endLine = finding.location.endLine;
    if (finding.location.endColumn !== undefined) annotation.endColumn = finding.location.endColumn;
  }
  return annotation;
}

const LEVEL_RANK: Record<Level, number> = { notice: 0, warning: 1, error: 2 };

/** True when `level` is at least as severe as `threshold` (fail-on semantics). */
export function atLeast(level: Level, threshold: Level): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[threshold];
}
