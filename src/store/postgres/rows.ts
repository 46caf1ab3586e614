/**
 * Column lists of the Postgres store, aliased and typed like the SQLite backend's rows (epoch ms as float8, JSON
 * as text), so the same row → record mapping (`../sqlite/rows.ts`) serves both backends.
 */
export { toChunk, toDocument, toVersion } from '../sqlite/rows.js';

/** Document columns (alias `d`). */
export const documentColumns =
  'd.row::text AS document_row, d.id, d.collection, d.source, d.title, d.format, d.content_hash, d.current_version_id, d.version_count, d.metadata, d.created_at::float8 AS created_at, d.updated_at::float8 AS updated_at, d.modified_at::float8 AS modified_at';

/** Version columns (alias `v`, document alias `d`). */
export const versionColumns =
  'v.id, d.id AS document_id, v.version, v.content_hash, v.text, v.pages, v.status, v.created_at::float8 AS created_at, v.superseded_at::float8 AS superseded_at, v.metadata';

/** Chunk columns (alias `c`, with `d` and `v` joined). */
export const chunkColumns =
  'c.row::text AS chunk_row, c.id, d.id AS document_id, v.id AS version_id, c.ordinal, c.text, c.start, c."end", c.heading_path, c.token_count, c.role, c.parent_id, c.pages, c.context, v.metadata, d.title AS document_title, d.source AS document_source, d.collection AS document_collection';

/** The joins that go with {@link chunkColumns}. */
export const chunkJoins = '{chunks} c JOIN {documents} d ON d.row = c.document_row JOIN {versions} v ON v.row = c.version_row';
