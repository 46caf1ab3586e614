/**
 * Where jobs live in the store.
 *
 * Decision (2025, fine-tuning workbench): jobs are recorded through the Store contract's tenant-scoped
 * key/value meta (`getMeta` / `setMeta`) instead of a new table, so no store backend or schema changes:
 * - `tune:job:<id>`: one job record as JSON (`TuneJobRecord`);
 * - `tune:jobs`: JSON array of job ids, oldest first (the index for listing).
 * Writes are read-modify-write without a lock: two processes creating jobs in the same tenant at the same
 * instant could lose an index entry (the job's own key survives). Acceptable for a CLI-driven workflow; a
 * store table replaces this if jobs ever come from concurrent server requests.
 */
import type { Store } from '../../spec/store.js';

/** The slice of the Store that job records need. */
export type _MetaStore = Pick<Store, 'getMeta' | 'setMeta'>;

export const _INDEX_KEY = 'tune:jobs';
export const _jobKey = (id: string): string => `tune:job:${id}`;

/** Ids in the tenant's index, oldest first. */
export async function _readIndex(store: _MetaStore, tenant: string): Promise<string[]> {
  const raw = await store.getMeta({ tenant, key: _INDEX_KEY });
  if (raw === undefined) return [];
  const ids = JSON.parse(raw) as unknown;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}
