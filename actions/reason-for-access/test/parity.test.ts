/**
 * One policy, one meaning: for every policy family, at least 2,000 generated policies (odd but
 * accepted spellings included: `utc`, `europe/berlin`, `+03:00`, instants without seconds,
 * padded and mixed-case actors, case-variant environments, glob and /regex/ refs) go through the
 * loader, and each accepted policy with several requests is decided by decide() and by
 * policy/opa/abac.rego in the real `opa` (one `opa eval` per family, all cases in one input).
 * The verdict and the set of failed rules must agree on every case.
 */
import { afterAll, expect } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { missingComponent, testUnless } from '../../../test/support/components.ts';
import { run } from '../../../test/support/run.ts';
import {
  decide,
  toOpaInput,
  type AccessRequest,
  type Approval,
  type Facts,
  type Membership,
} from '../src/decide.ts';
import { parseAccessPolicy, type AccessPolicy } from '../src/policy.ts';

const policyFile = new URL('../../../policy/opa/abac.rego', import.meta.url).pathname;
const opaSkip = missingComponent(
  (await run('opa', ['version']).catch(() => undefined))?.exitCode === 0,
  '`opa` is not on PATH: .ci/run installs it (go install github.com/open-policy-agent/opa@v1.22.4)',
);

const POLICIES_PER_FAMILY = 2_000;
const REQUESTS_PER_POLICY = 2;

type Rng = () => number;
function rngFrom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rng, p: number) => r() < p;
const some = <T>(r: Rng, xs: readonly T[], max = xs.length): T[] => [
  ...new Set(Array.from({ length: 1 + Math.floor(r() * max) }, () => pick(r, xs))),
];

const ZONES = [
  'UTC',
  'utc',
  'Etc/UTC',
  'Europe/Berlin',
  'europe/berlin',
  'EUROPE/LONDON',
  'America/New_York',
  'america/st_johns',
  'Asia/Kolkata',
  'Asia/Calcutta',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  '+03:00',
  '-05:00',
  '+00:00',
  '+0530',
  '+14:00',
  'Etc/GMT-14',
  'GMT',
  'Zulu',
  'US/Pacific',
  'Europe/Kyiv',
  'America/Sao_Paulo',
  'Not/AZone',
];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const clock = (r: Rng) =>
  `${String(Math.floor(r() * 24)).padStart(2, '0')}:${pick(r, ['00', '15', '30', '59'])}`;
