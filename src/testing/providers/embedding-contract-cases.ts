import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { EmbeddingModel } from '../../spec/embedding-model.js';
import { _codeOf, _withFixture } from './_fixture.js';

/** An embedding model under test and how to release it. */
export interface EmbeddingModelFixture {
  model: EmbeddingModel;
  close?: () => Promise<void>;
}

const texts = ['The refund window is 30 days.', 'Backups are kept for 90 days.', 'Enterprise seats cost $54.', 'ünïcödé — 東京 ✓'];

function assertVector(v: Float32Array, model: EmbeddingModel): void {
  assert.ok(v instanceof Float32Array, 'vectors are Float32Array');
  assert.equal(v.length, model.dimensions, 'vector length equals `dimensions`');
  assert.ok(v.every(Number.isFinite), 'every component is finite');
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  assert.ok(norm > 0, 'not the zero vector');
  if (model.normalized) assert.ok(Math.abs(norm - 1) < 1e-3, `normalized vectors have unit length, got ${norm}`);
}

const close = (a: Float32Array, b: Float32Array): boolean => a.every((x, i) => Math.abs(x - b[i]!) < 1e-4);

export function embeddingContractCases(create: () => Promise<EmbeddingModelFixture>): void {
  it('declares its capabilities', () => _withFixture(create, async ({ model }) => {
    assert.equal(model.specificationVersion, 'v1');
    assert.ok(model.provider.length > 0 && model.modelId.length > 0);
    assert.ok(Number.isInteger(model.dimensions) && model.dimensions > 0);
    assert.ok(Number.isInteger(model.maxBatchSize) && model.maxBatchSize > 0);
    assert.equal(typeof model.normalized, 'boolean');
    assert.equal(typeof model.supportsParallelCalls, 'boolean');
  }));

  it('returns one finite vector of `dimensions` per value, in order', () => _withFixture(create, async ({ model }) => {
    const batch = texts.slice(0, Math.min(texts.length, model.maxBatchSize));
    const { embeddings } = await model.doEmbed({ values: batch });
    assert.equal(embeddings.length, batch.length);
    for (const v of embeddings) assertVector(v, model);
    const reversed = (await model.doEmbed({ values: [...batch].reverse() })).embeddings.reverse();
    batch.forEach((_, i) => assert.ok(close(embeddings[i]!, reversed[i]!), `value ${i} embeds the same wherever it sits in the batch`));
  }));

  it('is deterministic, and different texts get different vectors', () => _withFixture(create, async ({ model }) => {
    const [a] = (await model.doEmbed({ values: [texts[0]!] })).embeddings;
    const [b] = (await model.doEmbed({ values: [texts[0]!] })).embeddings;
    const [c] = (await model.doEmbed({ values: [texts[1]!] })).embeddings;
    assert.ok(close(a!, b!), 'same text, same vector');
    assert.ok(!close(a!, c!), 'different texts, different vectors');
  }));

  it('embeds queries and passages (kind) and an empty batch', () => _withFixture(create, async ({ model }) => {
    for (const kind of ['query', 'passage'] as const) assertVector((await model.doEmbed({ values: ['refund window'], kind })).embeddings[0]!, model);
    assert.deepEqual((await model.doEmbed({ values: [] })).embeddings, []);
  }));

  it('stops with INTERRUPTED when the call is aborted', () => _withFixture(create, async ({ model }) => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    assert.equal(await _codeOf(() => model.doEmbed({ values: [texts[0]!], abortSignal: controller.signal })), 'INTERRUPTED');
  }));
}
