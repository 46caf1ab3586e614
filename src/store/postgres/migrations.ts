/**
 * Versioned migrations of the Postgres store, one schema per store. The version lives in `{schema_info}`; pending
 * migrations run in one transaction holding an advisory lock on the schema name, so processes opening a new
 * database at the same time serialise and only the first one migrates. A schema newer than this code is refused.
 * Vectors need pgvector: the `vectors` table is created when the extension is (or can be) installed; without it
 * the store runs keyword-only and says so when a write or a search brings vectors.
 */
import { FathomError } from '../../util/errors.js';
import { quoteIdent, type PgContext, type Queryable } from './context.js';
import { enableRls, rlsEnabled } from './rls.js';
import { ensureTextSearch } from './text-index.js';

// Ids, terms and keys are COLLATE "C": byte order like SQLite, whatever the database's locale.
const migrations: Array<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
CREATE TABLE {tenants} (id serial PRIMARY KEY, name text COLLATE "C" NOT NULL UNIQUE);
CREATE TABLE {documents} (
  row bigserial PRIMARY KEY, tenant_id int NOT NULL REFERENCES {tenants}(id), id text COLLATE "C" NOT NULL,
  collection text COLLATE "C" NOT NULL, source text NOT NULL, title text NOT NULL, format text NOT NULL,
  content_hash text COLLATE "C" NOT NULL, current_version_row bigint NOT NULL, current_version_id text NOT NULL,
  version_count int NOT NULL, metadata text NOT NULL, meta jsonb NOT NULL, created_at bigint NOT NULL,
  updated_at bigint NOT NULL, modified_at bigint, UNIQUE (tenant_id, id));
CREATE INDEX documents_hash ON {documents} (tenant_id, content_hash);
CREATE TABLE {versions} (
  row bigserial PRIMARY KEY, tenant_id int NOT NULL, document_row bigint NOT NULL REFERENCES {documents}(row) ON DELETE CASCADE,
  id text COLLATE "C" NOT NULL, version int NOT NULL, content_hash text NOT NULL, text text NOT NULL, pages text,
  status text NOT NULL, created_at bigint NOT NULL, superseded_at bigint, metadata text NOT NULL, UNIQUE (tenant_id, id));
CREATE INDEX versions_document ON {versions} (document_row, version);
CREATE TABLE {chunks} (
  row bigserial PRIMARY KEY, tenant_id int NOT NULL, document_row bigint NOT NULL REFERENCES {documents}(row) ON DELETE CASCADE,
  version_row bigint NOT NULL REFERENCES {versions}(row) ON DELETE CASCADE, id text COLLATE "C" NOT NULL,
  ordinal int NOT NULL, text text NOT NULL, start int NOT NULL, "end" int NOT NULL, heading_path text NOT NULL,
  token_count int NOT NULL, role text NOT NULL, parent_id text, pages text, context text, UNIQUE (tenant_id, id));
CREATE INDEX chunks_version ON {chunks} (version_row, ordinal);
CREATE INDEX chunks_document ON {chunks} (document_row);
-- The keyword index: one row per searchable chunk (its analysed length), postings per (tenant, term, chunk)
-- with the term frequency and the Lucene-decoded length, and per-tenant collection statistics.
CREATE TABLE {keyword_docs} (
  chunk_row bigint PRIMARY KEY REFERENCES {chunks}(row) ON DELETE CASCADE, tenant_id int NOT NULL,
  document_row bigint NOT NULL, length int NOT NULL);
CREATE INDEX keyword_docs_document ON {keyword_docs} (document_row);
CREATE TABLE {postings} (
  tenant_id int NOT NULL, term text COLLATE "C" NOT NULL, chunk_row bigint NOT NULL REFERENCES {chunks}(row) ON DELETE CASCADE,
  document_row bigint NOT NULL, tf int NOT NULL, dl int NOT NULL, PRIMARY KEY (tenant_id, term, chunk_row));
CREATE INDEX postings_chunk ON {postings} (chunk_row);
CREATE TABLE {keyword_stats} (tenant_id int PRIMARY KEY REFERENCES {tenants}(id), chunks bigint NOT NULL, total_length bigint NOT NULL);
CREATE TABLE {signatures} (document_row bigint PRIMARY KEY REFERENCES {documents}(row) ON DELETE CASCADE, tenant_id int NOT NULL, signature bytea NOT NULL);
CREATE TABLE {signature_bands} (
  tenant_id int NOT NULL, band text COLLATE "C" NOT NULL, document_row bigint NOT NULL REFERENCES {documents}(row) ON DELETE CASCADE,
  PRIMARY KEY (tenant_id, band, document_row));
CREATE INDEX signature_bands_document ON {signature_bands} (document_row);
CREATE TABLE {query_log} (
  row bigserial PRIMARY KEY, tenant_id int NOT NULL REFERENCES {tenants}(id), id text NOT NULL, at bigint NOT NULL,
  entry text NOT NULL, document_ids text[] NOT NULL);
