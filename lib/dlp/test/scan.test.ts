import { expect, test } from '@jest/globals';
import { expectTruthy } from '../../../test/support/narrow.ts';

import { inspect } from 'node:util';
import fc from 'fast-check';
import { Redactor } from '../../redact.ts';
import { gitleaksReport, redactionLog, toReportFinding } from '../report.ts';
import { fingerprint, registerSecrets, scanText, scanTextWithStats, secretOf, sha256Hex } from '../scan.ts';
import { cardNumber, githubToken, groupCard, npmToken, seededRng, synth } from '../synth.ts';
import type { DlpFinding } from '../types.ts';

const rng = seededRng(42);
const ghToken = githubToken(rng);
const awsId = synth.awsAccessKeyId(rng);
const ssn = synth.ssn(rng);

test('positions: 1-based line and column, exclusive endColumn, multi-line end', () => {
  const text = `first line\n  key: ${awsId}\n`;
  const [f] = scanText(text, { path: 'a.env' });
  expectTruthy(f);
  expect(f.line).toBe(2);
  expect(f.column).toBe(8);
  expect(f.endColumn).toBe(8 + awsId.length);
  expect(text.split('\n')[1]!.slice(f.column - 1, f.endColumn - 1)).toBe(awsId);
  const pem = synth.privateKey(rng);
  const [k] = scanText(`x\n${pem}\n`);
  expect(k!.line).toBe(2);
  expect(k!.endLine).toBe(2 + pem.split('\n').length - 1);
});

test('CRLF line endings and non-ASCII text before the match keep positions right', () => {
  const text = `ünïcødé → 🔑\r\nAWS=${awsId}\r\n`;
  const [f] = scanText(text);
  expect(f!.line).toBe(2);
  expect(f!.column).toBe(5);
  // A code unit above 0xFF whose low byte is 'A' must not fake a keyword hit either.
  expect(scanText('\u0141KIA' + 'A'.repeat(16)).length).toBe(0);
});

test('findings never carry the raw value: JSON, spread, structuredClone, inspect', () => {
  const findings = scanText(`token=${ghToken}\nssn ${ssn}`, { path: 'x' });
  expect(findings.length).toBe(2);
  const raw = [ghToken, ssn];
  const views = [
    JSON.stringify(findings),
    JSON.stringify(findings.map((f) => ({ ...f }))),
    JSON.stringify(structuredClone(findings)),
    inspect(findings, { showHidden: true, depth: 10 }),
    JSON.stringify(findings.map(toReportFinding)),
  ];
  for (const view of views) for (const value of raw) expect(view.includes(value)).toBe(false);
  expect(secretOf(findings[0]!)).toBe(ghToken);
  expect(secretOf({ ...findings[0]! })).toBe(undefined);
});

test('registerSecrets teaches the redactor every found value', () => {
  const custom = `password: ${synth.genericValue(rng)}`;
  const text = `ssn ${ssn}\n${custom}\n`;
  const findings = scanText(text);
  expect(findings.length).toBe(2);
  const redactor = new Redactor();
  registerSecrets(redactor, findings);
  const out = redactor.redact(text);
  expect(out.includes(ssn)).toBe(false);
  for (const f of findings) expect(out.includes(secretOf(f)!)).toBe(false);
});

test('fingerprint: sha256(ruleId:sha256(secret):path), stable across line moves, differs by path', () => {
  const a = scanText(`k=${awsId}`, { path: 'src/a.ts' })[0]!;
  const b = scanText(`\n\n  k=${awsId}`, { path: 'src/a.ts' })[0]!;
  const c = scanText(`k=${awsId}`, { path: 'src/b.ts' })[0]!;
  expect(a.fingerprint).toBe(b.fingerprint);
  expect(a.fingerprint).not.toBe(c.fingerprint);
  expect(a.fingerprint).toBe(sha256Hex(`aws-access-key-id:${sha256Hex(awsId)}:src/a.ts`));
  expect(fingerprint('aws-access-key-id', awsId, './src/a.ts')).toBe(a.fingerprint);
  expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
});

