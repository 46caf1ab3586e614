/**
 * Filters and access lists as Postgres conditions over `{documents} d`, with numbered parameters, so they run in
 * the WHERE of every read and search (before any truncation). Same semantics as the SQLite backend's
 * filter-sql.ts/acl-sql.ts: a metadata value that is an array matches when any element matches; a document with
 * no access-list rows is open to the tenant.
 */
import type { Principal } from '../../spec/access.js';
import type { FilterCondition, FilterOperators, MetadataFilter } from '../../spec/filter.js';
import { FathomError } from '../../util/errors.js';
import { validatePrincipal } from '../sqlite/acl-sql.js';

/** Collects parameters; `add(v)` returns its `$n` placeholder. */
export interface Params {
  values: unknown[];
  add: (value: unknown) => string;
}

export function createParams(initial: unknown[] = []): Params {
  const values = [...initial];
  return { values, add: (v) => (values.push(v), `$${values.length}`) };
}

const documentColumns: Record<string, string> = {
  collection: 'd.collection', source: 'd.source', documentId: 'd.id', format: 'd.format', title: 'd.title',
  createdAt: 'd.created_at', updatedAt: 'd.updated_at', modifiedAt: 'd.modified_at',
};
const timeColumns = new Set(['createdAt', 'updatedAt', 'modifiedAt']);
const operators = new Set(['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte']);
const comparators = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** The filter AND the principal's access predicate. */
export function scopeSql(p: Params, options: { filter?: MetadataFilter; principal?: Principal }): string {
  return `(${filterSql(p, options.filter)}) AND (${accessSql(p, options.principal)})`;
}

/**
 * `true` without a principal (the trusted caller). `row` is the document row the predicate tests (`d.row`, or a
 * postings row's `p.document_row`, so a search checks access without visiting the documents table); over many rows
 * the planner runs both EXISTS as hashed subplans (each computed once per statement), over the tenant's ACL rows
 * only when `tenant` (its `$n`) is given.
 */
export function accessSql(p: Params, principal: Principal | undefined, row = 'd.row', tenant?: string): string {
  if (principal === undefined) return 'true';
  const { id, groups = [] } = validatePrincipal(principal);
  const own = tenant === undefined ? '' : `a.tenant_id = ${tenant} AND `;
  return `NOT EXISTS (SELECT 1 FROM {document_acl} a WHERE ${own}a.document_row = ${row})
    OR EXISTS (SELECT 1 FROM {document_acl} a WHERE ${own}a.document_row = ${row}
      AND ((a.kind = 'principal' AND a.value = ${p.add(id)}) OR (a.kind = 'group' AND a.value = ANY(${p.add(groups)}::text[]))))`;
}

/** `true` for an empty or absent filter. */
export function filterSql(p: Params, filter: MetadataFilter | undefined): string {
  const parts: string[] = [];
  for (const [key, condition] of Object.entries(filter ?? {})) {
    for (const [op, value] of Object.entries(_normalize(key, condition)) as Array<[keyof FilterOperators, unknown]>) {
      if (value === undefined) continue;
      parts.push(key in documentColumns ? _column(p, key, op, value) : _metadata(p, key, op, value));
    }
  }
  return parts.length ? parts.map((s) => `(${s})`).join(' AND ') : 'true';
}

function _normalize(key: string, condition: FilterCondition): FilterOperators {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
    if (!_isScalar(condition)) throw _invalid(key, 'a filter value must be a string, number, boolean or an operator object');
    return { eq: condition };
  }
  for (const op of Object.keys(condition)) if (!operators.has(op)) throw _invalid(key, `unknown operator '${op}' (use eq, ne, in, gt, gte, lt, lte)`);
  if (condition.in !== undefined && !Array.isArray(condition.in)) throw _invalid(key, "'in' takes an array");
  return condition;
}

