import type { Answer } from '../../spec/answer.js';
import type { EvalItemResult, EvalMode, GoldenItem, JudgeVerdict, MetricValues } from '../../spec/evaluation.js';
import type { Judge } from '../../spec/judge.js';
import {
  answerContainment, answerRelevance, citationPrecision, citationRecall, constraintAdherence, contextUtilisation,
  exactMatch, faithfulness, formatConsistency, jsonMatch, tokenF1,
} from '../metrics/answer/index.js';
import type { ConstraintPredicate } from '../metrics/answer/index.js';
import { _answerTokens } from '../metrics/answer/normalize-answer.js';
import { hitRateAtK, mrrAtK, recallAtK } from '../metrics/retrieval/index.js';

/** Judges by what they score. */
export interface EvalJudges {
  /** Replaces the lexical `correct` rule for answerable items: correct iff the score ≥ 0.5. */
  correctness?: Judge;
  /** Replaces the lexical faithfulness score. */
  faithfulness?: Judge;
  /** Replaces the lexical answer relevance score. */
  relevance?: Judge;
}

export interface _ScoreInput {
  item: GoldenItem;
  mode: EvalMode;
  answer: Answer;
  retrieved: NonNullable<EvalItemResult['retrieved']>;
  /** Document ids the item expects (sources resolved to documents). */
  expectedDocs: string[];
  judges: EvalJudges;
  predicates: Record<string, ConstraintPredicate>;
  /** How deep retrieval went (its topK); `@k` metrics are computed at min(k, depth). @default retrieved.length */
  retrievalDepth?: number;
  signal?: AbortSignal;
}

/**
 * All metrics of one answer, and whether it is correct:
 * - unanswerable item: correct iff the answer abstained;
 * - answerable item that abstained: incorrect;
 * - with a correctness judge: correct iff its score ≥ 0.5;
 * - with reference answers: correct iff exact match or token F1 ≥ 0.5 (on the span or the whole text),
 *   containment, or JSON match;
 * - retrieval-only item (no reference answers): correct iff it answered.
 */
export async function _scoreItem(input: _ScoreInput): Promise<{ metrics: MetricValues; correct: boolean; verdicts?: Record<string, JudgeVerdict> }> {
  const { item, mode, answer, retrieved, expectedDocs, judges, predicates, retrievalDepth, signal } = input;
  const m: MetricValues = { abstained: answer.abstained ? 1 : 0 };
  const verdicts: Record<string, JudgeVerdict> = {};
  const refs = item.answers;
  const text = answer.abstained ? '' : answer.text;
  // EM/F1 score the answer phrase (the answerer's span, else the whole text without citation markers); the
  // whole text is scored too (`*_text`), and containment looks for a reference anywhere in it.
  const span = answer.abstained ? '' : (answer.span ?? text);
  if (item.answerable && refs.length > 0) {
    m.exact_match = exactMatch({ prediction: span, references: refs });
    m.token_f1 = tokenF1({ prediction: span, references: refs });
    m.exact_match_text = exactMatch({ prediction: text, references: refs });
    m.token_f1_text = tokenF1({ prediction: text, references: refs });
    m.containment = answerContainment({ prediction: text, references: refs });
    m.json_match = answer.abstained ? undefined : jsonMatch({ prediction: answer.json ?? answer.text, references: refs });
  }
  const passages = answer.sources.map((s) => s.text);
  if (!answer.abstained) {
    const judgeInput = { question: item.question, answer: answer.text, signal };
    if (judges.correctness && item.answerable && refs.length > 0) verdicts.correctness = await judges.correctness.doJudge({ ...judgeInput, references: refs });
    if (judges.faithfulness && passages.length > 0) verdicts.faithfulness = await judges.faithfulness.doJudge({ ...judgeInput, passages });
    if (judges.relevance) verdicts.relevance = await judges.relevance.doJudge(judgeInput);
    m.judge_correctness = verdicts.correctness?.score;
    m.faithfulness = verdicts.faithfulness?.score ?? faithfulness({ answer: answer.text, passages }).score;
    m.answer_relevance = verdicts.relevance?.score ?? answerRelevance({ question: item.question, answer: answer.text });
    m.context_utilisation = contextUtilisation({ answer });
    m.citation_precision = passages.length > 0 ? citationPrecision({ citations: answer.citations }) : undefined;
  }
  // How much of the best reference answer's wording is in the context at all (token recall, [0, 1]): near 0 in
  // oracle mode means the stored text lost it (ingestion loss); references are often paraphrased, hence recall.
  if (mode !== 'closed-book' && item.answerable && refs.length > 0) m.answer_in_context = _tokenRecall(passages.join('\n'), refs);
  if (mode !== 'closed-book' && item.answerable && passages.length > 0) m.citation_recall = citationRecall({ citations: answer.citations, expected: item.sources });
  if (item.outputSchema) m.format_consistency = formatConsistency({ text: answer.text, json: answer.json, schema: item.outputSchema }).score;
  m.constraint_adherence = constraintAdherence({ item, answer, predicates }).score;
  if (mode === 'rag' && expectedDocs.length > 0) Object.assign(m, _retrievalMetrics(retrieved, expectedDocs, retrievalDepth ?? retrieved.length));
  m.latency_ms = answer.latencyMs.total;
  m.cost_usd = answer.costUsd;
  m.input_tokens = answer.usage.inputTokens;
  m.output_tokens = answer.usage.outputTokens;
  const correct = _correct(item, answer, m);
  m.correct = correct ? 1 : 0;
  return { metrics: m, correct, ...(Object.keys(verdicts).length ? { verdicts } : {}) };
}

function _correct(item: GoldenItem, answer: Answer, m: MetricValues): boolean {
  if (!item.answerable) return answer.abstained;
  if (answer.abstained) return false;
  if (m.judge_correctness !== undefined) return m.judge_correctness >= 0.5;
  if (item.answers.length === 0) return true;
  return m.exact_match === 1 || (m.token_f1 ?? 0) >= 0.5 || (m.token_f1_text ?? 0) >= 0.5 || m.containment === 1 || m.json_match === 1;
}

/**
 * Document-level recall, MRR, hit rate and all-retrieved (every expected document found) at k = 5 and 10, with
 * trec_eval definitions. A list only `depth` deep cannot measure @10: the metrics are computed and named at
 * min(k, depth) (`recall@5` when retrieval returned 5), so the name always says what was measured.
 */
function _retrievalMetrics(retrieved: NonNullable<EvalItemResult['retrieved']>, expectedDocs: string[], depth: number): MetricValues {
  const ranked = [...new Set(retrieved.map((r) => r.documentId))];
  const judgments = new Map(expectedDocs.map((d) => [d, 1]));
  const out: MetricValues = {};
  for (const k of [...new Set([5, 10].map((k) => Math.max(1, Math.min(k, depth))))]) {
    out[`recall@${k}`] = recallAtK({ ranked, judgments, k });
    out[`mrr@${k}`] = mrrAtK({ ranked, judgments, k });
    out[`hit_rate@${k}`] = hitRateAtK({ ranked, judgments, k });
    out[`all_retrieved@${k}`] = expectedDocs.every((d) => ranked.slice(0, k).includes(d)) ? 1 : 0;
  }
  return out;
}

/** The largest share of a reference's distinct normalised tokens present in the text. */
function _tokenRecall(text: string, refs: readonly string[]): number {
  const have = new Set(_answerTokens(text));
  return Math.max(0, ...refs.map((r) => {
    const want = new Set(_answerTokens(r));
    return want.size === 0 ? 0 : [...want].filter((t) => have.has(t)).length / want.size;
  }));
}
