/**
 * `commit`: one transaction per call, holding an advisory lock on the tenant, so concurrent writers (threads,
 * processes, server replicas) of one tenant serialise: the unchanged/duplicate decisions, version numbers and the
 * keyword statistics are never raced, and no write is lost or stored twice. Semantics as in the SQLite backend:
 * same hash → unchanged; `skipIfDuplicate` and another current document with the hash → duplicate; else a new
 * current version, the old one superseded and removed from the keyword index and the vectors. With a
 * `nearDuplicateThreshold`, near duplicates (shared LSH band, estimated Jaccard) count too, checked under the lock.
 */
import type { AccessList } from '../../spec/access.js';
import type { CommitResult, DocumentWrite } from '../../spec/store.js';
import { FathomError } from '../../util/errors.js';
import { parseAccessList } from '../../util/parse-access-list.js';
import { checkVectorDims } from '../check-vector-dims.js';
import { duplicateResult } from '../duplicate-result.js';
import { validateWrite } from '../validate-write.js';
import type { PgContext, Queryable } from './context.js';
import { batchable, commitBatch } from './commit-batch.js';
import { createPendingIndexRows, flushIndexRows, pendIndexRows, unindexVersions, type PendingIndexRows } from './index-rows.js';
import { findNearDuplicate } from './near-duplicate.js';
import { ensureTextIndex } from './text-index.js';
import { ensureVectorIndex } from './vector-index.js';
import { writeAcls } from './write-acls.js';

type Result = CommitResult['results'][number];
type Pending = PendingIndexRows;
const _pending = createPendingIndexRows;
const _flush = flushIndexRows;
interface Existing {
  row: string;
  content_hash: string;
  current_version_row: string;
  current_version_id: string;
  version_count: number;
}

/** The advisory-lock key of a tenant's writers: `pg_advisory_xact_lock(hashtext(key), tenantId)`. */
export const tenantLockKey = (schema: string): string => `fathom:${schema}`;

/** Serialise writers of one tenant until the transaction ends. */
export const lockTenant = (c: Queryable, ctx: PgContext, tenantId: number) => c.query('SELECT pg_advisory_xact_lock(hashtext($1), $2)', [tenantLockKey(ctx.schema), tenantId]);

