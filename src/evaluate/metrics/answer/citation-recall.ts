import type { Citation } from '../../../spec/answer.js';
import type { ExpectedSource } from '../../../spec/evaluation.js';

/** Input of {@link citationRecall}. */
export interface CitationRecallInput {
  citations: readonly Pick<Citation, 'valid' | 'chunkId' | 'documentId' | 'start' | 'end'>[];
  expected: readonly ExpectedSource[];
}

/**
 * Citation recall: expected sources that at least one valid citation matches / expected sources. A citation
 * matches `{ chunkId }` by chunk id, `{ documentId }` by document id, and a span `{ documentId, start, end }`
 * when it cites that document with offsets overlapping the span (or without offsets). Undefined when no
 * source is expected.
 */
export function citationRecall({ citations, expected }: CitationRecallInput): number | undefined {
  if (expected.length === 0) return undefined;
  const valid = citations.filter((c) => c.valid);
  let found = 0;
  for (const source of expected) if (valid.some((c) => _matches(c, source))) found++;
  return found / expected.length;
}

/** Whether a cited location matches an expected source. */
export function _matches(c: { chunkId?: string; documentId?: string; start?: number; end?: number }, s: ExpectedSource): boolean {
  if ('chunkId' in s) return c.chunkId === s.chunkId;
  if (c.documentId !== s.documentId) return false;
  if (!('start' in s)) return true;
  if (c.start === undefined || c.end === undefined) return true;
  return c.start < s.end && s.start < c.end;
}
