import { expect, test } from '@jest/globals';
import { expectNoLeak } from '../../../test/support/leak.ts';

import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { parseJwks, verifyAssuranceToken, type Jwks } from '../src/assurance.ts';
import type { AssuranceConfig } from '../src/policy.ts';

const NOW = new Date('2026-11-11T10:00:00Z');
const t = Math.floor(NOW.getTime() / 1000);
const config: AssuranceConfig = {
  issuer: 'https://idp.example.com',
  audience: 'summit-ops',
  jwks: 'unused',
  actorClaim: 'github_login',
  methodsClaim: 'amr',
  maxAgeSeconds: 900,
};
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ed = generateKeyPairSync('ed25519');
const jwk = (k: KeyObject, kid: string, alg: string) => ({
  ...k.export({ format: 'jwk' }),
  kid,
  alg,
  use: 'sig',
});
const JWKS: Jwks = {
  keys: [
    jwk(ec.publicKey, 'ec1', 'ES256'),
    jwk(rsa.publicKey, 'rsa1', 'RS256'),
    jwk(ed.publicKey, 'ed1', 'EdDSA'),
  ],
};

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
function mint(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'ES256', kid: 'ec1' },
  key: KeyObject = ec.privateKey,
): string {
  const input = `${b64(header)}.${b64(claims)}`;
  const alg = header.alg;
  const signature =
    alg === 'ES256'
      ? sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
      : alg === 'RS256'
        ? sign('sha256', Buffer.from(input), key)
        : alg === 'EdDSA'
          ? sign(null, Buffer.from(input), key)
          : Buffer.from('x');
  return `${input}.${signature.toString('base64url')}`;
}
const claims = (over: Record<string, unknown> = {}) => ({
  iss: config.issuer,
  aud: ['summit-ops', 'other'],
  exp: t + 300,
  iat: t - 60,
  auth_time: t - 120,
  github_login: 'alice',
  amr: ['pwd', 'webauthn'],
  ...over,
});

test('valid tokens (ES256, RS256, EdDSA) yield the subject and methods', () => {
  expect(verifyAssuranceToken(mint(claims()), JWKS, config, NOW)).toStrictEqual({
    state: 'verified',
    subject: 'alice',
    methods: ['pwd', 'webauthn'],
  });
  expect(
    verifyAssuranceToken(mint(claims(), { alg: 'RS256', kid: 'rsa1' }, rsa.privateKey), JWKS, config, NOW)
      .state,
  ).toBe('verified');
  expect(
    verifyAssuranceToken(mint(claims(), { alg: 'EdDSA', kid: 'ed1' }, ed.privateKey), JWKS, config, NOW)
      .state,
  ).toBe('verified');
  const acr = verifyAssuranceToken(mint(claims({ amr: 'hwk mfa' })), JWKS, config, NOW);
  expect(acr.state === 'verified' && acr.methods).toStrictEqual(['hwk', 'mfa']);
});

