/**
 * Relevance judgments and runs, in the shapes trec_eval reads.
 */

/** queryId → (docId → relevance grade). Grades ≤ 0 mean judged not relevant. */
export type Qrels = Map<string, Map<string, number>>;

/** One retrieved document of a run. */
export interface RunEntry {
  docId: string;
  score: number;
}

/** queryId → retrieved documents (any order; metrics rank them by score desc, then docId desc, as trec_eval). */
export type Run = Map<string, RunEntry[]>;
