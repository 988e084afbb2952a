// catalog-gate's committed bundle, run as a runner runs it, on this repository's own catalog and on
// broken ones: what a pull request author sees (annotations, outputs, summary) is what is asserted.
import { expect, test } from '@jest/globals';
import { expectNoLeak } from '../support/leak.ts';
import { expectTruthy } from '../support/narrow.ts';

import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertNoLeak, pullRequestEvent, REPO_ROOT, runBundledAction } from './harness.ts';
import { startGitHubApi } from './github-server.ts';

const actionDir = join(REPO_ROOT, 'actions', 'catalog-gate');

async function workspaceWithDogfood(): Promise<string> {
  const workspace = await mkdtemp(join(tmpdir(), 'cg-ws-'));
  await cp(join(REPO_ROOT, 'db'), join(workspace, 'db'), { recursive: true });
  return workspace;
}

test('the repository catalog passes with every back-out proven on embedded PGlite', async () => {
  const workspace = await workspaceWithDogfood();
  const run = await runBundledAction({ actionDir, workspace, inputs: { 'evidence-dir': 'evidence' } });
  expect(run.exitCode).toBe(0);
  expect(run.outputs['violations']).toBe('0');
  const report = JSON.parse(await readFile(run.outputs['report-path']!, 'utf8')) as {
    entries: Array<{ id: string; backout: { status: string } }>;
  };
  const catalogText = await readFile(join(workspace, 'db/catalog/migrations.yaml'), 'utf8');
  const ids = [...catalogText.matchAll(/^- id: (\S+)/gm)].map((m) => m[1]);
  expect(report.entries.map((e) => e.id)).toStrictEqual(ids);
  expect(report.entries.every((e) => e.backout.status === 'proven')).toBeTruthy();
  const sarif = JSON.parse(await readFile(run.outputs['sarif-path']!, 'utf8')) as { version: string };
  expect(sarif.version).toBe('2.1.0');
  expect(existsSync(join(workspace, 'evidence', 'manifest.json'))).toBeTruthy();
  for (const id of ids) expect(run.summary).toContain(id!);
  expect(!run.annotations.some((a) => a.level === 'error')).toBeTruthy();
});

test('the bundle bounds an endless migration on PGlite: not provable at its timeout, the next still proven', async () => {
  const workspace = await workspaceWithDogfood();
  const catalog = join(workspace, 'db/catalog/migrations.yaml');
  const endless = '2026-12-01-001-endless';
  await writeFile(join(workspace, `db/migrations/${endless}.up.sql`), 'DO $$ BEGIN LOOP END LOOP; END $$;\n');
  await writeFile(join(workspace, `db/migrations/${endless}.down.sql`), 'SELECT 1;\n');
  await writeFile(
    catalog,
    `${(await readFile(catalog, 'utf8')).trimEnd()}\n- id: ${endless}\n  service: app\n  risk: low\n  pii: false\n  rollout: online\n  owner: '@app'\n`,
  );
  const run = await runBundledAction({ actionDir, workspace, inputs: { 'statement-timeout': '1' } });
  const report = JSON.parse(await readFile(run.outputs['report-path']!, 'utf8')) as {
    entries: Array<{ id: string; backout: { status: string; problems: string[] } }>;
  };
  const last = report.entries.at(-1)!;
  expect(last.id).toBe(endless);
  expect(last.backout.status).toBe('not-provable');
  expect(last.backout.problems.join(' ')).toMatch(/ended after a statement ran for 1 s/);
  expect(report.entries.slice(0, -1).every((e) => e.backout.status === 'proven')).toBeTruthy();
});

test('malformed catalog YAML fails with an annotation at its line', async () => {
  const workspace = await workspaceWithDogfood();
  const catalog = join(workspace, 'db/catalog/migrations.yaml');
  const lines = (await readFile(catalog, 'utf8')).split('\n');
  lines.splice(5, 0, '  risk: [low');
  await writeFile(catalog, lines.join('\n'));
  const run = await runBundledAction({ actionDir, workspace, inputs: { 'prove-backout': 'false' } });
  expect(run.exitCode).toBe(1);
  const positioned = run.annotations.find(
    (a) => a.level === 'error' && a.file === 'db/catalog/migrations.yaml',
  );
  expectTruthy(positioned);
  expectTruthy(positioned.line! >= 6);
});

