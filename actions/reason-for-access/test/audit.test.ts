import { expect, test } from '@jest/globals';

import { mkdir, mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  appendRecord,
  commitRecordLine,
  writeFileAtomic,
  canonicalJson,
  GENESIS,
  nextRecord,
  verifyLog,
  type AuditFields,
} from '../src/audit.ts';
import { LockTimeout, scratchFolder, withLogLock } from '../src/audit-lock.ts';
import { rejectionOf } from '../../../test/support/errors.ts';
import { runOk } from '../../../test/support/run.ts';

function fields(i: number): AuditFields {
  return {
    timestamp: new Date(Date.UTC(2026, 10, 11, 10, i)).toISOString(),
    kind: 'deploy',
    actor: ['alice', 'bob', 'carol'][i % 3]!,
    triggeringActor: ['alice', 'bob', 'carol'][i % 3]!,
    reason: `Ship fix for INC00${i} $(not executed) "quoted" \u00e9`,
    tickets: [`INC00${i}`],
    environment: 'prod',
    repository: 'acme/app',
    ref: 'refs/heads/main',
    sha: String(i).repeat(40).slice(0, 40),
    runUrl: `https://github.com/acme/app/actions/runs/${100 + i}`,
    policy: { source: 'built-in', digest: 'f'.repeat(64) },
    decision: i % 2 ? 'allow' : 'deny',
    decidedBy: i % 2 ? 'all 9 rules passed' : 'roles: nope',
    reasons: [{ rule: 'roles', ok: i % 2 === 1, detail: 'x' }],
    dryRun: false,
  };
}

function buildLog(n: number): string {
  let text = '';
  for (let i = 1; i <= n; i++) text += `${nextRecord(text, fields(i)).line}\n`;
  return text;
}
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const lines = (text: string) => text.trimEnd().split('\n');
const join_ = (ls: string[]) => `${ls.join('\n')}\n`;

test('canonical JSON sorts keys at every depth, has no spaces, and rejects what JSON cannot hold', () => {
  expect(canonicalJson({ b: 1, a: [{ d: true, c: null }], é: 'x', A: undefined })).toBe(
    '{"a":[{"c":null,"d":true}],"b":1,"é":"x"}',
  );
  expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
  expect(() => canonicalJson({ f: () => 1 })).toThrow(/cannot hold a function/);
});

test('appendRecord writes a chained log through the file system that verifies', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rfa-audit-'));
  const path = join(dir, 'nested', 'audit.jsonl');
  const first = await appendRecord(path, fields(1));
  const second = await appendRecord(path, fields(2));
  const text = await readFile(path, 'utf8');
  const [l1, l2] = lines(text);
  expect(first.record.prev).toBe(GENESIS);
  expect(first.record.seq).toBe(1);
  expect(second.record.seq).toBe(2);
  expect(JSON.parse(l2!).prev).toBe(sha(l1!));
  expect(second.digest).toBe(sha(l2!));
  expect(JSON.parse(l1!).reason).toBe(fields(1).reason);
  expect(verifyLog(text)).toStrictEqual({ ok: true, records: 2, head: sha(l2!) });
});

test('appending after a file cut off mid-line starts a new line (and the break is reported)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rfa-audit-'));
  const path = join(dir, 'audit.jsonl');
  const log = buildLog(2);
  await writeFile(path, log.slice(0, -20));
  await appendRecord(path, fields(3));
  const text = await readFile(path, 'utf8');
  expect(lines(text).length).toBe(3);
  const result = verifyLog(text);
  expect(result.broken?.kind).toBe('invalid-json');
  expect(result.broken?.line).toBe(2);
});

test('an empty log verifies with the genesis head', () => {
  expect(verifyLog('')).toStrictEqual({ ok: true, records: 0, head: GENESIS });
});

