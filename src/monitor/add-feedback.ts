import type { QueryLogEntry } from '../spec/audit.js';
import type { QueryFeedback } from '../spec/monitor.js';
import type { Store } from '../spec/store.js';
import { FathomError } from '../util/errors.js';

/** Options of {@link addFeedback}. */
export interface AddFeedbackOptions {
  store: Store;
  tenant: string;
  /** The audit entry id (`answer.logId`, `fathom log list`). */
  id: string;
  feedback: Omit<QueryFeedback, 'at'>;
  /** @default Date.now */
  _internal?: { now?: () => number };
}

/** Longest correction or note kept, in characters. */
export const maxFeedbackText = 20_000;

/** Attach feedback (thumbs, a corrected answer, a note, the sources that should have been cited) to an audit entry. */
export async function addFeedback({ store, tenant, id, feedback, _internal = {} }: AddFeedbackOptions): Promise<QueryLogEntry> {
  const { rating, correction, note, sources, by } = feedback;
  if (rating === undefined && !correction?.trim() && !note?.trim()) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'Give feedback: --up or --down, --correct "<the right answer>", or --note "<text>".' });
  }
  if (rating !== undefined && rating !== 'up' && rating !== 'down') throw new FathomError({ code: 'INVALID_ARGUMENT', message: `rating must be "up" or "down", got "${String(rating)}".` });
  for (const [name, text] of [['correction', correction], ['note', note]] as const) {
    if (text !== undefined && (typeof text !== 'string' || text.length > maxFeedbackText)) {
      throw new FathomError({ code: 'INVALID_ARGUMENT', message: `The ${name} must be text of at most ${maxFeedbackText} characters.`, details: { field: name } });
    }
  }
  if (!store.annotateQueryLog) {
    throw new FathomError({ code: 'INVALID_CONFIG', message: `The ${store.provider} store cannot record feedback (it does not implement annotateQueryLog): use the SQLite store or a backend that does.` });
  }
  const clean: QueryFeedback = {
    ...(rating ? { rating } : {}), ...(correction?.trim() ? { correction: correction.trim() } : {}), ...(note?.trim() ? { note: note.trim() } : {}),
    ...(sources?.length ? { sources: [...new Set(sources)] } : {}), ...(by ? { by } : {}), at: (_internal.now ?? Date.now)(),
  };
  const entry = await store.annotateQueryLog({ tenant, id, feedback: clean });
  if (!entry) throw new FathomError({ code: 'NOT_FOUND', message: `No audit log entry "${id}" in tenant "${tenant}". List entries with \`fathom log list\`.`, details: { id, tenant } });
  return entry;
}
