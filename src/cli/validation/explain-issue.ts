import type { JsonSchema } from '../../spec/chat-model.js';
import { closestMatch } from '../../util/text/closest-match.js';
import type { JsonSchemaIssue } from '../../util/json-schema/validate-json-schema.js';
import { describeAllowed } from './describe-allowed.js';
import { nearestValue } from './nearest-value.js';

/** A schema issue made for people: the key path, the bad value, what is allowed and the nearest valid key or value. */
export interface ExplainedIssue {
  /** Dotted key path (`ingest.chunker.maxTokens`), `(root)` for the whole document. */
  key: string;
  /** The offending value (the unknown key's value for an unknown key). */
  value?: unknown;
  allowed: string;
  /** Nearest valid key or value, when one is close. */
  suggestion?: string | number;
  /** One line: what is wrong and what to write instead. */
  text: string;
}

/** Issues → explained issues; `anyOf`/`oneOf` failures are replaced by the issues of the branch the value meant. */
export function explainIssues(issues: readonly JsonSchemaIssue[]): ExplainedIssue[] {
  return issues.flatMap((issue) => _pickBranch(issue)).map(_explain);
}

/** For `null | {provider: …}` unions: the branch whose `provider` the value names. */
function _pickBranch(issue: JsonSchemaIssue): JsonSchemaIssue[] {
  if (!issue.branches || !issue.schema) return [issue];
  const value = issue.value as Record<string, unknown> | null;
  const options = ((issue.schema.anyOf ?? issue.schema.oneOf ?? []) as JsonSchema[]);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [issue];
  const providers = options.map((o) => ((o.properties as Record<string, JsonSchema> | undefined)?.provider?.const));
  if (providers.every((p) => p === undefined)) return [issue];
  const i = providers.findIndex((p) => p !== undefined && p === value.provider);
  if (i >= 0) return issue.branches[i]!.flatMap(_pickBranch);
  const names = providers.filter((p): p is string => typeof p === 'string');
  const path = `${issue.path}.provider`;
  return [{ path, keyword: 'enum', value: value.provider, message: `must be one of ${JSON.stringify(names)}`, schema: { enum: names } }];
}

function _explain(issue: JsonSchemaIssue): ExplainedIssue {
  const key = issue.path === '$' ? '(root)' : issue.path.replace(/^\$\.?/, '');
  const where = issue.path === '$' ? 'at the top level' : `in ${key}`;
  if (issue.keyword === 'additionalProperties' || issue.keyword === 'unevaluatedProperties') {
    const allowed = ((issue.allowed ?? []) as string[]).filter((k) => k !== '$schema');
    const suggestion = closestMatch(issue.property ?? '', allowed);
    const full = issue.path === '$' ? issue.property! : `${key}.${issue.property}`;
    return {
      key: full, value: (issue.value as Record<string, unknown> | undefined)?.[issue.property ?? ''], allowed: allowed.join(', '), suggestion,
      text: `unknown key "${issue.property}" ${where}${suggestion ? ` — did you mean "${suggestion}"?` : '.'} Valid keys ${where}: ${allowed.join(', ')}.`,
    };
  }
  if (issue.keyword === 'required') {
    const full = issue.path === '$' ? issue.property! : `${key}.${issue.property}`;
    const sub = (issue.schema?.properties as Record<string, JsonSchema> | undefined)?.[issue.property ?? ''];
    return { key: full, allowed: describeAllowed(sub), text: `${full} is missing: it is required here (${describeAllowed(sub)}).` };
  }
  const allowed = describeAllowed(issue.schema);
  const suggestion = nearestValue(issue.schema, issue.value);
  const shown = _show(issue.value);
  return {
    key, value: issue.value, allowed, suggestion,
    text: `${key}: ${shown} is not allowed${issue.keyword === 'type' ? ` (${issue.message})` : ''}; use ${allowed}${suggestion !== undefined ? ` — nearest valid value: ${_show(suggestion)}` : ''}.`,
  };
}

/** A value as JSON, cut at 60 characters (control characters escaped by JSON). */
export function _show(v: unknown): string {
  const s = v === undefined ? 'undefined' : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
