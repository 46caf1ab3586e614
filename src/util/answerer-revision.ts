/**
 * Revision of the code that produces and scores evaluation answers: the extractive answerer
 * (`generate/`), retrieval and the sufficiency score (`retrieve/`), and scoring (`evaluate/metrics`,
 * `evaluate/run/_score-item.ts`). It is part of the evaluation result cache's key (`.fathom/cache/eval`,
 * with the fathom version), so a cached answer is never reused by code that would answer or score it
 * differently.
 *
 * BUMP IT (any new string, e.g. the date) in the same change that alters what an answer or its score is
 * for the same inputs — answer choice, abstention, retrieval ranking, normalisation, a metric. Not for
 * refactors that keep every answer and score identical.
 */
export const ANSWERER_REVISION = '2026-12-05.trust2';
