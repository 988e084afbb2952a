/**
 * The committed EnvoyFilter's Lua, run in the real LuaJIT with a stub Envoy host, against the CI
 * scanner (lib/dlp) over the same labelled cases plus ingress-specific bodies and random inputs.
 * Every PII-looking value is synthesised at run time; failure messages mask digits.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { builtInRulePackSpec, compileRulePack } from '../../dlp/pack.ts';
import { scanText } from '../../dlp/scan.ts';
import { labelledCases } from '../../dlp/cases.ts';
import {
  cardNumber,
  groupCard,
  int,
  pick,
  seededRng,
  synth,
  uuid,
  DIGITS,
  type Rng,
} from '../../dlp/synth.ts';
import { luhnValid } from '../../dlp/validators.ts';
import {
  DEFAULT_OPTIONS,
  ENVOY_FILTER_PATH,
  KNOWN_FAKE_SSNS,
  extractLua,
  ingressRules,
} from '../generate.ts';
import { blockedRules, luajitSkip, runFilter, type FilterOutcome } from './luajit.ts';

const skip = luajitSkip();
const LUA = extractLua(readFileSync(ENVOY_FILTER_PATH, 'utf8'), 'infra/k8s/gateway/dlp-envoyfilter.yaml');
const MAX = DEFAULT_OPTIONS.maxBodyBytes;
const INGRESS_IDS = ingressRules().map((r) => r.id);
const SSN = 'us-ssn';
const CARD = 'payment-card';

// The CI scanner restricted to the rules the gateway enforces: other rules' overlap resolution
// (an IBAN hiding the card-like digits inside it) is not the ingress filter's business.
const spec = builtInRulePackSpec();
const INGRESS_PACK = compileRulePack(
  { ...spec, rules: spec.rules.filter((r) => INGRESS_IDS.includes(r.id)) },
  'ingress subset of lib/dlp/rules.json',
);
const decoder = new TextDecoder('utf-8');

function tsVerdict(body: string | Uint8Array): string[] {
  const text = typeof body === 'string' ? body : decoder.decode(body);
  const ids = new Set(scanText(text, { rules: INGRESS_PACK }).map((f) => f.ruleId));
  return INGRESS_IDS.filter((id) => ids.has(id));
}

/** Test output never shows a synthetic value in clear. */
function masked(body: string | Uint8Array): string {
  const text = typeof body === 'string' ? body : decoder.decode(body);
  const short = text.length > 160 ? `${text.slice(0, 160)}…(${text.length})` : text;
  return JSON.stringify(short.replace(/\d/g, '#'));
}

function assertNoValueLeak(outcome: FilterOutcome, body: string | Uint8Array, where: string): void {
  const text = typeof body === 'string' ? body : decoder.decode(body);
  const visible = JSON.stringify([outcome.body, outcome.headers, outcome.logs, outcome.metadata]);
  for (const m of text.matchAll(/\d[\d -]{7,}\d/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 9) continue;
    assert.ok(
      !visible.replace(/\D/g, ' ').split(' ').includes(digits) && !visible.includes(m[0]),
      `${where}: the filter's answer repeats a matched value`,
    );
  }
}

/** Sends every body, then requires the Lua verdict to equal the CI scanner's. */
function compareWithScanner(bodies: Array<{ name: string; body: string | Uint8Array }>): FilterOutcome[] {
  const outcomes = runFilter(
    LUA,
    bodies.map(({ body }) => ({ body, headers: { 'content-type': 'application/json' } })),
  );
  const mismatches: string[] = [];
  bodies.forEach(({ name, body }, i) => {
    const lua = blockedRules(outcomes[i]!);
    const ts = tsVerdict(body);
    if (JSON.stringify(lua) !== JSON.stringify(ts))
      mismatches.push(`${name}: lua ${JSON.stringify(lua)} vs ci ${JSON.stringify(ts)} on ${masked(body)}`);
    if (lua.length > 0) assertNoValueLeak(outcomes[i]!, body, name);
  });
  assert.deepEqual(
    mismatches,
    [],
    `the ingress Lua and the CI scanner disagree on ${mismatches.length} bodies`,
  );
  return outcomes;
}

function luhnComplete(rng: Rng, prefix: string, length: number): string {
  const partial = prefix + pick(rng, DIGITS, length - prefix.length - 1);
  for (let d = 0; d <= 9; d++) if (luhnValid(partial + d)) return partial + d;
  throw new Error('unreachable');
}

function badCheckDigit(valid: string): string {
  const last = Number(valid.slice(-1));
  return valid.slice(0, -1) + String((last + 5) % 10);
}

