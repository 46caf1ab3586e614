import type { EmbeddingAdapter, EmbeddingAdapterMetrics } from '../../spec/embedding-adapter.js';
import { FathomError } from '../../util/errors.js';
import { dotAt, normalize, normalizeInto, topK } from '../../util/math/vector-math.js';
import { applyAdapter } from './apply-adapter.js';

/** An embedded item with an id. */
export interface EmbeddedItem {
  id: string;
  vector: Float32Array;
}

/** Options of {@link measureAdapterGain}. */
export interface MeasureAdapterGainOptions {
  adapter: EmbeddingAdapter;
  /** Held-out query embeddings (never used in training). */
  queries: EmbeddedItem[];
  corpus: EmbeddedItem[];
  /** Relevant corpus ids per query id. */
  qrels: Record<string, string[]>;
  /** @default 10 */
  k?: number;
}

/** Mean recall@k by exact cosine search over `corpus`, without and with the adapter; queries without qrels are skipped. */
export function measureAdapterGain({ adapter, queries, corpus, qrels, k = 10 }: MeasureAdapterGainOptions): EmbeddingAdapterMetrics & { gain: number } {
  const d = adapter.dims;
  const matrix = new Float32Array(corpus.length * d);
  corpus.forEach((item, i) => {
    if (item.vector.length !== d) throw new FathomError({ code: 'EMBEDDING_MISMATCH', message: `Corpus item '${item.id}' has ${item.vector.length} dimensions; the adapter has ${d}.`, details: { id: item.id } });
    normalizeInto(item.vector, matrix, i * d);
  });
  const recall = (q: Float32Array, relevant: Set<string>): number => {
    const hits = topK(corpus.length, k, (i) => dotAt(q, matrix, i * d, d)).filter((h) => relevant.has(corpus[h.index]!.id)).length;
    return hits / relevant.size;
  };
  let before = 0, after = 0, counted = 0;
  for (const query of queries) {
    const relevant = new Set(qrels[query.id] ?? []);
    if (relevant.size === 0) continue;
    counted++;
    before += recall(normalize(query.vector), relevant);
    after += recall(applyAdapter(adapter, query.vector), relevant);
  }
  if (counted === 0) throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'None of the queries has relevant ids in qrels; pass qrels keyed by query id.' });
  const recallBefore = before / counted, recallAfter = after / counted;
  return { k, queries: counted, recallBefore, recallAfter, gain: recallAfter - recallBefore };
}
