import type { EmbeddingAdapter } from '../../spec/embedding-adapter.js';
import { FathomError } from '../../util/errors.js';
import { _queryLoss, _scratch } from './_infonce.js';
import { _rng, _shuffle } from './_rng.js';

/** One training example: a query embedding, the embedding of a relevant chunk, optional hard negatives. */
export interface AdapterPair {
  query: Float32Array;
  positive: Float32Array;
  negatives?: Float32Array[];
}

/** Options of {@link trainEmbeddingAdapter}. */
export interface TrainEmbeddingAdapterOptions {
  pairs: AdapterPair[];
  /** Held-out pairs for early stopping; without them every epoch runs and the last one is kept. */
  validation?: AdapterPair[];
  /** @default 20 */
  epochs?: number;
  /** Adam step size. @default 0.001 */
  learningRate?: number;
  /** Softmax temperature of the InfoNCE loss. @default 0.05 */
  temperature?: number;
  /** Pairs per step; the other positives of a batch are its in-batch negatives. @default 32 */
  batchSize?: number;
  /** Epochs without a better validation loss before stopping. @default 3 */
  patience?: number;
  /** Seeds the shuffling, so a run is reproducible. @default 42 */
  seed?: number;
  /** Also learn a bias vector. @default false */
  bias?: boolean;
  /** Recorded in the adapter, to refuse a mismatched model later. */
  embeddingModel?: { provider: string; modelId: string };
  onEpoch?: (entry: AdapterEpoch) => void;
  signal?: AbortSignal;
}

/** Losses of one epoch. `validationAccuracy` is the share of validation queries whose positive ranks first among all validation positives. */
export interface AdapterEpoch {
  epoch: number;
  trainLoss: number;
  validationLoss?: number;
  validationAccuracy?: number;
}

export interface TrainEmbeddingAdapterResult {
  adapter: EmbeddingAdapter;
  history: AdapterEpoch[];
  /** 1-based epoch whose weights were kept (lowest validation loss). */
  bestEpoch: number;
  stoppedEarly: boolean;
}

const unit = (v: Float32Array): Float32Array => {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i]! * v[i]!;
  const out = new Float32Array(v.length);
  const s = n > 0 ? 1 / Math.sqrt(n) : 0;
  for (let i = 0; i < v.length; i++) out[i] = v[i]! * s;
  return out;
};

/**
 * Trains a linear map W (initialised to identity) on query embeddings so that each query lands nearest its
 * positive, with the multiple-negatives ranking loss (in-batch negatives plus any given hard negatives),
 * Adam updates written out over Float32Array loops, and early stopping on held-out validation loss.
 */
