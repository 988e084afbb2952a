/**
 * Synthetic secrets and PII, generated at run time from a seeded PRNG so nothing secret-looking
 * is committed in clear. Shared by the labelled cases, the tests and the benchmark.
 */
import { checksumTokenBody, ibanMod97, luhnValid } from './validators.ts';

export type Rng = () => number;

/** mulberry32: tiny, seedable, good enough for test data. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const BASE64 = ALNUM + '+/';
export const BASE64URL = ALNUM + '-_';
export const UPPER_BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const DIGITS = '0123456789';
export const HEX = '0123456789abcdef';

export function pick(rng: Rng, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
  return out;
}

export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** Random base62 with at least one digit, upper and lower: what real generators produce. */
function mixed(rng: Rng, length: number): string {
  for (;;) {
    const s = pick(rng, ALNUM, length);
    if (/\d/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s)) return s;
  }
}

function corrupt(rng: Rng, value: string): string {
  const last = value[value.length - 1]!;
  let replacement = last;
  while (replacement === last) replacement = pick(rng, ALNUM, 1);
  return value.slice(0, -1) + replacement;
}

export function githubToken(rng: Rng, validChecksum = true, kind: 'p' | 'o' | 'u' | 's' | 'r' = 'p'): string {
  const random = mixed(rng, 30);
  const token = `gh${kind}_` + random + checksumTokenBody(random);
  return validChecksum ? token : corrupt(rng, token);
}

export function npmToken(rng: Rng, validChecksum = true): string {
  const random = mixed(rng, 30);
  const token = 'npm' + '_' + random + checksumTokenBody(random);
  return validChecksum ? token : corrupt(rng, token);
}

