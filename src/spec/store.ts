/**
 * The Store contract. Every backend (SQLite embedded default, Postgres + pgvector) implements it and
 * passes `runStoreConformance` from `fathom/testing`.
 *
 * Rules every backend keeps:
 * - Every read and write names a tenant; nothing ever crosses tenants.
 * - `commit` is atomic: a batch is either fully stored or not at all (crash-safe).
 * - Only current versions' leaf chunks are searchable; superseded versions are kept for audit.
 * - Deletion removes every version, chunk, vector and keyword-index entry, and the text leaves the file.
 * - Reads that take a `principal` return only what its access lists allow (see `spec/access.ts`), enforced inside
 *   the query and the search; reads without one are the trusted caller and see the whole tenant.
 */
import type { AccessList, Principal } from './access.js';
import type { Chunk, ChunkDraft } from './chunk.js';
import type { Document, DocumentVersion, LoadedDocument } from './document.js';
import type { MetadataFilter } from './filter.js';
import type { Hit } from './hit.js';
import type { QueryLogEntry } from './audit.js';
import type { OnlineScores, QueryFeedback } from './monitor.js';

export interface Store {
  readonly specificationVersion: 'v1';
  /** `sqlite`, `postgres`, … */
  readonly provider: string;
  /** Where the data lives (file path or connection description), for messages. */
  readonly location: string;

  /** Store a batch of new or changed documents atomically. */
  commit(options: { tenant: string; writes: DocumentWrite[] }): Promise<CommitResult>;

  /** The document, or undefined when it does not exist or `principal` may not read it. */
  getDocument(options: { tenant: string; id: string; principal?: Principal }): Promise<Document | undefined>;
  /** Documents ordered by id (those `principal` may read). */
  listDocuments(options: { tenant: string; filter?: MetadataFilter; limit?: number; afterId?: string; principal?: Principal }): Promise<Document[]>;
  /** Ids and content hashes of every document in a tenant (for sync and change detection), ordered by id. */
  listDocumentKeys(options: { tenant: string; collection?: string }): AsyncIterable<{ id: string; source: string; contentHash: string }>;
  /** Stored rows: documents, versions (superseded included) and chunks (of every version). */
  countDocuments(options: { tenant: string }): Promise<{ documents: number; versions: number; chunks: number }>;
  /** Versions of a document, newest first. */
  listVersions(options: { tenant: string; documentId: string; principal?: Principal }): Promise<DocumentVersion[]>;
  /** Chunks of a version (current version when omitted), in ordinal order. */
  listChunks(options: { tenant: string; documentId: string; versionId?: string; principal?: Principal }): Promise<Chunk[]>;
  /** Chunks by id (any version), in the order asked, skipping unknown ids and chunks of documents `principal` may not read. */
  getChunks(options: { tenant: string; ids: string[]; principal?: Principal }): Promise<Chunk[]>;

  /**
   * Replace a document's access list without re-ingesting it (`undefined` or empty lists: the whole tenant may
   * read). Returns false when the document does not exist.
   */
  setDocumentAcl(options: { tenant: string; id: string; acl: AccessList | undefined }): Promise<boolean>;

  /** Documents (current versions) whose content hash equals `contentHash`. */
  findByContentHash(options: { tenant: string; contentHash: string }): Promise<Array<{ id: string; source: string }>>;
  /** Documents sharing at least one LSH band with `bands`, with their MinHash signatures. */
  findBySignatureBands(options: { tenant: string; bands: string[] }): Promise<Array<{ id: string; source: string; signature: Uint32Array }>>;

  /** Delete documents with every version, chunk, vector, index entry and signature. */
  deleteDocuments(options: { tenant: string; ids: string[] }): Promise<DeleteResult>;

  /** BM25 over current leaf chunks. The store analyses `query` with the same analyzer it indexed with. */
  searchKeyword(options: KeywordSearchOptions): Promise<Hit[]>;
  /** Nearest current leaf chunks by cosine similarity. */
  searchVector(options: VectorSearchOptions): Promise<Hit[]>;
  /**
   * Optional: how the keyword index sees `query` — its analysed terms and the largest BM25 score any
   * chunk could reach for it (Σ over distinct query terms of idf·(k1 + 1), the supremum of a term's
   * BM25 contribution). Retrieval divides the top BM25 score by `maxScore` for the sufficiency signal;
   * when a backend does not implement it, that feature is imputed.
   */
  keywordQueryStats?(options: { tenant: string; query: string; bm25?: { k1?: number; b?: number } }): Promise<KeywordQueryStats>;

  /**
   * Optional: contexts cached by contextual retrieval, by the caller's key (e.g. a hash of the model, the
   * prompt, the document and the chunk). Returns only the keys that are cached.
   */
  getCachedContexts?(options: { tenant: string; keys: string[] }): Promise<Map<string, string>>;
  /**
   * Optional: cache generated contexts (an existing key is replaced). Entries belong to `documentId` (which
   * need not be stored yet): `deleteDocuments` removes them with the document.
   */
  putCachedContexts?(options: { tenant: string; entries: CachedContext[] }): Promise<void>;