const ACTORS = [
  'alice',
  'Alice',
  ' alice ',
  'alice\n',
  '\ufeffalice',
  'bob',
  'BOB',
  'carol',
  '',
  '  ',
  'dependabot[bot]',
];
const USERS = ['alice', 'ALICE', 'bob', 'Bob', 'carol', 'dave', 'github-actions[bot]', 'eve'];
const ENVS = ['prod', 'Prod', 'PROD', 'staging', 'qa', 'Prod-EU'];
const REFS = [
  'refs/heads/main',
  'refs/heads/Main',
  'refs/heads/release/1.2',
  'refs/heads/feature/x/y',
  'refs/tags/v1.2.3',
  'refs/tags/v1.2',
  'refs/tags/v10.20.30-rc1',
  'refs/pull/42/merge',
  '',
  'refs/heads/main/',
  'refs/heads/a.b',
];
const REF_PATTERNS = [
  'refs/heads/main',
  'refs/heads/*',
  'refs/heads/**',
  'refs/tags/v*',
  'refs/heads/release/*',
  'refs/heads/?ain',
  'refs/**/main',
  'refs/tags/v*.*.*',
  '/refs\\/tags\\/v\\d+\\.\\d+\\.\\d+/',
  '/refs\\/heads\\/(main|release\\/.+)/',
  '/.*/',
  '/refs\\/heads\\/[a-z]+/',
  '/refs\\/tags\\/v\\d{1,3}(\\.\\d+){2}(-rc\\d+)?/',
  '/(?=x)refs.*/',
  '/refs\\/(heads|tags)\\/\\1/',
  'refs/heads/{main,dev}',
  'main',
];
/** An instant in one of the spellings the schema accepts (and, rarely, one it refuses). */
const spell = (r: Rng, t: number): string => {
  const d = new Date(t).toISOString();
  const local = (offsetMin: number) => {
    const shifted = new Date(t + offsetMin * 60_000).toISOString().slice(0, 19);
    const sign = offsetMin < 0 ? '-' : '+';
    const abs = Math.abs(offsetMin);
    return `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  };
  return pick(r, [
    d,
    d.slice(0, 19) + 'Z',
    local(120),
    local(-420),
    local(330),
    `${d.slice(0, 19)}.5Z`,
    d.slice(0, 16) + 'Z',
  ]);
};

const FAMILIES = [
  'weekly-freeze',
  'absolute-freeze',
  'refs',
  'roles-assurance',
  'dual-control',
  'actor-environment',
] as const;
type Family = (typeof FAMILIES)[number];

function rawPolicy(family: Family, r: Rng): Record<string, unknown> {
  const rule: Record<string, unknown> = {};
  const env: Record<string, unknown> = { deploy: rule };
  const policy: Record<string, unknown> = {
    version: 1,
    roles: { captain: { users: ['alice', 'dave'] }, sre: { users: ['bob'] } },
    assurance: {
      issuer: 'https://idp.example.com',
      audience: 'summit-ops',
      jwks: 'https://idp.example.com/jwks',
    },
    environments: { [pick(r, ['prod', 'Prod', 'staging'])]: env },
  };
  if (family === 'weekly-freeze' || chance(r, 0.1))
    env['freeze'] = Array.from({ length: 1 + Math.floor(r() * 2) }, () => {
      const [a, b] = [clock(r), clock(r)].sort();
      return {
        weekly: { days: some(r, DAYS, 4), from: a, to: b === a ? '24:00' : b, timeZone: pick(r, ZONES) },
      };
    });
  if (family === 'absolute-freeze') {
    const start = Date.UTC(2026, Math.floor(r() * 12), 1 + Math.floor(r() * 28), Math.floor(r() * 24));
    const end = start + Math.floor(r() * 40 * 86_400_000) + 60_000;
    env['freeze'] = [{ start: spell(r, start), end: spell(r, end) }];
  }
  if (family === 'refs' || chance(r, 0.2)) rule['refs'] = some(r, REF_PATTERNS, 3);
  if (family === 'roles-assurance' || chance(r, 0.2)) {
    rule['roles'] = some(r, ['captain', 'sre'], 2);
    if (chance(r, 0.6)) rule['assurance'] = some(r, ['webauthn', 'hwk', 'pwd'], 2);
  }
  if (family === 'dual-control' || chance(r, 0.2))
    rule['dualControl'] = chance(r, 0.2)
      ? true
      : {
          approverRoles: chance(r, 0.3) ? [] : some(r, ['captain', 'sre'], 2),
          minApprovals: 1 + Math.floor(r() * 2),
        };
  if (family === 'actor-environment' && chance(r, 0.5)) env['delete'] = { roles: ['sre'] };
  return policy;
}

function membership(r: Rng): Membership {
  return pick(r, [
    { state: 'member' },
    { state: 'not-member' },
    { state: 'unknown', detail: 'API down' },
  ] as Membership[]);
}

function request(r: Rng, family: Family): { request: AccessRequest; facts: Facts } {
  const actor = family === 'actor-environment' || chance(r, 0.2) ? pick(r, ACTORS) : 'alice';
  const ok = chance(r, 0.9);
  const req: AccessRequest = {
    kind: family === 'actor-environment' ? pick(r, ['deploy', 'delete', 'Deploy', 'destroy']) : 'deploy',
    environment: family === 'actor-environment' ? pick(r, ENVS) : pick(r, ['prod', 'Prod', 'staging']),
    actor,
    ref: pick(r, REFS),
    sha: 'a'.repeat(40),
    reason: ok
      ? { ok: true, reason: 'x', tickets: ['CHG-1'], problems: [] }
      : { ok: false, reason: 'x', tickets: [], problems: ['too short'] },
  };
  if (chance(r, 0.3)) req.triggeringActor = pick(r, ACTORS);
  const approvals: Approval[] = Array.from({ length: Math.floor(r() * 3) }, () => ({
    user: pick(r, USERS),
    source: 'deployment-review',
    state: chance(r, 0.9) ? 'approved' : 'rejected',
    roles: { captain: membership(r), sre: membership(r) },
  }));
  const now = new Date(
    Date.UTC(
      2026,
      Math.floor(r() * 12),
      1 + Math.floor(r() * 28),
      Math.floor(r() * 24),
      pick(r, [0, 14, 15, 29, 30, 59]),
    ),
  );
  const facts: Facts = {
    now,
    actorRoles: { captain: membership(r), sre: membership(r) },
    approvals: chance(r, 0.1) ? { state: 'unknown', detail: 'API down' } : { state: 'known', approvals },
    assurance: pick(r, [
      { state: 'absent' },
      { state: 'invalid', detail: 'bad signature' },
      {
        state: 'verified',
        subject: pick(r, ['alice', 'ALICE', 'bob']),
        methods: some(r, ['webauthn', 'hwk', 'pwd'], 2),
      },
    ] as Facts['assurance'][]),
  };
  return { request: req, facts };
}

interface Case {
  policy: AccessPolicy;
  input: Record<string, unknown>;
  expected: { allow: boolean; failed: string[] };
  label: string;
}

function casesFor(family: Family, seed: number): { cases: Case[]; rejected: number } {
  const r = rngFrom(seed);
  const cases: Case[] = [];
  let accepted = 0;
  let rejected = 0;
  while (accepted < POLICIES_PER_FAMILY) {
    const raw = rawPolicy(family, r);
    let policy: AccessPolicy;
    try {
      policy = parseAccessPolicy('generated.yml', stringify(raw));
    } catch {
      rejected++;
      continue;
    }
    accepted++;
    for (let i = 0; i < REQUESTS_PER_POLICY; i++) {
      const { request: req, facts } = request(r, family);
      const d = decide(req, policy, facts);
      const failed = d.reasons
        .filter((x) => !x.ok && x.detail !== 'not evaluated: no applicable rule')
        .map((x) => x.rule);
      cases.push({
        policy,
        input: toOpaInput(req, facts),
        expected: { allow: d.decision === 'allow', failed: [...new Set(failed)].sort() },
        label: `${family} #${accepted}.${i}`,
      });
    }
  }
  return { cases, rejected };
}

