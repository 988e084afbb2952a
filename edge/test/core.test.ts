import { readFileSync } from 'node:fs';
/**
 * The tokenize core in-process (Node's WebCrypto, the same code the Worker bundles): detectors
 * agree with lib/dlp, JSON shape and numbers survive, tokens are typed, versioned and keyed per
 * field, and envelopes/claims/attestations fail loudly when tampered with.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { randomBytes, type webcrypto } from 'node:crypto';
import { labelledCases } from '../../lib/dlp/index.ts';
import { attestationHash, GENESIS_HASH, verifyChain, type Attestation } from '../workers/shared/attest.ts';
import { signClaim, importClaimKeys, verifyClaim } from '../workers/shared/claims.ts';
import { open, seal } from '../workers/shared/envelope.ts';
import { parseKeySet, type KeySet } from '../workers/shared/keys.ts';
import { RefusedError, tokenizeForm, tokenizeJson, urlPii } from '../workers/tokenize/src/core.ts';
import { DETECTOR_RULE_IDS, findPii } from '../workers/tokenize/src/detect.ts';
import { fieldMapFrom } from '../workers/tokenize/src/fields.ts';
import { MAX_DEPTH } from '../workers/tokenize/src/json.ts';
import { forwardHeaders, originUrl } from '../workers/tokenize/src/forward.ts';
import { TOKEN_PATTERN, TokenIssuer } from '../workers/tokenize/src/tokens.ts';
import { piiFindings, plantedDocument, plantedIn } from '../lab/synthetic-pii.ts';
import { rejectionOf } from '../../test/support/errors.ts';
import { expectNoLeak } from '../../test/support/leak.ts';

const key = () => randomBytes(32).toString('base64url');
const keySet = (versions: Record<number, string>, current: number): KeySet =>
  parseKeySet('TEST', JSON.stringify({ current, keys: versions }));
const fields = fieldMapFrom(undefined);
const issuer = (mode: 'deterministic' | 'random' = 'deterministic', secret = key()) =>
  new TokenIssuer(keySet({ 1: secret }, 1), keySet({ 1: key() }, 1), mode);

/** Same structure: types, array lengths, key names and order (string values may differ). */
function shapeOf(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shapeOf);
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => [k, shapeOf(x)]);
  return typeof v;
}

describe('detectors', () => {
  test('are lib/dlp rules: every PII rule of the pack, nothing else', () => {
    const pack = JSON.parse(readFileSync(new URL('../../lib/dlp/rules.json', import.meta.url), 'utf8')) as {
      rules: Array<{ id: string; tags: string[]; disabled?: boolean }>;
    };
    const pii = pack.rules.filter((r) => r.tags.includes('pii') && !r.disabled).map((r) => r.id);
    expect(pii.length).toBeGreaterThanOrEqual(5);
    expect([...DETECTOR_RULE_IDS].sort()).toEqual(pii.sort());
  });

  test('agree with the lib/dlp scanner on its labelled PII cases', () => {
    const cases = labelledCases().filter((c) => DETECTOR_RULE_IDS.includes(c.rule));
    expect(cases.length).toBeGreaterThan(20);
    for (const c of cases) {
      const expected = c.expectedRuleIds.filter((id) => DETECTOR_RULE_IDS.includes(id)).length > 0;
      // Each line is one value; the case's own text is its context, as a key name would be.
      const found = c.text.split('\n').some((line) => findPii(line, '').length > 0);
      expect({ name: c.name, found }).toEqual({ name: c.name, found: expected });
    }
  });
});

