/**
 * Validators: pure checks that turn a regex candidate into a finding. Regexes stay simple and
 * linear; everything that needs arithmetic (checksums, Luhn, mod-97) or context lives here.
 */
import type { Validator, ValidatorContext } from './types.ts';

// CRC-32 (IEEE, reflected 0xEDB88320) in plain code rather than node:zlib, so the detectors also
// bundle into a Cloudflare Worker (edge/workers/tokenize) without Node built-ins.
const CRC_TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c >>> 0;
}

/** CRC-32 of a string's UTF-8 bytes (token bodies are ASCII), as node:zlib's crc32 returns it. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const entropyCounts = new Uint32Array(65536);

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  return shannonEntropyOf(value, 0, value.length);
}

/** Shannon entropy of `text[start, end)`, without slicing it out. */
export function shannonEntropyOf(text: string, start: number, end: number): number {
  const n = end - start;
  if (n <= 0) return 0;
  for (let i = start; i < end; i++) entropyCounts[text.charCodeAt(i)]!++;
  let entropy = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const count = entropyCounts[c]!;
    if (count === 0) continue;
    const p = count / n;
    entropy -= p * Math.log2(p);
    entropyCounts[c] = 0;
  }
  return entropy;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(value: number, width: number): string {
  let out = '';
  let n = value >>> 0;
  do {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out.padStart(width, '0');
}

/**
 * GitHub's token format (github.blog, 2021-04-05) and npm's (2021-09-23): 30 random base62
 * characters then the CRC32 of those 30, base62-encoded and left-padded to 6. A wrong checksum
 * means a made-up string (docs, tests), not a token.
 */
export function checksumTokenBody(random30: string): string {
  return base62(crc32(random30), 6);
}

function hasValidTokenChecksum(token: string, prefix: RegExp): boolean {
  const body = token.replace(prefix, '');
  if (body.length !== 36) return false;
  return checksumTokenBody(body.slice(0, 30)) === body.slice(30);
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The brand a card number's prefix and length belong to, or undefined. */
export function cardBrand(digits: string): string | undefined {
  const len = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (digits[0] === '4' && (len === 13 || len === 16 || len === 19)) return 'visa';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && len === 16) return 'mastercard';
  if ((p2 === 34 || p2 === 37) && len === 15) return 'amex';
  if (
    (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) &&
    len >= 16 &&
    len <= 19
  )
    return 'discover';
  if (p4 >= 3528 && p4 <= 3589 && len >= 16 && len <= 19) return 'jcb';
  if (
    ((p3 >= 300 && p3 <= 305) || p4 === 3095 || p2 === 36 || p2 === 38 || p2 === 39) &&
    len >= 14 &&
    len <= 19
  )
    return 'diners';
  if (p2 === 62 && len >= 16 && len <= 19) return 'unionpay';
  return undefined;
}

/** Brands the main rule does not claim: Maestro (12–19), JCB 15 (1800, 2131), UATP, Dankort. */
export function otherCardBrand(digits: string): string | undefined {
  const len = digits.length;
  const p4 = digits.slice(0, 4);
  if ((p4 === '1800' || p4 === '2131') && len === 15) return 'jcb15';
  if (p4 === '5019' && len === 16) return 'dankort';
  if (digits[0] === '1' && len === 15) return 'uatp';
  if (/^(?:5018|5020|5038|5893|6304|6759|676[1-3]|0604|6390)/.test(digits) && len >= 12 && len <= 19)
    return 'maestro';
  return undefined;
}

export function isOtherPaymentCard(value: string): boolean {
  const digits = value.replace(/[ -]/g, '');
  if (/^(\d)\1+$/.test(digits)) return false;
  return cardBrand(digits) === undefined && otherCardBrand(digits) !== undefined && luhnValid(digits);
}

export function isPaymentCard(value: string): boolean {
  const digits = value.replace(/[ -]/g, '');
  if (/^(\d)\1+$/.test(digits)) return false;
  return cardBrand(digits) !== undefined && luhnValid(digits);
}

/**
 * The words of a line, identifiers split at case changes and `_`/`-` (`employeeSSN` -> employee
 * ssn, `isScssNestedProperty` -> is scss nested property): context words match whole words, so
 * "ssn" inside "scss" or "tel" inside "hotel" is no context.
 */
export function wordsOf(line: string): Set<string> {
  return new Set(
    line
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z#]+/),
  );
}

/**
 * "ssn" or "ss#" as a word of its own (not inside `isScssNestedProperty`), or social security.
 * The ingress filter (lib/dlp-ingress/filter.lua) implements the same test on the lowered line.
 */
const SSN_CONTEXT = /(?<![a-z])ss(?:n(?![a-z])|#)|social.?security/i;
/** Numbers the SSA published or that were famously misused; never anyone's. */
const SSN_KNOWN_FAKE = new Set(['078051120', '219099999', '123456789']);

export function isSsn(value: string, context: ValidatorContext): boolean {
  const digits = value.replace(/[ -]/g, '');
  if (digits.length !== 9) return false;
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return false;
  if (SSN_KNOWN_FAKE.has(digits)) return false;
  // 123-45-6789 is recognisable on its own; nine bare (or space-separated) digits are not.
  if (!value.includes('-')) return SSN_CONTEXT.test(context.line);
  return true;
}

/** ISO 13616 lengths by country (SWIFT IBAN registry). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

export function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 && code <= 90 ? String(code - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return remainder;
}

const IBAN_CONTEXT = /iban|account|konto|\brib\b|bank|pay/i;

/**
 * Spaces or dashes between groups, either case (a real IBAN is all one case; a lowercase one needs
 * an account word on the line, since lowercase letters and digits are what hashes are made of). A
 * trailing group of one to three characters that breaks the check is read as the next word
 * (`… 7034 A Smith`).
 */
export function isIban(value: string, context?: ValidatorContext): boolean {
  const lower = value !== value.toUpperCase();
  if (lower && value !== value.toLowerCase()) return false;
  if (lower && !(context && IBAN_CONTEXT.test(context.line))) return false;
  const check = (text: string) => {
    const iban = text.replace(/[ -]/g, '').toUpperCase();
    const expected = IBAN_LENGTHS[iban.slice(0, 2)];
    return expected !== undefined && iban.length === expected && ibanMod97(iban) === 1;
  };
  if (check(value)) return true;
  const tail = /[ -][A-Za-z0-9]{1,3}$/.exec(value);
  return tail !== null && /[ -]/.test(value.slice(0, tail.index)) && check(value.slice(0, tail.index));
}

/** RFC 2606 / RFC 6761 names: mail there never reaches a person. */
const RESERVED_DOMAINS = ['example.com', 'example.org', 'example.net'];
// 'internal' is reserved for private use (ICANN, 2024): such an address is a host name in a URL, not a mailbox.
const RESERVED_TLDS = new Set(['test', 'example', 'invalid', 'localhost', 'local', 'internal']);
/** `icon@2x.png` and `pkg@1.2.3` look like addresses in source code. */
const FILE_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'svg',
  'webp',
  'avif',
  'ico',
  'bmp',
  'js',
  'mjs',
  'cjs',
  'ts',
  'tsx',
  'jsx',
  'css',
  'scss',
  'less',
  'map',
  'json',
  'yaml',
  'yml',
  'md',
  'html',
  'txt',
  'lock',
  'wasm',
  'pdf',
  'zip',
  'gz',
]);
const NON_PERSONAL_LOCAL = new Set([
  'git',
  'noreply',
  'no-reply',
  'donotreply',
  'do-not-reply',
  // Role addresses a project publishes on purpose: nobody's personal data.
  'security',
  'secure',
  'support',
  'info',
  'contact',
  'hello',
  'admin',
  'abuse',
  'postmaster',
  'webmaster',
  'team',
  'opensource',
  'open-source',
  'oss',
  'help',
  'privacy',
  'legal',
  'press',
  'feedback',
  'bugs',
  'conduct',
  'opencode',
]);

