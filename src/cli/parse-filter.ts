import type { FilterCondition, MetadataFilter } from '../spec/filter.js';
import { FathomError } from '../util/errors.js';

/**
 * Parse `--filter` flags: `key=value` (equality), `key!=value`, `key>=n`, `key<=n`, `key>n`, `key<n`,
 * `key=a|b|c` (in). Numbers and booleans are typed; repeated flags AND together.
 */
export function parseFilter(input: string | string[] | undefined): MetadataFilter | undefined {
  if (input === undefined) return undefined;
  const items = Array.isArray(input) ? input : [input];
  const filter: MetadataFilter = {};
  for (const item of items) {
    const m = /^([^=!<>]+)(!=|>=|<=|=|>|<)(.*)$/.exec(item);
    if (!m) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Bad --filter "${item}": use key=value, key!=value, key>=n, key<=n, key>n, key<n or key=a|b.` });
    const [, rawKey, op, raw] = m as unknown as [string, string, string, string];
    const key = _checkKey(rawKey.trim(), item);
    if (TIME_FIELDS.has(key)) _checkTimes(key, op === '=' ? raw.split('|') : [raw], item);
    const prev = filter[key];
    const cond: FilterCondition =
      op === '=' ? (raw.includes('|') ? { in: raw.split('|').map(typed) } : typed(raw))
      : op === '!=' ? { ne: typed(raw) }
      : { [op === '>=' ? 'gte' : op === '<=' ? 'lte' : op === '>' ? 'gt' : 'lt']: numOrString(raw) };
    filter[key] = prev !== undefined && typeof prev === 'object' && typeof cond === 'object' ? { ...prev, ...cond } : cond;
  }
  return filter;
}

const TIME_FIELDS = new Set(['createdAt', 'updatedAt', 'modifiedAt']);

// Metadata keys are dotted paths of plain names: no quotes, backslashes, spaces or control characters.
function _checkKey(key: string, item: string): string {
  if (key.split('.').some((part) => part === '' || /[\s"'\\\u0000-\u001f\u007f]/.test(part))) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Bad --filter "${item}": the key "${key}" must be a field (collection, source, format, title, createdAt, updatedAt, modifiedAt) or a metadata key such as author or meta.team (dotted names without quotes, backslashes or spaces).`, details: { flag: '--filter', value: item } });
  }
  return key;
}

// A time field compares with a date (2026-01-01, 2026-01-01T12:00:00Z) or epoch milliseconds; anything else would match nothing.
function _checkTimes(key: string, values: string[], item: string): void {
  for (const v of values) {
    if (v.trim() !== '' && (Number.isFinite(Number(v)) || !Number.isNaN(Date.parse(v)))) continue;
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Bad --filter "${item}": ${key} compares with a date such as 2026-01-01 (or epoch milliseconds), got "${v}".`, details: { flag: '--filter', value: item } });
  }
}

function typed(raw: string): string | number | boolean {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return numOrString(raw);
}

function numOrString(raw: string): string | number {
  return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
}
