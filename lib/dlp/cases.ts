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
  UPPER_BASE32,
  int,
  luhnCheckDigit,
} from './synth.ts';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
/** Hiragana: text in a script without spaces, as messages in Japanese are written. */
const KANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん';

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
  pos(
    'stripe-secret-key',
    'test-mode key',
    `const stripe = new Stripe("sk_` + `test_${pick(rng, ALNUM, 24)}");`,
  );
  neg('stripe-secret-key', 'publishable key', `Stripe("pk_` + `live_${pick(rng, ALNUM, 24)}")`);

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
  // Real-code shapes that name a credential rather than hold one (bench/dlp/noise.ts found each
  // class in published packages; the values here are made up from the shape).
  const cap = (n: number) => pick(rng, UPPER, 1) + pick(rng, LOWER, n - 1);
  const vendor = cap(int(rng, 3, 5));
  neg(
    'generic-secret',
    'HTTP header name in a constant',
    `export const SESSION_TOKEN_QUERY_PARAM = "X-${vendor}-S${int(rng, 2, 9)}session-Token";`,
  );
  neg(
    'generic-secret',
    'header name in kebab case',
    `const X_${vendor.toUpperCase()}_METADATA_TOKEN_TTL = "x-${vendor.toLowerCase()}-ec${int(rng, 2, 9)}-metadata-token-ttl-seconds";`,
  );
  neg(
    'generic-secret',
    'environment variable name',
    `export const ENV_CREDENTIALS_PATH = "${vendor.toUpperCase()}_SHARED_CREDENTIALS_FILE";`,
  );
  neg(
    'generic-secret',
    'error code enum member',
    `    QueryStringType${vendor}TokenMismatch = "query_string_type_${vendor.toLowerCase()}_token_mismatch",`,
  );
  neg(
    'generic-secret',
    'type annotation naming a token type',
    `    tokenInput: Create${vendor}${int(rng, 2, 9)}TokenRequestBody | undefined;`,
  );
  neg(
    'generic-secret',
    'type annotation of another type',
    `    'secretRef': V${int(rng, 1, 9)}Local${cap(6)}Reference;`,
  );
  neg(
    'generic-secret',
    'variable reference in an object literal',
    `      withCredentials: defaultTo${cap(6)}${int(rng, 2, 9)},`,
  );
  neg(
    'generic-secret',
    'message in another script',
    `  "Unexpected_token_${int(rng, 1000, 9999)}": "${pick(rng, KANA, 16)}。",`,
  );
  neg(
    'generic-secret',
    'strict comparison in minified code',
    `h=t.clauses?.find(v=>v.token===${pick(rng, LOWER, 1)}.${cap(7)}Keyword),b=this.node(t)`,
  );
  neg(
    'generic-secret',
    'pagination cursor (base64 JSON without credential fields)',
    `  continuationToken: '${Buffer.from(JSON.stringify({ pk: `${cap(6)}_${pick(rng, UPPER, 8)}`, sk: pick(rng, ALNUM, 24) })).toString('base64url')}',`,
  );
  pos(
    'generic-secret',
    'base64 JSON holding a private key',
    `credentials_b64: "${Buffer.from(JSON.stringify({ type: 'service_account', private_key: pick(rng, ALNUM, 40) })).toString('base64')}"`,
  );
  pos(
    'generic-secret',
    'connection string password',
    `Server=db;Password=${synth.genericValue(rng).slice(0, 16)};Database=app`,
  );

  pos('generic-secret-forms', 'Make ?=', `DEPLOY_TOKEN ?= ${synth.genericValue(rng)}\n`);
  pos('generic-secret-forms', 'XML element', `<apiToken>${synth.genericValue(rng)}</apiToken>`);
  neg('generic-secret-forms', 'Make ?= from another variable', 'DEPLOY_TOKEN ?= $(CI_JOB_TOKEN)');
  neg('generic-secret-forms', 'XML element holding a placeholder', '<apiToken>${API_TOKEN}</apiToken>');

  // PII: SSN
  pos('us-ssn-dotted', 'dotted', `ssn ${synth.ssn(rng).replace(/-/g, '.')}`);
  neg(
    'us-ssn-dotted',
    'dotted area 666',
    `ssn 666.${pick(rng, '123456789', 2)}.${pick(rng, '123456789', 4)}`,
  );
  neg('us-ssn-dotted', 'version-like run', 'release 123.45.6789.1');
  neg(
    'us-ssn-dotted',
    'version range',
    `if (browser.satisfies({ chrome: '>${synth.ssn(rng).replace(/-/g, '.')}' }))`,
  );
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
  pos('payment-card-other', 'Dankort', `card ${luhnFinish(rng, '5019', 16)}`);
  pos('payment-card-other', 'UATP', `card ${luhnFinish(rng, '1', 15)}`);
  neg('payment-card-other', 'Luhn-valid 15 digits of no brand', `id ${luhnFinish(rng, '7', 15)}`);
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
  neg('email-address', 'placeholder mailbox', `  email: "username@${pick(rng, LOWER, 8)}.com",`);
  neg(
    'email-address',
    'placeholder domain',
    `use a role contact (e.g. ${pick(rng, LOWER, 6)}-team@company.com)`,
  );
  neg('email-address', '"ex@mple" for example', `email: 'ex@mple.com',`);
  neg(
    'email-address',
    'packed data with a mixed-case top-level domain',
    `module.exports="}${pick(rng, UPPER, 4)}@${pick(rng, LOWER, 6)}.${cap(2)}!${pick(rng, LOWER, 2)}#$!!#<:%~"`,
  );
  neg(
    'email-address',
    'maintainer entry with a parenthesised alias',
    `  **${cap(5)} ${cap(7)} (${pick(rng, KANA, 4)})** <<${synth.email(rng)}>> (he/him)`,
  );
  neg(
    'email-address',
    'URL userinfo inside a regex literal',
    `const re = /https?:\\/\\/(.{1,256}):x-${pick(rng, LOWER, 5)}-basic@${pick(rng, LOWER, 6)}.com\\//g;`,
  );
  neg(
    'email-address',
    'role address with a tag',
    `reported to the team at opensource+coc@${pick(rng, LOWER, 8)}.net.`,
  );
  pos('email-address', 'capitalised address', `Reply-To: ${cap(5)}.${cap(6)}@${cap(7)}.com`);

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
  pos(
    'phone-number-context',
    'French dotted with a phone word',
    `Tel. +33.${int(rng, 1, 9)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}`,
  );
  neg(
    'phone-number-context',
    'dotted digits without a phone word',
    `v +33.1.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)} build`,
  );

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