/**
 * Mailboxes of documentation and samples: `username@hostname.com`, `email@address.com`,
 * `testuser@test.com`, `crawler-team@company.com`. Nobody reads mail there as themselves.
 */
const PLACEHOLDER_LOCAL = new Set([
  'test',
  'testuser',
  'test.user',
  'test-user',
  'user',
  'username',
  'user.name',
  'email',
  'e-mail',
  'name',
  'someone',
  'somebody',
  'nobody',
  'noone',
  'no-one',
  'not',
  'foo',
  'bar',
  'baz',
  'yourname',
  'your.name',
  'your-name',
  'your.email',
  'first.last',
  'firstname.lastname',
]);
const PLACEHOLDER_DOMAINS = new Set([
  'test.com',
  'domain.com',
  'address.com',
  'hostname.com',
  'host.com',
  'company.com',
  'yourcompany.com',
  'yourdomain.com',
  'your-domain.com',
  'mydomain.com',
  'somedomain.com',
  'somewhere.com',
]);

/**
 * `Jane Doe <jane@…>` or `Jane Doe (jane@…)`: an attribution in the form of package manifests,
 * git and mailmap — authorship metadata, which a project publishes on purpose.
 */
function isAttribution(value: string, line: string): boolean {
  for (const [open, close] of [
    ['<', '>'],
    ['(', ')'],
  ] as const) {
    const at = line.indexOf(`${open}${value}${close}`);
    // A name before it, maybe in markdown emphasis, with a parenthesised alias (`Jane Roe (ジェーン)`)
    // or with the address doubly bracketed.
    if (at > 0 && /\p{L}[\p{L}.'-]*\)?[*_\s<(]*$/u.test(line.slice(Math.max(0, at - 80), at))) return true;
  }
  return false;
}

/**
 * `scheme://user:password@host` (userinfo of a URL: the redactor masks it) or `git@host:owner/repo`
 * (scp-style remote): not an address.
 */
function isUrlUserinfo(value: string, line: string): boolean {
  const at = line.indexOf(value);
  if (at < 0) return false;
  if (line[at + value.length] === ':' && /[\w~]/.test(line[at + value.length + 1] ?? '')) return true;
  // `\/` is how a slash is written in a regex literal or JSON (`https?:\/\/(.+):x-oauth-basic@host`),
  // `\\/` the same inside a JSON string (a source map's copy of that regex).
  return at > 0 && /:\/\/[^\s/]*$/.test(line.slice(Math.max(0, at - 200), at).replace(/\\+\//g, '/'));
}

export function isPersonalEmail(value: string, context?: ValidatorContext): boolean {
  if (context && (isAttribution(value, context.line) || isUrlUserinfo(value, context.line))) return false;
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at).toLowerCase();
  const domain = value.slice(at + 1).toLowerCase();
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (!/^[a-z]{2,24}$/.test(tld)) return false;
  // `x@y.Bi`: a mixed-case top-level domain is packed data or minified code, not an address.
  const writtenTld = value.slice(value.length - tld.length);
  if (writtenTld !== tld && writtenTld !== tld.toUpperCase()) return false;
  if (RESERVED_TLDS.has(tld) || FILE_EXTENSIONS.has(tld)) return false;
  if (labels.some((label) => label === '' || label.startsWith('-') || label.endsWith('-'))) return false;
  if (/^\d+x$/.test(labels[0] ?? '')) return false;
  if (domain === 'localhost') return false;
  for (const reserved of RESERVED_DOMAINS)
    if (domain === reserved || domain.endsWith('.' + reserved)) return false;
  if (NON_PERSONAL_LOCAL.has(local) || domain.endsWith('.noreply.github.com')) return false;
  // `security+coc@…`: the tag does not make a role address personal.
  const plus = local.indexOf('+');
  if (plus > 0 && NON_PERSONAL_LOCAL.has(local.slice(0, plus))) return false;
  if (PLACEHOLDER_LOCAL.has(local) || PLACEHOLDER_DOMAINS.has(domain)) return false;
  // `ex@mple.com`: the `@` read as `a` spells "example".
  if (value.toLowerCase().replace('@', 'a').startsWith('example')) return false;
  if (local.endsWith('.') || local.includes('..')) return false;
  return true;
}

const PHONE_WORDS = [
  'phone',
  'phones',
  'telephone',
  'tel',
  'mobile',
  'cell',
  'cellphone',
  'fax',
  'sms',
  'whatsapp',
  'telefon',
  'telefono',
  'téléphone',
];
const PHONE_CONTEXT = {
  test: (line: string): boolean => {
    const words = wordsOf(line);
    return PHONE_WORDS.some((w) => words.has(w));
  },
};

function isNanp(ten: string): boolean {
  if (ten.length !== 10) return false;
  if (ten[0] === '0' || ten[0] === '1' || ten[3] === '0' || ten[3] === '1') return false;
  // 555-0100 … 555-0199 is reserved for fiction (NANPA); examples use it on purpose.
  if (ten.slice(3, 6) === '555' && ten.slice(6, 8) === '01') return false;
  return true;
}

export function isPhone(value: string, context: ValidatorContext): boolean {
  // An extension (x123, ext. 123) is not part of the number.
  const number = value.replace(/ ?(?:x|ext\.?) ?\d{1,5}$/, '');
  const digits = number.replace(/\D/g, '');
  if (/^(\d)\1+$/.test(digits)) return false;
  if (number.startsWith('001') && /^001[ .-]/.test(number)) return isNanp(digits.slice(3));
  if (number.startsWith('00') && !number.startsWith('001')) {
    // 00 is the international call prefix in most of the world: as `+`, with a phone word near.
    return digits.length >= 10 && digits.length <= 17 && PHONE_CONTEXT.test(context.line);
  }
  if (number.startsWith('+')) {
    if (digits.startsWith('1')) return isNanp(digits.slice(1));
    return digits.length >= 8 && digits.length <= 15;
  }
  const formatted = /[().-]/.test(number) || (/ /.test(number) && PHONE_CONTEXT.test(context.line));
  const ten = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (!isNanp(ten)) return false;
  return formatted || PHONE_CONTEXT.test(context.line);
}

function base64UrlJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export function isJwt(value: string): boolean {
  const [header, payload, signature = ''] = value.split('.');
  if (header === undefined || payload === undefined) return false;
  const h = base64UrlJson(header);
  if (!h || typeof h !== 'object' || typeof (h as { alg?: unknown }).alg !== 'string') return false;
  const p = base64UrlJson(payload);
  if (!p || typeof p !== 'object') return false;
  if ((h as { alg: string }).alg.toLowerCase() !== 'none' && signature.length < 16) return false;
  return true;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const PLACEHOLDER_SHAPES: RegExp[] = [
  /^\$\{[^}]{0,200}\}$/, // ${DB_PASSWORD}
  /^\{\{[^}]{0,200}\}\}$/, // {{ secret }}
  /^<[^>]{0,200}>$/, // <redacted>
  /^%\(?[A-Za-z_]{0,100}\)?s$/,
  /x{4}|X{4}|\*{3}|\.{3}|#{4}/, // sk_xxxx…, ****, …
  /^[a-z][a-z0-9+.-]{1,20}:\/\//i, // URLs are not secrets; userinfo is the redactor's job
  /^\.{0,2}\//, // paths
];
const PLACEHOLDER_WORDS = [
  'changeme',
  'change_me',
  'change-me',
  'placeholder',
  'redacted',
  'example',
  'dummy',
  'sample',
  'your_',
  'your-',
  'yourtoken',
  'yourpassword',
  'insert',
  'replace_me',
  'notasecret',
  'not-a-secret',
  'process.env',
];

/** Runs of one character (`000000`, `XXXXXX`) and the keyboard sequences of documented examples. */
const FILLER_RUN = /(.)\1{5}/;
const EXAMPLE_SEQUENCES = [
  '123',
  '234',
  '345',
  '456',
  '567',
  '678',
  '789',
  'abc',
  'def',
  'ghi',
  'jkl',
  'mno',
  'xyz',
];

/**
 * A published example or template value rather than a generated one: a run of one character
 * (`AKIAXXXXXXXXXXXXXXXX`, `…00000000`), an `X`/`#`/`*` placeholder run, or three or more
 * ascending keyboard sequences (`abc123xyz456`, `AbC123dEf456GhI789`): a random value of this
 * length holds one such sequence at most now and then, three almost never.
 */
export function isExampleValue(value: string): boolean {
  if (FILLER_RUN.test(value) || /[xX]{4}|#{3}|\*{3}/.test(value)) return true;
  const lower = value.toLowerCase();
  let sequences = 0;
  for (const seq of EXAMPLE_SEQUENCES) if (lower.includes(seq)) sequences++;
  return sequences >= 3;
}

/** The identifier-ish key before the operator in a generic match (`apiToken`, `DB_PASSWORD`). */
function keyOf(match: string, secret: string): string {
  const at = match.lastIndexOf(secret);
  const head = at > 0 ? match.slice(0, at) : match;
  return (/^[A-Za-z0-9_.-]+/.exec(head)?.[0] ?? '').toLowerCase();
}

/**
 * Words that name a credential. A value made of words with one of these among them names the
 * thing (`"X-Amz-Security-Token"`, `"AWS_SHARED_CREDENTIALS_FILE"`, `CreateOAuth2TokenRequestBody`,
 * `"query_string_type_continuation_token_mismatch"`): a header, variable, type or error code.
 */
const CREDENTIAL_WORDS = [
  'token',
  'tokens',
  'secret',
  'secrets',
  'password',
  'passwords',
  'passwd',
  'credential',
  'credentials',
  'apikey',
];

/** Keys whose presence makes a JSON document worth protecting (`private_key`, `auth`, `password`). */
const CREDENTIAL_KEY = /key|secret|token|pass|pwd|auth|cred|private|sig|cert|session|cookie/i;

function jsonKeysHoldCredential(value: unknown, depth = 0): boolean {
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (CREDENTIAL_KEY.test(key) || jsonKeysHoldCredential(inner, depth + 1)) return true;
  }
  return false;
}

/**
 * `eyJ…` that decodes to a JSON object with no credential-like key anywhere (`{"pk":…,"sk":…}`):
 * a pagination cursor or client state, encoded, not a secret. A service-account key or a Docker
 * `auths` document decodes to JSON too, and keeps its finding by its keys.
 */
function isEncodedJsonState(value: string): boolean {
  if (!/^eyJ[A-Za-z0-9_+/-]+=*$/.test(value)) return false;
  const decoded = base64UrlJson(value.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  return decoded !== null && typeof decoded === 'object' && !jsonKeysHoldCredential(decoded);
}

/** The first character after `match` on the line, skipping blanks ('' at the end of the line). */
function nextCharAfter(match: string, line: string): string {
  const at = line.indexOf(match);
  if (at < 0) return '';
  return /^[ \t]*(.?)/.exec(line.slice(at + match.length))![1]!;
}

/** False for values that are obviously not secrets: placeholders, ids, hashes, names, paths. */
export function isGenericSecret(value: string, context?: ValidatorContext): boolean {
  if (UUID.test(value) || GIT_SHA.test(value)) return false;
  if (isExampleValue(value)) return false;
  // Secrets are generated in ASCII; `"予期しないトークンです。"` under a `…_token_1012` key is a message.
  if (/[^\x20-\x7e]/.test(value)) return false;
  const words = wordsOf(value);
  if (CREDENTIAL_WORDS.some((w) => words.has(w))) return false;
  if (isEncodedJsonState(value)) return false;
  if (context) {
    const match = context.match;
    const quoted = /["'`]$/.test(match) || /["'`<]$/.test(match.slice(0, match.length));
    const identifier = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(value);
    // `exports.fooToken = fooToken`, `_hook=Module._hook=e.hook.value`: a name, not a value.
    const key = keyOf(match, value);
    if (key.length >= 4 && value.toLowerCase().includes(key)) return false;
    // `type Password = AuthenticationPassword`, `token = tokenService`: an unquoted name with no digit.
    if (!quoted && identifier && !/\d/.test(value)) return false;
    // `a=this.b=null`: a chain of assignments in minified code.
    if (/^[A-Za-z_$][\w$.]*=[^=]/.test(value)) return false;
    // `token == "…"`, `password === x`: a comparison, not an assignment. In minified code the
    // operator the regex took is the first `=` of `===`, and the "value" starts with the rest.
    const before = match.slice(0, Math.max(0, match.lastIndexOf(value)));
    if (/[=!<>]=|=[=~]/.test(before) || value.startsWith('=')) return false;
    // `withCredentials: defaultToConfig2,`, `'secretRef': V1LocalObjectReference;`: after a colon,
    // a bare identifier that code punctuation follows is a variable or a type (a literal would be
    // quoted in every language that writes it so). YAML and .env values end the line instead.
    if (
      !quoted &&
      /^[A-Za-z_$][\w$]*$/.test(value) &&
      /(?<!:):[ \t]*$/.test(before) &&
      /^[,;)}|&]$/.test(nextCharAfter(match, context.line))
    )
      return false;
  }
  for (const shape of PLACEHOLDER_SHAPES) if (shape.test(value)) return false;
  const lower = value.toLowerCase();
  for (const word of PLACEHOLDER_WORDS) if (lower.includes(word)) return false;
  // Identifiers and dotted names (`this.config.token`) carry no digits; random secrets nearly always do.
  if (!/\d/.test(value) && /^[A-Za-z_.$-]+$/.test(value) && value.length < 24) return false;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value)) return false; // this.config.token
  return true;
}

export const VALIDATORS: Readonly<Record<string, Validator>> = {
  'github-checksum': (secret) => hasValidTokenChecksum(secret, /^gh[pousr]_/),
  'npm-checksum': (secret) => hasValidTokenChecksum(secret, /^npm_/),
  'payment-card': (secret) => isPaymentCard(secret),
  'payment-card-other': (secret) => isOtherPaymentCard(secret),
  ssn: isSsn,
  // 123.45.6789: the dotted form is written on purpose, like the dashed one.
  'ssn-dotted': (secret, context) => isSsn(secret.replace(/\./g, '-'), context),
  iban: (secret, context) => isIban(secret, context),
  email: (secret, context) => isPersonalEmail(secret, context),
  phone: isPhone,
  jwt: (secret) => isJwt(secret),
  'generic-secret': (secret, context) => isGenericSecret(secret, context),
};
