/** Row → record mapping for the SQLite store. */
import type { Chunk } from '../../spec/chunk.js';
import type { Document, DocumentVersion, SourceFormat } from '../../spec/document.js';

/** Columns selected for a document row (alias `d`). */
export const documentColumns =
  'd.id, d.collection, d.source, d.title, d.format, d.content_hash, d.current_version_id, d.version_count, d.metadata, d.created_at, d.updated_at, d.modified_at';

/** Columns selected for a version row (alias `v`, document alias `d`). */
export const versionColumns =
  'v.id, d.id AS document_id, v.version, v.content_hash, v.text, v.pages, v.status, v.created_at, v.superseded_at, v.metadata';

/** Columns selected for a chunk row (alias `c`, with `d` and `v` joined). */
export const chunkColumns =
  'c.rowid AS chunk_rowid, c.id, d.id AS document_id, v.id AS version_id, c.ordinal, c.text, c.start, c."end", c.heading_path, c.token_count, c.role, c.parent_id, c.pages, c.context, v.metadata, d.title AS document_title, d.source AS document_source, d.collection AS document_collection';

/** The joins that go with {@link chunkColumns}. */
export const chunkJoins = 'chunks c JOIN documents d ON d.rowid = c.document_rowid JOIN versions v ON v.rowid = c.version_rowid';

type Row = Record<string, unknown>;

export function toDocument(tenant: string, r: Row): Document {
  const doc: Document = {
    tenant,
    id: r.id as string,
    collection: r.collection as string,
    source: r.source as string,
    title: r.title as string,
    format: r.format as SourceFormat,
    contentHash: r.content_hash as string,
    currentVersionId: r.current_version_id as string,
    versionCount: r.version_count as number,
    metadata: JSON.parse(r.metadata as string),
    createdAt: r.created_at as number,
    updatedAt: r.updated_at as number,
  };
  if (r.modified_at !== null) doc.modifiedAt = r.modified_at as number;
  return doc;
}

export function toVersion(tenant: string, r: Row): DocumentVersion {
  const v: DocumentVersion = {
    tenant,
    id: r.id as string,
    documentId: r.document_id as string,
    version: r.version as number,
    contentHash: r.content_hash as string,
    text: r.text as string,
    status: r.status as DocumentVersion['status'],
    createdAt: r.created_at as number,
    metadata: JSON.parse(r.metadata as string),
  };
  if (r.pages !== null) v.pages = JSON.parse(r.pages as string);
  if (r.superseded_at !== null) v.supersededAt = r.superseded_at as number;
  return v;
}

export function toChunk(tenant: string, r: Row): Chunk {
  const c: Chunk = {
    tenant,
    id: r.id as string,
    documentId: r.document_id as string,
    versionId: r.version_id as string,
    ordinal: r.ordinal as number,
    text: r.text as string,
    start: r.start as number,
    end: r.end as number,
    headingPath: JSON.parse(r.heading_path as string),
    tokenCount: r.token_count as number,
    role: r.role as Chunk['role'],
    metadata: JSON.parse(r.metadata as string),
  };
  if (r.parent_id !== null) c.parentId = r.parent_id as string;
  if (r.pages !== null) c.pages = JSON.parse(r.pages as string);
  if (r.context !== null) c.context = r.context as string;
  return c;
}
