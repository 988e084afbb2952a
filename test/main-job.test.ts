/**
 * `npm start --fast` as a newcomer runs it: the real gates on this repository with embedded
 * defaults pass, and the one evidence bundle they leave verifies. (The labs have their own tests:
 * lab/scaling, edge/test.)
 */
import { expect, test } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './support/cleanup.ts';
import { REPO_ROOT } from '../cli/actions.ts';
import { runMainJob, verifyEvidence } from '../cli/job.ts';

test('the main job with --fast passes on this repository and its bundle verifies', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'main-job-real-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  const out: string[] = [];
  const r = await runMainJob(
    { root: REPO_ROOT, fast: true, env: {}, evidenceRoot: join(dir, 'ev'), keyFile: join(dir, 'key.pem') },
    { out: (t) => void out.push(t), err: (t) => void out.push(t) },
  );
  expect(r.results.filter((x) => x.status === 'failed').map((x) => `${x.gate.id}: ${x.note}`)).toStrictEqual(
    [],
  );
  expect(r.exitCode).toBe(0);
  expect(r.results.map((x) => x.gate.id)).toEqual(
    expect.arrayContaining(['catalog-gate', 'dlp-scan', 'keda-verify', 'reason-for-access']),
  );
  const index = await readFile(join(r.bundle, 'index.md'), 'utf8');
  expect(index).toContain('| catalog-gate | passed |');
  expect((await verifyEvidence(r.bundle)).ok).toBe(true);
}, 180_000);