export async function commitWrites(ctx: PgContext, tenant: string, writes: DocumentWrite[]): Promise<CommitResult> {
  writes.forEach((w, i) => validateWrite(w, i));
  const acls = writes.map((w) => (w.acl === undefined ? undefined : parseAccessList(w.acl, 'document ACL')));
  if (!ctx.vectors) {
    const withVectors = writes.find((w) => w.vectors?.some((v) => v && v.length > 0));
    if (withVectors) throw vectorsUnavailable(ctx, `document '${withVectors.document.id}' brings vectors`);
  }
  const tenantId = (await ctx.tenantId(tenant, true))!;
  return ctx.tx(async (c) => {
    await lockTenant(c, ctx, tenantId);
    let dims = ctx.vectors ? (await ctx.query<{ dims: number }>('SELECT dims FROM {vectors} WHERE tenant_id = $1 LIMIT 1', [tenantId], c))[0]?.dims : undefined;
    const stats = { chunks: 0, length: 0 };
    const pending = _pending();
    const bulk = ctx.bulkCommit !== false && batchable(writes);
    const results: Result[] = [];
    if (bulk) ({ dims } = await commitBatch(ctx, c, { tenant, tenantId, writes, acls, dims, stats, pending, results }));
    for (const [i, write] of (bulk ? [] : writes).entries()) {
      const [existing] = await ctx.query<Existing>(
        'SELECT row::text, content_hash, current_version_row::text, current_version_id, version_count FROM {documents} WHERE tenant_id = $1 AND id = $2',
        [tenantId, write.document.id],
        c,
      );
      if (existing && existing.content_hash === write.contentHash) {
        const [current] = await ctx.query<{ id: string; version: number; chunks: number }>(
          'SELECT v.id, v.version, (SELECT count(*) FROM {chunks} x WHERE x.version_row = v.row)::int AS chunks FROM {versions} v WHERE v.row = $1',
          [existing.current_version_row],
          c,
        );
        results.push({ documentId: write.document.id, versionId: current!.id, version: current!.version, status: 'unchanged', chunks: current!.chunks });
        if (write.acl !== undefined) await writeAcl(ctx, c, tenantId, existing.row, acls[i]);
        continue;
      }
      if (write.skipIfDuplicate) {
        const [dup] = await ctx.query<{ id: string }>('SELECT id FROM {documents} WHERE tenant_id = $1 AND content_hash = $2 AND id <> $3 ORDER BY row LIMIT 1', [tenantId, write.contentHash, write.document.id], c);
        const near = dup ? undefined : await findNearDuplicate(ctx, c, tenantId, write);
        const duplicate = duplicateResult({ write, current: existing && { versionId: existing.current_version_id, version: existing.version_count }, exactOf: dup?.id, near });
        if (duplicate) {
          results.push(duplicate);
          continue;
        }
      }
      dims = checkVectorDims(tenant, write, dims);
      results.push(await _storeVersion(ctx, c, tenantId, write, existing, acls[i], stats, pending));
    }
    await _flush(ctx, c, tenantId, pending);
    if (dims !== undefined && ctx.vectors) await ensureVectorIndex(ctx, c, tenantId, dims);
    if (ctx.keyword === 'pg_textsearch') await ensureTextIndex(ctx, c, tenantId);
    if (stats.chunks !== 0 || stats.length !== 0) {
      await ctx.query(
        `INSERT INTO {keyword_stats} (tenant_id, chunks, total_length) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id) DO UPDATE SET chunks = {keyword_stats}.chunks + excluded.chunks, total_length = {keyword_stats}.total_length + excluded.total_length`,
        [tenantId, stats.chunks, stats.length],
        c,
      );
    }
    return { results };
  });
}

export function vectorsUnavailable(ctx: PgContext, what: string): FathomError {
  return new FathomError({
    code: 'VECTORS_UNAVAILABLE',
    message: `The PostgreSQL store at ${ctx.location} has no pgvector extension, so it runs keyword-only, but ${what}. Install pgvector on the server (CREATE EXTENSION vector; managed Postgres services offer it), or set embedding.provider to "none" for keyword-only retrieval.`,
    details: { location: ctx.location },
  });
}

async function _storeVersion(ctx: PgContext, c: Queryable, tenantId: number, write: DocumentWrite, existing: Existing | undefined, acl: AccessList | undefined, stats: { chunks: number; length: number }, pending: Pending): Promise<Result> {
  const { document: doc, at } = write;
  const versionId = ctx.internal.generateId('ver_');
  const metadata = JSON.stringify(doc.metadata ?? {});
  let documentRow: string;
  if (existing) {
    documentRow = existing.row;
    await _flush(ctx, c, tenantId, pending); // the old version's index rows may still be pending (same id twice in a batch)
    await ctx.query("UPDATE {versions} SET status = 'superseded', superseded_at = $1 WHERE row = $2", [at, existing.current_version_row], c);
    await unindexVersions(ctx, c, [existing.current_version_row], stats);
  } else {
    const [r] = await ctx.query<{ row: string }>(
      `INSERT INTO {documents} (tenant_id, id, collection, source, title, format, content_hash, current_version_row, current_version_id, version_count, metadata, meta, created_at, updated_at)
       VALUES ($1, $2, '', '', '', '', '', 0, '', 0, '{}', '{}', $3, $3) RETURNING row::text`,
      [tenantId, doc.id, at],
      c,
    );
    documentRow = r!.row;
  }
  const version = (existing?.version_count ?? 0) + 1;
  const [v] = await ctx.query<{ row: string }>(
    `INSERT INTO {versions} (tenant_id, document_row, id, version, content_hash, text, pages, status, created_at, metadata)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'current', $8, $9) RETURNING row::text`,
    [tenantId, documentRow, versionId, version, write.contentHash, doc.text, doc.pages ? JSON.stringify(doc.pages) : null, at, metadata],
    c,
  );
  await ctx.query(
    `UPDATE {documents} SET collection = $1, source = $2, title = $3, format = $4, content_hash = $5, current_version_row = $6, current_version_id = $7,
     version_count = $8, metadata = $9, meta = $13::jsonb, updated_at = $10, modified_at = $11 WHERE row = $12`,
    [write.collection ?? 'default', doc.source, doc.title, doc.format, write.contentHash, v!.row, versionId, version, metadata, at, doc.modifiedAt ?? null, documentRow, metadata],
    c,
  );
  await _storeChunks(ctx, c, tenantId, documentRow, v!.row, versionId, write, stats, pending);
  await _storeSignature(ctx, c, tenantId, documentRow, write, existing !== undefined);
  if (write.acl !== undefined) await writeAcl(ctx, c, tenantId, documentRow, acl);
  return { documentId: doc.id, versionId, version, status: existing ? 'updated' : 'created', chunks: write.chunks.length };
}

