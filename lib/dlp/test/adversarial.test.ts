// No rule can backtrack catastrophically: adversarial inputs, each scanned in a child process with
// a per-input time budget. The budget (2 s for at most ~1 MiB, where a normal scan takes tens of
// milliseconds) is a safety bound that a super-linear rule blows by orders of magnitude, not a
// performance assertion; the child is killed after HARD_KILL_MS so a hang fails instead of stalling.
import { expect, test } from '@jest/globals';
import { expectTruthy } from '../../../test/support/narrow.ts';
import { thrownBy } from '../../../test/support/errors.ts';

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DlpRulePackError, loadRulePackOverride } from '../index.ts';
import { findNestedQuantifier } from '../regex-safety.ts';

const CHILD = fileURLToPath(new URL('./budget-child.ts', import.meta.url));
const BUDGET_MS = 2000;
const HARD_KILL_MS = 30_000;

interface Case {
  name: string;
  parts: Array<[string, number]>;
  override?: string;
}

const BEGIN = '-----BEGIN RSA PRIVATE' + ' KEY-----';
const END = '-----END RSA PRIVATE' + ' KEY-----';

const CASES: Case[] = [
  { name: 'digits', parts: [['1', 100_000]] },
  { name: 'card-like groups', parts: [['4111 ', 20_000]] },
  { name: 'at signs', parts: [['a@', 50_000]] },
  { name: 'dotted at signs', parts: [['a@a.', 25_000]] },
  {
    name: 'one long word',
    parts: [
      ['A', 100_000],
      ['!', 1],
    ],
  },
  { name: 'generic keyword repeated', parts: [['password=', 10_000]] },
  {
    name: 'unterminated quoted value',
    parts: [
      ['token = "', 1],
      ['a', 100_000],
    ],
  },
  {
    name: 'long JWT-like',
    parts: [
      ['eyJ', 1],
      ['a', 50_000],
      ['.eyJ', 1],
      ['b', 50_000],
    ],
  },
  {
    name: 'private key header, no END',
    parts: [
      [`${BEGIN}\n`, 1],
      ['A', 100_000],
    ],
  },
  // The review's case: 1 MiB of headers took 10 s when each hit retried a lazy 64 KiB body.
  { name: '1 MiB of private key headers', parts: [[`${BEGIN}\n`, 32_768]] },
  {
    name: '1 MiB of private key headers, one END at the end',
    parts: [
      [`${BEGIN}\n`, 32_768],
      [END, 1],
    ],
  },
  { name: 'headers with base64 between', parts: [[`${BEGIN}\n${'QUJD'.repeat(16)}\n`, 10_000]] },
  { name: 'slack-like', parts: [['xoxb-' + '1'.repeat(20) + '-', 2_000]] },
  { name: 'AKIA prefixes', parts: [['AKIA-', 20_000]] },
  {
    name: 'SSN-like',
    parts: [
      ['ssn: ', 1],
      ['123-45-', 10_000],
    ],
  },
  { name: 'phone-like', parts: [['+1 ', 30_000]] },
  { name: 'IBAN-like', parts: [['DE89 ', 20_000]] },
  {
    name: 'bounded alternation in an override (allowed: not repeated)',
    parts: [
      ['svc_token=', 1],
      ['1', 50_000],
    ],
    override:
      "rules:\n  - id: svc\n    description: svc\n    severity: error\n    tags: [secret]\n    keywords: [svc_token]\n    regex: 'svc_token=(?:\\d{1,40}|\\w{1,40})y'\n",
  },
];

function runCases(
  cases: Case[],
  hardKillMs = HARD_KILL_MS,
): Promise<{ times: Map<string, number>; running?: string; error?: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, JSON.stringify(cases)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const times = new Map<string, number>();
    let running: string | undefined;
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), hardKillMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      let nl;
      while ((nl = out.indexOf('\n')) !== -1) {
        const line = JSON.parse(out.slice(0, nl)) as { started?: string; name?: string; ms?: number };
        out = out.slice(nl + 1);
        if (line.started) running = line.started;
        else if (line.name) {
          times.set(line.name, line.ms!);
          running = undefined;
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        times,
        ...(running ? { running } : {}),
        ...(code !== 0 ? { error: signal ? `killed (${signal})` : err.slice(0, 2000) } : {}),
      });
    });
  });
}

test('adversarial inputs: every one scans within its time budget (child process, killed if it hangs)', async () => {
  const { times, running, error } = await runCases(CASES);
  expect(running).toBe(undefined);
  expect(error).toBe(undefined);
  for (const c of CASES) {
    const ms = times.get(c.name);
    expectTruthy(ms !== undefined);
    expectTruthy(ms < BUDGET_MS);
  }
});

