/** Access lists of the SQLite store: written in the commit transaction, replaced by `setDocumentAcl`, read onto documents. */
import type { AccessList } from '../../spec/access.js';
import { parseAccessList } from '../../util/parse-access-list.js';
import type { SqliteContext } from './context.js';

/** Replace a document's rows (none for an empty list); bumps the tenant's ACL generation when they changed. */
export function writeAcl(ctx: SqliteContext, tenantId: number, documentRowid: number, acl: AccessList | undefined): void {
  const next = _rows(acl === undefined ? undefined : parseAccessList(acl, 'document ACL'));
  const current = (ctx.stmt('SELECT kind, value FROM document_acl WHERE document_rowid = ? ORDER BY kind, value').raw().all(documentRowid) as Array<[string, string]>).map(([k, v]) => `${k}\u0000${v}`);
  if (current.join('\n') === next.map(([k, v]) => `${k}\u0000${v}`).join('\n')) return;
  ctx.stmt('DELETE FROM document_acl WHERE document_rowid = ?').run(documentRowid);
  const insert = ctx.stmt('INSERT OR IGNORE INTO document_acl (document_rowid, tenant_id, kind, value) VALUES (?, ?, ?, ?)');
  for (const [kind, value] of next) insert.run(documentRowid, tenantId, kind, value);
  ctx.stmt('UPDATE tenants SET acl_generation = acl_generation + 1 WHERE id = ?').run(tenantId);
}

/** `store.setDocumentAcl`: false when the document does not exist. */
export function setDocumentAcl(ctx: SqliteContext, tenant: string, id: string, acl: AccessList | undefined): boolean {
  const tenantId = ctx.tenantId(tenant);
  if (tenantId === undefined) return false;
  return ctx.db
    .transaction(() => {
      const rowid = ctx.stmt('SELECT rowid FROM documents WHERE tenant_id = ? AND id = ?').pluck().get(tenantId, id) as number | undefined;
      if (rowid === undefined) return false;
      writeAcl(ctx, tenantId, rowid, acl);
      return true;
    })
    .immediate();
}

/** Access lists of documents by rowid (documents without rows are absent: open to the tenant). */
export function readAcls(ctx: SqliteContext, documentRowids: number[]): Map<number, AccessList> {
  const out = new Map<number, AccessList>();
  if (documentRowids.length === 0) return out;
  const rows = ctx
    .stmt('SELECT document_rowid, kind, value FROM document_acl WHERE document_rowid IN (SELECT value FROM json_each(?)) ORDER BY document_rowid, kind, value')
    .raw()
    .all(JSON.stringify(documentRowids)) as Array<[number, string, string]>;
  for (const [rowid, kind, value] of rows) {
    let acl = out.get(rowid);
    if (!acl) out.set(rowid, (acl = { principals: [], groups: [] }));
    (kind === 'group' ? acl.groups : acl.principals).push(value);
  }
  return out;
}

/** The tenant's ACL generation (bumped by every ACL change), for caches of allowed documents. */
export function aclGeneration(ctx: SqliteContext, tenantId: number): number {
  return (ctx.stmt('SELECT acl_generation FROM tenants WHERE id = ?').pluck().get(tenantId) as number | undefined) ?? 0;
}

/** Whether any document of the tenant has an access list (none: a principal reads the whole tenant). */
export function tenantHasAcls(ctx: SqliteContext, tenantId: number): boolean {
  return ctx.stmt('SELECT 1 FROM document_acl WHERE tenant_id = ? LIMIT 1').pluck().get(tenantId) !== undefined;
}

function _rows(acl: AccessList | undefined): Array<['group' | 'principal', string]> {
  if (!acl) return [];
  const rows: Array<['group' | 'principal', string]> = [...acl.groups.map((g) => ['group', g] as ['group', string]), ...acl.principals.map((p) => ['principal', p] as ['principal', string])];
  return rows.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
}
