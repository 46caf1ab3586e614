/**
 * Fresh, empty Postgres stores for conformance runs without paying a schema migration per case (about a second on
 * PGlite): closed stores' schemas are emptied (DELETE, children first) and handed out again.
 */
import type { Store } from '../../spec/store.js';

const tables = ['query_log', 'meta', 'context_cache', 'keyword_stats', 'document_acl', 'signature_bands', 'signatures', 'postings', 'keyword_docs', 'vectors', 'chunks', 'versions', 'documents', 'tenants'];

/** Options of {@link createSchemaPool}. */
export interface SchemaPoolOptions {
  /** Open a store on `schema` (migrating it when new). */
  open: (schema: string) => Promise<Store>;
  /** Run one SQL statement on the database (any connection). */
  exec: (sql: string) => Promise<unknown>;
  /** Schema name prefix. @default 'conformance' */
  prefix?: string;
}

/** A `create` for runStoreConformance handing out emptied schemas. */
export function createSchemaPool(options: SchemaPoolOptions): () => Promise<Store> {
  const { open, exec, prefix = 'conformance' } = options;
  const free: string[] = [];
  let n = 0;
  return async () => {
    const reused = free.pop();
    const schema = reused ?? `${prefix}_${n++}`;
    if (reused) {
      for (const t of tables) await exec(`DELETE FROM "${schema}"."${t}"`).catch((e: { code?: string }) => {
        if (e?.code !== '42P01') throw e; // a keyword-only schema has no vectors table
      });
    }
    const store = await open(schema);
    return { ...store, close: async () => { await store.close(); free.push(schema); } };
  };
}
