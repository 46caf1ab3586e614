/**
 * Options of `ingest()`.
 */
import type { Chunker } from '../spec/chunker.js';
import type { AccessList } from '../spec/access.js';
import type { LoadedDocument } from '../spec/document.js';
import type { EmbeddingModel } from '../spec/embedding-model.js';
import type { DedupOptions, IngestProgress } from '../spec/ingest.js';
import type { LoaderOptions } from '../spec/loader.js';
import type { Store } from '../spec/store.js';
import type { Internal } from '../util/clock.js';
import type { ContextualizeOptions } from './contextualize.js';
import type { IngestLimits } from './limits/ingest-limits.js';

export interface IngestOptions {
  store: Store;
  tenant: string;
  /** Files and directories to ingest. Either this or `documents`. */
  paths?: string[];
  /** Documents produced elsewhere (e.g. an importer), instead of `paths`. */
  documents?: AsyncIterable<LoadedDocument> | Iterable<LoadedDocument>;
  /** Directory relative paths and document ids are resolved against. @default process.cwd() */
  cwd?: string;
  /** Globs (relative paths) a file must match. @default all supported files */
  include?: string[];
  /** Globs that exclude files. Exclusion wins. */
  exclude?: string[];
  /** Files larger than this are skipped. @default 50 MiB */
  maxFileBytes?: number;
  /**
   * Resource limits per file and document (`ingest.limits.*`: wall time and heap of parsing, decompressed
   * bytes, extracted characters, HTML elements and depth, PDF pages, record size, chunks per document).
   * Exceeding one is a LIMIT_EXCEEDED skip naming the limit. @default DEFAULT_INGEST_LIMITS
   */
  limits?: Partial<IngestLimits>;
  /** Follow symbolic links that lead out of the given folders (loops are never followed). @default false */
  followSymlinks?: boolean;
  loaderOptions?: LoaderOptions;
  /** @default 'default' */
  collection?: string;
  /**
   * Access list of the run's documents that carry none of their own (front-matter `acl:`, a record's ACL field).
   * It is written also for unchanged documents, so re-running with another list changes who may read them.
   * @default none: a new document is readable by the whole tenant; a stored one keeps its list
   */
  acl?: AccessList;
  chunker: Chunker;
  /** When given, leaf chunks are embedded and vector search becomes available. */
  embedder?: EmbeddingModel;
  /**
   * Contextual retrieval: a chat model writes a short context situating each leaf chunk in its document;
   * it is prepended for the embedding and the BM25 index (cached by document hash, chunk hash and model).
   */
  contextualize?: ContextualizeOptions;
  /** Parallel embedding calls when the model allows them. @default 2 */
  embedConcurrency?: number;
  dedup?: DedupOptions;
  /**
   * Remove stored documents of this collection whose source vanished: only under the walked `paths`, never a
   * source skipped this run, never a file still on disk (with `documents`: the whole collection). @default false
   */
  sync?: boolean;
  /** Skip documents whose source is older than this many days. */
  maxAgeDays?: number;
  /** Documents per transaction. @default 64 */
  batchSize?: number;
  onProgress?: (progress: IngestProgress) => void;
  /** @default 500 */
  progressIntervalMs?: number;
  /** Stops the run after the current batch is committed. */
  signal?: AbortSignal;
  /** Versions of components to record in the report. */
  versions?: Record<string, string>;
  _internal?: Partial<Internal>;
}
