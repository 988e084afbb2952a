/**
 * The one SHA-256 helper: strings are hashed as UTF-8, bytes as they are. Digests identify audit
 * records, policies and files across actions, so every caller must hash the same way.
 */
import { createHash } from 'node:crypto';

/** Lowercase hex SHA-256 of `data` (a string is encoded as UTF-8). */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256')
    .update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    .digest('hex');
}
