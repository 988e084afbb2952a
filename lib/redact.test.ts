import { expect, test } from '@jest/globals';

import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { maskedPreview, MASK, Redactor } from './redact.ts';
import { execute, MAX_ERROR_LENGTH, type Sink } from './runtime.ts';
import { failSafely } from './runner.ts';
import { defineAction } from './action.ts';
import { str } from './inputs.ts';
import { buildSarif } from './report/sarif.ts';
import { writeEvidenceBundle } from './report/evidence.ts';
import { bulletList, inlineCode, paragraph, table } from './report/summary.ts';
import { expectNoLeak } from '../test/support/leak.ts';
import { StringSet } from './aho-corasick.ts';

test('registered values are masked with their encoded forms', () => {
  const r = new Redactor();
  r.addSecret('pa"ss word/1');
  expect(r.redact('x pa"ss word/1 y')).toBe(`x ${MASK} y`);
  expect(r.redact(JSON.stringify({ v: 'pa"ss word/1' }))).toBe(`{"v":"${MASK}"}`);
  expect(r.redact(`u?p=${encodeURIComponent('pa"ss word/1')}`)).toBe(`u?p=${MASK}`);
});

test('a URL with credentials: the URL, its user and its password alone, raw and decoded, are masked', () => {
  const password = `p@ss/${Math.random().toString(36).slice(2, 10)}`;
  const url = new URL(`postgres://gate_admin:${encodeURIComponent(password)}@db.internal:5432/app`);
  const r = new Redactor();
  r.addUrlCredentials(url);
  const text = `${url.href}: connect to db.internal:5432 failed: password authentication failed for user "gate_admin" (${password})`;
  const out = r.redact(text);
  expectNoLeak(out, [password, encodeURIComponent(password), 'gate_admin'], 'the redacted message');
  expect(out).toBe(
    `${MASK}: connect to db.internal:5432 failed: password authentication failed for user "${MASK}" (${MASK})`,
  );
  // A password that is not valid percent-encoding is masked raw, and registering it does not throw.
  const odd = new URL('https://ops:%E0%A4%Axyz@push.example/');
  const r2 = new Redactor();
  expect(() => r2.addUrlCredentials(odd)).not.toThrow();
  expect(r2.redact('bad password %E0%A4%Axyz')).toBe(`bad password ${MASK}`);
});

test('short values are not registered (masking "10" everywhere would destroy output)', () => {
  const r = new Redactor();
  r.addSecret('10');
  expect(r.redact('retry in 10 s')).toBe('retry in 10 s');
});

test('a secret escaped for markdown or HTML is masked in that form too', () => {
  const r = new Redactor();
  r.addSecret('tok_abc*def<ghi>');
  const summary = table(['k'], [['tok_abc*def<ghi>']]) + paragraph('tok_abc*def<ghi>');
  expect(summary).not.toContain('tok_abc');
  expect(r.redact(summary)).not.toContain('abc');
});

test('credential shapes are masked even when nobody registered them', () => {
  const r = new Redactor();
  const token = 'ghp_' + 'A1b2C3'.repeat(6);
  const awsId = 'AKIA' + 'ABCDEFGHIJKLMNOP';
  expect(r.redact(`t=${token} k=${awsId}`)).toBe(`t=${MASK} k=${MASK}`);
  expect(r.redact('postgres://app:s3cr3t-pw@db.internal:5432/app')).toBe(
    `postgres://${MASK}@db.internal:5432/app`,
  );
});