export const synth = {
  awsAccessKeyId: (rng: Rng) => 'AK' + 'IA' + pick(rng, UPPER_BASE32, 16),
  awsSecret: (rng: Rng) => mixed(rng, 36) + pick(rng, BASE64, 4),
  githubFineGrained: (rng: Rng) => 'github' + '_pat_' + mixed(rng, 22) + '_' + mixed(rng, 59),
  gitlab: (rng: Rng) => 'gl' + 'pat-' + mixed(rng, 20),
  slack: (rng: Rng) =>
    'xo' + 'xb-' + pick(rng, DIGITS, 12) + '-' + pick(rng, DIGITS, 13) + '-' + mixed(rng, 24),
  slackWebhook: (rng: Rng) =>
    'https://hooks.slack.com/' +
    'services/T' +
    pick(rng, UPPER_BASE32, 10) +
    '/B' +
    pick(rng, UPPER_BASE32, 10) +
    '/' +
    mixed(rng, 24),
  stripe: (rng: Rng) => 'sk' + '_live_' + mixed(rng, 24 + int(rng, 0, 75)),
  google: (rng: Rng) => 'AI' + 'za' + mixed(rng, 30) + pick(rng, BASE64URL, 5),
  azureConnectionString: (rng: Rng) =>
    `DefaultEndpointsProtocol=https;AccountName=acct${pick(rng, DIGITS, 4)};Account` +
    `Key=${mixed(rng, 60)}${pick(rng, BASE64, 26)}==;EndpointSuffix=core.windows.net`,
  pypi: (rng: Rng) => 'pypi-' + 'AgEIcHlwaS5vcmc' + mixed(rng, 40) + pick(rng, BASE64URL, 30),
  privateKey: (rng: Rng, kind: 'RSA' | 'OPENSSH' | 'EC' = 'RSA') => {
    const lines: string[] = [];
    for (let i = 0; i < 12; i++) lines.push(pick(rng, BASE64, 64));
    return (
      `-----BEGIN ${kind} PRIVATE` + ` KEY-----\n${lines.join('\n')}\n-----END ${kind} PRIVATE` + ' KEY-----'
    );
  },
  jwt: (rng: Rng) => {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub: mixed(rng, 12), iat: int(rng, 1.6e9, 1.8e9) })}.${pick(rng, BASE64URL, 43)}`;
  },
  genericValue: (rng: Rng) => mixed(rng, 32),
  ssn: (rng: Rng): string => {
    let area = int(rng, 1, 899);
    if (area === 666) area = 667;
    return `${String(area).padStart(3, '0')}-${String(int(rng, 1, 99)).padStart(2, '0')}-${String(int(rng, 1, 9999)).padStart(4, '0')}`;
  },
  email: (rng: Rng) =>
    `${pick(rng, 'abcdefghijklmnopqrstuvwxyz', 6)}.${pick(rng, 'abcdefghijklmnopqrstuvwxyz', 5)}@${pick(rng, 'abcdefghijklmnopqrstuvwxyz', 7)}.com`,
  phone: (rng: Rng) =>
    `(${int(rng, 2, 9)}${pick(rng, DIGITS, 2)}) ${int(rng, 2, 9)}${pick(rng, '0123456789', 2).replace(/^55$/, '56')}-${pick(rng, DIGITS, 4)}`,
};

export const CARD_PREFIXES: Record<string, { prefixes: string[]; length: number }> = {
  visa: { prefixes: ['4'], length: 16 },
  mastercard: { prefixes: ['51', '55', '2221', '2720'], length: 16 },
  amex: { prefixes: ['34', '37'], length: 15 },
  discover: { prefixes: ['6011', '65', '644'], length: 16 },
  jcb: { prefixes: ['3528', '3589'], length: 16 },
  diners: { prefixes: ['36', '300'], length: 14 },
};

/** The digit that makes `partial + digit` pass the Luhn check. */
export function luhnCheckDigit(partial: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(partial + d)) return String(d);
  throw new Error('unreachable');
}

/** A card number with a brand prefix and length; `validLuhn=false` gives a wrong check digit. */
export function cardNumber(
  rng: Rng,
  brand: keyof typeof CARD_PREFIXES,
  validLuhn = true,
  prefix?: string,
): string {
  const spec = CARD_PREFIXES[brand]!;
  const start = prefix ?? spec.prefixes[int(rng, 0, spec.prefixes.length - 1)]!;
  let partial = start + pick(rng, DIGITS, spec.length - start.length - 1);
  if (/^(\d)\1+$/.test(partial)) partial = partial.slice(0, -1) + ((Number(partial.slice(-1)) + 1) % 10);
  const check = luhnCheckDigit(partial);
  return partial + (validLuhn ? check : String((Number(check) + 1 + int(rng, 0, 8)) % 10));
}

export function groupCard(digits: string, separator = ' '): string {
  if (digits.length === 15 || digits.length === 14)
    return `${digits.slice(0, 4)}${separator}${digits.slice(4, 10)}${separator}${digits.slice(10)}`;
  return digits.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
}

const BBAN: Record<string, (rng: Rng) => string> = {
  DE: (rng) => pick(rng, DIGITS, 18),
  GB: (rng) => pick(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4) + pick(rng, DIGITS, 14),
  FR: (rng) => pick(rng, DIGITS, 23),
  NL: (rng) => pick(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4) + pick(rng, DIGITS, 10),
  ES: (rng) => pick(rng, DIGITS, 20),
};

export function iban(rng: Rng, country: keyof typeof BBAN = 'DE', validChecksum = true): string {
  const bban = BBAN[country]!(rng);
  const check = 98 - ibanMod97(`${country}00${bban}`);
  const good = `${country}${String(check).padStart(2, '0')}${bban}`;
  if (validChecksum) return good;
  const wrong = (check % 97) + 1 === check ? check + 1 : (check % 97) + 1;
  return `${country}${String(wrong === check ? check - 1 : wrong).padStart(2, '0')}${bban}`;
}

export function groupIban(value: string): string {
  return value.replace(/(.{4})(?=.)/g, '$1 ');
}

export function uuid(rng: Rng): string {
  const h = pick(rng, HEX, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}
