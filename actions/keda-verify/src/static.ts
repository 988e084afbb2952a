/**
 * Static verification (the pull-request check): schema first, then semantics for every
 * ScaledObject that passed it. Returns findings and one summary row per ScaledObject. Pure apart
 * from the already-loaded input.
 */
import type { ValidateFunction } from 'ajv';
import type { LoadedConfig } from '../../../lib/config.ts';
import { compileSchema, validateConfig } from '../../../lib/schema.ts';
import type { Finding } from '../../../lib/report/types.ts';
import type { ManifestSet } from './load.ts';
import { scaledObjectSchema, triggerAuthenticationSchema } from './schema.ts';
import { checkScaledObject, effectiveSettings, type Guardrails } from './semantics.ts';
import type { ScaledObject } from './types.ts';

export interface ObjectRow {
  file: string;
  line: number;
  kind: string;
  name: string;
  namespace: string;
  target: string;
  min?: number;
  max?: number;
  triggers: string;
  scaleDownWindow?: string;
  errors: number;
  warnings: number;
  /** Kept for live and surge modes. */
  object?: ScaledObject;
}

export interface StaticResult {
  findings: Finding[];
  rows: ObjectRow[];
  scaledObjects: LoadedConfig<ScaledObject>[];
}

let validators: { so: ValidateFunction; ta: ValidateFunction } | undefined;
function compiled() {
  validators ??= { so: compileSchema(scaledObjectSchema), ta: compileSchema(triggerAuthenticationSchema) };
  return validators;
}

export function verifyStatic(set: ManifestSet, guard: Guardrails): StaticResult {
  const { so: validateSo, ta: validateTa } = compiled();
  const findings: Finding[] = [];
  const rows: ObjectRow[] = [];
  const valid: LoadedConfig<ScaledObject>[] = [];
  for (const doc of set.keda) {
    const value = doc.value as { kind: string; metadata?: { name?: string; namespace?: string } };
    const isSo = value.kind === 'ScaledObject';
    const problems = validateConfig(doc, isSo ? validateSo : validateTa);
    const own: Finding[] = problems.map((p) => ({
      ruleId: 'schema',
      level: 'error',
      message: `${value.kind} ${value.metadata?.name ?? '(unnamed)'}: ${p.message}`,
      location: { file: p.file, line: p.line, column: p.column },
    }));
    let object: ScaledObject | undefined;
    if (isSo && problems.length === 0) {
      object = doc.value as unknown as ScaledObject;
      valid.push(doc as unknown as LoadedConfig<ScaledObject>);
      own.push(...checkScaledObject(doc as unknown as LoadedConfig<ScaledObject>, guard));
    }
    findings.push(...own);
    const spec = (doc.value as { spec?: Partial<ScaledObject['spec']> }).spec ?? {};
    const eff = object ? effectiveSettings(object) : undefined;
    const row: ObjectRow = {
      file: doc.file,
      line: doc.locate([]).line,
      kind: value.kind,
      name: value.metadata?.name ?? '(unnamed)',
      namespace: value.metadata?.namespace ?? 'default',
      target: isSo ? (spec.scaleTargetRef?.name ?? '?') : '',
      triggers: isSo
        ? (Array.isArray(spec.triggers) ? spec.triggers : [])
            .map(
              (t) =>
                `${t?.name ?? t?.type ?? '?'} (${t?.metricType ?? 'AverageValue'} ${t?.metadata?.['threshold'] ?? '-'})`,
            )
            .join(', ')
        : '',
      errors: own.filter((f) => f.level === 'error').length,
      warnings: own.filter((f) => f.level === 'warning').length,
    };
    if (eff) {
      row.min = eff.min;
      row.max = eff.max;
      row.scaleDownWindow = `${eff.scaleDownWindow} s${eff.scaleDownWindowExplicit ? '' : ' (default)'}`;
    }
    if (object) row.object = object;
    rows.push(row);
  }
  return { findings, rows, scaledObjects: valid };
}
