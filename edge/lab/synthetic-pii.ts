/**
 * Synthetic PII for the edge tests, generated at run time from lib/dlp's seeded generators
 * (nothing real, nothing committed), and the check an origin's view must pass.
 */
import { scanText } from '../../lib/dlp/index.ts';
import { cardNumber, groupCard, iban, seededRng, synth, type Rng } from '../../lib/dlp/synth.ts';

export interface Planted {
  /** The JSON text to send. */
  body: string;
  /** Every PII value planted in it, to search for in what the origin received. */
  values: string[];
}

export function piiValues(rng: Rng) {
  return {
    email: synth.email(rng),
    ssn: synth.ssn(rng),
    phone: synth.phone(rng),
    card: cardNumber(rng, 'visa'),
    iban: iban(rng, 'DE'),
  };
}

/**
 * A document with PII under configured keys in every case style, under unexpected keys, inside
 * free text, nested in arrays and objects, next to big integers and unicode.
 */
export function plantedDocument(seed: number): Planted {
  const rng = seededRng(seed);
  const a = piiValues(rng);
  const b = piiValues(rng);
  const c = piiValues(rng);
  const doc = `{
  "id": 12345678901234567890123,
  "Email": ${JSON.stringify(a.email)},
  "USER_EMAIL": ${JSON.stringify(b.email.toUpperCase())},
  "profile": { "ssn": ${JSON.stringify(a.ssn)}, "Phone": ${JSON.stringify(a.phone)}, "name": "Zoë Ångström 🌍" },
  "contacts": [
    { "kind": "work", "value": ${JSON.stringify(c.email)} },
    { "kind": "mobile", "value": ${JSON.stringify(b.phone)} },
    [ ${JSON.stringify(groupCard(a.card))}, ${b.card}, null, true, -1.5e-3 ]
  ],
  "notes": ${JSON.stringify(`Customer asked to refund ${c.card} and update IBAN ${a.iban}; ssn ${b.ssn} verified, call ${c.phone}`)},
  "misc": { "x-ref": ${JSON.stringify(b.iban)}, "emails": [${JSON.stringify(c.email)}, ${JSON.stringify(a.email)}], "count": 3 },
  "escaped": "\\u0063ontact: ${c.email.replace('@', '\\u0040')}",
  "amount": 1234.50,
  "big": [9007199254740993, -9007199254740995]
}`;
  const values = [
    a.email,
    b.email.toUpperCase(),
    c.email,
    a.ssn,
    b.ssn,
    a.phone,
    b.phone,
    c.phone,
    groupCard(a.card),
    b.card,
    c.card,
    a.iban,
    b.iban,
  ];
  return { body: doc, values };
}

/**
 * PII findings of lib/dlp's rule pack in a JSON text (rule ids only: never the values). The
 * document is scanned pretty-printed, one value per line beside its key, as the scanner sees a
 * file: on one long line a `tok_ssn_…` token would lend "ssn" context to every unrelated 9-digit
 * number in the document. Non-JSON text is scanned as it is.
 */
export function piiFindings(text: string): string[] {
  let view = text;
  try {
    view = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // not JSON: scan the raw text
  }
  return scanText(view)
    .filter((f) => f.tags.includes('pii'))
    .map((f) => `${f.ruleId}@${f.line}:${f.column}`);
}

/** Planted values found in `text` (as indexes into `values`, so a failure prints no PII). */
export function plantedIn(text: string, values: string[]): number[] {
  const lower = text.toLowerCase();
  const digitsOnly = text.replace(/\D/g, '');
  return values.flatMap((v, k) => {
    if (lower.includes(v.toLowerCase())) return [k];
    const digits = v.replace(/\D/g, '');
    // A number re-grouped differently is still the number.
    if (digits.length >= 9 && /^[\d\s().+-]+$/.test(v) && digitsOnly.includes(digits)) return [k];
    return [];
  });
}
