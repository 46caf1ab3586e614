/** A grading rubric: instructions and the labels a judge may return, each worth a score in [0, 1]. */
export interface Rubric {
  /** Stable id with a version, recorded in every verdict (`correctness@1`). */
  id: string;
  /** What the score measures. */
  criterion: string;
  /** What to judge and how; shown to the judging model as the system message. */
  instructions: string;
  /** Allowed labels and their scores. */
  labels: Record<string, number>;
}

/** Is the answer correct given the reference answers? */
export const correctnessRubric: Rubric = {
  id: 'correctness@1',
  criterion: 'correctness',
  instructions:
    'You grade answers to questions. Compare the ANSWER with the REFERENCE answers: it is "correct" when it states the same facts as a reference ' +
    '(wording may differ, extra correct detail is fine), "partially-correct" when it has part of the facts or is imprecise, and "incorrect" when it ' +
    'contradicts the references, misses the point, or declines to answer. Explain briefly, then give the label.',
  labels: { correct: 1, 'partially-correct': 0.5, incorrect: 0 },
};

/** Is every claim of the answer supported by the passages? */
export const faithfulnessRubric: Rubric = {
  id: 'faithfulness@1',
  criterion: 'faithfulness',
  instructions:
    'You check whether an ANSWER is grounded in the PASSAGES it was given. "supported" when every claim in the answer is stated in or follows ' +
    'from the passages; "partially-supported" when some claims are and some are not; "unsupported" when its main claims are not in the passages. ' +
    'Judge only support by the passages, not truth in the world. Explain briefly, then give the label.',
  labels: { supported: 1, 'partially-supported': 0.5, unsupported: 0 },
};

/** Does the answer address the question? */
export const relevanceRubric: Rubric = {
  id: 'relevance@1',
  criterion: 'relevance',
  instructions:
    'You check whether an ANSWER addresses the QUESTION that was asked (not whether it is true). "relevant" when it answers the question directly, ' +
    '"partially-relevant" when it drifts or answers only part, "irrelevant" when it answers something else. Explain briefly, then give the label.',
  labels: { relevant: 1, 'partially-relevant': 0.5, irrelevant: 0 },
};

/** The built-in rubrics by criterion. */
export const rubrics = { correctness: correctnessRubric, faithfulness: faithfulnessRubric, relevance: relevanceRubric } as const;
