/**
 * The main job: orchestration with gates built for the test (pass, fail, crash, lab), the one
 * evidence bundle it writes, and `evidence verify` naming a tampered file, a forged manifest, a
 * foreign key. The real gates run in test/main-job.test.ts.
 */
import { expect, test } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync, createPublicKey } from 'node:crypto';
import { onCleanup } from '../test/support/cleanup.ts';
import { sha256Hex } from '../lib/digest.ts';
import { labsUnavailable, runMainJob, verifyEvidence, type Gate } from './job.ts';
import { REPO_ROOT } from './actions.ts';

async function temp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'main-job-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const gate = (id: string, lab: boolean, run: Gate['run']): Gate => ({ id, title: `${id} title`, lab, run });

function streams() {
  const out: string[] = [];
  return { out, streams: { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t) } };
}

async function job(gates: Gate[], fast = false) {
  const dir = await temp();
  const s = streams();
  const result = await runMainJob(
    {
      root: REPO_ROOT,
      fast,
      env: {},
      evidenceRoot: join(dir, 'evidence'),
      keyFile: join(dir, 'key.pem'),
      gates,
      now: () => new Date('2026-12-04T10:00:00Z'),
    },
    s.streams,
  );
  return { ...result, dir, text: s.out.join('') };
}

test('every gate runs with its own folder; one failure makes the job exit 1; a crash is a failure, not a lost run', async () => {
  const r = await job([
    gate('one', false, async (ctx) => {
      await writeFile(join(ctx.dir, 'report.json'), '{"ok":true}\n');
      ctx.log('detail for the log');
      return { passed: true, note: 'fine' };
    }),
    gate('two', false, async () => ({ passed: false, note: '2 violations' })),
    gate('three', false, async () => {
      throw new Error('boom\nstack');
    }),
  ]);
  expect(r.exitCode).toBe(1);
  expect(r.results.map((x) => [x.gate.id, x.status])).toStrictEqual([
    ['one', 'passed'],
    ['two', 'failed'],
    ['three', 'failed'],
  ]);
  expect(r.results[2]!.note).toBe('crashed: Error: boom');
  expect(await readFile(join(r.bundle, 'one', 'log.txt'), 'utf8')).toBe('detail for the log\n');
  expect(r.text).toMatch(/✗ FAIL\s+two\s+[\d.]+ s\s+2 violations/);
  const index = await readFile(join(r.bundle, 'index.md'), 'utf8');
  expect(index).toContain('| two | failed |');
  expect(index).toContain('## Acceptance evidence');
});

test('--fast skips lab gates (they never run) and the job can still pass', async () => {
  let labRan = false;
  const r = await job(
    [
      gate('check', false, async () => ({ passed: true, note: 'ok' })),
      gate('lab', true, async () => {
        labRan = true;
        return { passed: false, note: 'should not run' };
      }),
    ],
    true,
  );
  expect(labRan).toBe(false);
  expect(r.exitCode).toBe(0);
  expect(r.results.map((x) => x.status)).toStrictEqual(['passed', 'skipped']);
});

