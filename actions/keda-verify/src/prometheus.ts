/**
 * The two Prometheus HTTP API calls keda-verify makes: an instant query read the way KEDA's
 * Prometheus scaler reads it (one series, a finite number), and the alert list. Failures say
 * which, in terms a user can act on: unreachable, slow, an error status, no series, several
 * series, NaN.
 */
import { httpRequest, HttpError, sanitizeUrl } from '../../../lib/http.ts';
import { isHttpUrl } from './semantics.ts';

export type QueryFailure =
  'bad-url' | 'unreachable' | 'timeout' | 'status' | 'no-series' | 'several-series' | 'nan' | 'bad-response';

export class PromQueryError extends Error {
  readonly reason: QueryFailure;
  constructor(reason: QueryFailure, message: string) {
    super(message);
    this.name = 'PromQueryError';
    this.reason = reason;
  }
}

export interface PromOptions {
  timeoutMs: number;
  retries?: number;
  signal?: AbortSignal;
}

interface ApiResponse<T> {
  status: 'success' | 'error';
  data?: T;
  error?: string;
  errorType?: string;
}

type InstantData =
  | { resultType: 'vector'; result: Array<{ metric: Record<string, string>; value: [number, string] }> }
  | { resultType: 'scalar'; result: [number, string] };

async function get<T>(base: string, path: string, options: PromOptions): Promise<T> {
  // The base may be the secret prometheus-url input: sanitizeUrl never echoes an unparsable one.
  if (!isHttpUrl(base))
    throw new PromQueryError(
      'bad-url',
      `Prometheus URL ${sanitizeUrl(base)} is not an http(s) URL; set prometheus-url (or serverAddress) with its scheme, such as http://prometheus.monitoring.svc:9090`,
    );
  const url = new URL(path, base.endsWith('/') ? base : `${base}/`);
  try {
    const request: Parameters<typeof httpRequest>[1] = {
      timeoutMs: options.timeoutMs,
      retries: options.retries ?? 1,
      minBackoffMs: 200,
    };
    if (options.signal) request.signal = options.signal;
    const response = await httpRequest(url, request);
    const body = response.json<ApiResponse<T>>();
    if (body.status !== 'success' || body.data === undefined)
      throw new PromQueryError(
        'bad-response',
        `Prometheus at ${sanitizeUrl(base)} answered ${body.errorType ?? 'error'}: ${body.error ?? 'no data'}`,
      );
    return body.data;
  } catch (error) {
    if (error instanceof HttpError) {
      if (error.reason === 'timeout')
        throw new PromQueryError(
          'timeout',
          `Prometheus at ${sanitizeUrl(base)} did not answer within ${options.timeoutMs} ms (${error.attempts} attempt(s)); check its load or raise query-timeout`,
        );
      if (error.reason === 'status') {
        let detail = '';
        try {
          detail = `: ${(error.response?.json<ApiResponse<unknown>>().error ?? '').slice(0, 200)}`;
        } catch {
          // Not a Prometheus error body.
        }
        throw new PromQueryError(
          'status',
          `Prometheus at ${sanitizeUrl(base)} answered HTTP ${error.status}${detail}`,
        );
      }
      if (error.reason === 'invalid-json')
        throw new PromQueryError(
          'bad-response',
          `${sanitizeUrl(base)} did not answer with Prometheus JSON; is it a Prometheus URL?`,
        );
      throw new PromQueryError(
        'unreachable',
        `Prometheus at ${sanitizeUrl(base)} is unreachable (${error.message.replace(/^.*failed after [^:]*: /, '')}); check prometheus-url / serverAddress`,
      );
    }
    throw error;
  }
}

/** Evaluates `query` now; exactly one finite value, or a PromQueryError saying why not. */
export async function queryValue(base: string, query: string, options: PromOptions): Promise<number> {
  const data = await get<InstantData>(base, `api/v1/query?query=${encodeURIComponent(query)}`, options);
  let raw: string;
  if (data.resultType === 'scalar') raw = data.result[1];
  else if (data.resultType === 'vector') {
    if (data.result.length === 0)
      throw new PromQueryError(
        'no-series',
        'the query returned no series: KEDA (ignoreNullValues: false) reports an error and, after failureThreshold polls, applies the fallback',
      );
    if (data.result.length > 1)
      throw new PromQueryError(
        'several-series',
        `the query returned ${data.result.length} series (e.g. ${JSON.stringify(data.result[0]!.metric)}); KEDA needs exactly one: aggregate with max() or sum()`,
      );
    raw = data.result[0]!.value[1];
  } else
    throw new PromQueryError(
      'bad-response',
      `the query returned a ${(data as { resultType: string }).resultType}; KEDA needs a vector or scalar`,
    );
  const value = Number(raw);
  if (!Number.isFinite(value))
    throw new PromQueryError(
      'nan',
      `the query returned ${raw}: KEDA cannot scale on it (no traffic makes histogram_quantile NaN; guard it, e.g. with 'or vector(0)')`,
    );
  return value;
}

export interface AlertState {
  name: string;
  state: 'pending' | 'firing' | 'inactive';
  labels: Record<string, string>;
}

export async function queryAlerts(base: string, options: PromOptions): Promise<AlertState[]> {
  const data = await get<{ alerts: Array<{ labels: Record<string, string>; state: AlertState['state'] }> }>(
    base,
    'api/v1/alerts',
    options,
  );
  return data.alerts.map((a) => ({ name: a.labels['alertname'] ?? '?', state: a.state, labels: a.labels }));
}