test('a readable path keeps a value that equals or sits inside it; the value is masked everywhere else', () => {
  const r = new Redactor();
  const value = 'Zq8vB3nK1xWp7Rt2';
  r.addSecret(value);
  r.addReadable(`deploy/${value}`);
  r.addReadable(`key store/${value}.pem`);
  expect(r.redact(`deploy/${value}:3: api key = ${value}`)).toBe(`deploy/${value}:3: api key = ${MASK}`);
  expect(r.redact(`key store/${value}.pem:1 ${value}`)).toBe(`key store/${value}.pem:1 ${MASK}`);
  // The forms a path takes in outputs: a summary table cell, JSON, a SARIF artifact URI.
  expect(r.redact(table(['file'], [[`key store/${value}.pem`]]))).toContain(value);
  expect(r.redact(JSON.stringify({ File: `deploy/${value}` }))).toBe(
    JSON.stringify({ File: `deploy/${value}` }),
  );
  expect(r.redact(`"uri": "key%20store/${value}.pem"`)).toContain(value);
  // Only the whole path protects: the value after another directory, or a mask reaching past the
  // path's end, is masked.
  expect(r.redact(`other/${value}`)).toBe(`other/${MASK}`);
  r.addSecret(`${value}-suffix`);
  expect(r.redact(`deploy/${value}-suffix`)).toBe(`deploy/${MASK}`);
  // Shapes the redactor knows by itself stay readable inside a registered path too: it is a location.
  const awsId = 'AKIA' + 'ABCDEFGHIJKLMNOP';
  r.addReadable(`fixtures/${awsId}.json`);
  expect(r.redact(`fixtures/${awsId}.json has ${awsId}`)).toBe(`fixtures/${awsId}.json has ${MASK}`);
});

test('readable paths keep redaction linear: 20,000 masks and 20,000 path occurrences', () => {
  const r = new Redactor();
  const values = Array.from({ length: 200 }, (_, i) => `val${String(i).padStart(5, '0')}xq`);
  for (const v of values) {
    r.addSecret(v);
    r.addReadable(`p/${v}`);
  }
  const text = Array.from({ length: 20_000 }, (_, i) => `p/${values[i % 200]} ${values[(i * 7) % 200]}`).join(
    '\n',
  );
  const started = performance.now();
  const out = r.redact(text);
  expect(performance.now() - started).toBeLessThan(2000);
  expect(out.split('\n')[1]).toBe(`p/${values[1]} ${MASK}`);
});

test('a multi-line secret is masked line by line too', () => {
  const r = new Redactor();
  const key = [
    '-----BEGIN OPENSSH PRIVATE KEY-----',
    'b3BlbnNzaC1rZXktdjEAAAAABG5vbmU',
    '-----END OPENSSH PRIVATE KEY-----',
  ].join('\n');
  r.addSecret(key);
  expect(r.redact('line: b3BlbnNzaC1rZXktdjEAAAAABG5vbmU')).not.toContain('b3BlbnNzaC1rZXktdjEAAAAABG5vbmU');
});

test('redactDeep masks keys and nested values', () => {
  const r = new Redactor();
  r.addSecret('s3cr3t-value');
  expect(r.redactDeep({ a: ['x s3cr3t-value'], 's3cr3t-value': 1, n: 5 })).toStrictEqual({
    a: [`x ${MASK}`],
    [MASK]: 1,
    n: 5,
  });
});

test('maskedPreview shows the first characters and the length only', () => {
  expect(maskedPreview('AKIAABCDEFGHIJKLMNOP')).toBe('AKIA…(20)');
  expect(maskedPreview('12345678')).toBe('…(8)');
});

