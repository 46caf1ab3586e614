import type { Answer } from '../spec/answer.js';
import type { ChatModel, ChatUsage } from '../spec/chat-model.js';
import type { QueryLogEntry } from '../spec/audit.js';
import { generateId as defaultGenerateId } from '../util/ids.js';
import { isDeclined } from './abstain.js';
import type { AnswerOptions } from './answer-options.js';
import { computeCost, findPrice } from './price.js';
import type { _Prepared } from './_prepare-answer.js';
import { verifyCitations } from './verify-citations.js';

/** The model's reply (absent when no model was called). */
export interface _Reply {
  text: string;
  usage: ChatUsage;
  json?: unknown;
  generateMs: number;
}

/** Turns a prepared context and a reply into the Answer: decline detection, citation verification, cost, audit log. */
export async function _finishAnswer(options: AnswerOptions, p: _Prepared, reply?: _Reply): Promise<Answer> {
  const { store, tenant, question, model, verify = {}, abstention = {}, prices, log = true, signal, _internal = {} } = options;
  const perfNow = _internal.perfNow ?? (() => performance.now());
  const usage: ChatUsage = reply?.usage ?? { inputTokens: 0, outputTokens: 0 };
  const latencyMs = { ...p.latencyMs };
  if (reply) latencyMs.generate = reply.generateMs;
  const warnings = [...p.warnings];
  let abstainReason = p.abstainReason;
  let text = abstainReason ? p.abstentionText : (reply?.text ?? p.extractive?.text ?? '');
  let citations: Answer['citations'] = [];
  let unsupportedClaims: Answer['unsupportedClaims'] = [];
  let judgeUsage: ChatUsage | undefined;

  if (!abstainReason && reply && isDeclined(reply.text, p.abstentionText)) abstainReason = 'model-declined';
  if (!abstainReason && p.context !== 'none' && verify !== false) {
    const t0 = perfNow();
    const verified = await verifyCitations({
      text, sources: p.sources, method: verify.method, judge: verify.judge, threshold: verify.threshold,
      invalid: options.responseFormat ? 'mark' : (verify.invalidCitations ?? 'remove'), abstentionText: p.abstentionText, abortSignal: signal,
    });
    latencyMs.verify = perfNow() - t0;
    ({ text, citations, unsupportedClaims } = verified);
    warnings.push(...verified.warnings);
    if (verify.method === 'judge') judgeUsage = verified.usage;
    if (!citations.some((c) => c.valid)) {
      if (abstention.onNoCitations === 'abstain') abstainReason = 'model-declined';
      else warnings.push({ type: 'no-valid-citations', message: 'The answer cites no provided source; its claims were checked against every source (see unsupportedClaims).' });
    }
  }
  if (abstainReason) {
    text = p.abstentionText;
    citations = [];
    unsupportedClaims = [];
  }
  latencyMs.total = perfNow() - p.startedAt;

  const modelName = model ? `${model.provider}:${model.modelId}` : 'extractive';
  let costUsd: number | undefined;
  const price = model && findPrice({ prices, provider: model.provider, modelId: model.modelId });
  if (price) costUsd = computeCost({ price, usage });
  const judge = verify !== false ? verify.judge : undefined;
  const judgePrice = judge && judgeUsage && findPrice({ prices, provider: judge.provider, modelId: judge.modelId });
  if (judgePrice) costUsd = (costUsd ?? 0) + computeCost({ price: judgePrice, usage: judgeUsage! });

  const answer: Answer = {
    question, text, abstained: abstainReason !== undefined, abstainReason, citations, unsupportedClaims, sources: p.sources,
    sufficiency: p.sufficiency, context: p.context, model: modelName, json: abstainReason ? undefined : (reply ? reply.json : p.extractive?.json), usage,
    ...(!abstainReason && !reply && p.extractive?.span ? { span: p.extractive.span } : {}),
    promptTokens: p.prompt?.promptTokens ?? 0, costUsd, latencyMs, trace: p.trace, warnings,
  };
  if (store && log) {
    const entry = _logEntry(answer, { tenant, id: (_internal.generateId ?? defaultGenerateId)('q_'), at: (_internal.now ?? Date.now)(), options, prepared: p, judge });
    await store.appendQueryLog(entry);
    answer.logId = entry.id;
  }
  return answer;
}

function _logEntry(a: Answer, { tenant, id, at, options, prepared, judge }: { tenant: string; id: string; at: number; options: AnswerOptions; prepared: _Prepared; judge?: ChatModel }): QueryLogEntry {
  const retrieved = prepared.hits.length > 0
    ? prepared.hits.map((h) => ({ chunkId: h.chunk.id, documentId: h.document.id, score: h.score, stages: Object.fromEntries(Object.entries(h.stages).filter(([, s]) => s !== undefined)) as Record<string, { score: number; rank: number }> }))
    : a.sources.map((s) => ({ chunkId: s.chunkId ?? '', documentId: s.documentId ?? '', score: 0, stages: {} }));
  return {
    tenant, id, at, kind: 'ask', query: a.question, retrieved, model: a.model, answer: a.text, abstained: a.abstained, citations: a.citations,
    latencyMs: a.latencyMs, usage: { promptTokens: a.usage.inputTokens || a.promptTokens, completionTokens: a.usage.outputTokens }, costUsd: a.costUsd,
    metadata: {
      ...options.metadata,
      context: a.context,
      abstainReason: a.abstainReason,
      sufficiency: a.sufficiency,
      promptTokens: a.promptTokens,
      sources: a.sources.map((s) => ({ n: s.n, chunkId: s.chunkId, documentId: s.documentId, title: s.title, start: s.start, end: s.end, pages: s.pages })),
      prompt: prepared.prompt?.messages,
      unsupportedClaims: a.unsupportedClaims,
      retrieval: a.trace ? { mode: a.trace.mode, stages: a.trace.stages, sufficiency: a.trace.sufficiency, features: a.trace.sufficiencyFeatures, ...(a.trace.hops ? { hops: a.trace.hops } : {}) } : undefined,
      verifier: options.verify === false ? 'none' : (options.verify?.method ?? 'lexical'),
      judge: judge ? `${judge.provider}:${judge.modelId}` : undefined,
      warnings: a.warnings,
      // The reader, as the server records it: the principal id and its groups (absent for the trusted caller).
      ...(_reader(options) ? { principal: _reader(options)!.id, groups: _reader(options)!.groups ?? [] } : {}),
    },
  };
}

const _reader = (options: AnswerOptions) => options.principal ?? options.retrieval?.principal;
