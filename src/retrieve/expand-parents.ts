import type { Principal } from '../spec/access.js';
import type { Hit } from '../spec/hit.js';
import type { Store } from '../spec/store.js';

/**
 * Parent expansion: a hit on a child chunk becomes a hit on its parent chunk (fetched with
 * `store.getChunks`). Siblings merge into one hit at the position of the best child, keeping that
 * child's score and stages; every matched child is listed in `hit.matchedChildren`, best first.
 * Hits without a parent, or whose parent is missing or not readable by `principal`, pass through unchanged.
 */
export async function expandParents({ hits, store, tenant, principal }: { hits: readonly Hit[]; store: Store; tenant: string; principal?: Principal }): Promise<Hit[]> {
  const parentIds = [...new Set(hits.map((h) => h.chunk.parentId).filter((id): id is string => id !== undefined))];
  if (parentIds.length === 0) return [...hits];
  const parents = new Map((await store.getChunks({ tenant, ids: parentIds, ...(principal ? { principal } : {}) })).map((c) => [c.id, c]));
  const out: Hit[] = [];
  const byParent = new Map<string, Hit>();
  for (const hit of hits) {
    const parent = hit.chunk.parentId === undefined ? undefined : parents.get(hit.chunk.parentId);
    if (!parent) {
      out.push(hit);
      continue;
    }
    const child = { chunkId: hit.chunk.id, score: hit.score, stages: hit.stages };
    const merged = byParent.get(parent.id);
    if (merged) {
      merged.matchedChildren!.push(child);
      continue;
    }
    const parentHit: Hit = { ...hit, chunk: parent, matchedChildren: [child] };
    byParent.set(parent.id, parentHit);
    out.push(parentHit);
  }
  return out;
}
