/**
 * The audit log under concurrent writers and crashes, with real processes:
 * - 50 decisions at once, each the committed bundle run as the runner does: every run that
 *   reported a record finds it in the log, the chain verifies, and nothing else is in the folder;
 * - 80 writers SIGKILLed at random moments mid-append: the log still verifies, every record a
 *   writer reported is in it, no temporary file is in the committed folder, and the next writer
 *   recovers the dead writer's lock at once.
 */
import { expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCleanup } from '../../../test/support/cleanup.ts';
import { REPO_ROOT, runBundledAction } from '../../../test/e2e/harness.ts';
import { appendRecord, sha256Hex, verifyLog, type AuditRecord } from '../src/audit.ts';
import { scratchFolder } from '../src/audit-lock.ts';

const actionDir = join(REPO_ROOT, 'actions', 'reason-for-access');
const LOG = '.summit-ops-audit/reason-for-access.jsonl';
const POLICY = `version: 1
roles:
  captain:
    users: [octocat]
environments:
  prod:
    deploy:
      roles: [captain]
`;

const lineDigests = (text: string) =>
  new Set(
    text
      .split('\n')
      .filter((l) => l !== '')
      .map(sha256Hex),
  );

test('50 decisions at once: every reported record is in the log and the chain verifies', async () => {
  const workspace = await mkdtemp(join(tmpdir(), 'rfa-concurrent-'));
  onCleanup(() => rm(workspace, { recursive: true, force: true }));
  const { writeFile, mkdir } = await import('node:fs/promises');
  await mkdir(join(workspace, '.summit-ops'), { recursive: true });
  await writeFile(join(workspace, '.summit-ops', 'access.yml'), POLICY);
  const cache = await mkdtemp(join(tmpdir(), 'rfa-compile-cache-'));
  onCleanup(() => rm(cache, { recursive: true, force: true }));
  const runs = await Promise.all(
    Array.from({ length: 50 }, (_, i) => {
      const reason = `CHG-${3000 + i} concurrent promotion number ${i}`;
      return runBundledAction({
        actionDir,
        workspace,
        event: {
          name: 'workflow_dispatch',
          payload: {
            inputs: { reason, environment: 'prod' },
            ref: 'refs/heads/main',
            repository: {
              full_name: 'summit-ops/demo',
              name: 'demo',
              owner: { login: 'summit-ops' },
              default_branch: 'main',
              private: false,
            },
            sender: { login: 'octocat' },
          },
        },
        inputs: { reason, environment: 'prod', attest: 'false', 'access-policy': '.summit-ops/access.yml' },
        // V8's code cache: fifty cold parses of the 3.7 MB bundle would dominate the run time.
        env: { NODE_COMPILE_CACHE: cache },
        timeoutMs: 240_000,
      });
    }),
  );
  const text = await readFile(join(workspace, LOG), 'utf8');
  const verified = verifyLog(text);
  expect(verified.ok).toBe(true);
  const inLog = lineDigests(text);
  const reported = runs.map((r) => r.outputs['record-digest'] ?? '').filter((d) => d !== '');
  const decisions = runs.map((r) => r.outputs['decision']);
  expect(decisions.filter((d) => d === 'allow').length).toBe(50);
  expect(reported.length).toBe(50);
  expect(reported.filter((d) => !inLog.has(d))).toStrictEqual([]);
  expect(verified.records).toBe(50);
  expect(await readdir(join(workspace, '.summit-ops-audit'))).toStrictEqual(['reason-for-access.jsonl']);
}, 300_000);

const appendLoop = fileURLToPath(new URL('./fixtures/append-loop.ts', import.meta.url));

/** Starts a writer, kills it with SIGKILL `afterMs` after its first record; returns what it reported. */
function killedWriter(log: string, afterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [appendLoop, log], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      timer ??= setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL')
        reject(new Error(`writer exited with ${code ?? signal}: ${err.slice(0, 500)}`));
      // Only complete lines were reported: a digest cut off by the kill is not a claim.
      else resolve(out.split('\n').filter((l) => /^[0-9a-f]{64}$/.test(l)));
    });
  });
}

test('80 writers killed mid-append leave a verifiable log, every reported record, and no stray file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rfa-kill-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  const log = join(dir, '.summit-ops-audit', 'log.jsonl');
  const reported: string[] = [];
  const parallel = 8;
  let started = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (started < 80) {
        started++;
        reported.push(...(await killedWriter(log, Math.random() * 40)));
      }
    }),
  );
  expect(started).toBe(80);
  const text = await readFile(log, 'utf8');
  expect(verifyLog(text).ok).toBe(true);
  const inLog = lineDigests(text);
  expect(reported.length).toBeGreaterThan(0);
  expect(reported.filter((d) => !inLog.has(d))).toStrictEqual([]);
  expect(await readdir(join(dir, '.summit-ops-audit'))).toStrictEqual(['log.jsonl']);
  // The last writer's lock (its owner is dead) does not block the next one.
  const { v, seq, prev, ...fields } = JSON.parse(text.trim().split('\n').at(-1)!) as AuditRecord;
  expect([v, seq > 0, prev.length]).toStrictEqual([1, true, 64]);
  await appendRecord(log, fields, { waitMs: 2_000 });
  expect(verifyLog(await readFile(log, 'utf8')).records).toBe(verifyLog(text).records + 1);
  expect(await readdir(scratchFolder(log))).toStrictEqual([]);
}, 180_000);
