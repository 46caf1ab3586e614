import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Reranker } from '../../spec/reranker.js';
import { writeTinyBertModel } from '../../testing/tiny-onnx/index.js';
import { FathomError } from '../../util/errors.js';
import { createTransformersReranker } from './reranker.js';

let root: string;
let modelDir: string;
let reranker: Reranker;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'fathom-tjs-rr-'));
  modelDir = join(root, 'tiny-ce');
  await writeTinyBertModel({ dir: modelDir, kind: 'cross-encoder', seed: 3 });
  reranker = await createTransformersReranker({ modelId: 'fathom/tiny-ce', localModelPath: modelDir, allowRemote: false });
});
after(() => rm(root, { recursive: true, force: true }));

const documents = ['the refund policy for enterprise plans', 'ocean water', 'a short story about a dog and a horse', 'refund', 'sun'];

describe('transformers.js cross-encoder reranker on a generated ONNX model', () => {
  it('returns one probability per document, in order, that depends on the document', async () => {
    const { scores, usage } = await reranker.doRerank({ query: 'refund policy', documents });
    assert.equal(scores.length, documents.length);
    assert.ok(scores.every((s) => s > 0 && s < 1));
    assert.ok(new Set(scores.map((s) => s.toFixed(6))).size > 1);
    assert.equal(reranker.scoresAreProbabilities, true);
    assert.ok((usage?.tokens ?? 0) > documents.length * 3);
  });

  it('scores the same pairs the same way whatever the batch size', async () => {
    const small = await createTransformersReranker({ modelId: 'fathom/tiny-ce', localModelPath: modelDir, allowRemote: false, maxBatchSize: 2, dtype: 'fp32' });
    const whole = await reranker.doRerank({ query: 'refund policy', documents });
    const split = await small.doRerank({ query: 'refund policy', documents });
    assert.ok(split.scores.every((s, i) => Math.abs(s - whole.scores[i]!) < 1e-5));
    const reversed = await reranker.doRerank({ query: 'refund policy', documents: [...documents].reverse() });
    assert.ok(reversed.scores.reverse().every((s, i) => Math.abs(s - whole.scores[i]!) < 1e-5));
  });

  it('depends on the query', async () => {
    const a = await reranker.doRerank({ query: 'refund policy', documents: ['ocean water'] });
    const b = await reranker.doRerank({ query: 'mountain river', documents: ['ocean water'] });
    assert.notEqual(a.scores[0], b.scores[0]);
  });

  it('returns no scores for no documents', async () => {
    assert.deepEqual((await reranker.doRerank({ query: 'q', documents: [] })).scores, []);
  });

  it('fails with MODEL_NOT_AVAILABLE when localModelPath holds no model', async () => {
    await assert.rejects(
      createTransformersReranker({ localModelPath: join(root, 'nothing-here'), allowRemote: false }),
      (e: unknown) => FathomError.isInstance(e) && e.code === 'MODEL_NOT_AVAILABLE' && e.message.includes('Xenova/ms-marco-MiniLM-L-6-v2') && e.message.includes(join(root, 'nothing-here')),
    );
  });
});