/** A family dlp-scan claims, and the rules whose findings count for it. */
export const RECALL_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  aws: ['aws-access-key-id', 'aws-secret-access-key'],
  stripe: ['stripe-secret-key'],
  github: ['github-token', 'github-fine-grained-pat'],
  slack: ['slack-token', 'slack-webhook-url'],
  'generic-assignment': ['generic-secret', 'generic-secret-forms'],
  phone: ['phone-number', 'phone-number-context'],
  iban: ['iban'],
  'payment-card': ['payment-card', 'payment-card-other'],
  ssn: ['us-ssn', 'us-ssn-dotted'],
};

export interface RecallCase {
  family: keyof typeof RECALL_FAMILIES;
  /** The shape, never the value. */
  shape: string;
  text: string;
}

function luhnFinish(rng: ReturnType<typeof seededRng>, prefix: string, length: number): string {
  const partial = prefix + pick(rng, DIGITS, length - prefix.length - 1);
  return partial + luhnCheckDigit(partial);
}

/**
 * The recall set: for each family dlp-scan claims, the shapes its published formats allow and
 * the ways people write them (assignment forms of the languages in use, current token prefixes
 * and versions, separators). Values are generated from the formats with a seeded PRNG; nothing is
 * copied from anyone's samples. A case counts as found when a scan reports any rule of its family.
 */
