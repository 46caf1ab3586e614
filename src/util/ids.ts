import { nodeCrypto } from './node-crypto.js';

/** A sortable, random id: 12 hex chars of time, 10 of randomness, with an optional prefix. */
export function generateId(prefix = ''): string {
  const time = Date.now().toString(16).padStart(12, '0');
  return `${prefix}${time}${nodeCrypto().randomBytes(5).toString('hex')}`;
}