describe('tokenizeJson', () => {
  test('a planted document: no planted value or lib/dlp PII finding survives; shape, big integers and unicode do', async () => {
    const planted = plantedDocument(7);
    const out = await tokenizeJson(planted.body, fields, issuer());
    expect(plantedIn(out.body, planted.values)).toEqual([]);
    expect(piiFindings(out.body)).toEqual([]);
    expect(shapeOf(JSON.parse(out.body.replace(/"tok_[^"]*"/g, '"t"')))).toEqual(
      shapeOf(
        JSON.parse(
          planted.body.replace(/"[^"]*"(?=\s*[,\]}])/g, '"t"').replace(/(\[ )"t", \d+/, '$1"t", "t"'),
        ),
      ),
    );
    expect(out.body).toContain('"id": 12345678901234567890123');
    expect(out.body).toContain('"big": [9007199254740993, -9007199254740995]');
    expect(out.body).toContain('"name": "Zoë Ångström 🌍"');
    expect(out.body).toContain('"amount": 1234.50');
    expect(out.issued.every((i) => TOKEN_PATTERN.test(i.token))).toBe(true);
    expect(out.counts['email']).toBeGreaterThanOrEqual(5);
  });

  test('a body without PII comes back as the same string', async () => {
    const body = '{ "a": [1, 2.50, {"b": "text"}], "n": 123456789012345678901234567890 }';
    const out = await tokenizeJson(body, fields, issuer());
    expect(out.body).toBe(body);
    expect(out.issued).toEqual([]);
  });

  test('deterministic: equal values give equal tokens across calls; fields and secrets give different ones', async () => {
    const secret = key();
    const one = await tokenizeJson(
      '{"email":"Alice.Doe@corp-mail.com"}',
      fields,
      issuer('deterministic', secret),
    );
    const two = await tokenizeJson(
      '{"Email":" alice.doe@corp-mail.com"}',
      fields,
      issuer('deterministic', secret),
    );
    const other = await tokenizeJson(
      '{"dob":"alice.doe@corp-mail.com"}',
      fields,
      issuer('deterministic', secret),
    );
    const otherSecret = await tokenizeJson('{"email":"alice.doe@corp-mail.com"}', fields, issuer());
    const tok = (b: string) => Object.values(JSON.parse(b) as Record<string, string>)[0]!;
    expect(tok(one.body)).toBe(tok(two.body));
    expect(tok(one.body)).toMatch(/^tok_email_v1_/);
    expect(tok(other.body)).toMatch(/^tok_dob_v1_/);
    expect(tok(other.body).slice(-32)).not.toBe(tok(one.body).slice(-32));
    expect(tok(otherSecret.body)).not.toBe(tok(one.body));
  });

  test('random mode: a new token per request for the same value', async () => {
    const i = issuer('random');
    const one = await tokenizeJson('{"email":"alice.doe@corp-mail.com"}', fields, i);
    const two = await tokenizeJson('{"email":"alice.doe@corp-mail.com"}', fields, i);
    expect(one.body).not.toBe(two.body);
    expect(JSON.parse(one.body).email).toMatch(TOKEN_PATTERN);
  });

  test('a value that is already a token is kept and not stored again (a retried request)', async () => {
    const i = issuer();
    const first = await tokenizeJson('{"email":"alice.doe@corp-mail.com"}', fields, i);
    const again = await tokenizeJson(first.body, fields, i);
    expect(again.body).toBe(first.body);
    expect(again.issued).toEqual([]);
  });

  test('a card number sent as a JSON number becomes a token string; empty and null configured values stay', async () => {
    // The well-known Visa test number, assembled at run time so the repository holds no card literal.
    const card = ['4111', '1111', '1111', '1111'].join('');
    const out = await tokenizeJson(`{"x":${card},"email":"","ssn":null,"phone":[]}`, fields, issuer());
    const doc = JSON.parse(out.body);
    expect(doc.x).toMatch(/^tok_card_v1_/);
    expect(doc).toMatchObject({ email: '', ssn: null, phone: [] });
  });

  test('malformed JSON and nesting past the limit are refused with 400', async () => {
    const bad = await rejectionOf(tokenizeJson('{"email": "a@b.co",', fields, issuer()));
    expect(bad).toBeInstanceOf(RefusedError);
    expect(bad).toMatchObject({ status: 400, code: 'malformed_json' });
    // The message never quotes the body.
    expectNoLeak((bad as Error).message, 'a@b.co', 'the refusal message');
    const deep = '['.repeat(MAX_DEPTH + 2) + ']'.repeat(MAX_DEPTH + 2);
    expect(await rejectionOf(tokenizeJson(deep, fields, issuer()))).toMatchObject({
      status: 400,
      code: 'too_deep',
    });
  });

  test('property: any JSON document with planted PII parses, keeps its shape and holds no detected PII', async () => {
    const i = issuer();
    const pii = fc.constantFrom(...plantedDocument(11).values, ...plantedDocument(12).values);
    const leaf = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      pii,
      fc.tuple(fc.string(), pii, fc.string()).map(([a, p, b]) => `${a} ${p} ${b}`),
    );
    const doc = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 5 }),
      object: fc.dictionary(
        fc.oneof(fc.string(), fc.constantFrom('email', 'Email', 'user_email', 'SSN', 'phone')),
        tie('value'),
        {
          maxKeys: 5,
        },
      ),
    })).value;
    await fc.assert(
      fc.asyncProperty(doc, async (value) => {
        const text = JSON.stringify(value);
        const out = await tokenizeJson(text, fields, i);
        const parsed = JSON.parse(out.body) as unknown;
        expect(piiFindings(out.body)).toEqual([]);
        // Same shape: only strings (and numbers turned into tokens) change.
        const norm = (v: unknown): unknown =>
          Array.isArray(v)
            ? v.map(norm)
            : v && typeof v === 'object'
              ? Object.keys(v).length
              : typeof v === 'number' || typeof v === 'string'
                ? 'scalar'
                : v;
        expect(norm(parsed)).toEqual(norm(value));
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });
});

