import { FathomError } from '../util/errors.js';
import { fitStandardizedLogistic } from '../util/logistic.js';
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
  const model = fitStandardizedLogistic({ names: CONFIDENCE_FEATURES, samples, epochs, learningRate, l2 });
  return { ...model, source: source ?? `fitted on ${samples.length} questions (${positives} answerable)` };
}
