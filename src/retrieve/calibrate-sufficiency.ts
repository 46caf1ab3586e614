import type { SufficiencyFeatures, SufficiencyModel } from '../spec/retrieve.js';
import { FathomError } from '../util/errors.js';
import { fitStandardizedLogistic } from '../util/math/logistic.js';
import { SUFFICIENCY_FEATURES } from './sufficiency-model.js';

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
  const model = fitStandardizedLogistic({ names: SUFFICIENCY_FEATURES, samples, epochs, learningRate, l2 });
  return { ...model, source: source ?? `calibrated on ${samples.length} samples (${positives} answerable)` };
}
