// Recall per claimed family over the labelled shapes of lib/dlp/cases.ts (generated from the
// published formats), across seeds: every family at 95 % or better, and the README's table says
// what this measures.
import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { RECALL_FAMILIES, recallCases } from '../cases.ts';
import { scanText } from '../scan.ts';
import { githubToken, npmToken, seededRng, synth } from '../synth.ts';

function recall(seed: number): Map<string, { found: number; total: number; missed: string[] }> {
  const out = new Map<string, { found: number; total: number; missed: string[] }>();
  for (const c of recallCases(seed)) {
    const ids = scanText(c.text, { path: 'case.txt' }).map((f) => f.ruleId);
    const row = out.get(c.family) ?? { found: 0, total: 0, missed: [] };
    row.total++;
    if (ids.some((id) => RECALL_FAMILIES[c.family]!.includes(id))) row.found++;
    else row.missed.push(c.shape);
    out.set(c.family, row);
  }
  return out;
}

test.each([20261204, 1, 2, 3])('every claimed family is found at 95 %% or better (seed %i)', (seed) => {
  const below = [...recall(seed)]
    .filter(([, r]) => r.found / r.total < 0.95)
    .map(([family, r]) => `${family} ${r.found}/${r.total} missed: ${r.missed.join(', ')}`);
  expect(below).toStrictEqual([]);
});

test('the README table quotes the default seed, family by family', () => {
  // Table cells as prettier pads them, compared without the padding.
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8').replace(/ +/g, ' ');
  for (const [family, r] of recall(20261204)) {
    const percent = ((100 * r.found) / r.total).toFixed(1);
    expect(readme).toContain(`| ${family} | ${r.total} | ${r.found} | ${percent} % |`);
  }
});

test.each([
  ['a type alias', 'export type Password = AuthenticationCleartextPassword;'],
  ['an identifier equal to its key', 'exports.isNotClosingBracketToken = isNotClosingBracketToken;'],
  [
    'a chain of minified assignments',
    '_check_password_hook=Module._check_password_hook=e.check_password_hook.value',
  ],
  ['a comparison', 'if (token == "Zq8vB3nK1xWp7Rt2") return;'],
  ['a documented example value', 'const apiToken = "abc123xyz456def";'],
  ['a placeholder run', 'AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX'],
  ['a zero-filled example token', "token: 'ghp_PersonalAccessToken01245678900000000'"],
  ['"ssn" inside another word', 'function isScssNestedProperty(node) { return 123456789; }'],
  ['"tel" inside another word', 'hotel id 4155550100 booked'],
  ['an author attribution', '  "author": "Jane Roe <jane.roe@fastmail.fm>",'],
  ['a maintainer list entry in markdown', '  **Jane Roe** <<jane.roe@fastmail.fm>> (she/her)'],
  ['an scp-style git remote', 'git clone deploy@build-server.io:team/repo.git'],
  ['URL userinfo', 'https://user:password@hostname.com/owner/repo.git'],
  ['a role address', 'Report issues to security@acme-payments.io'],
])('precision: %s is not reported', (_name, text) => {
  expect(scanText(text, { path: 'src/app.ts' }).map((f) => f.ruleId)).toStrictEqual([]);
});

test('a mailto link is a contact a document publishes: skipped by default, reported with the rule allowlist switched off', async () => {
  // Built here: a made-up address, not anyone's.
  const address = `${['olive', 'quill'].join('.')}@${'inbox'}mail.net`;
  for (const line of [`- [Olive Quill](mailto:${address})`, `contact [${address}](mailto:${address})`])
    expect(scanText(line, { path: 'README.md' })).toStrictEqual([]);
  expect(scanText(`ping ${address} about it`, { path: 'README.md' }).map((f) => f.ruleId)).toStrictEqual([
    'email-address',
  ]);
  const { loadRulePackOverride } = await import('../pack.ts');
  const strict = loadRulePackOverride('rules:\n  - id: email-address\n    allowlist: {}\n', 'override.yml');
  expect(
    scanText(`- [Olive Quill](mailto:${address})`, { path: 'README.md', rules: strict }).map((f) => f.ruleId),
  ).toStrictEqual(['email-address']);
});

test('e-mail addresses in authorship metadata files are skipped by default, and an override can switch that off', async () => {
  const line = 'contact jane.roe@fastmail.fm\n';
  for (const path of [
    'LICENSE',
    'pkg/NOTICE.md',
    'AUTHORS',
    'package.json',
    'CHANGELOG.md',
    'CODE_OF_CONDUCT.md',
    'docs/SECURITY.md',
    'test/fixtures/users.json',
  ])
    expect(scanText(line, { path })).toStrictEqual([]);
  expect(scanText(line, { path: 'src/contacts.ts' }).map((f) => f.ruleId)).toStrictEqual(['email-address']);
  const { loadRulePackOverride } = await import('../pack.ts');
  const strict = loadRulePackOverride('rules:\n  - id: email-address\n    allowlist: {}\n', 'override.yml');
  expect(scanText(line, { path: 'LICENSE', rules: strict }).map((f) => f.ruleId)).toStrictEqual([
    'email-address',
  ]);
});

test('a credential right after an escape sequence (JSON \\n, \\t, \\u0022, \\x3d, URL %3D) is still found; after a word character it is not', () => {
  const rng = seededRng(77);
  const values: Array<[string, string]> = [
    ['aws-access-key-id', synth.awsAccessKeyId(rng)],
    ['github-token', githubToken(rng)],
    ['github-fine-grained-pat', synth.githubFineGrained(rng)],
    ['gitlab-pat', synth.gitlab(rng)],
    ['slack-token', synth.slack(rng)],
    ['stripe-secret-key', synth.stripe(rng)],
    ['google-api-key', synth.google(rng)],
    ['npm-token', npmToken(rng)],
    ['pypi-token', synth.pypi(rng)],
    ['jwt', synth.jwt(rng)],
  ];
  const missed: string[] = [];
  for (const [rule, value] of values)
    for (const before of ['\\n', '\\t', '\\r', '\\u0022', '\\x3d', '%3D', '%2F']) {
      const text = `{"creds":"user${before}${value}\\nnext"}`;
      if (!scanText(text, { path: 'a.json' }).some((f) => f.ruleId === rule))
        missed.push(`${rule} after ${before}`);
    }
  expect(missed).toStrictEqual([]);
  // Glued to a word, the shape is part of something else (an identifier, a longer token).
  for (const [rule, value] of values.slice(0, 2))
    expect(scanText(`prefix${value}`, { path: 'a.txt' }).some((f) => f.ruleId === rule)).toBe(false);
});
