import { expect, test } from '@jest/globals';
import { rejectionOf, thrownBy } from '../../../test/support/errors.ts';

import { mkdtemp, readFile, writeFile, mkdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { ConfigError } from '../../../lib/config.ts';
import { accessPolicySchema } from '../src/policy-schema.ts';
import {
  BUILT_IN_POLICY_YAML,
  loadAccessPolicy,
  parseAccessPolicy,
  refPatternToRegExp,
} from '../src/policy.ts';

const here = new URL('..', import.meta.url);

const VALID = `version: 1
roles:
  release-captain:
    teams: [acme/release-captains]
    users: [carol]
assurance:
  issuer: https://idp.example.com
  audience: summit-ops
  jwks: https://idp.example.com/jwks.json
environments:
  prod:
    freeze:
      - start: '2026-12-20T00:00:00+01:00'
        end: '2027-01-04T00:00:00+01:00'
        note: year-end
      - weekly: { days: [fri], from: '15:00', to: '24:00', timeZone: Europe/Berlin }
    deploy:
      roles: [release-captain]
      assurance: [webauthn]
      dualControl: { approverRoles: [release-captain], minApprovals: 2 }
      refs: ['refs/tags/v*.*.*', 'refs/heads/main']
    delete:
      roles: [release-captain]
      dualControl: true
`;

function problemOf(text: string): ConfigError {
  try {
    parseAccessPolicy('policy.yml', text, { owner: 'acme' });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected the policy to be rejected');
}

test('the shipped JSON schema and the built-in default file match the code', async () => {
  const json = JSON.parse(await readFile(new URL('schema/access-policy.schema.json', here), 'utf8'));
  expect(json).toStrictEqual(JSON.parse(JSON.stringify(accessPolicySchema)));
  expect(await readFile(new URL('access-policy.default.yml', here), 'utf8')).toBe(BUILT_IN_POLICY_YAML);
});

test('a valid policy is normalised with defaults', () => {
  const p = parseAccessPolicy('policy.yml', VALID);
  expect(p.environments.prod!.deploy).toStrictEqual({
    roles: ['release-captain'],
    assurance: ['webauthn'],
    dualControl: { approverRoles: ['release-captain'], minApprovals: 2 },
    refs: ['refs/tags/v*.*.*', 'refs/heads/main'],
  });
  expect(p.environments.prod!.delete!.dualControl).toStrictEqual({ approverRoles: [], minApprovals: 1 });
  expect(p.environments.prod!.delete!.refs).toBe(null);
  expect(p.assurance!.methodsClaim).toBe('amr');
  expect(p.assurance!.maxAgeSeconds).toBe(900);
  expect(p.reason.minLength).toBe(20);
});

test('the built-in policy resolves {owner} and defines prod and production alike', async () => {
  const loaded = await loadAccessPolicy('', { workspace: '/nonexistent', owner: 'acme' });
  expect(loaded.source).toBe('built-in');
  expect(loaded.digest).toBe(createHash('sha256').update(BUILT_IN_POLICY_YAML).digest('hex'));
  expect(loaded.policy.roles['release-captain']!.teams).toStrictEqual(['acme/release-captains']);
  expect(loaded.policy.environments.prod).toStrictEqual(loaded.policy.environments.production);
  expect(loaded.policy.environments.staging).toBe(undefined);
  expect(() => parseAccessPolicy('built-in', BUILT_IN_POLICY_YAML, {})).toThrow(
    /'\{owner\}' needs the repository owner/,
  );
});

const BAD: [string, string, number, RegExp][] = [
  [
    'unknown key',
    VALID.replace(
      '      roles: [release-captain]\n      assurance',
      '      role: [release-captain]\n      assurance',
    ),
    18,
    /unknown key 'role'/,
  ],
  [
    'undefined role',
    VALID.replace('  delete:\n      roles: [release-captain]', '  delete:\n      roles: [release-capitan]'),
    23,
    /role 'release-capitan' is not defined/,
  ],
  ['bad kind', VALID.replace('    delete:', '    destroy:'), 22, /unknown key 'destroy'/],
  [
    'freeze without offset',
    VALID.replace("start: '2026-12-20T00:00:00+01:00'", "start: '2026-12-20T00:00:00'"),
    13,
    /start must match pattern/,
  ],
  [
    'freeze end before start',
    VALID.replace("end: '2027-01-04T00:00:00+01:00'", "end: '2026-01-04T00:00:00+01:00'"),
    14,
    /end .* must be after start/,
  ],
  ['bad time zone', VALID.replace('Europe/Berlin', 'Mars/Olympus'), 16, /unknown time zone 'Mars\/Olympus'/],
  [
    'weekly from after to',
    VALID.replace("from: '15:00', to: '24:00'", "from: '22:00', to: '06:00'"),
    16,
    /split a window that crosses midnight/,
  ],
  [
    'short ref',
    VALID.replace("'refs/heads/main']", "'main']"),
    21,
    /must be a full ref such as refs\/heads\/main/,
  ],
  [
    'bad ref regex',
    VALID.replace("'refs/heads/main']", "'/refs\\/heads\\/(main/']"),
    21,
    /not a valid regular expression/,
  ],
  [
    'assurance without idp',
    VALID.replace(/assurance:\n {2}issuer[^\n]*\n {2}audience[^\n]*\n {2}jwks[^\n]*\n/, ''),
    15,
    /no top-level assurance: section/,
  ],
  ['plain http jwks', VALID.replace('jwks: https://', 'jwks: http://'), 9, /must use https/],
  ['case-duplicate environment', VALID + '  Prod:\n    freeze: []\n', 25, /differs from 'prod' only by case/],
  [
    'bad ticket regex',
    'reason:\n  ticketPattern: "(INC"\n' + VALID,
    2,
    /ticketPattern is not a valid regular expression/,
  ],
  ['wrong version', VALID.replace('version: 1', 'version: 2'), 1, /\/version must be equal to constant/],
  [
    'yaml syntax',
    VALID.replace('  audience: summit-ops', '  audience: summit-ops\n  audience: again'),
    9,
    /invalid YAML: Map keys must be unique/,
  ],
];
for (const [name, text, line, message] of BAD) {
  test(`rejected with file:line: ${name}`, () => {
    const error = problemOf(text);
    expect(error.message).toMatch(message);
    expect(error.file).toBe('policy.yml');
    expect(error.line).toBe(line);
  });
}

test('ref patterns: globs stay within a segment, ** crosses, /regex/ is anchored', () => {
  const tags = refPatternToRegExp('refs/tags/v*.*.*');
  expect(tags.test('refs/tags/v1.2.3')).toBeTruthy();
  expect(!tags.test('refs/tags/v1.2')).toBeTruthy();
  expect(!tags.test('refs/heads/v1.2.3')).toBeTruthy();
  expect(!refPatternToRegExp('refs/heads/*').test('refs/heads/feature/x')).toBeTruthy();
  expect(refPatternToRegExp('refs/heads/**').test('refs/heads/feature/x')).toBeTruthy();
  const strict = refPatternToRegExp('/refs\\/tags\\/v\\d+\\.\\d+\\.\\d+/');
  expect(strict.test('refs/tags/v10.0.1')).toBeTruthy();
  expect(!strict.test('refs/tags/v10.0.1-rc1')).toBeTruthy();
  expect(!refPatternToRegExp('refs/heads/main').test('refs/heads/mainline')).toBeTruthy();
  expect(!refPatternToRegExp('refs/heads/ma.n').test('refs/heads/maXn')).toBeTruthy();
});

test('a policy file with a roles file: users merged, digest covers both, errors name the right file', async () => {
  const ws = await mkdtemp(join(tmpdir(), 'rfa-policy-'));
  await mkdir(join(ws, '.github'));
  const policy =
    'version: 1\nrolesFile: .github/roles.yml\nenvironments:\n  prod:\n    deploy:\n      roles: [sre]\n';
  await writeFile(join(ws, '.github/access.yml'), policy);
  await writeFile(join(ws, '.github/roles.yml'), 'roles:\n  sre: [alice, bob]\n');
  const loaded = await loadAccessPolicy('.github/access.yml', { workspace: ws });
  expect(loaded.policy.roles.sre).toStrictEqual({ teams: [], users: ['alice', 'bob'] });
  expect(loaded.digest).toBe(
    createHash('sha256').update(policy).update('\0').update('roles:\n  sre: [alice, bob]\n').digest('hex'),
  );

  await writeFile(join(ws, '.github/roles.yml'), 'roles:\n  sre: alice\n');
  expect(String(await rejectionOf(loadAccessPolicy('.github/access.yml', { workspace: ws })))).toMatch(
    /^ConfigError: \.github\/roles\.yml:2:8: roles\.sre must be a list/,
  );
  await writeFile(join(ws, '.github/roles.yml'), 'roles:\n  ops: [alice]\n');
  await expect(loadAccessPolicy('.github/access.yml', { workspace: ws })).rejects.toThrow(
    /\.github\/access\.yml:6:15: role 'sre' is not defined under roles: or in \.github\/roles\.yml/,
  );
  await writeFile(join(ws, '.github/access.yml'), policy.replace('.github/roles.yml', '../../etc/roles.yml'));
  await expect(loadAccessPolicy('.github/access.yml', { workspace: ws })).rejects.toThrow(
    /access\.yml:2:12: rolesFile must be a path inside the workspace/,
  );
  expect(String(await rejectionOf(loadAccessPolicy('missing.yml', { workspace: ws })))).toMatch(
    /^ConfigError: missing\.yml:1:1: file not found; check the access-policy input/,
  );
});

test('a policy or roles file that is a symlink out of the workspace is refused, not read', async () => {
  const outside = await mkdtemp(join(tmpdir(), 'rfa-outside-'));
  // Permissive on purpose: if it were read, everyone could promote.
  await writeFile(
    join(outside, 'open.yml'),
    'version: 1\nenvironments:\n  prod:\n    deploy:\n      roles: []\n',
  );
  await writeFile(join(outside, 'roles.yml'), 'roles:\n  sre: [mallory]\n');
  const ws = await mkdtemp(join(tmpdir(), 'rfa-policy-'));
  await mkdir(join(ws, '.github'));
  await symlink(join(outside, 'open.yml'), join(ws, '.github/access.yml'));
  await expect(loadAccessPolicy('.github/access.yml', { workspace: ws })).rejects.toThrow(
    /^\.github\/access\.yml:1:1: refused to read \.github\/access\.yml: it is a symbolic link \(or inside one\) that resolves outside the workspace; only files of the repository are read; check the access-policy input/,
  );
  await rm(join(ws, '.github/access.yml'));
  await writeFile(
    join(ws, '.github/access.yml'),
    'version: 1\nrolesFile: .github/roles.yml\nenvironments:\n  prod:\n    deploy:\n      roles: [sre]\n',
  );
  await symlink(join(outside, 'roles.yml'), join(ws, '.github/roles.yml'));
  await expect(loadAccessPolicy('.github/access.yml', { workspace: ws })).rejects.toThrow(
    /^\.github\/roles\.yml:1:1: refused to read \.github\/roles\.yml: it is a symbolic link .* outside the workspace; only files of the repository are read; check rolesFile in \.github\/access\.yml/,
  );
  // A link that stays inside the repository is an ordinary file.
  await rm(join(ws, '.github/roles.yml'));
  await writeFile(join(ws, '.github/roles.real.yml'), 'roles:\n  sre: [alice]\n');
  await symlink('roles.real.yml', join(ws, '.github/roles.yml'));
  expect((await loadAccessPolicy('.github/access.yml', { workspace: ws })).policy.roles.sre!.users).toEqual([
    'alice',
  ]);
});

const weekly = (zone: string) => `version: 1
environments:
  prod:
    freeze:
      - weekly: { days: [fri], from: '15:00', to: '24:00', timeZone: '${zone}' }
    deploy: {}
`;
const storedZone = (zone: string) => {
  const w = parseAccessPolicy('p.yml', weekly(zone)).environments['prod']!.freeze[0]!;
  return 'weekly' in w ? w.weekly.timeZone : undefined;
};

test.each([
  ['utc', 'UTC'],
  ['UTC', 'UTC'],
  ['europe/berlin', 'Europe/Berlin'],
  ['AMERICA/NEW_YORK', 'America/New_York'],
  ['+03:00', 'Etc/GMT-3'],
  ['-0500', 'Etc/GMT+5'],
  ['+00:00', 'UTC'],
  ['+14:00', 'Etc/GMT-14'],
])('time zone %s is stored as %s, the name Go knows', (zone, canonical) => {
  expect(storedZone(zone)).toBe(canonical);
});

test.each([
  ['+05:30', /offset '\+05:30' has no IANA name .* Asia\/Kolkata/],
  ['Mars/Olympus', /unknown time zone 'Mars\/Olympus'/],
])('time zone %s is refused with what to write instead', (zone, message) => {
  const error = thrownBy(() => parseAccessPolicy('p.yml', weekly(zone)));
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).message).toMatch(/^p\.yml:5:\d+: /);
  expect((error as ConfigError).message).toMatch(message);
});

