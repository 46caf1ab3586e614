import { createHash } from 'node:crypto';

/** Hex SHA-256 of a string (UTF-8) or bytes. */
export function sha256(input: string | Uint8Array): string {
  return createHash('sha256').update(input).digest('hex');
}