const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const [h, p] = mint(claims()).split('.');
const REJECT: [string, string, RegExp][] = [
  ['signed by another key', mint(claims(), undefined, other.privateKey), /signature does not verify/],
  [
    'payload edited after signing',
    `${h}.${b64(claims({ github_login: 'mallory' }))}.${mint(claims()).split('.')[2]}`,
    /signature does not verify/,
  ],
  ['alg none', `${b64({ alg: 'none' })}.${p}.`, /algorithm 'none' is not accepted/],
  ['HMAC', mint(claims(), { alg: 'HS256', kid: 'ec1' }), /algorithm 'HS256' is not accepted/],
  [
    'alg/key confusion (RS256 header, EC kid)',
    mint(claims(), { alg: 'RS256', kid: 'ec1' }, rsa.privateKey),
    /no RSA signing key with kid 'ec1'/,
  ],
  ['unknown kid', mint(claims(), { alg: 'ES256', kid: 'nope' }), /no EC signing key with kid 'nope'/],
  [
    'wrong issuer',
    mint(claims({ iss: 'https://evil.example.com' })),
    /issuer 'https:\/\/evil.example.com' is not the configured/,
  ],
  ['wrong audience', mint(claims({ aud: 'someone-else' })), /not for audience summit-ops/],
  ['expired', mint(claims({ exp: t - 120 })), /expired/],
  ['not yet valid', mint(claims({ nbf: t + 600 })), /not valid yet/],
  ['stale login', mint(claims({ auth_time: t - 3600 })), /login is 3600s old; at most 900s/],
  ['no exp', mint(claims({ exp: undefined })), /no exp/],
  ['no actor claim', mint(claims({ github_login: undefined })), /no github_login claim/],
  ['garbage', 'not-a-jwt', /not a JWT/],
  ['bad base64', 'a.b.c', /not base64url JSON/],
];
for (const [name, token, detail] of REJECT) {
  test(`rejected: ${name}`, () => {
    const r = verifyAssuranceToken(token, JWKS, config, NOW);
    expect(r.state).toBe('invalid');
    expect((r as { detail: string }).detail).toMatch(detail);
    expectNoLeak((r as { detail: string }).detail, token.split('.')[2] || '\u0000', 'the detail');
  });
}

test('parseJwks explains what is wrong', () => {
  expect(() => parseJwks('<html>', 'https://idp/jwks')).toThrow(/https:\/\/idp\/jwks: the JWKS is not JSON/);
  expect(() => parseJwks('{"keys":1}', 'f.json')).toThrow(/has no "keys" array/);
  expect(parseJwks(JSON.stringify(JWKS), 'x').keys.length).toBe(3);
});

test.each([
  [
    'an unknown critical extension',
    { alg: 'ES256', kid: 'ec1', crit: ['exp-ext'], 'exp-ext': 1 },
    /marks exp-ext as critical, which this verifier does not support/,
  ],
  [
    'b64 (RFC 7797) marked critical',
    { alg: 'ES256', kid: 'ec1', crit: ['b64'], b64: false },
    /marks b64 as critical/,
  ],
  ['an empty crit list', { alg: 'ES256', kid: 'ec1', crit: [] }, /crit is not a non-empty list/],
  [
    'a crit that is not a list',
    { alg: 'ES256', kid: 'ec1', crit: 'exp-ext' },
    /crit is not a non-empty list/,
  ],
])('a correctly signed token with %s is rejected (RFC 7515 crit)', (_, header, detail) => {
  const token = mint(claims(), header);
  const facts = verifyAssuranceToken(token, JWKS, config, NOW);
  expect(facts.state).toBe('invalid');
  expect(facts.state === 'invalid' && facts.detail).toMatch(detail);
  // The same token without crit verifies: only the crit header made the difference.
  const { crit: _c, ...plain } = header as Record<string, unknown>;
  expect(verifyAssuranceToken(mint(claims(), plain), JWKS, config, NOW).state).toBe('verified');
});

test('a token over the size bound is rejected before it is parsed, and never quoted', () => {
  const huge = mint(claims({ padding: 'p'.repeat(20_000) }));
  const facts = verifyAssuranceToken(huge, JWKS, config, NOW);
  expect(facts).toStrictEqual({
    state: 'invalid',
    detail: `the token is ${huge.length} characters; at most 16384 are accepted`,
  });
  // Just under the bound, the same kind of token is still verified.
  const big = mint(claims({ padding: 'p'.repeat(11_000) }));
  expect(big.length).toBeLessThan(16_384);
  expect(verifyAssuranceToken(big, JWKS, config, NOW).state).toBe('verified');
  expectNoLeak(JSON.stringify(facts), [huge.slice(0, 100)], 'the rejection');
});

test('a header that is JSON but not an object is rejected', () => {
  const token = `${Buffer.from('[1]').toString('base64url')}.${b64(claims())}.sig`;
  expect(verifyAssuranceToken(token, JWKS, config, NOW)).toStrictEqual({
    state: 'invalid',
    detail: 'the JWT header is not a JSON object',
  });
});
