// catalog-gate's committed bundle, run as a runner runs it, on this repository's own catalog and on
// broken ones: what a pull request author sees (annotations, outputs, summary) is what is asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  assert.equal(run.exitCode, 0, `${run.stderr}\n${run.log.join('\n')}`);
  assert.equal(run.outputs['violations'], '0');
  const report = JSON.parse(await readFile(run.outputs['report-path']!, 'utf8')) as {
    entries: Array<{ id: string; backout: { status: string } }>;
  };
  const catalogText = await readFile(join(workspace, 'db/catalog/migrations.yaml'), 'utf8');
  const ids = [...catalogText.matchAll(/^- id: (\S+)/gm)].map((m) => m[1]);
  assert.deepEqual(
    report.entries.map((e) => e.id),
    ids,
  );
  assert.ok(
    report.entries.every((e) => e.backout.status === 'proven'),
    JSON.stringify(report.entries.map((e) => e.backout)),
  );
  const sarif = JSON.parse(await readFile(run.outputs['sarif-path']!, 'utf8')) as { version: string };
  assert.equal(sarif.version, '2.1.0');
  assert.ok(existsSync(join(workspace, 'evidence', 'manifest.json')));
  for (const id of ids) assert.ok(run.summary.includes(id!), `summary lists ${id}`);
  assert.ok(!run.annotations.some((a) => a.level === 'error'));
});

test('malformed catalog YAML fails with an annotation at its line', async () => {
  const workspace = await workspaceWithDogfood();
  const catalog = join(workspace, 'db/catalog/migrations.yaml');
  const lines = (await readFile(catalog, 'utf8')).split('\n');
  lines.splice(5, 0, '  risk: [low');
  await writeFile(catalog, lines.join('\n'));
  const run = await runBundledAction({ actionDir, workspace, inputs: { 'prove-backout': 'false' } });
  assert.equal(run.exitCode, 1);
  const positioned = run.annotations.find(
    (a) => a.level === 'error' && a.file === 'db/catalog/migrations.yaml',
  );
  assert.ok(positioned, JSON.stringify(run.annotations));
  assert.ok(positioned.line! >= 6, `line ${positioned.line}`);
});

test('a risky statement declared low risk is an error at the SQL line, showing both risks', async () => {
  const workspace = await workspaceWithDogfood();
  const up = join(workspace, 'db/migrations/2026-11-01-001-add-user-phone.up.sql');
  const sql = await readFile(up, 'utf8');
  await writeFile(up, `${sql.trimEnd()}\nCREATE INDEX users_phone_idx ON users (phone);\n`);
  const lineOfIndex = sql.trimEnd().split('\n').length + 1;
  const run = await runBundledAction({ actionDir, workspace, inputs: { 'prove-backout': 'false' } });
  assert.equal(run.exitCode, 1);
  const atSql = run.annotations.filter(
    (a) => a.file === 'db/migrations/2026-11-01-001-add-user-phone.up.sql' && a.line === lineOfIndex,
  );
  assert.ok(atSql.length > 0, JSON.stringify(run.annotations, null, 1));
  const understated = run.annotations.filter((a) => a.title === 'risk-understated');
  assert.deepEqual(
    understated.map((a) => [a.level, a.file]),
    [['error', 'db/catalog/migrations.yaml']],
    JSON.stringify(run.annotations, null, 1),
  );
  assert.match(
    understated[0]!.message,
    /'2026-11-01-001-add-user-phone' declares risk low but the SQL is medium risk \(create-index-not-concurrent at db\/migrations\/2026-11-01-001-add-user-phone\.up\.sql:\d+/,
  );
  assert.notEqual(run.outputs['violations'], '0');
});

test('an unreachable database is named by host:port; its password is printed nowhere', async () => {
  const workspace = await workspaceWithDogfood();
  const password = `pw-${Math.random().toString(36).slice(2)}-secret`;
  const run = await runBundledAction({
    actionDir,
    workspace,
    inputs: { 'database-url': `postgres://gate:${password}@127.0.0.1:9/gate` },
  });
  assert.equal(run.exitCode, 1);
  assert.ok(
    run.annotations.some((a) => a.level === 'error' && a.message.includes('127.0.0.1:9')),
    JSON.stringify(run.annotations),
  );
  assertNoLeak(run, [password]);
});

test('a migrations directory that does not exist is a clear error', async () => {
  const workspace = await workspaceWithDogfood();
  const run = await runBundledAction({
    actionDir,
    workspace,
    inputs: { 'migrations-dir': 'db/nope', 'prove-backout': 'false' },
  });
  assert.equal(run.exitCode, 1);
  assert.ok(
    run.annotations.some((a) => a.level === 'error' && a.message.includes('db/nope')),
    JSON.stringify(run.annotations),
  );
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
      inputs: { 'prove-backout': 'false' },
    });
    assert.equal(run.exitCode, 1);
    const creates = api.requests.filter(
      (r) => r.method === 'POST' && r.path === '/repos/summit-ops/demo/check-runs',
    );
    assert.equal(creates.length, 1, JSON.stringify(api.requests.map((r) => `${r.method} ${r.path}`)));
    const body = creates[0]!.body as {
      head_sha: string;
      conclusion: string;
      output: { annotations: Array<{ path: string; start_line: number }> };
    };
    assert.equal(body.head_sha, '9'.repeat(40));
    assert.equal(body.conclusion, 'failure');
    assert.ok(
      body.output.annotations.some((a) => a.path === 'db/migrations/2026-11-01-001-add-user-phone.up.sql'),
    );
    assertNoLeak(run, [token]);
    assert.ok(!JSON.stringify(api.requests.map((r) => r.body)).includes(token));
  } finally {
    await api.close();
  }
});
