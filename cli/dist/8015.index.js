import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 8015;
export const ids = [8015];
export const modules = {

/***/ 78304:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yL: () => (/* reexport */ pack/* DlpRulePackError */.yL),
  _3: () => (/* reexport */ threads/* MIN_UNITS_PER_LANE */._3),
  T1: () => (/* reexport */ pack/* defaultRulePack */.T1),
  F1: () => (/* reexport */ gitleaksReport),
  eq: () => (/* reexport */ isConfigFinding),
  Ee: () => (/* reexport */ pack/* loadRulePackOverride */.Ee),
  e0: () => (/* reexport */ redactionLog),
  dg: () => (/* reexport */ scan/* registerSecrets */.dg),
  tP: () => (/* reexport */ ruleDescriptors),
  rq: () => (/* reexport */ threads/* scanFilesBudgeted */.rq),
  Ff: () => (/* reexport */ scan/* scanText */.Ff),
  vC: () => (/* reexport */ toReportFinding),
  eg: () => (/* reexport */ threads/* warmScanWorkers */.eg)
});

// UNUSED EXPORTS: RULE_PACK_OVERRIDE_SCHEMA, RULE_PACK_SCHEMA, builtInRulePackSpec, closeScanWorkers, compileRulePack, defaultRuleBudgetMs, fingerprint, labelledCases, loadRulePackText, mergeRulePack, scanFiles, scanTextWithStats, secretOf, unvettedRuleIds

// EXTERNAL MODULE: ./lib/dlp/pack.ts + 5 modules
var pack = __webpack_require__(67782);
// EXTERNAL MODULE: ./lib/dlp/scan.ts
var scan = __webpack_require__(40492);
;// CONCATENATED MODULE: ./lib/dlp/report.ts
function redactionLog(findings) {
    const byRule = {};
    const byTag = {};
    const bySeverity = { error: 0, warning: 0, notice: 0 };
    for (const f of findings) {
        byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
        bySeverity[f.severity]++;
        for (const tag of f.tags)
            byTag[tag] = (byTag[tag] ?? 0) + 1;
    }
    const sorted = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
    return { total: findings.length, byRule: sorted(byRule), bySeverity, byTag: sorted(byTag) };
}
function gitleaksReport(findings) {
    return findings.map((f) => ({
        RuleID: f.ruleId,
        Description: f.description,
        StartLine: f.line,
        EndLine: f.endLine,
        StartColumn: f.column,
        EndColumn: f.endColumn - 1,
        Match: f.matchPreview,
        Secret: f.preview,
        File: f.path,
        SymlinkFile: '',
        Commit: f.commit?.sha ?? '',
        Entropy: f.entropy ?? 0,
        Author: f.commit?.author ?? '',
        Email: f.commit?.email ?? '',
        Date: f.commit?.date ?? '',
        Message: f.commit?.message ?? '',
        Tags: [...f.tags],
        Fingerprint: f.fingerprint,
    }));
}
/**
 * A finding about the scan's own configuration (dlp-scan's `dlp-config-*` rules) rather than a
 * value: every rule of a pack is tagged `secret` or `pii`, so one with neither is not a match.
 * Its description is the whole message; its preview is a word such as `added`, not a value.
 */
function isConfigFinding(f) {
    return !f.tags.includes('secret') && !f.tags.includes('pii');
}
/** The shared report vocabulary (annotations, SARIF) for a finding. */
function toReportFinding(f) {
    return {
        ruleId: f.ruleId,
        level: f.severity,
        message: isConfigFinding(f) ? f.description : `${f.description}: ${f.preview}`,
        location: { file: f.path, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn },
        fingerprint: f.fingerprint,
        properties: {
            preview: f.preview,
            tags: f.tags,
            ...(f.entropy !== undefined ? { entropy: f.entropy } : {}),
        },
    };
}
function ruleDescriptors(pack) {
    return pack.rules.map((r) => ({
        id: r.id,
        shortDescription: r.spec.description,
        defaultLevel: r.spec.severity,
        tags: [...r.spec.tags],
    }));
}

// EXTERNAL MODULE: ./lib/dlp/validators.ts
var validators = __webpack_require__(50330);
;// CONCATENATED MODULE: ./lib/dlp/synth.ts
/**
 * Synthetic secrets and PII, generated at run time from a seeded PRNG so nothing secret-looking
 * is committed in clear. Shared by the labelled cases, the tests and the benchmark.
 */

