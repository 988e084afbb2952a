/**
 * PGlite on a worker thread. PGlite runs PostgreSQL inside this process's WebAssembly and has no
 * way to interrupt a statement (no timer signal reaches it: `statement_timeout` never fires), so
 * a migration that loops forever would hang the gate. On a worker it can be stopped:
 * `Worker.terminate()` ends the WebAssembly mid-statement, and the gate's thread stays free to
 * keep the time. This module is the worker's side: one PGlite, answering exec/rows/close requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openPgliteHere } from './pglite-session.ts';

export interface PgliteRequest {
  id: number;
  op: 'exec' | 'rows' | 'close';
  sql?: string;
}

export type PgliteReply =
  { id: number; ok: true; rows?: unknown[] } | { id: number; ok: false; error: WorkerDatabaseError };

/** The fields of a PostgreSQL error the proof reads (message, SQLSTATE, position in the statement). */
export interface WorkerDatabaseError {
  message: string;
  code?: string;
  position?: string;
}

const port = parentPort!;
const db = await openPgliteHere((workerData as { extensions: string[] }).extensions);
port.postMessage({ id: 0, ok: true } satisfies PgliteReply);
port.on('message', (request: PgliteRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});

async function answer({ id, op, sql }: PgliteRequest): Promise<PgliteReply> {
  try {
    if (op === 'exec') await db.exec(sql!);
    else if (op === 'rows') return { id, ok: true, rows: await db.rows(sql!) };
    else await db.close();
    return { id, ok: true };
  } catch (error) {
    const e = error as { message?: unknown; code?: unknown; position?: unknown };
    const out: WorkerDatabaseError = { message: typeof e.message === 'string' ? e.message : String(error) };
    if (typeof e.code === 'string') out.code = e.code;
    if (e.position !== undefined) out.position = String(e.position);
    return { id, ok: false, error: out };
  }
}