describe('forwarding', () => {
  test('hop-by-hop headers and those the Connection header names are dropped; the origin URL keeps its base path', () => {
    const h = forwardHeaders(
      new Headers({
        connection: 'x-private, close',
        'x-private': '1',
        'keep-alive': '5',
        te: 'trailers',
        'x-trace': 'a',
        'content-length': '9',
        'content-encoding': 'gzip',
      }),
      true,
    );
    expect([...h.keys()].sort()).toEqual(['x-trace']);
    expect(forwardHeaders(new Headers({ 'content-encoding': 'gzip' }), false).get('content-encoding')).toBe(
      'gzip',
    );
    expect(originUrl(new URL('https://o.example/base/'), new URL('https://edge/v1/x?q=1')).href).toBe(
      'https://o.example/base/v1/x?q=1',
    );
  });
});

describe('forms and URLs', () => {
  test('form fields are tokenized in order; other fields keep their values', async () => {
    const out = await tokenizeForm(
      'name=Zo%C3%AB&email=alice.doe%40corp-mail.com&note=ssn+123-45-6788',
      fields,
      issuer(),
    );
    const pairs = [...new URLSearchParams(out.body)];
    expect(pairs.map(([k]) => k)).toEqual(['name', 'email', 'note']);
    expect(pairs[0]![1]).toBe('Zoë');
    expect(pairs[1]![1]).toMatch(/^tok_email_v1_/);
    expect(pairs[2]![1]).toMatch(/^ssn tok_ssn_v1_/);
  });

  test('PII in the path or query is reported (the Worker refuses it)', () => {
    expect(urlPii(new URL('https://x/users?email=alice.doe%40corp-mail.com'), fields)).toEqual([
      'email',
      'email',
    ]);
    expect(urlPii(new URL('https://x/users/alice.doe%40corp-mail.com'), fields)).toEqual(['email']);
    expect(urlPii(new URL('https://x/users?page=2&sort=name'), fields)).toEqual([]);
  });
});

