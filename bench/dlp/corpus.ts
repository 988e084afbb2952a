/**
 * A synthetic source tree with planted secrets and PII, and the truth list. Everything is built
 * at run time from a seeded PRNG; nothing real is ever written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  cardNumber,
  githubToken,
  groupCard,
  groupIban,
  iban,
  int,
  npmToken,
  pick,
  seededRng,
  synth,
  uuid,
  ALNUM,
  BASE64,
  HEX,
  DIGITS,
  type Rng,
} from '../../lib/dlp/synth.ts';

export interface TruthItem {
  file: string;
  line: number;
  ruleId: string;
  kind: 'secret' | 'pii';
}

const WORDS = [
  'user',
  'account',
  'request',
  'response',
  'config',
  'session',
  'handler',
  'cache',
  'client',
  'server',
  'value',
  'result',
  'options',
  'buffer',
  'stream',
  'record',
  'entry',
  'index',
  'limit',
  'retry',
  'timeout',
  'payload',
  'token',
  'password',
  'secret',
  'key',
  'auth',
  'credential',
  'parser',
  'tokenizer',
  'context',
  'state',
];

function ident(rng: Rng): string {
  const a = WORDS[int(rng, 0, WORDS.length - 1)]!;
  const b = WORDS[int(rng, 0, WORDS.length - 1)]!;
  return rng() < 0.5 ? a : a + b[0]!.toUpperCase() + b.slice(1);
}

/** Ordinary lines, with the distractors that trip naive scanners. */
const NOISE: Array<(rng: Rng) => string> = [
  (r) => `const ${ident(r)} = await ${ident(r)}.${ident(r)}(${ident(r)}, ${int(r, 0, 5000)});`,
  (r) => `  if (!${ident(r)}.${ident(r)}) throw new Error('missing ${ident(r)} for ${ident(r)}');`,
  (r) => `export function ${ident(r)}(${ident(r)}: string, ${ident(r)}?: number): Promise<${ident(r)}> {`,
  (r) =>
    `  // refresh the token before the ${ident(r)} expires (${int(r, 1, 3600)} s); never log the password`,
  (r) => `  "${ident(r)}": "${ident(r)} ${ident(r)} ${ident(r)}",`,
  (r) => `import { ${ident(r)} } from '@summit/${ident(r)}';`,
  (r) => `  @Input() ${ident(r)}: string = '';`,
  (r) => `    retries: ${int(r, 1, 9)}, timeout: ${int(r, 100, 90000)}, port: ${int(r, 1024, 65535)},`,
  (r) => `  createdAt: ${int(r, 1600000000, 1800000000)}${pick(r, DIGITS, 3)},`,
  (r) => `commit ${pick(r, HEX, 40)}`,
  (r) => `  id: "${uuid(r)}",`,
  (r) => `  token = "${uuid(r)}"`,
  (r) => `  data: "${pick(r, BASE64, 76)}"`,
  (_r) => `DB_PASSWORD="\${DB_PASSWORD}"`,
  (r) => `  password: <redacted>  # set ${ident(r)} in the vault`,
  (_r) => `  api_key: "xxxxxxxxxxxxxxxxxxxxxxxx"`,
  (r) => `Author: ${pick(r, 'abcdefghij', 5)} <${pick(r, 'abcdefghij', 5)}@example.com>`,
  (r) => `  secretRef = ${ident(r)}.${ident(r)}Secret;`,
  (r) => `  return this.${ident(r)}.get(${ident(r)}, { token, password: undefined });`,
  (r) => `  ${ident(r)}[${int(r, 0, 99)}] = ${int(r, 0, 1000)} * ${ident(r)}.length;`,
  (r) => `  sha256: "${pick(r, HEX, 64)}",`,
  (r) => `    version: "${int(r, 0, 9)}.${int(r, 0, 30)}.${int(r, 0, 99)}",`,
  (_r) => `}`,
  (_r) => ``,
];

