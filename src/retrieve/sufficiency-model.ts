import type { SufficiencyFeatureName, SufficiencyFeatures, SufficiencyModel } from '../spec/retrieve.js';

/** Feature names in a fixed order. */
export const SUFFICIENCY_FEATURES: readonly SufficiencyFeatureName[] = ['rerankTop', 'bm25Norm', 'vectorTop', 'coverage', 'margin', 'hasHits'];

/**
 * The default model: a prior, not fitted to data. Means and spreads are typical values of each
 * feature; weights say "a confident reranker matters most, then lexical evidence and coverage".
 * Recalibrate on your own labelled queries with `calibrateSufficiency` and pass the result as
 * `retrieve({ sufficiency })`.
 */
export const DEFAULT_SUFFICIENCY_MODEL: SufficiencyModel = {
  bias: 0,
  weights: { rerankTop: 2, bm25Norm: 1, vectorTop: 1, coverage: 1, margin: 0.5, hasHits: 1 },
  means: { rerankTop: 0.5, bm25Norm: 0.35, vectorTop: 0.6, coverage: 0.6, margin: 0.3, hasHits: 0.95 },
  stds: { rerankTop: 0.35, bm25Norm: 0.2, vectorTop: 0.15, coverage: 0.3, margin: 0.25, hasHits: 0.2 },
  source: 'prior (uncalibrated)',
};

/** Standardises features with the model's means and spreads; a null feature becomes 0 (its mean). */
export function _standardize(features: SufficiencyFeatures, model: Pick<SufficiencyModel, 'means' | 'stds'>): number[] {
  return SUFFICIENCY_FEATURES.map((name) => {
    const x = features[name];
    return x === null ? 0 : (x - model.means[name]) / (model.stds[name] || 1);
  });
}

/** σ(bias + w·z). */
export function _predict(z: readonly number[], bias: number, weights: readonly number[]): number {
  let t = bias;
  for (let i = 0; i < z.length; i++) t += weights[i]! * z[i]!;
  return 1 / (1 + Math.exp(-t));
}
