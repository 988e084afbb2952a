import { expect, test } from '@jest/globals';

import fc from 'fast-check';
import {
  decide,
  RULES,
  toOpaInput,
  type AccessRequest,
  type Approval,
  type Facts,
  type RuleName,
} from '../src/decide.ts';
import { parseAccessPolicy } from '../src/policy.ts';
import { normalizeLogin } from '../src/policy-semantics.ts';
import { checkReason, DEFAULT_REASON_RULES } from '../src/reason.ts';

const policy = parseAccessPolicy(
  'policy.yml',
  `version: 1
roles:
  release-captain: { teams: [acme/release-captains] }
  sre: { users: [dave] }
assurance: { issuer: https://idp.example.com, audience: summit-ops, jwks: https://idp.example.com/jwks }
environments:
  prod:
    freeze:
      - { start: '2026-12-20T00:00:00+01:00', end: '2027-01-04T00:00:00+01:00', note: year-end }
      - weekly: { days: [fri], from: '15:00', to: '24:00', timeZone: Europe/Berlin }
    deploy:
      roles: [release-captain]
      assurance: [webauthn]
      dualControl: { approverRoles: [release-captain, sre] }
      refs: ['refs/heads/main', '/refs\\/tags\\/v\\d+\\.\\d+\\.\\d+/']
    delete:
      roles: [sre]
      dualControl: true
  staging:
    deploy: {}
`,
);

const member = { state: 'member' } as const;
const notMember = { state: 'not-member' } as const;
const approvedBy = (
  user: string,
  roles: Approval['roles'] = { 'release-captain': member },
  source: Approval['source'] = 'deployment-review',
): Approval => ({ user, source, state: 'approved', roles });
const noScanHits = () => [];

function request(overrides: Partial<AccessRequest> = {}): AccessRequest {
  return {
    kind: 'deploy',
    environment: 'prod',
    actor: 'alice',
    ref: 'refs/tags/v1.4.0',
    sha: 'a'.repeat(40),
    reason: checkReason('Ship the payments fix for INC0042 to prod', DEFAULT_REASON_RULES, noScanHits),
    ...overrides,
  };
}
function facts(overrides: Partial<Facts> = {}): Facts {
  return {
    now: new Date('2026-11-11T10:00:00Z'), // a Wednesday, outside every window
    actorRoles: { 'release-captain': member, sre: notMember },
    approvals: { state: 'known', approvals: [approvedBy('bob')] },
    assurance: { state: 'verified', methods: ['pwd', 'webauthn'], subject: 'alice' },
    ...overrides,
  };
}

test('the happy path allows, listing every rule as passed', () => {
  const d = decide(request(), policy, facts());
  expect(d.decision).toBe('allow');
  expect(d.reasons.map((r) => r.rule)).toStrictEqual([...RULES]);
  expect(d.reasons.every((r) => r.ok)).toBeTruthy();
  expect(d.reasons.find((r) => r.rule === 'dual-control')!.detail).toMatch(
    /approved by bob via deployment-review/,
  );
  expect(d.decidedBy).toBe('all 9 rules passed');
});

