import type { AnswerSource } from '../../spec/answer.js';
import type { EvalRun, GoldenItem } from '../../spec/evaluation.js';
import type { ChatExample } from '../../spec/tune-data.js';
import { DEFAULT_ABSTENTION_TEXT } from '../../generate/index.js';
import { _goldenTarget, _itemsById } from './_evidence.js';
import { _passages, _promptFor, _sourcesFor } from './_prompt.js';
import type { EvidenceExamples } from './training-set-types.js';

/** Options of {@link buildRagExamples}. */
export interface BuildRagExamplesOptions {
  /** The evaluation whose oracle / rag answers supply the sources each item saw (optional). */
  run?: EvalRun;
  /** Golden items (override `run.items`); at least one of the two must give items. */
  golden?: readonly GoldenItem[];
  /** Must match the answering pipeline's. @default DEFAULT_ABSTENTION_TEXT */
  abstentionText?: string;
  /** Also turn each answerable item into an abstention example over other items' passages. @default false */
  distractors?: boolean;
}

/**
 * RAG-aware examples — the pattern that teaches a model to use injected context and to abstain:
 * - answerable item → (system prompt, numbered oracle sources, question) → the golden answer citing `[n]`;
 * - unanswerable item → (the sources its rag answer saw, else its context, else other items' passages) → the
 *   abstention text;
 * - with `distractors`, answerable items again over other items' passages → the abstention text.
 * Prompts come from the answering pipeline's own `assemblePrompt`.
 */
export function buildRagExamples({ run, golden, abstentionText = DEFAULT_ABSTENTION_TEXT, distractors = false }: BuildRagExamplesOptions): EvidenceExamples<ChatExample> {
  const items = [..._itemsById(run, golden).values()];
  const out: EvidenceExamples<ChatExample> = { examples: [], entries: [], skipped: [], warnings: [] };
  const result = (id: string, mode: 'oracle' | 'rag') => run?.results.find((r) => r.itemId === id && r.mode === mode && !r.error);
  const push = (item: GoldenItem, sources: AnswerSource[], reason: 'rag-grounded' | 'rag-abstain-unanswerable' | 'rag-abstain-distractors', itemIds: string[]): void => {
    const prompt = _promptFor(item.question, sources, false, abstentionText);
    const target = reason === 'rag-grounded' ? _goldenTarget(item, prompt.sources, abstentionText) : { text: abstentionText, target: 'abstention' as const };
    if ('skip' in target) return void out.skipped.push({ itemId: item.id, reason: target.skip });
    out.entries.push({ index: out.examples.length, itemIds, reasons: [reason], mode: 'oracle', target: target.target });
    out.examples.push({ messages: [...prompt.messages, { role: 'assistant', content: target.text }] });
  };
  items.forEach((item, i) => {
    if (item.answerable) {
      const sources = _sourcesFor(item, 'oracle', result(item.id, 'oracle'));
      if (sources.length === 0) out.skipped.push({ itemId: item.id, reason: 'no oracle passages (give the item `context`, or pass a run with oracle results)' });
      else push(item, sources, 'rag-grounded', [item.id]);
      if (distractors) {
        const d = _distractors(items, i);
        if (d.sources.length > 0) push(item, d.sources, 'rag-abstain-distractors', [item.id, ...d.from]);
      }
      return;
    }
    let sources = _sourcesFor(item, 'rag', result(item.id, 'rag'));
    let from = [item.id];
    if (sources.length === 0) {
      const d = _distractors(items, i);
      sources = d.sources;
      from = [item.id, ...d.from];
    }
    if (sources.length === 0) out.skipped.push({ itemId: item.id, reason: 'no passages to show (no rag result, context or other items)' });
    else push(item, sources, 'rag-abstain-unanswerable', from);
  });
  return out;
}

/** Passages of the next (up to 3) answerable items after `i`, cyclically: deterministic distractors. */
function _distractors(items: readonly GoldenItem[], i: number): { sources: AnswerSource[]; from: string[] } {
  const sources: AnswerSource[] = [];
  const from: string[] = [];
  for (let k = 1; k < items.length && from.length < 3; k++) {
    const other = items[(i + k) % items.length]!;
    const passages = other.answerable ? _passages(other) : [];
    if (passages.length === 0) continue;
    from.push(other.id);
    sources.push(...passages.map((p) => ({ ...p, n: sources.length + 1 })));
  }
  return { sources: sources.map((s, n) => ({ ...s, n: n + 1 })), from };
}
