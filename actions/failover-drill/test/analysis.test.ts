import { describe, expect, test } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readFile } from 'node:fs/promises';
import type { RequestRecord } from '../../../lib/load/index.ts';
import { analysePhase, carriedSince, decide } from '../src/analysis.ts';
import { parseDuration } from '../../../lib/duration.ts';
import { INPUTS } from '../src/inputs.ts';
import { StateFile } from '../src/state.ts';
import { mostServed } from '../src/drill.ts';
import { onCleanup } from '../../../test/support/cleanup.ts';
import { rejectionOf, thrownBy } from '../../../test/support/errors.ts';

const r = (sentMs: number, status: number, provider: string): RequestRecord => ({
  seq: 0,
  scheduledMs: sentMs,
  sentMs,
  endMs: sentMs + 5,
  status,
  provider,
});

// 10 ms spacing: Cloudflare until 1000, errors 1000-1100, CloudFront from 1100.
const records: RequestRecord[] = [];
for (let t = 0; t < 3000; t += 10)
  records.push(
    t < 1000 ? r(t, 200, 'cloudflare') : t < 1100 ? r(t, 503, 'cloudflare') : r(t, 200, 'cloudfront'),
  );

describe('analysePhase', () => {
  test('time to the last non-2xx and until the carrier served everything, from the disable time', () => {
    const p = analysePhase(records, { disabled: 'cloudflare', carrier: 'cloudfront' }, 500, 2500, true);
    expect(p.lastNon2xxMs).toBe(590); // last 503 sent at 1090
    expect(p.switchMs).toBe(590);
    expect(p.non2xx).toBe(10);
    expect(p.requests).toBe(200);
    expect(p.providers).toEqual({ cloudflare: 60, cloudfront: 140 });
  });
  test('a clean switch: no non-2xx, switch = last request served by the disabled provider', () => {
    const clean = records.map((x) => (x.status === 503 ? { ...x, status: 200 } : x));
    const p = analysePhase(clean, { disabled: 'cloudflare', carrier: 'cloudfront' }, 500, 2500, true);
    expect(p.lastNon2xxMs).toBe(0);
    expect(p.switchMs).toBe(590);
  });
  test('the carrier already carried everything: 0', () => {
    const p = analysePhase(records, { disabled: 'cloudflare', carrier: 'cloudfront' }, 1200, 2500, true);
    expect([p.switchMs, p.lastNon2xxMs, p.non2xx]).toEqual([0, 0, 0]);
  });
});

describe('carriedSince', () => {
  test.each([
    [500, 1000, true], // carried alone from 1100 to 2990: 1890 ms >= 1000
    [500, 1950, false],
    [2995, 0, false], // nothing sent since
  ])('since %d for %d ms -> %s', (since, settle, expected) => {
    expect(carriedSince(records, 'cloudfront', since, settle)).toBe(expected);
  });
  test('mostServed: the provider with most 2xx', () => {
    expect(mostServed(records)).toBe('cloudfront');
    expect(mostServed([r(0, 503, 'x')])).toBeUndefined();
  });
});

describe('decide', () => {
  const phase = analysePhase(records, { disabled: 'cloudflare', carrier: 'cloudfront' }, 500, 2500, true);
  test.each([
    [{ budgetMs: 60_000, allowedNon2xx: 10 }, 'pass', []],
    [{ budgetMs: 60_000, allowedNon2xx: 0 }, 'fail', ['10 non-2xx responses (allowed 0)']],
    [
      { budgetMs: 500, allowedNon2xx: 10 },
      'fail',
      [
        'with cloudflare disabled, cloudfront carried all traffic only after 0.6 s (budget 0.5 s)',
        'with cloudflare disabled, the last non-2xx came 0.6 s after the switch (budget 0.5 s)',
      ],
    ],
  ] as const)('%j -> %s', (inputs, verdict, reasons) => {
    expect(decide([phase], 10, inputs)).toEqual({ verdict, reasons });
  });
  test('never carried fails; an abort reason wins', () => {
    expect(decide([{ ...phase, carried: false }], 0, { budgetMs: 1e9, allowedNon2xx: 1e9 }).reasons).toEqual([
      'with cloudflare disabled, cloudfront never carried all traffic',
    ]);
    expect(decide([phase], 0, { budgetMs: 1, allowedNon2xx: 0 }, 'cancelled')).toEqual({
      verdict: 'aborted',
      reasons: ['cancelled'],
    });
  });
});

describe('inputs', () => {
  test.each([
    ['90', 90_000],
    ['90s', 90_000],
    ['1500ms', 1500],
    ['2m', 120_000],
    ['0.5s', 500],
  ])('duration %s = %d ms', (text, ms) => expect(parseDuration('hold', text)).toBe(ms));
  test('a bad duration names the input and the forms', () => {
    expect((thrownBy(() => parseDuration('hold', '5 minutes')) as Error).message).toBe(
      "Input 'hold': '5 minutes' is not a duration; expected e.g. 90, 90s, 1500ms or 2m",
    );
  });
  test('action.yml declares exactly the inputs the definition reads, with the same defaults', async () => {
    const yml = parseYaml(await readFile(join(import.meta.dirname, '..', 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string; required?: boolean }>;
    };
    expect(Object.keys(yml.inputs).sort()).toEqual(Object.keys(INPUTS).sort());
    for (const [name, spec] of Object.entries(INPUTS)) {
      const declared = yml.inputs[name]!;
      const fallback = 'default' in spec ? String(spec.default) : undefined;
      expect([name, declared.default]).toEqual([name, fallback]);
      expect([name, declared.required ?? false]).toEqual([name, 'required' in spec ? spec.required : false]);
    }
  });
});

describe('saved state', () => {
  test('a corrupt state file is an error naming the file and what to do', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'drill-state-'));
    onCleanup(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, 'state.json'), '{ not json');
    const error = await rejectionOf(StateFile.read(join(dir, 'state.json')));
    expect((error as Error).message).toMatch(
      /state\.json: saved drill state is not valid JSON .*check the levers by hand, then delete the file/,
    );
  });
});