describe('envelopes, claims and the attestation chain', () => {
  test('an envelope opens only with its own token and a configured KEK version', async () => {
    const keks = keySet({ 1: key() }, 1);
    const env = await seal('alice.doe@corp-mail.com', 'tok_email_v1_' + 'A'.repeat(32), keks);
    expectNoLeak(JSON.stringify(env), ['alice', 'corp-mail'], 'the sealed envelope');
    expect(await open(env, 'tok_email_v1_' + 'A'.repeat(32), keks)).toBe('alice.doe@corp-mail.com');
    // Moved to another token (a swapped row): authentication fails instead of revealing it.
    expect(await rejectionOf(open(env, 'tok_email_v1_' + 'B'.repeat(32), keks))).toMatchObject({
      name: 'OperationError',
    });
    expect(await rejectionOf(open({ ...env, kek: 2 }, 'tok_email_v1_' + 'A'.repeat(32), keks))).toMatchObject(
      {
        message: 'KEK version 2 is not configured',
      },
    );
  });

  test('key sets name the variable and what is wrong', () => {
    expect(() => parseKeySet('TOKEN_SECRETS', undefined)).toThrow(/TOKEN_SECRETS: secret not set/);
    expect(() => parseKeySet('VAULT_KEK', '{"current":2,"keys":{"1":"' + key() + '"}}')).toThrow(
      'VAULT_KEK: "current" is 2 but keys has no such version',
    );
    expect(() => parseKeySet('VAULT_KEK', '{"current":1,"keys":{"1":"c2hvcnQ"}}')).toThrow(
      /5 bytes; 32 required/,
    );
  });

  test('claims: signature, key id, expiry and lifetime are all checked', async () => {
    const pair = (await crypto.subtle.generateKey('Ed25519', true, [
      'sign',
      'verify',
    ])) as webcrypto.CryptoKeyPair;
    const pub = Buffer.from(await crypto.subtle.exportKey('raw', pair.publicKey)).toString('base64url');
    const keys = await importClaimKeys({ k1: pub });
    const now = 1_800_000_000;
    const claim = (over: object) =>
      signClaim(pair.privateKey, { sub: 's', roles: ['r'], kid: 'k1', iat: now, exp: now + 60, ...over });
    expect(await verifyClaim(await claim({}), keys, now)).toMatchObject({ ok: true, claim: { sub: 's' } });
    expect(await verifyClaim(await claim({}), keys, now + 61)).toMatchObject({
      ok: false,
      reason: 'expired',
    });
    expect(await verifyClaim(await claim({ kid: 'k2' }), keys, now)).toMatchObject({
      ok: false,
      reason: 'unknown-key',
    });
    expect(await verifyClaim(await claim({ exp: now + 3600 }), keys, now)).toMatchObject({
      ok: false,
      reason: 'too-long',
    });
    const [body, sig] = (await claim({})).split('.');
    const forged = Buffer.from(
      JSON.stringify({ sub: 's', roles: ['r', 'admin'], kid: 'k1', iat: now, exp: now + 60 }),
    ).toString('base64url');
    expect(await verifyClaim(`${forged}.${sig}`, keys, now)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    expect(await verifyClaim(`${body}`, keys, now)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(await verifyClaim(null, keys, now)).toMatchObject({ ok: false, reason: 'missing' });
  });

  test('the chain verifies, and an edit, a removal or a reorder is found at its seq', async () => {
    const chain: Attestation[] = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 4; seq++) {
      const r = {
        seq,
        token: `tok_email_v1_${String(seq).repeat(32)}`,
        field: 'email',
        keyVersion: 1,
        createdAt: 1000 + seq,
        prevHash: prev,
      };
      const hash = await attestationHash(r);
      chain.push({ ...r, hash });
      prev = hash;
    }
    expect(await verifyChain(chain)).toEqual({ ok: true, count: 4, head: prev });
    const edited = chain.map((r) => (r.seq === 3 ? { ...r, field: 'ssn' } : r));
    expect(await verifyChain(edited)).toMatchObject({
      ok: false,
      seq: 3,
      problem: 'hash does not match the record (edited)',
    });
    expect(await verifyChain([chain[0]!, chain[2]!, chain[3]!])).toMatchObject({ ok: false, seq: 3 });
    expect(await verifyChain([chain[1]!, chain[0]!])).toMatchObject({
      ok: false,
      problem: 'the chain does not start at seq 1',
    });
    expect(await verifyChain(chain.slice(2), chain[1]!.hash)).toMatchObject({ ok: true, count: 2 });
  });
});

describe('claim tool (edge/scripts/claim.ts)', () => {
  test('keygen + sign make a claim the vault-side check accepts; bad input is refused with usage', async () => {
    const { keygen, main } = await import('../scripts/claim.ts');
    const { privateKey, claimKeys } = await keygen('ops-2026');
    const printed: string[] = [];
    const env = { CLAIM_SIGNING_KEY: privateKey };
    expect(
      await main(
        ['sign', 'ops-2026', '--sub', 'alice', '--role', 'pii-reader:email', '--ttl', '120'],
        env,
        (l) => printed.push(l),
      ),
    ).toBe(0);
    const check = await verifyClaim(
      printed[0]!,
      await importClaimKeys(claimKeys),
      Math.floor(Date.now() / 1000),
    );
    expect(check).toMatchObject({
      ok: true,
      claim: { sub: 'alice', roles: ['pii-reader:email'], kid: 'ops-2026' },
    });
    expect(
      await main(['sign', 'ops-2026', '--sub', 'alice', '--role', 'r', '--ttl', '3600'], env, (l) =>
        printed.push(l),
      ),
    ).toBe(2);
    expect(printed.at(-1)).toBe('--ttl must be between 1 and 900 seconds');
    expect(await main(['sign', 'ops-2026', '--sub', 'alice'], env, (l) => printed.push(l))).toBe(2);
    expect(await main([], env, (l) => printed.push(l))).toBe(2);
  });
});
