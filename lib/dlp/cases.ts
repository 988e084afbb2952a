/**
 * Labelled cases, generated at run time: every rule gets positives and negatives. The CI scanner
 * tests and the Envoy-Lua ingress tests run over the same cases, so the two agree on what is PII.
 *
 *   import { labelledCases } from '../lib/dlp/cases.ts';
 *   for (const c of labelledCases()) { ...scan c.text, expect exactly c.expectedRuleIds... }
 */
import {
  cardNumber,
  githubToken,
  groupCard,
  groupIban,
  iban,
  npmToken,
  pick,
  seededRng,
  synth,
  uuid,
  ALNUM,
  BASE64,
  HEX,
  DIGITS,
} from './synth.ts';

export interface LabelledCase {
  /** Human-readable, never containing the value. */
  name: string;
  /** The rule the case exercises. */
  rule: string;
  text: string;
  /** Rule ids a scan of `text` must report, exactly (empty for a negative). */
  expectedRuleIds: string[];
}

export function labelledCases(seed = 20261101): LabelledCase[] {
  const rng = seededRng(seed);
  const cases: LabelledCase[] = [];
  const pos = (rule: string, name: string, text: string, expected: string[] = [rule]) =>
    cases.push({ rule, name: `${rule}: ${name}`, text, expectedRuleIds: expected });
  const neg = (rule: string, name: string, text: string) =>
    cases.push({ rule, name: `${rule}: ${name} (negative)`, text, expectedRuleIds: [] });

  // AWS
  pos('aws-access-key-id', 'in an env file', `AWS_ACCESS_KEY_ID=${synth.awsAccessKeyId(rng)}\n`);
  pos(
    'aws-access-key-id',
    'temporary ASIA key in JSON',
    `{"AccessKeyId": "AS` + `IA${pick(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}"}`,
  );
  neg('aws-access-key-id', 'AWS documentation example', `key = "AK` + `IAIOSFODNN7EXAMPLE"`);
  neg(
    'aws-access-key-id',
    'inside a longer identifier',
    `x = "XAK` + `IA${pick(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 16)}"`,
  );
  pos(
    'aws-secret-access-key',
    'credentials file',
    `[default]\naws_secret_access_key = ${synth.awsSecret(rng)}\n`,
  );
  pos('aws-secret-access-key', 'YAML', `  AWS_SECRET_ACCESS_KEY: "${synth.awsSecret(rng)}"\n`);
  neg('aws-secret-access-key', 'low entropy', `aws_secret_access_key = ${'A'.repeat(20)}${'B'.repeat(20)}\n`);

  // GitHub
  pos('github-token', 'classic PAT', `const client = new Octokit({ auth: '${githubToken(rng)}' });`);
  pos('github-token', 'app installation token', `GITHUB=${githubToken(rng, true, 's')}`);
  neg('github-token', 'bad checksum', `const x = '${githubToken(rng, false)}';`);
  pos(
    'github-fine-grained-pat',
    'fine-grained PAT',
    `gh auth login --with-token <<< ${synth.githubFineGrained(rng)}`,
  );
  neg('github-fine-grained-pat', 'truncated', `see ${'github'}_pat_${pick(rng, ALNUM, 10)} in the docs`);

  pos('gitlab-pat', 'CI variable', `GITLAB=${synth.gitlab(rng)}`);
  neg('gitlab-pat', 'too short', `prefix ${'glpat'}-abc123`);

  pos('slack-token', 'bot token', `slack_client = WebClient("${synth.slack(rng)}")`);
  neg('slack-token', 'hugs', 'xoxo-love from everyone');
  pos('slack-webhook-url', 'webhook', `curl -X POST ${synth.slackWebhook(rng)}`);

  pos('stripe-secret-key', 'live key', `Stripe.apiKey = "${synth.stripe(rng)}";`);
  neg(
    'stripe-secret-key',
    'test-mode key',
    `const stripe = new Stripe("sk_` + `test_${pick(rng, ALNUM, 24)}");`,
  );

  pos(
    'google-api-key',
    'maps key',
    `<script src="https://maps.googleapis.com/maps/api/js?key=${synth.google(rng)}"></script>`,
  );
  neg('google-api-key', 'too short', `AI${'za'}Sy123`);

  pos('azure-account-key', 'storage connection string', `conn = ${synth.azureConnectionString(rng)}`);
  neg('azure-account-key', 'development storage', 'UseDevelopmentStorage=true;AccountName=devstoreaccount1');

  pos('npm-token', '.npmrc', `//registry.npmjs.org/:_authToken=${npmToken(rng)}`);
  neg('npm-token', 'bad checksum', `//registry.npmjs.org/:_auth=${npmToken(rng, false)}`);
  neg('npm-token', 'npm_config variable', 'echo $npm_config_registry $npm_package_version');

  pos('pypi-token', '.pypirc', `[pypi]\n  username = __token__\n  pass = ${synth.pypi(rng)}\n`);

  pos('private-key', 'RSA PEM', `${synth.privateKey(rng, 'RSA')}\n`);
  pos('private-key', 'OpenSSH key', `key: |\n${synth.privateKey(rng, 'OPENSSH')}\n`);
  pos(
    'private-key',
    'encrypted PEM (Proc-Type and DEK-Info headers)',
    synth
      .privateKey(rng, 'RSA')
      .replace(
        ' KEY-----\n',
        ` KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,${pick(rng, '0123456789ABCDEF', 32)}\n\n`,
      ),
  );
  neg(
    'private-key',
    'public key',
    `-----BEGIN PUBLIC` + ` KEY-----\n${pick(rng, BASE64, 64)}\n-----END PUBLIC KEY-----\n`,
  );
  neg(
    'private-key',
    'header only in docs',
    'Paste the block that starts with -----BEGIN' + ' PRIVATE KEY----- here.',
  );

  pos('jwt', 'bearer header', `Authorization: Bearer ${synth.jwt(rng)}`);
  neg(
    'jwt',
    'eyJ-prefixed base64 that is not JSON',
    `blob = "eyJ${pick(rng, ALNUM, 20)}.eyJ${pick(rng, ALNUM, 20)}.${pick(rng, ALNUM, 30)}"`,
  );

  // Generic assignments.
  pos('generic-secret', 'api_key in Python', `api_key = "${synth.genericValue(rng)}"`);
  pos('generic-secret', 'password in YAML', `  password: ${synth.genericValue(rng)}\n`);
  pos('generic-secret', 'client secret in JSON', `{"client_secret": "${synth.genericValue(rng)}"}`);
  neg('generic-secret', '${DB_PASSWORD} placeholder', 'DB_PASSWORD="${DB_PASSWORD}"');
  neg('generic-secret', '<redacted> placeholder', 'password = "<redacted>"');
  neg('generic-secret', 'xxxx placeholder', 'api_key: "xxxxxxxxxxxxxxxxxxxx"');
  neg('generic-secret', 'changeme', 'password = "changeme123"');
  neg('generic-secret', 'UUID', `token = "${uuid(rng)}"`);
  neg('generic-secret', '40-hex commit hash', `secret_ref = "${pick(rng, HEX, 40)}"`);
  neg('generic-secret', 'low entropy', 'password = "aaaaaaaabbbbbbbb"');
  neg('generic-secret', 'identifier, not a value', 'token = this.tokenService.current');
  neg('generic-secret', 'comparison', 'if (token == "")');
  neg('generic-secret', 'base64 blob without a key', `const data = "${pick(rng, BASE64, 400)}";`);
  neg('generic-secret', 'environment lookup', 'password = os.environ["DB_PASSWORD"]');

  // PII: SSN
  pos('us-ssn', 'dashed', `employee ssn: ${synth.ssn(rng)}`);
  pos('us-ssn', 'dashed without context', `record 7 | ${synth.ssn(rng)} | active`);
  pos('us-ssn', 'bare digits with context', `"ssn": "${synth.ssn(rng).replace(/-/g, '')}"`);
  neg('us-ssn', 'area 000', `ssn: 000-${pick(rng, '123456789', 2)}-${pick(rng, '123456789', 4)}`);
  neg('us-ssn', 'area 666', `ssn: 666-${pick(rng, '123456789', 2)}-${pick(rng, '123456789', 4)}`);
  neg(
    'us-ssn',
    'area 9xx',
    `ssn: 9${pick(rng, DIGITS, 2)}-${pick(rng, '123456789', 2)}-${pick(rng, '123456789', 4)}`,
  );
  neg('us-ssn', 'group 00', `ssn: 4${pick(rng, '123456789', 2)}-00-${pick(rng, '123456789', 4)}`);
  neg('us-ssn', 'serial 0000', `ssn: 4${pick(rng, '123456789', 2)}-${pick(rng, '123456789', 2)}-0000`);
  neg('us-ssn', 'bare digits without context', `order id ${synth.ssn(rng).replace(/-/g, '')} shipped`);

  // PII: cards
  for (const brand of ['visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners'] as const) {
    pos('payment-card', `${brand} grouped`, `card: ${groupCard(cardNumber(rng, brand))}`);
    pos('payment-card', `${brand} contiguous`, `"pan":"${cardNumber(rng, brand)}"`);
    neg('payment-card', `${brand} bad check digit`, `card: ${groupCard(cardNumber(rng, brand, false))}`);
  }
  pos('payment-card', 'mastercard 2-series', `pan=${cardNumber(rng, 'mastercard', true, '2720')}`);
  pos('payment-card', 'dashed', `card ${groupCard(cardNumber(rng, 'visa'), '-')}`);
  neg('payment-card', 'Luhn-valid but no brand', `id ${cardNumber(rng, 'visa', true, '9')}`);
  neg('payment-card', 'millisecond timestamp', 'createdAt: 1700000000123');

  // PII: email
  pos('email-address', 'in a comment', `// contact ${synth.email(rng)} for access`);
  for (const domain of [
    'example.com',
    'mail.example.org',
    'example.net',
    'ci.test',
    'host.example',
    'nowhere.invalid',
  ]) {
    neg('email-address', `reserved domain ${domain}`, `author: Jane <jane@${domain}>`);
  }
  neg('email-address', 'ssh remote', 'git clone git@github.com:octo/repo.git');
  neg('email-address', 'retina asset', 'background: url(icon@2x.png)');
  neg('email-address', 'package spec', 'npm i lodash@4.17.21 @types/node@24');
  neg('email-address', 'decorator', '@Component({ selector: "x" })');

  // PII: phone
  pos('phone-number', 'US formatted', `Call ${synth.phone(rng)} today`);
  pos('phone-number', 'international', `tel: +44 20 79${pick(rng, DIGITS, 2)} ${pick(rng, DIGITS, 4)}`);
  pos(
    'phone-number',
    'bare with context',
    `phone=4${pick(rng, '23456789', 1)}${pick(rng, DIGITS, 1)}7${pick(rng, DIGITS, 2)}${pick(rng, DIGITS, 4)}`,
  );
  neg(
    'phone-number',
    'bare without context',
    `id=4${pick(rng, '23456789', 1)}${pick(rng, DIGITS, 1)}7${pick(rng, DIGITS, 2)}${pick(rng, DIGITS, 4)}`,
  );
  neg('phone-number', 'fictional 555-01xx', `Call (415) 555-01${pick(rng, DIGITS, 2)}`);
  neg('phone-number', 'version string', 'version 1.234.567.8');

  // PII: IBAN
  for (const country of ['DE', 'GB', 'FR', 'NL'] as const) {
    pos('iban', `${country} compact`, `iban: ${iban(rng, country)}`);
    pos('iban', `${country} grouped`, `IBAN ${groupIban(iban(rng, country))}`);
    neg('iban', `${country} bad checksum`, `iban: ${iban(rng, country, false)}`);
  }
  neg('iban', 'unknown country', `iban: ZZ${pick(rng, DIGITS, 20)}`);

  // Several in one text: every one is reported.
  pos('mixed', 'secret and PII on one line', `ssn=${synth.ssn(rng)} key=${synth.awsAccessKeyId(rng)}`, [
    'us-ssn',
    'aws-access-key-id',
  ]);
  return cases;
}