// Each row changes one thing and names the one rule that must fail (and the words it must use).
const DENY: [string, Partial<AccessRequest>, Partial<Facts>, RuleName, RegExp][] = [
  ['unknown kind', { kind: 'promote' }, {}, 'request-kind', /unknown request kind 'promote'/],
  [
    'empty reason',
    { reason: checkReason('  ', DEFAULT_REASON_RULES, noScanHits) },
    {},
    'reason',
    /reason is empty/,
  ],
  [
    'reason without ticket',
    { reason: checkReason('ship it to prod please, it is fine', DEFAULT_REASON_RULES, noScanHits) },
    {},
    'reason',
    /cites no ticket/,
  ],
  [
    're-run by someone else',
    { triggeringActor: 'mallory' },
    {},
    'actor',
    /triggered by mallory but started by alice/,
  ],
  [
    'no actor',
    { actor: '' },
    { assurance: { state: 'verified', methods: ['webauthn'], subject: '' } },
    'actor',
    /actor is unknown/,
  ],
  [
    'branch not allowed',
    { ref: 'refs/heads/feature/x' },
    {},
    'ref',
    /refs\/heads\/feature\/x is not an allowed ref/,
  ],
  ['pre-release tag not allowed', { ref: 'refs/tags/v1.4.0-rc1' }, {}, 'ref', /not an allowed ref/],
  ['unknown ref', { ref: '' }, {}, 'ref', /ref is unknown/],
  ['year-end freeze', {}, { now: new Date('2026-12-24T12:00:00Z') }, 'freeze', /frozen: .* \(year-end\)/],
  [
    'Friday afternoon in Berlin (winter, CET)',
    {},
    { now: new Date('2026-11-13T14:30:00Z') },
    'freeze',
    /every fri 15:00-24:00 Europe\/Berlin/,
  ],
  [
    'Friday afternoon in Berlin (summer, CEST)',
    {},
    { now: new Date('2026-07-03T13:30:00Z') },
    'freeze',
    /frozen/,
  ],
  ['invalid clock', {}, { now: new Date(Number.NaN) }, 'freeze', /time is unknown/],
  [
    'actor in no team',
    {},
    { actorRoles: { 'release-captain': notMember } },
    'roles',
    /alice holds none of the required roles \(release-captain\)/,
  ],
  ['roles missing from facts', {}, { actorRoles: {} }, 'roles', /holds none/],
  [
    'team API failed',
    {},
    { actorRoles: { 'release-captain': { state: 'unknown', detail: 'GitHub API 500' } } },
    'roles',
    /could not establish alice's roles \(release-captain: GitHub API 500\)/,
  ],
  ['no assurance token', {}, { assurance: { state: 'absent' } }, 'assurance', /no assurance token was given/],
  [
    'invalid assurance token',
    {},
    { assurance: { state: 'invalid', detail: 'signature does not verify' } },
    'assurance',
    /rejected: signature does not verify/,
  ],
  [
    'password-only login',
    {},
    { assurance: { state: 'verified', methods: ['pwd', 'otp'], subject: 'alice' } },
    'assurance',
    /missing webauthn/,
  ],
  [
    "someone else's assurance token",
    {},
    { assurance: { state: 'verified', methods: ['webauthn'], subject: 'bob' } },
    'assurance',
    /token is for bob, not alice/,
  ],
  [
    'no approvals',
    {},
    { approvals: { state: 'known', approvals: [] } },
    'dual-control',
    /needs 1 approval\(s\) by someone other than alice, has 0/,
  ],
  [
    'self-approval',
    {},
    { approvals: { state: 'known', approvals: [approvedBy('alice')] } },
    'dual-control',
    /alice \(self-approval\)/,
  ],
  [
    'self-approval in another case',
    {},
    { approvals: { state: 'known', approvals: [approvedBy('ALICE', undefined, 'pr-review')] } },
    'dual-control',
    /ALICE \(self-approval\)/,
  ],
  [
    'bot approval',
    {},
    { approvals: { state: 'known', approvals: [approvedBy('release-bot[bot]')] } },
    'dual-control',
    /not a second person/,
  ],
  [
    'approver without the role',
    {},
    {
      approvals: {
        state: 'known',
        approvals: [approvedBy('eve', { 'release-captain': notMember, sre: notMember })],
      },
    },
    'dual-control',
    /eve \(holds none of release-captain, sre\)/,
  ],
  [
    'rejected review',
    {},
    {
      approvals: {
        state: 'known',
        approvals: [approvedBy('bob'), { ...approvedBy('carol'), state: 'rejected' }],
      },
    },
    'dual-control',
    /rejected by carol/,
  ],
  [
    'approvals API failed',
    {},
    { approvals: { state: 'unknown', detail: 'GitHub API 403: Resource not accessible by integration' } },
    'dual-control',
    /could not read approvals \(GitHub API 403/,
  ],
];

for (const [name, req, fx, rule, detail] of DENY) {
  test(`deny: ${name} -> ${rule}`, () => {
    const d = decide(request(req), policy, facts(fx));
    expect(d.decision).toBe('deny');
    expect(d.reasons.length).toBe(RULES.length);
    const failed = d.reasons.filter((r) => !r.ok).map((r) => r.rule);
    expect(failed).toContain(rule);
    expect(d.reasons.find((r) => r.rule === rule)!.detail).toMatch(detail);
    expect(d.decidedBy).toMatch(new RegExp(`^(${failed[0]}): `));
  });
}

test('unknown environment: denied, and the dependent rules say they were not evaluated', () => {
  const d = decide(request({ environment: 'qa' }), policy, facts());
  expect(d.decision).toBe('deny');
  expect(d.decidedBy).toMatch(
    /^environment: environment 'qa' is not in the access policy \(known: prod, staging\)/,
  );
  for (const rule of ['ref', 'freeze', 'roles', 'assurance', 'dual-control']) {
    expect(d.reasons.find((r) => r.rule === rule)).toStrictEqual({
      rule,
      ok: false,
      detail: 'not evaluated: no applicable rule',
    });
  }
  expect(d.reasons.find((r) => r.rule === 'reason')!.ok).toBe(true);
});

test('environment names match case-insensitively, like GitHub', () => {
  expect(decide(request({ environment: 'PROD' }), policy, facts()).decision).toBe('allow');
});

test('delete: a kind without a rule is denied; with a rule, dual control applies the same way', () => {
  const noRule = decide(request({ kind: 'delete', environment: 'staging' }), policy, facts());
  expect(noRule.decidedBy).toMatch(/no 'delete' rule for environment 'staging'/);
  const sre = facts({
    actorRoles: { sre: member },
    approvals: { state: 'known', approvals: [approvedBy('dave', {})] },
  });
  expect(
    decide(request({ kind: 'delete', actor: 'erin', ref: 'refs/heads/any' }), policy, sre).decision,
  ).toBe('allow');
  const self = facts({
    actorRoles: { sre: member },
    approvals: { state: 'known', approvals: [approvedBy('erin', {})] },
  });
  const d = decide(request({ kind: 'delete', actor: 'erin' }), policy, self);
  expect(d.decision).toBe('deny');
  expect(d.decidedBy).toMatch(/^dual-control: .*erin \(self-approval\)/);
});

test('several failures are all reported, the first decides', () => {
  const d = decide(
    request({ ref: 'refs/heads/dev' }),
    policy,
    facts({ actorRoles: {}, approvals: { state: 'known', approvals: [] } }),
  );
  expect(d.reasons.filter((r) => !r.ok).map((r) => r.rule)).toStrictEqual(['ref', 'roles', 'dual-control']);
  expect(d.decidedBy).toMatch(/^ref: /);
});

test('a rule with no requirements allows (staging deploy), outside freezes and with a valid reason', () => {
  const d = decide(
    request({ environment: 'staging', ref: 'refs/heads/dev' }),
    policy,
    facts({ actorRoles: {}, approvals: { state: 'unknown', detail: 'x' }, assurance: { state: 'absent' } }),
  );
  expect(d.decision).toBe('allow');
});

test('property: approvals only by the actor (any casing) or bots never satisfy dual control', () => {
  const casings = fc.constantFrom(
    'alice',
    'Alice',
    'ALICE',
    'aLiCe',
    'deploy-bot[bot]',
    'github-actions[bot]',
  );
  fc.assert(
    fc.property(
      fc.array(casings, { maxLength: 6 }),
      fc.constantFrom<Approval['source']>('deployment-review', 'pr-review'),
      (users, source) => {
        const approvals = users.map((u) => approvedBy(u, { 'release-captain': member }, source));
        const d = decide(request(), policy, facts({ approvals: { state: 'known', approvals } }));
        return d.decision === 'deny' && d.reasons.find((r) => r.rule === 'dual-control')!.ok === false;
      },
    ),
  );
});

// Random facts around the happy path; each property changes one fact and predicts the outcome.
const scenario = fc.record({
  approver: fc.constantFrom('bob', 'carol', 'dave'),
  source: fc.constantFrom<Approval['source']>('deployment-review', 'pr-review'),
  approverRole: fc.constantFrom('release-captain', 'sre'),
  methods: fc.constantFrom(['webauthn'], ['pwd', 'webauthn'], ['webauthn', 'hwk']),
  ref: fc.constantFrom('refs/heads/main', 'refs/tags/v1.0.0', 'refs/tags/v12.3.45'),
  // Wednesdays to Thursdays in November 2026: outside every freeze window.
  day: fc.constantFrom(11, 12, 18, 19),
  hour: fc.integer({ min: 0, max: 23 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
const allowedFacts = (s: Scenario) =>
  facts({
    now: new Date(Date.UTC(2026, 10, s.day, s.hour)),
    approvals: {
      state: 'known',
      approvals: [approvedBy(s.approver, { [s.approverRole]: member }, s.source)],
    },
    assurance: { state: 'verified', methods: [...s.methods], subject: 'alice' },
  });

test('property: an allowed request is denied by dual-control once the approver loses the role', () => {
  fc.assert(
    fc.property(scenario, (s) => {
      const before = decide(request({ ref: s.ref }), policy, allowedFacts(s));
      expect(before.decision).toBe('allow');
      const f = allowedFacts(s);
      const roleless = {
        ...f,
        approvals: {
          state: 'known' as const,
          approvals: [approvedBy(s.approver, { [s.approverRole]: notMember }, s.source)],
        },
      };
      const after = decide(request({ ref: s.ref }), policy, roleless);
      expect(after.decision).toBe('deny');
      expect(after.decidedBy).toMatch(/^dual-control: /);
    }),
  );
});

test('property: the actor as the sole approver is always denied, in any letter case and from any source', () => {
  const casing = fc.constantFrom('alice', 'Alice', 'ALICE', 'aLiCe');
  fc.assert(
    fc.property(scenario, casing, (s, self) => {
      const f = allowedFacts(s);
      const d = decide(request({ ref: s.ref }), policy, {
        ...f,
        approvals: {
          state: 'known',
          approvals: [approvedBy(self, { 'release-captain': member, sre: member }, s.source)],
        },
      });
      expect(d.decision).toBe('deny');
      expect(d.reasons.find((r) => r.rule === 'dual-control')!.ok).toBe(false);
    }),
  );
});

test('property: an allowed request is denied by roles once the actor loses the role', () => {
  fc.assert(
    fc.property(
      scenario,
      fc.constantFrom(notMember, { state: 'unknown', detail: 'API down' } as const),
      (s, lost) => {
        const d = decide(request({ ref: s.ref }), policy, {
          ...allowedFacts(s),
          actorRoles: { 'release-captain': lost },
        });
        expect(d.decision).toBe('deny');
        expect(d.decidedBy).toMatch(/^roles: /);
      },
    ),
  );
});

test('actors are normalised the same way for decide() and the Rego input', () => {
  for (const raw of [' alice ', 'alice\n', '\ufeffalice', 'alice\u0085', 'alice\u200b'])
    expect(
      toOpaInput(request({ actor: raw, triggeringActor: raw }), facts()).request as {
        actor: string;
        triggering_actor: string;
      },
    ).toMatchObject({ actor: 'alice', triggering_actor: 'alice' });
  expect(normalizeLogin('  ')).toBe('');
});
