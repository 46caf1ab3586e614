import type { EmbeddingAdapter } from '../../spec/embedding-adapter.js';
import { FathomError } from '../../util/errors.js';
import { _project } from './_infonce.js';

/** Maps a query vector through the adapter (`W·q + b`) and returns it at unit length. */
export function applyAdapter(adapter: EmbeddingAdapter, vector: Float32Array): Float32Array {
  if (vector.length !== adapter.dims) {
    throw new FathomError({
      code: 'EMBEDDING_MISMATCH',
      message: `The embedding adapter expects ${adapter.dims}-dimensional vectors but got ${vector.length}; retrain it for this embedding model.`,
      details: { expected: adapter.dims, actual: vector.length },
    });
  }
  const out = new Float32Array(adapter.dims);
  _project(adapter.weights, adapter.bias, vector, out);
  let n = 0;
  for (let i = 0; i < out.length; i++) n += out[i]! * out[i]!;
  const s = n > 0 ? 1 / Math.sqrt(n) : 0;
  for (let i = 0; i < out.length; i++) out[i] = out[i]! * s;
  return out;
}
