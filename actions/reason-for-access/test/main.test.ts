/**
 * The action end to end through lib/runtime's execute() (the path the runner and the CLI take),
 * with GitHub's API served locally, real files, real signing with a local key, and the real DLP
 * engine scanning the reason.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { expectNoLeak } from '../../../test/support/leak.ts';
import { missingComponent, testUnless } from '../../../test/support/components.ts';
import { run } from '../../../test/support/run.ts';

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { execute, type Sink } from '../../../lib/runtime.ts';
import type { Annotation } from '../../../lib/report/types.ts';
import { createReasonForAccess } from '../src/main.ts';
import { localKeySigner, verifyRecordAttestation, type SigstoreInstance } from '../src/attest.ts';
import { verifyLog } from '../src/audit.ts';
import { policySource } from '../src/policy.ts';
import {
  ghError,
  startGitHubApi as startGitHub,
  user,
  type GitHubApiServer as FakeGitHub,
  type Route,
} from '../../../test/e2e/github-server.ts';

const TOKEN = ['local', 'test', 'token'].join('-');
const SHA = '1234abcd'.repeat(5);
const NOW = new Date('2026-11-11T10:00:00Z');
const signingKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const idpKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });

const POLICY = `version: 1
roles:
  release-captain: { teams: ['{owner}/release-captains'] }
assurance: { issuer: https://idp.example.com, audience: summit-ops, jwks: .github/idp-jwks.json }
environments:
  prod:
    deploy:
      roles: [release-captain]
      dualControl: { approverRoles: [release-captain] }
      refs: ['refs/heads/main']
  prod-strong:
    deploy:
      roles: [release-captain]
      assurance: [webauthn]
      refs: ['refs/heads/main']
`;

// A branch that allows every ref: what someone would push to promote their own branch.
const PERMISSIVE = POLICY.replace("      refs: ['refs/heads/main']\n", '').replace(
  'dualControl: { approverRoles: [release-captain] }',
  'dualControl: false',
);
const contentsRoute = 'GET /repos/acme/app/contents/.github/access.yml';
const asContents = (text: string) => ({
  body: {
    type: 'file',
    encoding: 'base64',
    path: '.github/access.yml',
    content: Buffer.from(text).toString('base64'),
  },
});

// Runs on other refs read the policy from the default branch (main) through the contents API.
const defaultContents: Route = (request) =>
  request.query['ref'] === 'main' ? asContents(POLICY) : ghError(404, 'Not Found');

let gh: FakeGitHub;
beforeAll(async () => {
  gh = await startGitHub({
    'GET /orgs/acme/teams/release-captains/memberships/alice': { body: { state: 'active', role: 'member' } },
    'GET /orgs/acme/teams/release-captains/memberships/bob': { body: { state: 'active', role: 'member' } },
    'GET /repos/acme/app/actions/runs/900/approvals': {
      body: [
        { state: 'approved', comment: 'ok', user: user('bob'), environments: [{ id: 1, name: 'prod' }] },
      ],
    },
    [`GET /repos/acme/app/commits/${SHA}/pulls`]: { body: [] },
    [contentsRoute]: defaultContents,
  });
});
afterAll(() => gh.close());

interface Run {
  exitCode: number;
  outputs: Record<string, string>;
  annotations: Annotation[];
  summary: string;
  failure: string;
  logs: string[];
  workspace: string;
  log: string;
}

async function workspaceWithPolicy(policy = POLICY): Promise<string> {
  const ws = await mkdtemp(join(tmpdir(), 'rfa-main-'));
  await mkdir(join(ws, '.github'));
  await writeFile(join(ws, '.github/access.yml'), policy);
  await writeFile(
    join(ws, '.github/idp-jwks.json'),
    JSON.stringify({ keys: [{ ...idpKey.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'ES256' }] }),
  );
  return ws;
}

async function runAction(
  inputs: Record<string, string>,
  options: {
    env?: Record<string, string>;
    workspace?: string;
    signer?: 'local' | 'broken';
    /** The event payload's repository (default: acme/app, public, default branch main). */
    repository?: Record<string, unknown>;
    /** Collects the Sigstore instance the action chose for signing. */
    instances?: SigstoreInstance[];
  } = {},
): Promise<Run> {
  const workspace = options.workspace ?? (await workspaceWithPolicy());
  const eventPath = join(await mkdtemp(join(tmpdir(), 'rfa-event-')), 'event.json');
  await writeFile(
    eventPath,
    JSON.stringify({
      inputs: {},
      repository: options.repository ?? {
        full_name: 'acme/app',
        name: 'app',
        owner: { login: 'acme' },
        default_branch: 'main',
        private: false,
        visibility: 'public',
      },
    }),
  );
  const definition = createReasonForAccess({
    signer:
      options.signer === 'broken'
        ? () => ({
            kind: 'broken',
            witnesses: [],
            signer: {
              sign: async () => {
                throw new Error('Fulcio: 503 Service Unavailable');
              },
            },
          })
        : (instance) => {
            options.instances?.push(instance);
            return localKeySigner(signingKey.privateKey, 'audit');
          },
  });
  const out: Run = {
    exitCode: -1,
    outputs: {},
    annotations: [],
    summary: '',
    failure: '',
    logs: [],
    workspace,
    log: '',
  };
  const sink: Sink = {
    info: (m) => out.logs.push(m),
    debug: (m) => out.logs.push(m),
    annotate: (a) => out.annotations.push(a),
    setOutput: (k, v) => (out.outputs[k] = v),
    writeSummary: async (md) => void (out.summary = md),
    fail: (m) => (out.failure = m),
  };
  const all: Record<string, string> = {
    'access-policy': '.github/access.yml',
    environment: 'prod',
    'github-token': TOKEN,
    ...inputs,
  };
  const env = {
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: tmpdir(),
    GITHUB_API_URL: gh.baseUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: SHA,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_ACTOR: 'alice',
    GITHUB_TRIGGERING_ACTOR: 'alice',
    GITHUB_RUN_ID: '900',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    ...options.env,
  };
  const { exitCode } = await execute(definition, (name) => all[name], sink, { env, now: () => NOW });
  out.exitCode = exitCode;
  const logPath = join(workspace, '.summit-ops-audit/reason-for-access.jsonl');
  out.log = existsSync(logPath) ? await readFile(logPath, 'utf8') : '';
  return out;
}

