import { expect, test } from '@jest/globals';

import { sha256Hex } from './digest.ts';

test('sha256Hex matches the published SHA-256 test vectors', () => {
  // FIPS 180-2 appendix B.1 and the empty message.
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

test('a string is hashed as its UTF-8 bytes, so string and bytes agree', () => {
  const text = 'CHG-1234 Zürich → prod';
  expect(sha256Hex(text)).toBe(sha256Hex(new TextEncoder().encode(text)));
  expect(sha256Hex(text)).not.toBe(sha256Hex(Buffer.from(text, 'latin1')));
});
