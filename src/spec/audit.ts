/**
 * The query audit log: one entry per answered (or searched) query.
 */
import type { OnlineScores, QueryFeedback } from './monitor.js';
export interface QueryLogEntry {
  tenant: string;
  id: string;
  /** Epoch ms. */
  at: number;
  /** `search` for retrieval only, `ask` for answered queries. */
  kind: 'search' | 'ask';
  query: string;
  /** Retrieved chunk ids with each stage's scores. */
  retrieved: Array<{ chunkId: string; documentId: string; score: number; stages: Record<string, { score: number; rank: number }> }>;
  model?: string;
  answer?: string;
  abstained?: boolean;
  citations?: unknown[];
  /** Milliseconds per stage, e.g. `{ retrieve: 3.1, generate: 812 }`. */
  latencyMs: Record<string, number>;
  usage?: { promptTokens?: number; completionTokens?: number };
  /** Cost in US dollars, from the configured price table. */
  costUsd?: number;
  metadata?: Record<string, unknown>;
  /**
   * Set when the entry's text was removed (a cited or retrieved document was deleted, or `log purge --redact`):
   * query, answer, citations, prompt and every other free text are blanked; ids, timings, usage, cost and
   * tenant are kept.
   */
  redacted?: QueryLogRedaction;
  /** Feedback given on this entry, oldest first (text fields are blanked by redaction). */
  feedback?: QueryFeedback[];
  /** Reference-free scores from online evaluation (`fathom monitor score`), when the entry was sampled. */
  online?: OnlineScores;
}

/** Why and when an audit entry's text was redacted. */
export interface QueryLogRedaction {
  reason: 'document-deleted' | 'purged';
  /** Epoch ms. */
  at: number;
  /** The deleted documents the entry retrieved or cited (reason `document-deleted`). */
  documentIds?: string[];
}
