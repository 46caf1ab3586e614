/**
 * JSON Schema validation for the whole code base: draft 2020-12 through ajv (every keyword, `$ref`, `oneOf`,
 * `allOf`, `not`, `format`, …), compiled once per schema. Used for golden items, output schemas, tune lint and
 * `fathom.config.json`.
 */
import type { JsonSchema } from '../../spec/chat-model.js';
import { _compile } from './_compile.js';
import { _toIssues } from './_issues.js';

/** One way a value fails its schema. */
export interface JsonSchemaIssue {
  /** Where, as a JSON path: `$`, `$.store.path`, `$.sources[0]`. */
  path: string;
  /** The JSON Schema keyword that failed: `type`, `required`, `additionalProperties`, `enum`, `minimum`, `oneOf`, … */
  keyword: string;
  /** What is wrong, in words: `expected integer, got string`, `unexpected property "stor"`. */
  message: string;
  /** The offending value (for `required`/`additionalProperties`: the object holding it). */
  value?: unknown;
  /** What the schema allows here, when it is a list: enum values, or the property names of the object. */
  allowed?: unknown[];
  /** The property named by `required` or `additionalProperties`. */
  property?: string;
  /** The (sub)schema whose keyword failed: enough to say what is allowed. */
  schema?: JsonSchema;
  /** `anyOf`/`oneOf`: the issues of each branch, in branch order (the caller may pick the branch the value meant). */
  branches?: JsonSchemaIssue[][];
}

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
