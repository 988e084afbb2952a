/** Request bodies for the edge benchmark: order-like JSON of a target size with N PII fields (synthetic, seeded). */
import { cardNumber, seededRng, synth, pick } from '../../lib/dlp/synth.ts';

const WORDS =
  'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa'.split(
    ' ',
  );

export function edgeBody(targetBytes: number, piiFields: number, seed = 1): string {
  const rng = seededRng(seed);
  const records: Array<Record<string, unknown>> = [];
  const kinds = ['email', 'ssn', 'phone', 'card'] as const;
  for (let k = 0; k < piiFields; k++) {
    const kind = kinds[k % kinds.length]!;
    const value =
      kind === 'email'
        ? synth.email(rng)
        : kind === 'ssn'
          ? synth.ssn(rng)
          : kind === 'phone'
            ? synth.phone(rng)
            : cardNumber(rng, 'visa');
    records.push({ id: 1000 + k, [kind]: value, qty: k % 7 });
  }
  let text = JSON.stringify({ orders: records });
  let id = 0;
  while (Buffer.byteLength(text) < targetBytes) {
    const desc = Array.from({ length: 8 }, () => WORDS[Math.floor(rng() * WORDS.length)]).join(' ');
    records.push({
      id: id++,
      sku: `SKU-${pick(rng, 'ABCDEFGH', 4)}`,
      description: desc,
      qty: id % 9,
      price: 12.5 + (id % 40),
      tags: ['a', 'b'],
    });
    text =
      id % 64 === 0 || Buffer.byteLength(text) > targetBytes - 4096
        ? JSON.stringify({ orders: records })
        : text + ' '.repeat(120);
  }
  return JSON.stringify({ orders: records });
}