  appendQueryLog(entry: QueryLogEntry): Promise<void>;
  /**
   * Optional: remove (or redact) audit entries — by document they retrieved or cited, by age, or the tenant's
   * whole log (`all`). At least one selector is required; several intersect. The freed bytes leave the files as
   * for `deleteDocuments` (`erasure`).
   */
  purgeQueryLog?(options: PurgeQueryLogOptions): Promise<PurgeQueryLogResult>;
  /**
   * Optional: attach feedback (appended) and/or online scores (replaced) to one audit entry. Returns the updated
   * entry, or undefined when the tenant has no entry with that id. Redaction keeps a feedback's rating, never its text.
   */
  annotateQueryLog?(options: { tenant: string; id: string; /** The entry's `at`, when known (a faster lookup). */ at?: number; feedback?: QueryFeedback; online?: OnlineScores }): Promise<QueryLogEntry | undefined>;
  /**
   * Entries with `at >= since` (epoch ms), newest first, at most `limit`. `until` (optional, exclusive) bounds the
   * range from above; a backend that ignores it returns newer entries too, so callers also filter by `at`.
   * `principal` (optional) keeps only the entries caused by that principal id (`entry.metadata.principal`), in the
   * query itself, so `limit` counts that principal's entries (the server's non-admin audit listing).
   */
  listQueryLog(options: { tenant: string; since?: number; until?: number; limit?: number; principal?: string }): Promise<QueryLogEntry[]>;
  /** Optional: one audit entry by id (an indexed lookup), or undefined when the tenant has none with that id. */
  getQueryLogEntry?(options: { tenant: string; id: string }): Promise<QueryLogEntry | undefined>;

  /** Optional (store migration): every tenant that holds anything, sorted. */
  listTenants?(): Promise<string[]>;
  /** Optional (store migration): the tenant's meta keys, sorted. */
  listMetaKeys?(options: { tenant: string }): Promise<string[]>;

  /** Small key/value state (embedding model fingerprint, cached artifacts), scoped to a tenant. */
  getMeta(options: { tenant: string; key: string }): Promise<string | undefined>;
  setMeta(options: { tenant: string; key: string; value: string }): Promise<void>;

  /** Reclaim space and make deleted content unrecoverable from the files (checkpoint, vacuum). */
  compact(): Promise<void>;
  close(): Promise<void>;
}

/** One document to store: a new document, or a new version of an existing one. */
export interface DocumentWrite {
  document: LoadedDocument;
  /** Collection the document belongs to. @default 'default' */
  collection?: string;
  contentHash: string;
  chunks: ChunkDraft[];
  /** One vector per chunk draft (parents included; may be empty arrays for parents), when an embedder ran. */
  vectors?: Array<Float32Array | undefined>;
  /** Embedding model id the vectors came from. */
  embeddingModel?: string;
  /** Text to index per chunk draft instead of the chunk text (heading path and context prepended). */
  indexTexts?: string[];
  /** Context generated per chunk draft (contextual retrieval), stored as `Chunk.context`; never part of the text. */
  contexts?: Array<string | undefined>;
  /** MinHash signature and its LSH bands, for near-duplicate detection. */
  signature?: { values: Uint32Array; bands: string[] };
  /** Epoch ms to record as the time of this write. */
  at: number;
  /**
   * Dedup policy `skip`: inside the commit's write transaction, if another current document of the tenant has the
   * same `contentHash`, store nothing for this write and return status `duplicate` (so concurrent writers cannot
   * both store the same content). @default false
   */
  skipIfDuplicate?: boolean;
  /**
   * With `skipIfDuplicate` and a `signature`: a near duplicate also counts — another document of the tenant
   * sharing an LSH band whose estimated Jaccard similarity is at least this (0–1) — checked inside the same
   * write transaction, so concurrent writers cannot both store near-identical texts. @default exact only
   */
  nearDuplicateThreshold?: number;
  /**
   * The document's access list. `undefined` keeps the stored one (a new document: the whole tenant may read); a
   * value replaces it, also when the content is unchanged; empty lists open the document to the whole tenant.
   */
  acl?: AccessList;
}

export interface CommitResult {
  /** One entry per write, in order. */
  results: Array<{
    documentId: string;
    /** The current version after the commit ('' and 0 when a `duplicate` write left no document). */
    versionId: string;
    version: number;
    status: 'created' | 'updated' | 'unchanged' | 'duplicate';
    chunks: number;
    /** With status `duplicate`: the stored document whose content this write repeats. */
    duplicateOf?: string;
    /** With status `duplicate`: estimated similarity to `duplicateOf` (1 for the same content). */
    similarity?: number;
  }>;
}

