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
    const [, key, op, raw] = m as unknown as [string, string, string, string];
    const prev = filter[key.trim()];
    const cond: FilterCondition =
      op === '=' ? (raw.includes('|') ? { in: raw.split('|').map(typed) } : typed(raw))
      : op === '!=' ? { ne: typed(raw) }
      : { [op === '>=' ? 'gte' : op === '<=' ? 'lte' : op === '>' ? 'gt' : 'lt']: numOrString(raw) };
    filter[key.trim()] = prev !== undefined && typeof prev === 'object' && typeof cond === 'object' ? { ...prev, ...cond } : cond;
  }
  return filter;
}

function typed(raw: string): string | number | boolean {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return numOrString(raw);
}

function numOrString(raw: string): string | number {
  return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
}
