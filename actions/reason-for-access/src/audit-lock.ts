/**
 * One writer at a time per audit log. The lock is an O_EXCL file holding who owns it; it and the
 * temporary copies of the log live in a scratch folder beside the log's folder (never inside it:
 * the workflow commits that folder with `git add -A`, and a killed run must leave nothing there).
 *
 * A lock whose owner is gone (same host, process no longer running, or older than `staleMs`) is
 * removed under a short-lived guard, re-checked there, so two waiters cannot both delete it and a
 * live writer's lock is never deleted. The owner also re-checks that the lock is still its own
 * right before it renames the new log into place.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LockOptions {
  /** How long to wait for another writer before giving up (ms). */
  waitMs?: number;
  /** A lock older than this is taken over even when its owner cannot be checked (ms). */
  staleMs?: number;
}

export const DEFAULT_WAIT_MS = 5 * 60_000;
/** Longer than any decision holds the lock (signing and the GitHub API calls included). */
export const DEFAULT_STALE_MS = 10 * 60_000;

export class LockTimeout extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockTimeout';
  }
}

interface Owner {
  token: string;
  pid: number;
  host: string;
  created: number;
}

export interface HeldLock {
  /** Folder for temporary files: same file system as the log, outside the committed folder. */
  readonly scratch: string;
  /** Throws unless this writer still owns the lock (call right before publishing). */
  assertHeld(): Promise<void>;
}

/** The scratch folder of a log: `<parent>/.<log folder>.lock.d` (or beside the log's folder). */
export function scratchFolder(logPath: string): string {
  const folder = dirname(logPath);
  return join(dirname(folder), `.${basename(folder).replace(/^\.+/, '') || 'audit'}.lock.d`);
}

export async function withLogLock<T>(
  logPath: string,
  fn: (lock: HeldLock) => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const scratch = scratchFolder(logPath);
  const lockFile = join(scratch, `${basename(logPath)}.lock`);
  await mkdir(scratch, { recursive: true });
  const me: Owner = { token: randomUUID(), pid: process.pid, host: hostname(), created: Date.now() };
  await acquire(lockFile, me, options);
  try {
    // Temporary copies a killed writer left behind: safe to remove while holding the lock.
    for (const name of await readdir(scratch)) {
      if (!name.startsWith(`${basename(logPath)}.`)) continue;
      if (name.endsWith('.tmp')) await rm(join(scratch, name), { force: true });
      else if (name.endsWith('.lock.break')) {
        const breaker = await readOwner(join(scratch, name));
        if (breaker && (await isStale(join(scratch, name), breaker, 5_000)))
          await rm(join(scratch, name), { force: true });
      }
    }
    return await fn({
      scratch,
      assertHeld: async () => {
        const owner = await readOwner(lockFile);
        if (owner?.token !== me.token)
          throw new Error(
            'another writer took over the audit-log lock while this decision was made (it held the lock longer than the stale limit)',
          );
      },
    });
  } finally {
    const owner = await readOwner(lockFile);
    if (owner?.token === me.token) await rm(lockFile, { force: true });
  }
}

async function acquire(lockFile: string, me: Owner, options: LockOptions): Promise<void> {
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const deadline = Date.now() + waitMs;
  let delay = 5;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      try {
        await handle.writeFile(JSON.stringify({ ...me, created: Date.now() }));
      } finally {
        await handle.close();
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(lockFile);
    if (owner === undefined) continue; // released meanwhile
    if (await isStale(lockFile, owner, staleMs)) {
      await takeOver(lockFile, owner);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = owner.host === me.host ? `process ${owner.pid}` : `process ${owner.pid} on ${owner.host}`;
      throw new LockTimeout(
        `another decision (${who}) has held the audit-log lock for ${Math.round((Date.now() - owner.created) / 1000)}s and this one waited ${Math.round(waitMs / 1000)}s; retry, or serialise the runs with one concurrency group`,
      );
    }
    // Jittered back-off keeps many waiters from polling in lock step.
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 100);
  }
}

/** undefined: the file vanished, or holds a half-written owner (its writer was killed). */
async function readOwner(lockFile: string): Promise<Owner | undefined> {
  let text: string;
  try {
    text = await readFile(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<Owner>;
    if (typeof value.token === 'string' && typeof value.pid === 'number' && typeof value.created === 'number')
      return value as Owner;
  } catch {
    // fall through
  }
  return { token: `unreadable:${text.length}`, pid: -1, host: '', created: 0 };
}

async function isStale(lockFile: string, owner: Owner, staleMs: number): Promise<boolean> {
  if (owner.pid === -1) {
    // Created but never written: the writer died between open and write, or is writing now.
    const age = Date.now() - (await stat(lockFile).catch(() => ({ mtimeMs: 0 }))).mtimeMs;
    return age > 1000;
  }
  if (Date.now() - owner.created > staleMs) return true;
  if (owner.host !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes a stale lock. Only the holder of the `.break` guard may delete someone else's lock, and
 * it re-reads the lock under the guard: a lock that changed owner since it was judged stale (a
 * waiter acquired it meanwhile) is left alone, so a live writer's lock is never deleted.
 */
async function takeOver(lockFile: string, stale: Owner): Promise<void> {
  const guard = `${lockFile}.break`;
  let handle;
  try {
    handle = await open(guard, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another waiter is breaking it; a guard whose breaker died is removed (it never lives long).
    const breaker = await readOwner(guard);
    if (breaker && (await isStale(guard, breaker, 5_000))) await rm(guard, { force: true });
    return;
  }
  try {
    await handle.writeFile(
      JSON.stringify({ token: randomUUID(), pid: process.pid, host: hostname(), created: Date.now() }),
    );
    await handle.close();
    handle = undefined;
    const now = await readOwner(lockFile);
    if (now?.token === stale.token) await rm(lockFile, { force: true });
  } finally {
    await handle?.close();
    await rm(guard, { force: true });
  }
}
