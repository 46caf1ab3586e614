/**
 * The Store object every backend returns: the calls both backends implement with the same positional
 * signatures (reads, ACL update, query log, meta, context cache) bound once here, each through the backend's
 * guard (tenant validation, error mapping); the backend adds only its own commit, delete, search, compact and close.
 */
import type { Principal } from '../spec/access.js';
import type { Store } from '../spec/store.js';
import { validateTenant } from '../util/validate-tenant.js';

/**
 * Runs a tenant-scoped call (`tenant` validated first) or a store-wide one (`null`) with the backend's context for
 * that call (e.g. Postgres under Row-Level Security: one per call), mapping errors to the backend's FathomErrors.
 */
export type StoreGuard<C> = <T>(tenant: string | null, fn: (ctx: C) => T | Promise<T>) => Promise<T>;

type Fn<K extends keyof Store> = Extract<NonNullable<Store[K]>, (...args: never[]) => unknown>;
type Arg<K extends keyof Store> = Parameters<Fn<K>>[0];
type Out<K extends keyof Store> = Awaited<ReturnType<Fn<K>>> | ReturnType<Fn<K>>;

/** A backend's functions over its context `C` (synchronous or not). */
export interface StoreOps<C> {
  getDocument(ctx: C, tenant: string, id: string, principal?: Principal): Out<'getDocument'>;
  listDocuments(ctx: C, options: Arg<'listDocuments'>): Out<'listDocuments'>;
  listDocumentKeys(ctx: C, options: Arg<'listDocumentKeys'>): ReturnType<Store['listDocumentKeys']>;
  countDocuments(ctx: C, tenant: string): Out<'countDocuments'>;
  listVersions(ctx: C, tenant: string, documentId: string, principal?: Principal): Out<'listVersions'>;
  listChunks(ctx: C, tenant: string, documentId: string, versionId?: string, principal?: Principal): Out<'listChunks'>;
  getChunks(ctx: C, tenant: string, ids: string[], principal?: Principal): Out<'getChunks'>;
  setDocumentAcl(ctx: C, tenant: string, id: string, acl: Arg<'setDocumentAcl'>['acl']): Out<'setDocumentAcl'>;
  findByContentHash(ctx: C, tenant: string, contentHash: string): Out<'findByContentHash'>;
  findBySignatureBands(ctx: C, tenant: string, bands: string[]): Out<'findBySignatureBands'>;
  getCachedContexts(ctx: C, tenant: string, keys: string[]): Out<'getCachedContexts'>;
  putCachedContexts(ctx: C, tenant: string, entries: Arg<'putCachedContexts'>['entries']): Out<'putCachedContexts'>;
  appendQueryLog(ctx: C, entry: Arg<'appendQueryLog'>): Out<'appendQueryLog'>;
  annotateQueryLog(ctx: C, options: Arg<'annotateQueryLog'>): Out<'annotateQueryLog'>;
  listQueryLog(ctx: C, options: Arg<'listQueryLog'>): Out<'listQueryLog'>;
  getQueryLogEntry(ctx: C, options: Arg<'getQueryLogEntry'>): Out<'getQueryLogEntry'>;
  listMetaKeys(ctx: C, tenant: string): Out<'listMetaKeys'>;
  getMeta(ctx: C, tenant: string, key: string): Out<'getMeta'>;
  setMeta(ctx: C, tenant: string, key: string, value: string): Out<'setMeta'>;
}

/** What only the backend knows how to do. */
export type OwnStoreCalls = Pick<Store, 'commit' | 'deleteDocuments' | 'searchKeyword' | 'searchVector' | 'compact' | 'close'> &
  Partial<Pick<Store, 'keywordQueryStats' | 'purgeQueryLog' | 'listTenants'>>;

/** Options of {@link bindStore}. */
export interface BindStoreOptions<C> {
  provider: string;
  location: string;
  /** The context of a call made outside the guard (`listDocumentKeys`, an async iterable). */
  context: () => C;
  guard: StoreGuard<C>;
  ops: StoreOps<C>;
  own: OwnStoreCalls;
}

/** Build a backend's {@link Store} from its context, guard and functions. */
export function bindStore<C>({ provider, location, context, guard, ops, own }: BindStoreOptions<C>): Store {
  return {
    specificationVersion: 'v1',
    provider,
    location,
    getDocument: ({ tenant, id, principal }) => guard(tenant, (ctx) => ops.getDocument(ctx, tenant, id, principal)),
    listDocuments: (o) => guard(o.tenant, (ctx) => ops.listDocuments(ctx, o)),
    listDocumentKeys: (o) => {
      validateTenant(o.tenant);
      return ops.listDocumentKeys(context(), o);
    },
    countDocuments: ({ tenant }) => guard(tenant, (ctx) => ops.countDocuments(ctx, tenant)),
    listVersions: ({ tenant, documentId, principal }) => guard(tenant, (ctx) => ops.listVersions(ctx, tenant, documentId, principal)),
    listChunks: ({ tenant, documentId, versionId, principal }) => guard(tenant, (ctx) => ops.listChunks(ctx, tenant, documentId, versionId, principal)),
    getChunks: ({ tenant, ids, principal }) => guard(tenant, (ctx) => ops.getChunks(ctx, tenant, ids, principal)),
    setDocumentAcl: ({ tenant, id, acl }) => guard(tenant, (ctx) => ops.setDocumentAcl(ctx, tenant, id, acl)),
    findByContentHash: ({ tenant, contentHash }) => guard(tenant, (ctx) => ops.findByContentHash(ctx, tenant, contentHash)),
    findBySignatureBands: ({ tenant, bands }) => guard(tenant, (ctx) => ops.findBySignatureBands(ctx, tenant, bands)),
    getCachedContexts: ({ tenant, keys }) => guard(tenant, (ctx) => ops.getCachedContexts(ctx, tenant, keys)),
    putCachedContexts: ({ tenant, entries }) => guard(tenant, (ctx) => ops.putCachedContexts(ctx, tenant, entries)),
    appendQueryLog: (entry) => guard(entry.tenant, (ctx) => ops.appendQueryLog(ctx, entry)),
    annotateQueryLog: (o) => guard(o.tenant, (ctx) => ops.annotateQueryLog(ctx, o)),
    listQueryLog: (o) => guard(o.tenant, (ctx) => ops.listQueryLog(ctx, o)),
    getQueryLogEntry: (o) => guard(o.tenant, (ctx) => ops.getQueryLogEntry(ctx, o)),
    listMetaKeys: ({ tenant }) => guard(tenant, (ctx) => ops.listMetaKeys(ctx, tenant)),
    getMeta: ({ tenant, key }) => guard(tenant, (ctx) => ops.getMeta(ctx, tenant, key)),
    setMeta: ({ tenant, key, value }) => guard(tenant, (ctx) => ops.setMeta(ctx, tenant, key, value)),
    ...own,
  };
}
