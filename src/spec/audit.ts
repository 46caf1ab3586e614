/**
 * The query audit log: one entry per answered (or searched) query.
 */
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
}
