/** The query audit log and tenant-scoped meta key/values. */
import type { QueryLogEntry } from '../../spec/audit.js';
import type { SqliteContext } from './context.js';

export function appendQueryLog(ctx: SqliteContext, entry: QueryLogEntry): void {
  const tenantId = ctx.tenantId(entry.tenant, true)!;
  ctx.stmt('INSERT INTO query_log (tenant_id, id, at, entry) VALUES (?, ?, ?, ?)').run(tenantId, entry.id, entry.at, JSON.stringify(entry));
}

/** The indexed expression (migration v7): the same text here and in the index, or SQLite cannot use it (named: without ANALYZE statistics the planner picks query_log_at and filters). */
const _PRINCIPAL = "json_extract(entry, '$.metadata.principal')";

/** Entries at or after `since`, newest first; with `principal`, only theirs (index `query_log_principal`). */
export function listQueryLog(ctx: SqliteContext, options: { tenant: string; since?: number; until?: number; limit?: number; principal?: string }): QueryLogEntry[] {
  const tenantId = ctx.tenantId(options.tenant);
  if (tenantId === undefined) return [];
  const range = [options.since ?? Number.MIN_SAFE_INTEGER, options.until ?? Number.MAX_SAFE_INTEGER, options.limit ?? -1];
  const rows = (options.principal === undefined
    ? ctx.stmt('SELECT entry FROM query_log WHERE tenant_id = ? AND at >= ? AND at < ? ORDER BY at DESC, rowid DESC LIMIT ?').pluck().all(tenantId, ...range)
    : ctx.stmt(`SELECT entry FROM query_log INDEXED BY query_log_principal WHERE tenant_id = ? AND ${_PRINCIPAL} = ? AND at >= ? AND at < ? ORDER BY at DESC, rowid DESC LIMIT ?`).pluck().all(tenantId, options.principal, ...range)) as string[];
  return rows.map((r) => JSON.parse(r) as QueryLogEntry);
}

/** One entry by id (index `query_log_id`). */
export function getQueryLogEntry(ctx: SqliteContext, options: { tenant: string; id: string }): QueryLogEntry | undefined {
  const tenantId = ctx.tenantId(options.tenant);
  if (tenantId === undefined) return undefined;
  const raw = ctx.stmt('SELECT entry FROM query_log WHERE tenant_id = ? AND id = ? ORDER BY rowid DESC LIMIT 1').pluck().get(tenantId, options.id) as string | undefined;
  return raw === undefined ? undefined : (JSON.parse(raw) as QueryLogEntry);
}

export function getMeta(ctx: SqliteContext, tenant: string, key: string): string | undefined {
  const tenantId = ctx.tenantId(tenant);
  if (tenantId === undefined) return undefined;
  return ctx.stmt('SELECT value FROM meta WHERE tenant_id = ? AND key = ?').pluck().get(tenantId, key) as string | undefined;
}

export function setMeta(ctx: SqliteContext, tenant: string, key: string, value: string): void {
  const tenantId = ctx.tenantId(tenant, true)!;
  ctx.stmt('INSERT INTO meta (tenant_id, key, value) VALUES (?, ?, ?) ON CONFLICT (tenant_id, key) DO UPDATE SET value = excluded.value').run(tenantId, key, value);
}

export function listMetaKeys(ctx: SqliteContext, tenant: string): string[] {
  const tenantId = ctx.tenantId(tenant);
  if (tenantId === undefined) return [];
  return ctx.stmt('SELECT key FROM meta WHERE tenant_id = ? ORDER BY key').pluck().all(tenantId) as string[];
}
