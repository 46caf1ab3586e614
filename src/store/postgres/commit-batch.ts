/**
 * `commitBatch`: the set-based commit of a batch whose document ids are distinct and that asks for no near-duplicate
 * check (every ingest without `--dedup skip`, every `store migrate` round). Same results as the per-write path in
 * `commit.ts`, in a fixed number of statements per batch instead of ~6 round trips per document: one read of the
 * existing documents (and of the exact-hash candidates), one to allocate row ids from the sequences, then one
 * multi-row `INSERT … SELECT FROM unnest(…)` (or `UPDATE … FROM unnest(…)`) per table. Decisions (unchanged,
 * duplicate, new version) are taken in memory in write order, as the per-write path takes them in SQL.
 */
import type { AccessList } from '../../spec/access.js';
import type { CommitResult, DocumentWrite } from '../../spec/store.js';
import { checkVectorDims } from '../check-vector-dims.js';
import { duplicateResult } from '../duplicate-result.js';
import type { PgContext, Queryable } from './context.js';
import { pendIndexRows, unindexVersions, type PendingIndexRows } from './index-rows.js';
import { writeAcls } from './write-acls.js';

type Result = CommitResult['results'][number];
interface Existing { id: string; row: string; content_hash: string; current_version_row: string; current_version_id: string; version_count: number; chunks: number }
interface Stored { write: DocumentWrite; existing: Existing | undefined; versionId: string; documentRow: string; versionRow: string; chunkRows: string[] }

/** Whether {@link commitBatch} applies: distinct ids, no near-duplicate check. */
export const batchable = (writes: DocumentWrite[]): boolean =>
  new Set(writes.map((w) => w.document.id)).size === writes.length && !writes.some((w) => w.skipIfDuplicate && w.nearDuplicateThreshold !== undefined && w.signature && w.signature.bands.length > 0);

export async function commitBatch(ctx: PgContext, c: Queryable, o: { tenant: string; tenantId: number; writes: DocumentWrite[]; acls: Array<AccessList | undefined>; dims: number | undefined; stats: { chunks: number; length: number }; pending: PendingIndexRows; results: Result[] }): Promise<{ dims: number | undefined }> {
  const { tenantId, writes, stats, pending, results } = o;
  let dims = o.dims;
  const existingRows = await ctx.query<Existing>(
    `SELECT d.id, d.row::text, d.content_hash, d.current_version_row::text, d.current_version_id, d.version_count,
     (SELECT count(*) FROM {chunks} x WHERE x.version_row = d.current_version_row)::int AS chunks
     FROM {documents} d WHERE d.tenant_id = $1 AND d.id = ANY($2::text[])`,
    [tenantId, writes.map((w) => w.document.id)],
    c,
  );
  const existingOf = new Map(existingRows.map((r) => [r.id, r]));
  // Documents' current hashes as the batch goes (rows order "first stored"; new documents come after all stored ones).
  const hashes = new Map<string, { row: number; hash: string }>(existingRows.map((r) => [r.id, { row: Number(r.row), hash: r.content_hash }]));
  const wanted = writes.filter((w) => w.skipIfDuplicate).map((w) => w.contentHash);
  if (wanted.length) {
    const rows = await ctx.query<{ id: string; row: string; content_hash: string }>('SELECT id, row::text, content_hash FROM {documents} WHERE tenant_id = $1 AND content_hash = ANY($2::text[])', [tenantId, wanted], c);
    for (const r of rows) if (!hashes.has(r.id)) hashes.set(r.id, { row: Number(r.row), hash: r.content_hash });
  }
  const stored: Stored[] = [];
  const aclRows: Array<{ row: string; acl: AccessList | undefined }> = [];
  for (const [i, write] of writes.entries()) {
    const existing = existingOf.get(write.document.id);
    if (existing && existing.content_hash === write.contentHash) {
      results.push({ documentId: write.document.id, versionId: existing.current_version_id, version: existing.version_count, status: 'unchanged', chunks: existing.chunks });
      if (write.acl !== undefined) aclRows.push({ row: existing.row, acl: o.acls[i] });
      continue;
    }
    if (write.skipIfDuplicate) {
      let first: { id: string; row: number } | undefined;
      for (const [id, h] of hashes) if (id !== write.document.id && h.hash === write.contentHash && (!first || h.row < first.row)) first = { id, row: h.row };
      const duplicate = duplicateResult({ write, current: existing && { versionId: existing.current_version_id, version: existing.version_count }, exactOf: first?.id, near: undefined });
      if (duplicate) {
        results.push(duplicate);
        continue;
      }
    }
    dims = checkVectorDims(o.tenant, write, dims);
    hashes.set(write.document.id, { row: existing ? Number(existing.row) : Number.MAX_SAFE_INTEGER - writes.length + i, hash: write.contentHash });
    const s: Stored = { write, existing, versionId: ctx.internal.generateId('ver_'), documentRow: existing?.row ?? '', versionRow: '', chunkRows: [] };
    stored.push(s);
    results.push({ documentId: write.document.id, versionId: s.versionId, version: (existing?.version_count ?? 0) + 1, status: existing ? 'updated' : 'created', chunks: write.chunks.length });
    if (write.acl !== undefined) aclRows.push({ row: '', acl: o.acls[i] });
  }
  if (stored.length) await _storeAll(ctx, c, tenantId, stored, stats, pending);
  // Rows of new documents are known only now: fill the ACL rows that waited for them (same order as `stored`).
  const newRows = stored.filter((s) => s.write.acl !== undefined).map((s) => s.documentRow);
  for (const a of aclRows) if (a.row === '') a.row = newRows.shift()!;
  await writeAcls(ctx, c, tenantId, aclRows);
  return { dims };
}

