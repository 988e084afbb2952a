/**
 * Benchmark-only Worker: runs the tokenize core (or the JSON.parse+stringify floor) `n` times on
 * the posted body inside workerd and answers when done. workerd's clock stands still during CPU
 * work, so the benchmark times the request from outside and divides by `n`.
 * `mode=warm`: deterministic tokens already stored (HMAC per field only); `mode=cold`: random
 * tokens, every value sealed.
 */
import { parseKeySet } from '../workers/shared/keys.ts';
import { tokenizeJson } from '../workers/tokenize/src/core.ts';
import { fieldMapFrom } from '../workers/tokenize/src/fields.ts';
import { TokenIssuer } from '../workers/tokenize/src/tokens.ts';

const fields = fieldMapFrom(undefined);
const b64 = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
let issuers: Record<'warm' | 'cold', TokenIssuer> | undefined;

function keySet() {
  return parseKeySet(
    'BENCH',
    JSON.stringify({ current: 1, keys: { 1: b64(crypto.getRandomValues(new Uint8Array(32))) } }),
  );
}

export default {
  async fetch(request: Request): Promise<Response> {
    issuers ??= {
      warm: new TokenIssuer(keySet(), keySet(), 'deterministic'),
      cold: new TokenIssuer(keySet(), keySet(), 'random'),
    };
    const url = new URL(request.url);
    const n = Number(url.searchParams.get('n') ?? 1);
    const op = url.searchParams.get('op');
    const body = await request.text();
    let fieldsOut = 0;
    for (let k = 0; k < n; k++) {
      if (op === 'floor') JSON.stringify(JSON.parse(body));
      else {
        const issuer = issuers[op === 'cold' ? 'cold' : 'warm'];
        const out = await tokenizeJson(body, fields, issuer);
        issuer.markStored(
          out.issued.map((i) => i.token),
          Date.now(),
        );
        fieldsOut = Object.values(out.counts).reduce((a, b) => a + b, 0);
      }
    }
    return Response.json({ fields: fieldsOut });
  },
};
