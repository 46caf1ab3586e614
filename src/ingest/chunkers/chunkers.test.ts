import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ChunkDraft } from '../../spec/chunk.js';
import type { EmbeddingModel } from '../../spec/embedding-model.js';
import { FathomError } from '../../util/errors.js';
import { createGptTokenizer } from '../../util/tokenizers/index.js';
import { checkChunkDrafts } from '../../testing/chunker-conformance.js';
import { markdownDoc } from './__fixtures__/markdown-arbitrary.js';
import { createChunker } from './index.js';

const tokenizer = createGptTokenizer();
const budget = fc.integer({ min: 8, max: 120 });

/** Deterministic fake embedder: a vector per topic word, so sentences about one topic are similar. */
function topicEmbedder(calls: number[] = []): EmbeddingModel {
  const topics = ['price', 'refund', 'support', 'plan', '中文', '😀'];
  return {
    specificationVersion: 'v1', provider: 'test', modelId: 'topics', dimensions: topics.length + 1, maxBatchSize: 7, supportsParallelCalls: false, normalized: false,
    async doEmbed({ values }) {
      calls.push(values.length);
      return { embeddings: values.map((v) => Float32Array.from([...topics.map((t) => (v.toLowerCase().includes(t) ? 1 : 0)), 0.01])) };
    },
  };
}

function checkCommon(text: string, drafts: ChunkDraft[], max: number, ordered = true) {
  checkChunkDrafts(text, drafts, { tokenizer, maxTokens: max, ordered });
}

describe('structure chunker', () => {
  it('property: exact slices, in order, within budget, complete', async () => {
    await fc.assert(fc.asyncProperty(markdownDoc, budget, async (text, max) => {
      checkCommon(text, await createChunker({ tokenizer, maxTokens: max }).chunk({ text }), max);
    }), { numRuns: 150 });
  });

  it('property: never cuts inside a sentence that fits the budget', async () => {
    await fc.assert(fc.asyncProperty(markdownDoc, budget, async (text, max) => {
      const drafts = await createChunker({ name: 'structure', tokenizer, maxTokens: max }).chunk({ text });
      checkChunkDrafts(text, drafts, { tokenizer, maxTokens: max, keepsSentences: true });
    }), { numRuns: 150 });
  });

  it('property: heading path is the headings in force at the chunk, and no chunk crosses into a new section', async () => {
    const { headingPathAt } = await import('./__fixtures__/markdown-arbitrary.js');
    await fc.assert(fc.asyncProperty(markdownDoc, budget, async (text, max) => {
      for (const d of await createChunker({ tokenizer, maxTokens: max }).chunk({ text })) {
        assert.deepEqual(d.headingPath, headingPathAt(text, d.end - 1));
      }
    }), { numRuns: 150 });
  });

  it('packs whole paragraphs and carries the heading path', async () => {
    const text = '# Pricing\n\nIntro to pricing.\n\n## Enterprise\n\nEnterprise costs more. It has support.\n\n## Team\n\nTeam is cheap.';
    const drafts = await createChunker({ tokenizer, maxTokens: 100 }).chunk({ text });
    assert.deepEqual(drafts.map((d) => [d.text, d.headingPath]), [
      ['# Pricing\n\nIntro to pricing.', ['Pricing']],
      ['## Enterprise\n\nEnterprise costs more. It has support.', ['Pricing', 'Enterprise']],
      ['## Team\n\nTeam is cheap.', ['Pricing', 'Team']],
    ]);
  });

  it('keeps a table and a fenced code block whole when they fit', async () => {
    const text = 'Intro.\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |';
    const drafts = await createChunker({ tokenizer, maxTokens: 18 }).chunk({ text });
    for (const unit of ['```js\nconst a = 1;\n\nconst b = 2;\n```', '| a | b |\n|---|---|\n| 1 | 2 |']) {
      assert.ok(drafts.some((d) => d.text.includes(unit)), `${JSON.stringify(unit)} kept whole`);
    }
    assert.equal(drafts.length, 2);
  });

  it('sets pages from ChunkInput.pages', async () => {
    const text = 'Page one text.\n\nPage two text. More on two.';
    const pages = [{ page: 1, start: 0, end: 16 }, { page: 2, start: 16, end: text.length }];
    const one = await createChunker({ tokenizer, maxTokens: 100 }).chunk({ text, pages });
    assert.deepEqual(one.map((d) => d.pages), [[1, 2]]);
    const split = await createChunker({ tokenizer, maxTokens: 6 }).chunk({ text, pages });
    assert.deepEqual(split.map((d) => d.pages), [[1], [2], [2]]);
  });
});

describe('fixed chunker', () => {
  it('property: exact slices within budget, and consecutive windows overlap', async () => {
    await fc.assert(fc.asyncProperty(markdownDoc, fc.integer({ min: 8, max: 80 }), fc.integer({ min: 0, max: 7 }), async (text, max, overlap) => {
      const drafts = await createChunker({ name: 'fixed', tokenizer, maxTokens: max, overlapTokens: overlap }).chunk({ text });
      checkCommon(text, drafts, max);
      for (let i = 1; i < drafts.length; i++) {
        const prev = drafts[i - 1] as ChunkDraft;
        const cur = drafts[i] as ChunkDraft;
        if (overlap > 0) assert.ok(cur.start <= prev.end, 'windows overlap (a shared token may be a zero-width piece of an emoji)');
        else assert.ok(cur.start >= prev.end, 'no overlap asked, none given');
      }
    }), { numRuns: 100 });
  });

  it('shares exactly overlapTokens tokens between full windows of plain text', async () => {
    const text = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    const drafts = await createChunker({ name: 'fixed', tokenizer, maxTokens: 40, overlapTokens: 10 }).chunk({ text });
    const a = drafts[0] as ChunkDraft;
    const b = drafts[1] as ChunkDraft;
    assert.equal(a.tokenCount, 40);
    const { offsets } = tokenizer.encode(text);
    const shared = offsets.filter(([s, e]) => s >= b.start && e <= a.end).length;
    assert.equal(shared, 10);
  });
});

