import type { JsonSchema } from '../../spec/chat-model.js';

/** What a (sub)schema allows, in words: `an integer from 1 to 1000`, `one of "rrf", "convex"`, `a non-empty string`. */
export function describeAllowed(schema: JsonSchema | undefined): string {
  if (!schema) return 'a valid value';
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map(_show).join(', ')}`;
  if ('const' in schema) return _show(schema.const);
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(describeAllowed).join(' or ');
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
  if (types.length === 0) return 'a valid value';
  return types.map((t) => _describeType(t, schema)).join(' or ');
}

function _describeType(type: string, s: JsonSchema): string {
  if (type === 'integer' || type === 'number') {
    const noun = type === 'integer' ? 'an integer' : 'a number';
    const lo = typeof s.minimum === 'number' ? { v: s.minimum, open: false } : typeof s.exclusiveMinimum === 'number' ? { v: s.exclusiveMinimum, open: true } : undefined;
    const hi = typeof s.maximum === 'number' ? { v: s.maximum, open: false } : typeof s.exclusiveMaximum === 'number' ? { v: s.exclusiveMaximum, open: true } : undefined;
    if (lo && hi) return !lo.open && !hi.open ? `${noun} from ${lo.v} to ${hi.v}` : `${noun} in ${lo.open ? '(' : '['}${lo.v}, ${hi.v}${hi.open ? ')' : ']'}`;
    if (lo) return `${noun} ${lo.open ? '>' : '≥'} ${lo.v}`;
    if (hi) return `${noun} ${hi.open ? '<' : '≤'} ${hi.v}`;
    return noun;
  }
  if (type === 'string') {
    const min = typeof s.minLength === 'number' ? s.minLength : 0;
    const max = typeof s.maxLength === 'number' ? s.maxLength : undefined;
    const base = min > 0 ? 'a non-empty string' : 'a string';
    const extra = [max !== undefined ? `at most ${max} characters` : '', s.format ? `format ${String(s.format)}` : '', s.pattern ? (typeof s.description === 'string' ? s.description.replace(/\.$/, '') : `matching /${String(s.pattern)}/`) : ''].filter(Boolean);
    return extra.length ? `${base} (${extra.join(', ')})` : base;
  }
  if (type === 'boolean') return 'true or false';
  if (type === 'null') return 'null';
  if (type === 'array') return 'a list';
  if (type === 'object') {
    const keys = s.properties && typeof s.properties === 'object' ? Object.keys(s.properties) : [];
    return keys.length ? `an object with keys ${keys.join(', ')}` : 'an object';
  }
  return type;
}

function _show(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}