async function _storeAll(ctx: PgContext, c: Queryable, tenantId: number, stored: Stored[], stats: { chunks: number; length: number }, pending: PendingIndexRows): Promise<void> {
  const fresh = stored.filter((s) => !s.existing);
  const chunkCount = stored.reduce((n, s) => n + s.write.chunks.length, 0);
  const seq = (table: string, n: string) => `(SELECT coalesce(array_agg(nextval(pg_get_serial_sequence('${ctx.sql(table).replaceAll("'", "''")}', 'row'))::text), '{}') FROM generate_series(1, ${n}))`;
  const [ids] = await ctx.query<{ d: string[]; v: string[]; c: string[] }>(`SELECT ${seq('{documents}', '$1')} AS d, ${seq('{versions}', '$2')} AS v, ${seq('{chunks}', '$3')} AS c`, [fresh.length, stored.length, chunkCount], c);
  fresh.forEach((s, i) => (s.documentRow = ids!.d[i]!));
  let next = 0;
  stored.forEach((s, i) => {
    s.versionRow = ids!.v[i]!;
    s.chunkRows = s.write.chunks.map(() => ids!.c[next++]!);
  });
  const updated = stored.filter((s) => s.existing);
  if (updated.length) {
    await ctx.query("UPDATE {versions} v SET status = 'superseded', superseded_at = u.at FROM unnest($1::bigint[], $2::bigint[]) AS u(r, at) WHERE v.row = u.r", [updated.map((s) => s.existing!.current_version_row), updated.map((s) => s.write.at)], c);
    await unindexVersions(ctx, c, updated.map((s) => s.existing!.current_version_row), stats);
    await ctx.query('DELETE FROM {signature_bands} WHERE document_row = ANY($1::bigint[])', [updated.map((s) => s.documentRow)], c);
    await ctx.query('DELETE FROM {signatures} WHERE document_row = ANY($1::bigint[])', [updated.map((s) => s.documentRow)], c);
  }
  const col = <T>(list: Stored[], f: (s: Stored) => T) => list.map(f);
  const docCols = (list: Stored[]) => [
    col(list, (s) => s.documentRow), col(list, (s) => s.write.document.id), col(list, (s) => s.write.collection ?? 'default'), col(list, (s) => s.write.document.source),
    col(list, (s) => s.write.document.title), col(list, (s) => s.write.document.format), col(list, (s) => s.write.contentHash), col(list, (s) => s.versionRow),
    col(list, (s) => s.versionId), col(list, (s) => (s.existing?.version_count ?? 0) + 1), col(list, (s) => JSON.stringify(s.write.document.metadata ?? {})),
    col(list, (s) => s.write.at), col(list, (s) => s.write.document.modifiedAt ?? null),
  ];
  const unnestDocs = 'unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::text[], $11::int[], $12::text[], $13::bigint[], $14::bigint[]) AS u(row, id, collection, source, title, format, hash, vrow, vid, vcount, metadata, at, modified)';
  if (fresh.length) {
    await ctx.query(
      `INSERT INTO {documents} (row, tenant_id, id, collection, source, title, format, content_hash, current_version_row, current_version_id, version_count, metadata, meta, created_at, updated_at, modified_at)
       SELECT u.row, $1, u.id, u.collection, u.source, u.title, u.format, u.hash, u.vrow, u.vid, u.vcount, u.metadata, u.metadata::jsonb, u.at, u.at, u.modified FROM ${unnestDocs}`,
      [tenantId, ...docCols(fresh)],
      c,
    );
  }
  if (updated.length) {
    await ctx.query(
      `UPDATE {documents} d SET collection = u.collection, source = u.source, title = u.title, format = u.format, content_hash = u.hash, current_version_row = u.vrow,
       current_version_id = u.vid, version_count = u.vcount, metadata = u.metadata, meta = u.metadata::jsonb, updated_at = u.at, modified_at = u.modified
       FROM ${unnestDocs} WHERE d.row = u.row AND d.tenant_id = $1`,
      [tenantId, ...docCols(updated)],
      c,
    );
  }
  await ctx.query(
    `INSERT INTO {versions} (row, tenant_id, document_row, id, version, content_hash, text, pages, status, created_at, metadata)
     SELECT u.row, $1, u.doc, u.id, u.version, u.hash, u.text, u.pages, 'current', u.at, u.metadata
     FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::text[]) AS u(row, doc, id, version, hash, text, pages, at, metadata)`,
    [
      tenantId, col(stored, (s) => s.versionRow), col(stored, (s) => s.documentRow), col(stored, (s) => s.versionId), col(stored, (s) => (s.existing?.version_count ?? 0) + 1),
      col(stored, (s) => s.write.contentHash), col(stored, (s) => s.write.document.text), col(stored, (s) => (s.write.document.pages ? JSON.stringify(s.write.document.pages) : null)),
      col(stored, (s) => s.write.at), col(stored, (s) => JSON.stringify(s.write.document.metadata ?? {})),
    ],
    c,
  );
  await _insertChunks(ctx, c, tenantId, stored);
  for (const s of stored) pendIndexRows(s.write, s.chunkRows, s.documentRow, stats, pending, ctx.keyword === 'pg_textsearch');
  const signed = stored.filter((s) => s.write.signature);
  if (signed.length) {
    await ctx.query('INSERT INTO {signatures} (document_row, tenant_id, signature) SELECT u.d, $1, u.s FROM unnest($2::bigint[], $3::bytea[]) AS u(d, s)', [tenantId, col(signed, (s) => s.documentRow), col(signed, (s) => { const v = s.write.signature!.values; return Buffer.from(v.buffer, v.byteOffset, v.byteLength); })], c);
    const bands = signed.flatMap((s) => s.write.signature!.bands.map((b) => [b, s.documentRow] as const));
    if (bands.length) await ctx.query('INSERT INTO {signature_bands} (tenant_id, band, document_row) SELECT $1, u.b, u.d FROM unnest($2::text[], $3::bigint[]) AS u(b, d) ON CONFLICT DO NOTHING', [tenantId, bands.map((b) => b[0]), bands.map((b) => b[1])], c);
  }
}

