/**
 * API keys live in the store's key/value meta table under a reserved tenant (no schema change, like tune
 * jobs): `apikey:<sha256>` → ApiKeyRecord, and `apikeys` → the list of hashes. A request is resolved by
 * hashing its bearer secret and reading one row; the tenant comes from the record.
 */
import type { ApiKeyRecord } from '../../spec/server.js';
import type { Store } from '../../spec/store.js';

/** Reserved tenant holding server state that is not scoped to one tenant. Tenant names may not start with `__`. */
export const _SERVER_TENANT = '__fathom_server__';
const _INDEX = 'apikeys';

export type _KeyStore = Pick<Store, 'getMeta' | 'setMeta'>;

export const _recordKey = (hash: string): string => `apikey:${hash}`;

export async function _readIndex(store: _KeyStore): Promise<string[]> {
  const raw = await store.getMeta({ tenant: _SERVER_TENANT, key: _INDEX });
  return raw ? (JSON.parse(raw) as string[]) : [];
}

export async function _writeIndex(store: _KeyStore, hashes: string[]): Promise<void> {
  await store.setMeta({ tenant: _SERVER_TENANT, key: _INDEX, value: JSON.stringify(hashes) });
}

export async function _readRecord(store: _KeyStore, hash: string): Promise<ApiKeyRecord | undefined> {
  const raw = await store.getMeta({ tenant: _SERVER_TENANT, key: _recordKey(hash) });
  return raw ? (JSON.parse(raw) as ApiKeyRecord) : undefined;
}

export async function _writeRecord(store: _KeyStore, record: ApiKeyRecord): Promise<void> {
  await store.setMeta({ tenant: _SERVER_TENANT, key: _recordKey(record.hash), value: JSON.stringify(record) });
}
