/**
 * Request-body validation through the shared JSON-Schema module (`util/json-schema`: ajv, draft 2020-12,
 * compiled once per schema). Errors are INVALID_ARGUMENT with every issue as `{ path, message }`.
 */
import type { JsonSchema } from '../spec/chat-model.js';
import { FathomError } from '../util/errors.js';
import { formatJsonSchemaIssue, validateJsonSchema } from '../util/json-schema/validate-json-schema.js';

/** `body` (already parsed JSON) checked against `schema`; returns it typed or throws. */
export function validateBody<T>(schema: object, body: unknown): T {
  const found = validateJsonSchema(schema as JsonSchema, body);
  if (found.length === 0) return body as T;
  const issues = found.slice(0, 20).map((i) => ({ path: i.path, message: i.message, ...(i.allowed ? { allowed: i.allowed } : {}) }));
  const name = (schema as { $id?: string }).$id ?? 'request';
  throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Invalid ${name}: ${found.slice(0, 20).map(formatJsonSchemaIssue).join('; ')}.`, details: { issues } });
}
