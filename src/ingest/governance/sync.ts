/**
 * Sync: remove stored documents of a collection whose source was not seen in the run.
 * Only runs after a complete (not interrupted) walk, so a partial run never deletes anything.
 */
import type { Store } from '../../spec/store.js';

export async function syncRemoved({ store, tenant, collection, seen }: {
  store: Store;
  tenant: string;
  collection: string;
  seen: Set<string>;
  sources?: string[];
}): Promise<string[]> {
  const gone: string[] = [];
  for await (const key of store.listDocumentKeys({ tenant, collection })) if (!seen.has(key.id)) gone.push(key.id);
  for (let i = 0; i < gone.length; i += 500) await store.deleteDocuments({ tenant, ids: gone.slice(i, i + 500) });
  return gone;
}
