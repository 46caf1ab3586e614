/**
 * Embedding adapter: (1) synthetic — passages x, queries M·(x + noise) for a known invertible corruption M at
 * d=384; trains on 3,000 pairs (500 for validation / early stopping) and measures recall@10 over the 5,000-passage
 * corpus on 1,500 held-out queries. (2) optional, when ../shared/data/beir-scifact exists — SciFact train qrels as
 * pairs over a deterministic signed feature-hashing embedder (d=384), recall@10 on the test queries.
 * Writes bench/results/embedding-adapter.json. Run: node --import tsx bench/embedding-adapter.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCorruptedSetup } from '../src/tune/adapter/__fixtures__/corrupted-embedder.js';
import { measureAdapterGain, trainEmbeddingAdapter, type AdapterPair, type EmbeddedItem } from '../src/tune/adapter/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const options = { epochs: 20, learningRate: 0.005, temperature: 0.05, batchSize: 64, patience: 3, seed: 42 };

function run(name: string, train: AdapterPair[], validation: AdapterPair[], queries: EmbeddedItem[], corpus: EmbeddedItem[], qrels: Record<string, string[]>, extra: Record<string, unknown>) {
  const start = performance.now();
  const result = trainEmbeddingAdapter({ pairs: train, validation, ...options, onEpoch: (e) => console.error(name, JSON.stringify(e)) });
  const trainingMs = performance.now() - start;
  const gain = measureAdapterGain({ adapter: result.adapter, queries, corpus, qrels, k: 10 });
  const out = {
    ...extra, dims: result.adapter.dims, trainPairs: train.length, validationPairs: validation.length, corpus: corpus.length, heldOutQueries: gain.queries,
    recallAt10Before: round(gain.recallBefore), recallAt10After: round(gain.recallAfter), gain: round(gain.gain),
    trainingMs: Math.round(trainingMs), epochsRun: result.history.length, bestEpoch: result.bestEpoch, stoppedEarly: result.stoppedEarly,
    msPerEpoch: Math.round(trainingMs / result.history.length),
    history: result.history.map((h) => ({ epoch: h.epoch, trainLoss: round(h.trainLoss), validationLoss: round(h.validationLoss ?? NaN), validationAccuracy: round(h.validationAccuracy ?? NaN) })),
  };
  console.log(name, JSON.stringify({ ...out, history: undefined }));
  return out;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

// (1) synthetic corruption
const setup = makeCorruptedSetup({ dims: 384, count: 5000, strength: 8, noise: 0.3, seed: 7 });
const pair = (i: number): AdapterPair => ({ query: setup.queries[i]!.vector, positive: setup.corpus[i]!.vector });
const idx = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);
const synthetic = run('synthetic', idx(0, 3000).map(pair), idx(3000, 3500).map(pair), setup.queries.slice(3500), setup.corpus, setup.qrels, { setup: 'queries = M·(x + noise), M = I + 8·G/sqrt(d), noise 0.3' });

// (2) SciFact over a hashing embedder (optional)
let scifact: unknown = { skipped: 'SciFact not found at ../shared/data/beir-scifact' };
const dataDir = join(here, '..', '..', 'shared', 'data', 'beir-scifact');
if (existsSync(join(dataDir, 'qrels', 'train.tsv'))) {
  const jsonl = (file: string) => readFileSync(join(dataDir, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string>);
  const embed = hashingEmbedder(384);
  const corpus = jsonl('corpus.jsonl').map((d) => ({ id: d._id!, vector: embed(`${d.title} ${d.text}`) }));
  const byId = new Map(corpus.map((c) => [c.id, c.vector]));
  const queryText = new Map(jsonl('queries.jsonl').map((q) => [q._id!, q.text!]));
  const qrelsOf = (file: string): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    for (const line of readFileSync(join(dataDir, 'qrels', file), 'utf8').split('\n').slice(1)) {
      const [q, d, s] = line.trim().split('\t');
      if (q && d && Number(s) > 0 && byId.has(d)) (out[q] ??= []).push(d);
    }
    return out;
  };
  const trainQrels = qrelsOf('train.tsv');
  const all: AdapterPair[] = Object.entries(trainQrels).flatMap(([q, ds]) => ds.map((d) => ({ query: embed(queryText.get(q) ?? ''), positive: byId.get(d)! })));
  const cut = Math.floor(all.length * 0.85);
  const testQrels = qrelsOf('test.tsv');
  const queries = Object.keys(testQrels).map((id) => ({ id, vector: embed(queryText.get(id) ?? '') }));
  const result = run('scifact-hashing', all.slice(0, cut), all.slice(cut), queries, corpus, testQrels, { setup: 'SciFact train qrels as pairs (85/15 train/validation), signed feature hashing of lower-cased word unigrams, d=384; test queries' });
  // SciFact's test claims often cite abstracts that train claims cite too; measure the unseen-abstract subset apart.
  const trainDocs = new Set(Object.values(trainQrels).flat());
  const unseen = Object.fromEntries(Object.entries(testQrels).filter(([, ds]) => ds.every((d) => !trainDocs.has(d))));
  const adapter = trainEmbeddingAdapter({ pairs: all.slice(0, cut), validation: all.slice(cut), ...options }).adapter;
  const subset = measureAdapterGain({ adapter, queries: queries.filter((q) => unseen[q.id]), corpus, qrels: unseen, k: 10 });
  scifact = { ...result, unseenAbstracts: { queries: subset.queries, recallAt10Before: round(subset.recallBefore), recallAt10After: round(subset.recallAfter), gain: round(subset.gain) } };
  console.log('scifact unseen abstracts', JSON.stringify(subset));
}

const result = { benchmark: 'embedding-adapter', date: new Date().toISOString(), node: process.version, options, synthetic, scifact };
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'embedding-adapter.json'), `${JSON.stringify(result, null, 2)}\n`);

/** Deterministic embedder: each lower-cased word adds ±(1 + log tf) to one of d buckets (FNV-1a), then unit length. */
function hashingEmbedder(d: number): (text: string) => Float32Array {
  return (text) => {
    const counts = new Map<string, number>();
    for (const w of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    const v = new Float32Array(d);
    for (const [w, c] of counts) {
      let h = 0x811c9dc5;
      for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193) >>> 0;
      v[h % d] += (h & 0x80000000 ? -1 : 1) * (1 + Math.log(c));
    }
    const n = Math.hypot(...v) || 1;
    return v.map((x) => x / n);
  };
}
