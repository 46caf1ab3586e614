import type { LoaderLimits } from '../../spec/loader.js';

/**
 * Resource limits applied to every file an ingest reads (`ingest.limits.*`). Exceeding one turns that file
 * (or record) into a `LIMIT_EXCEEDED` skip naming the limit and the value; the rest of the run continues.
 * These are `LoaderLimits` (enforced by each loader) plus the limits the pipeline enforces around the loaders.
 */
export interface IngestLimits extends LoaderLimits {
  /**
   * Wall time for one file, in ms: parsing it (in its worker thread, which is terminated when over), then
   * chunking and contextualising it (chunkers stop between units past the deadline). Over → a
   * LIMIT_EXCEEDED skip; the run continues. For record formats it applies to each record. @default 30000
   */
  fileTimeoutMs: number;
  /** Heap of the parser worker thread (V8 old generation), in MiB. @default 512 */
  memoryMb: number;
  /** Chunks of one document; a document that chunks into more is skipped before embedding. @default 10,000 */
  chunksPerDocument: number;
  /**
   * Parse whole files in a worker thread, where `fileTimeoutMs` and `memoryMb` are enforced (the
   * worker is terminated). false parses in-process: faster to start, but those two limits do not apply.
   * @default true
   */
  isolate: boolean;
}

export const DEFAULT_INGEST_LIMITS: Readonly<IngestLimits> = Object.freeze({
  fileTimeoutMs: 30_000,
  memoryMb: 512,
  decompressedBytes: 64 * 1024 * 1024,
  extractedChars: 20_000_000,
  elements: 100_000,
  depth: 512,
  pages: 5_000,
  recordChars: 16 * 1024 * 1024,
  chunksPerDocument: 10_000,
  isolate: true,
});

/** A loader's limit: the one given in its input, else the default. */
export function loaderLimit(limits: Partial<LoaderLimits> | undefined, name: keyof LoaderLimits): number {
  return limits?.[name] ?? DEFAULT_INGEST_LIMITS[name];
}

/** Defaults filled in for every limit not given. */
export function resolveIngestLimits(limits: Partial<IngestLimits> = {}): IngestLimits {
  const out: IngestLimits = { ...DEFAULT_INGEST_LIMITS };
  for (const [k, v] of Object.entries(limits) as Array<[keyof IngestLimits, unknown]>) if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  return out;
}
