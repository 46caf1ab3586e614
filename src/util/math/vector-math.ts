/**
 * Small, fast vector helpers for exact search: dot products over contiguous Float32Array matrices,
 * normalisation and top-k selection.
 */

/** Dot product of `a` and `b` (first `a.length` values), 4-way unrolled. */
export function dot(a: Float32Array, b: Float32Array): number {
  return dotAt(a, b, 0, a.length);
}

/** Dot product of `query` with the row of `matrix` starting at `offset`, `dims` long. */
export function dotAt(query: Float32Array, matrix: Float32Array, offset: number, dims: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  const end4 = dims - (dims % 4);
  for (; i < end4; i += 4) {
    s0 += query[i]! * matrix[offset + i]!;
    s1 += query[i + 1]! * matrix[offset + i + 1]!;
    s2 += query[i + 2]! * matrix[offset + i + 2]!;
    s3 += query[i + 3]! * matrix[offset + i + 3]!;
  }
  for (; i < dims; i++) s0 += query[i]! * matrix[offset + i]!;
  return s0 + s1 + s2 + s3;
}

/** Euclidean norm. */
export function norm(v: Float32Array): number {
  return Math.sqrt(dot(v, v));
}

/** A unit-length copy of `v` (a zero vector stays zero). */
export function normalize(v: Float32Array): Float32Array {
  const out = new Float32Array(v.length);
  normalizeInto(v, out, 0);
  return out;
}

/** Write `v` scaled to unit length into `target` at `offset`. */
export function normalizeInto(v: Float32Array, target: Float32Array, offset: number): void {
  const n = norm(v);
  const scale = n > 0 ? 1 / n : 0;
  for (let i = 0; i < v.length; i++) target[offset + i] = v[i]! * scale;
}

/** Cosine similarity (0 when either vector is zero). */
export function cosine(a: Float32Array, b: Float32Array): number {
  const d = norm(a) * norm(b);
  return d > 0 ? dot(a, b) / d : 0;
}

/** One entry of {@link topK}: the index of a candidate and its score. */
export interface Scored {
  index: number;
  score: number;
}

/**
 * The `k` highest-scoring entries, best first (ties: lower index first), using a bounded min-heap.
 * `scoreOf(i)` returning `undefined` skips candidate `i`.
 */
export function topK(count: number, k: number, scoreOf: (i: number) => number | undefined): Scored[] {
  if (k <= 0) return [];
  const heap: Scored[] = [];
  const worse = (a: Scored, b: Scored) => a.score < b.score || (a.score === b.score && a.index > b.index);
  for (let i = 0; i < count; i++) {
    const score = scoreOf(i);
    if (score === undefined) continue;
    if (heap.length < k) {
      heap.push({ index: i, score });
      _siftUp(heap, heap.length - 1, worse);
    } else if (worse(heap[0]!, { index: i, score })) {
      heap[0] = { index: i, score };
      _siftDown(heap, worse);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

function _siftUp(heap: Scored[], i: number, worse: (a: Scored, b: Scored) => boolean): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function _siftDown(heap: Scored[], worse: (a: Scored, b: Scored) => boolean): void {
  let i = 0;
  for (;;) {
    const l = 2 * i + 1, r = l + 1;
    let m = i;
    if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
    if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
    if (m === i) return;
    [heap[i], heap[m]] = [heap[m]!, heap[i]!];
    i = m;
  }
}
