import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EmbeddingModel, EmbedOptions } from '../spec/embedding-model.js';
import { embedMany } from './embed-many.js';
import { FathomError } from '../util/errors.js';

interface FakeOptions { maxBatchSize?: number; parallel?: boolean; dimensions?: number; returnDims?: number; delayMs?: (values: string[]) => number; dropOne?: boolean }

function fakeModel({ maxBatchSize = 3, parallel = false, dimensions = 2, returnDims = dimensions, delayMs, dropOne = false }: FakeOptions = {}) {
  const calls: EmbedOptions[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const model: EmbeddingModel = {
    specificationVersion: 'v1', provider: 'fake', modelId: 'fake-1', dimensions, maxBatchSize,
    supportsParallelCalls: parallel, normalized: false,
    async doEmbed(options) {
      calls.push(options);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs(options.values)));
      inFlight--;
      const values = dropOne ? options.values.slice(1) : options.values;
      return {
        embeddings: values.map((v) => Float32Array.from({ length: returnDims }, (_, i) => Number(v.slice(1)) + i / 10)),
        usage: { tokens: options.values.length * 2 },
        warnings: [{ type: 'note', message: `batch of ${options.values.length}` }],
      };
    },
  };
  return { model, calls, maxInFlight: () => maxInFlight };
}

const values = Array.from({ length: 8 }, (_, i) => `v${i}`);

describe('embedMany', () => {
  it('splits into batches of maxBatchSize and keeps order', async () => {
    const { model, calls } = fakeModel({ maxBatchSize: 3 });
    const result = await embedMany({ model, values });
    assert.deepEqual(calls.map((c) => c.values), [['v0', 'v1', 'v2'], ['v3', 'v4', 'v5'], ['v6', 'v7']]);
    assert.deepEqual(result.embeddings.map((e) => e[0]), [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(result.usage, { tokens: 16 });
    assert.equal(result.warnings.length, 3);
  });

  it('passes kind and the abort signal through', async () => {
    const { model, calls } = fakeModel();
    const controller = new AbortController();
    await embedMany({ model, values: ['v1'], kind: 'query', abortSignal: controller.signal });
    assert.equal(calls[0]!.kind, 'query');
    assert.equal(calls[0]!.abortSignal, controller.signal);
  });

  it('returns nothing and calls nothing for no values', async () => {
    const { model, calls } = fakeModel();
    const result = await embedMany({ model, values: [] });
    assert.deepEqual(result.embeddings, []);
    assert.equal(calls.length, 0);
  });

  it('runs batches in parallel only when the model supports it, still in order', async () => {
    const delayMs = (v: string[]): number => (v[0] === 'v0' ? 30 : 1);
    const serial = fakeModel({ maxBatchSize: 2, delayMs });
    await embedMany({ model: serial.model, values, concurrency: 4 });
    assert.equal(serial.maxInFlight(), 1);
    const parallel = fakeModel({ maxBatchSize: 2, parallel: true, delayMs });
    const result = await embedMany({ model: parallel.model, values, concurrency: 3 });
    assert.equal(parallel.maxInFlight(), 3);
    assert.deepEqual(result.embeddings.map((e) => e[0]), [0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('reports progress after each batch', async () => {
    const { model } = fakeModel({ maxBatchSize: 3 });
    const seen: Array<{ done: number; total: number }> = [];
    await embedMany({ model, values, onProgress: (p) => seen.push(p) });
    assert.deepEqual(seen, [{ done: 3, total: 8 }, { done: 6, total: 8 }, { done: 8, total: 8 }]);
  });

  it('fails with EMBEDDING_MISMATCH when vectors have the wrong length', async () => {
    const { model } = fakeModel({ dimensions: 4, returnDims: 3 });
    await assert.rejects(embedMany({ model, values }), (e: unknown) => FathomError.isInstance(e) && e.code === 'EMBEDDING_MISMATCH' && /length 3.*4 dimensions/.test(e.message));
  });

  it('fails with PROVIDER_BAD_RESPONSE when a batch returns too few vectors', async () => {
    const { model } = fakeModel({ dropOne: true });
    await assert.rejects(embedMany({ model, values }), (e: unknown) => FathomError.isInstance(e) && e.code === 'PROVIDER_BAD_RESPONSE');
  });

  it('stops with INTERRUPTED when aborted before a batch', async () => {
    const { model, calls } = fakeModel({ maxBatchSize: 2 });
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(embedMany({ model, values, abortSignal: controller.signal }), (e: unknown) => FathomError.isInstance(e) && e.code === 'INTERRUPTED');
    assert.equal(calls.length, 0);
  });
});
