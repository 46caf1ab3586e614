import type { AbstainReason, AnswerSource } from '../spec/answer.js';
import type { Warning } from '../spec/embedding-model.js';
import type { Hit } from '../spec/hit.js';
import type { RetrievalTrace } from '../spec/retrieve.js';
import { DEFAULT_MIN_SUFFICIENCY, retrieve } from '../retrieve/index.js';
import { FathomError } from '../util/errors.js';
import { DEFAULT_ABSTENTION_TEXT } from './abstain.js';
import type { AnswerOptions } from './answer-options.js';
import { assemblePrompt, type AssembledPrompt } from './assemble-prompt.js';
import { extractiveAnswer, type ExtractiveAnswer } from './extractive-answer.js';

/** Everything decided before a model is called. */
export interface _Prepared {
  context: 'retrieve' | 'none' | 'given';
  sources: AnswerSource[];
  hits: Hit[];
  trace?: RetrievalTrace;
  sufficiency: number;
  abstentionText: string;
  abstainReason?: AbstainReason;
  prompt?: AssembledPrompt;
  extractive?: ExtractiveAnswer;
  latencyMs: Record<string, number>;
  warnings: Warning[];
  startedAt: number;
}

/** Validates, gathers the context, decides abstention before generation, and assembles the prompt. */
export async function _prepareAnswer(options: AnswerOptions): Promise<_Prepared> {
  const { store, tenant, question, model, context = 'retrieve', retrieval = {}, abstention = {}, prompt = {}, maxOutputTokens = 512, signal, _internal = {} } = options;
  const perfNow = _internal.perfNow ?? (() => performance.now());
  const startedAt = perfNow();
  if (!tenant) throw new FathomError({ code: 'TENANT_REQUIRED', message: 'answer() needs a tenant: pass `tenant` (e.g. "default").' });
  if (typeof question !== 'string' || question.trim() === '') throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'answer() needs a non-empty `question`.' });
  const kind = context === 'retrieve' || context === 'none' ? context : 'given';
  if (kind === 'retrieve' && !store) throw new FathomError({ code: 'INVALID_ARGUMENT', message: "answer() with context 'retrieve' needs a `store`; pass one, or give passages with `context: { passages }`." });
  if (kind === 'given' && !Array.isArray((context as { passages?: unknown }).passages)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'context must be "retrieve", "none" or { passages: [{ text, title? }] }.' });
  const abstentionText = abstention.text ?? DEFAULT_ABSTENTION_TEXT;
  const latencyMs: Record<string, number> = {};
  const warnings: Warning[] = [];
  let hits: Hit[] = [];
  let trace: RetrievalTrace | undefined;
  let sources: AnswerSource[] = [];

  if (kind === 'retrieve') {
    const t0 = perfNow();
    ({ hits, trace } = await retrieve({ topK: 5, ...retrieval, ...(options.principal ? { principal: options.principal } : {}), store: store!, tenant, query: question, signal }));
    latencyMs.retrieve = perfNow() - t0;
    sources = hits.map((hit, i) => ({ n: i + 1, chunkId: hit.chunk.id, documentId: hit.document.id, title: hit.document.title, source: hit.document.source, text: hit.chunk.text, start: hit.chunk.start, end: hit.chunk.end, pages: hit.chunk.pages, hit }));
  } else if (kind === 'given') {
    sources = (context as { passages: Array<{ text: string; title?: string; documentId?: string; chunkId?: string; start?: number; end?: number }> }).passages.map((p, i) => ({
      n: i + 1, text: p.text, title: p.title ?? `Passage ${i + 1}`, documentId: p.documentId, chunkId: p.chunkId, start: p.start, end: p.end,
    }));
  }
  const prepared: _Prepared = { context: kind, sources, hits, trace, sufficiency: kind === 'retrieve' ? trace!.sufficiency : kind === 'given' ? 1 : 0, abstentionText, latencyMs, warnings, startedAt };

  if (kind !== 'none' && sources.length === 0) return { ...prepared, sufficiency: 0, abstainReason: 'no-sources' };
  // One abstention signal for every answerer: the retrieval's sufficiency score against minSufficiency.
  const minSufficiency = abstention.minSufficiency ?? abstention.threshold ?? DEFAULT_MIN_SUFFICIENCY;
  if (kind === 'retrieve' && prepared.sufficiency < minSufficiency) return { ...prepared, abstainReason: 'insufficient-context' };
  if (!model) {
    if (kind === 'none') return { ...prepared, abstainReason: 'no-sources' };
    const t0 = perfNow();
    const extractive = extractiveAnswer({ question, sources, schema: options.responseFormat?.schema });
    latencyMs.extract = perfNow() - t0;
    prepared.extractive = extractive;
    if (extractive.text === '') prepared.abstainReason = 'insufficient-context';
    return prepared;
  }
  const assembled = assemblePrompt({
    question, sources, closedBook: kind === 'none', abstentionText,
    countTokens: model.countTokens ? (t) => model.countTokens!(t) : undefined,
    contextWindow: model.contextWindow, outputReserve: maxOutputTokens, maxContextTokens: prompt.maxContextTokens, order: prompt.order, variant: prompt.variant,
  });
  warnings.push(...assembled.warnings);
  if (kind !== 'none' && assembled.sources.length === 0) {
    warnings.push({ type: 'prompt-too-small', message: `No source fits the model's context window (${model.contextWindow} tokens) after reserving ${maxOutputTokens} for the reply.` });
    return { ...prepared, prompt: assembled, sources: [], abstainReason: 'no-sources' };
  }
  return { ...prepared, prompt: assembled, sources: kind === 'none' ? [] : assembled.sources };
}
