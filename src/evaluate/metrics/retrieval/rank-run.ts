import type { RunEntry } from '../../../spec/qrels.js';
import { FathomError } from '../../../util/errors.js';

/**
 * Orders a query's run entries as trec_eval does (form_res_rels.c, `comp_sim_docno`): by score
 * descending, ties broken by docno descending in byte (strcmp) order. The run's own rank column is
 * ignored. A docId retrieved twice is an error, as in trec_eval.
 */
export function rankRun({ entries, queryId = '' }: { entries: readonly RunEntry[]; queryId?: string }): string[] {
  const sorted = [...entries].sort((a, b) => (a.score !== b.score ? b.score - a.score : _strcmp(b.docId, a.docId)));
  const ranked = sorted.map((entry) => entry.docId);
  const seen = new Set<string>();
  for (const id of ranked) {
    if (seen.has(id)) _duplicate(queryId, id);
    seen.add(id);
  }
  return ranked;
}

/** strcmp on UTF-8 bytes (differs from JS string order only for astral vs U+E000–U+FFFF characters). */
function _strcmp(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function _duplicate(queryId: string, docId: string): never {
  throw new FathomError({
    code: 'INVALID_ARGUMENT',
    message: `Run for query '${queryId}' lists document '${docId}' more than once (trec_eval rejects this): keep one entry per document, e.g. the best-scoring chunk of each document.`,
    details: { queryId, docId },
  });
}