async function _insertChunks(ctx: PgContext, c: Queryable, tenantId: number, stored: Stored[]): Promise<void> {
  const cols: unknown[][] = Array.from({ length: 15 }, () => []);
  for (const s of stored) {
    s.write.chunks.forEach((d, i) => {
      const values = [
        s.chunkRows[i], s.documentRow, s.versionRow, `${s.versionId}:${i}`, i, d.text, d.start, d.end, JSON.stringify(d.headingPath ?? []), d.tokenCount, d.role,
        d.parentIndex === undefined ? null : `${s.versionId}:${d.parentIndex}`, d.pages ? JSON.stringify(d.pages) : null, s.write.contexts?.[i] ?? null,
      ];
      values.forEach((v, j) => cols[j]!.push(v));
    });
  }
  if (cols[0]!.length === 0) return;
  await ctx.query(
    `INSERT INTO {chunks} (row, tenant_id, document_row, version_row, id, ordinal, text, start, "end", heading_path, token_count, role, parent_id, pages, context)
     SELECT u.row, $1, u.doc, u.ver, u.id, u.ordinal, u.text, u.start, u.e, u.heading, u.tokens, u.role, u.parent, u.pages, u.context
     FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::int[], $7::text[], $8::int[], $9::int[], $10::text[], $11::int[], $12::text[], $13::text[], $14::text[], $15::text[])
     AS u(row, doc, ver, id, ordinal, text, start, e, heading, tokens, role, parent, pages, context)`,
    [tenantId, ...cols.slice(0, 14)],
    c,
  );
}