describe('ingress Lua vs CI scanner on the shared labelled cases (lib/dlp/cases.ts)', { skip }, () => {
  const cases = labelledCases();
  it('gives the same verdict on every case, raw and embedded in JSON', () => {
    const bodies = cases.flatMap((c) => [
      { name: c.name, body: c.text },
      { name: `${c.name} (JSON field)`, body: JSON.stringify({ note: c.text, id: 7 }) },
    ]);
    compareWithScanner(bodies);
  });
  it('blocks exactly the ingress rules each case expects', () => {
    const relevant = cases.filter((c) => INGRESS_IDS.includes(c.rule) || c.rule === 'mixed');
    const outcomes = runFilter(
      LUA,
      relevant.map((c) => ({ body: c.text })),
    );
    const wrong: string[] = [];
    relevant.forEach((c, i) => {
      const expected = INGRESS_IDS.filter((id) => c.expectedRuleIds.includes(id));
      const got = blockedRules(outcomes[i]!);
      if (JSON.stringify(got) !== JSON.stringify(expected))
        wrong.push(`${c.name}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
    });
    assert.deepEqual(wrong, []);
    // Guard against a vacuous pass: the shared cases must exercise both outcomes of both rules.
    for (const id of INGRESS_IDS) {
      assert.ok(
        relevant.filter((c) => c.expectedRuleIds.includes(id)).length >= 3,
        `too few positive cases for ${id}`,
      );
      assert.ok(
        relevant.filter((c) => c.rule === id && c.expectedRuleIds.length === 0).length >= 3,
        `too few negative cases for ${id}`,
      );
    }
  });
});

describe('ingress-specific labelled bodies', { skip }, () => {
  const rng = seededRng(4242);
  const ssn = () => synth.ssn(rng);
  const bare = (s: string) => s.replace(/-/g, '');
  const spaced = (s: string) => s.replace(/-/g, ' ');
  const labelled: Array<{ name: string; body: string | Uint8Array; expect: string[] }> = [];
  const pos = (name: string, body: string | Uint8Array, expect: string[]) =>
    labelled.push({ name, body, expect });
  const neg = (name: string, body: string | Uint8Array) => labelled.push({ name, body, expect: [] });

  // SSN
  pos('ssn dashed, no context', `{"employee":{"taxId":"${ssn()}"}}`, [SSN]);
  pos('ssn dashed at the very start', `${ssn()} is on file`, [SSN]);
  pos('ssn followed by a full stop', `Number: ${ssn()}.`, [SSN]);
  for (const ctx of [
    'ssn',
    'SSN',
    'Ssn_number',
    'ss#',
    'Social Security',
    'social-security',
    'SocialSecurity',
    'social\u00a0security',
  ]) {
    pos(
      `bare ssn with context ${JSON.stringify(ctx.replace(/\u00a0/, '<nbsp>'))}`,
      `{"${ctx}": "${bare(ssn())}"}`,
      [SSN],
    );
  }
  pos('space-separated ssn with context', `SSN ${spaced(ssn())}`, [SSN]);
  neg('space-separated ssn without context', `ref ${spaced(ssn())}`);
  neg('bare ssn without context (an order id)', `{"orderId": "${bare(ssn())}"}`);
  neg('bare ssn, context on another line', `ssn:\n${bare(ssn())}`);
  neg('social security split by two characters', `social  security ${bare(ssn())}`);
  neg('social security split by an emoji (two UTF-16 units)', `social\u{1f600}security ${bare(ssn())}`);
  neg(
    'social security split by U+2028 (a line terminator for the regex dot)',
    `social\u2028security ${bare(ssn())}`,
  );
  neg('social security split by a lone CR', `social\rsecurity ${bare(ssn())}`);
  pos('social security split by one accented letter', `social\u00e9security ${bare(ssn())}`, [SSN]);
  neg('area 000', `ssn 000-${pick(rng, '123456789', 2)}-${pick(rng, '123456789', 4)}`);
  neg('area 666', `ssn 666-${pick(rng, '123456789', 2)}-${pick(rng, '123456789', 4)}`);
  neg('area 9xx', `ssn 9${pick(rng, DIGITS, 2)}-${pick(rng, '123456789', 2)}-${pick(rng, '123456789', 4)}`);
  neg('group 00', `ssn 2${pick(rng, '123456789', 2)}-00-${pick(rng, '123456789', 4)}`);
  neg('serial 0000', `ssn 2${pick(rng, '123456789', 2)}-${pick(rng, '123456789', 2)}-0000`);
  for (const fake of KNOWN_FAKE_SSNS)
    neg('a published sample ssn', `ssn ${fake.slice(0, 3)}-${fake.slice(3, 5)}-${fake.slice(5)}`);
  neg('ssn glued to letters', `A${ssn()}`);
  neg('ssn inside a longer dashed number', `${ssn()}-1`);
  neg('ssn followed by a decimal', `${ssn()}.5`);
  neg('ssn preceded by a plus', `+${ssn()}`);

  // Cards
  for (const brand of ['visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners'] as const) {
    const n = cardNumber(rng, brand);
    pos(`${brand} contiguous`, `{"pan":"${n}"}`, [CARD]);
    pos(`${brand} grouped with spaces`, `card=${groupCard(n)}&exp=12/29`, [CARD]);
    pos(`${brand} grouped with dashes`, `card: ${groupCard(n, '-')}`, [CARD]);
    neg(`${brand} bad check digit`, `{"pan":"${badCheckDigit(n)}"}`);
  }
  pos('visa 13 digits', `pan ${luhnComplete(rng, '4', 13)}`, [CARD]);
  pos('visa 19 digits', `pan ${luhnComplete(rng, '4', 19)}`, [CARD]);
  pos('unionpay 19 digits', `pan ${luhnComplete(rng, '62', 19)}`, [CARD]);
  pos('visa in 4-4-4-4-3 groups', `pan ${groupCard(luhnComplete(rng, '4', 19))}`, [CARD]);
  neg('visa of 17 digits (wrong length)', `pan ${luhnComplete(rng, '4', 17)}`);
  neg('Luhn-valid without a brand', `ref ${luhnComplete(rng, '9', 16)}`);
  neg('20-digit run', `ref ${luhnComplete(rng, '4', 20)}`);
  neg('one repeated digit', `ref ${'4'.repeat(16)}`);
  neg(
    'card with mixed separators',
    (() => {
      const d = cardNumber(rng, 'visa');
      return `pan ${d.slice(0, 4)} ${d.slice(4, 8)}-${d.slice(8, 12)} ${d.slice(12)}`;
    })(),
  );
  neg('card glued to letters', `x${cardNumber(rng, 'visa')}`);
  // Known limit, documented in infra/k8s/gateway/README.md: neither side decodes form-urlencoded
  // bodies, so '+' or %20 between groups hides a card; a contiguous one is still caught.
  pos('form-urlencoded contiguous card', `name=J&pan=${cardNumber(rng, 'visa')}&exp=12%2F29`, [CARD]);
  neg(
    'form-urlencoded card with + between groups (known limit)',
    `pan=${groupCard(cardNumber(rng, 'visa'), '+')}&x=1`,
  );
  neg(
    'form-urlencoded card with %20 between groups (known limit)',
    `pan=${groupCard(cardNumber(rng, 'mastercard'), '%20')}`,
  );

  // Benign numbers
  neg('order ids', `{"orders":[${Array.from({ length: 5 }, () => int(rng, 1e9, 9e11)).join(',')}]}`);
  neg(
    'phone numbers',
    `{"phone":"(415) 555-${pick(rng, DIGITS, 4)}","alt":"+1 415 555 ${pick(rng, DIGITS, 4)}"}`,
  );
  neg('UUIDs', `{"id":"${uuid(rng)}","trace":"${uuid(rng)}"}`);
  neg('millisecond timestamp', '{"createdAt":1700000000123}');
  neg('IP addresses and versions', 'ip=10.200.30.4 version=1.234.567.8 build=2026.11.01');
  neg('decimal money', '{"amount":"4111.11","total":1234567890.12}');

  // Both rules, non-JSON framings
  pos('ssn and card in one body (pack order)', `card ${cardNumber(rng, 'amex')} and ssn ${ssn()}`, [
    SSN,
    CARD,
  ]);
  pos(
    'multipart form part',
    `--b\r\nContent-Disposition: form-data; name="pan"\r\n\r\n${cardNumber(rng, 'mastercard')}\r\n--b--\r\n`,
    [CARD],
  );
  pos('XML with CRLF and context', `<r>\r\n<SSN>${bare(ssn())}</SSN>\r\n</r>`, [SSN]);
  pos('form-urlencoded', `name=J&ssn=${ssn()}&x=1`, [SSN]);
  neg('plain text without numbers', 'hello world, nothing to see');
  neg('empty body', '');

  // Binary
  const bytes = (n: number, r: Rng) =>
    Uint8Array.from({ length: n }, () => [0, 0xff, 0x80, 0xc3, 0x0a, 65 + int(r, 0, 25)][int(r, 0, 5)]!);
  neg('binary without digits', bytes(4096, rng));
  const planted = (value: string) => {
    const b = bytes(2048, rng);
    const v = Buffer.from(value, 'latin1');
    const out = new Uint8Array(b.length + v.length + 2);
    out.set(b.subarray(0, 1024));
    out[1024] = 0;
    out.set(v, 1025);
    out[1025 + v.length] = 0xff;
    out.set(b.subarray(1024), 1026 + v.length);
    return out;
  };
  pos('binary with a card between NUL and 0xff', planted(cardNumber(rng, 'visa')), [CARD]);
  pos('binary with a dashed ssn', planted(ssn()), [SSN]);
  pos('invalid UTF-8 with context and a bare ssn', planted(`ss#\xc3${bare(ssn())}`), [SSN]);

  it('answers 422 with exactly the expected rule ids, or passes', () => {
    const outcomes = compareWithScanner(labelled);
    const wrong: string[] = [];
    labelled.forEach((c, i) => {
      const got = blockedRules(outcomes[i]!);
      if (JSON.stringify(got) !== JSON.stringify(c.expect))
        wrong.push(`${c.name}: got ${JSON.stringify(got)}, expected ${JSON.stringify(c.expect)}`);
    });
    assert.deepEqual(wrong, []);
  });

  it('names the rules in a JSON 422, the x-dlp-rules header, metadata and one log line, never the value', () => {
    const body = `ssn ${ssn()} card ${groupCard(cardNumber(rng, 'jcb'))}`;
    const [o] = runFilter(LUA, [{ body }]);
    assert.equal(o!.action, 'respond');
    assert.equal(o!.status, 422);
    assert.deepEqual(JSON.parse(o!.body!), { error: 'dlp_blocked', rules: [SSN, CARD] });
    assert.equal(o!.headers!['content-type'], 'application/json');
    assert.equal(o!.headers!['x-dlp-rules'], `${SSN},${CARD}`);
    assert.equal(o!.headers!['x-dlp-verdict'], 'blocked');
    assert.deepEqual(o!.metadata['summit.dlp'], { verdict: 'blocked', rules: `${SSN},${CARD}` });
    assert.deepEqual(
      o!.logs.map((l) => l.level),
      ['warn'],
    );
    assert.match(o!.logs[0]!.msg, /^summit-dlp: verdict=blocked rules=us-ssn,payment-card bytes=\d+$/);
    assertNoValueLeak(o!, body, 'two-rule body');
  });

  it('passes clean bodies untouched and records the verdict in dynamic metadata', () => {
    const [o] = runFilter(LUA, [{ body: '{"hello":"world"}' }]);
    assert.equal(o!.action, 'continue');
    assert.equal(o!.status, undefined);
    assert.deepEqual(o!.metadata['summit.dlp'], { verdict: 'pass' });
    assert.deepEqual(o!.logs, []);
  });
});

describe('request shapes, buffer limit and fail-closed paths', { skip }, () => {
  const rng = seededRng(99);
  const filler = (n: number) => 'a'.repeat(n);

  it('GET without a body: body() is nil, the request passes', () => {
    const [o] = runFilter(LUA, [{ headers: { ':method': 'GET' } }]);
    assert.equal(o!.action, 'continue');
    assert.equal(o!.bodyCalls, 1);
    assert.deepEqual(o!.metadata['summit.dlp'], { verdict: 'no_body' });
  });

  it('scans a body of exactly the limit to its last byte', () => {
    const tail = ` ${synth.ssn(rng)}`;
    const atLimit = filler(MAX - tail.length) + tail;
    const cleanAtLimit = filler(MAX);
    assert.equal(Buffer.byteLength(atLimit), MAX);
    const [hit, clean] = runFilter(LUA, [
      { body: atLimit, envoyBufferLimit: MAX, headers: { 'content-length': String(MAX) } },
      { body: cleanAtLimit, envoyBufferLimit: MAX },
    ]);
    assert.deepEqual(blockedRules(hit!), [SSN]);
    assert.equal(clean!.action, 'continue');
    assert.deepEqual(tsVerdict(atLimit), [SSN], 'the CI scanner agrees on the at-limit body');
  });

  it('refuses a declared oversize body with 413 JSON before buffering it', () => {
    const [o] = runFilter(LUA, [
      { body: filler(MAX + 1), headers: { 'content-length': String(MAX + 1) }, envoyBufferLimit: MAX },
    ]);
    assert.equal(o!.action, 'respond');
    assert.equal(o!.status, 413);
    assert.equal(o!.bodyCalls, 0, 'an oversize body must not be buffered');
    assert.deepEqual(JSON.parse(o!.body!), { error: 'dlp_body_too_large', limit_bytes: MAX });
    assert.equal(o!.headers!['x-dlp-verdict'], 'too_large');
  });

  it('leaves an undeclared (chunked) oversize body to Envoy, which answers 413 without resuming the script', () => {
    const [o] = runFilter(LUA, [{ body: filler(MAX + 1), envoyBufferLimit: MAX }]);
    assert.equal(o!.action, 'envoy_413');
    assert.equal(o!.bodyCalls, 1);
  });

  it('refuses an oversize body itself when the gateway buffers more than the scan limit', () => {
    const [o] = runFilter(LUA, [{ body: filler(MAX + 10), envoyBufferLimit: MAX * 4 }]);
    assert.equal(o!.status, 413);
    assert.deepEqual(JSON.parse(o!.body!), { error: 'dlp_body_too_large', limit_bytes: MAX });
  });

  it('refuses compressed bodies it cannot read (415) and scans identity-encoded ones', () => {
    const card = cardNumber(rng, 'visa');
    const [gz, br, identity] = runFilter(LUA, [
      { body: 'binary', headers: { 'content-encoding': 'gzip' } },
      { body: 'binary', headers: { 'Content-Encoding': 'br' } },
      { body: `pan ${card}`, headers: { 'content-encoding': 'Identity' } },
    ]);
    for (const o of [gz!, br!]) {
      assert.equal(o.status, 415);
      assert.deepEqual(JSON.parse(o.body!), { error: 'dlp_unscannable_encoding' });
      assert.equal(o.bodyCalls, 0);
    }
    assert.deepEqual(blockedRules(identity!), [CARD]);
  });

  it('fails closed (503) when scanning raises, instead of Envoy letting the request through', () => {
    const [o] = runFilter(LUA, [{ body: `pan ${cardNumber(rng, 'visa')}`, failGetBytes: true }]);
    assert.equal(o!.action, 'respond');
    assert.equal(o!.status, 503);
    assert.deepEqual(JSON.parse(o!.body!), { error: 'dlp_scan_failed' });
    assert.deepEqual(
      o!.logs.map((l) => l.level),
      ['err'],
    );
    assert.ok(
      !o!.logs[0]!.msg.includes('simulated'),
      'the error text (which could quote the body) is not logged',
    );
  });

  it('scans a limit-sized body dense with number-like tokens in one pass', () => {
    const parts: string[] = [];
    let size = 0;
    while (size < MAX - 64) {
      const p = `{"id":${int(rng, 1e5, 9e12)},"ref":"${uuid(rng)}","v":"${pick(rng, DIGITS, int(rng, 4, 12))}"}\n`;
      parts.push(p);
      size += p.length;
    }
    const body = parts.join('');
    compareWithScanner([{ name: 'dense numeric body', body }]);
  });
});

describe('random bodies: Lua and CI scanner agree', { skip }, () => {
  it('on 600 generated bodies mixing digits, separators, context words and planted values', () => {
    const rng = seededRng(777);
    const token = fc.oneof(
      fc.constantFrom(
        ' ',
        '-',
        '.',
        '+',
        '_',
        '\n',
        '\r\n',
        ',',
        ':',
        '"',
        '#',
        'x',
        'SSN ',
        'ssn=',
        'ss#',
        'Social Security ',
        'social\u00a0security',
        'é',
        '\u2028',
      ),
      fc.stringMatching(/^[0-9]{1,20}$/),
      fc.stringMatching(/^[0-9]{3}[- ][0-9]{2}[- ][0-9]{4}$/),
      fc.stringMatching(/^[0-9]{4}[- ][0-9]{4}[- ][0-9]{4}[- ][0-9]{4}$/),
      fc
        .constantFrom('visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners')
        .map((b) => cardNumber(rng, b)),
      fc
        .constantFrom('visa', 'amex', 'diners')
        .map((b) => groupCard(cardNumber(rng, b), rng() < 0.5 ? ' ' : '-')),
      fc.constant(null).map(() => synth.ssn(rng)),
    );
    const bodies = fc.sample(
      fc.array(token, { minLength: 1, maxLength: 12 }).map((t) => t.join('')),
      { seed: 20261101, numRuns: 600 },
    );
    const outcomes = compareWithScanner(
      bodies.map((body, i) => ({ name: `random #${i} (seed 20261101)`, body })),
    );
    const blocked = outcomes.filter((o) => o.action === 'respond').length;
    assert.ok(blocked > 60 && blocked < 540, `random bodies should mix outcomes, got ${blocked}/600 blocked`);
  });
});
