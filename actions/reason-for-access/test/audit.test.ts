import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
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
  assert.equal(
    canonicalJson({ b: 1, a: [{ d: true, c: null }], é: 'x', A: undefined }),
    '{"a":[{"c":null,"d":true}],"b":1,"é":"x"}',
  );
  assert.throws(() => canonicalJson({ n: Number.NaN }), /non-finite/);
  assert.throws(() => canonicalJson({ f: () => 1 }), /cannot hold a function/);
});

test('appendRecord writes a chained log through the file system that verifies', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rfa-audit-'));
  const path = join(dir, 'nested', 'audit.jsonl');
  const first = await appendRecord(path, fields(1));
  const second = await appendRecord(path, fields(2));
  const text = await readFile(path, 'utf8');
  const [l1, l2] = lines(text);
  assert.equal(first.record.prev, GENESIS);
  assert.equal(first.record.seq, 1);
  assert.equal(second.record.seq, 2);
  assert.equal(JSON.parse(l2!).prev, sha(l1!), 'prev is the sha256 of the previous line as written');
  assert.equal(second.digest, sha(l2!));
  assert.equal(JSON.parse(l1!).reason, fields(1).reason, 'the reason is stored verbatim as data');
  assert.deepEqual(verifyLog(text), { ok: true, records: 2, head: sha(l2!) });
});

test('appending after a file cut off mid-line starts a new line (and the break is reported)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rfa-audit-'));
  const path = join(dir, 'audit.jsonl');
  const log = buildLog(2);
  await writeFile(path, log.slice(0, -20));
  await appendRecord(path, fields(3));
  const text = await readFile(path, 'utf8');
  assert.equal(lines(text).length, 3);
  const result = verifyLog(text);
  assert.equal(result.broken?.kind, 'invalid-json');
  assert.equal(result.broken?.line, 2);
});

test('an empty log verifies with the genesis head', () => {
  assert.deepEqual(verifyLog(''), { ok: true, records: 0, head: GENESIS });
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
    assert.equal(verifyLog(log).ok, true);
    const result = verifyLog(join_(tamper(lines(log))));
    assert.equal(result.ok, false);
    assert.equal(result.broken?.kind, expected.kind, result.broken?.message);
    assert.equal(result.broken?.line, expected.line);
    assert.equal(result.broken?.record, expected.record);
    assert.match(result.broken!.message, expected.message);
  });
}

test('a cut-off or edited tail is only caught against an expected head, and then it is', () => {
  const log = buildLog(5);
  const head = verifyLog(log).head;
  const cut = join_(lines(log).slice(0, 4));
  assert.equal(verifyLog(cut).ok, true, 'the chain alone cannot see a removed last record');
  const r = verifyLog(cut, { expectedHead: head });
  assert.equal(r.ok, false);
  assert.equal(r.broken?.kind, 'head-mismatch');
  const editedLast = join_(lines(log).map((l, i) => (i === 4 ? l.replace('INC005', 'INC006') : l)));
  assert.equal(verifyLog(editedLast, { expectedHead: head }).broken?.kind, 'head-mismatch');
  assert.equal(verifyLog(log, { expectedHead: head }).ok, true);
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
  const path = join(dir, 'log.jsonl');
  const first = await appendRecord(path, fields(1));
  const stale = nextRecord('', fields(2)); // chained onto an empty log, but record 1 exists now
  await assert.rejects(
    commitRecordLine(path, '', stale.line),
    /the audit log changed while this decision was made/,
  );
  assert.equal(await readFile(path, 'utf8'), `${first.line}\n`);
  const next = nextRecord(`${first.line}\n`, fields(2));
  await commitRecordLine(path, `${first.line}\n`, next.line);
  assert.equal(verifyLog(await readFile(path, 'utf8')).records, 2);
  assert.deepEqual(await readdir(dir), ['log.jsonl'], 'no temporary file is left behind');
});

test('writeFileAtomic replaces the file whole and cleans up when it cannot', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rfa-atomic-'));
  const path = join(dir, 'a.txt');
  await writeFileAtomic(path, 'one\n');
  await writeFileAtomic(path, 'two\n');
  assert.equal(await readFile(path, 'utf8'), 'two\n');
  // The target is a directory: the rename fails, and the temporary file must not stay behind.
  const { mkdir } = await import('node:fs/promises');
  await mkdir(join(dir, 'sub'));
  await assert.rejects(writeFileAtomic(join(dir, 'sub'), 'x'));
  assert.deepEqual((await readdir(dir)).sort(), ['a.txt', 'sub']);
});
