import type { ChunkDraft } from '../../spec/chunk.js';
import type { Chunker, ChunkerOptions } from '../../spec/chunker.js';
import { embedMany } from '../../core/embed-many.js';
import { FathomError } from '../../util/errors.js';
import { splitSentences } from '../../util/text/sentences.js';
import { cosine } from '../../util/math/vector-math.js';
import { _budget, _tokenizer } from './_options.js';
import { _pack } from './_pack.js';
import { _attachPages } from './_pages.js';
import { _pathAt, _sections } from './_sections.js';
import type { _Unit } from './_units.js';
import { _prepare } from './_prepare.js';

/** Options for {@link createSemanticChunker}. */
export type SemanticChunkerOptions = Pick<ChunkerOptions, 'tokenizer' | 'maxTokens' | 'embedder' | 'breakpointPercentile'>;

/**
 * Semantic splitting: embeds every sentence (in batches of the model's `maxBatchSize`), and cuts where the
 * cosine similarity of adjacent sentences falls below the `breakpointPercentile` of all adjacent
 * similarities in the document. Groups between cuts are packed within `maxTokens`; headings still cut.
 */
export function createSemanticChunker(options: SemanticChunkerOptions): Chunker {
  const tokenizer = _tokenizer(options);
  const maxTokens = _budget('maxTokens', options.maxTokens ?? 512);
  const percentile = options.breakpointPercentile ?? 0.25;
  const embedder = options.embedder;
  if (!embedder || typeof embedder.doEmbed !== 'function') {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'The semantic chunker needs an `embedder` (an EmbeddingModel) to compare sentences; pass one or use the structure chunker.' });
  }
  if (!(percentile >= 0 && percentile <= 1)) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `breakpointPercentile must be between 0 and 1, got ${percentile}.`, details: { breakpointPercentile: percentile } });
  }
  return {
    name: 'semantic',
    async chunk({ text, pages, deadline }) {
      const { check, prepared } = _prepare(tokenizer, text, deadline);
      const sections = _sections(text, 0, text.length).map((s) => ({
        section: s,
        units: s.units.flatMap((u): _Unit[] =>
          u.split === 'sentences' ? splitSentences(text, u.start, u.end).map(([start, end]) => ({ start, end, split: 'windows' })) : [u],
        ),
      }));
      const all = sections.flatMap((s) => s.units);
      check();
      // The deadline is checked again after each batch, so a slow embedder stops between batches.
      const { embeddings: vectors } = await embedMany({ model: embedder, values: all.map((u) => text.slice(u.start, u.end)), onProgress: check });
      // Similarity of each unit with the one before it in its section (NaN at a section start).
      const sims: number[] = [];
      let k = 0;
      for (const s of sections) {
        for (let i = 0; i < s.units.length; i++, k++) sims.push(i === 0 ? Number.NaN : cosine(vectors[k - 1] as Float32Array, vectors[k] as Float32Array));
      }
      const finite = sims.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
      const threshold = finite.length === 0 ? -Infinity : (finite[Math.min(finite.length - 1, Math.floor(percentile * finite.length))] as number);
      const drafts: ChunkDraft[] = [];
      k = 0;
      for (const s of sections) {
        let group: _Unit[] = [];
        const flush = () => {
          for (const span of _pack(tokenizer, prepared, group, maxTokens, check)) {
            drafts.push({ text: text.slice(span.start, span.end), start: span.start, end: span.end, headingPath: _pathAt(s.section, span.end).map((h) => h.title), tokenCount: span.tokens, role: 'leaf' });
          }
          group = [];
        };
        for (const u of s.units) {
          if (group.length > 0 && (sims[k] as number) < threshold) flush();
          group.push(u);
          k++;
        }
        flush();
      }
      return _attachPages(drafts, pages);
    },
  };
}
