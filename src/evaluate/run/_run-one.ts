import type { Answer, ContextSource, PromptVariant } from '../../spec/answer.js';
import type { JsonSchema } from '../../spec/chat-model.js';
import type { EvalItemResult, EvalMode, GoldenItem } from '../../spec/evaluation.js';
import type { Store } from '../../spec/store.js';
import { toFathomError } from '../../util/errors.js';
import type { ConstraintPredicate } from '../metrics/answer/index.js';
import { _oraclePassages } from './_oracle-passages.js';
import { _scoreItem, type EvalJudges } from './_score-item.js';

/** What `evaluate()` runs: anything that answers a question from a context source (wraps generate's `answer()`). */
export interface EvalPipeline {
  answer(options: { question: string; context: ContextSource; responseFormat?: { type: 'json'; schema?: JsonSchema; name?: string }; signal?: AbortSignal; /** The prompt variant under evaluation (`evaluate({ prompts })`). */ prompt?: PromptVariant }): Promise<Answer>;
}

export interface _RunOneInput {
  item: GoldenItem;
  mode: EvalMode;
  pipeline: EvalPipeline;
  store?: Store;
  tenant: string;
  judges: EvalJudges;
  predicates: Record<string, ConstraintPredicate>;
  retrievalDepth?: number;
  signal?: AbortSignal;
  perfNow: () => number;
}

/** Answers one item in one mode and scores it; any failure becomes the result's `error`. */
export async function _runOne({ item, mode, pipeline, store, tenant, judges, predicates, retrievalDepth, signal, perfNow }: _RunOneInput): Promise<EvalItemResult> {
  const started = perfNow();
  let answer: Answer | undefined;
  try {
    const context: ContextSource = mode === 'closed-book' ? 'none' : mode === 'rag' ? 'retrieve' : { passages: await _oraclePassages(item, store, tenant) };
    const responseFormat = item.outputSchema ? { type: 'json' as const, schema: item.outputSchema, name: 'answer' } : undefined;
    answer = _storable(await pipeline.answer({ question: item.question, context, responseFormat, signal }));
    answer.latencyMs.total ??= perfNow() - started;
    const retrieved = mode === 'rag' ? _retrieved(answer) : [];
    const expectedDocs = await _expectedDocs(item, store, tenant);
    const scored = await _scoreItem({ item, mode, answer, retrieved, expectedDocs, judges, predicates, retrievalDepth, signal });
    return { itemId: item.id, mode, answer, ...(mode === 'rag' ? { retrieved } : {}), ...scored };
  } catch (e) {
    const err = toFathomError(e);
    return {
      itemId: item.id, mode, answer: answer ?? _emptyAnswer(item, perfNow() - started), metrics: {}, correct: false,
      error: { code: err.code, message: err.message },
    };
  }
}

/** Rank-ordered documents and chunks the answer's sources came from (rag mode). */
function _retrieved(answer: Answer): NonNullable<EvalItemResult['retrieved']> {
  return answer.sources.flatMap((s) => {
    if (s.hit) return [{ documentId: s.hit.document.id, chunkId: s.hit.chunk.id, score: s.hit.score, start: s.hit.chunk.start, end: s.hit.chunk.end }];
    if (s.documentId) return [{ documentId: s.documentId, chunkId: s.chunkId ?? '', score: 0, ...(s.start !== undefined ? { start: s.start, end: s.end } : {}) }];
    return [];
  });
}

async function _expectedDocs(item: GoldenItem, store: Store | undefined, tenant: string): Promise<string[]> {
  const docs = new Set<string>();
  const chunkIds: string[] = [];
  for (const s of item.sources) {
    if ('chunkId' in s) chunkIds.push(s.chunkId);
    else docs.add(s.documentId);
  }
  if (chunkIds.length && store) for (const c of await store.getChunks({ tenant, ids: chunkIds })) docs.add(c.documentId);
  return [...docs];
}

// Stored vectors are large and not JSON: drop them from the artifact.
function _storable(answer: Answer): Answer {
  if (!answer.sources.some((s) => s.hit?.vector)) return { ...answer, latencyMs: { ...answer.latencyMs } };
  return { ...answer, latencyMs: { ...answer.latencyMs }, sources: answer.sources.map((s) => (s.hit?.vector ? { ...s, hit: { ...s.hit, vector: undefined } } : s)) };
}

function _emptyAnswer(item: GoldenItem, ms: number): Answer {
  return {
    question: item.question, text: '', abstained: false, citations: [], unsupportedClaims: [], sources: [], sufficiency: 0, context: 'none',
    model: '', usage: { inputTokens: 0, outputTokens: 0 }, promptTokens: 0, latencyMs: { total: ms }, warnings: [],
  };
}
