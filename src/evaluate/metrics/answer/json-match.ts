import { normalizeAnswer } from './normalize-answer.js';
import { _parseJson } from './format-consistency.js';

/** Input of {@link jsonMatch}. */
export interface JsonMatchInput {
  /** The structured answer (parsed), or its text. */
  prediction: unknown;
  /** Reference answers; those that parse as JSON objects are compared. */
  references: readonly string[];
}

/**
 * JSON match, for structured answers: 1 when the prediction is a JSON object holding every field of some
 * JSON-object reference with an equal value (strings compared after SQuAD normalisation, numbers and
 * booleans exactly, nested objects recursively, arrays element-wise), else 0. Extra fields are allowed.
 * Undefined when no reference is a JSON object.
 */
export function jsonMatch({ prediction, references }: JsonMatchInput): number | undefined {
  const refs = references.map((r) => _parseJson(r)).filter((r) => r.ok && _isObject(r.value)).map((r) => (r as { value: unknown }).value);
  if (refs.length === 0) return undefined;
  const pred = typeof prediction === 'string' ? (_parseJson(prediction) as { value?: unknown }).value : prediction;
  return refs.some((r) => _covers(pred, r)) ? 1 : 0;
}

const _isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function _covers(pred: unknown, ref: unknown): boolean {
  if (_isObject(ref)) return _isObject(pred) && Object.entries(ref).every(([k, v]) => _covers(pred[k], v));
  if (Array.isArray(ref)) return Array.isArray(pred) && pred.length === ref.length && ref.every((v, i) => _covers(pred[i], v));
  if (typeof ref === 'string') return typeof pred === 'string' && normalizeAnswer(pred) === normalizeAnswer(ref);
  return pred === ref;
}
