/**
 * `deleteDocuments` and `setDocumentAcl`: one transaction under the tenant's write lock. Deleting removes every
 * version, chunk, keyword posting, vector, signature and ACL row (ON DELETE CASCADE), the keyword statistics'
 * share, cached contexts, and redacts the audit entries that retrieved or cited the documents. Postgres keeps dead
 * tuples until VACUUM: physical erasure is the operator's (`VACUUM` after deletes; see the README).
 */
import type { AccessList } from '../../spec/access.js';
import type { DeleteResult, PhysicalErasure } from '../../spec/store.js';
import { parseAccessList } from '../../util/parse-access-list.js';
import { lockTenant, writeAcl } from './commit.js';
import type { PgContext } from './context.js';
import { redactEntriesOfDocuments } from './logs.js';

export const erasureNote: PhysicalErasure = {
  status: 'not-applicable',
  attempts: 0,
  message: 'PostgreSQL manages its own storage: deleted rows leave every query at once; their bytes leave the data files after VACUUM (run `fathom store compact` or VACUUM the schema; VACUUM FULL returns the space).',
};

export async function deleteDocuments(ctx: PgContext, tenant: string, ids: string[]): Promise<DeleteResult> {
  const unique = [...new Set(ids)];
  const tenantId = await ctx.tenantId(tenant);
  if (tenantId === undefined) return { deleted: [], missing: unique, versions: 0, chunks: 0, auditEntriesRedacted: 0, cachedContexts: 0, erasure: erasureNote };
  return ctx.tx(async (c) => {
    await lockTenant(c, ctx, tenantId);
    const result: DeleteResult = { deleted: [], missing: [], versions: 0, chunks: 0, auditEntriesRedacted: 0, cachedContexts: 0, erasure: erasureNote };
    const cached = await ctx.query<{ n: number }>('WITH d AS (DELETE FROM {context_cache} WHERE tenant_id = $1 AND document_id = ANY($2::text[]) RETURNING 1) SELECT count(*)::int AS n FROM d', [tenantId, unique], c);
    result.cachedContexts = cached[0]!.n;
    const found = await ctx.query<{ id: string; row: string; versions: number; chunks: number; kw: number; length: number }>(
      `SELECT d.id, d.row::text, (SELECT count(*) FROM {versions} v WHERE v.document_row = d.row)::int AS versions,
       (SELECT count(*) FROM {chunks} x WHERE x.document_row = d.row)::int AS chunks,
       (SELECT count(*) FROM {keyword_docs} k WHERE k.document_row = d.row)::int AS kw,
       (SELECT coalesce(sum(length), 0) FROM {keyword_docs} k WHERE k.document_row = d.row)::float8 AS length
       FROM {documents} d WHERE d.tenant_id = $1 AND d.id = ANY($2::text[]) FOR UPDATE`,
      [tenantId, unique],
      c,
    );
    const byId = new Map(found.map((f) => [f.id, f]));
    for (const id of unique) {
      const f = byId.get(id);
      if (!f) {
        result.missing.push(id);
        continue;
      }
      result.deleted.push(id);
      result.versions += f.versions;
      result.chunks += f.chunks;
    }
    if (found.length) {
      await ctx.query('DELETE FROM {documents} WHERE row = ANY($1::bigint[])', [found.map((f) => f.row)], c);
      await ctx.query('UPDATE {keyword_stats} SET chunks = chunks - $2, total_length = total_length - $3 WHERE tenant_id = $1', [
        tenantId, found.reduce((s, f) => s + f.kw, 0), found.reduce((s, f) => s + f.length, 0),
      ], c);
    }
    result.auditEntriesRedacted = await redactEntriesOfDocuments(ctx, c, tenantId, unique, ctx.internal.now());
    return result;
  });
}

export async function setDocumentAcl(ctx: PgContext, tenant: string, id: string, acl: AccessList | undefined): Promise<boolean> {
  const parsed = acl === undefined ? undefined : parseAccessList(acl, 'document ACL');
  const tenantId = await ctx.tenantId(tenant);
  if (tenantId === undefined) return false;
  return ctx.tx(async (c) => {
    const [doc] = await ctx.query<{ row: string }>('SELECT row::text FROM {documents} WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, id], c);
    if (!doc) return false;
    await writeAcl(ctx, c, tenantId, doc.row, parsed);
    return true;
  });
}
