import type { ApiKeyRecord } from '../../spec/server.js';
import { _readRecord, type _KeyStore } from './key-store.js';
import { hashApiKey } from './create-api-key.js';

/** The active record of a secret, or undefined (unknown, malformed or revoked). One indexed read. */
export async function resolveApiKey({ store, key }: { store: _KeyStore; key: string }): Promise<ApiKeyRecord | undefined> {
  if (!/^fk_[A-Za-z0-9_-]{43}$/.test(key)) return undefined;
  const record = await _readRecord(store, hashApiKey(key));
  return record && record.revokedAt === undefined ? record : undefined;
}
