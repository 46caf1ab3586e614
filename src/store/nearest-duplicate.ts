import type { DocumentWrite } from '../spec/store.js';
import { estimateJaccard } from '../util/text/minhash.js';

/**
 * The near-duplicate rule of `skipIfDuplicate` with a `nearDuplicateThreshold`: among `candidates` (other documents
 * of the tenant sharing an LSH band with the write), the one with the highest estimated Jaccard at or over the
 * threshold; the first of equals wins. Undefined without a threshold or signature.
 */
export function nearestDuplicate(write: DocumentWrite, candidates: Iterable<{ id: string; signature: Uint32Array }>): { id: string; similarity: number } | undefined {
  const threshold = write.nearDuplicateThreshold;
  if (threshold === undefined || !write.signature) return undefined;
  let best: { id: string; similarity: number } | undefined;
  for (const c of candidates) {
    if (c.id === write.document.id) continue;
    const similarity = estimateJaccard(write.signature.values, c.signature);
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { id: c.id, similarity };
  }
  return best;
}
