import type { AnswerSource } from '../../spec/answer.js';
import type { ChatModel } from '../../spec/chat-model.js';
import type { EvalItemResult, EvalRun, GoldenItem } from '../../spec/evaluation.js';
import type { TrainingMessage } from '../../spec/tune-data.js';
import { generateText } from '../../core/generate-text.js';
import { isDeclined } from '../../generate/index.js';
import { validateJsonSchema } from '../../util/json-schema/validate-json-schema.js';
import { _withCitations } from './_cite.js';
import type { EvidenceReason, TargetSource } from './training-set-types.js';

/** Golden items by id: the given ones win over those recorded in the run. */
export function _itemsById(run: EvalRun | undefined, golden: readonly GoldenItem[] | undefined): Map<string, GoldenItem> {
  const map = new Map<string, GoldenItem>();
  for (const item of run?.items ?? []) map.set(item.id, item);
  for (const item of golden ?? []) map.set(item.id, item);
  return map;
}

/** Why a result counts as a failure worth training on (empty when it does not). */
export function _failureReasons(r: EvalItemResult): EvidenceReason[] {
  if (r.error) return [];
  const reasons: EvidenceReason[] = [];
  if (r.mode === 'oracle' && !r.correct) reasons.push('behaviour-gap');
  else if (!r.correct) reasons.push('wrong-answer');
  if (r.metrics.format_consistency === 0) reasons.push('format-failure');
  const c = r.metrics.constraint_adherence;
  if (c !== undefined && c < 1) reasons.push('constraint-failure');
  return reasons;
}

/** The reference output for an item under a prompt: abstention for unanswerable items, else the first golden answer cited against the sources. */
export function _goldenTarget(item: GoldenItem, sources: readonly AnswerSource[], abstentionText: string): { text: string; target: TargetSource } | { skip: string } {
  if (!item.answerable) return { text: abstentionText, target: 'abstention' };
  const answer = item.answers[0];
  if (answer === undefined || answer.trim() === '') return { skip: 'no golden answer (pass a teacher model to write the target)' };
  if (item.outputSchema && !_validJson(answer, item.outputSchema)) return { skip: 'the golden answer does not satisfy the item\'s outputSchema' };
  return { text: _withCitations(answer, sources), target: 'golden' };
}

/**
 * A stronger model's output for the prompt, kept only when it behaves: valid against the item's schema,
 * abstaining exactly on unanswerable items. Undefined otherwise (the caller falls back to the golden target).
 */
export async function _teacherTarget(teacher: ChatModel, item: GoldenItem, messages: TrainingMessage[], abstentionText: string, signal?: AbortSignal): Promise<string | undefined> {
  const schema = item.outputSchema;
  const r = await generateText({
    model: teacher, temperature: 0, abortSignal: signal, messages: messages.map((m) => ({ role: m.role as 'system' | 'user' | 'assistant', content: m.content ?? '' })),
    ...(schema ? { responseFormat: { type: 'json' as const, schema, name: 'answer' } } : {}),
  }).catch(() => undefined);
  const text = r?.text.trim();
  if (!text) return undefined;
  if (schema && !_validJson(text, schema)) return undefined;
  if (isDeclined(text, abstentionText) !== !item.answerable) return undefined;
  return text;
}

function _validJson(text: string, schema: Record<string, unknown>): boolean {
  try {
    return validateJsonSchema(schema, JSON.parse(text)).length === 0;
  } catch {
    return false;
  }
}
