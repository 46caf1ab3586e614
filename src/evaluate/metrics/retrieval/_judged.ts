/** Inputs every retrieval metric takes: one query's ranking and its judgments. */
export interface RankedJudgments {
  /** Document ids in rank order (see `rankRun`). */
  ranked: readonly string[];
  /** The query's judgments: docId → grade. Unjudged documents count as not relevant. */
  judgments: ReadonlyMap<string, number>;
  /** Cutoff: only the first k ranks count. */
  k: number;
  /** Smallest grade that counts as relevant (trec_eval `-l`). @default 1 */
  relevanceLevel?: number;
}

export function _isRelevant(judgments: ReadonlyMap<string, number>, docId: string, level: number): boolean {
  const rel = judgments.get(docId);
  return rel !== undefined && rel >= level;
}

/** Number of judged documents with grade ≥ level (trec_eval `num_rel`). */
export function _numRelevant(judgments: ReadonlyMap<string, number>, level: number): number {
  let n = 0;
  for (const rel of judgments.values()) if (rel >= level) n++;
  return n;
}
