/**
 * The tokenize Worker: PII in JSON and form bodies is replaced by tokens before the request goes
 * to ORIGIN_URL; the vault stores each token's envelope-encrypted value. It fails closed: a
 * refusal (4xx) or any error (503) means the origin received nothing.
 */
import { ConfigError } from '../../shared/keys.ts';
import { logEvent } from '../../shared/log.ts';
import { bodyKind, bodyText, readBody } from './body.ts';
import { loadConfig, type TokenizeEnv } from './config.ts';
import { headerPii, RefusedError, tokenizeForm, tokenizeJson, urlPii, type Tokenized } from './core.ts';
import { forwardHeaders, OriginUnavailable, originUrl, sendToOrigin } from './forward.ts';
import { storeTokens, VaultUnavailable } from './vault-client.ts';

const PASS_THROUGH = new Set(['GET', 'HEAD', 'OPTIONS']);

function refusal(status: number, code: string, message: string, requestId: string): Response {
  return Response.json(
    { error: code, message, requestId },
    { status, headers: { 'cache-control': 'no-store' } },
  );
}

/** Token prefixes (`tok_email_v1`) and how many of each; never a whole token. */
function prefixCounts(result: Tokenized, version: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [field, n] of Object.entries(result.counts)) out[`tok_${field}_v${version}`] = n;
  return out;
}

async function handle(request: Request, env: TokenizeEnv, requestId: string): Promise<Response> {
  const config = loadConfig(env);
  const url = new URL(request.url);
  const inUrl = urlPii(url, config.fields);
  if (inUrl.length > 0) {
    logEvent('tokenize', 'refused', { requestId, status: 400, code: 'pii_in_url', detected: inUrl.length });
    return refusal(400, 'pii_in_url', 'the URL holds PII; send it in a JSON or form body instead', requestId);
  }
  const inHeaders = headerPii(request.headers, config.fields);
  if (inHeaders.length > 0) {
    logEvent('tokenize', 'refused', {
      requestId,
      status: 400,
      code: 'pii_in_header',
      detected: inHeaders.length,
    });
    return refusal(
      400,
      'pii_in_header',
      'a request header holds PII; send it in a JSON or form body instead',
      requestId,
    );
  }
  const target = originUrl(config.origin, url);
  const method = request.method.toUpperCase();
  if (PASS_THROUGH.has(method)) {
    const response = await sendToOrigin(target, method, forwardHeaders(request.headers, false), null);
    logEvent('tokenize', 'passed', { requestId, method, status: response.status });
    return response;
  }
  const bytes = await readBody(request, config.maxBodyBytes);
  if (bytes.byteLength === 0) {
    const response = await sendToOrigin(target, method, forwardHeaders(request.headers, true), bytes);
    logEvent('tokenize', 'forwarded', { requestId, method, status: response.status, bytes: 0 });
    return response;
  }
  const kind = bodyKind(request.headers.get('content-type'));
  const text = bodyText(bytes);
  const result =
    kind === 'json'
      ? await tokenizeJson(text, config.fields, config.issuer)
      : await tokenizeForm(text, config.fields, config.issuer);
  if (result.issued.length > 0) {
    await storeTokens(config.vault, config.writeSecret, result.issued, config.vaultTimeoutMs);
    config.issuer.markStored(
      result.issued.map((i) => i.token),
      Date.now(),
    );
  }
  const body = new TextEncoder().encode(result.body);
  const response = await sendToOrigin(target, method, forwardHeaders(request.headers, true), body);
  logEvent('tokenize', 'forwarded', {
    requestId,
    method,
    status: response.status,
    kind,
    bytesIn: bytes.byteLength,
    bytesOut: body.byteLength,
    fields: result.counts,
    tokens: prefixCounts(result, String(config.issuer.version)),
    stored: result.issued.length,
  });
  return response;
}

export default {
  async fetch(request: Request, env: TokenizeEnv): Promise<Response> {
    const requestId = crypto.randomUUID();
    try {
      return await handle(request, env, requestId);
    } catch (e) {
      if (e instanceof RefusedError) {
        logEvent('tokenize', 'refused', { requestId, status: e.status, code: e.code });
        return refusal(e.status, e.code, e.message, requestId);
      }
      if (e instanceof OriginUnavailable) {
        logEvent('tokenize', 'origin_unreachable', { requestId, status: 502, error: e.message });
        return refusal(502, 'origin_unreachable', 'the origin did not answer', requestId);
      }
      // Fail closed. The log names the kind of failure only: an exception's message can quote input.
      const code =
        e instanceof VaultUnavailable
          ? `vault_${e.reason}`
          : e instanceof ConfigError
            ? 'config_error'
            : 'internal_error';
      logEvent('tokenize', 'failed_closed', {
        requestId,
        status: 503,
        code,
        error: e instanceof Error ? e.name : typeof e,
        ...(e instanceof ConfigError ? { detail: e.message } : {}),
      });
      return refusal(503, code, 'tokenization unavailable; the request was not forwarded', requestId);
    }
  },
};
