import type { ChunkDraft } from '../../spec/chunk.js';
import type { Chunker, ChunkerOptions } from '../../spec/chunker.js';
import { _budget, _tokenizer } from './_options.js';
import { _attachPages } from './_pages.js';
import { _structureSpans } from './structure.js';
import { _prepare } from './_prepare.js';

/** Options for {@link createHierarchicalChunker}. */
export type HierarchicalChunkerOptions = Pick<ChunkerOptions, 'tokenizer' | 'parentMaxTokens' | 'childMaxTokens'>;

/**
 * Parent/child chunking: structure-aware parents of up to `parentMaxTokens` (role `parent`, shown to the
 * model, never indexed), each followed by structure-aware children of up to `childMaxTokens` inside its
 * range (role `leaf`, indexed) whose `parentIndex` points at it.
 */
export function createHierarchicalChunker(options: HierarchicalChunkerOptions): Chunker {
  const tokenizer = _tokenizer(options);
  const parentMax = _budget('parentMaxTokens', options.parentMaxTokens ?? 1024);
  const childMax = _budget('childMaxTokens', options.childMaxTokens ?? 128);
  return {
    name: 'hierarchical',
    async chunk({ text, pages, deadline }) {
      const { check, prepared } = _prepare(tokenizer, text, deadline);
      const drafts: ChunkDraft[] = [];
      for (const parent of _structureSpans(tokenizer, prepared, 0, text.length, parentMax, [], check)) {
        const parentIndex = drafts.length;
        const headingPath = parent.path.map((h) => h.title);
        drafts.push({ text: text.slice(parent.start, parent.end), start: parent.start, end: parent.end, headingPath, tokenCount: parent.tokens, role: 'parent' });
        // The parent's first heading (if any) re-opens at its own level, so the children's paths match.
        const base = parent.path.slice(0, -1);
        for (const child of _structureSpans(tokenizer, prepared, parent.start, parent.end, childMax, startsWithHeading(text, parent.start) ? base : parent.path, check)) {
          drafts.push({ text: text.slice(child.start, child.end), start: child.start, end: child.end, headingPath: child.path.map((h) => h.title), tokenCount: child.tokens, role: 'leaf', parentIndex });
        }
      }
      return _attachPages(drafts, pages);
    },
  };
}

function startsWithHeading(text: string, i: number): boolean {
  return text.charCodeAt(i) === 35;
}
