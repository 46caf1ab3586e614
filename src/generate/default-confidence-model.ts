import type { ConfidenceModel } from './extractive-confidence.js';

/**
 * The extractive answerer's default confidence model: logistic regression over answer-level and retrieval
 * features, fitted on the questions of half A of the SQuAD 2.0 dev articles (bench/squad-extractive.ts) and
 * evaluated on half B. Refit on your own labelled questions with `fitExtractiveConfidence`.
 */
export const DEFAULT_CONFIDENCE_MODEL: ConfidenceModel = {
  bias: -0.158865,
  weights: {
    bestCoverage: -0.092125,
    termCoverage: 0.23368,
    contextCoverage: -0.027061,
    typed: -0.258423,
    typeMatch: 0.218308,
    sentenceMargin: -0.112803,
    questionTerms: 0.253808,
    bigramCoverage: -0.07595,
    missingIdf: -0.492501,
    negated: -0.790014,
    numberMissing: -0.370723,
    bm25Norm: 0.099019,
    hitCoverage: -0.089303
  },
  means: {
    bestCoverage: 0.595207,
    termCoverage: 0.646673,
    contextCoverage: 0.909349,
    typed: 0.474774,
    typeMatch: 0.402861,
    sentenceMargin: 0.336718,
    questionTerms: 1.807572,
    bigramCoverage: 0.204697,
    missingIdf: 0.799093,
    negated: 0.086973,
    numberMissing: 0.052334,
    bm25Norm: 0.418656,
    hitCoverage: 0.722034
  },
  stds: {
    bestCoverage: 0.233815,
    termCoverage: 0.214433,
    contextCoverage: 0.129872,
    typed: 0.499363,
    typeMatch: 0.490473,
    sentenceMargin: 0.216863,
    questionTerms: 0.29922,
    bigramCoverage: 0.203286,
    missingIdf: 0.348566,
    negated: 0.281795,
    numberMissing: 0.2227,
    bm25Norm: 0.104936,
    hitCoverage: 0.196586
  },
  source: 'SQuAD 2.0 dev (first half), articles of half A (2656 questions), bench/squad-extractive.ts'
};
