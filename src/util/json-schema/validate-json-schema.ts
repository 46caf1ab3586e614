/**
 * JSON Schema validation for the whole code base: draft 2020-12 through ajv (every keyword, `$ref`, `oneOf`,
 * `allOf`, `not`, `format`, …), compiled once per schema. Used for golden items, output schemas, tune lint and
 * `fathom.config.json`.
 */
import type { JsonSchema } from '../../spec/chat-model.js';
import { _compile } from './_compile.js';
import { _toIssues } from './_issues.js';
import type { JsonSchemaIssue } from './_issues.js';

export type { JsonSchemaIssue };

/** Issues of `value` against `schema` (empty when valid). An invalid schema throws INVALID_SCHEMA. */
export function validateJsonSchema(schema: JsonSchema | boolean, value: unknown): JsonSchemaIssue[] {
  const validate = _compile(schema);
  if (validate(value)) return [];
  return _toIssues(validate.errors ?? []);
}

/** `path: message`, the one-line form of an issue. */
export function formatJsonSchemaIssue(issue: JsonSchemaIssue): string {
  return `${issue.path}: ${issue.message}`;
}
