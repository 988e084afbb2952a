/**
 * Edge tokenization benchmark (`npm run bench edge`).
 *
 * 1. In-process: the tokenize core (tokens + envelopes, Node's WebCrypto) per body size (2 KB,
 *    64 KB, 1 MB) and PII field count (3, 30, 300), beside JSON.parse + JSON.stringify of the same
 *    body (the floor), measured alternately in the same run; p50/p99 of added time, µs per field,
 *    ratio to the floor.
 * 2. workerd: requests per second through the tokenize Worker (vault on a service binding, D1) and
 *    through a pass-through Worker, same bodies, same origin on 127.0.0.1, alternating rounds.
 *    Times are taken outside workerd (its clock does not advance during CPU work).
 *
 * Knobs: EDGE_BENCH_SAMPLES (in-process samples per cell, default 200), EDGE_BENCH_SECONDS (per
 * workerd round, default 3), EDGE_BENCH_CONCURRENCY (default 8).
 */
import { randomBytes } from 'node:crypto';
import { parseKeySet } from '../../edge/workers/shared/keys.ts';
import { tokenizeJson } from '../../edge/workers/tokenize/src/core.ts';
import { fieldMapFrom } from '../../edge/workers/tokenize/src/fields.ts';
import { TokenIssuer } from '../../edge/workers/tokenize/src/tokens.ts';
import { startEdgeLab } from '../../edge/lab/lab.ts';
import { edgeBody } from './corpus.ts';

const SAMPLES = Number(process.env['EDGE_BENCH_SAMPLES'] ?? 200);
const SECONDS = Number(process.env['EDGE_BENCH_SECONDS'] ?? 3);
const CONCURRENCY = Number(process.env['EDGE_BENCH_CONCURRENCY'] ?? 8);

const keySet = () =>
  parseKeySet('BENCH', JSON.stringify({ current: 1, keys: { 1: randomBytes(32).toString('base64url') } }));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const SIZES = [2 * 1024, 64 * 1024, 1024 * 1024];
const COUNTS = [3, 30, 300];

function cells(): Array<{ size: number; n: number; body: string; bytes: number }> {
  const out = [];
  for (const size of SIZES)
    for (const n of COUNTS) {
      const body = edgeBody(size, n, size + n);
      out.push({ size, n, body, bytes: Buffer.byteLength(body) });
    }
  return out;
}

const row = (size: number, n: number, bytes: number, rest: string) =>
  `${String(size / 1024).padEnd(4)}KB  ${String(n).padStart(6)}  ${fmt(bytes / 1024, 1).padStart(7)}  ${rest}`;

async function inProcess(): Promise<void> {
  const fields = fieldMapFrom(undefined);
  const warm = new TokenIssuer(keySet(), keySet(), 'deterministic');
  const cold = new TokenIssuer(keySet(), keySet(), 'random');
  console.log(
    `\n1. tokenize core in-process (Node ${process.version} WebCrypto), ${SAMPLES} samples per cell (1 MB: a fifth)`,
  );
  console.log(
    '   floor = JSON.parse+JSON.stringify of the same body; warm = deterministic tokens already stored (HMAC per field);',
  );
  console.log(
    '   cold = random tokens, every value sealed (HMAC-free, one AES-GCM per field + one data key per body)',
  );
  console.log(
    'size    fields  body KB  floor p50 µs  warm p50 µs  warm p99 µs  added p99 µs  µs/field  ratio  cold p50 µs  cold µs/field',
  );
  for (const { size, n, body, bytes } of cells()) {
    if (bytes > size * 1.5) {
      console.log(row(size, n, bytes, `(skipped: ${n} PII fields need ${fmt(bytes / 1024)} KB)`));
      continue;
    }
    const samples = size >= 1024 * 1024 ? Math.max(20, Math.floor(SAMPLES / 5)) : SAMPLES;
    const run = async (issuer: TokenIssuer) => {
      const out = await tokenizeJson(body, fields, issuer);
      issuer.markStored(
        out.issued.map((i) => i.token),
        Date.now(),
      );
      if (Object.keys(out.counts).length === 0)
        throw new Error('benchmark body held no PII: the corpus is broken');
    };
    for (let k = 0; k < 10; k++) {
      JSON.stringify(JSON.parse(body));
      await run(warm);
      await run(cold);
    }
    const floor: number[] = [];
    const w: number[] = [];
    const c: number[] = [];
    for (let k = 0; k < samples; k++) {
      let t = performance.now();
      JSON.stringify(JSON.parse(body));
      floor.push((performance.now() - t) * 1000);
      t = performance.now();
      await run(warm);
      w.push((performance.now() - t) * 1000);
      t = performance.now();
      await run(cold);
      c.push((performance.now() - t) * 1000);
    }
    for (const xs of [floor, w, c]) xs.sort((a, b) => a - b);
    const f50 = percentile(floor, 50);
    const w50 = percentile(w, 50);
    const w99 = percentile(w, 99);
    const c50 = percentile(c, 50);
    console.log(
      row(
        size,
        n,
        bytes,
        `${fmt(f50, 1).padStart(12)}  ${fmt(w50, 1).padStart(11)}  ${fmt(w99, 1).padStart(11)}  ${fmt(w99 - f50, 1).padStart(12)}  ${fmt((w50 - f50) / n, 1).padStart(8)}  ${fmt(w50 / f50, 2).padStart(4)}x  ${fmt(c50, 1).padStart(11)}  ${fmt((c50 - f50) / n, 1).padStart(13)}`,
      ),
    );
  }
}

type Fetchable = { fetch(u: string, i: RequestInit): Promise<Response> };

