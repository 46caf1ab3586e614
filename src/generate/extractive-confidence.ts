import { FathomError } from '../util/errors.js';
import type { ExtractiveFeatures } from './extractive-answer.js';

/** Inputs of the extractive confidence model: answer-level features plus the retrieval's own signals. */
export interface ConfidenceFeatures extends ExtractiveFeatures {
  /** Top BM25 score / the query's maximum (retrieval trace); null when unknown (given passages, no stats). */
  bm25Norm: number | null;
  /** Share of query terms in the top hit (retrieval trace); null when unknown. */
  hitCoverage: number | null;
}

export type ConfidenceFeatureName = keyof ConfidenceFeatures;

/** A logistic model over standardised features: p = σ(bias + Σ wᵢ·(xᵢ − meanᵢ)/stdᵢ), null → mean. */
export interface ConfidenceModel {
  bias: number;
  weights: Record<ConfidenceFeatureName, number>;
  means: Record<ConfidenceFeatureName, number>;
  stds: Record<ConfidenceFeatureName, number>;
  /** Provenance (data set, split, date). */
  source?: string;
}

/** Feature names in a fixed order. */
export const CONFIDENCE_FEATURES: readonly ConfidenceFeatureName[] = ['bestCoverage', 'termCoverage', 'contextCoverage', 'typed', 'typeMatch', 'sentenceMargin', 'questionTerms', 'bigramCoverage', 'missingIdf', 'negated', 'numberMissing', 'bm25Norm', 'hitCoverage'];

/** Probability, in [0, 1], that the extractive answer's best sentence answers the question. */
export function extractiveConfidence({ features, model }: { features: ConfidenceFeatures; model: ConfidenceModel }): number {
  let t = model.bias;
  for (const name of CONFIDENCE_FEATURES) {
    const x = features[name];
    if (x !== null) t += (model.weights[name] ?? 0) * ((x - model.means[name]) / (model.stds[name] || 1));
  }
  return 1 / (1 + Math.exp(-t));
}

/**
 * Fits the confidence model by L2-regularised logistic regression (full-batch gradient descent from zero,
 * deterministic) on labelled questions: `answerable` is whether the sources really hold the answer.
 */
export function fitExtractiveConfidence({ samples, epochs = 1500, learningRate = 0.5, l2 = 0.001, source }: { samples: ReadonlyArray<{ features: ConfidenceFeatures; answerable: boolean }>; epochs?: number; learningRate?: number; l2?: number; source?: string }): ConfidenceModel {
  const positives = samples.filter((s) => s.answerable).length;
  if (positives === 0 || positives === samples.length) {
    throw new FathomError({ code: 'INVALID_DATASET', message: `Confidence calibration needs answerable and unanswerable questions; got ${positives} answerable of ${samples.length}.` });
  }
  const means = {} as Record<ConfidenceFeatureName, number>;
  const stds = {} as Record<ConfidenceFeatureName, number>;
  for (const name of CONFIDENCE_FEATURES) {
    const xs = samples.map((s) => s.features[name]).filter((x): x is number => x !== null);
    const mean = xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
    const std = xs.length === 0 ? 1 : Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
    means[name] = mean;
    stds[name] = std > 1e-12 ? std : 1;
  }
  const z = samples.map((s) => CONFIDENCE_FEATURES.map((n) => (s.features[n] === null ? 0 : (s.features[n]! - means[n]) / stds[n])));
  const y = samples.map((s) => (s.answerable ? 1 : 0));
  const w = new Array<number>(CONFIDENCE_FEATURES.length).fill(0);
  let bias = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array<number>(w.length).fill(0);
    let gb = 0;
    for (let i = 0; i < z.length; i++) {
      let t = bias;
      for (let j = 0; j < w.length; j++) t += w[j]! * z[i]![j]!;
      const err = 1 / (1 + Math.exp(-t)) - y[i]!;
      gb += err;
      for (let j = 0; j < w.length; j++) grad[j]! += err * z[i]![j]!;
    }
    bias -= (learningRate * gb) / z.length;
    for (let j = 0; j < w.length; j++) w[j]! -= learningRate * (grad[j]! / z.length + 2 * l2 * w[j]!);
  }
  const weights = Object.fromEntries(CONFIDENCE_FEATURES.map((n, j) => [n, w[j]!])) as Record<ConfidenceFeatureName, number>;
  return { bias, weights, means, stds, source: source ?? `fitted on ${samples.length} questions (${positives} answerable)` };
}
