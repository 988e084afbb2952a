import { expect, test } from '@jest/globals';
import { findPii } from '../../edge/workers/tokenize/src/detect.ts';
import { edgeBody } from './corpus.ts';

test('benchmark bodies have the size and the number of PII fields the tables claim', () => {
  for (const [size, n] of [
    [2 * 1024, 3],
    [64 * 1024, 30],
    [64 * 1024, 300],
  ] as const) {
    const body = edgeBody(size, n, 1);
    expect(Buffer.byteLength(body)).toBeGreaterThanOrEqual(size);
    expect(Buffer.byteLength(body)).toBeLessThan(size + 2048);
    const values = JSON.parse(body).orders.flatMap((o: Record<string, unknown>) =>
      Object.entries(o)
        .filter(([k]) => ['email', 'ssn', 'phone', 'card'].includes(k))
        .map(([k, v]) => [k, String(v)]),
    );
    expect(values).toHaveLength(n);
    for (const [k, v] of values) expect(findPii(v, k).length).toBe(1);
  }
});
