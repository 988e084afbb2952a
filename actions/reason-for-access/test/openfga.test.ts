/**
 * The OpenFGA role source against a real OpenFGA server (in-memory datastore, 127.0.0.1, started
 * and stopped here): members through direct tuples and (nested) teams, outsiders and suspended
 * captains denied, and every failure — unknown model, unknown store, a relation the model lacks,
 * a wrong token, a server that is down or never answers — an `unknown` membership naming the
 * status and OpenFGA's message, never a member.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { describeUnless } from '../../../test/support/components.ts';
import { onCleanup } from '../../../test/support/cleanup.ts';
import { expectNoLeak } from '../../../test/support/leak.ts';
import { loadStoreFile } from '../../../test/support/fga-store-tests.ts';
import { openFgaSkip, startOpenFga, type OpenFgaServer } from '../../../test/support/openfga.ts';
import type { ApprovalFacts, Membership } from '../src/decide.ts';
import {
  checkRoles,
  DEFAULT_OBJECT,
  fgaObject,
  fgaUser,
  isCheckError,
  openFgaFacts,
  roleSourceRecord,
  type OpenFgaRoleSource,
} from '../src/openfga.ts';

const dsl = await readFile(new URL('../../../policy/openfga/model.fga', import.meta.url), 'utf8');
const { file } = await loadStoreFile(
  new URL('../../../policy/openfga/model.fga.yaml', import.meta.url).pathname,
);
// A made-up model id in OpenFGA's ULID format: well-formed, but no such model.
const UNKNOWN_MODEL = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

const relations = { 'release-captain': 'release_captain', approver: 'approver', deployer: 'deployer' };
const member: Membership = { state: 'member' };
const notMember: Membership = { state: 'not-member' };

test('users are lower-case logins; the object template names the environment', () => {
  expect(fgaUser(' OctoCat ')).toBe('user:octocat');
  expect(fgaObject({ object: DEFAULT_OBJECT }, 'prod')).toBe('environment:prod');
  expect(fgaObject({ object: 'deployment_target:{environment}-eu' }, 'prod')).toBe(
    'deployment_target:prod-eu',
  );
});

test.each([
  [undefined, false],
  [{ message: '' }, false],
  [{ input_error: 'no_error', internal_error: 'no_internal_error', message: '' }, false],
  [{ input_error: 'validation_error', message: '' }, true],
  [{ internal_error: 'deadline_exceeded' }, true],
  [{ message: 'relation not found' }, true],
] as const)('a batch item with error %j is an error: %s', (error, expected) => {
  expect(isCheckError(error as never)).toBe(expected);
});

describeUnless(openFgaSkip())('against a real OpenFGA server', () => {
  let server: OpenFgaServer;
  let config: OpenFgaRoleSource;
  beforeAll(async () => {
    server = await startOpenFga();
    const { storeId, modelId } = await server.seed(dsl, [
      ...file.tuples!,
      { user: 'user:octocat', relation: 'suspended', object: 'environment:staging' },
      { user: 'user:suspended-sam', relation: 'member', object: 'team:release-captains' },
      { user: 'user:suspended-sam', relation: 'suspended', object: 'environment:prod' },
    ]);
    config = {
      source: 'openfga',
      apiUrl: server.apiUrl,
      storeId,
      authorizationModelId: modelId,
      relations,
      object: DEFAULT_OBJECT,
      timeoutMs: 2_000,
    };
  }, 30_000);
  afterAll(async () => server?.stop());

  test('direct and team-derived members hold the role; outsiders and suspended captains do not', async () => {
    const answers = await checkRoles(config, {
      environment: 'prod',
      questions: [
        { login: 'OctoCat', roles: ['release-captain', 'approver'] }, // team
        { login: 'hubot', roles: ['release-captain'] }, // nested team
        { login: 'reviewer', roles: ['release-captain', 'approver'] }, // direct approver only
        { login: 'monalisa', roles: ['release-captain'] }, // captain of staging, not prod
        { login: 'suspended-sam', roles: ['release-captain'] },
        { login: 'stranger', roles: ['release-captain', 'approver', 'deployer'] },
      ],
    });
    expect(Object.fromEntries(answers)).toEqual({
      octocat: { 'release-captain': member, approver: member },
      hubot: { 'release-captain': member },
      reviewer: { 'release-captain': notMember, approver: member },
      monalisa: { 'release-captain': notMember },
      'suspended-sam': { 'release-captain': notMember },
      stranger: { 'release-captain': notMember, approver: notMember, deployer: notMember },
    });
    const staging = await checkRoles(config, {
      environment: 'staging',
      questions: [
        { login: 'monalisa', roles: ['release-captain'] },
        { login: 'octocat', roles: ['release-captain'] },
      ],
    });
    expect(Object.fromEntries(staging)).toEqual({
      monalisa: { 'release-captain': member },
      octocat: { 'release-captain': notMember },
    });
  });

  test('the actor and every approver in one batch: approvals keep their GitHub facts, roles come from the graph', async () => {
    const approvals: ApprovalFacts = {
      state: 'known',
      approvals: [
        { user: 'Hubot', source: 'deployment-review', state: 'approved', roles: {} },
        { user: 'stranger', source: 'pr-review', state: 'approved', roles: {} },
        ...Array.from({ length: 60 }, (_, i) => ({
          user: `reviewer-${i}`,
          source: 'pr-review' as const,
          state: 'approved' as const,
          roles: {},
        })),
      ],
    };
    const facts = await openFgaFacts(config, {
      environment: 'prod',
      actor: 'octocat',
      actorRoles: ['release-captain'],
      approvals,
      approverRoles: ['release-captain', 'approver'],
    });
    expect(facts.actorRoles).toEqual({ 'release-captain': member });
    expect(facts.approvals.state).toBe('known');
    const byUser = Object.fromEntries(
      (facts.approvals as Extract<ApprovalFacts, { state: 'known' }>).approvals.map((a) => [a.user, a]),
    );
    expect(byUser['Hubot']).toEqual({
      user: 'Hubot',
      source: 'deployment-review',
      state: 'approved',
      roles: { 'release-captain': member, approver: member },
    });
    expect(byUser['stranger']!.roles).toEqual({ 'release-captain': notMember, approver: notMember });
    // More than the server's 50 checks per batch: the SDK splits, every approver still gets an answer.
    expect(byUser['reviewer-59']!.roles).toEqual({ 'release-captain': notMember, approver: notMember });
    expect(Object.keys(byUser)).toHaveLength(62);
  });

  test('approvals GitHub could not read stay unknown; only the actor is asked', async () => {
    const approvals: ApprovalFacts = { state: 'unknown', detail: 'GitHub API 500 on reviews' };
    const facts = await openFgaFacts(config, {
      environment: 'prod',
      actor: 'stranger',
      actorRoles: ['release-captain'],
      approvals,
      approverRoles: ['release-captain'],
    });
    expect(facts).toEqual({ actorRoles: { 'release-captain': notMember }, approvals });
  });

  test('an unknown authorization model denies with the status and OpenFGA’s message', async () => {
    const answers = await checkRoles(
      { ...config, authorizationModelId: UNKNOWN_MODEL },
      { environment: 'prod', questions: [{ login: 'octocat', roles: ['release-captain'] }] },
    );
    const m = answers.get('octocat')!['release-captain']!;
    expect(m.state).toBe('unknown');
    expect((m as { detail: string }).detail).toMatch(
      new RegExp(
        `^OpenFGA 400 on batch-check on environment:prod \\(store ${config.storeId}, model ${UNKNOWN_MODEL}\\): authorization_model_not_found: .*\\(check storeId and authorizationModelId: the model must exist in that store\\)$`,
      ),
    );
  });

  test('an unknown store denies (OpenFGA finds no such model in it)', async () => {
    const answers = await checkRoles(
      { ...config, storeId: UNKNOWN_MODEL },
      { environment: 'prod', questions: [{ login: 'octocat', roles: ['release-captain'] }] },
    );
    expect(answers.get('octocat')!['release-captain']).toEqual({
      state: 'unknown',
      detail: expect.stringMatching(
        /^OpenFGA 400 on batch-check .*\(store 01ARZ3NDEKTSV4RRFFQ69G5FAV, model .*authorization_model_not_found: .*\(check storeId and authorizationModelId: the model must exist in that store\)$/,
      ),
    });
  });

  test('a relation the model does not have denies for that role only', async () => {
    const answers = await checkRoles(
      { ...config, relations: { ...relations, 'release-captain': 'release_captian' } },
      { environment: 'prod', questions: [{ login: 'octocat', roles: ['release-captain', 'approver'] }] },
    );
    expect(answers.get('octocat')).toEqual({
      'release-captain': {
        state: 'unknown',
        detail: `OpenFGA could not check user:octocat release_captian environment:prod (store ${config.storeId}, model ${config.authorizationModelId}): validation_error: invalid relation: relation 'environment#release_captian' not found`,
      },
      // The other checks of the batch still count.
      approver: member,
    });
  });

  test('an environment name OpenFGA cannot take as an object id denies the whole batch with 400', async () => {
    const answers = await checkRoles(config, {
      environment: 'prod eu',
      questions: [{ login: 'octocat', roles: ['release-captain'] }],
    });
    expect(answers.get('octocat')!['release-captain']).toEqual({
      state: 'unknown',
      detail: expect.stringMatching(
        /^OpenFGA 400 on batch-check on environment:prod eu .*validation_error: invalid CheckRequestTupleKey.Object/,
      ),
    });
  });

  test('a server that is down denies, naming the connection error', async () => {
    const down = await startOpenFga();
    const { storeId, modelId } = await down.seed(dsl, file.tuples!);
    await down.stop();
    const answers = await checkRoles(
      { ...config, apiUrl: down.apiUrl, storeId, authorizationModelId: modelId },
      { environment: 'prod', questions: [{ login: 'octocat', roles: ['release-captain'] }] },
    );
    expect(answers.get('octocat')!['release-captain']).toEqual({
      state: 'unknown',
      detail: expect.stringMatching(/^OpenFGA unreachable on batch-check on environment:prod .*ECONNREFUSED/),
    });
  }, 30_000);

  test('a server that accepts but never answers times out within the configured bound', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    onCleanup(
      () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          silent.close(() => resolve());
        }),
    );
    const port = (silent.address() as { port: number }).port;
    const answers = await checkRoles(
      { ...config, apiUrl: `http://127.0.0.1:${port}`, timeoutMs: 300 },
      { environment: 'prod', questions: [{ login: 'octocat', roles: ['release-captain'] }] },
    );
    expect(answers.get('octocat')!['release-captain']).toEqual({
      state: 'unknown',
      detail: expect.stringMatching(
        /^OpenFGA unreachable on batch-check .*\(timed out: timeout of 300ms exceeded\)$/,
      ),
    });
    // The configured timeout, not the SDK's 10 s default, and exactly one retry: two connections.
    expect(sockets.length).toBe(2);
  });

  test('the token is sent as a bearer token; a wrong one denies with 401 and is never in the detail', async () => {
    const key = `fga-${randomBytes(16).toString('hex')}`;
    const wrong = `fga-${randomBytes(16).toString('hex')}`;
    const guarded = await startOpenFga({ presharedKey: key });
    onCleanup(() => guarded.stop());
    const { storeId, modelId } = await guarded.seed(dsl, file.tuples!);
    const secured = { ...config, apiUrl: guarded.apiUrl, storeId, authorizationModelId: modelId };
    const questions = [{ login: 'octocat', roles: ['release-captain'] }];
    const ok = await checkRoles(secured, { token: key, environment: 'prod', questions });
    expect(ok.get('octocat')).toEqual({ 'release-captain': member });
    for (const token of [wrong, undefined]) {
      const denied = await checkRoles(secured, { token, environment: 'prod', questions });
      const m = denied.get('octocat')!['release-captain']!;
      expect(m.state).toBe('unknown');
      const detail = (m as { detail: string }).detail;
      expect(detail).toMatch(
        /^OpenFGA 401 on batch-check .*\(the openfga-token is missing, invalid or lacks access to the store\)$/,
      );
      expectNoLeak(detail, [key, wrong], 'the denial detail');
    }
  }, 30_000);

  test('the record names the source, the store and the pinned model', () => {
    expect(roleSourceRecord(config)).toEqual({
      source: 'openfga',
      apiUrl: server.apiUrl,
      storeId: config.storeId,
      authorizationModelId: config.authorizationModelId,
    });
  });
});
