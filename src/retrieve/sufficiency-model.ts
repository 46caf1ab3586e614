import type { SufficiencyFeatureName, SufficiencyFeatures, SufficiencyModel } from '../spec/retrieve.js';

/** Feature names in a fixed order. */
export const SUFFICIENCY_FEATURES: readonly SufficiencyFeatureName[] = [
  'rerankTop', 'bm25Norm', 'vectorTop', 'coverage', 'margin', 'hasHits',
  'idfCoverage', 'sentenceCoverage', 'unseen', 'missingTop', 'unindexed', 'typed', 'typeMatch', 'negated', 'numberMissing',
  'bigramCoverage', 'sentenceMissing', 'questionTerms', 'sentenceMissingTop', 'oneMissing', 'nameMissing', 'antonym',
];

/**
 * The default model: a prior written for knowledge-base questions, not fitted to one data set. It reads the
 * features the way the evidence argues: the best passage and sentence holding the question's rare terms is the
 * main sign of an answer; rare terms found in no passage, or in no indexed chunk at all, are strong signs that
 * the documents do not say; a question that asks for a date, number, name or place without such a phrase in the
 * best sentence is weaker; a confident reranker is strong evidence when one ran. Measured on SQuAD 2.0 (where
 * unanswerable questions are written against the very paragraph retrieved) in bench/results/sufficiency-squad.json
 * next to models fitted there. Fit your own with `fathom calibrate` (or `calibrateSufficiency`) and pass it as
 * `retrieve({ sufficiency })` / config `answer.sufficiencyModel`.
 */
export const DEFAULT_SUFFICIENCY_MODEL: SufficiencyModel = {
  bias: 0,
  weights: {
    rerankTop: 1.5, bm25Norm: 0.3, vectorTop: 0.5, coverage: 0, margin: 0, hasHits: 0, idfCoverage: 1.5, sentenceCoverage: 1, unseen: -1, missingTop: -0.5,
    unindexed: -0.3, typed: -0.8, typeMatch: 1, negated: -0.5, numberMissing: -0.5, bigramCoverage: 0.2, sentenceMissing: 0, questionTerms: 0,
    sentenceMissingTop: 0, oneMissing: 0, nameMissing: 0, antonym: 0,
  },
  means: {
    rerankTop: 0.5, bm25Norm: 0.4, vectorTop: 0.6, coverage: 0.7, margin: 0.3, hasHits: 1, idfCoverage: 0.7, sentenceCoverage: 0.6, unseen: 0.1, missingTop: 0.5,
    unindexed: 0.1, typed: 0.5, typeMatch: 0.4, negated: 0.1, numberMissing: 0.05, bigramCoverage: 0.2, sentenceMissing: 1, questionTerms: 1.5,
    sentenceMissingTop: 0.5, oneMissing: 0.3, nameMissing: 0.2, antonym: 0.05,
  },
  stds: {
    rerankTop: 0.35, bm25Norm: 0.15, vectorTop: 0.15, coverage: 0.2, margin: 0.2, hasHits: 1, idfCoverage: 0.2, sentenceCoverage: 0.2, unseen: 0.2, missingTop: 0.4,
    unindexed: 0.3, typed: 0.5, typeMatch: 0.5, negated: 0.3, numberMissing: 0.2, bigramCoverage: 0.2, sentenceMissing: 0.5, questionTerms: 0.3,
    sentenceMissingTop: 0.4, oneMissing: 0.45, nameMissing: 0.4, antonym: 0.2,
  },
  source: 'prior for knowledge-base questions (see the doc comment); measured on SQuAD 2.0 in bench/results/sufficiency-squad.json',
};

/**
 * The default abstention threshold on the sufficiency score of the default model: the sample knowledge base's
 * golden set (examples/golden.jsonl) separates at 0.05–0.17 (every unanswerable item ≤ 0.05, every answerable one
 * ≥ 0.17), so 0.15 keeps answers unless the documents clearly do not hold the question's terms. It is not a
 * probability you can read off: fit the threshold to your own items with `fathom calibrate`, or set
 * `answer.minSufficiency` / `--min-sufficiency`.
 */
export const DEFAULT_MIN_SUFFICIENCY = 0.15;

/** Standardises features with the model's means and spreads; a null feature becomes 0 (its mean). */
export function _standardize(features: SufficiencyFeatures, model: Pick<SufficiencyModel, 'means' | 'stds'>): number[] {
  return SUFFICIENCY_FEATURES.map((name) => {
    const x = features[name];
    // A model written before a feature existed (a config's answer.sufficiencyModel) reads it at its mean.
    return x === null || x === undefined || model.means[name] === undefined ? 0 : (x - model.means[name]) / (model.stds[name] || 1);
  });
}