const refsPolicy = (ref: string) => `version: 1
environments:
  prod:
    deploy:
      refs: ['${ref}']
`;
test.each([
  ['/(?!refs\\/heads\\/dev).*/', /lookahead '\(\?!r…' is not supported by RE2/],
  ['/(?<=refs\\/)heads\\/main/', /lookbehind/],
  ['/refs\\/(heads|tags)\\/\\1/', /\\1 is a backreference/],
  ['/refs\\/(?<kind>heads)\\/main/', /a named group/],
  ['/refs\\/heads\\/\\u0041/', /\\u is an escape that JavaScript and RE2/],
  ['/refs\\s/', /\\s matches different characters/],
  ['/a{1001}/', /repetition count over 1000/],
  ['/refs[^]/', /'\[\]' and '\[\^\]'/],
  ['refs/heads/{main,dev}', /contains \{ \} \[ \] or \\, which OPA's glob.match reads as syntax/],
  ['refs/heads/[mb]ain', /glob\.match reads as syntax/],
])('ref pattern %s is refused: the engines would read it differently', (ref, message) => {
  const error = thrownBy(() => parseAccessPolicy('p.yml', refsPolicy(ref)));
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).message).toMatch(/^p\.yml:5:\d+: /);
  expect((error as ConfigError).message).toMatch(message);
});

