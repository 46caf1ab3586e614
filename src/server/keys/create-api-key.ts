import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyRecord, Role } from '../../spec/server.js';
import { FathomError } from '../../util/errors.js';
import { _readIndex, _writeIndex, _writeRecord, type _KeyStore } from './key-store.js';

export interface CreateApiKeyOptions {
  store: _KeyStore;
  tenant: string;
  /** e.g. `user:alice`. */
  principal: string;
  /** @default [] */
  groups?: string[];
  role: Role;
  name?: string;
  _internal?: { now?: () => number; randomBytes?: (n: number) => Buffer };
}

export const ROLES: readonly Role[] = ['reader', 'writer', 'admin'];

/** Hex SHA-256 of a secret: what is stored and looked up. */
export const hashApiKey = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Create a key. Returns the record and the secret, which is not stored and cannot be shown again. */
export async function createApiKey(options: CreateApiKeyOptions): Promise<{ key: string; record: ApiKeyRecord }> {
  const { store, tenant, principal, groups = [], role, name } = options;
  if (!tenant || tenant.startsWith('__')) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Bad tenant "${tenant}": give a non-empty name that does not start with "__" (reserved).` });
  if (!principal.trim()) throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'A key needs a principal, e.g. --principal user:alice.' });
  if (!ROLES.includes(role)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Bad role "${role}": use reader, writer or admin.` });
  const now = options._internal?.now ?? Date.now;
  const key = `fk_${(options._internal?.randomBytes ?? randomBytes)(32).toString('base64url')}`;
  const hash = hashApiKey(key);
  const record: ApiKeyRecord = { id: `key_${hash.slice(0, 12)}`, hash, prefix: key.slice(0, 7), tenant, principal, groups: groups.filter(Boolean), role, ...(name ? { name } : {}), createdAt: now() };
  await _writeRecord(store, record);
  await _writeIndex(store, [...(await _readIndex(store)), hash]);
  return { key, record };
}