test('the bundle verifies; a changed, added or removed file is named; a forged manifest or signature fails', async () => {
  const r = await job([
    gate('g', false, async (ctx) => {
      await writeFile(join(ctx.dir, 'report.md'), '# report\n');
      return { passed: true, note: 'ok' };
    }),
  ]);
  expect((await verifyEvidence(r.bundle)).ok).toBe(true);

  await writeFile(join(r.bundle, 'g', 'report.md'), '# edited\n');
  const edited = await verifyEvidence(r.bundle);
  expect(edited.ok).toBe(false);
  expect(edited.message).toContain('changed: g/report.md');
  await writeFile(join(r.bundle, 'g', 'report.md'), '# report\n');

  await writeFile(join(r.bundle, 'g', 'extra.txt'), 'x');
  expect((await verifyEvidence(r.bundle)).message).toContain('added: g/extra.txt');
  await rm(join(r.bundle, 'g', 'extra.txt'));

  // A consistent but re-written manifest: every digest matches, but the signature no longer does.
  const manifestPath = join(r.bundle, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { files: Array<{ path: string }> };
  await writeFile(manifestPath, `${JSON.stringify(manifest)}\n`);
  const forged = await verifyEvidence(r.bundle);
  expect(forged.ok).toBe(false);
  expect(forged.message).toMatch(/signs manifest sha256 [0-9a-f]{64}, but manifest.json has [0-9a-f]{64}/);
});

test('a signature by another key: valid on its own, refused when the expected key is pinned', async () => {
  const r = await job([gate('g', false, async () => ({ passed: true, note: 'ok' }))]);
  const sigPath = join(r.bundle, 'manifest.sig.json');
  const sig = JSON.parse(await readFile(sigPath, 'utf8')) as { keyFingerprint: string; publicKey: string };
  expect((await verifyEvidence(r.bundle, sig.keyFingerprint)).ok).toBe(true);
  const other = sha256Hex(
    createPublicKey(generateKeyPairSync('ed25519').privateKey).export({ format: 'der', type: 'spki' }),
  );
  const pinned = await verifyEvidence(r.bundle, other);
  expect(pinned.ok).toBe(false);
  expect(pinned.message).toContain(`not the expected ${other}`);
  // Swapping in another public key breaks the signature check.
  const { publicKey } = generateKeyPairSync('ed25519');
  const swapped = { ...sig, publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString() };
  swapped.keyFingerprint = sha256Hex(publicKey.export({ format: 'der', type: 'spki' }));
  await writeFile(sigPath, JSON.stringify(swapped));
  expect((await verifyEvidence(r.bundle)).message).toContain('the signature does not verify');
});

test('the key file is created once, private (0600), and reused', async () => {
  const dir = await temp();
  const keyFile = join(dir, 'k', 'key.pem');
  const options = { root: REPO_ROOT, fast: false, env: {}, evidenceRoot: join(dir, 'ev'), keyFile };
  const gates = [gate('g', false, async () => ({ passed: true, note: 'ok' }))];
  const a = await runMainJob(
    { ...options, gates, now: () => new Date('2026-12-04T10:00:00Z') },
    streams().streams,
  );
  const b = await runMainJob(
    { ...options, gates, now: () => new Date('2026-12-04T10:00:01Z') },
    streams().streams,
  );
  const fp = async (bundle: string) =>
    (JSON.parse(await readFile(join(bundle, 'manifest.sig.json'), 'utf8')) as { keyFingerprint: string })
      .keyFingerprint;
  expect(await fp(a.bundle)).toBe(await fp(b.bundle));
  const { statSync } = await import('node:fs');
  expect(statSync(keyFile).mode & 0o777).toBe(0o600);
});

test('where the labs cannot run (an installed package, a Node without TypeScript) they are skipped, saying why', async () => {
  const dir = await temp();
  const s = streams();
  let labRan = false;
  const r = await runMainJob(
    {
      root: REPO_ROOT,
      fast: false,
      env: {},
      evidenceRoot: join(dir, 'evidence'),
      keyFile: join(dir, 'key.pem'),
      labsUnavailable: () => 'needs a Summit Ops checkout: git clone, npm ci, npm start',
      gates: [
        gate('gate', false, async () => ({ passed: true, note: 'ok' })),
        gate('lab', true, async () => {
          labRan = true;
          return { passed: true, note: 'ran' };
        }),
      ],
    },
    s.streams,
  );
  expect(labRan).toBe(false);
  expect(r.results.map((x) => [x.gate.id, x.status, x.note])).toStrictEqual([
    ['gate', 'passed', 'ok'],
    ['lab', 'skipped', 'lab skipped (needs a Summit Ops checkout: git clone, npm ci, npm start)'],
  ]);
  expect(r.exitCode).toBe(0);
  expect(await readFile(join(r.bundle, 'index.md'), 'utf8')).toContain(
    'The labs were skipped: needs a Summit Ops checkout',
  );
});

test('labsUnavailable: a checkout on a Node that runs TypeScript has them; a folder without their sources does not', async () => {
  expect(labsUnavailable(REPO_ROOT)).toBe(undefined);
  expect(labsUnavailable(await temp())).toMatch(/needs a Summit Ops checkout/);
});

test('a lab whose own component is missing (no prometheus on PATH) is skipped, saying how to get it; the others run', async () => {
  const dir = await temp();
  const s = streams();
  let surgeRan = false;
  const surge = {
    ...gate('keda-surge', true, async () => {
      surgeRan = true;
      return { passed: true, note: 'ran' };
    }),
    unavailable: async () => 'prometheus is not on PATH: apt-get install prometheus, or set PROMETHEUS_BIN',
  };
  const r = await runMainJob(
    {
      root: REPO_ROOT,
      fast: false,
      env: {},
      evidenceRoot: join(dir, 'evidence'),
      keyFile: join(dir, 'key.pem'),
      labsUnavailable: () => undefined,
      gates: [surge, gate('drill', true, async () => ({ passed: true, note: 'ran' }))],
    },
    s.streams,
  );
  expect(surgeRan).toBe(false);
  expect(r.results.map((x) => [x.gate.id, x.status])).toStrictEqual([
    ['keda-surge', 'skipped'],
    ['drill', 'passed'],
  ]);
  expect(r.results[0]!.note).toMatch(/apt-get install prometheus/);
  expect(r.exitCode).toBe(0);
});
