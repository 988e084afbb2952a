/**
 * The tokenize core, free of HTTP: JSON and form bodies in, tokenized bodies and the entries for
 * the vault out. Pure apart from WebCrypto, so the benchmark runs it in-process and the Worker
 * runs the same code in workerd.
 */
import { findPii, type Span } from './detect.ts';
import type { FieldMap } from './fields.ts';
import { JsonDepthError, planJson, type Site } from './json.ts';
import { TOKEN_PATTERN, type Issued, type TokenIssuer } from './tokens.ts';

/** A request the Worker refuses: HTTP status and a stable error code for the client. */
export class RefusedError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'RefusedError';
    this.status = status;
    this.code = code;
  }
}

export interface Tokenized {
  body: string;
  /** New vault entries, one per distinct (field, value) of this body. */
  issued: Issued[];
  /** Tokens written into the body, per field. */
  counts: Record<string, number>;
}

/**
 * One token per distinct (field, value) in a body. Values that already are tokens stay as they
 * are; tokens the vault recently confirmed get no new envelope; the rest are sealed together.
 */
class Batch {
  private readonly pending = new Map<string, { field: string; value: string }>();
  private readonly tokens = new Map<string, string>();
  readonly counts: Record<string, number> = {};
  readonly issued: Issued[] = [];
  private readonly issuer: TokenIssuer;
  constructor(issuer: TokenIssuer) {
    this.issuer = issuer;
  }
  /** A handle for the token of (field, value), available after `settle()`. */
  request(field: string, value: string): string {
    const id = `${field}\u0000${value}`;
    if (!this.pending.has(id) && !this.tokens.has(id)) this.pending.set(id, { field, value });
    this.counts[field] = (this.counts[field] ?? 0) + 1;
    return id;
  }
  /** Computes every token requested so far; may be called again after more requests. */
  async settle(): Promise<void> {
    const work = [...this.pending];
    this.pending.clear();
    const tokens = await Promise.all(
      work.map(([, { field, value }]) =>
        TOKEN_PATTERN.test(value) ? value : this.issuer.tokenFor(field, value),
      ),
    );
    const now = Date.now();
    const fresh: Array<{ token: string; field: string; value: string }> = [];
    const seen = new Set<string>();
    work.forEach(([id, { field, value }], k) => {
      const token = tokens[k]!;
      this.tokens.set(id, token);
      if (token === value || seen.has(token) || this.issuer.wasStored(token, now)) return;
      seen.add(token);
      fresh.push({ token, field, value });
    });
    this.issued.push(...(await this.issuer.seal(fresh)));
  }
  token(id: string): string {
    return this.tokens.get(id)!;
  }
}

type Piece = string | { id: string };

/** `value` with each span replaced by a token handle. */
function spanPieces(batch: Batch, value: string, spans: Span[]): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) pieces.push(value.slice(at, s.start));
    pieces.push({ id: batch.request(s.field, value.slice(s.start, s.end)) });
    at = s.end;
  }
  if (at < value.length) pieces.push(value.slice(at));
  return pieces;
}

function join(batch: Batch, pieces: Piece[]): string {
  let out = '';
  for (const p of pieces) out += typeof p === 'string' ? p : batch.token(p.id);
  return out;
}

interface Planned {
  site: Site;
  whole?: string;
  pieces?: Piece[];
}

function planSite(batch: Batch, site: Site): Planned {
  if (site.field !== undefined) {
    // An empty value identifies nobody; keep it (and its type) as it was.
    if (site.value === '') return { site };
    return { site, whole: batch.request(site.field, site.value) };
  }
  const spans = site.spans!;
  // A number is one value: a card number sent as a JSON number becomes a token string.
  if (site.kind === 'number') return { site, whole: batch.request(spans[0]!.field, site.value) };
  return { site, pieces: spanPieces(batch, site.value, spans) };
}

function replacement(batch: Batch, p: Planned): string | undefined {
  if (p.whole !== undefined) return JSON.stringify(batch.token(p.whole));
  if (!p.pieces) return undefined;
  return JSON.stringify(join(batch, p.pieces));
}

