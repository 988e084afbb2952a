/**
 * The audit log: JSON Lines, one record per decision, each line the canonical JSON of its record.
 * Records are chained: `prev` is the SHA-256 of the previous line (64 zeros for the first), and
 * `seq` counts from 1, so deleting, reordering or editing a record breaks the chain at a place
 * verifyLog() can name. The chain cannot stop someone who rewrites the whole tail consistently;
 * that is what the per-record attestation (and its transparency-log entry) is for.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { sha256Hex } from '../../../lib/digest.ts';
import type { RuleResult } from './decide.ts';
import type { RoleSourceRecord } from './openfga.ts';
import { withLogLock, type HeldLock, type LockOptions } from './audit-lock.ts';

export { sha256Hex };

export const GENESIS = '0'.repeat(64);

export interface AuditFields {
  timestamp: string;
  kind: string;
  actor: string;
  triggeringActor: string;
  reason: string;
  tickets: string[];
  environment: string;
  repository: string;
  ref: string;
  sha: string;
  runUrl: string;
  policy: { source: string; digest: string };
  /** Where roles came from, when not GitHub teams (absent from records written before). */
  roleSource?: RoleSourceRecord;
  decision: 'allow' | 'deny';
  decidedBy: string;
  reasons: RuleResult[];
  dryRun: boolean;
}

export interface AuditRecord extends AuditFields {
  v: 1;
  seq: number;
  prev: string;
}

/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785) and no whitespace, so the same
 * record always hashes the same. Our records hold only strings, integers, booleans and arrays.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON cannot hold a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}

/** The next record's line for a log whose current text is `existing` (pure). */
export function nextRecord(
  existing: string,
  fields: AuditFields,
): { record: AuditRecord; line: string; digest: string } {
  const lines = splitLines(existing);
  const last = lines.at(-1);
  let seq = lines.length + 1;
  if (last !== undefined) {
    try {
      const parsed = JSON.parse(last) as { seq?: unknown };
      if (typeof parsed.seq === 'number' && Number.isInteger(parsed.seq)) seq = parsed.seq + 1;
    } catch {
      // A broken last line still gets chained to; verifyLog reports it.
    }
  }
  const record: AuditRecord = { v: 1, seq, prev: last === undefined ? GENESIS : sha256Hex(last), ...fields };
  const line = canonicalJson(record);
  return { record, line, digest: sha256Hex(line) };
}

/**
 * Appends one record: the lock is held from reading the log to renaming the new text into place,
 * so concurrent writers are serialised and none chains to a predecessor another one replaced.
 */
export async function appendRecord(
  path: string,
  fields: AuditFields,
  options: LockOptions = {},
): Promise<{ record: AuditRecord; line: string; digest: string }> {
  return withLogLock(
    path,
    async (lock) => {
      const existing = await readLog(path);
      const next = nextRecord(existing, fields);
      await commitRecordLine(path, existing, next.line, lock);
      return next;
    },
    options,
  );
}

/** The log's text, or '' when it does not exist yet. */
export async function readLog(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/**
 * Appends `line` to the log whose text was `existing` when the record was chained, while `lock`
 * is held. The new text goes to a temporary file in the lock's scratch folder (same file system,
 * outside the committed folder) and is renamed over the log, so a crash leaves the old log or the
 * new one, never a cut-off line, and no stray file where the workflow commits.
 */
export async function commitRecordLine(
  path: string,
  existing: string,
  line: string,
  lock: HeldLock,
): Promise<void> {
  if ((await readLog(path)) !== existing)
    throw new Error(
      'the audit log changed while this decision was made, although the lock was held (edited by hand, or written by a tool that ignores the lock)',
    );
  // A file cut off mid-line must not glue the new record onto the broken one.
  const separator = existing !== '' && !existing.endsWith('\n') ? '\n' : '';
  await writeFileAtomic(path, `${existing}${separator}${line}\n`, lock);
}

/**
 * Writes `text` to `path` through a synced temporary file in the lock's scratch folder and a
 * rename; the lock is re-checked right before the rename.
 */
export async function writeFileAtomic(path: string, text: string, lock: HeldLock): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(lock.scratch, `${basename(path)}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await lock.assertHeld();
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'EXDEV')
      throw new Error(
        `${dirname(path)} and ${lock.scratch} are on different file systems, so the log cannot be replaced atomically; keep the audit log's folder on one file system with its parent`,
      );
    throw error;
  }
}