export function trainEmbeddingAdapter({
  pairs, validation = [], epochs = 20, learningRate = 1e-3, temperature = 0.05, batchSize = 32, patience = 3, seed = 42,
  bias: useBias = false, embeddingModel, onEpoch, signal,
}: TrainEmbeddingAdapterOptions): TrainEmbeddingAdapterResult {
  const d = _checkPairs(pairs, validation);
  const W = new Float32Array(d * d);
  for (let i = 0; i < d; i++) W[i * d + i] = 1;
  const b = useBias ? new Float32Array(d) : undefined;
  const params = b ? [W, b] : [W];
  const moments = params.map((p) => ({ m: new Float32Array(p.length), v: new Float32Array(p.length) }));
  const grads = params.map((p) => new Float32Array(p.length));
  const train = pairs.map((p) => ({ query: p.query, positive: unit(p.positive), negatives: (p.negatives ?? []).map(unit), key: p.positive }));
  const valPositives = validation.map((p) => unit(p.positive));
  const maxNegatives = Math.max(0, ...train.map((p) => p.negatives.length));
  const scratch = _scratch(d, Math.max(batchSize * (1 + maxNegatives), Math.min(valPositives.length, 1000)));
  const random = _rng(seed);
  const order = train.map((_, i) => i);
  const history: AdapterEpoch[] = [];
  let best = { loss: Infinity, epoch: 0, W: W.slice(), b: b?.slice() };
  let step = 0, stale = 0, stoppedEarly = false;

  for (let epoch = 1; epoch <= epochs; epoch++) {
    if (signal?.aborted) throw new FathomError({ code: 'INTERRUPTED', message: `Adapter training stopped at epoch ${epoch}.`, details: { epoch } });
    _shuffle(order, random);
    let lossSum = 0;
    for (let start = 0; start < order.length; start += batchSize) {
      const batch = order.slice(start, start + batchSize).map((i) => train[i]!);
      const candidates: Float32Array[] = [];
      const index = new Map<Float32Array, number>();
      const targets = batch.map((p) => {
        if (!index.has(p.key)) index.set(p.key, candidates.push(p.positive) - 1);
        return index.get(p.key)!;
      });
      for (const p of batch) candidates.push(...p.negatives);
      for (const g of grads) g.fill(0);
      batch.forEach((p, i) => {
        lossSum += _queryLoss(W, b, p.query, candidates, targets[i]!, temperature, scratch, grads[0], grads[1], 1 / batch.length);
      });
      step++;
      params.forEach((p, k) => _adam(p, grads[k]!, moments[k]!, learningRate, step));
    }
    const entry: AdapterEpoch = { epoch, trainLoss: lossSum / train.length };
    if (valPositives.length > 0) Object.assign(entry, _validate(W, b, validation, valPositives, temperature, scratch));
    history.push(entry);
    onEpoch?.(entry);
    const score = entry.validationLoss ?? entry.trainLoss;
    if (valPositives.length === 0 || score < best.loss - 1e-6) {
      best = { loss: score, epoch, W: W.slice(), b: b?.slice() };
      stale = 0;
    } else if (++stale >= patience) {
      stoppedEarly = true;
      break;
    }
  }
  const adapter: EmbeddingAdapter = { specificationVersion: 'v1', dims: d, weights: best.W };
  if (best.b) adapter.bias = best.b;
  if (embeddingModel) adapter.embeddingModel = embeddingModel;
  return { adapter, history, bestEpoch: best.epoch, stoppedEarly };
}

function _adam(p: Float32Array, g: Float32Array, s: { m: Float32Array; v: Float32Array }, lr: number, t: number): void {
  const b1 = 0.9, b2 = 0.999, eps = 1e-8;
  const c1 = 1 / (1 - b1 ** t), c2 = 1 / (1 - b2 ** t);
  for (let i = 0; i < p.length; i++) {
    const gi = g[i]!;
    const m = (s.m[i] = b1 * s.m[i]! + (1 - b1) * gi);
    const v = (s.v[i] = b2 * s.v[i]! + (1 - b2) * gi * gi);
    p[i] -= (lr * m * c1) / (Math.sqrt(v * c2) + eps);
  }
}

/** Full-softmax loss and top-1 accuracy of each validation query over the validation positives (chunks of 1,000). */
function _validate(W: Float32Array, b: Float32Array | undefined, validation: AdapterPair[], positives: Float32Array[], temperature: number, scratch: ReturnType<typeof _scratch>): { validationLoss: number; validationAccuracy: number } {
  let loss = 0, hits = 0;
  for (let i = 0; i < validation.length; i++) {
    const chunk = Math.floor(i / 1000) * 1000;
    const candidates = positives.slice(chunk, chunk + 1000);
    const target = i - chunk;
    loss += _queryLoss(W, b, validation[i]!.query, candidates, target, temperature, scratch);
    let top = true;
    for (let j = 0; j < candidates.length; j++) if (j !== target && scratch.scores[j]! >= scratch.scores[target]!) top = false;
    if (top) hits++;
  }
  return { validationLoss: loss / validation.length, validationAccuracy: hits / validation.length };
}

function _checkPairs(pairs: AdapterPair[], validation: AdapterPair[]): number {
  if (pairs.length === 0) throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'trainEmbeddingAdapter needs at least one (query, positive) pair.' });
  const d = pairs[0]!.query.length;
  if (d === 0 || d > 2048) throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Embedding adapters support 1–2048 dimensions; got ${d}.`, details: { dims: d } });
  [...pairs, ...validation].forEach((p, i) => {
    const bad = [p.query, p.positive, ...(p.negatives ?? [])].some((v) => v.length !== d);
    if (bad) throw new FathomError({ code: 'EMBEDDING_MISMATCH', message: `Pair ${i} has vectors of a length other than ${d}; embed queries and passages with the same model.`, details: { index: i, dims: d } });
  });
  return d;
}
