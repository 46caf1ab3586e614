import type { QueryLogEntry } from '../spec/audit.js';
import type { FeedbackProposal } from '../spec/monitor.js';
import type { Store } from '../spec/store.js';
import { DEFAULT_ABSTENTION_TEXT } from '../generate/index.js';

/** Options of {@link proposeGoldenFromFeedback}. */
export interface ProposeGoldenOptions {
  store: Store;
  tenant: string;
  /** Only entries logged at or after this time (epoch ms). */
  since?: number;
  /** Also propose thumbs-up answers as golden items (the answer as given). @default false */
  includeUp?: boolean;
}

/**
 * Golden-item proposals from feedback: each audit entry with a correction (the corrected answer), or a thumbs-up
 * when `includeUp` (the answer as given), with the question, the original answer, the sources that were cited or
 * that the feedback names, and the document versions behind them. Redacted entries are skipped (their text is gone).
 */
export async function proposeGoldenFromFeedback({ store, tenant, since, includeUp = false }: ProposeGoldenOptions): Promise<FeedbackProposal[]> {
  const out: FeedbackProposal[] = [];
  const entries = (await store.listQueryLog({ tenant, ...(since !== undefined ? { since } : {}) })).reverse();
  for (const e of entries) {
    if (e.redacted || !e.feedback?.length || e.kind !== 'ask') continue;
    const corrected = [...e.feedback].reverse().find((f) => f.correction);
    const last = e.feedback.at(-1)!;
    if (!corrected && !(includeUp && last.rating === 'up')) continue;
    const named = e.feedback.flatMap((f) => f.sources ?? []);
    const sources = [...new Set(named.length ? named : _cited(e))];
    const documents = [];
    for (const documentId of sources) {
      const doc = await store.getDocument({ tenant, id: documentId });
      documents.push(doc ? { documentId, versionId: doc.currentVersionId } : { documentId });
    }
    const answer = corrected ? corrected.correction! : (e.answer ?? '');
    out.push({
      accept: null, itemId: `fb-${e.id}`, question: e.query, answer: answer.trim() === DEFAULT_ABSTENTION_TEXT ? '' : answer, original: e.answer ?? '',
      sources, auditEntry: e.id, documents, ...(last.rating ? { rating: last.rating } : {}),
      ...(e.feedback.some((f) => f.note) ? { note: e.feedback.filter((f) => f.note).map((f) => f.note).join(' | ') } : {}),
    });
  }
  return out;
}

const _cited = (e: QueryLogEntry): string[] => {
  const cited = ((e.citations ?? []) as Array<{ valid?: boolean; documentId?: string }>).filter((c) => c.valid !== false && c.documentId).map((c) => c.documentId!);
  return cited.length ? cited : (e.retrieved ?? []).slice(0, 1).map((r) => r.documentId).filter(Boolean);
};
