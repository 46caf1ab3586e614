import type { JsonSchema } from '../../../spec/chat-model.js';
import { formatJsonSchemaIssue, validateJsonSchema } from '../../../util/json-schema/validate-json-schema.js';

/** Input of {@link formatConsistency}. */
export interface FormatConsistencyInput {
  /** The answer text (parsed as JSON when `json` is absent; a ```json fence is tolerated). */
  text: string;
  /** The parsed structured output, when the pipeline produced one. */
  json?: unknown;
  schema: JsonSchema;
}

/** Output of {@link formatConsistency}. */
export interface FormatConsistencyResult {
  /** 1 when the output is JSON valid against the schema, else 0. */
  score: number;
  errors: string[];
}

/** Format consistency: does the answer parse as JSON and validate against the item's `outputSchema`? */
export function formatConsistency({ text, json, schema }: FormatConsistencyInput): FormatConsistencyResult {
  let value = json;
  if (value === undefined) {
    const parsed = _parseJson(text);
    if (!parsed.ok) return { score: 0, errors: ['answer is not JSON'] };
    value = parsed.value;
  }
  const errors = validateJsonSchema(schema, value).map(formatJsonSchemaIssue);
  return { score: errors.length === 0 ? 1 : 0, errors };
}

/** Parse JSON, tolerating a Markdown code fence around it. */
export function _parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(text);
  try {
    return { ok: true, value: JSON.parse(fenced ? fenced[1]! : text) };
  } catch {
    return { ok: false };
  }
}
