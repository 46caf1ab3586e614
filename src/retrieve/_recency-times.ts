import type { Hit } from '../spec/hit.js';
import type { Store } from '../spec/store.js';
import { _toTime } from './apply-recency.js';

const DOCUMENT_FIELDS = new Set(['updatedAt', 'modifiedAt', 'createdAt']);

/**
 * The time of each hit for recency: a document field (`updatedAt`, `modifiedAt`, `createdAt`) read with
 * `store.getDocument`, or a metadata key looked up on the chunk, then on its document.
 */
export async function _recencyTimes({ hits, store, tenant, field = 'updatedAt' }: { hits: readonly Hit[]; store: Store; tenant: string; field?: string }): Promise<Array<number | undefined>> {
  const onChunk = hits.map((h) => (DOCUMENT_FIELDS.has(field) ? undefined : _toTime(h.chunk.metadata[field])));
  const needDocs = [...new Set(hits.filter((_, i) => onChunk[i] === undefined).map((h) => h.document.id))];
  const docs = new Map(await Promise.all(needDocs.map(async (id) => [id, await store.getDocument({ tenant, id })] as const)));
  return hits.map((h, i) => {
    if (onChunk[i] !== undefined) return onChunk[i];
    const doc = docs.get(h.document.id);
    if (!doc) return undefined;
    return DOCUMENT_FIELDS.has(field) ? _toTime((doc as unknown as Record<string, unknown>)[field]) : _toTime(doc.metadata[field]);
  });
}