export function recallCases(seed = 20261204): RecallCase[] {
  const rng = seededRng(seed);
  const out: RecallCase[] = [];
  const add = (family: RecallCase['family'], shape: string, text: string) =>
    out.push({ family, shape, text });
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

  // AWS: every access key id prefix AWS documents for keys (AKIA user, ASIA temporary, ABIA/ACCA).
  for (const prefix of ['AKIA', 'ASIA', 'ABIA', 'ACCA'])
    for (const form of ['env', 'json', 'ini'] as const) {
      const id = prefix + pick(rng, UPPER_BASE32, 16);
      add(
        'aws',
        `${prefix} key id (${form})`,
        form === 'env'
          ? `AWS_ACCESS_KEY_ID=${id}\n`
          : form === 'json'
            ? `{"AccessKeyId": "${id}"}`
            : `[default]\naws_access_key_id = ${id}\n`,
      );
    }
  add('aws', 'secret access key (ini)', `aws_secret_access_key = ${synth.awsSecret(rng)}\n`);
  add('aws', 'secret access key (yaml)', `  AWS_SECRET_ACCESS_KEY: "${synth.awsSecret(rng)}"\n`);

  // Stripe: secret (sk_) and restricted (rk_) keys, live and test mode, the lengths Stripe issues.
  for (const kind of ['sk', 'rk'])
    for (const mode of ['live', 'test'])
      for (const length of [24, 99]) {
        const key = `${kind}_${mode}_` + pick(rng, ALNUM, length);
        add('stripe', `${kind}_${mode}_ (${length})`, `STRIPE_KEY=${key}\n`);
        add('stripe', `${kind}_${mode}_ in code (${length})`, `stripe.api_key = "${key}"`);
      }

  // GitHub: classic tokens of every kind, and fine-grained PATs (82 characters of [A-Za-z0-9_]).
  for (const kind of ['p', 'o', 'u', 's', 'r'] as const)
    add('github', `gh${kind}_ token`, `token: ${githubToken(rng, true, kind)}\n`);
  for (let i = 0; i < 6; i++) {
    const body = pick(rng, ALNUM + '_', 82);
    add('github', `fine-grained PAT #${i}`, `GH_TOKEN=${'github'}_pat_${body}\n`);
  }
  add(
    'github',
    'fine-grained PAT (22_59 form)',
    `gh auth login --with-token <<< ${synth.githubFineGrained(rng)}`,
  );

  // Slack: bot, user, app-level, refresh and rotated tokens; webhooks of every kind.
  const d = (n: number) => pick(rng, '123456789', 1) + pick(rng, DIGITS, n - 1);
  add('slack', 'xoxb bot token', `SLACK_BOT_TOKEN=xo${'xb'}-${d(12)}-${d(13)}-${pick(rng, ALNUM, 24)}`);
  add('slack', 'xoxp user token', `"xo${'xp'}-${d(12)}-${d(12)}-${d(13)}-${pick(rng, HEX, 32)}"`);
  add('slack', 'xoxa-2 workspace token', `token = "xo${'xa'}-2-${d(12)}-${d(12)}-${pick(rng, HEX, 64)}"`);
  add('slack', 'xoxr-1 refresh token', `refresh: xo${'xr'}-1-${d(12)}-${pick(rng, ALNUM, 40)}`);
  add('slack', 'xoxe.xoxp-1 rotating token', `SLACK=xo${'xe'}.xoxp-1-${pick(rng, ALNUM, 150)}`);
  add('slack', 'xoxe-1 refresh token', `SLACK_REFRESH=xo${'xe'}-1-${pick(rng, ALNUM, 140)}`);
  add(
    'slack',
    'xapp-1 app-level token',
    `SLACK_APP_TOKEN=xa${'pp'}-1-A${pick(rng, upper + DIGITS, 10)}-${d(13)}-${pick(rng, HEX, 64)}`,
  );
  const team = () => 'T' + pick(rng, upper + DIGITS, 10);
  add(
    'slack',
    'webhook (services)',
    `url: https://hooks.slack.com/services/${team()}/B${pick(rng, upper + DIGITS, 10)}/${pick(rng, ALNUM, 24)}`,
  );
  add(
    'slack',
    'webhook (workflows)',
    `"https://hooks.slack.com/workflows/${team()}/A${pick(rng, upper + DIGITS, 10)}/${d(18)}/${pick(rng, ALNUM, 24)}"`,
  );
  add(
    'slack',
    'webhook (triggers)',
    `WEBHOOK=https://hooks.slack.com/triggers/${team()}/${d(13)}/${pick(rng, HEX, 32)}`,
  );
  add(
    'slack',
    'webhook (services, legacy short)',
    `https://hooks.slack.com/services/${team().slice(0, 9)}/B${pick(rng, upper + DIGITS, 8)}/${pick(rng, ALNUM, 24)}`,
  );

  // Generic assignments, as each language writes them.
  const v = () => synth.genericValue(rng);
  const forms: Array<[string, (value: string) => string]> = [
    ['.env', (x) => `API_TOKEN=${x}\n`],
    ['shell export', (x) => `export SERVICE_TOKEN="${x}"\n`],
    ['YAML', (x) => `  client_secret: ${x}\n`],
    ['TOML', (x) => `api_key = "${x}"\n`],
    ['Java properties', (x) => `db.password=${x}\n`],
    ['Java properties (colon)', (x) => `service.token: ${x}\n`],
    ['Python', (x) => `SECRET_KEY = '${x}'\n`],
    ['JavaScript object', (x) => `const cfg = { apiKey: "${x}" };\n`],
    ['Go short declaration', (x) => `authToken := "${x}"\n`],
    ['Go var with type', (x) => `var apiToken string = "${x}"\n`],
    ['Make ?=', (x) => `DEPLOY_TOKEN ?= ${x}\n`],
    ['Make :=', (x) => `DEPLOY_TOKEN := ${x}\n`],
    ['Make ::=', (x) => `DEPLOY_TOKEN ::= ${x}\n`],
    ['Make :::=', (x) => `DEPLOY_TOKEN :::= ${x}\n`],
    ['Make +=', (x) => `EXTRA_SECRET += ${x}\n`],
    ['PHP assignment', (x) => `$dbPassword = "${x}";\n`],
    ['PHP .=', (x) => `$apiSecret .= "${x}";\n`],
    ['PHP array', (x) => `'api_key' => '${x}',\n`],
    ['Java setProperty', (x) => `System.setProperty("SERVICE_TOKEN", "${x}");\n`],
    ['XML element', (x) => `<apiToken>${x}</apiToken>\n`],
    ['XML attribute', (x) => `<add key="ClientSecret" value="${x}" />\n`],
    ['JSON', (x) => `{"access_token": "${x}"}\n`],
    ['JSON string holding an env file', (x) => `{"env": "SERVICE_TOKEN=${x}\\nNEXT=1"}\n`],
    ['Ruby hash', (x) => `config.secret_token = '${x}'\n`],
    ['C#', (x) => `private const string ApiKey = "${x}";\n`],
    ['Kotlin', (x) => `val apiSecret = "${x}"\n`],
    ['Terraform', (x) => `  password = "${x}"\n`],
    ['Dockerfile ENV', (x) => `ENV API_TOKEN=${x}\n`],
    ['docker-compose list', (x) => `      - DB_PASSWORD=${x}\n`],
    ['CLI flag', (x) => `mysql --password=${x} -h db\n`],
    ['INI', (x) => `secret = ${x}\n`],
  ];
  for (const [shape, make] of forms) add('generic-assignment', shape, make(v()));

  // Phones: international formats with context; NANP with extensions, 001 and spaces.
  const nanp = () => `${int(rng, 2, 9)}${pick(rng, DIGITS, 2)}`;
  const exch = () => `${int(rng, 2, 9)}${int(rng, 0, 4)}${pick(rng, DIGITS, 1)}`;
  const phones: Array<[string, string]> = [
    [
      '+CC (0)AA BBB BB BB',
      `Phone: +${int(rng, 30, 49)} (0)${pick(rng, DIGITS, 2)} ${pick(rng, DIGITS, 3)} ${pick(rng, DIGITS, 2)} ${pick(rng, DIGITS, 2)}`,
    ],
    [
      '+CCCCCC BBB BBB',
      `tel: +${int(rng, 2, 9)}${pick(rng, DIGITS, 5)} ${pick(rng, DIGITS, 3)} ${pick(rng, DIGITS, 3)}`,
    ],
    [
      '+CC AA BBBB BBBB',
      `mobile: +${int(rng, 30, 49)} ${pick(rng, DIGITS, 2)} ${pick(rng, DIGITS, 4)} ${pick(rng, DIGITS, 4)}`,
    ],
    [
      '+CC-AAA-BBB-BBBB',
      `phone +${int(rng, 30, 49)}-${pick(rng, DIGITS, 3)}-${pick(rng, DIGITS, 3)}-${pick(rng, DIGITS, 4)}`,
    ],
    [
      '+CC.AA.BB.BB.BB',
      `Tel. +33.${int(rng, 1, 9)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}`,
    ],
    ['compact E.164', `"phone": "+${int(rng, 30, 49)}${pick(rng, DIGITS, 10)}"`],
    [
      'NANP with x extension',
      `Phone: (${nanp()}) ${exch()}-${pick(rng, DIGITS, 4)} x${pick(rng, DIGITS, 3)}`,
    ],
    ['NANP with ext.', `call ${nanp()}-${exch()}-${pick(rng, DIGITS, 4)} ext. ${pick(rng, DIGITS, 4)}`],
    ['001- international prefix', `phone: 001-${nanp()}-${exch()}-${pick(rng, DIGITS, 4)}`],
    [
      '00 international prefix',
      `Tel: 00${int(rng, 30, 49)} ${pick(rng, DIGITS, 3)} ${pick(rng, DIGITS, 3)} ${pick(rng, DIGITS, 3)}`,
    ],
    ['NANP with spaces', `phone: ${nanp()} ${exch()} ${pick(rng, DIGITS, 4)}`],
    ['+1 NANP dotted', `cell: +1.${nanp()}.${exch()}.${pick(rng, DIGITS, 4)}`],
    ['NANP formatted', `Call ${synth.phone(rng)} today`],
    ['bare NANP with context', `phone=${nanp()}${exch()}${pick(rng, DIGITS, 4)}`],
  ];
  for (const [shape, text] of phones) add('phone', shape, text);

  // IBANs: compact, grouped by spaces or dashes, lowercase, followed by a one-letter word.
  for (const country of ['DE', 'GB', 'FR', 'NL', 'ES'] as const) {
    const value = iban(rng, country);
    add('iban', `${country} compact`, `iban: ${value}`);
    add('iban', `${country} spaces`, `IBAN ${groupIban(value)}`);
    add('iban', `${country} dashes`, `account ${groupIban(value).replace(/ /g, '-')}`);
    add('iban', `${country} lowercase`, `iban=${value.toLowerCase()}`);
    add('iban', `${country} then a one-letter word`, `Pay to ${groupIban(iban(rng, country))} A Smith`);
  }

  // Cards: the claimed brands plus Maestro (12-19), JCB 15 (1800/2131), UATP, Dankort.
  for (const brand of ['visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners'] as const) {
    const n = cardNumber(rng, brand);
    add('payment-card', `${brand} spaces`, `card: ${groupCard(n)}`);
    add('payment-card', `${brand} dashes`, `card ${groupCard(n, '-')}`);
    add('payment-card', `${brand} contiguous`, `"pan":"${n}"`);
  }
  const extra: Array<[string, string, number]> = [
    ['Maestro 12', '501800', 12],
    ['Maestro 13', '6759', 13],
    ['Maestro 19', '6304', 19],
    ['JCB 15 (1800)', '1800', 15],
    ['JCB 15 (2131)', '2131', 15],
    ['UATP 15', '1', 15],
    ['Dankort 16', '5019', 16],
  ];
  for (const [shape, prefix, length] of extra) {
    const n = luhnFinish(rng, prefix, length);
    add('payment-card', `${shape} contiguous`, `card number: ${n}`);
    add('payment-card', `${shape} grouped`, `card: ${n.replace(/(\d{4})(?=\d)/g, '$1 ')}`);
  }

  // SSNs: dashes, spaces with context, bare with context, dots.
  for (let i = 0; i < 3; i++) {
    const ssn = synth.ssn(rng);
    add('ssn', 'dashed', `employee ssn: ${ssn}`);
    add('ssn', 'spaces with context', `SSN ${ssn.replace(/-/g, ' ')}`);
    add('ssn', 'bare with context', `"ssn": "${ssn.replace(/-/g, '')}"`);
    add('ssn', 'dots', `social security no. ${ssn.replace(/-/g, '.')}`);
    add('ssn', 'dots without context', `record 7 | ${ssn.replace(/-/g, '.')} | active`);
  }
  return out;
}
