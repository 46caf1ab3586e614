import type { GoldenItem } from '../../spec/evaluation.js';
import { beirPaths, readBeirQrels, readBeirQueries } from '../beir/read-beir.js';

/** Options of {@link importBeir}. */
export interface ImportBeirOptions {
  /** BEIR directory: corpus.jsonl, queries.jsonl, qrels/<split>.tsv. */
  dir: string;
  /** @default 'test' */
  split?: string;
}

/**
 * BEIR queries with judgments → retrieval-only golden items: the query as the question, documents with grade
 * > 0 as expected document sources, no reference answers (`answerable: true`), tags `['beir', split]`, the
 * grades in `metadata.qrels`. Queries whose judgments are all ≤ 0 are left out.
 */
export async function importBeir({ dir, split = 'test' }: ImportBeirOptions): Promise<GoldenItem[]> {
  const paths = beirPaths({ dir, split });
  const qrels = await readBeirQrels(paths.qrels);
  const queries = await readBeirQueries({ path: paths.queries, wanted: new Set(qrels.keys()) });
  const items: GoldenItem[] = [];
  for (const [qid, judged] of qrels) {
    const relevant = [...judged].filter(([, g]) => g > 0);
    const question = queries.get(qid);
    if (relevant.length === 0 || !question) continue;
    items.push({
      id: qid, question, answers: [], sources: relevant.map(([documentId]) => ({ documentId })), answerable: true,
      tags: ['beir', split], metadata: { qrels: Object.fromEntries(judged) },
    });
  }
  return items;
}
