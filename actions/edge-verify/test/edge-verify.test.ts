// edge-verify against a deployment that speaks HTTP like a real one: the tokenize and vault Workers
// in workerd on 127.0.0.1, an origin behind the Worker that echoes what it received. The checks
// pass on the real Workers and fail when the "deployment" is not behind the Worker at all.
import { describe, expect, test } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyEvidenceBundle } from '../../../lib/report/evidence.ts';
import { startEdgeLab, type EdgeLab } from '../../../edge/lab/lab.ts';
import { echoRequest } from '../../../edge/lab/origin.ts';
import { plantedDocument, plantedIn } from '../../../edge/lab/synthetic-pii.ts';
import { keygen } from '../../../edge/scripts/claim.ts';
import { NO_WORKERD } from '../../../edge/test/workerd.ts';
import { onCleanup } from '../../../test/support/cleanup.ts';
import { testUnless } from '../../../test/support/components.ts';
import { expectNoLeak } from '../../../test/support/leak.ts';
import { runDefinition, type Captured } from '../../../test/support/action-run.ts';
import definition from '../src/main.ts';

const it = testUnless(NO_WORKERD);
const SEED = '5150';

async function echoingLab(): Promise<{
  lab: EdgeLab;
  urls: { edge: string; vault: string };
  workspace: string;
}> {
  const lab = await startEdgeLab();
  onCleanup(() => lab.dispose());
  lab.origin.respond = echoRequest;
  const workspace = await mkdtemp(join(tmpdir(), 'edge-verify-'));
  onCleanup(() => rm(workspace, { recursive: true, force: true }));
  return { lab, urls: await lab.urls(), workspace };
}

/** Nothing this run emitted holds a planted value or the signing key. */
function assertClean(run: Captured, lab: EdgeLab): void {
  expect(plantedIn(run.all(), plantedDocument(Number(SEED)).values)).toEqual([]);
  expectNoLeak(run.all(), lab.claimSigningKey, 'the run output');
}

