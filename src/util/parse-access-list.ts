/**
 * The access-list syntax shared by the CLI (`--acl`), Markdown front matter (`acl:`) and record fields:
 * comma-separated entries, `group:<name>` names a group, any other entry names a principal exactly
 * (`user:alice`, `service:bot`). An empty string is an empty list: the whole tenant may read.
 */
import type { AccessList } from '../spec/access.js';
import { FathomError } from './errors.js';

/** Parse a string (`"user:alice, group:eng"`), an array of entries, or an `{ principals, groups }` object. */
export function parseAccessList(value: unknown, where = 'access list'): AccessList {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { principals = [], groups = [] } = value as { principals?: unknown; groups?: unknown };
    if (!_strings(principals) || !_strings(groups)) throw _invalid(where, 'principals and groups must be arrays of strings');
    return { principals: _unique(principals.map((p) => p.trim()).filter(Boolean)), groups: _unique(groups.map((g) => g.trim()).filter(Boolean)) };
  }
  const entries = typeof value === 'string' ? value.split(',') : Array.isArray(value) && _strings(value) ? value : undefined;
  if (!entries) throw _invalid(where, 'use "user:alice,group:eng", an array of such entries, or { principals, groups }');
  const acl: AccessList = { principals: [], groups: [] };
  for (const raw of entries.map((e) => e.trim()).filter(Boolean)) {
    if (raw.startsWith('group:')) {
      const group = raw.slice('group:'.length).trim();
      if (!group) throw _invalid(where, `'${raw}' names no group (write group:<name>)`);
      acl.groups.push(group);
    } else acl.principals.push(raw);
  }
  return { principals: _unique(acl.principals), groups: _unique(acl.groups) };
}

/** The same syntax back: `user:alice,group:eng` ('' for an open document). */
export function formatAccessList(acl: AccessList | undefined): string {
  return acl ? [...acl.principals, ...acl.groups.map((g) => `group:${g}`)].join(',') : '';
}

function _strings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function _unique(values: string[]): string[] {
  return [...new Set(values)];
}

function _invalid(where: string, reason: string): FathomError {
  return new FathomError({ code: 'INVALID_ARGUMENT', message: `Invalid ${where}: ${reason}.`, details: { where } });
}
