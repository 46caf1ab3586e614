import type { ChunkDraft } from '../../spec/chunk.js';
import type { Chunker, ChunkerOptions } from '../../spec/chunker.js';
import type { PreparedText, Tokenizer } from '../../spec/tokenizer.js';
import { _budget, _tokenizer } from './_options.js';
import { _pack } from './_pack.js';
import { _attachPages } from './_pages.js';
import { _pathAt, _sections, type _Heading } from './_sections.js';
import type { _Span } from './_windows.js';
import { _noCheck, type _Check } from './_deadline.js';
import { _prepare } from './_prepare.js';

/** Options for {@link createStructureChunker}. */
export type StructureChunkerOptions = Pick<ChunkerOptions, 'tokenizer' | 'maxTokens'>;

/** A structure span with the headings open over it. */
export interface _StructureSpan extends _Span {
  path: _Heading[];
}

/** Structure-aware spans of `[start, end)` (shared with the hierarchical chunker). */
export function _structureSpans(tokenizer: Tokenizer, prepared: PreparedText, start: number, end: number, maxTokens: number, base: _Heading[] = [], check: _Check = _noCheck): _StructureSpan[] {
  const out: _StructureSpan[] = [];
  for (const section of _sections(prepared.text, start, end, base)) {
    for (const span of _pack(tokenizer, prepared, section.units, maxTokens, check)) out.push({ start: span.start, end: span.end, tokens: span.tokens, path: _pathAt(section, span.end) });
  }
  return out;
}

/**
 * The default chunker: Markdown-aware. Cuts at headings (never crossing one), then packs whole blocks
 * (paragraphs, lists, tables, fenced code) up to `maxTokens`; a block too big alone is cut into list items
 * or lines, then sentences, and only a sentence longer than the budget is cut into token windows. Each
 * chunk carries its heading path. Counting is exact: the text is tokenized once and ranges are counted
 * from prefix sums (`Tokenizer.prepare`).
 */
export function createStructureChunker(options: StructureChunkerOptions): Chunker {
  const tokenizer = _tokenizer(options);
  const maxTokens = _budget('maxTokens', options.maxTokens ?? 512);
  return {
    name: 'structure',
    async chunk({ text, pages, deadline }) {
      const { check, prepared } = _prepare(tokenizer, text, deadline);
      const drafts: ChunkDraft[] = _structureSpans(tokenizer, prepared, 0, text.length, maxTokens, [], check).map((s) => ({
        text: text.slice(s.start, s.end),
        start: s.start,
        end: s.end,
        headingPath: s.path.map((h) => h.title),
        tokenCount: s.tokens,
        role: 'leaf',
      }));
      return _attachPages(drafts, pages);
    },
  };
}
