/**
 * The access policy's `roles: { source: openfga, … }` form: normalised with defaults, and every
 * mistake a ConfigError at the line of the offending key.
 */
import { expect, test } from '@jest/globals';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../../lib/config.ts';
import { rejectionOf, thrownBy } from '../../../test/support/errors.ts';
import { loadAccessPolicy, parseAccessPolicy } from '../src/policy.ts';

const STORE = '01JDQ3Z8S3A4M0V7W6K1C2B9XE';
const MODEL = '01JDQ40F5G7PKNE2Y3R6T8V1HZ';

const policy = (roles: string, extra = '') => `version: 1
roles:
${roles}
${extra}environments:
  prod:
    deploy:
      roles: [release-captain]
      dualControl: { approverRoles: [release-captain, approver] }
`;
const OPENFGA = `  source: openfga
  apiUrl: https://fga.example.com/
  storeId: ${STORE}
  authorizationModelId: ${MODEL}
  relations:
    release-captain: release_captain
    approver: approver`;

function problemOf(text: string): ConfigError {
  const error = thrownBy(() => parseAccessPolicy('policy.yml', text, { owner: 'acme' }));
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

test('an openfga roles block defines the roles its relations name, with defaults', () => {
  const p = parseAccessPolicy('policy.yml', policy(OPENFGA));
  expect(p.roleSource).toEqual({
    source: 'openfga',
    apiUrl: 'https://fga.example.com',
    storeId: STORE,
    authorizationModelId: MODEL,
    relations: { 'release-captain': 'release_captain', approver: 'approver' },
    object: 'environment:{environment}',
    timeoutMs: 10_000,
  });
  // The roles exist for the policy's own checks, and hold nobody through GitHub.
  expect(p.roles).toEqual({
    'release-captain': { teams: [], users: [] },
    approver: { teams: [], users: [] },
  });
  const custom = parseAccessPolicy(
    'policy.yml',
    policy(`${OPENFGA}\n  object: 'deployment_target:{environment}'\n  timeoutSeconds: 3`),
  );
  expect(custom.roleSource).toMatchObject({ object: 'deployment_target:{environment}', timeoutMs: 3_000 });
  // Loopback may be plain HTTP (a local server, a sidecar).
  expect(
    parseAccessPolicy(
      'policy.yml',
      policy(OPENFGA.replace('https://fga.example.com/', 'http://127.0.0.1:8080')),
    ).roleSource?.apiUrl,
  ).toBe('http://127.0.0.1:8080');
});

test('GitHub-team roles are unchanged and have no role source', () => {
  const p = parseAccessPolicy(
    'policy.yml',
    policy(`  release-captain: { teams: [acme/captains] }\n  approver: { users: [carol] }`),
  );
  expect(p.roleSource).toBeUndefined();
  expect(p.roles['release-captain']).toEqual({ teams: ['acme/captains'], users: [] });
});

test.each([
  [
    'a role the environment needs but relations does not map',
    policy(OPENFGA.replace('    approver: approver', '    deployer: deployer')),
    14,
    "role 'approver' is not defined under roles.relations",
  ],
  [
    'plain HTTP to a remote server',
    policy(OPENFGA.replace('https://', 'http://')),
    4,
    'roles.apiUrl must use https://',
  ],
  ['a store id that is not a ULID', policy(OPENFGA.replace(STORE, 'my-store')), 5, 'pattern'],
  [
    'no pinned model',
    policy(OPENFGA.replace(`  authorizationModelId: ${MODEL}\n`, '')),
    3,
    'authorizationModelId',
  ],
  ['an unknown key', policy(`${OPENFGA}\n  token: abc`), 10, 'token'],
  ['an object without {environment}', policy(`${OPENFGA}\n  object: environment:prod`), 10, 'pattern'],
  ['another source', policy(OPENFGA.replace('source: openfga', 'source: ldap')), 3, 'openfga'],
])('%s is refused at its line', (_, text, line, message) => {
  const error = problemOf(text);
  expect(error.line).toBe(line);
  expect(error.message).toContain(message);
});

test('a rolesFile cannot add GitHub users beside an OpenFGA store', async () => {
  const ws = await mkdtemp(join(tmpdir(), 'rfa-fga-policy-'));
  await mkdir(join(ws, '.github'));
  await writeFile(join(ws, '.github/access.yml'), policy(OPENFGA, 'rolesFile: .github/roles.yml\n'));
  await writeFile(join(ws, '.github/roles.yml'), 'roles:\n  release-captain: [mallory]\n');
  const error = await rejectionOf(loadAccessPolicy('.github/access.yml', { workspace: ws }));
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).line).toBe(10);
  expect((error as ConfigError).message).toMatch(
    /rolesFile cannot be combined with roles.source: openfga; grant the role with a tuple/,
  );
});
