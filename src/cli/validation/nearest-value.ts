import type { JsonSchema } from '../../spec/chat-model.js';
import { closestMatch } from '../../util/text/closest-match.js';

/**
 * The valid value nearest to `value` under `schema`, when there is an obvious one: the closest enum entry by
 * spelling, a number clamped into its range (rounded for integers; `0x10` read as 16). Undefined otherwise.
 */
export function nearestValue(schema: JsonSchema | undefined, value: unknown): string | number | undefined {
  if (!schema) return undefined;
  if (Array.isArray(schema.enum)) {
    const options = schema.enum.filter((e): e is string => typeof e === 'string');
    return typeof value === 'string' ? closestMatch(value, options) : undefined;
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type];
  if (!types.includes('integer') && !types.includes('number')) return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : NaN;
  if (Number.isNaN(n)) return undefined;
  const lo = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + (types.includes('integer') ? 1 : 0) : -Infinity;
  const hi = typeof schema.maximum === 'number' ? schema.maximum : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - (types.includes('integer') ? 1 : 0) : Infinity;
  let v = Math.min(hi, Math.max(lo, n));
  if (types.includes('integer') && !types.includes('number')) v = Math.min(hi, Math.max(lo, Math.round(v)));
  if (!Number.isFinite(v) || (typeof schema.exclusiveMinimum === 'number' && v <= schema.exclusiveMinimum)) return undefined;
  return v === n && typeof value === 'number' ? undefined : v;
}
