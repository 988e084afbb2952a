/** Static-mode output: annotations at the YAML lines and the per-ScaledObject summary table. */
import { findingToAnnotation, type Annotation, type Finding } from '../../../lib/report/types.ts';
import { summary, type SummaryBuilder } from '../../../lib/report/summary.ts';
import type { ManifestSet } from './load.ts';
import type { ObjectRow } from './static.ts';

export const MAX_ANNOTATIONS = 50;

export function annotations(findings: readonly Finding[]): Annotation[] {
  return findings.map((f) => findingToAnnotation(f, `keda-verify: ${f.ruleId}`));
}

export function staticSummary(
  set: ManifestSet,
  rows: readonly ObjectRow[],
  findings: readonly Finding[],
): SummaryBuilder {
  const s = summary().heading('KEDA verification');
  const skipped = Object.entries(set.skipped);
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.filter((f) => f.level === 'warning').length;
  s.paragraph(
    `${set.files.length} file(s), ${set.documents} document(s): ${rows.filter((r) => r.kind === 'ScaledObject').length} ScaledObject(s), ${rows.filter((r) => r.kind !== 'ScaledObject').length} TriggerAuthentication(s); ${skipped.reduce((n, [, c]) => n + c, 0)} other document(s) skipped${skipped.length ? ` (${skipped.map(([k, c]) => `${c} ${k}`).join(', ')})` : ''}. ${errors} error(s), ${warnings} warning(s).`,
  );
  if (rows.length > 0)
    s.table(
      ['object', 'file', 'target', 'min', 'max', 'scale-down window', 'triggers', 'errors', 'warnings'],
      rows.map((r) => [
        `${r.kind} ${r.namespace}/${r.name}`,
        `${r.file}:${r.line}`,
        r.target,
        r.min,
        r.max,
        r.scaleDownWindow,
        r.triggers,
        r.errors,
        r.warnings,
      ]),
    );
  if (findings.length > 0)
    s.details(
      `Findings (${findings.length})`,
      summary().table(
        ['rule', 'level', 'where', 'message'],
        findings.map((f) => [
          f.ruleId,
          f.level,
          f.location ? `${f.location.file}:${f.location.line}` : '',
          f.message,
        ]),
      ),
      true,
    );
  return s;
}
