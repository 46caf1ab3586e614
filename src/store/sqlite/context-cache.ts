/** The contextual-retrieval context cache: entries keyed by the caller, tied to a document id (see migrations v2). */
import type { CachedContext } from '../../spec/store.js';
import { FathomError } from '../../util/errors.js';
import type { SqliteContext } from './context.js';

/** Cached contexts of `keys` (only those present). */
export function getCachedContexts(ctx: SqliteContext, tenant: string, keys: string[]): Map<string, string> {
  const tenantId = ctx.tenantId(tenant);
  if (tenantId === undefined || keys.length === 0) return new Map();
  const rows = ctx
    .stmt('SELECT key, context FROM context_cache WHERE tenant_id = ? AND key IN (SELECT value FROM json_each(?))')
    .raw()
    .all(tenantId, JSON.stringify(keys)) as Array<[string, string]>;
  return new Map(rows);
}

/** Insert or replace entries, in one transaction. */
export function putCachedContexts(ctx: SqliteContext, tenant: string, entries: CachedContext[]): void {
  entries.forEach((e, i) => {
    for (const field of ['key', 'documentId', 'context', 'model'] as const) {
      if (typeof e?.[field] !== 'string' || (field !== 'context' && e[field].length === 0)) {
        throw new FathomError({
          code: 'INVALID_ARGUMENT',
          message: `Cached context ${i} needs a string \`${field}\`${field === 'context' ? '' : ' (non-empty)'}.`,
          details: { index: i, field },
        });
      }
    }
  });
  if (entries.length === 0) return;
  ctx.db
    .transaction(() => {
      const tenantId = ctx.tenantId(tenant, true)!;
      const insert = ctx.stmt('INSERT OR REPLACE INTO context_cache (tenant_id, key, document_id, context, model) VALUES (?, ?, ?, ?, ?)');
      for (const e of entries) insert.run(tenantId, e.key, e.documentId, e.context, e.model);
    })
    .immediate();
}
