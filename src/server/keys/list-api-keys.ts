import type { ApiKeyRecord } from '../../spec/server.js';
import { _readIndex, _readRecord, type _KeyStore } from './key-store.js';

/** Every key (revoked ones included, marked), oldest first; only one tenant's when `tenant` is given. */
export async function listApiKeys({ store, tenant }: { store: _KeyStore; tenant?: string }): Promise<ApiKeyRecord[]> {
  const out: ApiKeyRecord[] = [];
  for (const hash of await _readIndex(store)) {
    const record = await _readRecord(store, hash);
    if (record && (tenant === undefined || record.tenant === tenant)) out.push(record);
  }
  return out;
}
