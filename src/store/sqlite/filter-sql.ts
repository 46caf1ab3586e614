/**
 * Compile a {@link MetadataFilter} into a SQL condition over the `documents` table (alias `d`), so filters
 * run inside a search, before any truncation. Metadata keys go through `json_each`, so a filter on an array
 * value matches when any element matches.
 */
import type { Principal } from '../../spec/access.js';
import type { FilterCondition, FilterOperators, FilterScalar, MetadataFilter } from '../../spec/filter.js';
import { FathomError } from '../../util/errors.js';
import { compileAccess } from './acl-sql.js';
import type { SqlCondition } from './acl-sql.js';

export type { SqlCondition };

const documentColumns: Record<string, string> = {
  collection: 'd.collection',
  source: 'd.source',
  documentId: 'd.id',
  format: 'd.format',
  title: 'd.title',
  createdAt: 'd.created_at',
  updatedAt: 'd.updated_at',
  modifiedAt: 'd.modified_at',
};
const timeColumns = new Set(['createdAt', 'updatedAt', 'modifiedAt']);
const operators = new Set(['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte']);
const comparators = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** `1` (true) for an empty or absent filter. */
export function compileFilter(filter: MetadataFilter | undefined): SqlCondition {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [key, condition] of Object.entries(filter ?? {})) {
    const ops = _normalize(key, condition);
    for (const [op, value] of Object.entries(ops) as Array<[keyof FilterOperators, unknown]>) {
      if (value === undefined) continue;
      const c = key in documentColumns ? _columnCondition(key, op, value) : _metadataCondition(key, op, value);
      parts.push(c.sql);
      params.push(...c.params);
    }
  }
  return { sql: parts.length ? parts.map((p) => `(${p})`).join(' AND ') : '1', params };
}

/** The filter AND the principal's access predicate: what a read or search may see of a tenant's documents. */
export function compileScope(options: { filter?: MetadataFilter; principal?: Principal }): SqlCondition {
  const filter = compileFilter(options.filter);
  const access = compileAccess(options.principal);
  return { sql: `(${filter.sql}) AND (${access.sql})`, params: [...filter.params, ...access.params] };
}

function _normalize(key: string, condition: FilterCondition): FilterOperators {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
    if (!_isScalar(condition)) throw _invalid(key, 'a filter value must be a string, number, boolean or an operator object');
    return { eq: condition };
  }
  for (const op of Object.keys(condition)) {
    if (!operators.has(op)) throw _invalid(key, `unknown operator '${op}' (use eq, ne, in, gt, gte, lt, lte)`);
  }
  if (condition.in !== undefined && !Array.isArray(condition.in)) throw _invalid(key, "'in' takes an array");
  return condition;
}

function _columnCondition(key: string, op: keyof FilterOperators, value: unknown): SqlCondition {
  const column = documentColumns[key]!;
  const bind = (v: unknown) => {
    if (!_isScalar(v)) throw _invalid(key, `'${op}' takes a string, number or boolean`);
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'string' && timeColumns.has(key) && !Number.isNaN(Date.parse(v))) return Date.parse(v);
    return v;
  };
  if (op === 'eq') return { sql: `${column} = ?`, params: [bind(value)] };
  if (op === 'ne') return { sql: `${column} IS NULL OR ${column} <> ?`, params: [bind(value)] };
  if (op === 'in') {
    const values = value as unknown[];
    if (values.length === 0) return { sql: '0', params: [] };
    return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: values.map(bind) };
  }
  return { sql: `${column} ${comparators[op]} ?`, params: [bind(value)] };
}

function _metadataCondition(key: string, op: keyof FilterOperators, value: unknown): SqlCondition {
  const path = _jsonPath(key);
  const any = (test: SqlCondition): SqlCondition => ({
    sql: `EXISTS (SELECT 1 FROM json_each(d.metadata, ?) j WHERE ${test.sql})`,
    params: [path, ...test.params],
  });
  const equals = (v: unknown): SqlCondition => {
    if (!_isScalar(v)) throw _invalid(key, `'${op}' takes a string, number or boolean`);
    if (typeof v === 'boolean') return { sql: `j.type = '${v ? 'true' : 'false'}'`, params: [] };
    if (typeof v === 'number') return { sql: `j.type IN ('integer', 'real') AND j.value = ?`, params: [v] };
    return { sql: `j.type = 'text' AND j.value = ?`, params: [v] };
  };
  if (op === 'eq') return any(equals(value));
  if (op === 'ne') {
    const c = any(equals(value));
    return { sql: `NOT ${c.sql}`, params: c.params };
  }
  if (op === 'in') {
    const values = value as unknown[];
    if (values.length === 0) return { sql: '0', params: [] };
    const tests = values.map(equals);
    return any({ sql: tests.map((t) => `(${t.sql})`).join(' OR '), params: tests.flatMap((t) => t.params) });
  }
  if (typeof value !== 'number' && typeof value !== 'string') throw _invalid(key, `'${op}' takes a number or a string`);
  const type = typeof value === 'number' ? `j.type IN ('integer', 'real')` : `j.type = 'text'`;
  return any({ sql: `${type} AND j.value ${comparators[op as keyof typeof comparators]} ?`, params: [value] });
}

function _jsonPath(key: string): string {
  const parts = key.split('.');
  if (parts.some((p) => p.length === 0 || p.includes('"'))) throw _invalid(key, 'metadata keys are dotted paths of non-empty names without double quotes');
  return '$' + parts.map((p) => `."${p}"`).join('');
}

function _isScalar(v: unknown): v is FilterScalar {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function _invalid(key: string, reason: string): FathomError {
  return new FathomError({ code: 'INVALID_ARGUMENT', message: `Invalid filter on '${key}': ${reason}.`, details: { key } });
}
