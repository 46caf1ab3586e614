/** Structured judge verdicts on one sampled audit entry (reference-free criteria only). */
import type { QueryLogEntry } from '../spec/audit.js';
import type { Judge } from '../spec/judge.js';
import type { OnlineVerdict } from '../spec/monitor.js';
import type { Store } from '../spec/store.js';

/**
 * Each judge's verdict on the entry's answer: a `faithfulness` judge sees the passages the answer was given (the
 * logged sources' chunks, read from the store), any other judge the question and the answer. Abstained, redacted and
 * search-only entries are not judged (empty list); a faithfulness judge is skipped when no passage is left.
 */
/** Whether the judges look at an entry: an answer that did not abstain and was not redacted. */
export const _judgeable = (entry: QueryLogEntry): entry is QueryLogEntry & { answer: string } => entry.kind === 'ask' && !entry.abstained && !entry.redacted && Boolean(entry.answer);

export async function _judgeEntry(o: { store: Store; tenant: string; entry: QueryLogEntry; judges: Judge[]; signal?: AbortSignal }): Promise<OnlineVerdict[]> {
  const { store, tenant, entry, judges, signal } = o;
  if (!_judgeable(entry)) return [];
  let passages: string[] | undefined;
  const verdicts: OnlineVerdict[] = [];
  for (const judge of judges) {
    if (judge.criterion === 'faithfulness') {
      passages ??= await _passages(store, tenant, entry);
      if (!passages.length) continue;
    }
    const v = await judge.doJudge({ question: entry.query, answer: entry.answer, ...(judge.criterion === 'faithfulness' ? { passages } : {}), signal });
    verdicts.push({
      criterion: judge.criterion, label: v.label, score: v.score, runs: v.judge.runs,
      ...(v.judge.agreement !== undefined ? { agreement: v.judge.agreement } : {}), model: v.judge.model, promptId: v.judge.promptId,
    });
  }
  return verdicts;
}

/** Texts of the chunks the answer was given, in source order (logged in `metadata.sources`, else the retrieved list). */
async function _passages(store: Store, tenant: string, entry: QueryLogEntry): Promise<string[]> {
  const sources = (entry.metadata as { sources?: Array<{ chunkId?: string }> } | undefined)?.sources;
  const ids = (Array.isArray(sources) ? sources.map((s) => s.chunkId) : entry.retrieved.map((r) => r.chunkId)).filter((id): id is string => Boolean(id));
  if (!ids.length) return [];
  const byId = new Map((await store.getChunks({ tenant, ids })).map((c) => [c.id, c.text]));
  return ids.map((id) => byId.get(id)).filter((t): t is string => t !== undefined);
}
