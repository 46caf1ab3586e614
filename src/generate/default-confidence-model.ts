import type { ConfidenceModel } from './extractive-confidence.js';

/**
 * The extractive answerer's default confidence model: logistic regression over answer-level and retrieval
 * features, fitted on the questions of half A of the SQuAD 2.0 dev articles (bench/squad-extractive.ts,
 * `shippedModel`) and evaluated on half B. Refit on your own labelled questions with `fitExtractiveConfidence`.
 */
export const DEFAULT_CONFIDENCE_MODEL: ConfidenceModel = {
  bias: -0.158512,
  weights: {
    bestCoverage: -0.11915,
    termCoverage: 0.23437,
    contextCoverage: -0.019514,
    typed: -0.270547,
    typeMatch: 0.232437,
    sentenceMargin: -0.090426,
    questionTerms: 0.245358,
    bigramCoverage: -0.078269,
    missingIdf: -0.500518,
    negated: -0.790232,
    numberMissing: -0.366109,
    bm25Norm: 0.101347,
    hitCoverage: -0.085659
  },
  means: {
    bestCoverage: 0.594006,
    termCoverage: 0.644282,
    contextCoverage: 0.909349,
    typed: 0.474774,
    typeMatch: 0.402108,
    sentenceMargin: 0.332287,
    questionTerms: 1.807572,
    bigramCoverage: 0.203176,
    missingIdf: 0.799054,
    negated: 0.086973,
    numberMissing: 0.051958,
    bm25Norm: 0.418656,
    hitCoverage: 0.722034
  },
  stds: {
    bestCoverage: 0.234759,
    termCoverage: 0.216412,
    contextCoverage: 0.129872,
    typed: 0.499363,
    typeMatch: 0.490324,
    sentenceMargin: 0.217805,
    questionTerms: 0.29922,
    bigramCoverage: 0.203473,
    missingIdf: 0.348265,
    negated: 0.281795,
    numberMissing: 0.221942,
    bm25Norm: 0.104936,
    hitCoverage: 0.196586
  },
  source: 'SQuAD 2.0 dev (first half), articles of half A (2656 questions), bench/squad-extractive.ts'
};