const GOOD_REASON = 'Roll out the checkout fix for INC0042 before the sale';
const record = (r: Run) => JSON.parse(r.outputs['audit-record']!);

test('allowed: every rule passes, the record is chained and its bundle verifies', async () => {
  const r = await runAction({ reason: GOOD_REASON });
  expect(r.exitCode).toBe(0);
  expect(r.outputs.decision).toBe('allow');
  const rec = record(r);
  expect(rec.actor).toBe('alice');
  expect(rec.reason).toBe(GOOD_REASON);
  expect(rec.runUrl).toBe('https://github.com/acme/app/actions/runs/900/attempts/1');
  expect(rec.policy.digest).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(rec.reasons)).toMatch(/approved by bob via deployment-review/);
  expect(r.log).toBe(`${r.outputs['audit-record']}\n`);
  expect(verifyLog(r.log).ok).toBe(true);
  const bundle = JSON.parse(await readFile(join(r.workspace, r.outputs['bundle-path']!), 'utf8'));
  expect(
    verifyRecordAttestation(bundle, r.outputs['audit-record']!, {
      publicKeys: { audit: signingKey.publicKey },
      tlogThreshold: 0,
      ctlogThreshold: 0,
      timestampThreshold: 0,
    }).ok,
  ).toBe(true);
  expect(r.summary).toMatch(/reason-for-access: allowed/);
  expect(r.summary).toMatch(/Decided by\s*\|\s*all 9 rules passed/);
  expect(gh.requests.some((q) => q.line === 'POST /repos/acme/app/attestations')).toBeTruthy();
});

test('a second decision chains onto the first', async () => {
  const first = await runAction({ reason: GOOD_REASON });
  const second = await runAction({ reason: GOOD_REASON }, { workspace: first.workspace });
  expect(record(second).seq).toBe(2);
  expect(verifyLog(second.log).records).toBe(2);
});

test('shell metacharacters in the reason are stored verbatim and never executed', async () => {
  const marker = join(tmpdir(), `rfa-pwned-${process.pid}`);
  const reason = `INC0042 fix $(touch ${marker}) \`touch ${marker}\` \${{ github.token }}; touch ${marker}\nsecond line`;
  const r = await runAction({ reason });
  expect(r.outputs.decision).toBe('allow');
  expect(record(r).reason).toBe(reason.replace('\n', ' '));
  expect(existsSync(marker)).toBe(false);
});