// Secrets as they look in practice (token alphabets) plus every character some output format
// escapes: markdown (_ * [ ] | ~ \ `), HTML (& < >), workflow commands (% : , newline), non-ASCII.
const secretArb = fc
  .stringMatching(/^[A-Za-z0-9_\-+/=.*&<>|%:,~[\]\\`é\n]{8,40}$/)
  .filter((s) => s.trim().length >= 8);
const noiseArb = fc.string({ maxLength: 40 });

class CapturingSink implements Sink {
  readonly texts: string[] = [];
  info = (m: string) => void this.texts.push(m);
  debug = (m: string) => void this.texts.push(m);
  annotate = (a: object) => void this.texts.push(JSON.stringify(a));
  setOutput = (name: string, value: string) => void this.texts.push(`${name}=${value}`);
  writeSummary = async (markdown: string) => void this.texts.push(markdown);
  fail = (m: string) => void this.texts.push(m);
}

test('property: no planted secret survives into any output format', async () => {
  await fc.assert(
    fc.asyncProperty(secretArb, noiseArb, noiseArb, async (secret, before, after) => {
      const planted = `${before}${secret}${after}`;
      const leaky = defineAction({
        name: 'leaky',
        inputs: { token: str({ secret: true }) },
        async run(_inputs, context) {
          context.log.info(`using ${planted}`);
          context.log.debug(planted);
          context.log.warning(planted);
          return {
            outputs: { value: planted, [secret]: 'x' },
            annotations: [
              { level: 'error', message: planted, title: planted, file: `src/${secret}.ts`, line: 1 },
            ],
            // Through the real builder, which escapes before the runtime redacts.
            summary: [
              table(['k', 'v'], [['token', planted]]),
              paragraph(planted),
              bulletList([planted]),
              inlineCode(planted),
            ].join('\n\n'),
            failure: `failed with ${planted}`,
          };
        },
      });
      const sink = new CapturingSink();
      await execute(leaky, (name) => (name === 'token' ? secret : undefined), sink, { env: {} });

      const redactor = new Redactor();
      redactor.addSecret(secret);
      const sarif = JSON.stringify(
        buildSarif(
          {
            toolName: 'prop',
            rules: [{ id: 'r1', shortDescription: planted, defaultLevel: 'error' }],
            findings: [
              {
                ruleId: 'r1',
                level: 'error',
                message: planted,
                location: { file: `src/${secret}.ts`, line: 1 },
                properties: { raw: planted },
              },
            ],
          },
          redactor,
        ),
      );
      const dir = await mkdtemp(join(tmpdir(), 'redact-prop-'));
      await writeEvidenceBundle(
        dir,
        {
          report: { value: planted, [secret]: [planted] },
          markdown: planted,
          files: [{ name: 'extra.txt', content: planted }],
        },
        redactor,
      );
      const evidence = await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), 'utf8')));

      for (const text of [...sink.texts, sarif, ...evidence]) {
        if (text.includes(secret)) return false;
      }
      return true;
    }),
    { numRuns: 60 },
  );
});

/** A synthetic PEM key of about `bytes` bytes: random base64 lines, never a real key. */
function syntheticPem(bytes: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    let line = '';
    for (let i = 0; i < 64; i++) line += alphabet[Math.floor(Math.random() * 64)];
    lines.push(line);
    size += 65;
  }
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----`;
}

test('a 32 KB private key registers and is masked in every form (no RegExp is built from values)', () => {
  const r = new Redactor();
  const key = syntheticPem(32 * 1024);
  r.addSecret(key);
  const out = r.redact(`before ${key} mid ${JSON.stringify(key)} after\n${key.split('\n')[7]!}`);
  expectNoLeak(out, [key, ...key.split('\n').slice(1, -1)], 'the redacted text');
  expect(out).toBe(`before ${MASK} mid "${MASK}" after\n${MASK}`);
});

test('a 1 MiB value and 1,000 registered values mask as exact strings, metacharacters included', () => {
  const r = new Redactor();
  const huge = 'q(+*?'.repeat(200_000) + 'END';
  r.addSecret(huge);
  const many = Array.from({ length: 1000 }, (_, i) => `v${i}.*[${i}]`);
  for (const value of many) r.addSecret(value);
  const text = `a ${huge} b ${many[999]!} c ${many[0]!}`;
  expect(r.redact(text)).toBe(`a ${MASK} b ${MASK} c ${MASK}`);
  // A metacharacter in a value matches only itself.
  expect(r.redact('v1xx[1]')).toBe('v1xx[1]');
});

test('overlapping registered values are masked as one span, leaving no tail visible', () => {
  const r = new Redactor();
  r.addSecret('abcdefgh');
  r.addSecret('efghijkl');
  expect(r.redact('x abcdefghijkl y')).toBe(`x ${MASK} y`);
});

test.each([
  [
    '68 KB after a Bearer keyword',
    'Authorization: Bearer ' + 'A'.repeat(68 * 1024) + ' end',
    `Authorization: Bearer ${MASK} end`,
  ],
  ['Bearer words and whitespace runs', ('Bearer ' + ' '.repeat(100)).repeat(600), undefined],
  ['1 MB of repeated JWT headers', 'eyJhbGciOiJIUzI1NiJ9.'.repeat(50_000), undefined],
  ['JWT anchors inside one long run', 'eyJ-'.repeat(100_000), 'eyJ-'.repeat(100_000)],
  ['PEM headers without a footer', '-----BEGIN RSA PRIVATE KEY-----\n'.repeat(10_000), undefined],
  ['scheme separators without userinfo', 'https://'.repeat(50_000) + 'a:b@c', undefined],
])(
  'built-in shapes stay linear on hostile input: %s',
  (_name, text, expected) => {
    const out = new Redactor().redact(text);
    if (expected !== undefined) expect(out).toBe(expected);
    else expect(out.length).toBeLessThanOrEqual(text.length);
  },
  10_000,
);

test.each([
  ['a GitHub token after markdown escaping', 'ghp\\_' + 'A1b2C3'.repeat(6), MASK],
  ['a fine-grained PAT', 'github_pat_' + '11ABCDEFG0abcdefghijkl_' + 'Z9'.repeat(30), MASK],
  ['a Slack refresh token', 'xoxe.xoxp-1-' + 'Mi0yLTExMTE'.repeat(3), MASK],
  ['an AWS key id with an ABIA prefix', 'ABIA' + 'QWERTYUIOPASDFGH', MASK],
  ['a GitLab token', 'glpat-' + 'x1Y2z3W4v5U6t7S8r9Q0', MASK],
  ['a JWT', 'eyJ' + 'hbGciOiJIUzI1' + '.eyJ' + 'zdWIiOiIxMjM0' + '.' + 'SflKxwRJSMeKKF2QT4fw', MASK],
  [
    'a password in a URL, @ inside it',
    'https://app:p@ss:w0rd@db.internal/x',
    `https://${MASK}@db.internal/x`,
  ],
  [
    'a token alone as userinfo',
    'https://' + 'x'.repeat(24) + '@github.com/o/r',
    `https://${MASK}@github.com/o/r`,
  ],
  [
    'a truncated key in a log',
    '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI' + 'B'.repeat(40) + '\n\n',
    `${MASK}`,
  ],
  ['git@ is left alone', 'git@github.com:o/r.git', 'git@github.com:o/r.git'],
  [
    'a 16-character AWS-like run in a longer word is left alone',
    'xAKIA' + 'A'.repeat(16),
    'xAKIA' + 'A'.repeat(16),
  ],
])('built-in shape: %s', (_name, text, expected) => {
  expect(new Redactor().redact(text)).toBe(expected);
});

test('the automaton reports the longest value ending at each position', () => {
  const set = new StringSet();
  for (const value of ['he', 'she', 'his', 'hers']) set.add(value);
  const hits: string[] = [];
  set.scan('ushers', (start, end) => hits.push(`${start}-${end}`));
  expect(hits).toStrictEqual(['1-4', '2-6']);
});

test('property: the automaton finds what a naive search finds, with values added between scans', () => {
  // A small alphabet makes shared prefixes, suffixes and branching nodes common.
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '\n', 'é'), minLength: 1, maxLength: 8 });
  const naive = (values: string[], text: string): string[] => {
    const hits: string[] = [];
    for (let end = 1; end <= text.length; end++) {
      const longest = Math.max(
        0,
        ...values.filter((v) => text.slice(0, end).endsWith(v)).map((v) => v.length),
      );
      if (longest > 0) hits.push(`${end - longest}-${end}`);
    }
    return hits;
  };
  fc.assert(
    fc.property(
      fc.array(word, { maxLength: 12 }),
      fc.array(word, { maxLength: 12 }),
      word,
      (first, later, text) => {
        const set = new StringSet();
        const scan = (t: string): string[] => {
          const hits: string[] = [];
          set.scan(t, (start, end) => hits.push(`${start}-${end}`));
          return hits;
        };
        for (const v of first) set.add(v);
        const long = text.repeat(6);
        expect(scan(long)).toStrictEqual(naive(first, long));
        for (const v of later) set.add(v);
        expect(scan(long)).toStrictEqual(naive([...first, ...later], long));
      },
    ),
    { numRuns: 300 },
  );
});

