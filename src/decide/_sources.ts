import type { EvalItemResult, ExpectedSource } from '../spec/evaluation.js';

type Retrieved = NonNullable<EvalItemResult['retrieved']>[number];

/** Where the expected sources are in a retrieval list: the first matching rank and how a span is covered. */
export interface _SourceMatch {
  /** 1-based rank of the first retrieved entry matching any expected source; null when none matches. */
  rank: number | null;
  /** 1-based rank of the first entry from an expected document (for chunk/span sources: maybe the wrong chunk). */
  docRank: number | null;
  /** A span source overlaps retrieved chunks without being covered by any one of them: the answer was split. */
  split: boolean;
}

/** Match expected sources against retrieved entries: documents by id, chunks by id, spans by offsets. */
export function _matchSources(expected: ExpectedSource[], retrieved: Retrieved[]): _SourceMatch {
  let rank: number | null = null;
  let docRank: number | null = null;
  let split = false;
  retrieved.forEach((r, i) => {
    for (const s of expected) {
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
      if (hit) rank ??= i + 1;
    }
  });
  if (rank !== null) split = false;
  return { rank, docRank, split };
}