/** Mean time of one op inside workerd: a request running it `reps` times, timed from outside. */
async function workerdOp(
  w: Fetchable,
  op: string,
  body: string,
  reps: number,
  samples: number,
): Promise<number[]> {
  const out: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t = performance.now();
    const res = await w.fetch(`http://bench/?op=${op}&n=${reps}`, { method: 'POST', body });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`core-bench ${op}: HTTP ${res.status}`);
    out.push(((performance.now() - t) * 1000) / reps);
  }
  return out.sort((a, b) => a - b);
}

async function coreInWorkerd(lab: Awaited<ReturnType<typeof startEdgeLab>>): Promise<void> {
  const w = (await lab.mf.getWorker('core-bench')) as unknown as Fetchable;
  console.log(
    '\n2. tokenize core inside workerd (same code, workerd WebCrypto), timed from outside per request of r repetitions',
  );
  console.log(
    'size    fields  body KB  floor µs  warm µs  cold µs  warm µs/field  cold µs/field  warm ratio  cold ratio',
  );
  for (const { size, n, body, bytes } of cells()) {
    if (bytes > size * 1.5) continue;
    const reps = size >= 1024 * 1024 ? 3 : size >= 64 * 1024 ? 20 : 100;
    const samples = size >= 1024 * 1024 ? 5 : 9;
    await workerdOp(w, 'warm', body, reps, 1);
    await workerdOp(w, 'cold', body, reps, 1);
    // Interleaved, so a burst of load on the shared machine hits all three alike.
    const times: Record<'floor' | 'warm' | 'cold', number[]> = { floor: [], warm: [], cold: [] };
    for (let s = 0; s < samples; s++)
      for (const op of ['floor', 'warm', 'cold'] as const)
        times[op].push(...(await workerdOp(w, op, body, reps, 1)));
    const [floor, warm, cold] = (['floor', 'warm', 'cold'] as const).map((op) =>
      percentile(
        times[op].sort((x, y) => x - y),
        50,
      ),
    ) as [number, number, number];
    console.log(
      row(
        size,
        n,
        bytes,
        `${fmt(floor, 1).padStart(8)}  ${fmt(warm, 1).padStart(7)}  ${fmt(cold, 1).padStart(7)}  ${fmt((warm - floor) / n, 1).padStart(13)}  ${fmt((cold - floor) / n, 1).padStart(13)}  ${fmt(warm / floor, 2).padStart(9)}x  ${fmt(cold / floor, 2).padStart(9)}x`,
      ),
    );
  }
}

async function throughWorkerd(lab: Awaited<ReturnType<typeof startEdgeLab>>): Promise<void> {
  console.log(
    `\n3. requests/s through workerd (miniflare), ${CONCURRENCY} concurrent, ${SECONDS} s per round, 2 alternating rounds; origin on 127.0.0.1`,
  );
  {
    const workers = {
      tokenize: (await lab.mf.getWorker('tokenize')) as unknown as {
        fetch(u: string, i: RequestInit): Promise<Response>;
      },
      passthrough: (await lab.mf.getWorker('passthrough')) as unknown as {
        fetch(u: string, i: RequestInit): Promise<Response>;
      },
    };
    console.log('body    fields  tokenize req/s  pass-through req/s  ratio (tokenize/pass)');
    for (const [size, n] of [
      [2 * 1024, 3],
      [64 * 1024, 30],
      [1024 * 1024, 300],
    ] as const) {
      const body = edgeBody(size, n, size + n);
      const rates: Record<'tokenize' | 'passthrough', number[]> = { tokenize: [], passthrough: [] };
      for (let round = 0; round < 2; round++) {
        for (const name of ['passthrough', 'tokenize'] as const) {
          const w = workers[name];
          let done = 0;
          let failed = 0;
          const reasons = new Set<string>();
          const until = performance.now() + SECONDS * 1000;
          const start = performance.now();
          await Promise.all(
            Array.from({ length: CONCURRENCY }, async () => {
              while (performance.now() < until) {
                let res: Response;
                try {
                  res = await w.fetch('http://edge.test/orders', {
                    method: 'POST',
                    headers: { 'content-type': 'application/json' },
                    body,
                  });
                } catch (e) {
                  failed++;
                  reasons.add(`no answer: ${(e as Error).message}`);
                  continue;
                }
                const text = await res.text();
                if (res.status === 200) done++;
                else {
                  failed++;
                  // The Worker's refusal names its code (never a value): say which.
                  reasons.add(`${res.status} ${/"error":"([a-z_]+)"/.exec(text)?.[1] ?? ''}`.trim());
                }
              }
            }),
          );
          if (failed > 0)
            console.log(`   ${name}: ${failed} request(s) did not get 200: ${[...reasons].join(', ')}`);
          rates[name].push(done / ((performance.now() - start) / 1000));
          lab.origin.received.length = 0;
        }
      }
      const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      console.log(
        `${String(size / 1024).padEnd(4)}KB  ${String(n).padStart(6)}  ${fmt(avg(rates.tokenize)).padStart(14)}  ${fmt(avg(rates.passthrough)).padStart(18)}  ${fmt(avg(rates.tokenize) / avg(rates.passthrough), 2).padStart(8)}x   rounds: ${rates.tokenize.map((r, k) => fmt(r / rates.passthrough[k]!, 2)).join(', ')}`,
      );
    }
  }
}

await inProcess();
// A generous vault timeout: this measures throughput; the timeout path has its own test.
const lab = await startEdgeLab({ passthrough: true, tokenizeVars: { VAULT_TIMEOUT_MS: '15000' } });
try {
  await coreInWorkerd(lab);
  await throughWorkerd(lab);
} finally {
  await lab.dispose();
}
