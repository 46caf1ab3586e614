import { parse } from 'yaml';

/**
 * Split YAML front matter (`---` … `---` or `...` at the very start) from a Markdown body and parse it with a
 * real YAML parser, so lists and nested maps are kept. Front matter that is not a YAML map (a scalar, a list,
 * invalid YAML) is left in the body untouched: it was probably not front matter.
 */
export function parseFrontMatter(text: string): { body: string; fields: Record<string, unknown> } {
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { body: text, fields: {} };
  let fields: unknown;
  try {
    fields = parse(match[1]!, { maxAliasCount: 50 });
  } catch {
    return { body: text, fields: {} };
  }
  if (fields === null || fields === undefined) return { body: text.slice(match[0].length), fields: {} };
  if (typeof fields !== 'object' || Array.isArray(fields)) return { body: text, fields: {} };
  return { body: text.slice(match[0].length), fields: _jsonSafe(fields) as Record<string, unknown> };
}

/** Dates become ISO strings; everything else is already JSON. */
function _jsonSafe(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (Array.isArray(value)) return value.map(_jsonSafe);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, _jsonSafe(v)]));
  return value;
}
