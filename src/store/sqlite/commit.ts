/**
 * `commit`: one transaction per call. Per write: same content hash → unchanged (no writes); `skipIfDuplicate` and
 * another current document with the same hash → duplicate (no writes, checked under the write lock); new document →
 * version 1; changed → a new current version, the old one superseded and removed from the keyword index and
 * the vectors (its chunk rows stay for audit, never searchable again).
 */
import type { CommitResult, DocumentWrite } from '../../spec/store.js';
import type { SqliteContext } from './context.js';
import { writeAcl } from './acl-store.js';
import { captureRemoved, startDelta, writeAddedTerms, type IndexDelta } from './index-delta.js';
import { encodeTerms } from './keyword-index.js';
import { validateWrite } from '../validate-write.js';
import { findBySignatureBands } from './reads.js';
import { checkVectorDims } from '../check-vector-dims.js';
import { duplicateResult } from '../duplicate-result.js';
import { nearestDuplicate } from '../nearest-duplicate.js';

type Result = CommitResult['results'][number];

interface Existing {
  rowid: number;
  content_hash: string;
  current_version_rowid: number;
  current_version_id: string;
  version_count: number;
  created_at: number;
}

/**
 * Store `writes` for `tenant` atomically. Returns the result and, when anything changed, the index delta
 * (rows added to and removed from the keyword index and the vectors).
 */
export function commitWrites(ctx: SqliteContext, tenant: string, writes: DocumentWrite[]): { result: CommitResult; delta?: IndexDelta } {
  writes.forEach((w, i) => validateWrite(w, i));
  const run = ctx.db.transaction((): { result: CommitResult; delta?: IndexDelta } => {
    const tenantId = ctx.tenantId(tenant, true)!;
    const delta = startDelta(ctx, tenantId);
    let dims = ctx.stmt('SELECT dims FROM vectors WHERE tenant_id = ? LIMIT 1').pluck().get(tenantId) as number | undefined;
    let changed = false;
    const results: Result[] = [];
    for (const write of writes) {
      const existing = ctx
        .stmt('SELECT rowid, content_hash, current_version_rowid, current_version_id, version_count, created_at FROM documents WHERE tenant_id = ? AND id = ?')
        .get(tenantId, write.document.id) as Existing | undefined;
      if (existing && existing.content_hash === write.contentHash) {
        const current = ctx
          .stmt('SELECT v.id, v.version, (SELECT count(*) FROM chunks c WHERE c.version_rowid = v.rowid) AS chunks FROM versions v WHERE v.rowid = ?')
          .get(existing.current_version_rowid) as { id: string; version: number; chunks: number };
        results.push({ documentId: write.document.id, versionId: current.id, version: current.version, status: 'unchanged', chunks: current.chunks });
        if (write.acl !== undefined) writeAcl(ctx, tenantId, existing.rowid, write.acl);
        continue;
      }
      if (write.skipIfDuplicate) {
        const duplicateOf = ctx
          .stmt('SELECT id FROM documents INDEXED BY documents_hash WHERE tenant_id = ? AND content_hash = ? AND id != ? LIMIT 1')
          .pluck()
          .get(tenantId, write.contentHash, write.document.id) as string | undefined;
        const near = duplicateOf === undefined ? _nearDuplicate(ctx, tenant, write) : undefined;
        const duplicate = duplicateResult({ write, current: existing && { versionId: existing.current_version_id, version: existing.version_count }, exactOf: duplicateOf, near });
        if (duplicate) {
          results.push(duplicate);
          continue;
        }
      }
      changed = true;
      dims = checkVectorDims(tenant, write, dims);
      results.push(_storeVersion(ctx, tenantId, write, existing, delta));
    }
    if (!changed) return { result: { results } };
    writeAddedTerms(ctx, delta);
    ctx.touch(tenantId);
    return { result: { results }, delta };
  });
  return run.immediate();
}

