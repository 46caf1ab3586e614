/** The query audit log (append, list, purge/redact), tenant meta and the contextual-retrieval context cache. */
import type { QueryLogEntry } from '../../spec/audit.js';
import type { OnlineScores, QueryFeedback } from '../../spec/monitor.js';
import type { CachedContext, PurgeQueryLogOptions } from '../../spec/store.js';
import { FathomError } from '../../util/errors.js';
import { entryDocumentIds, redactQueryLogEntry } from '../sqlite/redact-query-log.js';
import type { PgContext, Queryable } from './context.js';

export async function appendQueryLog(ctx: PgContext, entry: QueryLogEntry): Promise<void> {
  const tenantId = (await ctx.tenantId(entry.tenant, true))!;
  await ctx.query('INSERT INTO {query_log} (tenant_id, id, at, entry, document_ids) VALUES ($1, $2, $3, $4, $5::text[])', [tenantId, entry.id, entry.at, JSON.stringify(entry), [...entryDocumentIds(entry)]]);
}

/** Entries at or after `since`, newest first; with `principal`, only theirs (index `query_log_principal`, schema 2). */
export async function listQueryLog(ctx: PgContext, o: { tenant: string; since?: number; until?: number; limit?: number; principal?: string }): Promise<QueryLogEntry[]> {
  const tenantId = await ctx.tenantId(o.tenant);
  if (tenantId === undefined) return [];
  const args = [tenantId, o.since ?? Number.MIN_SAFE_INTEGER, o.limit === undefined || o.limit < 0 ? null : o.limit, o.until ?? Number.MAX_SAFE_INTEGER];
  const rows = o.principal === undefined
    ? await ctx.query<{ entry: string }>('SELECT entry FROM {query_log} WHERE tenant_id = $1 AND at >= $2 AND at < $4 ORDER BY at DESC, row DESC LIMIT $3', args)
    : await ctx.query<{ entry: string }>(
      "SELECT entry FROM {query_log} WHERE tenant_id = $1 AND (entry::jsonb -> 'metadata' ->> 'principal') = $5 AND at >= $2 AND at < $4 ORDER BY at DESC, row DESC LIMIT $3",
      [...args, o.principal],
    );
  return rows.map((r) => JSON.parse(r.entry) as QueryLogEntry);
}

/** One entry by id. */
export async function getQueryLogEntry(ctx: PgContext, o: { tenant: string; id: string }): Promise<QueryLogEntry | undefined> {
  const tenantId = await ctx.tenantId(o.tenant);
  if (tenantId === undefined) return undefined;
  const rows = await ctx.query<{ entry: string }>('SELECT entry FROM {query_log} WHERE tenant_id = $1 AND id = $2 ORDER BY row DESC LIMIT 1', [tenantId, o.id]);
  return rows[0] ? (JSON.parse(rows[0].entry) as QueryLogEntry) : undefined;
}

async function _select(ctx: PgContext, c: Queryable, tenantId: number, o: { documentIds?: string[]; before?: number }): Promise<Array<{ row: string; entry: QueryLogEntry }>> {
  const rows = await ctx.query<{ row: string; entry: string }>(
    'SELECT row::text, entry FROM {query_log} WHERE tenant_id = $1 AND at < $2 AND ($3::text[] IS NULL OR document_ids && $3::text[]) ORDER BY row FOR UPDATE',
    [tenantId, o.before ?? Number.MAX_SAFE_INTEGER, o.documentIds ?? null],
    c,
  );
  return rows.map((r) => ({ row: r.row, entry: JSON.parse(r.entry) as QueryLogEntry }));
}

async function _update(ctx: PgContext, c: Queryable, rows: Array<{ row: string; entry: QueryLogEntry }>): Promise<void> {
  if (rows.length === 0) return;
  await ctx.query('UPDATE {query_log} q SET entry = u.e FROM unnest($1::bigint[], $2::text[]) AS u(r, e) WHERE q.row = u.r', [rows.map((r) => r.row), rows.map((r) => JSON.stringify(r.entry))], c);
}

/** Redact entries that retrieved or cited `documentIds` (inside the caller's transaction). */
export async function redactEntriesOfDocuments(ctx: PgContext, c: Queryable, tenantId: number, documentIds: string[], at: number): Promise<number> {
  if (documentIds.length === 0) return 0;
  const rows = await _select(ctx, c, tenantId, { documentIds });
  await _update(ctx, c, rows.map(({ row, entry }) => {
    const hit = [...entryDocumentIds(entry)].filter((d) => documentIds.includes(d));
    return { row, entry: redactQueryLogEntry(entry, { reason: 'document-deleted', at, documentIds: hit }) };
  }));
  return rows.length;
}

