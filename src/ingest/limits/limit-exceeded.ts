import { FathomError } from '../../util/errors.js';
import type { IngestLimits } from './ingest-limits.js';

/** Human units for a limit's value. */
const _UNITS: Partial<Record<keyof IngestLimits, string>> = {
  fileTimeoutMs: 'ms',
  memoryMb: 'MiB of parser heap',
  decompressedBytes: 'decompressed bytes',
  extractedChars: 'characters',
  elements: 'elements',
  depth: 'levels of nesting',
  pages: 'pages',
  recordChars: 'characters',
  chunksPerDocument: 'chunks',
};

/**
 * The error for a file (or record) over a resource limit: code LIMIT_EXCEEDED, the config key
 * (`ingest.limits.<limit>`) and the values in the message and in `details`.
 * `value` is what the file has (or a lower bound, "at least", when counting stopped at the limit).
 */
export function limitExceeded({ path, limit, value, max, what, atLeast = false }: {
  path: string;
  limit: keyof IngestLimits;
  value: number;
  max: number;
  /** What was measured, e.g. "pages" or "nesting depth". */
  what: string;
  atLeast?: boolean;
}): FathomError {
  const unit = _UNITS[limit] ?? '';
  return new FathomError({
    code: 'LIMIT_EXCEEDED',
    message:
      `'${path}' exceeds ingest.limits.${limit} (${max.toLocaleString('en-US')}${unit ? ` ${unit}` : ''}): ${what} ${atLeast ? 'more than ' : ''}${value.toLocaleString('en-US')}. ` +
      `It was skipped; split it, or raise ingest.limits.${limit} if it is legitimate.`,
    details: { path, limit: `ingest.limits.${limit}`, value, max },
  });
}