export async function tokenizeJson(text: string, fields: FieldMap, issuer: TokenIssuer): Promise<Tokenized> {
  try {
    JSON.parse(text);
  } catch {
    // V8's message quotes the input; the client gets the code only.
    throw new RefusedError(400, 'malformed_json', 'body is not valid JSON');
  }
  let sites: Site[];
  try {
    sites = planJson(text, fields);
  } catch (e) {
    if (e instanceof JsonDepthError) throw new RefusedError(400, 'too_deep', e.message);
    throw e;
  }
  if (sites.length === 0) return { body: text, issued: [], counts: {} };
  const batch = new Batch(issuer);
  const planned = sites.map((s) => planSite(batch, s));
  await batch.settle();
  const texts = planned.map((p) => replacement(batch, p));
  // Rare: replacing spans can leave or form PII-like text around the tokens; such a value is
  // tokenized whole, so the output never holds what the detectors recognise.
  const residual = planned.flatMap((p, k) =>
    p.pieces && findPii(join(batch, p.pieces), p.site.context ?? '').length > 0 ? [k] : [],
  );
  if (residual.length > 0) {
    for (const k of residual)
      planned[k]!.whole = batch.request(planned[k]!.site.spans![0]!.field, planned[k]!.site.value);
    await batch.settle();
    for (const k of residual) texts[k] = replacement(batch, planned[k]!);
  }
  let out = '';
  let at = 0;
  for (let k = 0; k < planned.length; k++) {
    const t = texts[k];
    if (t === undefined) continue;
    const { start, end } = planned[k]!.site;
    out += text.slice(at, start) + t;
    at = end;
  }
  out += text.slice(at);
  return { body: out, issued: batch.issued, counts: batch.counts };
}

function tokenizeText(batch: Batch, value: string, context: string): Piece[] | undefined {
  const spans = findPii(value, context);
  return spans.length === 0 ? undefined : spanPieces(batch, value, spans);
}

/** `application/x-www-form-urlencoded`: keys and values like JSON strings; order kept. */
export async function tokenizeForm(text: string, fields: FieldMap, issuer: TokenIssuer): Promise<Tokenized> {
  const pairs = [...new URLSearchParams(text)];
  const batch = new Batch(issuer);
  const plans = pairs.map(([key, value]) => {
    const field = fields.fieldOf(key);
    return {
      key: tokenizeText(batch, key, ''),
      value:
        field !== undefined && value !== ''
          ? [{ id: batch.request(field, value) }]
          : tokenizeText(batch, value, key),
    };
  });
  if (plans.every((p) => !p.key && !p.value)) return { body: text, issued: [], counts: {} };
  await batch.settle();
  const out = new URLSearchParams();
  pairs.forEach(([key, value], k) => {
    const p = plans[k]!;
    out.append(p.key ? join(batch, p.key) : key, p.value ? join(batch, p.value) : value);
  });
  const body = out.toString();
  // Same guarantee as JSON: nothing the detectors recognise survives in a form.
  for (const [key, value] of new URLSearchParams(body))
    if (findPii(key, '').length > 0 || findPii(value, key).length > 0)
      throw new RefusedError(422, 'pii_not_tokenizable', 'a form field still holds PII after tokenization');
  return { body, issued: batch.issued, counts: batch.counts };
}

/** PII in the URL (path or query) cannot be tokenized in place without changing the resource: refuse. */
export function urlPii(url: URL, fields: FieldMap): string[] {
  const found: string[] = [];
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the raw path: it is still scanned
  }
  for (const s of findPii(path, '')) found.push(s.field);
  for (const [key, value] of url.searchParams) {
    const field = fields.fieldOf(key);
    if (field !== undefined && value !== '' && !TOKEN_PATTERN.test(value)) found.push(field);
    for (const s of findPii(key, '')) found.push(s.field);
    for (const s of findPii(value, key)) found.push(s.field);
  }
  return found;
}

/**
 * PII in request headers (a custom `X-User-Email`, a `Referer` whose query holds an address, a
 * cookie value) would reach the origin in clear, and a header cannot be tokenized without the
 * origin knowing about it: refuse. Values are scanned as sent and percent-decoded; URLs as URLs.
 */
export function headerPii(headers: Headers, fields: FieldMap): string[] {
  const found: string[] = [];
  for (const [name, value] of headers) {
    if (/^https?:\/\//i.test(value) && URL.canParse(value)) {
      found.push(...urlPii(new URL(value), fields));
      continue;
    }
    let decoded = value;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      // not percent-encoded: the raw value is scanned
    }
    for (const s of findPii(decoded, name)) found.push(s.field);
  }
  return found;
}