export async function purgeQueryLog(ctx: PgContext, o: PurgeQueryLogOptions): Promise<{ removed: number; redacted: number }> {
  const { documentIds, before, all = false, action = 'remove', at = ctx.internal.now() } = o;
  if (!documentIds && before === undefined && !all) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: "Say which audit entries to purge: documentIds, before, or all (the tenant's whole log)." });
  }
  if (before !== undefined && !Number.isFinite(before)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `'before' must be a time in epoch ms, got ${String(before)}.` });
  if (action !== 'remove' && action !== 'redact') throw new FathomError({ code: 'INVALID_ARGUMENT', message: `'action' must be remove or redact, got ${String(action)}.` });
  const tenantId = await ctx.tenantId(o.tenant);
  if (tenantId === undefined) return { removed: 0, redacted: 0 };
  return ctx.tx(async (c) => {
    const rows = await _select(ctx, c, tenantId, { documentIds, before });
    if (action === 'remove') {
      await ctx.query('DELETE FROM {query_log} WHERE row = ANY($1::bigint[])', [rows.map((r) => r.row)], c);
      return { removed: rows.length, redacted: 0 };
    }
    await _update(ctx, c, rows.map((r) => ({ row: r.row, entry: redactQueryLogEntry(r.entry, { reason: 'purged', at }) })));
    return { removed: 0, redacted: rows.length };
  });
}

export async function getMeta(ctx: PgContext, tenant: string, key: string): Promise<string | undefined> {
  const tenantId = await ctx.tenantId(tenant);
  if (tenantId === undefined) return undefined;
  return (await ctx.query<{ value: string }>('SELECT value FROM {meta} WHERE tenant_id = $1 AND key = $2', [tenantId, key]))[0]?.value;
}

export async function listMetaKeys(ctx: PgContext, tenant: string): Promise<string[]> {
  const tenantId = await ctx.tenantId(tenant);
  if (tenantId === undefined) return [];
  return (await ctx.query<{ key: string }>('SELECT key FROM {meta} WHERE tenant_id = $1 ORDER BY key', [tenantId])).map((r) => r.key);
}

export async function setMeta(ctx: PgContext, tenant: string, key: string, value: string): Promise<void> {
  const tenantId = (await ctx.tenantId(tenant, true))!;
  await ctx.query('INSERT INTO {meta} (tenant_id, key, value) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, key) DO UPDATE SET value = excluded.value', [tenantId, key, value]);
}

export async function getCachedContexts(ctx: PgContext, tenant: string, keys: string[]): Promise<Map<string, string>> {
  const tenantId = await ctx.tenantId(tenant);
  if (tenantId === undefined || keys.length === 0) return new Map();
  const rows = await ctx.query<{ key: string; context: string }>('SELECT key, context FROM {context_cache} WHERE tenant_id = $1 AND key = ANY($2::text[])', [tenantId, keys]);
  return new Map(rows.map((r) => [r.key, r.context]));
}

export async function putCachedContexts(ctx: PgContext, tenant: string, entries: CachedContext[]): Promise<void> {
  entries.forEach((e, i) => {
    for (const field of ['key', 'documentId', 'context', 'model'] as const) {
      if (typeof e?.[field] !== 'string' || (field !== 'context' && e[field].length === 0)) {
        throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Cached context ${i} needs a string \`${field}\`${field === 'context' ? '' : ' (non-empty)'}.`, details: { index: i, field } });
      }
    }
  });
  if (entries.length === 0) return;
  const tenantId = (await ctx.tenantId(tenant, true))!;
  const last = new Map(entries.map((e) => [e.key, e])); // one row per key (ON CONFLICT cannot touch a row twice)
  const list = [...last.values()];
  await ctx.query(
    `INSERT INTO {context_cache} (tenant_id, key, document_id, context, model) SELECT $1, u.k, u.d, u.c, u.m FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS u(k, d, c, m)
     ON CONFLICT (tenant_id, key) DO UPDATE SET document_id = excluded.document_id, context = excluded.context, model = excluded.model`,
    [tenantId, list.map((e) => e.key), list.map((e) => e.documentId), list.map((e) => e.context), list.map((e) => e.model)],
  );
}

/** Feedback and online scores attached to an audit entry (its JSON rewritten in place, row-locked). */
export async function annotateQueryLog(ctx: PgContext, o: { tenant: string; id: string; at?: number; feedback?: QueryFeedback; online?: OnlineScores }): Promise<QueryLogEntry | undefined> {
  const tenantId = await ctx.tenantId(o.tenant);
  if (tenantId === undefined) return undefined;
  return ctx.tx(async (c) => {
    const rows = await ctx.query<{ row: string; entry: string }>(
      'SELECT row::text, entry FROM {query_log} WHERE tenant_id = $1 AND id = $2 AND ($3::bigint IS NULL OR at = $3) FOR UPDATE',
      [tenantId, o.id, o.at ?? null],
      c,
    );
    if (rows.length === 0) return undefined;
    const entry = JSON.parse(rows[0]!.entry) as QueryLogEntry;
    if (o.feedback) entry.feedback = [...(entry.feedback ?? []), o.feedback];
    if (o.online) entry.online = o.online;
    await _update(ctx, c, [{ row: rows[0]!.row, entry }]);
    return entry;
  });
}
