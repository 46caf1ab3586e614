/**
 * `deleteDocuments`: one transaction removing documents with every version, chunk, keyword-index row,
 * vector and signature (ON DELETE CASCADE) and their cached contexts, then a TRUNCATE checkpoint so that, with
 * secure_delete, the deleted text is in neither the database file nor the WAL.
 */
import type { DeleteResult } from '../../spec/store.js';
import type { SqliteContext } from './context.js';
import { captureRemoved, startDelta, type IndexDelta } from './index-delta.js';

/** Delete `ids`; returns the result and, when documents were removed, the index delta. */
export function deleteDocuments(ctx: SqliteContext, tenant: string, ids: string[]): { result: DeleteResult; delta?: IndexDelta } {
  const result: DeleteResult = { deleted: [], missing: [], versions: 0, chunks: 0 };
  const tenantId = ctx.tenantId(tenant);
  if (tenantId === undefined) return { result: { ...result, missing: [...new Set(ids)] } };
  let cachedContexts = 0;
  const delta = ctx.db
    .transaction(() => {
      const delta = startDelta(ctx, tenantId);
      for (const id of new Set(ids)) {
        cachedContexts += ctx.stmt('DELETE FROM context_cache WHERE tenant_id = ? AND document_id = ?').run(tenantId, id).changes;
        const rowid = ctx.stmt('SELECT rowid FROM documents WHERE tenant_id = ? AND id = ?').pluck().get(tenantId, id) as number | undefined;
        if (rowid === undefined) {
          result.missing.push(id);
          continue;
        }
        result.versions += ctx.stmt('SELECT count(*) FROM versions WHERE document_rowid = ?').pluck().get(rowid) as number;
        result.chunks += ctx.stmt('SELECT count(*) FROM chunks WHERE document_rowid = ?').pluck().get(rowid) as number;
        captureRemoved(ctx, delta, 'document', rowid);
        ctx.stmt('DELETE FROM documents WHERE rowid = ?').run(rowid);
        result.deleted.push(id);
      }
      if (result.deleted.length === 0) return undefined;
      ctx.touch(tenantId);
      return delta;
    })
    .immediate();
  if (result.deleted.length > 0 || cachedContexts > 0) checkpoint(ctx);
  return delta ? { result, delta } : { result };
}

/** Move the WAL into the database file and truncate it to zero bytes (no-op in memory). */
export function checkpoint(ctx: SqliteContext): void {
  if (ctx.location !== ':memory:') ctx.db.pragma('wal_checkpoint(TRUNCATE)');
}
