/**
 * Versioned schema migrations. The schema version lives in `PRAGMA user_version`; pending migrations run in
 * one write transaction that re-reads it. A file whose version is newer than the newest migration is refused.
 */
import type Database from 'better-sqlite3';
import { FathomError } from '../../util/errors.js';
import { buildPostings } from './build-postings.js';

interface Migration {
  version: number;
  sql: string;
  /** Data migration run after `sql`, in the same transaction. */
  up?: (db: Database.Database) => void;
}

const migrations: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE tenants (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, generation INTEGER NOT NULL DEFAULT 0);
CREATE TABLE documents (
  rowid INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL REFERENCES tenants(id), id TEXT NOT NULL,
  collection TEXT NOT NULL, source TEXT NOT NULL, title TEXT NOT NULL, format TEXT NOT NULL,
  content_hash TEXT NOT NULL, current_version_rowid INTEGER NOT NULL, current_version_id TEXT NOT NULL,
  version_count INTEGER NOT NULL, metadata TEXT NOT NULL, created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL, modified_at INTEGER, UNIQUE (tenant_id, id));
CREATE INDEX documents_hash ON documents (tenant_id, content_hash);
CREATE TABLE versions (
  rowid INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL REFERENCES tenants(id),
  document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE, id TEXT NOT NULL,
  version INTEGER NOT NULL, content_hash TEXT NOT NULL, text TEXT NOT NULL, pages TEXT,
  status TEXT NOT NULL, created_at INTEGER NOT NULL, superseded_at INTEGER, metadata TEXT NOT NULL);
CREATE INDEX versions_document ON versions (document_rowid, version);
CREATE UNIQUE INDEX versions_id ON versions (tenant_id, id);
CREATE TABLE chunks (
  rowid INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL REFERENCES tenants(id),
  document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  version_rowid INTEGER NOT NULL REFERENCES versions(rowid) ON DELETE CASCADE, id TEXT NOT NULL,
  ordinal INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  heading_path TEXT NOT NULL, token_count INTEGER NOT NULL, role TEXT NOT NULL, parent_id TEXT,
  pages TEXT, context TEXT);
CREATE UNIQUE INDEX chunks_id ON chunks (tenant_id, id);
CREATE INDEX chunks_version ON chunks (version_rowid, ordinal);
CREATE INDEX chunks_document ON chunks (document_rowid);
-- The keyword index: analyzed terms ("term tf term tf …") and length of each searchable chunk.
CREATE TABLE keyword_terms (
  chunk_rowid INTEGER PRIMARY KEY REFERENCES chunks(rowid) ON DELETE CASCADE,
  tenant_id INTEGER NOT NULL, document_rowid INTEGER NOT NULL, length INTEGER NOT NULL, terms TEXT NOT NULL);
CREATE INDEX keyword_terms_tenant ON keyword_terms (tenant_id);
CREATE TABLE vectors (
  chunk_rowid INTEGER PRIMARY KEY REFERENCES chunks(rowid) ON DELETE CASCADE,
  tenant_id INTEGER NOT NULL, document_rowid INTEGER NOT NULL, model TEXT, dims INTEGER NOT NULL, vector BLOB NOT NULL);
CREATE INDEX vectors_tenant ON vectors (tenant_id);
CREATE TABLE signatures (
  document_rowid INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
  tenant_id INTEGER NOT NULL, signature BLOB NOT NULL);
CREATE TABLE signature_bands (
  tenant_id INTEGER NOT NULL, band TEXT NOT NULL,
  document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  PRIMARY KEY (tenant_id, band, document_rowid)) WITHOUT ROWID;
CREATE INDEX signature_bands_document ON signature_bands (document_rowid);
CREATE TABLE query_log (
  rowid INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL REFERENCES tenants(id), id TEXT NOT NULL,
  at INTEGER NOT NULL, entry TEXT NOT NULL);
CREATE INDEX query_log_at ON query_log (tenant_id, at);
CREATE TABLE meta (
  tenant_id INTEGER NOT NULL REFERENCES tenants(id), key TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (tenant_id, key)) WITHOUT ROWID;
`,
  },
  {
    // v2: indexes for incremental index maintenance (the rows of a deleted document), and the contextual-retrieval
    // context cache, keyed by the caller and tied to a document id so deleting the document removes its entries.
    version: 2,
    sql: `
