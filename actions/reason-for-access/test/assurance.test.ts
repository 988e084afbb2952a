import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  assert.deepEqual(verifyAssuranceToken(mint(claims()), JWKS, config, NOW), {
    state: 'verified',
    subject: 'alice',
    methods: ['pwd', 'webauthn'],
  });
  assert.equal(
    verifyAssuranceToken(mint(claims(), { alg: 'RS256', kid: 'rsa1' }, rsa.privateKey), JWKS, config, NOW)
      .state,
    'verified',
  );
  assert.equal(
    verifyAssuranceToken(mint(claims(), { alg: 'EdDSA', kid: 'ed1' }, ed.privateKey), JWKS, config, NOW)
      .state,
    'verified',
  );
  const acr = verifyAssuranceToken(mint(claims({ amr: 'hwk mfa' })), JWKS, config, NOW);
  assert.deepEqual(
    acr.state === 'verified' && acr.methods,
    ['hwk', 'mfa'],
    'a space-separated claim is split',
  );
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
    assert.equal(r.state, 'invalid');
    assert.match((r as { detail: string }).detail, detail);
    assert.ok(
      !(r as { detail: string }).detail.includes(token.split('.')[2] || '\u0000'),
      'the signature is never echoed',
    );
  });
}

test('parseJwks explains what is wrong', () => {
  assert.throws(() => parseJwks('<html>', 'https://idp/jwks'), /https:\/\/idp\/jwks: the JWKS is not JSON/);
  assert.throws(() => parseJwks('{"keys":1}', 'f.json'), /has no "keys" array/);
  assert.equal(parseJwks(JSON.stringify(JWKS), 'x').keys.length, 3);
});
