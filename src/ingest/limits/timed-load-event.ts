import type { LoadEvent } from '../../spec/loader.js';

/**
 * A load event with the wall time spent loading its document (`loadMs`), which ingest() charges to the
 * file's `ingest.limits.fileTimeoutMs` budget before chunking it.
 */
export type TimedLoadEvent = LoadEvent & { loadMs?: number };
