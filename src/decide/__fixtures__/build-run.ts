/**
 * Builds realistic EvalRun fixtures from compact item specs: what each mode answered, what retrieval found.
 * Used by the decide and report tests (and the report screenshot).
 */
import type { Answer } from '../../spec/answer.js';
import type { EvalItemResult, EvalMode, EvalRun, GoldenItem } from '../../spec/evaluation.js';

/** How one mode went for an item. */
export interface ModeOutcome {
  text: string;
  correct: boolean;
  abstained?: boolean;
  /** Extra metric values (formatConsistency, constraintAdherence, faithfulness…). */
  metrics?: Record<string, number>;
}

export interface FixtureItem {
  item: GoldenItem;
  modes: Partial<Record<EvalMode, ModeOutcome>>;
  /** RAG candidate list, best first: [documentId, chunkId, start?, end?]. */
  retrieved?: Array<[string, string, number?, number?]>;
  /** Retrieval trace margin (top-score spread). @default 0.3 */
  margin?: number;
}

const tokens: Record<EvalMode, [number, number]> = { 'closed-book': [140, 70], rag: [1450, 95], oracle: [820, 90] };
const latency: Record<EvalMode, number> = { 'closed-book': 620, rag: 1180, oracle: 930 };

function _answer(question: string, mode: EvalMode, o: ModeOutcome, f: FixtureItem, jitter: number): Answer {
  const [inTok, outTok] = tokens[mode];
  const inputTokens = Math.round(inTok * (0.85 + 0.3 * jitter));
  const outputTokens = Math.round(outTok * (0.7 + 0.6 * jitter));
  const sources = mode === 'closed-book' ? [] : (f.retrieved ?? []).slice(0, 5).map(([documentId, chunkId, start, end], i) => ({
    n: i + 1, documentId, chunkId, title: documentId.replace(/^kb\//, ''), text: `Passage ${chunkId} of ${documentId}.`, start, end,
  }));
  return {
    question, text: o.text, abstained: Boolean(o.abstained), citations: [], unsupportedClaims: [], sources,
    sufficiency: mode === 'oracle' ? 1 : 0.4 + 0.5 * jitter, context: mode === 'rag' ? 'retrieve' : mode === 'oracle' ? 'given' : 'none',
    model: 'openai-compatible:gpt-4o-mini', usage: { inputTokens, outputTokens }, promptTokens: inputTokens,
    costUsd: (inputTokens * 0.15 + outputTokens * 0.6) / 1e6,
    latencyMs: { retrieve: mode === 'rag' ? 240 : 0, generate: Math.round(latency[mode] * (0.8 + 0.4 * jitter)), total: Math.round(latency[mode] * (0.8 + 0.4 * jitter)) + (mode === 'rag' ? 240 : 0) },
    trace: mode === 'rag' ? { mode: 'bm25', stages: [{ name: 'bm25', ms: 12, count: 20 }], sufficiency: 0.6, sufficiencyFeatures: { rerankTop: null, bm25Norm: 0.5, vectorTop: null, coverage: 0.7, margin: f.margin ?? 0.3, hasHits: 1, idfCoverage: 0.7, sentenceCoverage: 0.6, unseen: 0, missingTop: 0.4, unindexed: 0, typed: 0, typeMatch: 0, negated: 0, numberMissing: 0, bigramCoverage: 0.3, sentenceMissing: 0.7, questionTerms: 1.4, sentenceMissingTop: 0.4, oneMissing: 0, nameMissing: 0, antonym: 0 } } : undefined,
    warnings: [],
  };
}

/** Assemble a run: one result per item per mode, metrics per result, summary means per mode. */
export function buildRun({ id = 'eval-fixture', items }: { id?: string; items: FixtureItem[] }): EvalRun {
  let seed = 7;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const results: EvalItemResult[] = [];
  for (const f of items) {
    for (const [mode, o] of Object.entries(f.modes) as Array<[EvalMode, ModeOutcome]>) {
      const answer = _answer(f.item.question, mode, o, f, rand());
      const metrics: Record<string, number | undefined> = {
        exactMatch: o.correct ? 1 : 0,
        tokenF1: o.correct ? 0.8 + 0.2 * rand() : 0.1 + 0.3 * rand(),
        faithfulness: mode === 'closed-book' ? undefined : o.correct ? 0.85 + 0.15 * rand() : 0.4 + 0.3 * rand(),
        latencyMs: answer.latencyMs.total,
        costUsd: answer.costUsd,
        ...o.metrics,
      };
      if (mode === 'rag') metrics['recall@5'] = f.item.sources.length && f.retrieved?.slice(0, 5).some(([d]) => f.item.sources.some((s) => 'documentId' in s && s.documentId === d)) ? 1 : 0;
      const retrieved = mode === 'rag' ? (f.retrieved ?? []).map(([documentId, chunkId, start, end], i) => ({ documentId, chunkId, score: +(12 - i * 0.7).toFixed(2), start, end })) : undefined;
      results.push({ itemId: f.item.id, mode, answer, retrieved, metrics, correct: o.correct });
    }
  }
  const modes = [...new Set(results.map((r) => r.mode))];
  const summary = Object.fromEntries(modes.map((mode) => {
    const rs = results.filter((r) => r.mode === mode);
    const keys = [...new Set(rs.flatMap((r) => Object.keys(r.metrics)))];
    return [mode, Object.fromEntries(keys.map((k) => {
      const vs = rs.map((r) => r.metrics[k]).filter((v): v is number => typeof v === 'number');
      return vs.length ? [[k, vs.reduce((a, b) => a + b, 0) / vs.length]] : [];
    }).flat())];
  })) as EvalRun['summary'];
  return {
    id, createdAt: Date.UTC(2025, 5, 2, 9, 30), dataset: { path: 'golden/support.jsonl', sha256: 'f'.repeat(64), items: items.length },
    modes, config: { model: 'openai-compatible:gpt-4o-mini', retrieval: { mode: 'bm25', topK: 5, candidates: 20 } }, configHash: 'c0ffee',
    versions: { fathom: '0.1.0' }, results, items: items.map((f) => f.item), summary,
  };
}
