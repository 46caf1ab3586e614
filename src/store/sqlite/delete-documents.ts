/**
 * `deleteDocuments`: one transaction removing documents with every version, chunk, keyword-index row, vector and
 * signature (ON DELETE CASCADE), their cached contexts, and the text of every audit entry that retrieved or cited
 * them (redacted, see `redact-query-log.ts`). Physical erasure (checkpoint + WAL truncation) follows in
 * `erase-physically.ts`, so the deleted text is in neither the database file nor the WAL.
 */
import type { DeleteResult } from '../../spec/store.js';
import type { SqliteContext } from './context.js';
import { captureRemoved, startDelta, type IndexDelta } from './index-delta.js';
import { redactEntriesOfDocuments } from './purge-query-log.js';

/** Delete `ids`; returns the result, the tenant row id (erasure is then due) and the index delta. */
export function deleteDocuments(ctx: SqliteContext, tenant: string, ids: string[]): { result: DeleteResult; delta?: IndexDelta; changedTenantId?: number } {
  const result: DeleteResult = { deleted: [], missing: [], versions: 0, chunks: 0, auditEntriesRedacted: 0, cachedContexts: 0 };
  const tenantId = ctx.tenantId(tenant);
  if (tenantId === undefined) return { result: { ...result, missing: [...new Set(ids)] } };
  const unique = [...new Set(ids)];
  const delta = ctx.db
    .transaction(() => {
      const delta = startDelta(ctx, tenantId);
      for (const id of unique) {
        result.cachedContexts! += ctx.stmt('DELETE FROM context_cache WHERE tenant_id = ? AND document_id = ?').run(tenantId, id).changes;
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
      // Entries citing a document that is already gone (or never stored) are redacted too: the id is the key.
      result.auditEntriesRedacted = redactEntriesOfDocuments(ctx, tenantId, unique, ctx.internal.now());
      if (result.deleted.length === 0) return undefined;
      ctx.touch(tenantId);
      return delta;
    })
    .immediate();
  // Erasure is attempted even when nothing changed: re-running a delete finishes one an earlier run left pending.
  return { result, ...(delta ? { delta } : {}), changedTenantId: tenantId };
}

/** Move the WAL into the database file and truncate it to zero bytes (no-op in memory). */
export function checkpoint(ctx: SqliteContext): void {
  if (ctx.location !== ':memory:') ctx.db.pragma('wal_checkpoint(TRUNCATE)');
}