function _column(p: Params, key: string, op: keyof FilterOperators, value: unknown): string {
  const time = timeColumns.has(key);
  const column = time ? `${documentColumns[key]!}::float8` : `${documentColumns[key]!}::text`;
  const bind = (v: unknown) => {
    if (!_isScalar(v)) throw _invalid(key, `'${op}' takes a string, number or boolean`);
    if (time) {
      const n = typeof v === 'string' ? Date.parse(v) : Number(v);
      return Number.isNaN(n) ? `${p.add(null)}::float8` : `${p.add(n)}::float8`;
    }
    return `${p.add(String(v))}::text COLLATE "C"`;
  };
  if (op === 'eq') return `${column} = ${bind(value)}`;
  if (op === 'ne') return `${column} IS NULL OR ${column} <> ${bind(value)}`;
  if (op === 'in') {
    const values = value as unknown[];
    return values.length === 0 ? 'false' : `${column} IN (${values.map(bind).join(', ')})`;
  }
  return `${column} ${comparators[op]} ${bind(value)}`;
}

function _metadata(p: Params, key: string, op: keyof FilterOperators, value: unknown): string {
  const path = p.add(_path(key));
  // Each element of an array value, or the value itself (json_each semantics).
  const any = (test: string) =>
    `EXISTS (SELECT 1 FROM jsonb_array_elements(CASE jsonb_typeof(d.meta #> ${path}::text[]) WHEN 'array' THEN d.meta #> ${path}::text[] ELSE jsonb_build_array(d.meta #> ${path}::text[]) END) j(v) WHERE ${test})`;
  const equals = (v: unknown) => {
    if (!_isScalar(v)) throw _invalid(key, `'${op}' takes a string, number or boolean`);
    if (typeof v === 'boolean') return `j.v = '${v ? 'true' : 'false'}'::jsonb`;
    if (typeof v === 'number') return `(CASE WHEN jsonb_typeof(j.v) = 'number' THEN (j.v #>> '{}')::float8 = ${p.add(v)}::float8 ELSE false END)`;
    return `(jsonb_typeof(j.v) = 'string' AND (j.v #>> '{}') COLLATE "C" = ${p.add(v)}::text)`;
  };
  if (op === 'eq') return _guard(p, key, [value]) + any(equals(value));
  if (op === 'ne') return `NOT ${any(equals(value))}`;
  if (op === 'in') {
    const values = value as unknown[];
    return values.length === 0 ? 'false' : _guard(p, key, values) + any(values.map((v) => `(${equals(v)})`).join(' OR '));
  }
  if (typeof value !== 'number' && typeof value !== 'string') throw _invalid(key, `'${op}' takes a number or a string`);
  const cmp = comparators[op as keyof typeof comparators];
  if (typeof value === 'number') return any(`(CASE WHEN jsonb_typeof(j.v) = 'number' THEN (j.v #>> '{}')::float8 ${cmp} ${p.add(value)}::float8 ELSE false END)`);
  return any(`(jsonb_typeof(j.v) = 'string' AND (j.v #>> '{}') COLLATE "C" ${cmp} ${p.add(value)}::text)`);
}

/**
 * A containment test the `documents_meta` GIN index (jsonb_path_ops) answers, ANDed before the exact test: true
 * whenever the exact test is (the value at the path is `v`, or an array with element `v`), so it only narrows the
 * documents the exact test visits. Strings and booleans only (jsonb compares numbers as numeric, the exact test as
 * float8), and not when a path step could index an array (`#>` reads `a.0` as an element of an array `a`).
 */
function _guard(p: Params, key: string, values: unknown[]): string {
  const path = key.split('.');
  if (path.some((s) => !/^[^\d\s+-]/.test(s)) || !values.every((v) => typeof v === 'string' || typeof v === 'boolean')) return '';
  const nest = (leaf: unknown) => JSON.stringify(path.reduceRight<unknown>((inner, step) => ({ [step]: inner }), leaf));
  return `(${values.flatMap((v) => [nest(v), nest([v])]).map((j) => `d.meta @> ${p.add(j)}::jsonb`).join(' OR ')}) AND `;
}

function _path(key: string): string[] {
  const parts = key.split('.');
  if (parts.some((s) => s.length === 0 || s.includes('"'))) throw _invalid(key, 'metadata keys are dotted paths of non-empty names without double quotes');
  return parts;
}

function _isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function _invalid(key: string, reason: string): FathomError {
  return new FathomError({ code: 'INVALID_ARGUMENT', message: `Invalid filter on '${key}': ${reason}.`, details: { key } });
}
