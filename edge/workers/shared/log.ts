/**
 * Structured logs: one JSON object per line. Callers pass counts, statuses and token prefixes
 * (`tok_email_v1`) only; nothing here ever receives a value or a whole token.
 */
export type LogFields = Record<string, string | number | boolean | Record<string, number> | undefined>;

export function logEvent(worker: string, event: string, fields: LogFields): void {
  console.log(JSON.stringify({ worker, event, ...fields }));
}
