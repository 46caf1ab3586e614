import type { DocumentWrite } from '../spec/store.js';
import { FathomError } from '../util/errors.js';

/**
 * The vector length a tenant stores after `write`: `dims` (the tenant's, or undefined before its first vector) or
 * the write's. Throws EMBEDDING_MISMATCH when the write's vectors disagree with it.
 */
export function checkVectorDims(tenant: string, write: DocumentWrite, dims: number | undefined): number | undefined {
  for (const v of write.vectors ?? []) {
    if (!v || v.length === 0) continue;
    if (dims !== undefined && v.length !== dims) {
      throw new FathomError({
        code: 'EMBEDDING_MISMATCH',
        message: `Vectors for document '${write.document.id}' have ${v.length} dimensions but tenant '${tenant}' stores ${dims}-dimensional vectors. Use the same embedding model for a tenant, or re-ingest into a new store or tenant.`,
        details: { tenant, documentId: write.document.id, expected: dims, actual: v.length },
      });
    }
    dims = v.length;
  }
  return dims;
}