const DENIALS: [
  string,
  Record<string, string>,
  { env?: Record<string, string>; signer?: 'broken'; policy?: string },
  RegExp,
][] = [
  ['empty reason', { reason: '' }, {}, /the reason is empty/],
  ['whitespace reason', { reason: '  \n\t ' }, {}, /the reason is empty/],
  ['no ticket', { reason: 'Roll out the checkout fix before the sale' }, {}, /cites no ticket/],
  [
    'unknown environment',
    { reason: GOOD_REASON, environment: 'qa' },
    {},
    /environment 'qa' is not in the access policy/,
  ],
  [
    'actor in no team (404)',
    { reason: GOOD_REASON },
    { env: { GITHUB_ACTOR: 'mallory', GITHUB_TRIGGERING_ACTOR: 'mallory' } },
    /mallory holds none of the required roles/,
  ],
  [
    'branch not allowed',
    { reason: GOOD_REASON },
    { env: { GITHUB_REF: 'refs/heads/feature' } },
    /refs\/heads\/feature is not an allowed ref/,
  ],
  [
    'self-approval only',
    { reason: GOOD_REASON },
    { env: { GITHUB_ACTOR: 'bob', GITHUB_TRIGGERING_ACTOR: 'bob' } },
    /bob \(self-approval\)/,
  ],
  [
    'signing failed',
    { reason: GOOD_REASON },
    { signer: 'broken' },
    /"signing the audit record failed \(Fulcio: 503.*"rule":"attestation"/,
  ],
  [
    'policy invalid',
    { reason: GOOD_REASON },
    { policy: POLICY.replace('dualControl:', 'dualControll:') },
    /access policy: .github\/access.yml:9:7: .* unknown key 'dualControll'/,
  ],
  [
    'bad input value',
    { reason: GOOD_REASON, kind: 'promote' },
    {},
    /Input 'kind': 'promote' is not one of the choices/,
  ],
  ['no token', { reason: GOOD_REASON, 'github-token': '' }, {}, /no github-token to look up team/],
];

for (const [name, inputs, opts, expected] of DENIALS) {
  test(`denied and recorded: ${name}`, async () => {
    const workspace = opts.policy ? await workspaceWithPolicy(opts.policy) : undefined;
    const r = await runAction(inputs, {
      ...(opts.env ? { env: opts.env } : {}),
      ...(opts.signer ? { signer: opts.signer } : {}),
      ...(workspace ? { workspace } : {}),
    });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.decision).toBe('deny');
    expect(r.failure).toMatch(/^Access denied for /);
    const rec = record(r);
    expect(rec.decision).toBe('deny');
    expect(JSON.stringify(rec.reasons.filter((x: { ok: boolean }) => !x.ok))).toMatch(expected);
    expect(verifyLog(r.log).records).toBe(1);
    expect(r.summary).toMatch(/reason-for-access: denied/);
  });
}

