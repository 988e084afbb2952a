/**
 * What a person reads: the job summary of a decision, and verify mode's report on the log.
 */
import { readFile } from 'node:fs/promises';
import type { ActionResult } from '../../../lib/action.ts';
import { summary as markdown } from '../../../lib/report/summary.ts';
import { verifyLog } from './audit.ts';
import type { Decision } from './decide.ts';
import type { Setup } from './inputs.ts';
import type { LoadedPolicy } from './policy.ts';
import type { ReasonCheck } from './reason.ts';
import { message, type Located } from './record.ts';

export async function verifyMode(
  auditLog: Located | undefined,
  expectedHead: string | undefined,
  setup: Setup,
): Promise<ActionResult> {
  const outputs: Record<string, string> = {
    decision: '',
    'audit-record': '',
    'record-digest': '',
    'bundle-path': '',
  };
  if (!auditLog || setup.errors.length > 0) {
    return {
      outputs,
      annotations: setup.annotations,
      summary: '',
      failure: `Cannot verify: ${setup.errors.join('; ') || 'no audit log'}`,
    };
  }
  let text: string;
  try {
    text = await readFile(auditLog.absolute, 'utf8');
  } catch (error) {
    return {
      outputs,
      annotations: [],
      summary: '',
      failure: `Cannot read the audit log ${auditLog.display}: ${message(error)}`,
    };
  }
  const result = verifyLog(text, expectedHead ? { expectedHead } : {});
  outputs['record-digest'] = result.head;
  const md = markdown().heading('Audit log verification', 2);
  if (result.ok) {
    md.status(true, `${auditLog.display}: ${result.records} record(s), chain intact; head ${result.head}`);
    return { outputs, annotations: [], summary: md.toString() };
  }
  const b = result.broken!;
  md.status(false, `${auditLog.display}: ${b.message}`);
  return {
    outputs,
    annotations: [
      {
        level: 'error',
        title: `Audit log ${b.kind}`,
        file: auditLog.display,
        line: b.line,
        message: b.message,
      },
    ],
    summary: md.toString(),
    failure: `Audit log ${auditLog.display} is broken: ${b.message}`,
  };
}

export function renderSummary(s: {
  decision: Decision;
  actor: string;
  triggeringActor: string | undefined;
  reason: ReasonCheck;
  environment: string;
  kind: string;
  ref: string | undefined;
  loaded: LoadedPolicy | undefined;
  outputs: Record<string, string>;
  notes: string[];
  dryRun: boolean;
}): string {
  const allowed = s.decision.decision === 'allow';
  const md = markdown()
    .heading(`reason-for-access: ${allowed ? 'allowed' : 'denied'}${s.dryRun ? ' (dry run)' : ''}`, 2)
    .status(
      allowed,
      `${s.actor || 'unknown actor'} → ${s.kind} ${s.environment || '(no environment)'} at ${s.ref || '(unknown ref)'}`,
    )
    .table(
      ['', ''],
      [
        [
          'Who',
          s.triggeringActor && s.triggeringActor !== s.actor
            ? `${s.actor} (run triggered by ${s.triggeringActor})`
            : s.actor,
        ],
        ['Why', s.reason.reason],
        ['Decided by', s.decision.decidedBy],
        ['Policy', s.loaded ? `${s.loaded.source} (sha256 ${s.loaded.digest.slice(0, 12)}…)` : 'not loaded'],
        ['Record', s.outputs['record-digest'] ? `sha256 ${s.outputs['record-digest']}` : 'none'],
        ['Attestation', s.outputs['bundle-path'] || 'none'],
      ],
    )
    .table(
      ['Rule', 'Result', 'Detail'],
      s.decision.reasons.map((r) => [r.rule, r.ok ? 'pass' : 'FAIL', r.detail]),
    );
  if (s.notes.length) md.list(s.notes);
  return md.toString();
}
