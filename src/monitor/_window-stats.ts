/**
 * The aggregates of one drift window, built in one pass over the audit log with bounded memory: counts for the
 * rates, uniform samples (reservoirs, seeded) where a distribution is needed, and the cited documents with their
 * counts. A window holds everything a signal needs, so no entry is kept after it was read.
 */
import { mulberry32 } from '../util/math/random.js';
import type { _Observation } from './_observe.js';

/** Values per window and side a distribution signal (KS, median) reads at most: a uniform sample beyond. */
export const _numericCap = 20_000;
/** Queries per window and side the term-divergence test reads at most: a uniform sample beyond. */
export const _termsCap = 5000;

/** A uniform sample of at most `cap` of the `seen` items offered; items stay in offer order until the cap. */
export interface _Sample<T> { items: T[]; seen: number }
export interface _Count { k: number; n: number }

const _numeric = ['topScore', 'sufficiency', 'judgeScore', 'latencyMs', 'costUsd'] as const;
export type _NumericName = (typeof _numeric)[number];

export interface _Window {
  /** Queries with a term unseen in the `baselineWindows` windows before (this window as the current one). */
  novel: _Count;
  /** The same against the `baselineWindows − 1` windows before (this window as the baseline's last one). */
  novelRef: _Count;
  terms: _Sample<string[]>;
  noContext: _Count;
  abstained: _Count;
  unsupported: _Count;
  down: _Count;
  numeric: Record<_NumericName, _Sample<number>>;
  /** Answers (not abstained) by their top cited (else retrieved) document. */
  cited: Map<string, number>;
  _random: () => number;
}

export function _newWindow(seed: number): _Window {
  const count = () => ({ k: 0, n: 0 });
  return {
    novel: count(), novelRef: count(), terms: { items: [], seen: 0 }, noContext: count(), abstained: count(), unsupported: count(), down: count(),
    numeric: Object.fromEntries(_numeric.map((k) => [k, { items: [], seen: 0 }])) as unknown as _Window['numeric'], cited: new Map(), _random: mulberry32(seed),
  };
}

/** Offer `x` to the sample `s` (reservoir sampling): kept while under `cap`, else in place of a uniform pick. */
export function _offer<T>(s: _Sample<T>, x: T, cap: number, random: () => number): void {
  s.seen++;
  if (s.items.length < cap) s.items.push(x);
  else {
    const j = Math.floor(random() * s.seen);
    if (j < cap) s.items[j] = x;
  }
}

const _tally = (c: _Count, yes: boolean) => { c.n++; if (yes) c.k++; };

/** Add one observation; `gap` is how many windows back its least recent term was last seen (Infinity: never). */
export function _addObservation(w: _Window, o: _Observation, gap: number, baselineWindows: number): void {
  if (o.terms.length) {
    _tally(w.novel, gap > baselineWindows);
    _tally(w.novelRef, gap > baselineWindows - 1);
    _offer(w.terms, o.terms, _termsCap, w._random);
  }
  if (o.sufficiency !== undefined || o.noContext) _tally(w.noContext, o.noContext);
  if (o.answered) {
    _tally(w.abstained, o.abstained);
    if (!o.abstained) {
      _tally(w.unsupported, o.unsupported);
      if (o.documentId) w.cited.set(o.documentId, (w.cited.get(o.documentId) ?? 0) + 1);
    }
  }
  if (o.down !== undefined) _tally(w.down, o.down === 1);
  for (const k of _numeric) {
    const x = o[k];
    if (typeof x === 'number' && Number.isFinite(x)) _offer(w.numeric[k], x, _numericCap, w._random);
  }
}

/** One side of a check (current or baseline): the aggregates of one or more windows. */
export type _Side = Omit<_Window, 'novel' | 'novelRef' | '_random'>;

/** Several windows as one side of a check: counts added, samples merged into one uniform sample of the union. */
export function _mergeWindows(ws: _Window[], seed: number): _Side {
  const random = mulberry32(seed);
  const add = (pick: (w: _Window) => _Count) => ws.reduce((s, w) => ({ k: s.k + pick(w).k, n: s.n + pick(w).n }), { k: 0, n: 0 });
  const cited = new Map<string, number>();
  for (const w of ws) for (const [d, n] of w.cited) cited.set(d, (cited.get(d) ?? 0) + n);
  return {
    terms: _mergeSamples(ws.map((w) => w.terms), _termsCap, random), noContext: add((w) => w.noContext), abstained: add((w) => w.abstained),
    unsupported: add((w) => w.unsupported), down: add((w) => w.down), cited,
    numeric: Object.fromEntries(_numeric.map((k) => [k, _mergeSamples(ws.map((w) => w.numeric[k]), _numericCap, random)])) as unknown as _Window['numeric'],
  };
}

/**
 * A uniform sample of the union of samples: how many to take from each window is drawn as a uniform draw of `cap`
 * from the union would take them (multivariate hypergeometric on the counts seen), then that many from the window's
 * own uniform sample. In window order. Below the cap it is the concatenation, so small logs read every entry.
 */
function _mergeSamples<T>(samples: _Sample<T>[], cap: number, random: () => number): _Sample<T> {
  const seen = samples.reduce((s, x) => s + x.seen, 0);
  if (samples.reduce((s, x) => s + x.items.length, 0) <= cap) return { items: samples.flatMap((s) => s.items), seen };
  const left = samples.map((s) => s.seen);
  const take = samples.map(() => 0);
  for (let d = 0, total = seen; d < cap; d++, total--) {
    let r = Math.floor(random() * total);
    let i = 0;
    while (r >= left[i]!) r -= left[i++]!;
    left[i]!--;
    take[i]!++;
  }
  const items = samples.flatMap((s, i) => {
    const index = s.items.map((_, j) => j);
    for (let j = 0; j < take[i]!; j++) { // partial Fisher–Yates: the first take[i] indices are a uniform subset
      const k = j + Math.floor(random() * (index.length - j));
      [index[j], index[k]] = [index[k]!, index[j]!];
    }
    return index.slice(0, take[i]).sort((a, b) => a - b).map((j) => s.items[j]!);
  });
  return { items, seen };
}
