/**
 * `deleteDocuments`: one transaction removing documents with every version, chunk, keyword-index row,
 * vector and signature (ON DELETE CASCADE), then a TRUNCATE checkpoint so that, with secure_delete, the
 * deleted text is in neither the database file nor the WAL.
 */
import type { DeleteResult } from '../../spec/store.js';
import type { SqliteContext } from './context.js';

export function deleteDocuments(ctx: SqliteContext, tenant: string, ids: string[]): DeleteResult {
  const result: DeleteResult = { deleted: [], missing: [], versions: 0, chunks: 0 };
  const tenantId = ctx.tenantId(tenant);
  if (tenantId === undefined) return { ...result, missing: [...new Set(ids)] };
  ctx.db
    .transaction(() => {
      for (const id of new Set(ids)) {
        const rowid = ctx.stmt('SELECT rowid FROM documents WHERE tenant_id = ? AND id = ?').pluck().get(tenantId, id) as number | undefined;
        if (rowid === undefined) {
          result.missing.push(id);
          continue;
        }
        result.versions += ctx.stmt('SELECT count(*) FROM versions WHERE document_rowid = ?').pluck().get(rowid) as number;
        result.chunks += ctx.stmt('SELECT count(*) FROM chunks WHERE document_rowid = ?').pluck().get(rowid) as number;
        ctx.stmt('DELETE FROM documents WHERE rowid = ?').run(rowid);
        result.deleted.push(id);
      }
      if (result.deleted.length > 0) ctx.touch(tenantId);
    })
    .immediate();
  if (result.deleted.length > 0) checkpoint(ctx);
  return result;
}

/** Move the WAL into the database file and truncate it to zero bytes (no-op in memory). */
export function checkpoint(ctx: SqliteContext): void {
  if (ctx.location !== ':memory:') ctx.db.pragma('wal_checkpoint(TRUNCATE)');
}