test('the automaton grows past its first tables and keeps every value', () => {
  const set = new StringSet();
  const values = Array.from({ length: 300 }, (_, i) => `value-${i}-${'x'.repeat(i % 17)}-end`);
  for (const v of values) set.add(v);
  expect(set.size).toBeGreaterThan(1024 * 4);
  for (const v of values) {
    const hits: Array<[number, number]> = [];
    set.scan(`<${v}>`, (start, end) => hits.push([start, end]));
    expect(hits).toContainEqual([1, 1 + v.length]);
  }
});

test('an error carrying a key in its message fails the step masked and truncated', async () => {
  const key = syntheticPem(32 * 1024);
  const throwing = defineAction({
    name: 'throwing',
    inputs: {},
    async run() {
      // What V8 does with a RegExp too large to compile: the whole source goes into the message.
      throw new SyntaxError(`Invalid regular expression: /${key}/: Regular expression too large`);
    },
  });
  const sink = new CapturingSink();
  const { exitCode } = await execute(throwing, () => undefined, sink, { env: {} });
  expect(exitCode).toBe(1);
  const printed = sink.texts.join('\n');
  expectNoLeak(printed, key.split('\n').slice(1, -1), 'the failure message');
  expect(printed.length).toBeLessThan(MAX_ERROR_LENGTH + 100);
  expect(printed).toBe(`Invalid regular expression: /${MASK}/: Regular expression too large`);

  // Key material without its PEM header, as a parser quotes its input: masked run by run, truncated.
  const body = key.split('\n').slice(1, -1);
  const parser = defineAction({
    name: 'parser',
    inputs: {},
    async run() {
      throw new Error(`Unexpected token in ${body.join(' and ')}`);
    },
  });
  const sink2 = new CapturingSink();
  await execute(parser, () => undefined, sink2, { env: {} });
  const printed2 = sink2.texts.join('\n');
  expectNoLeak(printed2, body, 'the failure message');
  expect(printed2).toMatch(/^Unexpected token in \*\*\* and \*\*\*.*more characters not shown\)$/s);
  expect(printed2.length).toBeLessThan(MAX_ERROR_LENGTH + 100);
});

