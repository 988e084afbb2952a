/**
 * Decision-log entries in OPA's format (https://www.openpolicyagent.org/docs/management-decision-logs):
 * decision_id, path, result, timestamp, bundles.<name>.revision, labels — with the input's SHA-256
 * (`input_sha256`) instead of the input itself, so an entry can be kept as evidence without
 * copying what the input held (reasons, tokens' subjects) into it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { sha256Hex } from '../digest.ts';
import { stableStringify } from '../report/evidence.ts';

export interface DecisionLogEntry {
  labels: { app: string; type: 'summit-ops' };
  decision_id: string;
  path: string;
  input_sha256: string;
  result: unknown;
  timestamp: string;
  bundles: Record<string, { revision: string }>;
}

export function decisionLogEntry(e: {
  path: string;
  input: unknown;
  result: unknown;
  revision: string;
  now: Date;
  app: string;
}): DecisionLogEntry {
  return {
    labels: { app: e.app, type: 'summit-ops' },
    decision_id: randomUUID(),
    path: e.path,
    input_sha256: sha256Hex(stableStringify(e.input ?? null)),
    result: e.result,
    timestamp: e.now.toISOString(),
    bundles: { policy: { revision: e.revision } },
  };
}

/** The evidence file holding a run's decision log (JSON Lines, one entry per evaluation). */
export function decisionLogFile(entries: readonly DecisionLogEntry[]): { name: string; content: string } {
  return { name: 'decision-log.jsonl', content: entries.map((e) => `${JSON.stringify(e)}\n`).join('') };
}

const sink = new AsyncLocalStorage<DecisionLogEntry[]>();

/**
 * Runs `fn` collecting the decision-log entry of every policy evaluation made inside it (however
 * deep: the gate's code need not pass a log around), for the run's evidence bundle.
 */
export async function collectDecisions<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; decisions: DecisionLogEntry[] }> {
  const decisions: DecisionLogEntry[] = [];
  const value = await sink.run(decisions, fn);
  return { value, decisions };
}

/** Adds an entry to the collection of the enclosing collectDecisions(), if any. */
export function recordDecision(entry: DecisionLogEntry): void {
  sink.getStore()?.push(entry);
}
