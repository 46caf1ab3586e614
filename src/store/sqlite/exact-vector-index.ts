/**
 * Exact cosine search over a tenant's current leaf vectors, held in memory as one contiguous, row-normalised
 * Float32Array in chunk-rowid order. Built from the `vectors` table; this process's own writes are applied in
 * place (rows appended, removed rows flagged dead and skipped), writes by other processes rebuild it.
 * Unfiltered queries over more than a few thousand rows run on usearch's SIMD exact search (3–4× the
 * JavaScript loop, see bench/results/vector.json); filtered ones use the JavaScript loop with the predicate.
 */
import { MetricKind, exactSearch, type Matches } from './_usearch.js';
import { dotAt, normalizeInto, topK, type Scored } from '../../util/math/vector-math.js';
import type { IndexDelta, VectorRow } from './index-delta.js';

/** A tenant's exact vector matrix. */
export interface ExactVectorIndex {
  kind: 'exact';
  generation: number;
  dims: number;
  /** Rows in use, dead ones included. */
  size: number;
  /** Live rows. */
  count: number;
  matrix: Float32Array;
  chunkRowids: Float64Array;
  documentRowids: Float64Array;
  dead: Uint8Array;
  deadCount: number;
  rowOf: Map<number, number>;
}

/** Build an exact index from stored rows (in chunk-rowid order). */
export function buildExactIndex(generation: number, dims: number, rows: VectorRow[]): ExactVectorIndex {
  const c = Math.max(16, rows.length);
  const index: ExactVectorIndex = {
    kind: 'exact', generation, dims, size: 0, count: 0, matrix: new Float32Array(c * dims), chunkRowids: new Float64Array(c),
    documentRowids: new Float64Array(c), dead: new Uint8Array(c), deadCount: 0, rowOf: new Map(),
  };
  for (const r of rows) _append(index, r);
  return index;
}

/** Apply a committed delta in place. Returns false when a rebuild is cheaper than carrying the dead rows. */
export function applyExactDelta(index: ExactVectorIndex, delta: IndexDelta): boolean {
  for (const r of delta.addedVectors) {
    if (index.dims === 0) {
      index.dims = r.vector.length;
      index.matrix = new Float32Array(index.chunkRowids.length * index.dims);
    }
    _append(index, r);
  }
  for (const chunkRowid of delta.removedVectors) {
    const row = index.rowOf.get(chunkRowid);
    if (row === undefined) continue;
    index.rowOf.delete(chunkRowid);
    index.dead[row] = 1;
    index.deadCount++;
    index.count--;
  }
  index.generation = delta.from + 1;
  return index.deadCount <= Math.max(1_000, index.count / 4);
}

/** The `k` live rows most similar to the normalised query `q` among the allowed ones, best first. */
export function searchExactIndex(index: ExactVectorIndex, q: Float32Array, k: number, allowed?: (row: number) => boolean): Scored[] {
  const { matrix, dims, dead, size } = index;
  if (index.count === 0) return [];
  if (!allowed && size >= 2_048) {
    const want = Math.min(size, k + index.deadCount);
    // A prefix view (byteOffset 0): usearch's exactSearch ignores byteOffset, so never pass an offset view.
    const found = exactSearch(matrix.subarray(0, size * dims), q, dims, want, MetricKind.IP, 1) as Matches;
    const out: Scored[] = [];
    for (let i = 0; i < found.keys.length && out.length < k; i++) {
      const row = Number(found.keys[i]);
      if (row < size && !dead[row]) out.push({ index: row, score: 1 - found.distances[i]! });
    }
    return out;
  }
  const skipDead = index.deadCount > 0;
  return topK(size, k, (i) => ((skipDead && dead[i]) || (allowed && !allowed(i)) ? undefined : dotAt(q, matrix, i * dims, dims)));
}

function _append(index: ExactVectorIndex, r: VectorRow): void {
  if (r.vector.length !== index.dims) return;
  if (index.size === index.chunkRowids.length) _grow(index);
  const row = index.size++;
  normalizeInto(r.vector, index.matrix, row * index.dims);
  index.chunkRowids[row] = r.chunkRowid;
  index.documentRowids[row] = r.documentRowid;
  index.rowOf.set(r.chunkRowid, row);
  index.count++;
}

function _grow(index: ExactVectorIndex): void {
  const c = index.chunkRowids.length * 2;
  const matrix = new Float32Array(c * index.dims);
  matrix.set(index.matrix);
  index.matrix = matrix;
  for (const key of ['chunkRowids', 'documentRowids'] as const) {
    const a = new Float64Array(c);
    a.set(index[key]);
    index[key] = a;
  }
  const dead = new Uint8Array(c);
  dead.set(index.dead);
  index.dead = dead;
}
