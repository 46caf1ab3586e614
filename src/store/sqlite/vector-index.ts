/**
 * Exact cosine search over a tenant's current leaf vectors, held in memory as one contiguous, row-normalised
 * Float32Array. Rebuilt from the `vectors` table when the tenant's generation changes (any commit or delete).
 */
import { FathomError } from '../../util/errors.js';
import { dotAt, normalize, normalizeInto, topK, type Scored } from '../../util/vector-math.js';
import type { SqliteContext } from './context.js';

/** A tenant's vector matrix. */
export interface VectorIndex {
  generation: number;
  dims: number;
  count: number;
  matrix: Float32Array;
  chunkRowids: Float64Array;
  documentRowids: Float64Array;
}

/** Load (or reuse) the tenant's matrix. */
export function loadVectorIndex(ctx: SqliteContext, tenantId: number, cache: Map<number, VectorIndex>): VectorIndex {
  const generation = ctx.generation(tenantId);
  const cached = cache.get(tenantId);
  if (cached && cached.generation === generation) return cached;
  const rows = ctx
    .stmt('SELECT chunk_rowid, document_rowid, dims, vector FROM vectors WHERE tenant_id = ? ORDER BY chunk_rowid')
    .raw()
    .all(tenantId) as Array<[number, number, number, Buffer]>;
  const dims = rows[0]?.[2] ?? 0;
  const matrix = new Float32Array(rows.length * dims);
  const chunkRowids = new Float64Array(rows.length);
  const documentRowids = new Float64Array(rows.length);
  rows.forEach(([chunkRowid, documentRowid, rowDims, blob], i) => {
    if (rowDims !== dims) throw _mismatch(`stored vectors of tenant ${tenantId} mix ${dims} and ${rowDims} dimensions`, dims, rowDims);
    const copy = new Float32Array(dims);
    new Uint8Array(copy.buffer).set(blob);
    normalizeInto(copy, matrix, i * dims);
    chunkRowids[i] = chunkRowid;
    documentRowids[i] = documentRowid;
  });
  const index: VectorIndex = { generation, dims, count: rows.length, matrix, chunkRowids, documentRowids };
  cache.set(tenantId, index);
  return index;
}

/** The `k` rows most similar to `vector` among the allowed ones, best first. */
export function searchVectorIndex(index: VectorIndex, vector: Float32Array, k: number, allowed?: (row: number) => boolean): Scored[] {
  if (index.count === 0) return [];
  if (vector.length !== index.dims) {
    throw _mismatch(
      `The query vector has ${vector.length} dimensions but this tenant's vectors have ${index.dims}. Embed queries with the model the documents were embedded with.`,
      index.dims,
      vector.length,
    );
  }
  const q = normalize(vector);
  const { matrix, dims } = index;
  return topK(index.count, k, (i) => (allowed && !allowed(i) ? undefined : dotAt(q, matrix, i * dims, dims)));
}

function _mismatch(message: string, expected: number, actual: number): FathomError {
  return new FathomError({ code: 'EMBEDDING_MISMATCH', message, details: { expected, actual } });
}