test('baseline: an accepted secret is suppressed, a new secret on the same line is still reported', () => {
  const old = synth.awsAccessKeyId(rng);
  const fresh = synth.awsAccessKeyId(rng);
  const before = scanText(`keys = ["${old}"]`, { path: 'k.py' });
  const baseline = new Set(before.map((f) => f.fingerprint));
  const after = scanTextWithStats(`keys = ["${old}", "${fresh}"]`, { path: 'k.py', baseline });
  expect(after.findings.length).toBe(1);
  expect(after.findings[0]!.preview).toBe(`${fresh.slice(0, 4)}…(20)`);
  expect(after.suppressed.baseline).toBe(1);
  // The same secret in another file is not covered by the baseline entry.
  expect(scanText(`keys = ["${old}"]`, { path: 'other.py', baseline }).length).toBe(1);
});

test('inline dlp:allow: all rules, or only the named rule ids', () => {
  expect(scanTextWithStats(`AWS=${awsId} # dlp:allow`).suppressed.inline).toBe(1);
  expect(scanText(`AWS=${awsId} # dlp:allow aws-access-key-id`).length).toBe(0);
  expect(scanText(`AWS=${awsId} ssn ${ssn} # dlp:allow us-ssn`).map((f) => f.ruleId)).toStrictEqual([
    'aws-access-key-id',
  ]);
  // Words after the marker that are not rule ids are a reason, not a scope.
  expect(scanText(`AWS=${awsId} // dlp:allow rotated in 2024`).length).toBe(0);
  // The marker only covers its own line.
  expect(scanText(`# dlp:allow\nAWS=${awsId}`).length).toBe(1);
});

test('allowlists: path globs, regexes (secret/match/line targets), stopwords', () => {
  const text = `AWS=${awsId}`;
  expect(
    scanTextWithStats(text, { path: 'test/fixtures/a.env', allowlist: { paths: ['test/fixtures/**'] } })
      .suppressed.path,
  ).toBe(1);
  expect(scanText(text, { path: 'src/a.env', allowlist: { paths: ['test/fixtures/**'] } }).length).toBe(1);
  expect(scanText(text, { path: 'deep/dir/x.snap', allowlist: { paths: ['*.snap'] } }).length).toBe(0);
  // A backslash is a file-name character (Linux, macOS): a root file named `test\fixtures\a.env`
  // is not in test/fixtures/, and its fingerprint is its own.
  const [backslashed] = scanText(text, {
    path: 'test\\fixtures\\a.env',
    allowlist: { paths: ['test/fixtures/**'] },
  });
  expect(backslashed?.path).toBe('test\\fixtures\\a.env');
  expect(backslashed?.fingerprint).not.toBe(fingerprint('aws-access-key-id', awsId, 'test/fixtures/a.env'));
  expect(scanText(text, { path: 'a.env', allowlist: { regexes: [`^${awsId.slice(0, 8)}`] } }).length).toBe(0);
  expect(scanText(text, { allowlist: { regexes: ['^AWS='], regexTarget: 'line' } }).length).toBe(0);
  expect(scanText(text, { allowlist: { regexes: ['^AWS='], regexTarget: 'secret' } }).length).toBe(1);
  expect(scanText(text, { allowlist: { stopwords: [awsId.slice(6, 12).toLowerCase()] } }).length).toBe(0);
});

test('redactionLog counts per rule and never carries values', () => {
  const card = groupCard(cardNumber(rng, 'visa'));
  const findings = scanText(`${ssn}\n${synth.ssn(rng)}\ncard ${card}\nAWS=${awsId}`);
  const log = redactionLog(findings);
  expect(log.byRule).toStrictEqual({ 'aws-access-key-id': 1, 'payment-card': 1, 'us-ssn': 2 });
  expect(log.total).toBe(4);
  expect(log.bySeverity.error).toBe(4);
  expect(log.byTag.pii).toBe(3);
  const json = JSON.stringify(log);
  for (const f of findings) expect(json.includes(secretOf(f)!)).toBe(false);
});