const TAMPER: [
  string,
  (ls: string[]) => string[],
  { kind: string; line: number; record: number; message: RegExp },
][] = [
  [
    'a middle record deleted',
    (ls) => ls.filter((_, i) => i !== 2),
    { kind: 'deleted', line: 3, record: 3, message: /record 3 is missing before record 4; deleted/ },
  ],
  [
    'two records deleted',
    (ls) => ls.filter((_, i) => i !== 1 && i !== 2),
    { kind: 'deleted', line: 2, record: 2, message: /records 2-3 are missing/ },
  ],
  [
    'the first record deleted',
    (ls) => ls.slice(1),
    { kind: 'deleted', line: 1, record: 1, message: /record 1 is missing/ },
  ],
  [
    'two records swapped',
    (ls) => [ls[0]!, ls[2]!, ls[1]!, ls[3]!, ls[4]!],
    {
      kind: 'reordered',
      line: 2,
      record: 2,
      message: /found record 3 where record 2 belongs; records were reordered/,
    },
  ],
  [
    'a record moved to the end',
    (ls) => [ls[0]!, ls[2]!, ls[3]!, ls[4]!, ls[1]!],
    { kind: 'reordered', line: 2, record: 2, message: /reordered/ },
  ],
  [
    'a reason edited, keeping canonical form',
    (ls) => ls.map((l, i) => (i === 2 ? l.replace('INC003', 'INC999') : l)),
    { kind: 'edited', line: 3, record: 3, message: /record 3 was edited/ },
  ],
  [
    'a deny turned into allow',
    (ls) => ls.map((l, i) => (i === 1 ? l.replace('"decision":"deny"', '"decision":"allow"') : l)),
    { kind: 'edited', line: 2, record: 2, message: /record 2 was edited/ },
  ],
  [
    'a record pretty-printed by an editor',
    (ls) =>
      ls.map((l, i) => (i === 3 ? JSON.stringify(JSON.parse(l), null, 0).replace('"v":1', '"v": 1') : l)),
    { kind: 'not-canonical', line: 4, record: 4, message: /not in canonical form/ },
  ],
  [
    'keys reordered',
    (ls) => ls.map((l, i) => (i === 0 ? JSON.stringify({ v: 1, ...JSON.parse(l) }) : l)),
    { kind: 'not-canonical', line: 1, record: 1, message: /record 1 is not in canonical form/ },
  ],
  [
    'a line truncated',
    (ls) => ls.map((l, i) => (i === 1 ? l.slice(0, 50) : l)),
    { kind: 'invalid-json', line: 2, record: 2, message: /not a JSON object/ },
  ],
  [
    'the whole chain re-based on a forged first record',
    (ls) => [canonicalJson({ ...JSON.parse(ls[0]!), prev: 'a'.repeat(64) }), ...ls.slice(1)],
    { kind: 'genesis', line: 1, record: 1, message: /genesis/ },
  ],
  [
    'a record inserted',
    (ls) => [ls[0]!, ls[1]!, nextRecord(join_(ls.slice(0, 2)), fields(9)).line, ...ls.slice(2)],
    { kind: 'reordered', line: 4, record: 4, message: /found record 3 where record 4 belongs/ },
  ],
];

for (const [name, tamper, expected] of TAMPER) {
  test(`verifyLog names the first broken record: ${name}`, () => {
    const log = buildLog(5);
    expect(verifyLog(log).ok).toBe(true);
    const result = verifyLog(join_(tamper(lines(log))));
    expect(result.ok).toBe(false);
    expect(result.broken?.kind).toBe(expected.kind);
    expect(result.broken?.line).toBe(expected.line);
    expect(result.broken?.record).toBe(expected.record);
    expect(result.broken!.message).toMatch(expected.message);
  });
}

test('a cut-off or edited tail is only caught against an expected head, and then it is', () => {
  const log = buildLog(5);
  const head = verifyLog(log).head;
  const cut = join_(lines(log).slice(0, 4));
  expect(verifyLog(cut).ok).toBe(true);
  const r = verifyLog(cut, { expectedHead: head });
  expect(r.ok).toBe(false);
  expect(r.broken?.kind).toBe('head-mismatch');
  const editedLast = join_(lines(log).map((l, i) => (i === 4 ? l.replace('INC005', 'INC006') : l)));
  expect(verifyLog(editedLast, { expectedHead: head }).broken?.kind).toBe('head-mismatch');
  expect(verifyLog(log, { expectedHead: head }).ok).toBe(true);
});

test('property: any single-character change to any record but the last is detected', () => {
  const log = buildLog(4);
  const ls = lines(log);
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 2 }),
      fc.nat(),
      fc.constantFrom('a', '0', '"', '}', ' '),
      (lineIndex, pos, ch) => {
        const line = ls[lineIndex]!;
        const at = pos % line.length;
        if (line[at] === ch) return true;
        const changed = [...ls];
        changed[lineIndex] = line.slice(0, at) + ch + line.slice(at + 1);
        const result = verifyLog(join_(changed));
        return !result.ok && result.broken!.record <= lineIndex + 1;
      },
    ),
    { numRuns: 300 },
  );
});