export interface DeleteResult {
  /** Ids that existed and were removed. */
  deleted: string[];
  /** Ids that did not exist in the tenant. */
  missing: string[];
  versions: number;
  chunks: number;
  /** Audit entries that retrieved or cited a deleted document, their text redacted (`QueryLogEntry.redacted`). */
  auditEntriesRedacted?: number;
  /** Contextual-retrieval contexts removed. */
  cachedContexts?: number;
  /** Derived files beside the store rewritten without the deleted rows (HNSW graph and its meta). */
  sideFiles?: string[];
  /** Whether the deleted bytes have physically left the store's files. */
  erasure?: PhysicalErasure;
}

/**
 * Physical erasure after a delete: `complete` once the WAL is checkpointed into the database file (whose freed
 * pages `secure_delete` zeroed) and truncated; `pending` while another connection still reads an older snapshot
 * (the old pages stay in the files until it closes: the store records this and finishes on its next open);
 * `not-applicable` for stores with no files (`:memory:`) or backends that manage their own storage.
 */
export interface PhysicalErasure {
  status: 'complete' | 'pending' | 'not-applicable';
  /** Checkpoint attempts made. */
  attempts: number;
  message: string;
}

/** Options of {@link Store.purgeQueryLog}. */
export interface PurgeQueryLogOptions {
  tenant: string;
  /** Entries that retrieved or cited any of these documents. */
  documentIds?: string[];
  /** Entries logged before this time (epoch ms). */
  before?: number;
  /** Every entry of the tenant (must be set explicitly when no other selector is given). */
  all?: boolean;
  /** Remove the entries, or keep them with their text blanked. @default 'remove' */
  action?: 'remove' | 'redact';
  /** Epoch ms recorded in `redacted.at`. @default now */
  at?: number;
}

export interface PurgeQueryLogResult {
  removed: number;
  redacted: number;
  erasure: PhysicalErasure;
}

/** One place fathom removed or redacted deleted text from. */
export interface ErasedPlace {
  place: 'store' | 'audit-log' | 'context-cache' | 'side-file' | 'eval-run' | 'eval-cache' | 'review-file' | 'golden-set' | 'training-set' | 'lineage';
  /** The file holding it (store, side file, run or cache file). */
  path: string;
  action: 'removed' | 'redacted' | 'rewritten';
  /** Rows, entries, items or files, as `what` says. */
  count: number;
  what: string;
}

/** A copy fathom does not manage (a source file, a golden set, an export): it may still hold the text. */
export interface UnmanagedCopy {
  path: string;
  kind: 'source-file' | 'golden-set' | 'export';
  note: string;
}

/** What `docs delete` / `log purge` erased, where, and what is left outside fathom's control. */
export interface DeletionReceipt {
  tenant: string;
  /** Epoch ms. */
  at: number;
  /** Documents deleted (empty for a log purge). */
  deleted: string[];
  /** Ids not found in the tenant. */
  missing: string[];
  /** What the store removed (absent on a log purge). */
  counts?: { versions: number; chunks: number; auditEntriesRedacted: number; cachedContexts: number };
  places: ErasedPlace[];
  erasure: PhysicalErasure;
  notManaged: UnmanagedCopy[];
  /**
   * Golden items, review proposals and training examples fathom derived from the documents (by lineage), per file:
   * `purged` when `docs delete --purge` removed them, else still there (listed so they can be purged).
   */
  derived?: Array<{ kind: 'review-item' | 'golden-item' | 'training-example'; path: string; count: number; purged: boolean }>;
}

export interface KeywordSearchOptions {
  tenant: string;
  query: string;
  topK: number;
  filter?: MetadataFilter;
  /** The reader: only chunks of documents it may read are scored and ranked. @default the trusted caller (all) */
  principal?: Principal;
  /** BM25 parameters. @default { k1: 0.9, b: 0.4 } */
  bm25?: { k1?: number; b?: number };
}

export interface VectorSearchOptions {
  tenant: string;
  vector: Float32Array;
  topK: number;
  filter?: MetadataFilter;
  /** The reader: only chunks of documents it may read are searched (exact and HNSW alike). @default the trusted caller (all) */
  principal?: Principal;
  /** Return each hit's stored vector in `hit.vector` (MMR uses them instead of re-embedding). @default false */
  includeVectors?: boolean;
}

/** Result of {@link Store.keywordQueryStats}. */
export interface KeywordQueryStats {
  /** The query's analysed terms (after lowercasing, stop words, stemming), distinct, in query order. */
  terms: string[];
  /** Largest BM25 score a chunk could reach for this query; 0 when no term is in the index. */
  maxScore: number;
}

/** One entry of the contextual-retrieval context cache ({@link Store.putCachedContexts}). */
export interface CachedContext {
  /** The caller's cache key. */
  key: string;
  /** The document the context was generated for; deleting it removes the entry. */
  documentId: string;
  /** The generated context. */
  context: string;
  /** The chat model that generated it (for audit). */
  model: string;
}
