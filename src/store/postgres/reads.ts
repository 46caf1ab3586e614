/** Read methods of the Postgres store: every statement names the tenant and, with a principal, its access predicate. */
import type { AccessList, Principal } from '../../spec/access.js';
import type { Chunk } from '../../spec/chunk.js';
import type { Document, DocumentVersion } from '../../spec/document.js';
import type { MetadataFilter } from '../../spec/filter.js';
import type { PgContext, Queryable } from './context.js';
import { chunkColumns, chunkJoins, documentColumns, toChunk, toDocument, toVersion, versionColumns } from './rows.js';
import { accessSql, createParams, scopeSql } from './scope-sql.js';

type Row = Record<string, unknown>;

export async function getDocument(ctx: PgContext, tenant: string, id: string, principal?: Principal): Promise<Document | undefined> {
  const p = createParams();
  const access = accessSql(p, principal);
  const tenantId = await ctx.tenantId(tenant);
  if (tenantId === undefined) return undefined;
  const rows = await ctx.query(`SELECT ${documentColumns} FROM {documents} d WHERE d.tenant_id = ${p.add(tenantId)} AND d.id = ${p.add(id)} AND (${access})`, p.values);
  return (await _withAcls(ctx, tenant, rows))[0];
}

export async function listDocuments(ctx: PgContext, o: { tenant: string; filter?: MetadataFilter; limit?: number; afterId?: string; principal?: Principal }): Promise<Document[]> {
  const p = createParams();
  const scope = scopeSql(p, o);
  const tenantId = await ctx.tenantId(o.tenant);
  if (tenantId === undefined) return [];
  const limit = o.limit === undefined || o.limit < 0 ? null : o.limit;
  const rows = await ctx.query(
    `SELECT ${documentColumns} FROM {documents} d WHERE d.tenant_id = ${p.add(tenantId)} AND d.id > ${p.add(o.afterId ?? '')} AND (${scope}) ORDER BY d.id LIMIT ${p.add(limit)}`,
    p.values,
  );
  return _withAcls(ctx, o.tenant, rows);
}

async function _withAcls(ctx: PgContext, tenant: string, rows: Row[]): Promise<Document[]> {
  const acls = await readAcls(ctx, rows.map((r) => r.document_row as string));
  return rows.map((r) => {
    const doc = toDocument(tenant, r);
    const acl = acls.get(r.document_row as string);
    if (acl) doc.acl = acl;
    return doc;
  });
}

/** Access lists by document row (documents without rows are absent: open to the tenant). */
export async function readAcls(ctx: PgContext, documentRows: string[], on?: Queryable): Promise<Map<string, AccessList>> {
  const out = new Map<string, AccessList>();
  if (documentRows.length === 0) return out;
  const rows = await ctx.query<{ document_row: string; kind: string; value: string }>(
    'SELECT document_row::text, kind, value FROM {document_acl} WHERE document_row = ANY($1::bigint[]) ORDER BY document_row, kind, value',
    [documentRows],
    on,
  );
  for (const { document_row, kind, value } of rows) {
    let acl = out.get(document_row);
    if (!acl) out.set(document_row, (acl = { principals: [], groups: [] }));
    (kind === 'group' ? acl.groups : acl.principals).push(value);
  }
  return out;
}

/** Pages through keys, 1,000 at a time. */
export async function* listDocumentKeys(ctx: PgContext, o: { tenant: string; collection?: string }): AsyncIterable<{ id: string; source: string; contentHash: string }> {
  const tenantId = await ctx.tenantId(o.tenant);
  if (tenantId === undefined) return;
  let after = '';
  for (;;) {
    const rows = await ctx.query<{ id: string; source: string; contentHash: string }>(
      'SELECT id, source, content_hash AS "contentHash" FROM {documents} WHERE tenant_id = $1 AND id > $2 AND ($3::text IS NULL OR collection = $3::text) ORDER BY id LIMIT 1000',
      [tenantId, after, o.collection ?? null],
    );
    for (const r of rows) yield r;
    if (rows.length < 1000) return;
    after = rows[rows.length - 1]!.id;
  }
}

