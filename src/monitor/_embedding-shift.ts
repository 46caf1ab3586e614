/** The embedding-centroid shift signal: a seeded sample of each window's queries, embedded, and a permutation test. */
import { embedMany } from '../core/embed-many.js';
import type { EmbeddingModel } from '../spec/embedding-model.js';
import type { DriftSignal } from '../spec/monitor.js';
import { mulberry32 } from '../util/math/random.js';
import { _centroidShift } from './_divergence.js';
import type { DriftThresholds } from './drift-thresholds.js';
import { _offer, type _Sample } from './_window-stats.js';
import { _divergenceSignal } from './_signals.js';

/** A uniform sample of at most `cap` of the texts added (reservoir sampling, seeded). */
export function _reservoir(cap: number, seed: number): { add: (text: string) => void; items: string[] } {
  const sample: _Sample<string> = { items: [], seen: 0 };
  const random = mulberry32(seed);
  return { items: sample.items, add: (text) => _offer(sample, text, cap, random) };
}

export async function _embeddingShift(o: { model: EmbeddingModel; current: string[]; baseline: string[]; t: DriftThresholds; signal?: AbortSignal }): Promise<DriftSignal> {
  const { model, current, baseline, t } = o;
  const { embeddings } = current.length && baseline.length
    ? await embedMany({ model, values: [...current, ...baseline], kind: 'query', abortSignal: o.signal })
    : { embeddings: [] };
  const d = _centroidShift(embeddings.slice(0, current.length), embeddings.slice(current.length), { threshold: t.embeddingShift ** 2, seed: 0x5eed });
  // Shown as distances: the observed centroid distance, the one expected without a shift, and the shift net of it.
  const shown = { ...d, statistic: Math.sqrt(d.statistic), expected: Math.sqrt(d.expected), effect: Math.sqrt(Math.max(0, d.statistic - d.expected)) };
  const what = `centroid distance of unit query embeddings (${model.provider}:${model.modelId}), net of its no-shift expectation: √(d² − E₀[d²]) ≥ ${t.embeddingShift} with permutation p < ${t.alpha}`;
  return _divergenceSignal('embedding-shift', shown, what, t.embeddingShift, t);
}
