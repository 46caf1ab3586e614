/**
 * The embedded default store: one SQLite file (better-sqlite3, WAL, foreign keys, secure_delete) holding
 * tenants, documents, versions, chunks, the keyword index, vectors, MinHash signatures, the query log and meta.
 */
import type { Store } from '../../spec/store.js';
import { bindStore, type OwnStoreCalls, type StoreGuard } from '../bind-store.js';
import type { Internal } from '../../util/clock.js';
import { FathomError } from '../../util/errors.js';
import { generateId } from '../../util/ids.js';
import { validateTenant } from '../../util/validate-tenant.js';
import { setDocumentAcl } from './acl-store.js';
import { commitWrites } from './commit.js';
import { createContext, type SqliteContext } from './context.js';
import { getCachedContexts, putCachedContexts } from './context-cache.js';
import { checkpoint, deleteDocuments } from './delete-documents.js';
import { clearPendingErasure, erasePhysically, finishPendingErasure } from './erase-physically.js';
import { purgeQueryLog } from './purge-query-log.js';
import { existingSideFiles } from './side-files.js';
import type { IndexDelta } from './index-delta.js';
import { openDatabase, toStoreError } from './open-database.js';
import { annotateQueryLog } from './annotate-query-log.js';
import { appendQueryLog, getMeta, getQueryLogEntry, listMetaKeys, listQueryLog, setMeta } from './query-log.js';
import * as reads from './reads.js';
import { keywordQueryStats, searchKeyword, searchVector, type SearchCaches } from './search.js';
import { annFile, applyVectorDelta, clearVectorIndexes, exactFile, persistAfterDelete, resolveVectorSettings, type VectorIndexOptions } from './vector-index.js';
import { saveAnnIndex } from './ann-vector-index.js';
import { removeExactFile } from './exact-vector-file.js';
import { sideFileIdentity } from './side-file-identity.js';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** Database file (parent directories are created), or `:memory:`. */
  path: string;
  /** Default BM25 parameters (overridable per search). @default { k1: 0.9, b: 0.4 } */
  bm25?: { k1?: number; b?: number };
  /** Exact vs approximate (HNSW) vector search, and where the HNSW graph is kept. @default { mode: 'auto', annThreshold: 20000 } */
  vectorIndex?: VectorIndexOptions;
  /** Injectable clock and id generator, for tests. */
  _internal?: Partial<Internal>;
}

/** Open (creating or migrating) a SQLite store. */
export async function createSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  const { path, bm25 = {}, vectorIndex, _internal = {} } = options;
  if (typeof path !== 'string' || path.length === 0) {
    throw new FathomError({ code: 'INVALID_CONFIG', message: 'The SQLite store needs a `path` (a file path or ":memory:").' });
  }
  const db = openDatabase(path);
  const ctx = createContext({
    db,
    location: path,
    internal: { now: _internal.now ?? Date.now, generateId: _internal.generateId ?? generateId },
    bm25: { k1: bm25.k1 ?? 0.9, b: bm25.b ?? 0.4 },
  });
  try {
    finishPendingErasure(ctx); // a delete left pages behind for a reader that has since closed
  } catch (error) {
    db.close();
    throw toStoreError(error, path);
  }
  const caches: SearchCaches = { keyword: new Map(), vector: new Map(), allowed: new Map(), vectorSettings: resolveVectorSettings(vectorIndex, path) };
  /** Bring this process's in-memory indexes forward by a committed delta (or drop them to be rebuilt). */
  const apply = (delta: IndexDelta | undefined) => {
    if (!delta) return;
    caches.keyword.delete(delta.tenantId);
    applyVectorDelta(caches.vector, delta, caches.vectorSettings);
    // A removed vector must not outlive its removal in the exact side file (rewritten by the next cold search).
    const exact = exactFile(ctx, delta.tenantId, caches.vectorSettings);
    if (exact && delta.removedVectors.length > 0) removeExactFile(exact);
  };
  const saveGraphs = () => {
    for (const [tenantId, index] of caches.vector) {
      const file = annFile(ctx, tenantId, caches.vectorSettings);
      if (index.kind === 'ann' && file && index.generation === ctx.generation(tenantId)) saveAnnIndex(index, file, sideFileIdentity(ctx, tenantId));
    }
  };
  /** Run a tenant-scoped call (the tenant id is validated first), or a store-wide one (`tenant` null). */
  const guard: StoreGuard<SqliteContext> = async (tenant, fn) => {
    try {
      if (tenant !== null) validateTenant(tenant);
      return await fn(ctx);
    } catch (error) {
      throw toStoreError(error, path);
    }
  };
  const own: OwnStoreCalls = {
    commit: ({ tenant, writes }) =>
      guard(tenant, () => {
        const { result, delta } = commitWrites(ctx, tenant, writes);
        apply(delta);
        return result;
      }),
    deleteDocuments: async ({ tenant, ids }) => {
      const { result, changedTenantId } = await guard(tenant, () => {
        const out = deleteDocuments(ctx, tenant, ids);
        apply(out.delta);
        if (out.delta) {
          persistAfterDelete(ctx, out.delta.tenantId, caches.vector, caches.vectorSettings);
          out.result.sideFiles = existingSideFiles(annFile(ctx, out.delta.tenantId, caches.vectorSettings));
        }
        return out;
      });
      if (changedTenantId !== undefined) result.erasure = await guard(tenant, () => erasePhysically(ctx, changedTenantId));
      return result;
    },
    purgeQueryLog: async (o) => {
      const counts = await guard(o.tenant, () => purgeQueryLog(ctx, o));
      const tenantId = counts.removed + counts.redacted > 0 ? ctx.tenantId(o.tenant) : undefined;
      const erasure = tenantId !== undefined ? await guard(o.tenant, () => erasePhysically(ctx, tenantId)) : { status: 'complete' as const, attempts: 0, message: 'Nothing was purged.' };
      return { ...counts, erasure };
    },
    searchKeyword: (o) => guard(o.tenant, () => searchKeyword(ctx, caches, o)),
    searchVector: (o) => guard(o.tenant, () => searchVector(ctx, caches, o)),
    keywordQueryStats: (o) => guard(o.tenant, () => keywordQueryStats(ctx, caches, o)),
    compact: () =>
      guard(null, () => {
        saveGraphs();
        checkpoint(ctx);
        db.exec('VACUUM');
        checkpoint(ctx);
        clearPendingErasure(ctx);
      }),
    close: () =>
      guard(null, () => {
        if (db.open) saveGraphs();
        if (db.open) finishPendingErasure(ctx); // readers may have left since the delete
        caches.keyword.clear();
        clearVectorIndexes(caches.vector);
        caches.allowed.clear();
        if (db.open) db.close();
      }),
  };
  const ops = { ...reads, setDocumentAcl, getCachedContexts, putCachedContexts, appendQueryLog, annotateQueryLog, listQueryLog, getQueryLogEntry, listMetaKeys, getMeta, setMeta };
  return bindStore({ provider: 'sqlite', location: path, context: () => ctx, guard, ops, own });
}
