/**
 * What an evaluation result and a golden item keep once a deleted document's text is removed: ids, mode, metric
 * values, correctness, usage, cost and latency — never the question, answer, sources, citation sentences, judge
 * reasoning, trace or warnings, any of which can quote the document.
 */
import type { QueryLogRedaction } from '../../spec/audit.js';
import type { Answer } from '../../spec/answer.js';
import type { EvalItemResult, GoldenItem } from '../../spec/evaluation.js';

const _pick = (o: object, keys: string[]): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([k, v]) => keys.includes(k) && v !== undefined));

export function _redactAnswer(a: Answer): Answer {
  return {
    question: '', text: '', abstained: a.abstained, abstainReason: a.abstainReason,
    citations: (a.citations ?? []).map((c) => ({ ..._pick(c, ['n', 'valid', 'chunkId', 'documentId', 'start', 'end', 'support', 'supported', 'verifier']), sentence: '', sentenceStart: 0, sentenceEnd: 0 }) as Answer['citations'][number]),
    unsupportedClaims: [],
    sources: (a.sources ?? []).map((s) => ({ ..._pick(s, ['n', 'chunkId', 'documentId', 'start', 'end', 'pages']), title: '', text: '' }) as Answer['sources'][number]),
    sufficiency: a.sufficiency, context: a.context, model: a.model, usage: a.usage, promptTokens: a.promptTokens,
    ...(a.costUsd !== undefined ? { costUsd: a.costUsd } : {}), latencyMs: a.latencyMs, warnings: [],
  };
}

export function _redactEvalResult(r: EvalItemResult, redaction: QueryLogRedaction): EvalItemResult {
  return {
    itemId: r.itemId, mode: r.mode, answer: r.answer ? _redactAnswer(r.answer) : r.answer, metrics: r.metrics, correct: r.correct,
    ...(r.retrieved ? { retrieved: r.retrieved.map((x) => _pick(x, ['documentId', 'chunkId', 'score', 'start', 'end']) as NonNullable<EvalItemResult['retrieved']>[number]) } : {}),
    ...(r.verdicts ? { verdicts: Object.fromEntries(Object.entries(r.verdicts).map(([k, v]) => [k, { score: v.score, label: v.label, judge: v.judge }])) } : {}),
    ...(r.error ? { error: { code: r.error.code, message: '' } } : {}),
    redacted: redaction,
  };
}

export function _redactGoldenItem(item: GoldenItem, redaction: QueryLogRedaction): GoldenItem {
  return { id: item.id, question: '', answers: [], sources: item.sources, answerable: item.answerable, metadata: { redacted: redaction } };
}
