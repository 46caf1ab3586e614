/**
 * Redaction of audit log entries: which entries touch a document, and what an entry keeps once its text is
 * gone (ids, timings, usage, cost, tenant and a `redacted` marker — never the query, answer, citation sentences,
 * prompt, titles or warnings, any of which can quote a source).
 */
import type { QueryLogEntry, QueryLogRedaction } from '../../spec/audit.js';
import { collectDocumentIds } from '../../util/collect-document-ids.js';

/** Every `documentId` the entry mentions (retrieved hits, prompt sources, citations, given passages). */
export const entryDocumentIds = (entry: unknown): Set<string> => collectDocumentIds(entry);

const _pick = <T extends object>(o: T | undefined, keys: string[]): Record<string, unknown> | undefined =>
  o && typeof o === 'object' ? Object.fromEntries(Object.entries(o).filter(([k, v]) => keys.includes(k) && v !== undefined)) : undefined;

/** The entry with its text removed and `redacted` set (document ids of earlier redactions are kept). */
export function redactQueryLogEntry(entry: QueryLogEntry, redaction: QueryLogRedaction): QueryLogEntry {
  const meta = (entry.metadata ?? {}) as Record<string, unknown>;
  const sources = Array.isArray(meta.sources) ? (meta.sources as object[]).map((s) => _pick(s, ['n', 'chunkId', 'documentId', 'start', 'end', 'pages'])) : undefined;
  const documentIds = [...new Set([...(entry.redacted?.documentIds ?? []), ...(redaction.documentIds ?? [])])];
  return {
    tenant: entry.tenant,
    id: entry.id,
    at: entry.at,
    kind: entry.kind,
    query: '',
    retrieved: (entry.retrieved ?? []).map((r) => ({ chunkId: r.chunkId, documentId: r.documentId, score: r.score, stages: r.stages })),
    model: entry.model,
    answer: entry.answer === undefined ? undefined : '',
    abstained: entry.abstained,
    citations: Array.isArray(entry.citations)
      ? (entry.citations as object[]).map((c) => _pick(c, ['n', 'valid', 'chunkId', 'documentId', 'start', 'end', 'support', 'supported', 'verifier']))
      : undefined,
    latencyMs: entry.latencyMs,
    usage: entry.usage,
    costUsd: entry.costUsd,
    metadata: { ..._pick(meta, ['abstainReason', 'sufficiency', 'promptTokens', 'verifier', 'judge']), ...(sources ? { sources } : {}) },
    // Feedback keeps its rating and time (never its text); online scores are numbers and stay.
    ...(entry.feedback ? { feedback: entry.feedback.map((f) => ({ ...(f.rating ? { rating: f.rating } : {}), at: f.at })) } : {}),
    ...(entry.online ? { online: entry.online } : {}),
    redacted: { reason: redaction.reason, at: redaction.at, ...(documentIds.length ? { documentIds } : {}) },
  };
}
