import type { ErrorObject } from 'ajv/dist/2020.js';
import type { JsonSchema } from '../../spec/chat-model.js';

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

/** ajv errors → issues: JSON paths, plain messages, and one issue per failed anyOf/oneOf (not one per branch). */
export function _toIssues(errors: readonly ErrorObject[]): JsonSchemaIssue[] {
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  const kept = errors.filter((e) => !combinators.some((c) => e.schemaPath.startsWith(c)));
  const seen = new Set<string>();
  const out: JsonSchemaIssue[] = [];
  for (const e of kept) {
    const issue = _issue(e);
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      const count = Array.isArray(e.schema) ? e.schema.length : 0;
      issue.branches = Array.from({ length: count }, (_, i) => _toIssues(errors.filter((x) => x.schemaPath.startsWith(`${e.schemaPath}/${i}/`))));
    }
    if (e.parentSchema && typeof e.parentSchema === 'object') issue.schema = e.parentSchema as JsonSchemaIssue['schema'];
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}

function _issue(e: ErrorObject): JsonSchemaIssue {
  const path = _jsonPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  const keys = parent.properties && typeof parent.properties === 'object' ? Object.keys(parent.properties) : undefined;
  switch (e.keyword) {
    case 'type':
      return { path, keyword: e.keyword, value: e.data, message: `expected ${String(p.type).replace(/,/g, ' or ')}, got ${_typeOf(e.data)}` };
    case 'required':
      return { path, keyword: e.keyword, value: e.data, property: String(p.missingProperty), allowed: keys, message: `missing required property "${String(p.missingProperty)}"` };
    case 'additionalProperties':
      return { path, keyword: e.keyword, value: e.data, property: String(p.additionalProperty), allowed: keys, message: `unexpected property "${String(p.additionalProperty)}"` };
    case 'enum':
      return { path, keyword: e.keyword, value: e.data, allowed: p.allowedValues as unknown[], message: `must be one of ${JSON.stringify(p.allowedValues)}` };
    case 'const':
      return { path, keyword: e.keyword, value: e.data, allowed: [p.allowedValue], message: `must equal ${JSON.stringify(p.allowedValue)}` };
    case 'anyOf':
      return { path, keyword: e.keyword, value: e.data, message: 'matches none of anyOf' };
    case 'oneOf':
      return { path, keyword: e.keyword, value: e.data, message: p.passingSchemas ? 'matches more than one of oneOf' : 'matches none of oneOf' };
    default:
      return { path, keyword: e.keyword, value: e.data, message: e.message ?? `fails "${e.keyword}"` };
  }
}

/** `/sources/0/start` → `$.sources[0].start` (JSON pointer escapes undone). */
function _jsonPath(pointer: string): string {
  if (pointer === '') return '$';
  return `$${pointer.split('/').slice(1).map((raw) => {
    const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(s) ? `[${s}]` : /^[A-Za-z_$][\w$-]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  }).join('')}`;
}

function _typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}
