import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import type { EmbeddingModel } from '../../spec/embedding-model.js';
import type { Reranker } from '../../spec/reranker.js';
import { runEmbeddingModelConformance } from '../../testing/embedding-model-conformance.js';
import { runRerankerConformance } from '../../testing/reranker-conformance.js';
import { writeTinyBertModel } from '../../testing/tiny-onnx/index.js';

const lib = await import('@huggingface/transformers').catch(() => undefined);
const skip = lib ? false : '@huggingface/transformers is not installed (npm run setup:local-models)';
const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function tinyModel(kind: 'embedding' | 'cross-encoder'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `fathom-onnx-conf-${kind}-`));
  dirs.push(dir);
  await writeTinyBertModel({ dir, kind, seed: 5 });
  return dir;
}

let embedder: Promise<EmbeddingModel> | undefined;
runEmbeddingModelConformance({
  name: 'transformers-js (tiny random BERT, ONNX)',
  skip,
  create: async () => {
    const { createTransformersEmbeddingModel } = await import('./embedding-model.js');
    embedder ??= tinyModel('embedding').then((dir) => createTransformersEmbeddingModel({ modelId: 'fathom/tiny-embed', localModelPath: dir, allowRemote: false, pooling: 'cls' }));
    return { model: await embedder };
  },
});

let reranker: Promise<Reranker> | undefined;
runRerankerConformance({
  name: 'transformers-js cross-encoder (tiny random BERT, ONNX)',
  skip,
  expectRelevanceOrder: false, // random weights: scores are real but carry no relevance
  create: async () => {
    const { createTransformersReranker } = await import('./reranker.js');
    reranker ??= tinyModel('cross-encoder').then((dir) => createTransformersReranker({ modelId: 'fathom/tiny-ce', localModelPath: dir, allowRemote: false }));
    return { reranker: await reranker };
  },
});
