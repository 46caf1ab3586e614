import { sha256 } from '../../util/hash.js';

/** JSON with object keys sorted, so equal values hash equally. */
export function _stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(_stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${_stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** First 16 hex chars of the SHA-256 of the stable JSON of a value. */
export function _stableHash(value: unknown): string {
  return sha256(_stableStringify(value)).slice(0, 16);
}
