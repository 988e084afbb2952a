import { afterAll, beforeAll, expect, test } from '@jest/globals';

import {
  createGitHubClient,
  gatherApprovals,
  pullRequestApprovals,
  resolveRoles,
  runApprovals,
  storeAttestation,
  teamMembership,
  type GitHubClient,
} from '../src/github.ts';
import {
  ghError,
  startGitHubApi as startGitHub,
  user,
  type GitHubApiServer as FakeGitHub,
} from '../../../test/e2e/github-server.ts';

const TOKEN = ['test', 'token', 'for', 'local', 'server'].join('-');
const SHA = 'c0ffee'.padEnd(40, '0');
const OLD = 'bada55'.padEnd(40, '0');

/** The library's own back-off and write pacing, shrunk: milliseconds where GitHub would mean seconds. */
const FAST = { retryAfterBaseValue: 5, writeSpacingMs: 0 };

let gh: FakeGitHub;
let client: GitHubClient;
beforeAll(async () => {
  gh = await startGitHub();
  client = createGitHubClient({ token: TOKEN, baseUrl: gh.baseUrl, timing: FAST });
});
afterAll(() => gh.close());

const membership = (state: string) => ({ url: 'x', role: 'member', state });

test('team membership: active is a member, pending and 404 are not, and the token is sent', async () => {
  gh.routes.set('GET /orgs/acme/teams/captains/memberships/alice', () => ({ body: membership('active') }));
  gh.routes.set('GET /orgs/acme/teams/captains/memberships/bob', () => ({ body: membership('pending') }));
  expect(await teamMembership(client, 'acme/captains', 'alice')).toStrictEqual({ state: 'member' });
  expect(await teamMembership(client, 'acme/captains', 'bob')).toStrictEqual({ state: 'not-member' });
  expect(await teamMembership(client, 'acme/captains', 'mallory')).toStrictEqual({ state: 'not-member' });
  const seen = gh.requests.find((r) => r.line === 'GET /orgs/acme/teams/captains/memberships/alice');
  expect(seen?.authorization).toBe(`token ${TOKEN}`);
});

