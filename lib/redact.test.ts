import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { maskedPreview, MASK, Redactor } from './redact.ts';
import { execute, type Sink } from './runtime.ts';
import { defineAction } from './action.ts';
import { str } from './inputs.ts';
import { buildSarif } from './report/sarif.ts';
import { writeEvidenceBundle } from './report/evidence.ts';
import { bulletList, inlineCode, paragraph, table } from './report/summary.ts';

test('registered values are masked with their encoded forms', () => {
  const r = new Redactor();
  r.addSecret('pa"ss word/1');
  assert.equal(r.redact('x pa"ss word/1 y'), `x ${MASK} y`);
  assert.equal(r.redact(JSON.stringify({ v: 'pa"ss word/1' })), `{"v":"${MASK}"}`);
  assert.equal(r.redact(`u?p=${encodeURIComponent('pa"ss word/1')}`), `u?p=${MASK}`);
});

test('short values are not registered (masking "10" everywhere would destroy output)', () => {
  const r = new Redactor();
  r.addSecret('10');
  assert.equal(r.redact('retry in 10 s'), 'retry in 10 s');
});

test('a secret escaped for markdown or HTML is masked in that form too', () => {
  const r = new Redactor();
  r.addSecret('tok_abc*def<ghi>');
  const summary = table(['k'], [['tok_abc*def<ghi>']]) + paragraph('tok_abc*def<ghi>');
  assert.ok(!summary.includes('tok_abc'), 'the builder escapes it');
  assert.ok(!r.redact(summary).includes('abc'), r.redact(summary));
});

test('credential shapes are masked even when nobody registered them', () => {
  const r = new Redactor();
  const token = 'ghp_' + 'A1b2C3'.repeat(6);
  const awsId = 'AKIA' + 'ABCDEFGHIJKLMNOP';
  assert.equal(r.redact(`t=${token} k=${awsId}`), `t=${MASK} k=${MASK}`);
  assert.equal(
    r.redact('postgres://app:s3cr3t-pw@db.internal:5432/app'),
    `postgres://${MASK}@db.internal:5432/app`,
  );
});

test('a multi-line secret is masked line by line too', () => {
  const r = new Redactor();
  const key = [
    '-----BEGIN OPENSSH PRIVATE KEY-----',
    'b3BlbnNzaC1rZXktdjEAAAAABG5vbmU',
    '-----END OPENSSH PRIVATE KEY-----',
  ].join('\n');
  r.addSecret(key);
  assert.ok(!r.redact('line: b3BlbnNzaC1rZXktdjEAAAAABG5vbmU').includes('b3BlbnNzaC1rZXktdjEAAAAABG5vbmU'));
});

test('redactDeep masks keys and nested values', () => {
  const r = new Redactor();
  r.addSecret('s3cr3t-value');
  assert.deepEqual(r.redactDeep({ a: ['x s3cr3t-value'], 's3cr3t-value': 1, n: 5 }), {
    a: [`x ${MASK}`],
    [MASK]: 1,
    n: 5,
  });
});

test('maskedPreview shows the first characters and the length only', () => {
  assert.equal(maskedPreview('AKIAABCDEFGHIJKLMNOP'), 'AKIA…(20)');
  assert.equal(maskedPreview('12345678'), '…(8)');
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
