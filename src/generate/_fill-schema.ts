import type { JsonSchema } from '../spec/chat-model.js';
import { analyze } from '../util/text/analyzer.js';
import type { _Unit } from './_sentence-units.js';

type Field<U> = { name: string; value: string; unit: U };
const MONEY = /^(?:price|cost|usd|eur|gbp|fee|amount|dollar|euro)/;

/**
 * Structured output without a model: fills a flat object schema (string, number, integer and boolean
 * properties) from the "Header: value" fields of the quoted units, best unit first. A property takes the value of
 * the field whose header and value share most words with its name (`minimumSeats` ← "Seats: minimum 20"; a
 * money-named property prefers a value with a currency sign), converted to the property's type. Undefined when
 * a required property finds no value: the answer then stays a quote. `cited`: the units the values came from.
 */
export function _fillSchema<U extends Pick<_Unit, 'quote' | 'table'> & { n: number }>({ schema, units }: { schema: JsonSchema; units: readonly U[] }): { json: Record<string, unknown>; cited: U[] } | undefined {
  const props = schema.type === 'object' ? (schema.properties as Record<string, { type?: string }> | undefined) : undefined;
  if (!props) return undefined;
  const fields: Array<Field<U>> = units.flatMap((u) => (u.table ? u.table.header.map((h, i) => ({ name: h, value: u.table!.cells[i] ?? '', unit: u })) : []));
  const json: Record<string, unknown> = {};
  const cited = new Set<U>();
  for (const [name, prop] of Object.entries(props)) {
    const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
    const want = new Set(analyze(words));
    const money = words.toLowerCase().split(' ').some((w) => MONEY.test(w));
    let best: { value: unknown; score: number; unit: U } | undefined;
    for (const f of fields) {
      const value = _convert(f.value, prop.type);
      if (value === undefined) continue;
      const have = new Set(analyze(`${f.name} ${f.value}`));
      const score = [...want].filter((t) => have.has(t)).length + (money && /[$€£]/.test(f.value) ? 1 : 0);
      if (score > 0 && (!best || score > best.score)) best = { value, score, unit: f.unit };
    }
    if (best) {
      json[name] = best.value;
      cited.add(best.unit);
    }
  }
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : Object.keys(props);
  return required.every((r) => r in json) ? { json, cited: [...cited] } : undefined;
}

function _convert(text: string, type: string | undefined): unknown {
  if (type === 'number' || type === 'integer') {
    const m = /-?\d[\d,]*(?:\.\d+)?/.exec(text);
    const x = m ? Number(m[0].replace(/,/g, '')) : NaN;
    return Number.isFinite(x) && (type === 'number' || Number.isInteger(x)) ? x : undefined;
  }
  if (type === 'boolean') return /^(?:yes|true|included)$/i.test(text.trim()) ? true : /^(?:no|false|not included|—|-)$/i.test(text.trim()) ? false : undefined;
  return type === undefined || type === 'string' ? (text.trim() || undefined) : undefined;
}
