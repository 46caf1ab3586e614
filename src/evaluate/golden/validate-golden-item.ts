import type { GoldenItem } from '../../spec/evaluation.js';
import type { JsonSchema } from '../../spec/chat-model.js';
import { formatJsonSchemaIssue, validateJsonSchema } from '../../util/json-schema/validate-json-schema.js';
import { goldenItemSchema } from './golden-item-schema.js';

type Schema = JsonSchema & { properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; const?: unknown };

/** Result of {@link validateGoldenItem}: the item with defaults applied, or what is wrong with it. */
export type GoldenItemValidation = { ok: true; item: GoldenItem } | { ok: false; errors: string[] };

/**
 * Validates one parsed golden-set line against `schemas/golden-item.schema.json`, plus what a schema cannot
 * say: regex constraints compile, spans have `start < end`, an unanswerable item lists no answers.
 * Applies defaults: `answers: []`, `sources: []`, `answerable: true`.
 */
export function validateGoldenItem(value: unknown): GoldenItemValidation {
  const schema = goldenItemSchema() as Schema;
  const errors = validateJsonSchema(schema, value).map(formatJsonSchemaIssue).map((e) => _explainAnyOf(schema, value, e));
  if (errors.length > 0) return { ok: false, errors };
  const raw = value as Partial<GoldenItem> & { id: string; question: string };
  const item: GoldenItem = { ...raw, answers: raw.answers ?? [], sources: raw.sources ?? [], answerable: raw.answerable ?? true };
  item.sources.forEach((s, i) => {
    if ('start' in s && s.start >= s.end) errors.push(`$.sources[${i}]: span start (${s.start}) must be before end (${s.end})`);
  });
  (item.constraints ?? []).forEach((c, i) => {
    if (c.type !== 'regex') return;
    try {
      new RegExp(c.pattern, c.flags);
    } catch (e) {
      errors.push(`$.constraints[${i}]: invalid regex: ${(e as Error).message}`);
    }
  });
  if (!item.answerable && item.answers.length > 0) errors.push('$.answers: an unanswerable item (answerable: false) must not list answers');
  if (item.question.trim().length === 0) errors.push('$.question: must not be blank');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, item };
}

// "matches none of anyOf" says little: re-validate against the branch the value's `type` (constraints) or keys (sources) pick.
function _explainAnyOf(schema: Schema, value: unknown, error: string): string {
  const m = /^\$\.(constraints|sources)\[(\d+)\]: matches none of anyOf$/.exec(error);
  if (!m) return error;
  const v = ((value as Record<string, unknown[]>)[m[1]!] ?? [])[Number(m[2])] as Record<string, unknown> | undefined;
  const branches = ((schema.properties?.[m[1]!]?.items as Schema | undefined)?.anyOf ?? []);
  const path = `$.${m[1]}[${m[2]}]`;
  if (m[1] === 'constraints') {
    const branch = branches.find((b) => (b.properties?.type as Schema | undefined)?.const === v?.type);
    if (!branch) return `${path}.type: must be one of ${branches.map((b) => JSON.stringify((b.properties?.type as Schema).const)).join(', ')}`;
    return validateJsonSchema(branch, v).map((i) => `${path}${formatJsonSchemaIssue(i).slice(1)}`).join('; ');
  }
  return `${path}: must be {"documentId"}, {"chunkId"} or {"documentId", "start", "end"} with integer offsets`;
}
