/** Replace documents' access-list rows in two statements (none for an empty or absent list). */
import type { AccessList } from '../../spec/access.js';
import type { PgContext, Queryable } from './context.js';

export async function writeAcls(ctx: PgContext, c: Queryable, tenantId: number, rows: Array<{ row: string; acl: AccessList | undefined }>): Promise<void> {
  if (rows.length === 0) return;
  await ctx.query('DELETE FROM {document_acl} WHERE document_row = ANY($1::bigint[])', [rows.map((r) => r.row)], c);
  const doc: string[] = [];
  const kind: string[] = [];
  const value: string[] = [];
  for (const { row, acl } of rows) {
    if (!acl) continue;
    for (const [k, values] of [['principal', acl.principals], ['group', acl.groups]] as const) {
      for (const v of values) {
        doc.push(row);
        kind.push(k);
        value.push(v);
      }
    }
  }
  if (doc.length === 0) return;
  await ctx.query(
    'INSERT INTO {document_acl} (document_row, tenant_id, kind, value) SELECT u.d, $1, u.k, u.v FROM unnest($2::bigint[], $3::text[], $4::text[]) AS u(d, k, v) ON CONFLICT DO NOTHING',
    [tenantId, doc, kind, value],
    c,
  );
}