describe('edge-verify against a deployment', () => {
  it('the real Workers pass every check that can run from outside; evidence verifies', async () => {
    const { lab, urls, workspace } = await echoingLab();
    const run = await runDefinition(
      definition,
      {
        'deployment-url': urls.edge,
        'echo-path': '/anything',
        'vault-url': urls.vault,
        'claim-signing-key': lab.claimSigningKey,
        'claim-kid': 'lab',
        seed: SEED,
      },
      workspace,
    );
    expect({ verdict: run.outputs['verdict'], failure: run.failure }).toEqual({
      verdict: 'pass',
      failure: undefined,
    });
    // Everything but the Workers' own logs, which a deployment keeps in Workers Logs.
    expect(run.outputs).toMatchObject({ passed: '11', failed: '0', skipped: '1' });
    expect(run.annotations).toEqual([
      expect.stringMatching(/^warning: worker logs hold counts and token prefixes only: not run/),
    ]);
    // The origin behind the Worker really got the tokens the runbook saw, and the planted values never.
    const originText = lab.origin.received.map((r) => r.body.toString('utf8')).join('\n');
    expect(originText).toMatch(/tok_email_v1_/);
    expect(plantedIn(originText, plantedDocument(Number(SEED)).values)).toEqual([]);
    const evidence = run.outputs['evidence-dir']!;
    expect((await verifyEvidenceBundle(evidence)).ok).toBe(true);
    const chain = JSON.parse(await readFile(join(evidence, 'vault-attestations.json'), 'utf8')) as {
      records: unknown[];
    };
    expect(chain.records.length).toBe(13);
    for (const file of ['origin-received.txt', 'vault-mapping.json', 'vault-audit.json', 'report.md'])
      expect(
        plantedIn(await readFile(join(evidence, file), 'utf8'), plantedDocument(Number(SEED)).values),
      ).toEqual([]);
    expect(run.summary).toContain('| origin never saw a planted value | PASS |');
    assertClean(run, lab);
  }, 60_000);

  it('a route that is not behind the Worker fails: the origin saw PII, nothing was refused', async () => {
    const { lab, urls, workspace } = await echoingLab();
    const run = await runDefinition(
      definition,
      {
        // Straight to the origin: what a misrouted deployment (Worker route missing) looks like.
        'deployment-url': lab.origin.url,
        'echo-path': '/anything',
        'vault-url': urls.vault,
        'claim-signing-key': lab.claimSigningKey,
        'claim-kid': 'lab',
        seed: SEED,
      },
      workspace,
    );
    expect(run.outputs['verdict']).toBe('fail');
    expect(run.exitCode).toBe(1);
    expect(run.failure).toMatch(
      /^PII tokenization verification failed: origin sees tok_\* tokens; origin never saw a planted value; refused: PII in the query string/,
    );
    expect(run.annotations).toContainEqual(expect.stringMatching(/^error: planted values found: #0, #1, #2/));
    // The failing run still prints no planted value: the origin's echo is redacted everywhere.
    assertClean(run, lab);
    expect((await verifyEvidenceBundle(run.outputs['evidence-dir']!)).ok).toBe(true);
  }, 60_000);

  it('a signing key the vault does not trust: every vault check fails with the status it got', async () => {
    const { urls, lab, workspace } = await echoingLab();
    const stranger = await keygen('lab');
    const run = await runDefinition(
      definition,
      {
        'deployment-url': urls.edge,
        'echo-path': '/anything',
        'vault-url': urls.vault,
        'claim-signing-key': stranger.privateKey,
        'claim-kid': 'lab',
        seed: SEED,
      },
      workspace,
    );
    expect(run.outputs).toMatchObject({ verdict: 'fail', passed: '7' });
    expect(run.annotations).toContainEqual(expect.stringMatching(/^error: HTTP 401; 0 tokens resolved/));
    assertClean(run, lab);
    expectNoLeak(run.all(), stranger.privateKey, 'the run output');
  }, 60_000);

  it('without the vault: refused by default, skipped (and said) with require-vault false', async () => {
    const { lab, urls, workspace } = await echoingLab();
    const base = { 'deployment-url': urls.edge, 'echo-path': '/anything', seed: SEED };
    const refused = await runDefinition(definition, base, workspace);
    expect(refused.exitCode).toBe(2);
    expect(refused.failure).toMatch(/vault-url.*is not set, so the vault checks cannot run/);
    expect(lab.origin.received).toEqual([]);

    const run = await runDefinition(definition, { ...base, 'require-vault': 'false' }, workspace);
    expect(run.outputs).toMatchObject({ verdict: 'pass', passed: '7', skipped: '5' });
    expect(run.annotations).toEqual([
      expect.stringMatching(/^warning: vault maps tokens back .*: not run \(no vault to ask/),
      expect.stringMatching(/^warning: worker logs/),
    ]);
    assertClean(run, lab);
  }, 60_000);
});

describe('edge-verify inputs', () => {
  const workspace = tmpdir();
  test.each([
    [{ 'deployment-url': 'not a url' }, /deployment-url': not a URL \(value not shown/],
    [{ 'deployment-url': 'ftp://edge.example' }, /deployment-url': scheme 'ftp:' is not supported/],
    [{ 'deployment-url': 'https://ops:hunter2hunter2@edge.example' }, /deployment-url.*holds credentials/],
    [{ 'echo-path': 'anything' }, /echo-path/],
    [{ 'request-timeout': 'soon' }, /request-timeout.*'soon' is not a duration/],
    [{ seed: '-1' }, /seed/],
  ])('%j is refused before any request', async (bad, message) => {
    const run = await runDefinition(
      definition,
      {
        'deployment-url': 'https://edge.example',
        'echo-path': '/anything',
        'require-vault': 'false',
        ...bad,
      },
      workspace,
    );
    expect(run.exitCode).toBe(2); // a usage error, as for every action's bad input
    expect(run.failure).toMatch(message);
    expect(run.all()).not.toContain('hunter2hunter2');
  });
});