test('the budget can fail: a rule that backtracks super-linearly is caught (killed early here to stay fast)', async () => {
  // A bounded group of bounded repeats passes the syntactic checks (its work per start is capped,
  // but the cap is astronomical): the harness must report that, not pass it.
  const { times, running, error } = await runCases(
    [
      {
        name: 'cubic',
        parts: [
          ['svc_token=', 1],
          ['1', 3000],
        ],
        override:
          "rules:\n  - id: slow\n    description: slow\n    severity: error\n    tags: [secret]\n    keywords: [svc_token]\n    regex: 'svc_token=(?:\\d{0,30}){1,30}y'\n",
      },
    ],
    BUDGET_MS + 1500,
  );
  // The whole outcome in the failure message: which rule was running, the error, the times.
  expect({
    blewBudget: running === 'cubic' || (times.get('cubic') ?? 0) >= BUDGET_MS,
    running,
    error,
    times,
  }).toMatchObject({
    blewBudget: true,
  });
});

test('override rules with a repeated group containing alternation are refused, naming the rule and the field', () => {
  const override = (regex: string) =>
    `rules:\n  - id: svc-token\n    description: svc\n    severity: error\n    tags: [secret]\n    keywords: [svc_token]\n    regex: '${regex}'\n`;
  // The review's example (refused as a nested quantifier), and alternations without one.
  for (const regex of [
    'svc_token=(?:\\d|\\w\\d?)*y',
    'svc_token=(?:\\d|\\w)*y',
    'svc_token=(a|ab){1,30}c',
    'svc_token=((?:a|b)c)+',
  ]) {
    expect(
      ((error: unknown) =>
        error instanceof DlpRulePackError &&
        /rule 'svc-token': field 'regex'/.test(error.message) &&
        /repeated group with alternation|nested quantifier/.test(error.message))(
        thrownBy(() => loadRulePackOverride(override(regex), 'override.yml')),
      ),
    ).toBe(true);
  }
  expect(findNestedQuantifier('x(?:\\d|\\w)*y') ?? '').toMatch(/repeated group with alternation at 1/);
  // An alternation that is not repeated, and a repeated group without one, stay allowed.
  for (const regex of ['svc_token=(?:ab|cd)[0-9]{4}', 'svc_token=(?:[a-z]{2}){1,4}'])
    expect(() => loadRulePackOverride(override(regex), 'override.yml')).not.toThrow();
});

test.each([
  ['five adjacent unbounded repeats (the review: hung on a 30 KB line)', 'acme_\\w*\\w*\\w*\\w*\\w*x'],
  ['a repeat, an optional separator, the same repeat', 'acme_\\d+_?\\d+z'],
  ['two large bounded repeats of the same digits', 'acme_\\d{0,3000}\\d{0,3000}y'],
  ['a dot-star beside a whitespace-star', 'acme_.*\\s*.*='],
])('a user rule with %s is refused, naming rule and field', (_name, regex) => {
  const override = `rules:\n  - id: acme\n    description: acme\n    severity: error\n    tags: [secret]\n    keywords: [acme_]\n    regex: '${regex}'\n`;
  const error = thrownBy(() => loadRulePackOverride(override, 'override.yml'));
  expect(error instanceof DlpRulePackError && error.message).toMatch(
    /rule 'acme': field 'regex'.*adjacent overlapping repeats/,
  );
});

test('an allowlist regex with adjacent overlapping repeats is refused too', () => {
  const override = "allowlist:\n  regexes: ['^x\\w+\\w+$']\n";
  const error = thrownBy(() => loadRulePackOverride(override, 'override.yml'));
  expect(error instanceof DlpRulePackError && error.message).toMatch(
    /allowlist.regexes.\d.*adjacent overlapping/,
  );
});

test('1 MiB of repeated JWT headers on one line scans within budget', async () => {
  const { times, running, error } = await runCases([
    { name: 'jwt headers', parts: [['eyJhbGciOiJIUzI1NiJ9.', 50_000]] },
    {
      name: 'jwt headers in a bearer line',
      parts: [
        ['Authorization: Bearer ', 1],
        ['eyJhbGciOiJIUzI1NiJ9.', 50_000],
      ],
    },
  ]);
  expect(running).toBe(undefined);
  expect(error).toBe(undefined);
  for (const ms of times.values()) expectTruthy(ms < BUDGET_MS);
});