test('commitRecordLine refuses a log that changed since the record was chained, and leaves it as it was', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rfa-commit-'));
  const path = join(dir, 'logs', 'log.jsonl');
  const first = await appendRecord(path, fields(1));
  const stale = nextRecord('', fields(2)); // chained onto an empty log, but record 1 exists now
  await withLogLock(path, async (lock) => {
    await expect(commitRecordLine(path, '', stale.line, lock)).rejects.toThrow(
      /the audit log changed while this decision was made/,
    );
    expect(await readFile(path, 'utf8')).toBe(`${first.line}\n`);
    const next = nextRecord(`${first.line}\n`, fields(2));
    await commitRecordLine(path, `${first.line}\n`, next.line, lock);
  });
  expect(verifyLog(await readFile(path, 'utf8')).records).toBe(2);
  expect(await readdir(join(dir, 'logs'))).toStrictEqual(['log.jsonl']);
  // The lock and the temporary copies live beside the folder, and nothing is left in it either.
  expect(await readdir(scratchFolder(path))).toStrictEqual([]);
});

test('writeFileAtomic replaces the file whole and cleans up when it cannot', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rfa-atomic-'));
  const path = join(dir, 'out', 'a.txt');
  await withLogLock(path, async (lock) => {
    await writeFileAtomic(path, 'one\n', lock);
    await writeFileAtomic(path, 'two\n', lock);
    expect(await readFile(path, 'utf8')).toBe('two\n');
    // The target is a directory: the rename fails, and the temporary file must not stay behind.
    await mkdir(join(dir, 'out', 'sub'));
    await expect(writeFileAtomic(join(dir, 'out', 'sub'), 'x', lock)).rejects.toThrow();
  });
  expect((await readdir(join(dir, 'out'))).sort()).toStrictEqual(['a.txt', 'sub']);
  expect(await readdir(scratchFolder(path))).toStrictEqual([]);
});

test('a second writer waits for the lock, and one that waits too long is refused with the reason', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rfa-lock-'));
  const path = join(dir, 'audit', 'log.jsonl');
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const order: string[] = [];
  const first = withLogLock(path, async () => {
    order.push('first in');
    await held;
    order.push('first out');
  });
  await new Promise((r) => setTimeout(r, 20));
  const error = await rejectionOf(withLogLock(path, async () => undefined, { waitMs: 150 }));
  expect(error).toBeInstanceOf(LockTimeout);
  expect((error as Error).message).toMatch(/has held the audit-log lock .* waited 0s; retry, or serialise/);
  const second = withLogLock(path, async () => void order.push('second'), { waitMs: 5_000 });
  await new Promise((r) => setTimeout(r, 30));
  release();
  await Promise.all([first, second]);
  expect(order).toStrictEqual(['first in', 'first out', 'second']);
});

test('a lock left by a dead process, a half-written one and an old one are taken over', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rfa-stale-'));
  const path = join(dir, 'audit', 'log.jsonl');
  const lockFile = join(scratchFolder(path), 'log.jsonl.lock');
  await mkdir(scratchFolder(path), { recursive: true });
  // A pid that is certainly not running: a child that has exited.
  const dead = await runOk(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  const owners = [
    JSON.stringify({ token: 'a', pid: Number(dead), host: hostname(), created: Date.now() }),
    JSON.stringify({ token: 'b', pid: process.pid, host: 'elsewhere', created: Date.now() - 3_600_000 }),
  ];
  for (const owner of owners) {
    await writeFile(lockFile, owner);
    await appendRecord(path, fields(1), { waitMs: 2_000 });
  }
  // Half-written (the writer died between creating and filling it) and over a second old.
  await writeFile(lockFile, '{"tok');
  await utimes(lockFile, new Date(Date.now() - 5_000), new Date(Date.now() - 5_000));
  await appendRecord(path, fields(1), { waitMs: 2_000 });
  expect(verifyLog(await readFile(path, 'utf8')).records).toBe(3);
  expect(await readdir(scratchFolder(path))).toStrictEqual([]);
  // A live lock on another host is not stale until staleMs: the writer gives up instead.
  await writeFile(lockFile, JSON.stringify({ token: 'c', pid: 1, host: 'elsewhere', created: Date.now() }));
  await expect(appendRecord(path, fields(1), { waitMs: 100 })).rejects.toThrow(/process 1 on elsewhere/);
});
