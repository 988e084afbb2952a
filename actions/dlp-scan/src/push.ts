/**
 * Ships dlp-metrics.prom to a Prometheus Pushgateway. Each run replaces its repository's group
 * (PUT), so the gateway holds the latest scan's counts per repository and Prometheus scrapes them
 * as gauges of "findings in the last scan": no run id in the key, or every run would be a new
 * series forever.
 */
import { HttpError, httpRequest, type HttpRequestOptions } from '../../../lib/http.ts';
import { httpUrl, InputError } from '../../../lib/inputs.ts';

export const PUSH_JOB = 'summit-dlp-scan';
const INPUT = 'metrics-pushgateway-url';

/**
 * Checks the input before the scan so a typo fails in seconds, not after a long history scan.
 * The value is never echoed: it may hold credentials.
 */
export function parsePushgatewayUrl(value: string): URL {
  const url = httpUrl(INPUT, value, 'http(s)://host:9091');
  if (url.search || url.hash)
    throw new InputError(
      INPUT,
      'has a query or fragment, which the Pushgateway path syntax cannot carry',
      'the gateway base URL such as https://user:pass@pushgateway:9091',
    );
  return url;
}

/**
 * `<base>/metrics/job/summit-dlp-scan/repository@base64/<base64url(owner/repo)>`: the repository
 * holds a '/', which a plain path segment cannot, hence the gateway's @base64 form. Pure.
 */
export function pushUrl(base: URL, repository: string): URL {
  const url = new URL(base.href);
  const encoded = Buffer.from(repository, 'utf8').toString('base64url');
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/metrics/job/${PUSH_JOB}/repository@base64/${encoded}`;
  return url;
}

export type PushOutcome = { pushed: true; url: string } | { pushed: false; reason: string };

/**
 * PUTs the metrics text; never throws. A failed push is a warning for the caller: the scan's
 * verdict must not depend on a monitoring endpoint being up.
 */
export async function pushMetrics(
  base: URL,
  repository: string | undefined,
  text: string,
  http: Pick<HttpRequestOptions, 'sleep' | 'timeoutMs'> = {},
): Promise<PushOutcome> {
  if (!repository)
    return {
      pushed: false,
      reason:
        'no repository is known (GITHUB_REPOSITORY is unset), and the grouping key needs it; run inside GitHub Actions or set GITHUB_REPOSITORY=owner/repo',
    };
  const url = pushUrl(base, repository);
  try {
    const res = await httpRequest(url, {
      method: 'PUT',
      body: text,
      headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' },
      ...http,
    });
    return { pushed: true, url: res.url };
  } catch (error) {
    // HttpError messages name a sanitised URL (no userinfo) and never a header.
    const reason = error instanceof HttpError ? error.message : `unexpected error: ${(error as Error).name}`;
    return { pushed: false, reason };
  }
}
