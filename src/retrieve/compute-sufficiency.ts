import type { SufficiencyFeatures, SufficiencyModel } from '../spec/retrieve.js';
import { sufficiencyFeatures, type SufficiencyFeaturesOptions } from './sufficiency-features.js';
import { predictLogistic } from '../util/math/logistic.js';
import { DEFAULT_SUFFICIENCY_MODEL, SUFFICIENCY_FEATURES, _standardize } from './sufficiency-model.js';

/**
 * The sufficiency score: the estimated probability, in [0, 1], that the retrieved passages say what the
 * question asks. It is the one number `answer()` abstains on (below `minSufficiency`) and `search --explain`
 * shows. A logistic model over standardised features of the question and the ranked passages (see
 * `SufficiencyFeatures`): IDF-weighted coverage of the question's salient terms by the best passage and the
 * best sentence, the weight of terms found in no passage, the expected answer type present in the best
 * sentence, negation and number mismatches, the top BM25, cosine and rerank scores; missing features are
 * imputed with their mean. Fit the weights and the threshold on your own labelled questions with
 * `calibrateSufficiency` and `chooseSufficiencyThreshold` (CLI: `fathom calibrate`).
 */
export function computeSufficiency({ model = DEFAULT_SUFFICIENCY_MODEL, features, ...options }: SufficiencyFeaturesOptions & { model?: SufficiencyModel; features?: SufficiencyFeatures }): number {
  const f = features ?? sufficiencyFeatures(options);
  if (f.hasHits === 0) return 0;
  return predictLogistic(_standardize(f, model), model.bias, SUFFICIENCY_FEATURES.map((n) => model.weights[n] ?? 0));
}
