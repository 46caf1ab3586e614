/**
 * Ingest runs: options, progress events and the report/manifest they produce.
 */
import type { SkipReport } from './loader.js';

/** What to do with a document whose content duplicates (exactly or nearly) one already stored or seen. */
export type DuplicatePolicy = 'skip' | 'keep' | 'report';

export interface DedupOptions {
  /** @default 'report' (store it, list the group) */
  policy?: DuplicatePolicy;
  /** Estimated Jaccard similarity of 5-word shingles at or above which two documents are near-duplicates. @default 0.85 */
  threshold?: number;
  /** Turn near-duplicate detection off (exact duplicates are always detected). @default true */
  near?: boolean;
}

/** A progress snapshot, emitted at most every `progressIntervalMs` and once at the end. */
export interface IngestProgress {
  phase: 'scan' | 'ingest' | 'sync' | 'done';
  files: number;
  documents: number;
  chunks: number;
  skipped: number;
  /** Embedded chunks. */
  embeddings: number;
  elapsedMs: number;
  docsPerSecond: number;
  chunksPerSecond: number;
  /** Remaining time estimate, ms, when the total is known. */
  etaMs?: number;
  /** Total files found by the scan, when known. */
  totalFiles?: number;
}

export interface DuplicateGroup {
  kind: 'exact' | 'near';
  /** Document kept (or first seen). */
  canonical: string;
  /** Ids of the duplicates. */
  duplicates: string[];
  /** Estimated similarity (1 for exact). */
  similarity: number;
  action: 'skipped' | 'kept';
}

/** The run's outcome; also written as the manifest JSON. */
export interface IngestReport {
  runId: string;
  tenant: string;
  startedAt: number;
  finishedAt: number;
  /** Resolved configuration, so a run can be reproduced. */
  config: Record<string, unknown>;
  /** Versions of fathom and of the components that shaped the output. */
  versions: Record<string, string>;
  counts: {
    files: number;
    documents: number;
    created: number;
    updated: number;
    unchanged: number;
    skipped: number;
    duplicates: number;
    removed: number;
    chunks: number;
    embeddings: number;
  };
  skipped: SkipReport[];
  duplicates: DuplicateGroup[];
  /** Ids removed by sync. */
  removed: string[];
  /** Contextual retrieval: contexts generated and reused from the cache, and the tokens spent. */
  contextual?: { model: string; generated: number; cached: number; inputTokens: number; outputTokens: number };
  /** True when the run was interrupted (signal); what was committed stays, re-running finishes it. */
  interrupted: boolean;
  warnings: Array<{ type: string; message: string }>;
}
