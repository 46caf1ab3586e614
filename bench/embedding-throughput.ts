/**
 * Embedding throughput: the raw transformers.js `feature-extraction` pipeline called directly with big
 * batches vs fathom's transformers.js provider driven by `embedMany`, on the same texts in the same run.
 * The model is a generated random BERT shaped like MiniLM/bge-small (hidden 384, 6 layers, FFN 1536), so
 * the cost is realistic without a download. Target: provider ≥ 90% of raw. Rounds alternate raw/provider
 * to spread machine noise; the median of each is reported. Writes bench/results/embedding-throughput.json.
 * Run: node --import tsx bench/embedding-throughput.ts [texts=192] [rounds=2]
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pipeline } from '@huggingface/transformers';
import { createTransformersEmbeddingModel } from '../src/providers/transformers-js/index.js';
import { writeTinyBertModel } from '../src/testing/tiny-onnx/index.js';
import { embedMany } from '../src/core/embed-many.js';

const here = dirname(fileURLToPath(import.meta.url));
const count = Number(process.argv[2] ?? 192);
const rounds = Number(process.argv[3] ?? 2);
const shape = { hiddenSize: 384, layers: 6, intermediateSize: 1536 };
const rawBatch = 128;
const providerBatch = 32;

const words = `the of and to in is it you that was for on are with as they be at one have this from or had by word but what some
we can out other were all there when up use your how said each which do their time if will way about many then them write would
like so these her long make thing see him two has look more day could go come did number sound no most people my over know water
than call first who may down side been now find any new work part take get place made live where after back little only round`.split(/\s+/);
let state = 42;
const rand = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const texts = Array.from({ length: count }, () => Array.from({ length: 20 + Math.floor(rand() * 100) }, () => words[Math.floor(rand() * words.length)]).join(' '));

const root = mkdtempSync(join(tmpdir(), 'fathom-bench-embed-'));
try {
  const dir = join(root, 'bert-384x6');
  await writeTinyBertModel({ dir, kind: 'embedding', ...shape, seed: 11 });
  const raw = await pipeline('feature-extraction', dir, { dtype: 'fp32', device: 'cpu', local_files_only: true, session_options: { intraOpNumThreads: 1, interOpNumThreads: 1 } });
  const model = await createTransformersEmbeddingModel({ modelId: 'bench/bert-384x6', localModelPath: dir, dtype: 'fp32', pooling: 'cls', maxBatchSize: providerBatch, threads: 1 });

  const runRaw = async (): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < texts.length; i += rawBatch) await raw(texts.slice(i, i + rawBatch), { pooling: 'cls', normalize: true });
    return performance.now() - start;
  };
  let tokens = 0;
  const runProvider = async (): Promise<number> => {
    const start = performance.now();
    const result = await embedMany({ model, values: texts });
    tokens = result.usage.tokens;
    return performance.now() - start;
  };

  await raw(texts.slice(0, 4), { pooling: 'cls', normalize: true });
  await embedMany({ model, values: texts.slice(0, 4) });
  const rawMs: number[] = [];
  const providerMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    rawMs.push(await runRaw());
    providerMs.push(await runProvider());
    console.log(`round ${r + 1}: raw ${rawMs[r]!.toFixed(0)} ms, provider ${providerMs[r]!.toFixed(0)} ms`);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const perSec = (ms: number): number => Math.round((texts.length / ms) * 1000 * 100) / 100;
  const rawTps = perSec(median(rawMs));
  const providerTps = perSec(median(providerMs));
  const result = {
    model: { kind: 'random BERT (fathom tiny-onnx)', ...shape, dtype: 'fp32', threads: 1 },
    texts: texts.length,
    tokens,
    rounds,
    raw: { api: "pipeline('feature-extraction')", batchSize: rawBatch, msPerRound: rawMs.map(Math.round), textsPerSec: rawTps },
    provider: { api: 'embedMany(createTransformersEmbeddingModel)', maxBatchSize: providerBatch, msPerRound: providerMs.map(Math.round), textsPerSec: providerTps },
    ratio: Math.round((providerTps / rawTps) * 1000) / 1000,
    target: 0.9,
    node: process.version,
    at: new Date().toISOString(),
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'embedding-throughput.json'), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