CREATE INDEX query_log_at ON {query_log} (tenant_id, at);
CREATE INDEX query_log_documents ON {query_log} USING gin (document_ids);
CREATE TABLE {meta} (tenant_id int NOT NULL REFERENCES {tenants}(id), key text COLLATE "C" NOT NULL, value text NOT NULL, PRIMARY KEY (tenant_id, key));
CREATE TABLE {context_cache} (
  tenant_id int NOT NULL REFERENCES {tenants}(id), key text COLLATE "C" NOT NULL, document_id text COLLATE "C" NOT NULL,
  context text NOT NULL, model text NOT NULL, PRIMARY KEY (tenant_id, key));
CREATE INDEX context_cache_document ON {context_cache} (tenant_id, document_id);
CREATE TABLE {document_acl} (
  document_row bigint NOT NULL REFERENCES {documents}(row) ON DELETE CASCADE, tenant_id int NOT NULL,
  kind text NOT NULL CHECK (kind IN ('principal', 'group')), value text COLLATE "C" NOT NULL, PRIMARY KEY (document_row, kind, value));
CREATE INDEX document_acl_value ON {document_acl} (tenant_id, kind, value);
`,
  },
  {
    // v2: a principal's own audit entries (non-admin GET /v1/audit) in the query, not by filtering the newest N.
    version: 2,
    sql: `CREATE INDEX query_log_principal ON {query_log} (tenant_id, (entry::jsonb -> 'metadata' ->> 'principal'), at);`,
  },
  {
    // v3 (measured at 100k chunks, ARCHITECTURE): BM25 reads postings by index only (the key carries tf, dl and the
    // document row: no heap visit per posting), metadata equality filters narrow documents through a GIN index, and
    // a search's access lists come from the tenant's ACL rows by index only.
    version: 3,
    sql: `
ALTER TABLE {postings} DROP CONSTRAINT postings_pkey, ADD CONSTRAINT postings_pkey PRIMARY KEY (tenant_id, term, chunk_row) INCLUDE (document_row, tf, dl);
CREATE INDEX documents_meta ON {documents} USING gin (meta jsonb_path_ops);
DROP INDEX {document_acl_value};
CREATE INDEX document_acl_value ON {document_acl} (tenant_id, kind, value) INCLUDE (document_row);
-- The chunk's index text, kept only in the pg_textsearch keyword mode (text-index.ts).
ALTER TABLE {keyword_docs} ADD COLUMN index_text text;`,
  },
];

/** The schema version this code writes. */
export const schemaVersion = migrations[migrations.length - 1]!.version;

const vectorSql = `
CREATE TABLE IF NOT EXISTS {vectors} (
  chunk_row bigint PRIMARY KEY REFERENCES {chunks}(row) ON DELETE CASCADE, tenant_id int NOT NULL,
  document_row bigint NOT NULL, model text, dims int NOT NULL, embedding vector NOT NULL);
CREATE INDEX IF NOT EXISTS vectors_tenant ON {vectors} (tenant_id, chunk_row);
CREATE INDEX IF NOT EXISTS vectors_document ON {vectors} (document_row);
`;

/**
 * Create or upgrade the schema; returns whether pgvector (and so the vectors table) is available and whether the
 * tables force row-level security (enabled here when `rls`, detected otherwise).
 */
export async function migrate(ctx: PgContext, options: { rls?: boolean; keyword?: 'postings' | 'pg_textsearch' } = {}): Promise<{ vectors: boolean; rls: boolean }> {
  return ctx.tx(async (c) => {
    await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`fathom:${ctx.schema}`]);
    await c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(ctx.schema)}`);
    await c.query(ctx.sql('CREATE TABLE IF NOT EXISTS {schema_info} (key text PRIMARY KEY, value text NOT NULL)'));
    const current = Number((await c.query<{ value: string }>(ctx.sql("SELECT value FROM {schema_info} WHERE key = 'version'"))).rows[0]?.value ?? 0);
    if (current > schemaVersion) {
      throw new FathomError({
        code: 'STORE_SCHEMA_TOO_NEW',
        message: `The PostgreSQL store ${ctx.location} (schema "${ctx.schema}") has schema version ${current}, newer than this fathom supports (${schemaVersion}). Upgrade fathom, or use another schema.`,
        details: { location: ctx.location, schema: ctx.schema, fileVersion: current, supportedVersion: schemaVersion },
      });
    }
    for (const m of migrations) if (m.version > current) await c.query(ctx.sql(m.sql));
    await c.query(ctx.sql("INSERT INTO {schema_info} (key, value) VALUES ('version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value"), [String(schemaVersion)]);
    if (options.keyword === 'pg_textsearch') await ensureTextSearch(ctx, c);
    const vectors = await _ensureVector(c);
    if (vectors) await c.query(ctx.sql(vectorSql));
    if (options.rls) await enableRls(ctx, c, { vectors });
    return { vectors, rls: options.rls === true || (await rlsEnabled(ctx, c)) };
  });
}

/** Whether the `vector` type exists, installing the extension when it is available and we may. */
async function _ensureVector(c: Queryable): Promise<boolean> {
  const installed = await c.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'");
  if (installed.rows.length) return true;
  const available = await c.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
  if (!available.rows.length) return false;
  await c.query('SAVEPOINT fathom_vector');
  try {
    await c.query('CREATE EXTENSION IF NOT EXISTS vector');
    return true;
  } catch {
    await c.query('ROLLBACK TO SAVEPOINT fathom_vector'); // no privilege: keyword-only
    return false;
  }
}
