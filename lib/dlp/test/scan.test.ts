import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  assert.ok(f);
  assert.equal(f.line, 2);
  assert.equal(f.column, 8);
  assert.equal(f.endColumn, 8 + awsId.length);
  assert.equal(text.split('\n')[1]!.slice(f.column - 1, f.endColumn - 1), awsId);
  const pem = synth.privateKey(rng);
  const [k] = scanText(`x\n${pem}\n`);
  assert.equal(k!.line, 2);
  assert.equal(k!.endLine, 2 + pem.split('\n').length - 1);
});

test('CRLF line endings and non-ASCII text before the match keep positions right', () => {
  const text = `ünïcødé → 🔑\r\nAWS=${awsId}\r\n`;
  const [f] = scanText(text);
  assert.equal(f!.line, 2);
  assert.equal(f!.column, 5);
  // A code unit above 0xFF whose low byte is 'A' must not fake a keyword hit either.
  assert.equal(scanText('\u0141KIA' + 'A'.repeat(16)).length, 0);
});

test('findings never carry the raw value: JSON, spread, structuredClone, inspect', () => {
  const findings = scanText(`token=${ghToken}\nssn ${ssn}`, { path: 'x' });
  assert.equal(findings.length, 2);
  const raw = [ghToken, ssn];
  const views = [
    JSON.stringify(findings),
    JSON.stringify(findings.map((f) => ({ ...f }))),
    JSON.stringify(structuredClone(findings)),
    inspect(findings, { showHidden: true, depth: 10 }),
    JSON.stringify(findings.map(toReportFinding)),
  ];
  for (const view of views) for (const value of raw) assert.equal(view.includes(value), false);
  assert.equal(secretOf(findings[0]!), ghToken);
  assert.equal(secretOf({ ...findings[0]! }), undefined);
});

test('registerSecrets teaches the redactor every found value', () => {
  const custom = `password: ${synth.genericValue(rng)}`;
  const text = `ssn ${ssn}\n${custom}\n`;
  const findings = scanText(text);
  assert.equal(findings.length, 2);
  const redactor = new Redactor();
  registerSecrets(redactor, findings);
  const out = redactor.redact(text);
  assert.equal(out.includes(ssn), false);
  for (const f of findings) assert.equal(out.includes(secretOf(f)!), false);
});

test('fingerprint: sha256(ruleId:sha256(secret):path), stable across line moves, differs by path', () => {
  const a = scanText(`k=${awsId}`, { path: 'src/a.ts' })[0]!;
  const b = scanText(`\n\n  k=${awsId}`, { path: 'src/a.ts' })[0]!;
  const c = scanText(`k=${awsId}`, { path: 'src/b.ts' })[0]!;
  assert.equal(a.fingerprint, b.fingerprint);
  assert.notEqual(a.fingerprint, c.fingerprint);
  assert.equal(a.fingerprint, sha256Hex(`aws-access-key-id:${sha256Hex(awsId)}:src/a.ts`));
  assert.equal(fingerprint('aws-access-key-id', awsId, './src/a.ts'), a.fingerprint);
  assert.match(a.fingerprint, /^[0-9a-f]{64}$/);
});

test('baseline: an accepted secret is suppressed, a new secret on the same line is still reported', () => {
  const old = synth.awsAccessKeyId(rng);
  const fresh = synth.awsAccessKeyId(rng);
  const before = scanText(`keys = ["${old}"]`, { path: 'k.py' });
  const baseline = new Set(before.map((f) => f.fingerprint));
  const after = scanTextWithStats(`keys = ["${old}", "${fresh}"]`, { path: 'k.py', baseline });
  assert.equal(after.findings.length, 1);
  assert.equal(after.findings[0]!.preview, `${fresh.slice(0, 4)}…(20)`);
  assert.equal(after.suppressed.baseline, 1);
  // The same secret in another file is not covered by the baseline entry.
  assert.equal(scanText(`keys = ["${old}"]`, { path: 'other.py', baseline }).length, 1);
});