describe('recursive chunker', () => {
  it('property: exact slices, in order, within budget, complete', async () => {
    await fc.assert(fc.asyncProperty(markdownDoc, budget, fc.integer({ min: 0, max: 7 }), async (text, max, overlap) => {
      checkCommon(text, await createChunker({ name: 'recursive', tokenizer, maxTokens: max, overlapTokens: overlap }).chunk({ text }), max);
    }), { numRuns: 120 });
  });

  it('splits at paragraphs first', async () => {
    const text = 'First paragraph here.\n\nSecond paragraph here.';
    const drafts = await createChunker({ name: 'recursive', tokenizer, maxTokens: 6, overlapTokens: 0 }).chunk({ text });
    assert.deepEqual(drafts.map((d) => d.text), ['First paragraph here.', 'Second paragraph here.']);
  });
});

describe('semantic chunker', () => {
  it('cuts where the topic changes and batches embedding calls by maxBatchSize', async () => {
    const calls: number[] = [];
    const text = 'The price is high. The price rose again. Our price list is long. Refund rules apply. A refund takes days. Ask for a refund.';
    const drafts = await createChunker({ name: 'semantic', tokenizer, maxTokens: 200, embedder: topicEmbedder(calls), breakpointPercentile: 0.2 }).chunk({ text });
    assert.deepEqual(drafts.map((d) => d.text), ['The price is high. The price rose again. Our price list is long.', 'Refund rules apply. A refund takes days. Ask for a refund.']);
    assert.deepEqual(calls, [6]);
  });

  it('property: exact slices, in order, within budget, complete; calls never exceed maxBatchSize', async () => {
    await fc.assert(fc.asyncProperty(markdownDoc, budget, fc.double({ min: 0, max: 1, noNaN: true }), async (text, max, p) => {
      const calls: number[] = [];
      checkCommon(text, await createChunker({ name: 'semantic', tokenizer, maxTokens: max, embedder: topicEmbedder(calls), breakpointPercentile: p }).chunk({ text }), max);
      assert.ok(calls.every((n) => n <= 7));
    }), { numRuns: 80 });
  });

  it('needs an embedder', () => {
    assert.throws(() => createChunker({ name: 'semantic', tokenizer }), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_ARGUMENT' && /embedder/.test(e.message));
  });
});

describe('hierarchical chunker', () => {
  it('property: parents within parent budget, children within child budget and inside their parent', async () => {
    await fc.assert(fc.asyncProperty(markdownDoc, fc.integer({ min: 8, max: 40 }), fc.integer({ min: 1, max: 4 }), async (text, child, factor) => {
      const parentMax = child * factor + 8;
      const drafts = await createChunker({ name: 'hierarchical', tokenizer, childMaxTokens: child, parentMaxTokens: parentMax }).chunk({ text });
      const parents = drafts.filter((d) => d.role === 'parent');
      const leaves = drafts.filter((d) => d.role === 'leaf');
      checkCommon(text, parents, parentMax);
      checkCommon(text, leaves, child);
      for (const leaf of leaves) {
        const parent = drafts[leaf.parentIndex as number] as ChunkDraft;
        assert.equal(parent.role, 'parent');
        assert.ok(leaf.start >= parent.start && leaf.end <= parent.end, 'child inside its parent');
        assert.equal(leaf.parentIndex !== undefined && drafts.indexOf(parent) < drafts.indexOf(leaf), true);
      }
    }), { numRuns: 80 });
  });
});

describe('createChunker', () => {
  it('defaults to the structure chunker, and rejects unknown names and bad budgets', () => {
    assert.equal(createChunker({ tokenizer }).name, 'structure');
    assert.throws(() => createChunker({ name: 'nope' as 'fixed', tokenizer }), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_CONFIG');
    assert.throws(() => createChunker({ name: 'fixed', tokenizer, maxTokens: 10, overlapTokens: 10 }), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_ARGUMENT');
    assert.throws(() => createChunker({ tokenizer, maxTokens: 0 }), (e: unknown) => FathomError.isInstance(e) && e.code === 'INVALID_ARGUMENT');
  });
});

describe('the time budget (ChunkInput.deadline)', () => {
  it('every built-in chunker stops past its deadline with LIMIT_EXCEEDED naming fileTimeoutMs', async () => {
    const text = `# Title\n\n${'ACGT'.repeat(20_000)}\n\n${'Some words here. '.repeat(2_000)}`;
    for (const name of ['fixed', 'recursive', 'structure', 'semantic', 'hierarchical'] as const) {
      const chunker = createChunker({ name, tokenizer, maxTokens: 64, overlapTokens: 8, embedder: topicEmbedder() });
      assert.ok((await chunker.chunk({ text })).length > 10, name);
      await assert.rejects(chunker.chunk({ text, deadline: Date.now() - 1 }), (e: unknown) => FathomError.isInstance(e) && e.code === 'LIMIT_EXCEEDED' && e.details.limit === 'ingest.limits.fileTimeoutMs', name);
    }
  });
});