test('portable regexes, and freeze instants stored as RFC 3339 UTC; a day that does not exist is refused', () => {
  for (const ok of [
    '/refs\\/tags\\/v\\d+(\\.\\d+){2}/',
    '/refs\\/heads\\/[a-z-]+/',
    '/refs\\/(?:heads|tags)\\/main/',
  ])
    expect(parseAccessPolicy('p.yml', refsPolicy(ok)).environments['prod']!.deploy!.refs).toStrictEqual([ok]);
  const p = parseAccessPolicy(
    'p.yml',
    `version: 1
environments:
  prod:
    freeze: [{ start: '2026-12-20T00:00:00+01:00', end: '2027-01-04T00:00:00.5-07:00' }]
    deploy: {}
`,
  );
  expect(p.environments['prod']!.freeze[0]).toStrictEqual({
    start: '2026-12-19T23:00:00.000Z',
    end: '2027-01-04T07:00:00.500Z',
  });
  const error = thrownBy(() =>
    parseAccessPolicy(
      'p.yml',
      `version: 1
environments:
  prod:
    freeze: [{ start: '2026-02-30T00:00:00Z', end: '2026-03-04T00:00:00Z' }]
    deploy: {}
`,
    ),
  );
  expect((error as Error).message).toMatch(/^p\.yml:4:\d+: .*(date-time|not a real date and time)/);
});
