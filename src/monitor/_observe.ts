/** The few numbers a drift check needs from one audit entry (parsed once, then windowed). */
import type { QueryLogEntry } from '../spec/audit.js';
import { analyze } from '../util/text/analyzer.js';

export interface _Observation {
  at: number;
  terms: string[];
  topScore?: number;
  sufficiency?: number;
  noContext: boolean;
  answered: boolean;
  abstained: boolean;
  unsupported: boolean;
  judgeScore?: number;
  latencyMs?: number;
  costUsd?: number;
  /** The top cited (else top retrieved) document. */
  documentId?: string;
  /** Thumbs: 1 down, 0 up, undefined none. */
  down?: number;
}

export function _observe(e: QueryLogEntry, sufficiencyThreshold: number): _Observation {
  const meta = (e.metadata ?? {}) as Record<string, unknown>;
  const citations = (Array.isArray(e.citations) ? e.citations : []) as Array<{ valid?: boolean; supported?: boolean; documentId?: string }>;
  const sufficiency = typeof meta.sufficiency === 'number' ? meta.sufficiency : undefined;
  const answered = e.kind === 'ask';
  const last = e.feedback?.filter((f) => f.rating).at(-1);
  return {
    at: e.at,
    terms: e.redacted ? [] : [...new Set(analyze(e.query))],
    topScore: e.retrieved?.[0]?.score,
    sufficiency,
    noContext: meta.abstainReason === 'insufficient-context' || (sufficiency !== undefined && sufficiency < sufficiencyThreshold),
    answered,
    abstained: answered && Boolean(e.abstained),
    unsupported: citations.some((c) => c.valid === false || c.supported === false),
    judgeScore: e.online?.metrics.judgeScore,
    latencyMs: typeof e.latencyMs?.total === 'number' ? e.latencyMs.total : undefined,
    costUsd: e.costUsd,
    documentId: citations.find((c) => c.documentId)?.documentId ?? e.retrieved?.[0]?.documentId,
    down: last ? (last.rating === 'down' ? 1 : 0) : undefined,
  };
}
