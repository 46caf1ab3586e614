import type { SufficiencyFeatureName, SufficiencyFeatures, SufficiencyModel } from '../spec/retrieve.js';
import { FathomError } from '../util/errors.js';
import { SUFFICIENCY_FEATURES, _predict, _standardize } from './sufficiency-model.js';

/** Options of {@link calibrateSufficiency}. */
export interface CalibrateSufficiencyOptions {
  /** Labelled queries: the features of their ranked list and whether the query is answerable from it. */
  samples: ReadonlyArray<{ features: SufficiencyFeatures; answerable: boolean }>;
  /** Full-batch gradient-descent steps. @default 2000 */
  epochs?: number;
  /** @default 0.5 */
  learningRate?: number;
  /** L2 penalty on the weights (not the bias). @default 0.001 */
  l2?: number;
  /** Recorded in the model's `source`. */
  source?: string;
}

/**
 * Fits the sufficiency model: each feature is standardised with its mean and population stddev over
 * the samples where it is present (absent → mean, i.e. 0 after standardising), then logistic
 * regression minimises the mean log loss + l2·|w|² by full-batch gradient descent from zero weights.
 * Deterministic. Needs both answerable and unanswerable samples.
 */
export function calibrateSufficiency({ samples, epochs = 2000, learningRate = 0.5, l2 = 0.001, source }: CalibrateSufficiencyOptions): SufficiencyModel {
  const positives = samples.filter((s) => s.answerable).length;
  if (positives === 0 || positives === samples.length) {
    throw new FathomError({
      code: 'INVALID_DATASET',
      message: `Sufficiency calibration needs answerable and unanswerable samples; got ${positives} answerable of ${samples.length}. Add unanswerable questions (e.g. SQuAD 2.0 style) to the labels.`,
      details: { samples: samples.length, answerable: positives },
    });
  }
  const means = {} as Record<SufficiencyFeatureName, number>;
  const stds = {} as Record<SufficiencyFeatureName, number>;
  for (const name of SUFFICIENCY_FEATURES) {
    const xs = samples.map((s) => s.features[name]).filter((x): x is number => x !== null);
    const mean = xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
    const std = xs.length === 0 ? 1 : Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
    means[name] = mean;
    stds[name] = std > 1e-12 ? std : 1;
  }
  const z = samples.map((s) => _standardize(s.features, { means, stds }));
  const y = samples.map((s) => (s.answerable ? 1 : 0));
  const w = new Array<number>(SUFFICIENCY_FEATURES.length).fill(0);
  let bias = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array<number>(w.length).fill(0);
    let gradBias = 0;
    for (let i = 0; i < z.length; i++) {
      const err = _predict(z[i]!, bias, w) - y[i]!;
      gradBias += err;
      for (let j = 0; j < w.length; j++) grad[j]! += err * z[i]![j]!;
    }
    bias -= (learningRate * gradBias) / z.length;
    for (let j = 0; j < w.length; j++) w[j]! -= learningRate * (grad[j]! / z.length + 2 * l2 * w[j]!);
  }
  const weights = Object.fromEntries(SUFFICIENCY_FEATURES.map((n, j) => [n, w[j]!])) as Record<SufficiencyFeatureName, number>;
  return { bias, weights, means, stds, source: source ?? `calibrated on ${samples.length} samples (${positives} answerable)` };
}
