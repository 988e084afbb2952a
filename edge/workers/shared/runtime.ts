/**
 * The few Workers runtime shapes these Workers use, declared here so the repository's one
 * tsconfig (Node types) checks them without pulling @cloudflare/workers-types' globals, which
 * clash with Node's. Names and signatures follow the Workers runtime API.
 */
export interface D1Result<T = Record<string, unknown>> {
  results: T[];
  success: boolean;
  meta: { changes?: number; last_row_id?: number; [key: string]: unknown };
}

export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  all<T = Record<string, unknown>>(): Promise<D1Result<T>>;
  run(): Promise<D1Result>;
}

export interface D1Database {
  prepare(query: string): D1PreparedStatement;
  /** All statements in one transaction: a failing one rolls the whole batch back. */
  batch(statements: D1PreparedStatement[]): Promise<D1Result[]>;
}

/** A service binding: `fetch` reaches the bound Worker without a public route. */
export interface Fetcher {
  fetch(input: string | Request, init?: RequestInit): Promise<Response>;
}

export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

export interface ScheduledController {
  readonly scheduledTime: number;
  readonly cron: string;
}

/** WebCrypto's CryptoKey (Node's types declare only its constructor globally). */
export type Key = import('node:crypto').webcrypto.CryptoKey;
