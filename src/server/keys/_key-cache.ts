/**
 * Resolved API keys remembered per store object for a short TTL (`server.apiKeyCacheMs`), so a request does not
 * hash its secret and read a meta row each time. Only active keys are kept (an unknown key is looked up every
 * time: a key created a moment ago works at once, and random secrets cannot fill the cache). Revoking through
 * the same store object (`revokeApiKey`, `POST /v1/keys/{id}/revoke`, `fathom keys revoke` in one process)
 * empties it before returning; a revocation made through another connection or process is seen within the TTL.
 */
import type { ApiKeyRecord } from '../../spec/server.js';

interface _Entry {
  record: ApiKeyRecord;
  until: number;
}

/** At most this many keys are remembered per store; beyond it the cache starts over. */
const _MAX = 10_000;
const _caches = new WeakMap<object, { entries: Map<string, _Entry>; generation: number }>();

const _cache = (store: object) => {
  let cache = _caches.get(store);
  if (!cache) _caches.set(store, (cache = { entries: new Map(), generation: 0 }));
  return cache;
};

export function _cachedKey(store: object, secret: string, now: number): ApiKeyRecord | undefined {
  const entry = _caches.get(store)?.entries.get(secret);
  return entry && entry.until > now ? entry.record : undefined;
}

/** The store's revocation count: read it before looking a key up, and pass it to `_rememberKey`. */
export const _keyGeneration = (store: object): number => _caches.get(store)?.generation ?? 0;

/** Remember a key read at `generation`, unless a revocation happened since (its read may predate the revocation). */
export function _rememberKey(store: object, secret: string, record: ApiKeyRecord, until: number, generation: number): void {
  const cache = _cache(store);
  if (cache.generation !== generation) return;
  if (cache.entries.size >= _MAX) cache.entries.clear();
  cache.entries.set(secret, { record, until });
}

export function _forgetKeys(store: object): void {
  const cache = _cache(store);
  cache.generation++;
  cache.entries.clear();
}
