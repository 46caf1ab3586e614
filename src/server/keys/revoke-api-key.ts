import type { ApiKeyRecord } from '../../spec/server.js';
import { FathomError } from '../../util/errors.js';
import { _forgetKeys } from './_key-cache.js';
import { _readIndex, _readRecord, _writeRecord, type _KeyStore } from './key-store.js';

/**
 * Revoke a key by its id (`key_…`); the record stays, marked, for audit. Revoking twice is a no-op. Servers on this
 * same store object stop accepting the key before this returns (their key cache is emptied).
 */
export async function revokeApiKey({ store, id, now = Date.now }: { store: _KeyStore; id: string; now?: () => number }): Promise<ApiKeyRecord> {
  for (const hash of await _readIndex(store)) {
    if (`key_${hash.slice(0, 12)}` !== id) continue;
    const record = await _readRecord(store, hash);
    if (!record) break;
    if (record.revokedAt === undefined) {
      record.revokedAt = now();
      await _writeRecord(store, record);
    }
    _forgetKeys(store);
    return record;
  }
  throw new FathomError({ code: 'NOT_FOUND', message: `No API key "${id}". List keys with \`fathom keys list\`.`, details: { id } });
}