CREATE INDEX keyword_terms_document ON keyword_terms (document_rowid);
CREATE INDEX vectors_document ON vectors (document_rowid);
CREATE TABLE context_cache (
  tenant_id INTEGER NOT NULL REFERENCES tenants(id), key TEXT NOT NULL, document_id TEXT NOT NULL,
  context TEXT NOT NULL, model TEXT NOT NULL, PRIMARY KEY (tenant_id, key)) WITHOUT ROWID;
CREATE INDEX context_cache_document ON context_cache (tenant_id, document_id);
`,
  },
  {
    // v3: the database's identity (a random id drawn when the file is created or upgraded) and a random epoch per
    // tenant, redrawn with every generation bump; derived side files (HNSW graphs) record both and are ignored or
    // reconciled when they belong to another database or another history of this one (a restored backup).
    version: 3,
    sql: `
CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO store_info (key, value) VALUES ('id', lower(hex(randomblob(16))));
ALTER TABLE tenants ADD COLUMN epoch TEXT NOT NULL DEFAULT '';
`,
  },
  {
    // v4: the keyword index on disk — postings blocks per (tenant, term), collection statistics and the merge
    // watermark per tenant, built from keyword_terms (see keyword-postings.ts): a query reads only its terms' postings.
    version: 4,
    sql: `
CREATE TABLE keyword_blocks (
  rowid INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL REFERENCES tenants(id), term TEXT NOT NULL,
  first_chunk INTEGER NOT NULL, n INTEGER NOT NULL, postings BLOB NOT NULL);
CREATE UNIQUE INDEX keyword_blocks_term ON keyword_blocks (tenant_id, term, first_chunk);
CREATE TABLE keyword_collection (
  tenant_id INTEGER PRIMARY KEY REFERENCES tenants(id), chunks INTEGER NOT NULL, total_length INTEGER NOT NULL,
  merged_through INTEGER NOT NULL DEFAULT 0, pending INTEGER NOT NULL DEFAULT 0);
`,
    up: buildPostings,
  },
  {
    // v5: document access lists (no rows: the whole tenant may read), removed with the document, and a per-tenant
    // ACL generation so cached sets of allowed documents notice an ACL change made without a new version.
    version: 5,
    sql: `
CREATE TABLE document_acl (
  document_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE, tenant_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('principal', 'group')), value TEXT NOT NULL,
  PRIMARY KEY (document_rowid, kind, value)) WITHOUT ROWID;
CREATE INDEX document_acl_value ON document_acl (tenant_id, kind, value);
ALTER TABLE tenants ADD COLUMN acl_generation INTEGER NOT NULL DEFAULT 0;
`,
  },
  {
    // v6: audit entries by id (feedback, GET /v1/audit/{id}, online scoring) without scanning the tenant's log.
    version: 6,
    sql: `CREATE INDEX query_log_id ON query_log (tenant_id, id);`,
  },
  {
    // v7: a principal's own audit entries (non-admin GET /v1/audit) in the query, not by filtering the newest N.
    version: 7,
    sql: `CREATE INDEX query_log_principal ON query_log (tenant_id, json_extract(entry, '$.metadata.principal'), at);`,
  },
];

/** The schema version this code writes. */
export const schemaVersion = migrations[migrations.length - 1]!.version;

/**
 * Bring the database to {@link schemaVersion}; refuse files written by newer code. The version is read again
 * inside one BEGIN IMMEDIATE transaction that runs every pending migration, so processes opening a new file at
 * the same time serialise on the write lock (waiting up to the busy timeout) and only the first one migrates.
 */
export function migrate(db: Database.Database, location: string): void {
  const read = () => db.pragma('user_version', { simple: true }) as number;
  const check = (current: number) => {
    if (current <= schemaVersion) return;
    throw new FathomError({
      code: 'STORE_SCHEMA_TOO_NEW',
      message: `The store at ${location} has schema version ${current}, newer than this fathom supports (${schemaVersion}). Upgrade fathom, or point the store at another file.`,
      details: { path: location, fileVersion: current, supportedVersion: schemaVersion },
    });
  };
  check(read());
  if (read() === schemaVersion) return;
  db.transaction(() => {
    const current = read();
    check(current);
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      migration.up?.(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}