test('an uncaught error reaches the runner masked: name, masked message, no stack', () => {
  const writes: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => (
    writes.push(String(chunk)),
    true
  )) as typeof process.stdout.write;
  try {
    failSafely(new Error(`boom with ${'ghp_' + 'Z9y8X7'.repeat(6)} and ${'QUJD'.repeat(20)}`));
  } finally {
    process.stdout.write = original;
    process.exitCode = 0;
  }
  expect(writes.join('')).toBe(`::error::Unexpected Error: boom with ${MASK} and ${MASK}\n`);
});

test('an uncaught error after a run started is masked with that run’s registered secrets too', async () => {
  // No known shape: only the registered input makes this a secret.
  const token = `plain-${Math.random().toString(36).slice(2)}-words`;
  const action = defineAction({
    name: 'holds-a-token',
    inputs: { token: str({ secret: true }) },
    run: async () => ({ outputs: {}, annotations: [], summary: 'ok' }),
  });
  await execute(action, (name) => (name === 'token' ? token : undefined), new CapturingSink(), { env: {} });
  const writes: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => (
    writes.push(String(chunk)),
    true
  )) as typeof process.stdout.write;
  try {
    failSafely(new Error(`a late worker failed while holding ${token}`));
  } finally {
    process.stdout.write = original;
    process.exitCode = 0;
  }
  expectNoLeak(writes.join(''), token, 'the runner failure');
  expect(writes.join('')).toBe(`::error::Unexpected Error: a late worker failed while holding ${MASK}\n`);
});