function _storeVersion(ctx: SqliteContext, tenantId: number, write: DocumentWrite, existing: Existing | undefined, delta: IndexDelta): Result {
  const { document: doc, at } = write;
  const versionId = ctx.internal.generateId('ver_');
  const metadata = JSON.stringify(doc.metadata ?? {});
  let documentRowid: number;
  if (existing) {
    documentRowid = existing.rowid;
    const old = existing.current_version_rowid;
    ctx.stmt("UPDATE versions SET status = 'superseded', superseded_at = ? WHERE rowid = ?").run(at, old);
    captureRemoved(ctx, delta, 'version', old);
    ctx.stmt('DELETE FROM keyword_terms WHERE chunk_rowid IN (SELECT rowid FROM chunks WHERE version_rowid = ?)').run(old);
    ctx.stmt('DELETE FROM vectors WHERE chunk_rowid IN (SELECT rowid FROM chunks WHERE version_rowid = ?)').run(old);
  } else {
    documentRowid = Number(
      ctx
        .stmt(
          `INSERT INTO documents (tenant_id, id, collection, source, title, format, content_hash, current_version_rowid,
           current_version_id, version_count, metadata, created_at, updated_at, modified_at) VALUES (?, ?, '', '', '', '', '', 0, '', 0, '{}', ?, ?, NULL)`,
        )
        .run(tenantId, doc.id, at, at).lastInsertRowid,
    );
  }
  const version = (existing?.version_count ?? 0) + 1;
  const versionRowid = Number(
    ctx
      .stmt(
        `INSERT INTO versions (tenant_id, document_rowid, id, version, content_hash, text, pages, status, created_at, metadata)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'current', ?, ?)`,
      )
      .run(tenantId, documentRowid, versionId, version, write.contentHash, doc.text, doc.pages ? JSON.stringify(doc.pages) : null, at, metadata)
      .lastInsertRowid,
  );
  ctx
    .stmt(
      `UPDATE documents SET collection = ?, source = ?, title = ?, format = ?, content_hash = ?, current_version_rowid = ?,
       current_version_id = ?, version_count = ?, metadata = ?, updated_at = ?, modified_at = ? WHERE rowid = ?`,
    )
    .run(write.collection ?? 'default', doc.source, doc.title, doc.format, write.contentHash, versionRowid, versionId, version, metadata, at, doc.modifiedAt ?? null, documentRowid);
  _storeChunks(ctx, tenantId, documentRowid, versionRowid, versionId, write, delta);
  _storeSignature(ctx, tenantId, documentRowid, write, existing !== undefined);
  if (write.acl !== undefined) writeAcl(ctx, tenantId, documentRowid, write.acl);
  return { documentId: doc.id, versionId, version, status: existing ? 'updated' : 'created', chunks: write.chunks.length };
}

function _storeChunks(ctx: SqliteContext, tenantId: number, documentRowid: number, versionRowid: number, versionId: string, write: DocumentWrite, delta: IndexDelta): void {
  const insertChunk = ctx.stmt(
    `INSERT INTO chunks (tenant_id, document_rowid, version_rowid, id, ordinal, text, start, "end", heading_path, token_count, role, parent_id, pages, context)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTerms = ctx.stmt('INSERT INTO keyword_terms (chunk_rowid, tenant_id, document_rowid, length, terms) VALUES (?, ?, ?, ?, ?)');
  const insertVector = ctx.stmt('INSERT INTO vectors (chunk_rowid, tenant_id, document_rowid, model, dims, vector) VALUES (?, ?, ?, ?, ?, ?)');
  write.chunks.forEach((c, i) => {
    const chunkRowid = insertChunk.run(
      tenantId, documentRowid, versionRowid, `${versionId}:${i}`, i, c.text, c.start, c.end, JSON.stringify(c.headingPath ?? []),
      c.tokenCount, c.role, c.parentIndex === undefined ? null : `${versionId}:${c.parentIndex}`,
      c.pages ? JSON.stringify(c.pages) : null, write.contexts?.[i] ?? null,
    ).lastInsertRowid;
    if (c.role !== 'leaf') return;
    const { length, terms } = encodeTerms(write.indexTexts?.[i] ?? c.text);
    insertTerms.run(chunkRowid, tenantId, documentRowid, length, terms);
    delta.addedTerms.push({ chunkRowid: Number(chunkRowid), documentRowid, length, terms });
    const vector = write.vectors?.[i];
    if (vector && vector.length > 0) {
      const bytes = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
      insertVector.run(chunkRowid, tenantId, documentRowid, write.embeddingModel ?? null, vector.length, bytes);
      delta.addedVectors.push({ chunkRowid: Number(chunkRowid), documentRowid, vector });
    }
  });
}

function _storeSignature(ctx: SqliteContext, tenantId: number, documentRowid: number, write: DocumentWrite, replace: boolean): void {
  if (replace) {
    ctx.stmt('DELETE FROM signature_bands WHERE document_rowid = ?').run(documentRowid);
    ctx.stmt('DELETE FROM signatures WHERE document_rowid = ?').run(documentRowid);
  }
  if (!write.signature) return;
  const { values, bands } = write.signature;
  ctx
    .stmt('INSERT INTO signatures (document_rowid, tenant_id, signature) VALUES (?, ?, ?)')
    .run(documentRowid, tenantId, Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  const insertBand = ctx.stmt('INSERT OR IGNORE INTO signature_bands (tenant_id, band, document_rowid) VALUES (?, ?, ?)');
  for (const band of bands) insertBand.run(tenantId, band, documentRowid);
}

/** The most similar other document at or over `write.nearDuplicateThreshold`, read under the write lock. */
function _nearDuplicate(ctx: SqliteContext, tenant: string, write: DocumentWrite): { id: string; similarity: number } | undefined {
  if (write.nearDuplicateThreshold === undefined || !write.signature) return undefined;
  return nearestDuplicate(write, findBySignatureBands(ctx, tenant, write.signature.bands));
}
