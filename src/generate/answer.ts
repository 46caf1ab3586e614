import type { Answer } from '../spec/answer.js';
import { generateText } from '../core/generate-text.js';
import type { AnswerOptions } from './answer-options.js';
import { _finishAnswer } from './_finish-answer.js';
import { _prepareAnswer } from './_prepare-answer.js';

/**
 * Answers a question from the tenant's documents (`context: 'retrieve'`), from given passages (the
 * evaluation's oracle mode), or closed-book (`'none'`). With a model: retrieval → abstain when the
 * sufficiency signal is below the threshold (no model call) → prompt with numbered, fenced sources within
 * the token budget → generation → decline detection → citation verification. Without a model the
 * extractive answerer quotes the best sentences (deterministic, offline). The result is logged to the
 * store's audit log unless `log: false`.
 */
export async function answer(options: AnswerOptions): Promise<Answer> {
  const prepared = await _prepareAnswer(options);
  if (prepared.abstainReason || !options.model || !prepared.prompt) return _finishAnswer(options, prepared);
  const perfNow = options._internal?.perfNow ?? (() => performance.now());
  const t0 = perfNow();
  const result = await generateText({
    model: options.model,
    messages: prepared.prompt.messages,
    temperature: options.temperature ?? 0,
    maxOutputTokens: options.maxOutputTokens ?? 512,
    responseFormat: options.responseFormat,
    abortSignal: options.signal,
  });
  return _finishAnswer(options, prepared, { text: result.text, usage: result.usage, json: result.json, generateMs: perfNow() - t0 });
}
