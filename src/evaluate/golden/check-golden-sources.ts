import type { GoldenItem } from '../../spec/evaluation.js';
import type { Store } from '../../spec/store.js';
import { FathomError } from '../../util/errors.js';

/** Options of {@link checkGoldenSources}. */
export interface CheckGoldenSourcesOptions {
  items: readonly GoldenItem[];
  store: Store;
  tenant: string;
  /** Line of each item in its file, by id (named in the error). */
  lines?: Readonly<Record<string, number>>;
  /** The golden set's path (named in the error). */
  source?: string;
}

/**
 * Checks that every expected source of every item resolves in the store (document ids among the tenant's
 * documents, chunk ids among its chunks). An unresolvable source would make the oracle fail and retrieval
 * metrics read 0 without saying why, so all of them are reported at once, with their lines, before a run:
 * INVALID_DATASET with `details.errors: [{ line, itemId, message }]`.
 */
export async function checkGoldenSources({ items, store, tenant, lines = {}, source = 'golden set' }: CheckGoldenSourcesOptions): Promise<void> {
  const docIds = [...new Set(items.flatMap((i) => i.sources.flatMap((s) => ('documentId' in s ? [s.documentId] : []))))];
  const chunkIds = [...new Set(items.flatMap((i) => i.sources.flatMap((s) => ('chunkId' in s ? [s.chunkId] : []))))];
  const docs = new Set<string>();
  for (const id of docIds) if (await store.getDocument({ tenant, id })) docs.add(id);
  const chunks = new Set(chunkIds.length ? (await store.getChunks({ tenant, ids: chunkIds })).map((c) => c.id) : []);
  const errors: Array<{ line?: number; itemId: string; message: string }> = [];
  for (const item of items) {
    for (const s of item.sources) {
      const missing = 'chunkId' in s ? (chunks.has(s.chunkId) ? undefined : `chunk '${s.chunkId}'`) : docs.has(s.documentId) ? undefined : `document '${s.documentId}'`;
      if (missing) errors.push({ line: lines[item.id], itemId: item.id, message: `item '${item.id}' expects ${missing}, which is not in the store (tenant '${tenant}')` });
    }
  }
  if (errors.length === 0) return;
  const shown = errors.slice(0, 20).map((e) => `  ${e.line !== undefined ? `line ${e.line}: ` : ''}${e.message}`).join('\n');
  const more = errors.length > 20 ? `\n  … and ${errors.length - 20} more` : '';
  throw new FathomError({
    code: 'INVALID_DATASET',
    message: `${source} names ${errors.length} source${errors.length === 1 ? '' : 's'} that cannot be resolved:\n${shown}${more}\nIngest the documents, fix the ids (\`fathom docs list\`), or check --tenant.`,
    details: { path: source, errors },
  });
}