test('GitHub API 403 and 500 deny with the status in the reason', async () => {
  gh.routes.set('GET /orgs/acme/teams/release-captains/memberships/carol', () =>
    ghError(403, 'Resource not accessible by integration'),
  );
  const r403 = await runAction(
    { reason: GOOD_REASON },
    { env: { GITHUB_ACTOR: 'carol', GITHUB_TRIGGERING_ACTOR: 'carol' } },
  );
  expect(r403.outputs.decision).toBe('deny');
  expect(r403.failure).toMatch(/roles: could not establish carol's roles .*GitHub API 403/);
  gh.routes.set('GET /repos/acme/app/actions/runs/901/approvals', () => ghError(500, 'Server Error'));
  const r500 = await runAction({ reason: GOOD_REASON }, { env: { GITHUB_RUN_ID: '901' } });
  expect(r500.outputs.decision).toBe('deny');
  expect(r500.failure).toMatch(/dual-control: could not read approvals \(GitHub API 500/);
});

test('a secret in the reason is denied and appears in no output, log, summary or record', async () => {
  // A Luhn-valid test card number, computed rather than committed.
  const digits = '411111111111111';
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  const card = digits + String((10 - (sum % 10)) % 10);
  const r = await runAction({ reason: `INC0042 refund customer card ${card} manually` });
  expect(r.outputs.decision).toBe('deny');
  expect(record(r).reason).toMatch(/^\[withheld: matched payment-card\]$/);
  const everything = JSON.stringify(r);
  expectNoLeak(everything, card, 'the result');
});

test('assurance: a verified webauthn login for the actor allows; none denies', async () => {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const t = Math.floor(NOW.getTime() / 1000);
  const input = `${b64({ alg: 'ES256', kid: 'k1' })}.${b64({ iss: 'https://idp.example.com', aud: 'summit-ops', exp: t + 300, auth_time: t - 30, github_login: 'alice', amr: ['webauthn'] })}`;
  const token = `${input}.${sign('sha256', Buffer.from(input), { key: idpKey.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
  const ok = await runAction({ reason: GOOD_REASON, environment: 'prod-strong', 'assurance-token': token });
  expect(ok.outputs.decision).toBe('allow');
  expectNoLeak(JSON.stringify(ok), token.split('.')[2]!, 'the result');
  const none = await runAction({ reason: GOOD_REASON, environment: 'prod-strong' });
  expect(none.failure).toMatch(/assurance: requires webauthn assurance, but no assurance token was given/);
});

test('dry run: decides and reports, writes nothing, does not fail the step', async () => {
  const r = await runAction({ reason: 'no ticket here, just vibes', 'dry-run': 'true' });
  expect(r.exitCode).toBe(0);
  expect(r.outputs.decision).toBe('dry-run-deny');
  expect(r.log).toBe('');
  expect(r.summary).toMatch(/denied \(dry run\)/);
});

test('dry run of an allowed request never outputs allow, so `if: decision == allow` cannot deploy unrecorded', async () => {
  const r = await runAction({ reason: GOOD_REASON, 'dry-run': 'true' });
  expect(r.exitCode).toBe(0);
  expect(r.outputs.decision).toBe('dry-run-allow');
  expect(r.outputs['record-digest']).toBe('');
  expect(r.outputs['bundle-path']).toBe('');
  expect(r.log).toBe('');
  expect(r.summary).toMatch(/allowed \(dry run\)/);
});

test('verify mode: an intact log passes; an edited record fails with its line', async () => {
  const first = await runAction({ reason: GOOD_REASON });
  await runAction({ reason: GOOD_REASON }, { workspace: first.workspace });
  await runAction({ reason: GOOD_REASON }, { workspace: first.workspace });
  const intact = await runAction({ reason: '', mode: 'verify' }, { workspace: first.workspace });
  expect(intact.exitCode).toBe(0);
  expect(intact.summary).toMatch(/3 record\(s\), chain intact/);
  const path = join(first.workspace, '.summit-ops-audit/reason-for-access.jsonl');
  const text = await readFile(path, 'utf8');
  await writeFile(path, text.replace('"actor":"alice"', '"actor":"bob"'));
  const broken = await runAction({ reason: '', mode: 'verify' }, { workspace: first.workspace });
  expect(broken.exitCode).toBe(1);
  expect(broken.failure).toMatch(/record 1 was edited/);
  expect(broken.annotations.map((a) => [a.file, a.line])).toStrictEqual([
    ['.summit-ops-audit/reason-for-access.jsonl', 1],
  ]);
  // A broken log also stops new decisions (and the denial is still appended).
  const after = await runAction({ reason: GOOD_REASON }, { workspace: first.workspace });
  expect(after.outputs.decision).toBe('deny');
  expect(after.failure).toMatch(/audit-log|record 1 was edited/);
});

test('a bundle that cannot be written turns the decision into a recorded deny; the log never says allow', async () => {
  const workspace = await workspaceWithPolicy();
  await mkdir(join(workspace, '.summit-ops-audit'), { recursive: true });
  // A file where the bundles directory belongs: the bundle write fails, the log write would not.
  await writeFile(join(workspace, '.summit-ops-audit/bundles'), 'not a directory\n');
  const attestationsBefore = gh.requests.filter((q) => q.line.endsWith('/attestations')).length;
  const r = await runAction({ reason: GOOD_REASON }, { workspace });
  expect(r.exitCode).toBe(1);
  expect(r.outputs.decision).toBe('deny');
  expect(r.outputs['bundle-path']).toBe('');
  const lines = r.log.trim().split('\n');
  expect(lines.length).toBe(1);
  const rec = JSON.parse(lines[0]!);
  expect(rec.decision).toBe('deny');
  expect(lines[0]).toBe(r.outputs['audit-record']);
  expect(JSON.stringify(rec.reasons)).toMatch(
    /"detail":"cannot write the attestation bundle .summit-ops-audit\/bundles\/record-1.sigstore.json[^"]*","ok":false,"rule":"attestation"/,
  );
  expect(r.failure).not.toMatch(/cannot write the audit log/);
  expect(gh.requests.filter((q) => q.line.endsWith('/attestations')).length).toBe(attestationsBefore);
});

test('a run on another branch reads the policy from the default branch, not its own checkout', async () => {
  expect(PERMISSIVE).not.toBe(POLICY);
  const workspace = await workspaceWithPolicy(PERMISSIVE);
  {
    const r = await runAction(
      { reason: GOOD_REASON },
      { workspace, env: { GITHUB_REF: 'refs/heads/feature' } },
    );
    expect(r.outputs.decision).toBe('deny');
    expect(r.failure).toMatch(/ref: refs\/heads\/feature is not an allowed ref/);
    const rec = record(r);
    expect(rec.policy.source).toBe('acme/app@main:.github/access.yml');
    expect(rec.policy.digest).toBe(createHash('sha256').update(POLICY).digest('hex'));
    expect(gh.requests.some((q) => q.line === `${contentsRoute}?ref=main`)).toBeTruthy();
  }
  // The JWKS file is a trust anchor too: it is read from main (absent there), not the checkout.
  const strong = await runAction(
    { reason: GOOD_REASON, environment: 'prod-strong', 'assurance-token': 'a.b.c' },
    { workspace, env: { GITHUB_REF: 'refs/heads/feature' } },
  );
  expect(JSON.stringify(record(strong).reasons)).toMatch(
    /the JWKS could not be read: not found on main \(GET \/repos\/acme\/app\/contents\/.github\/idp-jwks.json\?ref=main\)/,
  );
});

test('the default branch policy missing, or the contents API failing, denies with the reason', async () => {
  gh.routes.set(contentsRoute, () => ghError(404, 'Not Found'));
  try {
    const missing = await runAction({ reason: GOOD_REASON }, { env: { GITHUB_REF: 'refs/heads/feature' } });
    expect(missing.outputs.decision).toBe('deny');
    expect(missing.failure).toMatch(/access policy: .github\/access.yml:1:1: not found on main/);
    gh.routes.set(contentsRoute, () => ghError(500, 'Server Error'));
    const down = await runAction({ reason: GOOD_REASON }, { env: { GITHUB_REF: 'refs/tags/v1.0.0' } });
    expect(down.failure).toMatch(
      /GitHub API 500 on GET \/repos\/acme\/app\/contents\/.github\/access.yml\?ref=main/,
    );
    const noToken = await runAction(
      { reason: GOOD_REASON, 'github-token': '' },
      { env: { GITHUB_REF: 'refs/heads/feature' } },
    );
    expect(noToken.failure).toMatch(
      /not the default branch main: the policy is read from main through the GitHub API, which needs the github-token input/,
    );
    expect(record(noToken).decision).toBe('deny');
  } finally {
    gh.routes.set(contentsRoute, defaultContents);
  }
});

test('without an event payload the default branch is asked from GitHub', async () => {
  gh.routes.set('GET /repos/acme/app', () => ({ body: { default_branch: 'trunk', private: false } }));
  gh.routes.set(contentsRoute, (request) =>
    request.query['ref'] === 'trunk' ? asContents(POLICY) : ghError(404, 'Not Found'),
  );
  try {
    const r = await runAction({ reason: GOOD_REASON }, { repository: {} });
    // refs/heads/main is not the default branch trunk, so trunk's policy decides.
    expect(record(r).policy.source).toBe('acme/app@trunk:.github/access.yml');
  } finally {
    gh.routes.delete('GET /repos/acme/app');
    gh.routes.set(contentsRoute, defaultContents);
  }
});

test('expected-policy-digest: the pinned policy allows, any other denies', async () => {
  const digest = createHash('sha256').update(POLICY).digest('hex');
  const ok = await runAction({ reason: GOOD_REASON, 'expected-policy-digest': digest });
  expect(ok.outputs.decision).toBe('allow');
  const other = await runAction(
    { reason: GOOD_REASON, 'expected-policy-digest': digest },
    { workspace: await workspaceWithPolicy(PERMISSIVE) },
  );
  expect(other.outputs.decision).toBe('deny');
  expect(other.failure).toMatch(
    new RegExp(`has sha256 [0-9a-f]{64}, not the expected-policy-digest ${digest}`),
  );
  expect(record(other).decision).toBe('deny');
});

test('policySource: built-in without a path, the checkout on the default branch, else the default branch', () => {
  expect(policySource('', 'refs/heads/x', 'main')).toStrictEqual({ from: 'built-in' });
  expect(policySource('p.yml', 'refs/heads/main', 'main')).toStrictEqual({
    from: 'workspace',
    path: 'p.yml',
  });
  for (const ref of ['refs/heads/feature', 'refs/tags/v1.0.0', 'refs/heads/main2', ''])
    expect(policySource('p.yml', ref, 'main')).toStrictEqual({
      from: 'default-branch',
      path: 'p.yml',
      branch: 'main',
    });
});

test("signing uses GitHub's Sigstore instance for a private repository and public-good for a public one", async () => {
  const repo = { full_name: 'acme/app', name: 'app', owner: { login: 'acme' }, default_branch: 'main' };
  const priv: SigstoreInstance[] = [];
  const r = await runAction(
    { reason: GOOD_REASON },
    { repository: { ...repo, private: true, visibility: 'private' }, instances: priv },
  );
  expect(r.outputs.decision).toBe('allow');
  expect(priv).toStrictEqual([
    { name: 'github', fulcioURL: 'https://fulcio.githubapp.com', tsaURL: 'https://timestamp.githubapp.com' },
  ]);
  expect(r.summary).toMatch(/github Sigstore instance .*no transparency log/);
  const pub: SigstoreInstance[] = [];
  await runAction(
    { reason: GOOD_REASON },
    { repository: { ...repo, private: false, visibility: 'public' }, instances: pub },
  );
  expect(pub[0]!.name).toBe('public-good');
  const custom: SigstoreInstance[] = [];
  await runAction(
    { reason: GOOD_REASON, 'fulcio-url': 'https://fulcio.internal.example' },
    { repository: { ...repo, private: true }, instances: custom },
  );
  expect(custom).toStrictEqual([
    {
      name: 'custom',
      fulcioURL: 'https://fulcio.internal.example',
      tsaURL: 'https://timestamp.githubapp.com',
    },
  ]);
});

test('roles-token reads team membership only; the job token reads approvals and stores the attestation', async () => {
  const rolesToken = ['org', 'members', 'read'].join('-');
  const from = gh.requests.length;
  const r = await runAction({ reason: GOOD_REASON, 'roles-token': rolesToken });
  expect(r.outputs.decision).toBe('allow');
  const seen = gh.requests.slice(from);
  const memberships = seen.filter((q) => q.line.includes('/memberships/'));
  const others = seen.filter((q) => !q.line.includes('/memberships/'));
  expect(memberships.length).toBeGreaterThanOrEqual(2);
  expect(memberships.every((q) => q.authorization === `token ${rolesToken}`)).toBeTruthy();
  expect(others.some((q) => q.line === 'POST /repos/acme/app/attestations')).toBeTruthy();
  expect(
    others.some((q) => q.line.startsWith('GET /repos/acme/app/actions/runs/900/approvals')),
  ).toBeTruthy();
  expect(others.every((q) => q.authorization === `token ${TOKEN}`)).toBeTruthy();
  expectNoLeak(JSON.stringify(r), rolesToken, 'the result');
});

test.each([
  [
    'an 80 KB assurance token',
    { 'assurance-token': `eyJ${'a'.repeat(80_000)}.e30.sig` },
    /Input 'assurance-token' is 80011 characters; at most 16384/,
  ],
  [
    'a 30 KB reason',
    { reason: `INC0042 ${'deploy now '.repeat(3_000)}` },
    /Input 'reason' is 3300\d characters; at most 20000/,
  ],
])('%s is refused before anything is decided or recorded, and never printed', async (_, inputs, message) => {
  const run = await runAction({ reason: GOOD_REASON, ...inputs });
  expect(run.exitCode).toBe(1);
  expect(run.failure).toMatch(/^Refused before deciding \(nothing was recorded\): /);
  expect(run.failure).toMatch(message);
  expect(run.outputs['decision']).toBe('deny');
  expect(run.outputs['audit-record']).toBe('');
  expect(run.log).toBe('');
  const value = Object.values(inputs)[0]!;
  expectNoLeak(
    JSON.stringify([run.failure, run.annotations, run.summary, run.logs, run.outputs]),
    [value.slice(0, 200), value.slice(-200)],
    'everything the oversized run emitted',
  );
});

test('a reason over the policy maxLength is denied and recorded without its text', async () => {
  const long = `INC0042 ${'deploy the checkout fix '.repeat(60)}`;
  const run = await runAction({ reason: long });
  expect(run.outputs['decision']).toBe('deny');
  const record = JSON.parse(run.log.trim()) as { reason: string; decidedBy: string };
  expect(record.reason).toBe('[withheld: too long to be checked]');
  expect(record.decidedBy).toMatch(/^reason: the reason is \d+ characters; at most 1000 are allowed/);
});

const customSkip = missingComponent(
  (await run('opa', ['version']).catch(() => undefined))?.exitCode === 0,
  '`opa` is not on PATH: .ci/run installs it (go install github.com/open-policy-agent/opa@v1.22.4)',
);
const CUSTOM = `package summit.reason_for_access

import rego.v1

# Only change tickets may promote to an environment whose policy requires dual control.
deny contains msg if {
\tsome t in input.request.reason.tickets
\tnot startswith(t, "CHG-")
\tdata.policy.environments[input.request.environment].deploy.dualControl != null
\tmsg := sprintf("custom: %v is not a change ticket", [t])
}
`;

testUnless(customSkip)(
  'a custom Rego folder adds denials (deny wins), and the evidence bundle holds both decision-log entries',
  async () => {
    const ws = await workspaceWithPolicy();
    await mkdir(join(ws, 'rego'));
    await writeFile(join(ws, 'rego', 'custom.rego'), CUSTOM);
    await writeFile(join(ws, 'rego', 'custom_test.rego'), 'package broken_test\n\ntest_x if {\n'); // ignored
    const denied = await runAction(
      { reason: GOOD_REASON, policy: 'rego', 'evidence-dir': 'evidence' },
      { workspace: ws },
    );
    expect(denied.outputs.decision).toBe('deny');
    expect(record(denied).decidedBy).toBe(
      'custom-policy: custom policy rego: custom: INC0042 is not a change ticket',
    );
    const entries = (await readFile(join(ws, 'evidence', 'decision-log.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { path: string; result: unknown; bundles: { policy: { revision: string } } },
      );
    expect(entries.map((e) => e.path)).toStrictEqual([
      'reason-for-access/decide',
      'summit/reason_for_access/deny',
    ]);
    // The built-in rules alone allowed: the custom policy's denial decided.
    expect(entries[0]!.result).toStrictEqual({ decision: 'allow', failed: [] });
    expect(entries[1]!.result).toStrictEqual(['custom: INC0042 is not a change ticket']);
    expect(entries[0]!.bundles.policy.revision).toBe(`sha256:${record(denied).policy.digest}`);

    const allowed = await runAction(
      { reason: 'Roll out the checkout fix for CHG-4242 before the sale', policy: 'rego' },
      { workspace: ws },
    );
    expect(allowed.outputs.decision).toBe('allow');
  },
  60_000,
);

test('a custom policy that cannot be loaded denies, naming what to do', async () => {
  const r = await runAction({ reason: GOOD_REASON, policy: 'missing/bundle.tar.gz' });
  expect(r.outputs.decision).toBe('deny');
  expect(record(r).decidedBy).toMatch(
    /^custom-policy: custom policy missing\/bundle\.tar\.gz could not be evaluated: policy missing\/bundle\.tar\.gz not found; build it with `opa build -t wasm -e summit\/reason_for_access\/deny --ignore '\*_test\.rego' policy\/opa`/,
  );
});
