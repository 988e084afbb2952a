import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
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
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the policy to be rejected');
}

test('the shipped JSON schema and the built-in default file match the code', async () => {
  const json = JSON.parse(await readFile(new URL('schema/access-policy.schema.json', here), 'utf8'));
  assert.deepEqual(
    json,
    JSON.parse(JSON.stringify(accessPolicySchema)),
    'regenerate schema/access-policy.schema.json from src/policy-schema.ts',
  );
  assert.equal(
    await readFile(new URL('access-policy.default.yml', here), 'utf8'),
    BUILT_IN_POLICY_YAML,
    'regenerate access-policy.default.yml from BUILT_IN_POLICY_YAML',
  );
});

test('a valid policy is normalised with defaults', () => {
  const p = parseAccessPolicy('policy.yml', VALID);
  assert.deepEqual(p.environments.prod!.deploy, {
    roles: ['release-captain'],
    assurance: ['webauthn'],
    dualControl: { approverRoles: ['release-captain'], minApprovals: 2 },
    refs: ['refs/tags/v*.*.*', 'refs/heads/main'],
  });
  assert.deepEqual(p.environments.prod!.delete!.dualControl, { approverRoles: [], minApprovals: 1 });
  assert.equal(p.environments.prod!.delete!.refs, null);
  assert.equal(p.assurance!.methodsClaim, 'amr');
  assert.equal(p.assurance!.maxAgeSeconds, 900);
  assert.equal(p.reason.minLength, 20);
});

test('the built-in policy resolves {owner} and defines prod and production alike', async () => {
  const loaded = await loadAccessPolicy('', { workspace: '/nonexistent', owner: 'acme' });
  assert.equal(loaded.source, 'built-in');
  assert.equal(loaded.digest, createHash('sha256').update(BUILT_IN_POLICY_YAML).digest('hex'));
  assert.deepEqual(loaded.policy.roles['release-captain']!.teams, ['acme/release-captains']);
  assert.deepEqual(loaded.policy.environments.prod, loaded.policy.environments.production);
  assert.equal(loaded.policy.environments.staging, undefined);
  assert.throws(
    () => parseAccessPolicy('built-in', BUILT_IN_POLICY_YAML, {}),
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
    assert.match(error.message, message);
    assert.equal(error.file, 'policy.yml');
    assert.equal(error.line, line, `line of: ${error.message}`);
  });
}

test('ref patterns: globs stay within a segment, ** crosses, /regex/ is anchored', () => {
  const tags = refPatternToRegExp('refs/tags/v*.*.*');
  assert.ok(tags.test('refs/tags/v1.2.3'));
  assert.ok(!tags.test('refs/tags/v1.2'));
  assert.ok(!tags.test('refs/heads/v1.2.3'));
  assert.ok(!refPatternToRegExp('refs/heads/*').test('refs/heads/feature/x'));
  assert.ok(refPatternToRegExp('refs/heads/**').test('refs/heads/feature/x'));
  const strict = refPatternToRegExp('/refs\\/tags\\/v\\d+\\.\\d+\\.\\d+/');
  assert.ok(strict.test('refs/tags/v10.0.1'));
  assert.ok(!strict.test('refs/tags/v10.0.1-rc1'), 'a /regex/ must match the whole ref');
  assert.ok(!refPatternToRegExp('refs/heads/main').test('refs/heads/mainline'));
  assert.ok(!refPatternToRegExp('refs/heads/ma.n').test('refs/heads/maXn'), 'dots are literal in globs');
});

test('a policy file with a roles file: users merged, digest covers both, errors name the right file', async () => {
  const ws = await mkdtemp(join(tmpdir(), 'rfa-policy-'));
  await mkdir(join(ws, '.github'));
  const policy =
    'version: 1\nrolesFile: .github/roles.yml\nenvironments:\n  prod:\n    deploy:\n      roles: [sre]\n';
  await writeFile(join(ws, '.github/access.yml'), policy);
  await writeFile(join(ws, '.github/roles.yml'), 'roles:\n  sre: [alice, bob]\n');
  const loaded = await loadAccessPolicy('.github/access.yml', { workspace: ws });
  assert.deepEqual(loaded.policy.roles.sre, { teams: [], users: ['alice', 'bob'] });
  assert.equal(
    loaded.digest,
    createHash('sha256').update(policy).update('\0').update('roles:\n  sre: [alice, bob]\n').digest('hex'),
  );

  await writeFile(join(ws, '.github/roles.yml'), 'roles:\n  sre: alice\n');
  await assert.rejects(
    loadAccessPolicy('.github/access.yml', { workspace: ws }),
    /^ConfigError: \.github\/roles\.yml:2:8: roles\.sre must be a list/,
  );
  await writeFile(join(ws, '.github/roles.yml'), 'roles:\n  ops: [alice]\n');
  await assert.rejects(
    loadAccessPolicy('.github/access.yml', { workspace: ws }),
    /\.github\/access\.yml:6:15: role 'sre' is not defined under roles: or in \.github\/roles\.yml/,
  );
  await writeFile(join(ws, '.github/access.yml'), policy.replace('.github/roles.yml', '../../etc/roles.yml'));
  await assert.rejects(
    loadAccessPolicy('.github/access.yml', { workspace: ws }),
    /access\.yml:2:12: rolesFile must be a path inside the workspace/,
  );
  await assert.rejects(
    loadAccessPolicy('missing.yml', { workspace: ws }),
    /^ConfigError: missing\.yml:1:1: file not found; check the access-policy input/,
  );
});
