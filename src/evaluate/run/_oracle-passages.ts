import type { GivenPassage } from '../../spec/answer.js';
import type { GoldenItem } from '../../spec/evaluation.js';
import type { Store } from '../../spec/store.js';
import { FathomError } from '../../util/errors.js';

/**
 * The oracle ("perfect prompt") passages of an item: its `context` when given (paired by position with its
 * document sources when the counts match); otherwise its sources
 * resolved through the store — a document's current text, a chunk's text, or a span sliced from the
 * document's current version. Unanswerable items with neither get no passages.
 */
export async function _oraclePassages(item: GoldenItem, store: Store | undefined, tenant: string): Promise<GivenPassage[]> {
  if (item.context?.length) {
    // Context passages pair with document sources by position when the counts match (SQuAD: paragraph ↔ gold doc).
    const docs = item.sources.length === item.context.length ? item.sources.map((s) => ('chunkId' in s ? undefined : s.documentId)) : [];
    return item.context.map((text, i) => ({ text, title: docs[i] ?? `${item.id} context ${i + 1}`, ...(docs[i] ? { documentId: docs[i] } : {}) }));
  }
  if (item.sources.length === 0) return [];
  if (!store) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Oracle mode for item '${item.id}' needs its sources resolved: pass a 'store' to evaluate() or give the item 'context' passages.`, details: { itemId: item.id } });
  }
  const out: GivenPassage[] = [];
  for (const s of item.sources) {
    if ('chunkId' in s) {
      const [chunk] = await store.getChunks({ tenant, ids: [s.chunkId] });
      if (!chunk) throw _missing(item, `chunk '${s.chunkId}'`);
      const doc = await store.getDocument({ tenant, id: chunk.documentId });
      out.push({ text: chunk.text, title: doc?.title ?? chunk.documentId, documentId: chunk.documentId, chunkId: chunk.id, start: chunk.start, end: chunk.end });
      continue;
    }
    const doc = await store.getDocument({ tenant, id: s.documentId });
    if (!doc) throw _missing(item, `document '${s.documentId}'`);
    const versions = await store.listVersions({ tenant, documentId: s.documentId });
    const current = versions.find((v) => v.id === doc.currentVersionId) ?? versions[0];
    if (!current) throw _missing(item, `the current version of '${s.documentId}'`);
    const start = 'start' in s ? s.start : 0;
    const end = 'start' in s ? Math.min(s.end, current.text.length) : current.text.length;
    out.push({ text: current.text.slice(start, end), title: doc.title, documentId: doc.id, start, end });
  }
  return out;
}

function _missing(item: GoldenItem, what: string): FathomError {
  return new FathomError({ code: 'DOCUMENT_NOT_FOUND', message: `Item '${item.id}' expects ${what}, which is not in the store: ingest it, fix the item's sources, or give the item 'context' passages.`, details: { itemId: item.id } });
}