test('team membership: 403, 401 and 500 become unknown with status, message and a hint', async () => {
  gh.routes.set('GET /orgs/acme/teams/locked/memberships/alice', () =>
    ghError(403, 'Resource not accessible by integration'),
  );
  gh.routes.set('GET /orgs/acme/teams/broken/memberships/alice', () => ghError(500, 'Internal Server Error'));
  gh.routes.set('GET /orgs/acme/teams/expired/memberships/alice', () => ghError(401, 'Bad credentials'));
  const locked = await teamMembership(client, 'acme/locked', 'alice');
  expect(locked.state).toBe('unknown');
  expect((locked as { detail: string }).detail).toMatch(
    /^GitHub API 403 on GET \/orgs\/acme\/teams\/locked\/memberships\/alice: Resource not accessible by integration \(the token lacks permission/,
  );
  expect(((await teamMembership(client, 'acme/broken', 'alice')) as { detail: string }).detail).toMatch(
    /GitHub API 500 .*retry the run later/,
  );
  expect(((await teamMembership(client, 'acme/expired', 'alice')) as { detail: string }).detail).toMatch(
    /401 .*Bad credentials \(the github-token is invalid/,
  );
});

test('team membership: an unreachable API is unknown, not a crash', async () => {
  const down = await startGitHub();
  const downClient = createGitHubClient({ baseUrl: down.baseUrl, timing: FAST });
  await down.close();
  const m = await teamMembership(downClient, 'acme/captains', 'alice');
  expect(m.state).toBe('unknown');
  expect((m as { detail: string }).detail).toMatch(
    /GitHub API unreachable on GET \/orgs\/acme\/teams\/captains\/memberships\/alice/,
  );
});

test('roles: listed users need no API call; any active team suffices; failures only count without a membership', async () => {
  gh.routes.set('GET /orgs/acme/teams/sre/memberships/carol', () => ({ body: membership('active') }));
  gh.routes.set('GET /orgs/acme/teams/broken/memberships/carol', () => ghError(500, 'boom'));
  gh.routes.set('GET /orgs/acme/teams/broken/memberships/dave', () => ghError(500, 'boom'));
  const roles = {
    captain: { teams: ['acme/broken', 'acme/sre'], users: ['Erin'] },
    empty: { teams: [], users: [] },
  };
  const before = gh.requests.length;
  expect(await resolveRoles(client, roles, ['captain'], 'erin')).toStrictEqual({
    captain: { state: 'member' },
  });
  expect(gh.requests.length).toBe(before);
  expect(await resolveRoles(client, roles, ['captain', 'empty', 'undefined-role'], 'carol')).toStrictEqual({
    captain: { state: 'member' },
    empty: { state: 'not-member' },
    'undefined-role': { state: 'not-member' },
  });
  const dave = await resolveRoles(client, roles, ['captain'], 'dave');
  expect(dave.captain!.state).toBe('unknown');
  expect((dave.captain as { detail: string }).detail).toMatch(/500/);
  const noToken = await resolveRoles(undefined, roles, ['captain'], 'dave');
  expect((noToken.captain as { detail: string }).detail).toMatch(
    /no github-token to look up team acme\/broken/,
  );
});

test('run approvals: only reviews of this environment count; rejections are kept', async () => {
  gh.routes.set('GET /repos/acme/app/actions/runs/77/approvals', () => ({
    body: [
      { state: 'approved', comment: 'ok', user: user('bob'), environments: [{ id: 1, name: 'Prod' }] },
      { state: 'approved', comment: 'ok', user: user('carol'), environments: [{ id: 2, name: 'staging' }] },
      { state: 'rejected', comment: 'no', user: user('dave'), environments: [{ id: 1, name: 'prod' }] },
    ],
  }));
  expect(
    await runApprovals(client, { owner: 'acme', repo: 'app', runId: '77', environment: 'prod' }),
  ).toStrictEqual([
    { user: 'bob', source: 'deployment-review', state: 'approved' },
    { user: 'dave', source: 'deployment-review', state: 'rejected' },
  ]);
});

test('PR reviews: latest review per person wins, stale approvals and unrelated PRs do not count, pages are followed', async () => {
  gh.routes.set(`GET /repos/acme/app/commits/${SHA}/pulls`, () => ({
    body: [
      { number: 5, head: { sha: OLD }, merge_commit_sha: SHA },
      { number: 6, head: { sha: 'f'.repeat(40) }, merge_commit_sha: 'e'.repeat(40) },
    ],
  }));
  gh.routes.set('GET /repos/acme/app/pulls/5/reviews', (request) => {
    if (request.query['page'] === '2') {
      return { body: [{ id: 4, user: user('frank'), state: 'APPROVED', commit_id: OLD }] };
    }
    return {
      headers: { link: `<${gh.baseUrl}/repos/acme/app/pulls/5/reviews?per_page=100&page=2>; rel="next"` },
      body: [
        { id: 1, user: user('bob'), state: 'APPROVED', commit_id: OLD },
        { id: 2, user: user('carol'), state: 'APPROVED', commit_id: 'a'.repeat(40) }, // approved an earlier push
        { id: 3, user: user('dave'), state: 'APPROVED', commit_id: OLD },
        { id: 5, user: user('dave'), state: 'COMMENTED', commit_id: OLD },
        { id: 6, user: user('erin'), state: 'APPROVED', commit_id: OLD },
        { id: 7, user: user('erin'), state: 'CHANGES_REQUESTED', commit_id: OLD },
      ],
    };
  });
  const found = await pullRequestApprovals(client, {
    owner: 'acme',
    repo: 'app',
    environment: 'prod',
    sha: SHA,
  });
  expect(found).toStrictEqual([
    { user: 'bob', source: 'pr-review', state: 'approved' },
    { user: 'dave', source: 'pr-review', state: 'approved' },
    { user: 'erin', source: 'pr-review', state: 'rejected' },
    { user: 'frank', source: 'pr-review', state: 'approved' },
  ]);
  expect(!gh.requests.some((r) => r.line.startsWith('GET /repos/acme/app/pulls/6/'))).toBeTruthy();
});

test('gatherApprovals: both sources, approver roles resolved; any API failure makes the fact unknown', async () => {
  gh.routes.set('GET /repos/acme/app/actions/runs/78/approvals', () => ({
    body: [{ state: 'approved', comment: '', user: user('carol'), environments: [{ id: 1, name: 'prod' }] }],
  }));
  gh.routes.set(`GET /repos/acme/app/commits/${OLD}/pulls`, () => ({ body: [] }));
  const roles = { sre: { teams: ['acme/sre'], users: [] } };
  const facts = await gatherApprovals(
    client,
    { owner: 'acme', repo: 'app', runId: '78', environment: 'prod', sha: OLD },
    roles,
    ['sre'],
  );
  expect(facts).toStrictEqual({
    state: 'known',
    approvals: [
      { user: 'carol', source: 'deployment-review', state: 'approved', roles: { sre: { state: 'member' } } },
    ],
  });

  gh.routes.set('GET /repos/acme/app/actions/runs/79/approvals', () =>
    ghError(403, 'Must have admin rights to Repository.'),
  );
  const denied = await gatherApprovals(
    client,
    { owner: 'acme', repo: 'app', runId: '79', environment: 'prod' },
    roles,
    [],
  );
  expect(denied).toStrictEqual({
    state: 'unknown',
    detail:
      'GitHub API 403 on GET /repos/acme/app/actions/runs/79/approvals: Must have admin rights to Repository. (the token lacks permission, or a rate limit was hit)',
  });

  gh.routes.set(`GET /repos/acme/app/commits/${SHA}/pulls`, () => ghError(500, 'Server Error'));
  const broken = await gatherApprovals(
    client,
    { owner: 'acme', repo: 'app', environment: 'prod', sha: SHA },
    roles,
    [],
  );
  expect(broken.state).toBe('unknown');
  expect((broken as { detail: string }).detail).toMatch(
    /GitHub API 500 on pull request reviews of c0ffee000000/,
  );
  expect(
    await gatherApprovals(undefined, { owner: 'acme', repo: 'app', environment: 'prod' }, roles, []),
  ).toStrictEqual({ state: 'unknown', detail: 'no github-token, so approvals cannot be read' });
});

test('storeAttestation posts the bundle and returns the id; errors propagate with status', async () => {
  gh.routes.set('POST /repos/acme/app/attestations', (request) => ({
    status: 201,
    body: { id: (request.body as { bundle: { mediaType?: string } }).bundle.mediaType ? 42 : 0 },
  }));
  expect(
    await storeAttestation(client, 'acme', 'app', {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    }),
  ).toBe(42);
  gh.routes.set('POST /repos/acme/app/attestations', () => ghError(404, 'Not Found'));
  await expect(storeAttestation(client, 'acme', 'app', {})).rejects.toMatchObject({ status: 404 });
});