/** Planted items: a line builder per rule, in a realistic setting. */
const PLANTS: Array<{ ruleId: string; kind: 'secret' | 'pii'; line: (rng: Rng) => string }> = [
  {
    ruleId: 'aws-access-key-id',
    kind: 'secret',
    line: (r) => `AWS_ACCESS_KEY_ID=${synth.awsAccessKeyId(r)}`,
  },
  {
    ruleId: 'aws-secret-access-key',
    kind: 'secret',
    line: (r) => `aws_secret_access_key = ${synth.awsSecret(r)}`,
  },
  {
    ruleId: 'github-token',
    kind: 'secret',
    line: (r) => `  const octokit = new Octokit({ auth: "${githubToken(r)}" });`,
  },
  { ruleId: 'github-fine-grained-pat', kind: 'secret', line: (r) => `GH=${synth.githubFineGrained(r)}` },
  { ruleId: 'gitlab-pat', kind: 'secret', line: (r) => `  gitlab: "${synth.gitlab(r)}"` },
  { ruleId: 'slack-token', kind: 'secret', line: (r) => `slack = WebClient("${synth.slack(r)}")` },
  { ruleId: 'slack-webhook-url', kind: 'secret', line: (r) => `  webhook: ${synth.slackWebhook(r)}` },
  { ruleId: 'stripe-secret-key', kind: 'secret', line: (r) => `stripe.configure("${synth.stripe(r)}")` },
  { ruleId: 'google-api-key', kind: 'secret', line: (r) => `  mapsKey: '${synth.google(r)}',` },
  { ruleId: 'azure-account-key', kind: 'secret', line: (r) => `STORAGE=${synth.azureConnectionString(r)}` },
  { ruleId: 'npm-token', kind: 'secret', line: (r) => `//registry.npmjs.org/:_authToken=${npmToken(r)}` },
  { ruleId: 'pypi-token', kind: 'secret', line: (r) => `  twine_upload: ${synth.pypi(r)}` },
  { ruleId: 'private-key', kind: 'secret', line: (r) => synth.privateKey(r, r() < 0.5 ? 'RSA' : 'OPENSSH') },
  { ruleId: 'jwt', kind: 'secret', line: (r) => `  headers: { Authorization: "Bearer ${synth.jwt(r)}" },` },
  { ruleId: 'generic-secret', kind: 'secret', line: (r) => `  client_secret = "${synth.genericValue(r)}"` },
  { ruleId: 'us-ssn', kind: 'pii', line: (r) => `  { "name": "${ident(r)}", "ssn": "${synth.ssn(r)}" },` },
  {
    ruleId: 'payment-card',
    kind: 'pii',
    line: (r) =>
      `  card: "${groupCard(cardNumber(r, (['visa', 'mastercard', 'amex', 'discover'] as const)[int(r, 0, 3)]!))}",`,
  },
  { ruleId: 'email-address', kind: 'pii', line: (r) => `  contact: "${synth.email(r)}",` },
  { ruleId: 'phone-number', kind: 'pii', line: (r) => `  phone: "${synth.phone(r)}",` },
  {
    ruleId: 'iban',
    kind: 'pii',
    line: (r) => `  iban: "${groupIban(iban(r, (['DE', 'GB', 'FR', 'NL'] as const)[int(r, 0, 3)]!))}",`,
  },
];

export interface Corpus {
  dir: string;
  files: string[];
  bytes: number;
  truth: TruthItem[];
}

/** Writes ~`mib` MiB of files of ~64 KiB under `dir`, one planted item per ~16 KiB. */
export function generateCorpus(dir: string, mib: number, seed = 7): Corpus {
  const rng = seededRng(seed);
  const target = Math.max(1, Math.round(mib * 1024 * 1024));
  const files: string[] = [];
  const truth: TruthItem[] = [];
  let bytes = 0;
  let plantIndex = 0;
  for (let n = 0; bytes < target; n++) {
    const rel = `src/${ident(rng)}/${n}-${ident(rng)}.${['ts', 'py', 'yaml', 'json', 'md'][n % 5]}`;
    const lines: string[] = [];
    let size = 0;
    let nextPlant = int(rng, 4000, 28000);
    while (size < 64 * 1024) {
      let line: string;
      if (size >= nextPlant) {
        const plant = PLANTS[plantIndex++ % PLANTS.length]!;
        line = plant.line(rng);
        truth.push({ file: rel, line: lines.length + 1, ruleId: plant.ruleId, kind: plant.kind });
        nextPlant = size + int(rng, 4000, 28000);
      } else {
        line = NOISE[int(rng, 0, NOISE.length - 1)]!(rng);
      }
      lines.push(...line.split('\n'));
      size += line.length + 1;
    }
    const text = lines.join('\n') + '\n';
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
    files.push(rel);
    bytes += Buffer.byteLength(text);
  }
  return { dir, files, bytes, truth };
}

export { ALNUM };
