/**
 * The chunker conformance suite: every `Chunker` must pass it (offsets, budgets, completeness and, for chunkers
 * that promise it, no cut sentences).
 *
 * @example
 * runChunkerConformance({ name: 'structure', tokenizer, create: ({ maxTokens }) => createChunker({ tokenizer, maxTokens }), keepsSentences: true });
 */
import { describe, it } from 'node:test';
import type { Chunker } from '../spec/chunker.js';
import type { Tokenizer } from '../spec/tokenizer.js';
import { checkChunkDrafts } from './chunker/check-chunk-drafts.js';
import { chunkerDocuments } from './chunker/documents.js';

export { checkChunkDrafts, type CheckChunkDraftsOptions } from './chunker/check-chunk-drafts.js';

/** Options of {@link runChunkerConformance}. */
export interface ChunkerConformanceOptions {
  name: string;
  /** The tokenizer the chunker counts with (budgets are checked with it). */
  tokenizer: Tokenizer;
  /** A chunker whose leaf drafts fit `maxTokens`. */
  create: (budget: { maxTokens: number }) => Chunker | Promise<Chunker>;
  /** The budget of parent drafts (role `parent`), for chunkers that emit them. */
  parentMaxTokens?: (maxTokens: number) => number;
  /** The chunker promises never to cut inside a sentence that fits the budget. @default false */
  keepsSentences?: boolean;
  /** @default chunkerDocuments */
  documents?: readonly string[];
  /** @default [12, 40, 512] */
  budgets?: readonly number[];
  skip?: string | false;
}

/** Register the conformance cases for one chunker. */
export function runChunkerConformance({ name, tokenizer, create, parentMaxTokens, keepsSentences = false, documents = chunkerDocuments, budgets = [12, 40, 512], skip = false }: ChunkerConformanceOptions): void {
  describe(`Chunker conformance: ${name}`, { skip }, () => {
    const each = async (check: (text: string, drafts: Awaited<ReturnType<Chunker['chunk']>>, maxTokens: number) => void) => {
      for (const maxTokens of budgets) {
        const chunker = await create({ maxTokens });
        for (const text of documents) check(text, await chunker.chunk({ text }), maxTokens);
      }
    };
    it('leaves: exact slices at their offsets, real token counts within the budget, in order, nothing lost', () => each((text, drafts, maxTokens) => {
      checkChunkDrafts(text, drafts.filter((d) => d.role !== 'parent'), { tokenizer, maxTokens });
    }));
    it('parents (if any): exact slices within their budget, each leaf inside its parent', () => each((text, drafts, maxTokens) => {
      const parents = drafts.filter((d) => d.role === 'parent');
      if (parents.length === 0) return;
      checkChunkDrafts(text, parents, { tokenizer, maxTokens: parentMaxTokens ? parentMaxTokens(maxTokens) : Infinity });
      for (const leaf of drafts.filter((d) => d.role !== 'parent' && d.parentIndex !== undefined)) {
        const parent = drafts[leaf.parentIndex!]!;
        if (parent.role !== 'parent' || leaf.start < parent.start || leaf.end > parent.end) throw new Error(`leaf ${leaf.start}-${leaf.end} is not inside its parent`);
      }
    }));
    if (keepsSentences) {
      it('never cuts inside a sentence that fits the budget', () => each((text, drafts, maxTokens) => {
        checkChunkDrafts(text, drafts.filter((d) => d.role !== 'parent'), { tokenizer, maxTokens, keepsSentences: true });
      }));
    }
  });
}
