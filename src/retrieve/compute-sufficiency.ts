import type { SufficiencyModel } from '../spec/retrieve.js';
import { sufficiencyFeatures, type SufficiencyFeaturesOptions } from './sufficiency-features.js';
import { DEFAULT_SUFFICIENCY_MODEL, SUFFICIENCY_FEATURES, _predict, _standardize } from './sufficiency-model.js';

/**
 * The sufficiency signal: the estimated probability, in [0, 1], that the hits contain what the query
 * asks for, for the answer step to abstain on. It is a logistic model over standardised features of the
 * ranked list (top rerank probability, top BM25 score over the query's maximum, top cosine, query-term
 * coverage of the top hit, the margin between the first and k-th score, whether anything was found);
 * missing features are imputed with their mean. Calibration: fit the model's weights on labelled
 * queries (`{ features, answerable }`) by logistic regression with `calibrateSufficiency`; the default
 * model is an uncalibrated prior.
 */
export function computeSufficiency({ model = DEFAULT_SUFFICIENCY_MODEL, ...options }: SufficiencyFeaturesOptions & { model?: SufficiencyModel }): number {
  const features = sufficiencyFeatures(options);
  if (features.hasHits === 0) return 0;
  return _predict(_standardize(features, model), model.bias, SUFFICIENCY_FEATURES.map((n) => model.weights[n]));
}
