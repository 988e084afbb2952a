import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sha256Hex } from './digest.ts';

test('sha256Hex matches the published SHA-256 test vectors', () => {
  // FIPS 180-2 appendix B.1 and the empty message.
  assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

test('a string is hashed as its UTF-8 bytes, so string and bytes agree', () => {
  const text = 'CHG-1234 Zürich → prod';
  assert.equal(sha256Hex(text), sha256Hex(new TextEncoder().encode(text)));
  assert.notEqual(sha256Hex(text), sha256Hex(Buffer.from(text, 'latin1')));
});
