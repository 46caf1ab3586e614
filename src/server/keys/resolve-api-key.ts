import type { ApiKeyRecord } from '../../spec/server.js';
import { _cachedKey, _keyGeneration, _rememberKey } from './_key-cache.js';
import { _readRecord, type _KeyStore } from './key-store.js';
import { hashApiKey } from './create-api-key.js';

export interface ResolveApiKeyOptions {
  store: _KeyStore;
  key: string;
  /**
   * Remember an active key this long, ms (per store object; see `_key-cache.ts`). A revocation through the same
   * store object is effective at once; through another connection or process within this bound. @default 0 (no cache)
   */
  cacheMs?: number;
  /** @default Date.now */
  now?: () => number;
}

/** The active record of a secret, or undefined (unknown, malformed or revoked). One indexed read, or none when cached. */
export async function resolveApiKey({ store, key, cacheMs = 0, now = Date.now }: ResolveApiKeyOptions): Promise<ApiKeyRecord | undefined> {
  if (!/^fk_[A-Za-z0-9_-]{43}$/.test(key)) return undefined;
  const at = cacheMs > 0 ? now() : 0;
  if (cacheMs > 0) {
    const hit = _cachedKey(store, key, at);
    if (hit) return hit;
  }
  const generation = _keyGeneration(store);
  const record = await _readRecord(store, hashApiKey(key));
  if (!record || record.revokedAt !== undefined) return undefined;
  if (cacheMs > 0) _rememberKey(store, key, record, at + cacheMs, generation);
  return record;
}