// `with` inside a comprehension is honoured in a module, not in an ad-hoc query.
const BATCH = `package parity

results := [r |
	some c in input.cases
	d := data.summit.reason_for_access.deny with input as c.input with data.policy as c.policy
	a := data.summit.reason_for_access.allow with input as c.input with data.policy as c.policy
	r := {"allow": a, "failed": sort({split(m, ":")[0] | some m in d})}
]
`;
const batchFile = join(await mkdtemp(join(tmpdir(), 'rfa-parity-')), 'batch.rego');
await writeFile(batchFile, BATCH);
afterAll(() => rm(dirname(batchFile), { recursive: true, force: true }));

for (const [index, family] of FAMILIES.entries()) {
  testUnless(opaSkip)(
    `parity ${family}: ${POLICIES_PER_FAMILY} accepted policies x ${REQUESTS_PER_POLICY} requests, decide() and abac.rego agree on every one`,
    async () => {
      const { cases, rejected } = casesFor(family, 1000 + index);
      expect(cases.length).toBe(POLICIES_PER_FAMILY * REQUESTS_PER_POLICY);
      const input = JSON.stringify({ cases: cases.map((c) => ({ policy: c.policy, input: c.input })) });
      const out = await run(
        'opa',
        ['eval', '--stdin-input', '-d', policyFile, '-d', batchFile, '-f', 'json', 'data.parity.results'],
        { input },
      );
      expect(out.stderr).toBe('');
      expect(out.exitCode).toBe(0);
      const results = (
        JSON.parse(out.stdout) as {
          result: { expressions: { value: { allow: boolean; failed: string[] }[] }[] }[];
        }
      ).result[0]!.expressions[0]!.value;
      expect(results.length).toBe(cases.length);
      const disagreements = cases.flatMap((c, i) =>
        JSON.stringify(results[i]) === JSON.stringify(c.expected)
          ? []
          : [{ label: c.label, decide: c.expected, rego: results[i], input: c.input, policy: c.policy }],
      );
      expect(
        disagreements
          .slice(0, 3)
          .map(
            (d) =>
              `${d.label}: decide ${JSON.stringify(d.decide)} rego ${JSON.stringify(d.rego)}\n  input ${JSON.stringify(d.input)}\n  policy ${JSON.stringify(d.policy.environments)}`,
          ),
      ).toStrictEqual([]);
      expect(disagreements.length).toBe(0);
      // Both sides of the verdict are exercised (a family where everything is denied proves little).
      expect(cases.filter((c) => c.expected.allow).length).toBeGreaterThan(cases.length / 50);
      expect(cases.filter((c) => !c.expected.allow).length).toBeGreaterThan(cases.length / 20);
      if (family === 'weekly-freeze' || family === 'refs') expect(rejected).toBeGreaterThan(0);
    },
    60_000,
  );
}