test('a risky statement declared low risk is an error at the SQL line, showing both risks', async () => {
  const workspace = await workspaceWithDogfood();
  const up = join(workspace, 'db/migrations/2026-11-01-001-add-user-phone.up.sql');
  const sql = await readFile(up, 'utf8');
  await writeFile(up, `${sql.trimEnd()}\nCREATE INDEX users_phone_idx ON users (phone);\n`);
  const lineOfIndex = sql.trimEnd().split('\n').length + 1;
  const run = await runBundledAction({ actionDir, workspace, inputs: { 'prove-backout': 'false' } });
  expect(run.exitCode).toBe(1);
  const atSql = run.annotations.filter(
    (a) => a.file === 'db/migrations/2026-11-01-001-add-user-phone.up.sql' && a.line === lineOfIndex,
  );
  expect(atSql.length).toBeGreaterThan(0);
  const understated = run.annotations.filter((a) => a.title === 'risk-understated');
  expect(understated.map((a) => [a.level, a.file])).toStrictEqual([['error', 'db/catalog/migrations.yaml']]);
  expect(understated[0]!.message).toMatch(
    /'2026-11-01-001-add-user-phone' declares risk low but the SQL is medium risk \(create-index-not-concurrent at db\/migrations\/2026-11-01-001-add-user-phone\.up\.sql:\d+/,
  );
  expect(run.outputs['violations']).not.toBe('0');
  // Errors first, then warnings, then notices (GitHub shows only the first few of a step).
  const levels = run.annotations.filter((a) => a.file).map((a) => a.level);
  expect(new Set(levels)).toStrictEqual(new Set(['error', 'warning']));
  const rank = { error: 0, warning: 1, notice: 2 };
  expect(levels).toStrictEqual([...levels].sort((a, b) => rank[a] - rank[b]));
});

test('an unreachable database is named by host:port; its password is printed nowhere', async () => {
  const workspace = await workspaceWithDogfood();
  const password = `pw-${Math.random().toString(36).slice(2)}-secret`;
  const run = await runBundledAction({
    actionDir,
    workspace,
    inputs: { 'database-url': `postgres://gate:${password}@127.0.0.1:9/gate` },
  });
  expect(run.exitCode).toBe(1);
  expect(run.annotations.some((a) => a.level === 'error' && a.message.includes('127.0.0.1:9'))).toBeTruthy();
  assertNoLeak(run, [password]);
});

test('a migrations directory that does not exist is a clear error', async () => {
  const workspace = await workspaceWithDogfood();
  const run = await runBundledAction({
    actionDir,
    workspace,
    inputs: { 'migrations-dir': 'db/nope', 'prove-backout': 'false' },
  });
  expect(run.exitCode).toBe(1);
  expect(run.annotations.some((a) => a.level === 'error' && a.message.includes('db/nope'))).toBeTruthy();
});

test('on a pull request with a token, one check run lands on the PR head with the findings as annotations', async () => {
  const api = await startGitHubApi({
    'POST /repos/summit-ops/demo/check-runs': {
      status: 201,
      body: { id: 11, html_url: 'https://github.com/summit-ops/demo/runs/11' },
    },
  });
  try {
    const workspace = await workspaceWithDogfood();
    const up = join(workspace, 'db/migrations/2026-11-01-001-add-user-phone.up.sql');
    await writeFile(
      up,
      `${(await readFile(up, 'utf8')).trimEnd()}\nCREATE INDEX users_phone_idx ON users (phone);\n`,
    );
    const token = `ghs_${'y'.repeat(36)}`;
    const run = await runBundledAction({
      actionDir,
      workspace,
      githubToken: token,
      env: { GITHUB_API_URL: api.url },
      event: pullRequestEvent({ headSha: '9'.repeat(40) }),
      inputs: { 'prove-backout': 'false', 'check-run': 'true' },
    });
    expect(run.exitCode).toBe(1);
    const creates = api.requests.filter(
      (r) => r.method === 'POST' && r.path === '/repos/summit-ops/demo/check-runs',
    );
    expect(creates.length).toBe(1);
    const body = creates[0]!.body as {
      head_sha: string;
      conclusion: string;
      output: { annotations: Array<{ path: string; start_line: number }> };
    };
    expect(body.head_sha).toBe('9'.repeat(40));
    expect(body.conclusion).toBe('failure');
    expect(
      body.output.annotations.some((a) => a.path === 'db/migrations/2026-11-01-001-add-user-phone.up.sql'),
    ).toBeTruthy();
    assertNoLeak(run, [token]);
    expectNoLeak(JSON.stringify(api.requests.map((r) => r.body)), token, 'the API requests');
  } finally {
    await api.close();
  }
});

test('the bundle loads the PGlite contrib extension a migration creates (pg_trgm) and proves its back-out', async () => {
  const workspace = await mkdtemp(join(tmpdir(), 'cg-ws-'));
  await cp(join(REPO_ROOT, 'db'), join(workspace, 'db'), { recursive: true });
  const id = '2099-01-01-001-trgm';
  await writeFile(
    join(workspace, 'db/catalog/migrations.yaml'),
    `${await readFile(join(workspace, 'db/catalog/migrations.yaml'), 'utf8')}\n- id: ${id}\n  service: s\n  risk: low\n  pii: false\n  rollout: online\n  owner: '@t'\n`,
  );
  await writeFile(join(workspace, `db/migrations/${id}.up.sql`), 'CREATE EXTENSION IF NOT EXISTS pg_trgm;\n');
  await writeFile(join(workspace, `db/migrations/${id}.down.sql`), 'DROP EXTENSION pg_trgm;\n');
  const run = await runBundledAction({ actionDir, workspace, inputs: {} });
  const report = JSON.parse(await readFile(run.outputs['report-path']!, 'utf8')) as {
    entries: Array<{ id: string; backout: { status: string; problems: string[] } }>;
  };
  expect(report.entries.find((e) => e.id === id)?.backout).toStrictEqual(
    expect.objectContaining({ status: 'proven' }),
  );
});
