import type { QueryLogEntry } from '../spec/audit.js';
import type { OnlineMetrics } from '../spec/monitor.js';
import { analyze } from '../util/text/analyzer.js';

interface _Citation {
  valid?: boolean;
  supported?: boolean;
  support?: number;
}

const _mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : undefined);

/**
 * Reference-free metrics of one logged answer, from what the entry recorded: citation support and unsupported
 * citations (the verifier's verdicts), unsupported claims, the sufficiency signal, abstention, lexical answer
 * relevance (share of the question's content terms the answer uses), latency, tokens and cost.
 */
export function scoreEntry(entry: QueryLogEntry): OnlineMetrics {
  const meta = (entry.metadata ?? {}) as Record<string, unknown>;
  const abstained = entry.abstained ? 1 : 0;
  const citations = (Array.isArray(entry.citations) ? entry.citations : []) as _Citation[];
  const valid = citations.filter((c) => c.valid !== false);
  const m: OnlineMetrics = { abstained };
  if (!abstained && citations.length) {
    m.citationSupport = _mean(valid.map((c) => (typeof c.support === 'number' ? c.support : c.supported ? 1 : 0))) ?? 0;
    m.unsupportedCitations = citations.filter((c) => c.valid === false || c.supported === false).length / citations.length;
  }
  if (!abstained && Array.isArray(meta.unsupportedClaims)) m.unsupportedClaims = meta.unsupportedClaims.length;
  if (typeof meta.sufficiency === 'number') m.sufficiency = meta.sufficiency;
  if (entry.retrieved?.length) m.topScore = entry.retrieved[0]!.score;
  if (!abstained && entry.answer && !entry.redacted) {
    const q = new Set(analyze(entry.query));
    const a = new Set(analyze(entry.answer));
    if (q.size) m.answerRelevance = [...q].filter((t) => a.has(t)).length / q.size;
  }
  if (typeof entry.latencyMs?.total === 'number') m.latencyMs = entry.latencyMs.total;
  const tokens = (entry.usage?.promptTokens ?? 0) + (entry.usage?.completionTokens ?? 0);
  if (tokens) m.tokens = tokens;
  if (typeof entry.costUsd === 'number') m.costUsd = entry.costUsd;
  return m;
}
