/** One audit entry by id: the store's indexed lookup when it has one, else a scan of the tenant's log. */
import type { QueryLogEntry } from '../spec/audit.js';
import type { Store } from '../spec/store.js';

export async function findQueryLogEntry(store: Pick<Store, 'getQueryLogEntry' | 'listQueryLog'>, tenant: string, id: string): Promise<QueryLogEntry | undefined> {
  if (store.getQueryLogEntry) return store.getQueryLogEntry({ tenant, id });
  return (await store.listQueryLog({ tenant })).find((e) => e.id === id);
}
