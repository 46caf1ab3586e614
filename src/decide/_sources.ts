import type { EvalItemResult, ExpectedSource } from '../spec/evaluation.js';

type Retrieved = NonNullable<EvalItemResult['retrieved']>[number];

/** Where the expected sources are in a retrieval list. */
export interface _SourceMatch {
  /** 1-based rank by which EVERY expected source has been retrieved (the deepest of their first ranks); null when one is missing. */
  rank: number | null;
  /** 1-based rank of the first entry from an expected document (for chunk/span sources: maybe the wrong chunk). */
  docRank: number | null;
  /** A span source overlaps retrieved chunks without being covered by any one of them: the answer was split. */
  split: boolean;
  /** First rank of each expected source, in order (null = not retrieved). */
  ranks: Array<number | null>;
}

/** Match expected sources against retrieved entries: documents by id, chunks by id, spans by offsets. */
export function _matchSources(expected: ExpectedSource[], retrieved: Retrieved[]): _SourceMatch {
  let docRank: number | null = null;
  let split = false;
  const ranks: Array<number | null> = expected.map(() => null);
  retrieved.forEach((r, i) => {
    expected.forEach((s, j) => {
      const sameDoc = 'documentId' in s && s.documentId === r.documentId;
      if (sameDoc) docRank ??= i + 1;
      let hit = false;
      if ('chunkId' in s) hit = s.chunkId === r.chunkId;
      else if ('start' in s) {
        if (sameDoc && r.start !== undefined && r.end !== undefined) {
          if (r.start <= s.start && r.end >= s.end) hit = true;
          else if (r.start < s.end && r.end > s.start) split = true;
        } else hit = sameDoc && (r.start === undefined || r.end === undefined);
      } else hit = sameDoc;
      if (hit) ranks[j] ??= i + 1;
    });
  });
  const all = ranks.every((r) => r !== null);
  const rank = all && ranks.length > 0 ? Math.max(...(ranks as number[])) : null;
  if (ranks.some((r) => r !== null) && !expected.some((s, j) => 'start' in s && ranks[j] === null)) split = false;
  return { rank, docRank, split, ranks };
}
