/**
 * The tokenize Worker in workerd (miniflare), with the vault Worker on a service binding and its
 * D1, in front of a real origin on 127.0.0.1 that records what it receives. The origin must never
 * see a planted value: every test scans what it got with lib/dlp's rule pack.
 */
import { afterAll, beforeAll, beforeEach, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { seededRng } from '../../lib/dlp/synth.ts';
import { describeUnless } from '../../test/support/components.ts';
import { expectNoLeak } from '../../test/support/leak.ts';
import { startEdgeLab, type EdgeLab } from '../lab/lab.ts';
import { piiFindings, piiValues, plantedDocument, plantedIn } from '../lab/synthetic-pii.ts';
import { NO_WORKERD } from './workerd.ts';

let lab: EdgeLab;

const json = (body: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

/** What the origin received, as text, and the proof it holds none of `values`. */
function originSawNoPii(values: string[]): void {
  for (const r of lab.origin.received) {
    const text = r.body.toString('utf8') + '\n' + r.url;
    expect(plantedIn(text, values)).toEqual([]);
    expect(piiFindings(r.body.toString('utf8'))).toEqual([]);
  }
}

describeUnless(NO_WORKERD)('tokenize Worker in workerd', () => {
  beforeAll(async () => {
    lab = await startEdgeLab({ tokenizeVars: { MAX_BODY_BYTES: String(256 * 1024) } });
  });
  afterAll(async () => {
    await lab?.dispose();
  });
  beforeEach(() => {
    lab.origin.received.length = 0;
  });

  test('a planted document reaches the origin tokenized: same shape, big integers and unicode intact, Content-Length recomputed', async () => {
    const planted = plantedDocument(101);
    const res = await lab.send(
      '/v1/customers?page=2',
      json(planted.body, { 'content-length': String(Buffer.byteLength(planted.body)) }),
    );
    expect(res.status).toBe(200);
    expect(lab.origin.received).toHaveLength(1);
    const got = lab.origin.received[0]!;
    originSawNoPii(planted.values);
    const text = got.body.toString('utf8');
    expect(got.url).toBe('/v1/customers?page=2');
    expect(Number(got.headers['content-length'])).toBe(got.body.byteLength);
    expect(text).toContain('"id": 12345678901234567890123');
    expect(text).toContain('"big": [9007199254740993, -9007199254740995]');
    expect(text).toContain('"name": "Zoë Ångström 🌍"');
    const doc = JSON.parse(text);
    expect(Object.keys(doc)).toEqual(Object.keys(JSON.parse(planted.body)));
    expect(Array.isArray(doc.contacts) && Array.isArray(doc.contacts[2])).toBe(true);
    expect(doc.contacts[2]).toHaveLength(5);
    expect(doc.Email).toMatch(/^tok_email_v1_[A-Za-z0-9_-]{32}$/);
    expect(doc.USER_EMAIL).toMatch(/^tok_email_v1_/);
    expect(doc.profile.ssn).toMatch(/^tok_ssn_v1_/);
    expect(doc.contacts[0].value).toMatch(/^tok_email_v1_/);
    expect(doc.misc['x-ref']).toMatch(/^tok_iban_v1_/);
    // Logs: counts and token prefixes, never a value or a whole token.
    const logText = JSON.stringify(lab.logs);
    expect(plantedIn(logText, planted.values)).toEqual([]);
    expectNoLeak(logText, doc.Email, 'the Worker logs (a whole token)');
    const forwarded = lab.logs.findLast((l) => l['event'] === 'forwarded')!;
    expect(forwarded['tokens']).toMatchObject({
      tok_email_v1: expect.any(Number),
      tok_ssn_v1: expect.any(Number),
    });
  });

  test('deterministic tokens are stable across requests and differ across fields', async () => {
    const rng = seededRng(5);
    const { email } = piiValues(rng);
    await lab.send('/a', json(JSON.stringify({ email, note: `write to ${email}` })));
    await lab.send('/b', json(JSON.stringify({ Email: email.toUpperCase(), dob: email })));
    const [one, two] = lab.origin.received.map((r) => JSON.parse(r.body.toString()));
    expect(two.Email).toBe(one.email);
    expect(one.note).toBe(`write to ${one.email}`);
    expect(two.dob).toMatch(/^tok_dob_v1_/);
    expect(two.dob.slice(-32)).not.toBe(one.email.slice(-32));
    originSawNoPii([email]);
  });

  test('a body with more distinct PII values than one vault write takes is stored in several writes', async () => {
    const rng = seededRng(77);
    const emails = Array.from({ length: 1200 }, (_, k) => `${piiValues(rng).email.replace('@', `${k}@`)}`);
    const res = await lab.send('/bulk', json(JSON.stringify({ users: emails.map((email) => ({ email })) })));
    expect(res.status).toBe(200);
    const got = JSON.parse(lab.origin.received[0]!.body.toString()) as { users: Array<{ email: string }> };
    expect(new Set(got.users.map((u) => u.email)).size).toBe(1200);
    originSawNoPii(emails.slice(0, 50));
    expect(lab.logs.findLast((l) => l['event'] === 'forwarded')!['stored']).toBe(1200);
  });

  test('gzip and br bodies are decoded, tokenized and sent plain; JSON media types with parameters are accepted', async () => {
    const planted = plantedDocument(102);
    const gz = await lab.send('/gz', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=UTF-8', 'content-encoding': 'gzip' },
      body: gzipSync(planted.body),
    });
    const br = await lab.send('/br', {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.api+json', 'content-encoding': 'br' },
      body: brotliCompressSync(planted.body),
    });
    expect([gz.status, br.status]).toEqual([200, 200]);
    expect(lab.origin.received).toHaveLength(2);
    for (const r of lab.origin.received) {
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(r.body.toString()).Email).toMatch(/^tok_email_v1_/);
    }
    originSawNoPii(planted.values);
  });

  test('form bodies are tokenized field by field', async () => {
    const { email, ssn } = piiValues(seededRng(9));
    const body = new URLSearchParams({ user_email: email, comment: `ssn ${ssn}`, plan: 'pro' }).toString();
    const res = await lab.send('/form', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(res.status).toBe(200);
    const got = new URLSearchParams(lab.origin.received[0]!.body.toString());
    expect([...got.keys()]).toEqual(['user_email', 'comment', 'plan']);
    expect(got.get('user_email')).toMatch(/^tok_email_v1_/);
    expect(got.get('comment')).toMatch(/^ssn tok_ssn_v1_/);
    expect(got.get('plan')).toBe('pro');
    originSawNoPii([email, ssn]);
  });

  test('GET, HEAD and OPTIONS pass through untouched; hop-by-hop headers are dropped (see core.test.ts for Connection)', async () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      const res = await lab.send('/items?page=3', {
        method,
        headers: { 'x-trace': 'abc', 'keep-alive': 'timeout=5', te: 'trailers' },
      });
      expect(res.status).toBe(200);
    }
    expect(lab.origin.received.map((r) => [r.method, r.url])).toEqual([
      ['GET', '/items?page=3'],
      ['HEAD', '/items?page=3'],
      ['OPTIONS', '/items?page=3'],
    ]);
    for (const r of lab.origin.received) {
      expect(r.headers['x-trace']).toBe('abc');
      expect(r.headers['te']).toBeUndefined();
      expect(r.headers['keep-alive']).toBeUndefined();
    }
  });

  test('a redirect from the origin goes back to the client; the body is not re-sent', async () => {
    lab.origin.respond = (_req, res) => {
      res.writeHead(307, { location: `${lab.origin.url}/elsewhere` });
      res.end();
    };
    try {
      // The client here does not follow redirects either, so the 307 is what the Worker returned.
      const res = await lab.send('/moved', {
        ...json(JSON.stringify({ email: piiValues(seededRng(3)).email })),
        redirect: 'manual',
      });
      expect(res.status).toBe(307);
      expect(lab.origin.received.map((r) => r.url)).toEqual(['/moved']);
    } finally {
      lab.origin.respond = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      };
    }
  });

  test.each([
    [
      'PII in the query string',
      '/u?email=' + encodeURIComponent('zed.quist@corpmail.io'),
      { method: 'GET' },
      400,
      'pii_in_url',
    ],
    [
      'PII in the path',
      '/users/' + encodeURIComponent('zed.quist@corpmail.io'),
      { method: 'DELETE' },
      400,
      'pii_in_url',
    ],
    [
      'text/plain',
      '/t',
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' },
      415,
      'unsupported_media_type',
    ],
    [
      'multipart',
      '/t',
      { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' },
      415,
      'unsupported_media_type',
    ],
    ['no content type', '/t', { method: 'POST', body: '{}' }, 415, 'unsupported_media_type'],
    [
      'a non-UTF-8 charset',
      '/t',
      { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: '{}' },
      415,
      'unsupported_charset',
    ],
    [
      'an unknown content coding',
      '/t',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'zstd' },
        body: '{}',
      },
      415,
      'unsupported_encoding',
    ],
    ['malformed JSON', '/t', json('{"email": "zed.quist@corpmail.io",'), 400, 'malformed_json'],
    [
      'invalid UTF-8',
      '/t',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]),
      },
      400,
      'malformed_body',
    ],
    [
      'a body that is not gzip',
      '/t',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: '{"a":1}',
      },
      400,
      'bad_encoding',
    ],
    [
      'a body over the limit',
      '/t',
      json(JSON.stringify({ pad: 'x'.repeat(300 * 1024) })),
      413,
      'body_too_large',
    ],
    [
      'a gzip body that inflates over the limit',
      '/t',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) })),
      },
      413,
      'body_too_large',
    ],
    [
      'a br body that inflates over the limit',
      '/t',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'br' },
        body: brotliCompressSync(JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) })),
      },
      413,
      'body_too_large',
    ],
  ] as Array<[string, string, RequestInit, number, string]>)(
    '%s is refused and the origin sees nothing',
    async (_name, path, init, status, code) => {
      const res = await lab.send(path, init);
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({ error: code });
      expect(lab.origin.received).toEqual([]);
      expectNoLeak(JSON.stringify(lab.logs), 'zed.quist', 'the Worker logs');
    },
  );

  test('PII in a request header (a custom header, a Referer with a query) is refused; the origin sees nothing', async () => {
    const { email, ssn } = piiValues(seededRng(77));
    const cases: Array<[string, RequestInit]> = [
      ['x-user-email', json('{"note":"none"}', { 'x-user-email': email })],
      ['x-customer-ssn', { method: 'GET', headers: { 'x-customer-ssn': ssn } }],
      [
        'referer',
        { method: 'GET', headers: { referer: `https://shop.example/a?email=${encodeURIComponent(email)}` } },
      ],
    ];
    for (const [name, init] of cases) {
      const res = await lab.send('/h', init);
      expect({ name, status: res.status }).toEqual({ name, status: 400 });
      expect(await res.json()).toMatchObject({ error: 'pii_in_header' });
    }
    expect(lab.origin.received).toEqual([]);
    expectNoLeak(JSON.stringify(lab.logs), [email, ssn], 'the Worker logs');
  });

  test('ordinary headers (tracing, auth, user agent, cookies without PII) still pass', async () => {
    const res = await lab.send('/ok', {
      method: 'GET',
      headers: {
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl',
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36',
        cookie: 'session=8f14e45fceea167a5a36dedd4bea2543; theme=dark',
        'x-request-id': '2026-12-04T18:00:00Z-000123',
      },
    });
    expect(res.status).toBe(200);
    expect(lab.origin.received).toHaveLength(1);
  });

  test('property: random JSON documents with PII arrive parsed, same shape, with no detected PII', async () => {
    const pool = [...plantedDocument(201).values, ...plantedDocument(202).values];
    const pii = fc.constantFrom(...pool);
    const leaf = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      pii,
      fc.tuple(fc.string(), pii).map(([a, p]) => `${a} ${p}.`),
    );
    const doc = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(
        fc.oneof(fc.string(), fc.constantFrom('email', 'PHONE', 'user_email', 'ssn')),
        tie('value'),
        { maxKeys: 4 },
      ),
    })).value;
    const shape = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(shape)
        : v && typeof v === 'object'
          ? Object.keys(v).length
          : typeof v === 'number' || typeof v === 'string'
            ? 's'
            : v;
    await fc.assert(
      fc.asyncProperty(doc, async (value) => {
        lab.origin.received.length = 0;
        const res = await lab.send('/p', json(JSON.stringify(value)));
        expect(res.status).toBe(200);
        const got = lab.origin.received[0]!.body.toString();
        expect(shape(JSON.parse(got))).toEqual(shape(value));
        originSawNoPii(pool);
      }),
      { numRuns: 60, seed: 20261204 },
    );
  });
});
