import type { ChunkDraft } from '../../spec/chunk.js';
import type { ChunkInput } from '../../spec/chunker.js';

/** Sets `pages` on each draft: the pages whose ranges its range overlaps (a zero-width draft takes the page it sits in). */
export function _attachPages(drafts: ChunkDraft[], pages: ChunkInput['pages']): ChunkDraft[] {
  if (!pages || pages.length === 0) return drafts;
  const sorted = [...pages].sort((a, b) => a.start - b.start);
  for (const d of drafts) {
    const hit: number[] = [];
    for (const p of sorted) {
      if (p.start >= d.end && !(d.start === d.end && p.start === d.start)) break;
      const overlaps = d.start < p.end && p.start < d.end;
      const holds = d.start === d.end && p.start <= d.start && d.start < p.end;
      if ((overlaps || holds) && !hit.includes(p.page)) hit.push(p.page);
    }
    d.pages = hit;
  }
  return drafts;
}
