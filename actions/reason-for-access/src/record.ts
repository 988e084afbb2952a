/**
 * Recording a decision: under the log's lock, read and verify the chain, sign the next record,
 * write its bundle, append the line. Every failure on the way turns the decision into a deny that
 * is still recorded when the log can be written at all.
 */
import { rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { RunContext } from '../../../lib/action.ts';
import { LockTimeout, withLogLock, type HeldLock, type LockOptions } from './audit-lock.ts';
import { attestRecord, type AttestationSigner, type SigstoreInstance } from './attest.ts';
import {
  commitRecordLine,
  nextRecord,
  readLog,
  verifyLog,
  writeFileAtomic,
  type AuditFields,
} from './audit.ts';
import type { Decision, OperationalRule } from './decide.ts';

export interface Located {
  absolute: string;
  display: string;
}

export interface RecordRequest {
  context: RunContext;
  auditLog: Located;
  decision: Decision;
  fields: (decision: Decision) => AuditFields;
  /** Set: sign the record on this instance. */
  signing?: { instance: () => SigstoreInstance; signer: (instance: SigstoreInstance) => AttestationSigner };
  lock?: LockOptions;
}

export interface Recorded {
  decision: Decision;
  line?: string;
  digest?: string;
  bundle?: unknown;
  bundlePath?: string;
  notes: string[];
}

export async function recordDecision(req: RecordRequest): Promise<Recorded> {
  try {
    return await withLogLock(req.auditLog.absolute, (lock) => underLock(req, lock), req.lock);
  } catch (error) {
    // Nothing was appended: the lock was never held, or the log could not be written under it.
    const why =
      error instanceof LockTimeout
        ? `the audit log ${req.auditLog.display} is busy: ${error.message}`
        : `cannot write the audit log ${req.auditLog.display}: ${message(error)}`;
    return { decision: withFailure(req.decision, 'audit-log', why), notes: [] };
  }
}

async function underLock(req: RecordRequest, lock: HeldLock): Promise<Recorded> {
  const { auditLog, context } = req;
  const notes: string[] = [];
  let decision = req.decision;
  let existing: string;
  try {
    existing = await readLog(auditLog.absolute);
  } catch (error) {
    throw new Error(`cannot read it (${message(error)})`);
  }
  const chain = verifyLog(existing);
  if (!chain.ok)
    decision = withFailure(
      decision,
      'audit-log',
      `${auditLog.display}: ${chain.broken!.message}; new decisions are denied until the log is restored`,
    );
  let next = nextRecord(existing, req.fields(decision));
  let bundle: unknown;
  if (req.signing) {
    try {
      const instance = req.signing.instance();
      notes.push(
        `signed on the ${instance.name} Sigstore instance (Fulcio ${instance.fulcioURL}${instance.rekorURL ? `, Rekor ${instance.rekorURL}` : ', no transparency log'}${instance.tsaURL ? `, timestamps ${instance.tsaURL}` : ''})`,
      );
      bundle = await attestRecord(next.record, next.line, req.signing.signer(instance));
    } catch (error) {
      decision = withFailure(
        decision,
        'attestation',
        `signing the audit record failed (${message(error)}); grant permissions: id-token: write, or set attest: false`,
      );
      next = nextRecord(existing, req.fields(decision));
    }
  }
  // The bundle is written before the record: a record must never say allow unless its signature
  // is on disk, and a failure here must be able to turn it into a deny.
  let bundleFile: string | undefined;
  if (bundle) {
    bundleFile = join(dirname(auditLog.absolute), 'bundles', `record-${next.record.seq}.sigstore.json`);
    try {
      await writeFileAtomic(bundleFile, `${JSON.stringify(bundle, null, 2)}\n`, lock);
    } catch (error) {
      decision = withFailure(
        decision,
        'attestation',
        `cannot write the attestation bundle ${display(context, bundleFile)} (${message(error)}); an unsigned record cannot allow`,
      );
      bundle = undefined;
      bundleFile = undefined;
      next = nextRecord(existing, req.fields(decision));
    }
  }
  try {
    await commitRecordLine(auditLog.absolute, existing, next.line, lock);
  } catch (error) {
    // A bundle whose record never made it into the log would attest a decision nobody logged.
    if (bundleFile) await rm(bundleFile, { force: true }).catch(() => undefined);
    throw error;
  }
  const out: Recorded = { decision, line: next.line, digest: next.digest, notes };
  if (bundle && bundleFile) {
    out.bundle = bundle;
    out.bundlePath = display(context, bundleFile);
  }
  return out;
}

export function display(context: RunContext, absolute: string): string {
  return relative(context.workspace, absolute).split('\\').join('/');
}

export function withFailure(decision: Decision, rule: OperationalRule, detail: string): Decision {
  return {
    decision: 'deny',
    reasons: [...decision.reasons, { rule, ok: false, detail }],
    decidedBy: decision.decision === 'deny' ? decision.decidedBy : `${rule}: ${detail}`,
  };
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/** What the record would be on an empty log (a dry run writes nothing). */
export function nextRecordPreview(fields: AuditFields): { line: string } {
  return nextRecord('', fields);
}