export async function countDocuments(ctx: PgContext, tenant: string): Promise<{ documents: number; versions: number; chunks: number }> {
  const tenantId = await ctx.tenantId(tenant);
  if (tenantId === undefined) return { documents: 0, versions: 0, chunks: 0 };
  const [r] = await ctx.query<{ documents: number; versions: number; chunks: number }>(
    `SELECT (SELECT count(*) FROM {documents} WHERE tenant_id = $1)::int AS documents, (SELECT count(*) FROM {versions} WHERE tenant_id = $1)::int AS versions,
     (SELECT count(*) FROM {chunks} WHERE tenant_id = $1)::int AS chunks`,
    [tenantId],
  );
  return { documents: r!.documents, versions: r!.versions, chunks: r!.chunks };
}

export async function listVersions(ctx: PgContext, tenant: string, documentId: string, principal?: Principal): Promise<DocumentVersion[]> {
  const p = createParams();
  const access = accessSql(p, principal);
  const tenantId = await ctx.tenantId(tenant);
  if (tenantId === undefined) return [];
  const rows = await ctx.query(
    `SELECT ${versionColumns} FROM {versions} v JOIN {documents} d ON d.row = v.document_row WHERE d.tenant_id = ${p.add(tenantId)} AND d.id = ${p.add(documentId)} AND (${access}) ORDER BY v.version DESC`,
    p.values,
  );
  return rows.map((r) => toVersion(tenant, r));
}

export async function listChunks(ctx: PgContext, tenant: string, documentId: string, versionId?: string, principal?: Principal): Promise<Chunk[]> {
  const p = createParams();
  const access = accessSql(p, principal);
  const tenantId = await ctx.tenantId(tenant);
  if (tenantId === undefined) return [];
  const t = p.add(tenantId);
  const version = versionId === undefined ? 'd.current_version_row' : `(SELECT row FROM {versions} WHERE tenant_id = ${t} AND id = ${p.add(versionId)})`;
  const rows = await ctx.query(
    `SELECT ${chunkColumns} FROM ${chunkJoins} WHERE d.tenant_id = ${t} AND d.id = ${p.add(documentId)} AND v.row = ${version} AND (${access}) ORDER BY c.ordinal`,
    p.values,
  );
  return rows.map((r) => toChunk(tenant, r));
}

/** Chunks by id (any version), in the order asked, skipping unknown ids. */
export async function getChunks(ctx: PgContext, tenant: string, ids: string[], principal?: Principal): Promise<Chunk[]> {
  const p = createParams();
  const access = accessSql(p, principal);
  const tenantId = await ctx.tenantId(tenant);
  if (tenantId === undefined || ids.length === 0) return [];
  const rows = await ctx.query(`SELECT ${chunkColumns} FROM ${chunkJoins} WHERE c.tenant_id = ${p.add(tenantId)} AND c.id = ANY(${p.add(ids)}::text[]) AND (${access})`, p.values);
  const byId = new Map(rows.map((r) => [r.id as string, toChunk(tenant, r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function findByContentHash(ctx: PgContext, tenant: string, contentHash: string): Promise<Array<{ id: string; source: string }>> {
  const tenantId = await ctx.tenantId(tenant);
  if (tenantId === undefined) return [];
  return ctx.query<{ id: string; source: string }>('SELECT id, source FROM {documents} WHERE tenant_id = $1 AND content_hash = $2 ORDER BY id', [tenantId, contentHash]);
}

export async function findBySignatureBands(ctx: PgContext, tenant: string, bands: string[]): Promise<Array<{ id: string; source: string; signature: Uint32Array }>> {
  const tenantId = await ctx.tenantId(tenant);
  if (tenantId === undefined || bands.length === 0) return [];
  const rows = await ctx.query<{ id: string; source: string; signature: Buffer }>(
    `SELECT d.id, d.source, s.signature FROM {documents} d JOIN {signatures} s ON s.document_row = d.row
     WHERE d.row IN (SELECT document_row FROM {signature_bands} WHERE tenant_id = $1 AND band = ANY($2::text[])) ORDER BY d.id`,
    [tenantId, bands],
  );
  return rows.map((r) => {
    const signature = new Uint32Array(r.signature.byteLength / 4);
    new Uint8Array(signature.buffer).set(r.signature);
    return { id: r.id, source: r.source, signature };
  });
}