/** mulberry32: tiny, seedable, good enough for test data. */
function synth_seededRng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
const synth_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const synth_BASE64 = synth_ALNUM + '+/';
const BASE64URL = synth_ALNUM + '-_';
const synth_UPPER_BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const synth_DIGITS = '0123456789';
const synth_HEX = '0123456789abcdef';
function synth_pick(rng, alphabet, length) {
    let out = '';
    for (let i = 0; i < length; i++)
        out += alphabet[Math.floor(rng() * alphabet.length)];
    return out;
}
function synth_int(rng, min, max) {
    return min + Math.floor(rng() * (max - min + 1));
}
/** Random base62 with at least one digit, upper and lower: what real generators produce. */
function mixed(rng, length) {
    for (;;) {
        const s = synth_pick(rng, synth_ALNUM, length);
        if (/\d/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s))
            return s;
    }
}
function corrupt(rng, value) {
    const last = value[value.length - 1];
    let replacement = last;
    while (replacement === last)
        replacement = synth_pick(rng, synth_ALNUM, 1);
    return value.slice(0, -1) + replacement;
}
function synth_githubToken(rng, validChecksum = true, kind = 'p') {
    const random = mixed(rng, 30);
    const token = `gh${kind}_` + random + checksumTokenBody(random);
    return validChecksum ? token : corrupt(rng, token);
}
function synth_npmToken(rng, validChecksum = true) {
    const random = mixed(rng, 30);
    const token = 'npm' + '_' + random + checksumTokenBody(random);
    return validChecksum ? token : corrupt(rng, token);
}
const synth_synth = {
    awsAccessKeyId: (rng) => 'AK' + 'IA' + synth_pick(rng, synth_UPPER_BASE32, 16),
    awsSecret: (rng) => mixed(rng, 36) + synth_pick(rng, synth_BASE64, 4),
    githubFineGrained: (rng) => 'github' + '_pat_' + mixed(rng, 22) + '_' + mixed(rng, 59),
    gitlab: (rng) => 'gl' + 'pat-' + mixed(rng, 20),
    slack: (rng) => 'xo' + 'xb-' + synth_pick(rng, synth_DIGITS, 12) + '-' + synth_pick(rng, synth_DIGITS, 13) + '-' + mixed(rng, 24),
    slackWebhook: (rng) => 'https://hooks.slack.com/' +
        'services/T' +
        synth_pick(rng, synth_UPPER_BASE32, 10) +
        '/B' +
        synth_pick(rng, synth_UPPER_BASE32, 10) +
        '/' +
        mixed(rng, 24),
    stripe: (rng) => 'sk' + '_live_' + mixed(rng, 24 + synth_int(rng, 0, 75)),
    google: (rng) => 'AI' + 'za' + mixed(rng, 30) + synth_pick(rng, BASE64URL, 5),
    azureConnectionString: (rng) => `DefaultEndpointsProtocol=https;AccountName=acct${synth_pick(rng, synth_DIGITS, 4)};Account` +
        `Key=${mixed(rng, 60)}${synth_pick(rng, synth_BASE64, 26)}==;EndpointSuffix=core.windows.net`,
    pypi: (rng) => 'pypi-' + 'AgEIcHlwaS5vcmc' + mixed(rng, 40) + synth_pick(rng, BASE64URL, 30),
    privateKey: (rng, kind = 'RSA') => {
        const lines = [];
        for (let i = 0; i < 12; i++)
            lines.push(synth_pick(rng, synth_BASE64, 64));
        return (`-----BEGIN ${kind} PRIVATE` + ` KEY-----\n${lines.join('\n')}\n-----END ${kind} PRIVATE` + ' KEY-----');
    },
    jwt: (rng) => {
        const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub: mixed(rng, 12), iat: synth_int(rng, 1.6e9, 1.8e9) })}.${synth_pick(rng, BASE64URL, 43)}`;
    },
    genericValue: (rng) => mixed(rng, 32),
    ssn: (rng) => {
        let area = synth_int(rng, 1, 899);
        if (area === 666)
            area = 667;
        return `${String(area).padStart(3, '0')}-${String(synth_int(rng, 1, 99)).padStart(2, '0')}-${String(synth_int(rng, 1, 9999)).padStart(4, '0')}`;
    },
    email: (rng) => `${synth_pick(rng, 'abcdefghijklmnopqrstuvwxyz', 6)}.${synth_pick(rng, 'abcdefghijklmnopqrstuvwxyz', 5)}@${synth_pick(rng, 'abcdefghijklmnopqrstuvwxyz', 7)}.com`,
    phone: (rng) => `(${synth_int(rng, 2, 9)}${synth_pick(rng, synth_DIGITS, 2)}) ${synth_int(rng, 2, 9)}${synth_pick(rng, '0123456789', 2).replace(/^55$/, '56')}-${synth_pick(rng, synth_DIGITS, 4)}`,
};
const CARD_PREFIXES = {
    visa: { prefixes: ['4'], length: 16 },
    mastercard: { prefixes: ['51', '55', '2221', '2720'], length: 16 },
    amex: { prefixes: ['34', '37'], length: 15 },
    discover: { prefixes: ['6011', '65', '644'], length: 16 },
    jcb: { prefixes: ['3528', '3589'], length: 16 },
    diners: { prefixes: ['36', '300'], length: 14 },
};
/** The digit that makes `partial + digit` pass the Luhn check. */
function synth_luhnCheckDigit(partial) {
    for (let d = 0; d <= 9; d++)
        if (luhnValid(partial + d))
            return String(d);
    throw new Error('unreachable');
}
/** A card number with a brand prefix and length; `validLuhn=false` gives a wrong check digit. */
function synth_cardNumber(rng, brand, validLuhn = true, prefix) {
    const spec = CARD_PREFIXES[brand];
    const start = prefix ?? spec.prefixes[synth_int(rng, 0, spec.prefixes.length - 1)];
    let partial = start + synth_pick(rng, synth_DIGITS, spec.length - start.length - 1);
    if (/^(\d)\1+$/.test(partial))
        partial = partial.slice(0, -1) + ((Number(partial.slice(-1)) + 1) % 10);
    const check = synth_luhnCheckDigit(partial);
    return partial + (validLuhn ? check : String((Number(check) + 1 + synth_int(rng, 0, 8)) % 10));
}
function synth_groupCard(digits, separator = ' ') {
    if (digits.length === 15 || digits.length === 14)
        return `${digits.slice(0, 4)}${separator}${digits.slice(4, 10)}${separator}${digits.slice(10)}`;
    return digits.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
}
const BBAN = {
    DE: (rng) => synth_pick(rng, synth_DIGITS, 18),
    GB: (rng) => synth_pick(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4) + synth_pick(rng, synth_DIGITS, 14),
    FR: (rng) => synth_pick(rng, synth_DIGITS, 23),
    NL: (rng) => synth_pick(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4) + synth_pick(rng, synth_DIGITS, 10),
    ES: (rng) => synth_pick(rng, synth_DIGITS, 20),
};
function synth_iban(rng, country = 'DE', validChecksum = true) {
    const bban = BBAN[country](rng);
    const check = 98 - ibanMod97(`${country}00${bban}`);
    const good = `${country}${String(check).padStart(2, '0')}${bban}`;
    if (validChecksum)
        return good;
    const wrong = (check % 97) + 1 === check ? check + 1 : (check % 97) + 1;
    return `${country}${String(wrong === check ? check - 1 : wrong).padStart(2, '0')}${bban}`;
}
function synth_groupIban(value) {
    return value.replace(/(.{4})(?=.)/g, '$1 ');
}
function synth_uuid(rng) {
    const h = synth_pick(rng, synth_HEX, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

;// CONCATENATED MODULE: ./lib/dlp/cases.ts
/**
 * Labelled cases, generated at run time: every rule gets positives and negatives. The CI scanner
 * tests and the Envoy-Lua ingress tests run over the same cases, so the two agree on what is PII.
 *
 *   import { labelledCases } from '../lib/dlp/cases.ts';
 *   for (const c of labelledCases()) { ...scan c.text, expect exactly c.expectedRuleIds... }
 */

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
/** Hiragana: text in a script without spaces, as messages in Japanese are written. */
const KANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん';
function labelledCases(seed = 20261101) {
    const rng = seededRng(seed);
    const cases = [];
    const pos = (rule, name, text, expected = [rule]) => cases.push({ rule, name: `${rule}: ${name}`, text, expectedRuleIds: expected });
    const neg = (rule, name, text) => cases.push({ rule, name: `${rule}: ${name} (negative)`, text, expectedRuleIds: [] });
    // AWS
    pos('aws-access-key-id', 'in an env file', `AWS_ACCESS_KEY_ID=${synth.awsAccessKeyId(rng)}\n`);
    pos('aws-access-key-id', 'temporary ASIA key in JSON', `{"AccessKeyId": "AS` + `IA${pick(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}"}`);
    neg('aws-access-key-id', 'AWS documentation example', `key = "AK` + `IAIOSFODNN7EXAMPLE"`);
    neg('aws-access-key-id', 'inside a longer identifier', `x = "XAK` + `IA${pick(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 16)}"`);
    pos('aws-secret-access-key', 'credentials file', `[default]\naws_secret_access_key = ${synth.awsSecret(rng)}\n`);
    pos('aws-secret-access-key', 'YAML', `  AWS_SECRET_ACCESS_KEY: "${synth.awsSecret(rng)}"\n`);
    neg('aws-secret-access-key', 'low entropy', `aws_secret_access_key = ${'A'.repeat(20)}${'B'.repeat(20)}\n`);
    // GitHub
    pos('github-token', 'classic PAT', `const client = new Octokit({ auth: '${githubToken(rng)}' });`);
    pos('github-token', 'app installation token', `GITHUB=${githubToken(rng, true, 's')}`);
    neg('github-token', 'bad checksum', `const x = '${githubToken(rng, false)}';`);
    pos('github-fine-grained-pat', 'fine-grained PAT', `gh auth login --with-token <<< ${synth.githubFineGrained(rng)}`);
    neg('github-fine-grained-pat', 'truncated', `see ${'github'}_pat_${pick(rng, ALNUM, 10)} in the docs`);
    pos('gitlab-pat', 'CI variable', `GITLAB=${synth.gitlab(rng)}`);
    neg('gitlab-pat', 'too short', `prefix ${'glpat'}-abc123`);
    pos('slack-token', 'bot token', `slack_client = WebClient("${synth.slack(rng)}")`);
    neg('slack-token', 'hugs', 'xoxo-love from everyone');
    pos('slack-webhook-url', 'webhook', `curl -X POST ${synth.slackWebhook(rng)}`);
    pos('stripe-secret-key', 'live key', `Stripe.apiKey = "${synth.stripe(rng)}";`);
    pos('stripe-secret-key', 'test-mode key', `const stripe = new Stripe("sk_` + `test_${pick(rng, ALNUM, 24)}");`);
    neg('stripe-secret-key', 'publishable key', `Stripe("pk_` + `live_${pick(rng, ALNUM, 24)}")`);
    pos('google-api-key', 'maps key', `<script src="https://maps.googleapis.com/maps/api/js?key=${synth.google(rng)}"></script>`);
    neg('google-api-key', 'too short', `AI${'za'}Sy123`);
    pos('azure-account-key', 'storage connection string', `conn = ${synth.azureConnectionString(rng)}`);
    neg('azure-account-key', 'development storage', 'UseDevelopmentStorage=true;AccountName=devstoreaccount1');
    pos('npm-token', '.npmrc', `//registry.npmjs.org/:_authToken=${npmToken(rng)}`);
    neg('npm-token', 'bad checksum', `//registry.npmjs.org/:_auth=${npmToken(rng, false)}`);
    neg('npm-token', 'npm_config variable', 'echo $npm_config_registry $npm_package_version');
    pos('pypi-token', '.pypirc', `[pypi]\n  username = __token__\n  pass = ${synth.pypi(rng)}\n`);
    pos('private-key', 'RSA PEM', `${synth.privateKey(rng, 'RSA')}\n`);
    pos('private-key', 'OpenSSH key', `key: |\n${synth.privateKey(rng, 'OPENSSH')}\n`);
    pos('private-key', 'encrypted PEM (Proc-Type and DEK-Info headers)', synth
        .privateKey(rng, 'RSA')
        .replace(' KEY-----\n', ` KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,${pick(rng, '0123456789ABCDEF', 32)}\n\n`));
    neg('private-key', 'public key', `-----BEGIN PUBLIC` + ` KEY-----\n${pick(rng, BASE64, 64)}\n-----END PUBLIC KEY-----\n`);
    neg('private-key', 'header only in docs', 'Paste the block that starts with -----BEGIN' + ' PRIVATE KEY----- here.');
    pos('jwt', 'bearer header', `Authorization: Bearer ${synth.jwt(rng)}`);
    neg('jwt', 'eyJ-prefixed base64 that is not JSON', `blob = "eyJ${pick(rng, ALNUM, 20)}.eyJ${pick(rng, ALNUM, 20)}.${pick(rng, ALNUM, 30)}"`);
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
    const cap = (n) => pick(rng, UPPER, 1) + pick(rng, LOWER, n - 1);
    const vendor = cap(int(rng, 3, 5));
    neg('generic-secret', 'HTTP header name in a constant', `export const SESSION_TOKEN_QUERY_PARAM = "X-${vendor}-S${int(rng, 2, 9)}session-Token";`);
    neg('generic-secret', 'header name in kebab case', `const X_${vendor.toUpperCase()}_METADATA_TOKEN_TTL = "x-${vendor.toLowerCase()}-ec${int(rng, 2, 9)}-metadata-token-ttl-seconds";`);
    neg('generic-secret', 'environment variable name', `export const ENV_CREDENTIALS_PATH = "${vendor.toUpperCase()}_SHARED_CREDENTIALS_FILE";`);
    neg('generic-secret', 'error code enum member', `    QueryStringType${vendor}TokenMismatch = "query_string_type_${vendor.toLowerCase()}_token_mismatch",`);
    neg('generic-secret', 'type annotation naming a token type', `    tokenInput: Create${vendor}${int(rng, 2, 9)}TokenRequestBody | undefined;`);
    neg('generic-secret', 'type annotation of another type', `    'secretRef': V${int(rng, 1, 9)}Local${cap(6)}Reference;`);
    neg('generic-secret', 'variable reference in an object literal', `      withCredentials: defaultTo${cap(6)}${int(rng, 2, 9)},`);
    neg('generic-secret', 'message in another script', `  "Unexpected_token_${int(rng, 1000, 9999)}": "${pick(rng, KANA, 16)}。",`);
    neg('generic-secret', 'strict comparison in minified code', `h=t.clauses?.find(v=>v.token===${pick(rng, LOWER, 1)}.${cap(7)}Keyword),b=this.node(t)`);
    neg('generic-secret', 'pagination cursor (base64 JSON without credential fields)', `  continuationToken: '${Buffer.from(JSON.stringify({ pk: `${cap(6)}_${pick(rng, UPPER, 8)}`, sk: pick(rng, ALNUM, 24) })).toString('base64url')}',`);
    pos('generic-secret', 'base64 JSON holding a private key', `credentials_b64: "${Buffer.from(JSON.stringify({ type: 'service_account', private_key: pick(rng, ALNUM, 40) })).toString('base64')}"`);
    pos('generic-secret', 'connection string password', `Server=db;Password=${synth.genericValue(rng).slice(0, 16)};Database=app`);
    pos('generic-secret-forms', 'Make ?=', `DEPLOY_TOKEN ?= ${synth.genericValue(rng)}\n`);
    pos('generic-secret-forms', 'XML element', `<apiToken>${synth.genericValue(rng)}</apiToken>`);
    neg('generic-secret-forms', 'Make ?= from another variable', 'DEPLOY_TOKEN ?= $(CI_JOB_TOKEN)');
    neg('generic-secret-forms', 'XML element holding a placeholder', '<apiToken>${API_TOKEN}</apiToken>');
    // PII: SSN
    pos('us-ssn-dotted', 'dotted', `ssn ${synth.ssn(rng).replace(/-/g, '.')}`);
    neg('us-ssn-dotted', 'dotted area 666', `ssn 666.${pick(rng, '123456789', 2)}.${pick(rng, '123456789', 4)}`);
    neg('us-ssn-dotted', 'version-like run', 'release 123.45.6789.1');
    neg('us-ssn-dotted', 'version range', `if (browser.satisfies({ chrome: '>${synth.ssn(rng).replace(/-/g, '.')}' }))`);
    pos('us-ssn', 'dashed', `employee ssn: ${synth.ssn(rng)}`);
    pos('us-ssn', 'dashed without context', `record 7 | ${synth.ssn(rng)} | active`);
    pos('us-ssn', 'bare digits with context', `"ssn": "${synth.ssn(rng).replace(/-/g, '')}"`);
    neg('us-ssn', 'area 000', `ssn: 000-${pick(rng, '123456789', 2)}-${pick(rng, '123456789', 4)}`);
    neg('us-ssn', 'area 666', `ssn: 666-${pick(rng, '123456789', 2)}-${pick(rng, '123456789', 4)}`);
    neg('us-ssn', 'area 9xx', `ssn: 9${pick(rng, DIGITS, 2)}-${pick(rng, '123456789', 2)}-${pick(rng, '123456789', 4)}`);
    neg('us-ssn', 'group 00', `ssn: 4${pick(rng, '123456789', 2)}-00-${pick(rng, '123456789', 4)}`);
    neg('us-ssn', 'serial 0000', `ssn: 4${pick(rng, '123456789', 2)}-${pick(rng, '123456789', 2)}-0000`);
    neg('us-ssn', 'bare digits without context', `order id ${synth.ssn(rng).replace(/-/g, '')} shipped`);
    // PII: cards
    for (const brand of ['visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners']) {
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
    neg('email-address', 'placeholder domain', `use a role contact (e.g. ${pick(rng, LOWER, 6)}-team@company.com)`);
    neg('email-address', '"ex@mple" for example', `email: 'ex@mple.com',`);
    neg('email-address', 'packed data with a mixed-case top-level domain', `module.exports="}${pick(rng, UPPER, 4)}@${pick(rng, LOWER, 6)}.${cap(2)}!${pick(rng, LOWER, 2)}#$!!#<:%~"`);
    neg('email-address', 'maintainer entry with a parenthesised alias', `  **${cap(5)} ${cap(7)} (${pick(rng, KANA, 4)})** <<${synth.email(rng)}>> (he/him)`);
    neg('email-address', 'URL userinfo inside a regex literal', `const re = /https?:\\/\\/(.{1,256}):x-${pick(rng, LOWER, 5)}-basic@${pick(rng, LOWER, 6)}.com\\//g;`);
    neg('email-address', 'role address with a tag', `reported to the team at opensource+coc@${pick(rng, LOWER, 8)}.net.`);
    pos('email-address', 'capitalised address', `Reply-To: ${cap(5)}.${cap(6)}@${cap(7)}.com`);
    // PII: phone
    pos('phone-number', 'US formatted', `Call ${synth.phone(rng)} today`);
    pos('phone-number', 'international', `tel: +44 20 79${pick(rng, DIGITS, 2)} ${pick(rng, DIGITS, 4)}`);
    pos('phone-number', 'bare with context', `phone=4${pick(rng, '23456789', 1)}${pick(rng, DIGITS, 1)}7${pick(rng, DIGITS, 2)}${pick(rng, DIGITS, 4)}`);
    neg('phone-number', 'bare without context', `id=4${pick(rng, '23456789', 1)}${pick(rng, DIGITS, 1)}7${pick(rng, DIGITS, 2)}${pick(rng, DIGITS, 4)}`);
    neg('phone-number', 'fictional 555-01xx', `Call (415) 555-01${pick(rng, DIGITS, 2)}`);
    neg('phone-number', 'version string', 'version 1.234.567.8');
    pos('phone-number-context', 'French dotted with a phone word', `Tel. +33.${int(rng, 1, 9)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}`);
    neg('phone-number-context', 'dotted digits without a phone word', `v +33.1.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)} build`);
    // PII: IBAN
    for (const country of ['DE', 'GB', 'FR', 'NL']) {
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
const RECALL_FAMILIES = {
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
function luhnFinish(rng, prefix, length) {
    const partial = prefix + pick(rng, DIGITS, length - prefix.length - 1);
    return partial + luhnCheckDigit(partial);
}
/**
 * The recall set: for each family dlp-scan claims, the shapes its published formats allow and
 * the ways people write them (assignment forms of the languages in use, current token prefixes
 * and versions, separators). Values are generated from the formats with a seeded PRNG; nothing is
 * copied from anyone's samples. A case counts as found when a scan reports any rule of its family.
 */
function recallCases(seed = 20261204) {
    const rng = seededRng(seed);
    const out = [];
    const add = (family, shape, text) => out.push({ family, shape, text });
    const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    // AWS: every access key id prefix AWS documents for keys (AKIA user, ASIA temporary, ABIA/ACCA).
    for (const prefix of ['AKIA', 'ASIA', 'ABIA', 'ACCA'])
        for (const form of ['env', 'json', 'ini']) {
            const id = prefix + pick(rng, UPPER_BASE32, 16);
            add('aws', `${prefix} key id (${form})`, form === 'env'
                ? `AWS_ACCESS_KEY_ID=${id}\n`
                : form === 'json'
                    ? `{"AccessKeyId": "${id}"}`
                    : `[default]\naws_access_key_id = ${id}\n`);
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
    for (const kind of ['p', 'o', 'u', 's', 'r'])
        add('github', `gh${kind}_ token`, `token: ${githubToken(rng, true, kind)}\n`);
    for (let i = 0; i < 6; i++) {
        const body = pick(rng, ALNUM + '_', 82);
        add('github', `fine-grained PAT #${i}`, `GH_TOKEN=${'github'}_pat_${body}\n`);
    }
    add('github', 'fine-grained PAT (22_59 form)', `gh auth login --with-token <<< ${synth.githubFineGrained(rng)}`);
    // Slack: bot, user, app-level, refresh and rotated tokens; webhooks of every kind.
    const d = (n) => pick(rng, '123456789', 1) + pick(rng, DIGITS, n - 1);
    add('slack', 'xoxb bot token', `SLACK_BOT_TOKEN=xo${'xb'}-${d(12)}-${d(13)}-${pick(rng, ALNUM, 24)}`);
    add('slack', 'xoxp user token', `"xo${'xp'}-${d(12)}-${d(12)}-${d(13)}-${pick(rng, HEX, 32)}"`);
    add('slack', 'xoxa-2 workspace token', `token = "xo${'xa'}-2-${d(12)}-${d(12)}-${pick(rng, HEX, 64)}"`);
    add('slack', 'xoxr-1 refresh token', `refresh: xo${'xr'}-1-${d(12)}-${pick(rng, ALNUM, 40)}`);
    add('slack', 'xoxe.xoxp-1 rotating token', `SLACK=xo${'xe'}.xoxp-1-${pick(rng, ALNUM, 150)}`);
    add('slack', 'xoxe-1 refresh token', `SLACK_REFRESH=xo${'xe'}-1-${pick(rng, ALNUM, 140)}`);
    add('slack', 'xapp-1 app-level token', `SLACK_APP_TOKEN=xa${'pp'}-1-A${pick(rng, upper + DIGITS, 10)}-${d(13)}-${pick(rng, HEX, 64)}`);
    const team = () => 'T' + pick(rng, upper + DIGITS, 10);
    add('slack', 'webhook (services)', `url: https://hooks.slack.com/services/${team()}/B${pick(rng, upper + DIGITS, 10)}/${pick(rng, ALNUM, 24)}`);
    add('slack', 'webhook (workflows)', `"https://hooks.slack.com/workflows/${team()}/A${pick(rng, upper + DIGITS, 10)}/${d(18)}/${pick(rng, ALNUM, 24)}"`);
    add('slack', 'webhook (triggers)', `WEBHOOK=https://hooks.slack.com/triggers/${team()}/${d(13)}/${pick(rng, HEX, 32)}`);
    add('slack', 'webhook (services, legacy short)', `https://hooks.slack.com/services/${team().slice(0, 9)}/B${pick(rng, upper + DIGITS, 8)}/${pick(rng, ALNUM, 24)}`);
    // Generic assignments, as each language writes them.
    const v = () => synth.genericValue(rng);
    const forms = [
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
    for (const [shape, make] of forms)
        add('generic-assignment', shape, make(v()));
    // Phones: international formats with context; NANP with extensions, 001 and spaces.
    const nanp = () => `${int(rng, 2, 9)}${pick(rng, DIGITS, 2)}`;
    const exch = () => `${int(rng, 2, 9)}${int(rng, 0, 4)}${pick(rng, DIGITS, 1)}`;
    const phones = [
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
    for (const [shape, text] of phones)
        add('phone', shape, text);
    // IBANs: compact, grouped by spaces or dashes, lowercase, followed by a one-letter word.
    for (const country of ['DE', 'GB', 'FR', 'NL', 'ES']) {
        const value = iban(rng, country);
        add('iban', `${country} compact`, `iban: ${value}`);
        add('iban', `${country} spaces`, `IBAN ${groupIban(value)}`);
        add('iban', `${country} dashes`, `account ${groupIban(value).replace(/ /g, '-')}`);
        add('iban', `${country} lowercase`, `iban=${value.toLowerCase()}`);
        add('iban', `${country} then a one-letter word`, `Pay to ${groupIban(iban(rng, country))} A Smith`);
    }
    // Cards: the claimed brands plus Maestro (12-19), JCB 15 (1800/2131), UATP, Dankort.
    for (const brand of ['visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners']) {
        const n = cardNumber(rng, brand);
        add('payment-card', `${brand} spaces`, `card: ${groupCard(n)}`);
        add('payment-card', `${brand} dashes`, `card ${groupCard(n, '-')}`);
        add('payment-card', `${brand} contiguous`, `"pan":"${n}"`);
    }
    const extra = [
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

// EXTERNAL MODULE: ./lib/dlp/threads.ts
var threads = __webpack_require__(16932);
;// CONCATENATED MODULE: ./lib/dlp/index.ts







/***/ }),

/***/ 46880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jf: () => (/* binding */ sanitizeUrl),
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   j$: () => (/* binding */ HttpError)
/* harmony export */ });
/* unused harmony exports isSecretParam, isRetryableStatus, backoffMs, parseRetryAfter */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/**
 * HTTP with timeouts and retries, on Node's global fetch. Every attempt has its own timeout (a
 * stuck server must not eat the job's whole budget); network errors, timeouts, 429 and 5xx are
 * retried with exponential backoff and jitter, honouring Retry-After; other statuses are final.
 * Errors name the method and a sanitised URL (no userinfo, secret-looking query values masked) and
 * never any header, so they are safe to log.
 */

class HttpError extends Error {
    method;
    /** Sanitised: safe to print. */
    url;
    attempts;
    /** The last HTTP status seen, if any attempt got a response. */
    status;
    reason;
    /** The final response when the failure is a status; its body is not in the message. */
    response;
    constructor(init) {
        const tries = `${init.attempts} attempt${init.attempts === 1 ? '' : 's'}`;
        const last = init.status === undefined ? '' : `; last status ${init.status}`;
        super(`${init.method} ${init.url} failed after ${tries}: ${init.detail}${last}`);
        this.name = 'HttpError';
        this.method = init.method;
        this.url = init.url;
        this.attempts = init.attempts;
        this.status = init.status;
        this.reason = init.reason;
        this.response = init.response;
    }
}
const SECRET_PARAM = /(token|key|secret|signature|password|passwd|pwd|sig|credential|credentials|auth)$/;
/** True for query parameter names whose values are credentials (`token`, `api_key`, `X-Amz-Signature`…). */
function isSecretParam(name) {
    return SECRET_PARAM.test(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
}
/**
 * The URL as it may be printed: userinfo removed, fragment dropped, values of secret-looking query
 * parameters replaced with `***`. Other parameters keep their original encoding.
 */
function sanitizeUrl(input) {
    let url;
    try {
        url = new URL(String(input));
    }
    catch {
        return '<invalid URL>';
    }
    url.username = '';
    url.password = '';
    url.hash = '';
    // Credentials that live in the path: Slack/Discord webhooks, Telegram bot<token> URLs.
    url.pathname = url.pathname
        .replace(/^(\/services)\/[^/]+\/[^/]+\/[^/]+/, '$1/***')
        .replace(/^(\/api\/webhooks\/\d+)\/[^/]+/, '$1/***')
        .replace(/^\/bot\d+:[^/]+/, '/bot***');
    const query = url.search.slice(1);
    if (!query)
        return url.toString();
    const parts = query.split('&').map((part) => {
        const eq = part.indexOf('=');
        const rawName = eq === -1 ? part : part.slice(0, eq);
        let name = rawName;
        try {
            name = decodeURIComponent(rawName.replace(/\+/g, ' '));
        }
        catch {
            // a malformed escape is still a name we can test as is
        }
        return isSecretParam(name) && eq !== -1 ? `${rawName}=***` : part;
    });
    url.search = '';
    return `${url.toString()}?${parts.join('&')}`;
}
/**
 * Sends a request with per-attempt timeout and retries. Resolves with the buffered response;
 * rejects with HttpError (never a raw fetch error) on timeout, network failure, abort, or a final
 * non-2xx status (unless `throwHttpErrors: false`).
 */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
async function httpRequest(url, options = {}) {
    const method = (options.method ?? 'GET').toUpperCase();
    const timeoutMs = options.timeoutMs ?? 10_000;
    const retries = Math.max(0, Math.floor(options.retries ?? (IDEMPOTENT.has(method) ? 2 : 0)));
    const minBackoffMs = options.minBackoffMs ?? 500;
    const maxBackoffMs = Math.max(minBackoffMs, options.maxBackoffMs ?? 30_000);
    const sleep = options.sleep ?? defaultSleep;
    const random = options.random ?? Math.random;
    const now = options.now ?? Date.now;
    let target;
    try {
        target = new URL(String(url));
    }
    catch {
        throw new HttpError({
            method,
            url: '<invalid URL>',
            attempts: 0,
            reason: 'network',
            detail: 'the URL is not valid',
        });
    }
    const safeUrl = sanitizeUrl(target);
    const headers = new Headers(options.headers);
    const secrets = collectSecrets(target, headers);
    // fetch() refuses URLs with userinfo (and echoes them in its error); send them as Basic auth like curl.
    if (target.username || target.password) {
        if (!headers.has('authorization')) {
            const user = decodeURIComponent(target.username);
            const pass = decodeURIComponent(target.password);
            headers.set('authorization', `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`);
        }
        target.username = '';
        target.password = '';
    }
    let body = options.body;
    if (options.json !== undefined) {
        body = JSON.stringify(options.json);
        if (!headers.has('content-type'))
            headers.set('content-type', 'application/json');
    }
    const fail = (init) => new HttpError({ ...init, method, url: safeUrl, detail: scrub(init.detail, secrets) });
    let lastStatus;
    for (let attempt = 1;; attempt++) {
        if (options.signal?.aborted) {
            throw fail({
                attempts: attempt - 1,
                status: lastStatus,
                reason: 'aborted',
                detail: 'aborted by the caller',
            });
        }
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
        let retryAfterMs;
        let failure;
        try {
            const init = { method, headers, signal, redirect: 'follow' };
            if (body !== undefined)
                init.body = body;
            const res = await fetch(target, init);
            const text = await res.text();
            lastStatus = res.status;
            const response = makeResponse(res, text, safeUrl, attempt, (detail) => fail({ attempts: attempt, status: res.status, reason: 'invalid-json', detail }));
            if (res.ok || (options.throwHttpErrors === false && !isRetryableStatus(res.status)))
                return response;
            failure = fail({
                attempts: attempt,
                status: res.status,
                reason: 'status',
                detail: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${bodySnippet(text)}`,
                response,
            });
            if (!isRetryableStatus(res.status))
                throw failure;
            if (attempt > retries) {
                if (options.throwHttpErrors === false)
                    return response;
                throw failure;
            }
            retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now());
        }
        catch (error) {
            if (error instanceof HttpError)
                throw error;
            if (options.signal?.aborted) {
                throw fail({
                    attempts: attempt,
                    status: lastStatus,
                    reason: 'aborted',
                    detail: 'aborted by the caller',
                });
            }
            failure = timeout.aborted
                ? fail({
                    attempts: attempt,
                    status: lastStatus,
                    reason: 'timeout',
                    detail: `no complete response within ${timeoutMs} ms (timeoutMs)`,
                })
                : fail({
                    attempts: attempt,
                    status: lastStatus,
                    reason: 'network',
                    detail: `network error: ${describeNetworkError(error)}`,
                });
            if (attempt > retries)
                throw failure;
        }
        const wait = retryAfterMs !== undefined
            ? Math.min(retryAfterMs, maxBackoffMs)
            : backoffMs(attempt, minBackoffMs, maxBackoffMs, random);
        try {
            await sleep(wait, options.signal);
        }
        catch {
            throw fail({
                attempts: attempt,
                status: lastStatus,
                reason: 'aborted',
                detail: 'aborted by the caller while waiting to retry',
            });
        }
    }
}
/** 429 and 5xx are worth retrying: the server says "later", not "never". */
function isRetryableStatus(status) {
    return status === 429 || (status >= 500 && status <= 599);
}
/**
 * The wait before retry number `attempt` (1-based): min·2^(attempt-1), capped, then "equal jitter"
 * (between half and all of it) so clients that failed together do not retry together.
 */
function backoffMs(attempt, minMs, maxMs, random = Math.random) {
    const base = Math.min(maxMs, minMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(base / 2 + (base / 2) * random());
}
/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value, nowMs = Date.now()) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - nowMs);
}
function makeResponse(res, text, safeUrl, attempts, invalidJson) {
    return {
        status: res.status,
        statusText: res.statusText,
        ok: res.ok,
        headers: res.headers,
        url: safeUrl,
        attempts,
        text: () => text,
        json() {
            try {
                return JSON.parse(text);
            }
            catch (error) {
                throw invalidJson(`the response body is not JSON (${error.message})`);
            }
        },
    };
}
function bodySnippet(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (!flat)
        return '';
    return `: ${flat.length > 200 ? `${flat.slice(0, 200)}…` : flat}`;
}
function describeNetworkError(error) {
    const err = error;
    const cause = err?.cause;
    if (cause?.code && cause.message)
        return `${cause.code} (${cause.message})`;
    if (cause?.message)
        return cause.message;
    return err?.message ?? String(error);
}
/** Values that must not survive into a message even if a lower layer echoes them. */
function collectSecrets(url, headers) {
    const values = [];
    const add = (v) => {
        if (v.length >= 3)
            values.push(v, encodeURIComponent(v));
    };
    if (url.username)
        add(decodeURIComponent(url.username));
    if (url.password)
        add(decodeURIComponent(url.password));
    for (const [name, value] of url.searchParams)
        if (isSecretParam(name))
            add(value);
    for (const [name, value] of headers) {
        if (/auth|token|key|secret|cookie|signature|password/i.test(name)) {
            add(value);
            for (const word of value.split(/\s+/))
                add(word);
        }
    }
    return [...new Set(values)].sort((a, b) => b.length - a.length);
}
function scrub(text, secrets) {
    let out = text;
    for (const secret of secrets)
        out = out.split(secret).join('***');
    return out;
}
function defaultSleep(ms, signal) {
    return (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms, undefined, signal ? { signal } : undefined);
}


/***/ })

};