test('inline dlp:allow: all rules, or only the named rule ids', () => {
  assert.equal(scanTextWithStats(`AWS=${awsId} # dlp:allow`).suppressed.inline, 1);
  assert.equal(scanText(`AWS=${awsId} # dlp:allow aws-access-key-id`).length, 0);
  assert.deepEqual(
    scanText(`AWS=${awsId} ssn ${ssn} # dlp:allow us-ssn`).map((f) => f.ruleId),
    ['aws-access-key-id'],
  );
  // Words after the marker that are not rule ids are a reason, not a scope.
  assert.equal(scanText(`AWS=${awsId} // dlp:allow rotated in 2024`).length, 0);
  // The marker only covers its own line.
  assert.equal(scanText(`# dlp:allow\nAWS=${awsId}`).length, 1);
});

test('allowlists: path globs, regexes (secret/match/line targets), stopwords', () => {
  const text = `AWS=${awsId}`;
  assert.equal(
    scanTextWithStats(text, { path: 'test/fixtures/a.env', allowlist: { paths: ['test/fixtures/**'] } })
      .suppressed.path,
    1,
  );
  assert.equal(scanText(text, { path: 'src/a.env', allowlist: { paths: ['test/fixtures/**'] } }).length, 1);
  assert.equal(scanText(text, { path: 'deep/dir/x.snap', allowlist: { paths: ['*.snap'] } }).length, 0);
  assert.equal(
    scanText(text, { path: 'a.env', allowlist: { regexes: [`^${awsId.slice(0, 8)}`] } }).length,
    0,
  );
  assert.equal(scanText(text, { allowlist: { regexes: ['^AWS='], regexTarget: 'line' } }).length, 0);
  assert.equal(scanText(text, { allowlist: { regexes: ['^AWS='], regexTarget: 'secret' } }).length, 1);
  assert.equal(scanText(text, { allowlist: { stopwords: [awsId.slice(6, 12).toLowerCase()] } }).length, 0);
});

test('redactionLog counts per rule and never carries values', () => {
  const card = groupCard(cardNumber(rng, 'visa'));
  const findings = scanText(`${ssn}\n${synth.ssn(rng)}\ncard ${card}\nAWS=${awsId}`);
  const log = redactionLog(findings);
  assert.deepEqual(log.byRule, { 'aws-access-key-id': 1, 'payment-card': 1, 'us-ssn': 2 });
  assert.equal(log.total, 4);
  assert.equal(log.bySeverity.error, 4);
  assert.equal(log.byTag.pii, 3);
  const json = JSON.stringify(log);
  for (const f of findings) assert.equal(json.includes(secretOf(f)!), false);
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
  assert.ok(entry);
  assert.deepEqual(Object.keys(entry).sort(), [
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
  assert.equal(entry.RuleID, 'npm-token');
  assert.equal(entry.Secret, `npm_…(40)`);
  assert.equal(entry.EndColumn - entry.StartColumn + 1, token.length);
  assert.equal(entry.Commit, 'abc123');
  assert.ok(entry.Entropy > 4);
  assert.equal(JSON.stringify(entry).includes(token), false);
  assert.equal(JSON.stringify(entry).includes(token.slice(4)), false);
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
      assert.ok(hit, `${plant.rule} not found`);
      assert.equal(secretOf(hit), plant.value);
      for (const out of [
        JSON.stringify(findings),
        JSON.stringify(gitleaksReport(findings)),
        JSON.stringify(redactionLog(findings)),
      ]) {
        assert.equal(out.includes(plant.value), false);
      }
    }),
    { numRuns: 300 },
  );
});

test('userinfo@host of a private-use .internal host is not an email address', () => {
  const url = ['postgres://app:', 's3cret', '@db.internal:5432/app'].join('');
  const mail = ['ops', 'payments.co.uk'].join('@');
  assert.deepEqual(
    scanText(`url = "${url}"`).filter((f) => f.ruleId === 'email-address'),
    [],
  );
  assert.equal(scanText(`contact: ${mail}`).filter((f) => f.ruleId === 'email-address').length, 1);
});