test('gitleaks report: same field names, Match and Secret redacted, inclusive EndColumn', () => {
  const token = npmToken(rng);
  const findings = scanText(`//registry.npmjs.org/:_authToken=${token}`, {
    path: '.npmrc',
    commit: {
      sha: 'abc123',
      author: 'A',
      email: 'a@example.com',
      date: '2026-01-01T00:00:00Z',
      message: 'm',
    },
  });
  const [entry] = gitleaksReport(findings);
  expectTruthy(entry);
  expect(Object.keys(entry).sort()).toStrictEqual([
    'Author',
    'Commit',
    'Date',
    'Description',
    'Email',
    'EndColumn',
    'EndLine',
    'Entropy',
    'File',
    'Fingerprint',
    'Match',
    'Message',
    'RuleID',
    'Secret',
    'StartColumn',
    'StartLine',
    'SymlinkFile',
    'Tags',
  ]);
  expect(entry.RuleID).toBe('npm-token');
  expect(entry.Secret).toBe(`npm_…(40)`);
  expect(entry.EndColumn - entry.StartColumn + 1).toBe(token.length);
  expect(entry.Commit).toBe('abc123');
  expectTruthy(entry.Entropy > 4);
  expect(JSON.stringify(entry).includes(token)).toBe(false);
  expect(JSON.stringify(entry).includes(token.slice(4))).toBe(false);
});

// Adversarial inputs (catastrophic backtracking) are in adversarial.test.ts, under a time budget.

test('property: a planted secret is always found and never appears in any report', () => {
  const planters: Array<(seed: number) => { value: string; line: string; rule: string }> = [
    (s) => {
      const v = githubToken(seededRng(s));
      return { value: v, line: `auth: "${v}"`, rule: 'github-token' };
    },
    (s) => {
      const v = synth.awsAccessKeyId(seededRng(s));
      return { value: v, line: `AWS_ACCESS_KEY_ID=${v}`, rule: 'aws-access-key-id' };
    },
    (s) => {
      const v = synth.ssn(seededRng(s));
      return { value: v, line: `ssn: ${v}`, rule: 'us-ssn' };
    },
    (s) => {
      const v = cardNumber(seededRng(s), 'mastercard');
      return { value: v, line: `pan ${v}`, rule: 'payment-card' };
    },
    (s) => {
      const v = synth.stripe(seededRng(s));
      return { value: v, line: `stripe("${v}")`, rule: 'stripe-secret-key' };
    },
    (s) => {
      const v = synth.genericValue(seededRng(s));
      return { value: v, line: `client_secret = "${v}"`, rule: 'generic-secret' };
    },
  ];
  const noise = fc.array(fc.stringMatching(/^[a-z ]{0,40}$/), { maxLength: 20 });
  fc.assert(
    fc.property(fc.nat(planters.length - 1), fc.integer(), noise, noise, (which, seed, before, after) => {
      const plant = planters[which]!(seed);
      const text = [...before, plant.line, ...after].join('\n');
      const findings: DlpFinding[] = scanText(text, { path: 'p.txt' });
      const hit = findings.find((f) => f.ruleId === plant.rule && f.line === before.length + 1);
      expectTruthy(hit);
      expect(secretOf(hit)).toBe(plant.value);
      for (const out of [
        JSON.stringify(findings),
        JSON.stringify(gitleaksReport(findings)),
        JSON.stringify(redactionLog(findings)),
      ]) {
        expect(out.includes(plant.value)).toBe(false);
      }
    }),
    { numRuns: 300 },
  );
});

test('userinfo@host of a private-use .internal host is not an email address', () => {
  const url = ['postgres://app:', 's3cret', '@db.internal:5432/app'].join('');
  const mail = ['ops', 'payments.co.uk'].join('@');
  expect(scanText(`url = "${url}"`).filter((f) => f.ruleId === 'email-address')).toStrictEqual([]);
  expect(scanText(`contact: ${mail}`).filter((f) => f.ruleId === 'email-address').length).toBe(1);
});