export type BreakKind =
  'invalid-json' | 'not-canonical' | 'genesis' | 'deleted' | 'reordered' | 'edited' | 'head-mismatch';

export interface LogBreak {
  /** 1-based line number in the file (blank lines count). */
  line: number;
  /** The record the break is attributed to (its expected seq). */
  record: number;
  kind: BreakKind;
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  records: number;
  /** sha256 of the last line: compare with an attested or externally kept head. */
  head: string;
  broken?: LogBreak;
}

/**
 * Checks the whole chain and names the first broken record. `expectedHead` (the digest of the
 * last record as attested elsewhere) also catches a cut-off or edited tail.
 */
export function verifyLog(text: string, options: { expectedHead?: string } = {}): VerifyResult {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const entries = lines.map((raw, i) => ({ raw, lineNo: i + 1 })).filter((e) => e.raw.trim() !== '');
  const parsed: ({ seq?: unknown; prev?: unknown } | undefined)[] = entries.map((e) => {
    try {
      const value = JSON.parse(e.raw) as unknown;
      return value && typeof value === 'object' && !Array.isArray(value)
        ? (value as { seq?: unknown; prev?: unknown })
        : undefined;
    } catch {
      return undefined;
    }
  });
  const fail = (i: number, kind: BreakKind, message: string, record = i + 1): VerifyResult => ({
    ok: false,
    records: entries.length,
    head: entries.length ? sha256Hex(entries.at(-1)!.raw) : GENESIS,
    broken: { line: entries[i]?.lineNo ?? 1, record, kind, message },
  });

  let prevHash = GENESIS;
  for (let i = 0; i < entries.length; i++) {
    const { raw, lineNo } = entries[i]!;
    const expected = i + 1;
    const rec = parsed[i];
    if (!rec)
      return fail(
        i,
        'invalid-json',
        `line ${lineNo}: record ${expected} is not a JSON object (edited or truncated)`,
      );
    if (canonicalJson(rec) !== raw)
      return fail(
        i,
        'not-canonical',
        `line ${lineNo}: record ${expected} is not in canonical form, so it was edited by hand`,
      );
    if (rec.seq !== expected) {
      const seq = rec.seq;
      if (typeof seq !== 'number') return fail(i, 'edited', `line ${lineNo}: record ${expected} has no seq`);
      const laterIndex = parsed.findIndex((p, j) => j > i && p?.seq === expected);
      if (seq < expected || laterIndex !== -1) {
        return fail(
          i,
          'reordered',
          `line ${lineNo}: found record ${seq} where record ${expected} belongs; records were reordered`,
        );
      }
      const missing = seq - expected === 1 ? `record ${expected} is` : `records ${expected}-${seq - 1} are`;
      return fail(i, 'deleted', `line ${lineNo}: ${missing} missing before record ${seq}; deleted`);
    }
    if (rec.prev !== prevHash) {
      if (i === 0)
        return fail(
          i,
          'genesis',
          `line ${lineNo}: record 1 must have prev = 64 zeros (genesis); the start of the log was removed or replaced`,
        );
      return fail(
        i - 1,
        'edited',
        `line ${entries[i - 1]!.lineNo}: record ${expected - 1} was edited (record ${expected}'s prev no longer matches its hash)`,
        expected - 1,
      );
    }
    prevHash = sha256Hex(raw);
  }
  const result: VerifyResult = { ok: true, records: entries.length, head: prevHash };
  if (options.expectedHead && options.expectedHead !== prevHash) {
    const last = entries.length - 1;
    return {
      ...fail(
        Math.max(last, 0),
        'head-mismatch',
        `the last record does not match the expected head ${options.expectedHead.slice(0, 12)}…; records were removed from or edited at the end`,
      ),
      ok: false,
    };
  }
  return result;
}

function splitLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}