async function _storeChunks(ctx: PgContext, c: Queryable, tenantId: number, documentRow: string, versionRow: string, versionId: string, write: DocumentWrite, stats: { chunks: number; length: number }, pending: Pending): Promise<void> {
  if (write.chunks.length === 0) return;
  const col = <T>(f: (d: DocumentWrite['chunks'][number], i: number) => T) => write.chunks.map(f);
  const rows = await ctx.query<{ row: string; ordinal: number }>(
    `INSERT INTO {chunks} (tenant_id, document_row, version_row, id, ordinal, text, start, "end", heading_path, token_count, role, parent_id, pages, context)
     SELECT $1, $2, $3, u.* FROM unnest($4::text[], $5::int[], $6::text[], $7::int[], $8::int[], $9::text[], $10::int[], $11::text[], $12::text[], $13::text[], $14::text[]) AS u
     RETURNING row::text, ordinal`,
    [
      tenantId, documentRow, versionRow,
      col((_, i) => `${versionId}:${i}`), col((_, i) => i), col((d) => d.text), col((d) => d.start), col((d) => d.end),
      col((d) => JSON.stringify(d.headingPath ?? [])), col((d) => d.tokenCount), col((d) => d.role),
      col((d) => (d.parentIndex === undefined ? null : `${versionId}:${d.parentIndex}`)), col((d) => (d.pages ? JSON.stringify(d.pages) : null)),
      col((_, i) => write.contexts?.[i] ?? null),
    ],
    c,
  );
  const rowOf = new Map(rows.map((r) => [r.ordinal, r.row]));
  pendIndexRows(write, write.chunks.map((_, i) => rowOf.get(i)!), documentRow, stats, pending, ctx.keyword === 'pg_textsearch');
}

async function _storeSignature(ctx: PgContext, c: Queryable, tenantId: number, documentRow: string, write: DocumentWrite, replace: boolean): Promise<void> {
  if (replace) {
    await ctx.query('DELETE FROM {signature_bands} WHERE document_row = $1', [documentRow], c);
    await ctx.query('DELETE FROM {signatures} WHERE document_row = $1', [documentRow], c);
  }
  if (!write.signature) return;
  const { values, bands } = write.signature;
  await ctx.query('INSERT INTO {signatures} (document_row, tenant_id, signature) VALUES ($1, $2, $3)', [documentRow, tenantId, Buffer.from(values.buffer, values.byteOffset, values.byteLength)], c);
  if (bands.length) {
    await ctx.query('INSERT INTO {signature_bands} (tenant_id, band, document_row) SELECT $1, b, $2 FROM unnest($3::text[]) AS b ON CONFLICT DO NOTHING', [tenantId, documentRow, bands], c);
  }
}

/** Replace a document's access-list rows (none for an empty or absent list). */
export const writeAcl = (ctx: PgContext, c: Queryable, tenantId: number, documentRow: string, acl: AccessList | undefined): Promise<void> => writeAcls(ctx, c, tenantId, [{ row: documentRow, acl }]);
