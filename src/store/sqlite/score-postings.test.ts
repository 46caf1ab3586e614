import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { scorePostings, scoreWindow, type TermPostings } from './keyword-index.js';
import { buildScoreKernel } from './build-score-kernel.js';
import { kernelBase64, scoreKernel } from './score-kernel.js';

/** The definition, written plainly: sum each chunk's terms in query order, best first, ties to the lower rowid. */
function reference(lists: TermPostings[], stats: { chunks: number; totalLength: number }, o: { k1: number; b: number; k: number; allowed?: Set<number> }) {
  const avg = (stats.chunks ? stats.totalLength / stats.chunks : 0) || 1;
  const scores = new Map<number, number>();
  for (const l of lists) {
    const df = l.entries.length / 3;
    if (df === 0) continue;
    const w = l.weight * Math.log(1 + (stats.chunks - df + 0.5) / (df + 0.5)) * (o.k1 + 1);
    for (let p = 0; p < l.entries.length; p += 3) {
      const [chunk, document, packed] = [l.entries[p]!, l.entries[p + 1]!, l.entries[p + 2]!];
      if (o.allowed && !o.allowed.has(document)) continue;
      const tf = packed >>> 8;
      const dl = packed & 0xff; // norm bytes below 24 decode to themselves (Lucene's SmallFloat.intToByte4)
      scores.set(chunk, (scores.get(chunk) ?? 0) + (w * tf) / (tf + o.k1 * (1 - o.b + (o.b * dl) / avg)));
    }
  }
  return [...scores].map(([chunkRowid, score]) => ({ chunkRowid, score })).sort((x, y) => y.score - x.score || x.chunkRowid - y.chunkRowid).slice(0, o.k);
}
describe('scorePostings', () => {
  it('ranks exactly like summing each chunk’s terms in query order (windows, gaps, shared chunks, ties, filters)', () => {
    const chunkArb = fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 5 * scoreWindow }), fc.integer({ min: 1, max: 2_000_000 }));
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.integer({ min: 1, max: 3 }), chunks: fc.uniqueArray(chunkArb, { maxLength: 60 }) }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1 << 30 }),
        (terms, k, filtered, seed) => {
          let s = seed;
          const next = () => (s = (s * 1103515245 + 12345) >>> 0) % 7;
          const lists: TermPostings[] = terms.map(({ weight, chunks }) => {
            const sorted = [...chunks].sort((a, b) => a - b);
            const entries = new Uint32Array(sorted.length * 3);
            sorted.forEach((c, j) => {
              const norm = [3, 10, 17, 23][c % 4]!; // a chunk's length is the same in every term
              entries.set([c, c % 97, ((1 + (next() % 3)) << 8) | norm], j * 3);
            });
            return { weight, entries };
          });
          const stats = { chunks: 2_000_000, totalLength: 30_000_000 };
          const allowed = filtered ? new Set(Array.from({ length: 50 }, (_, d) => d * 2)) : undefined;
          const o = { k1: 0.9, b: 0.4, k, allowed };
          const expected = reference(lists, stats, o);
          assert.deepEqual(scorePostings(lists, stats, o), expected, 'WebAssembly kernel');
          assert.deepEqual(scorePostings(lists, stats, { ...o, engine: 'js' }), expected, 'JavaScript loop');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the kernel shipped as base64 is the one written from opcodes (build-score-kernel.ts)', () => {
    assert.equal(kernelBase64, Buffer.from(buildScoreKernel()).toString('base64'));
  });

  it('runs in WebAssembly where it is available, and its memory grows for postings larger than it holds', () => {
    assert.ok(scoreKernel(), 'WebAssembly is available under Node');
    const n = 300_000; // 3.6 MB of postings: more than the kernel's first pages
    const entries = new Uint32Array(n * 3);
    for (let i = 0; i < n; i++) entries.set([i + 1, i + 1, (1 << 8) | (i % 24)], i * 3);
    const lists = [{ weight: 1, entries }];
    const stats = { chunks: n, totalLength: n * 12 };
    const o = { k1: 0.9, b: 0.4, k: 5 };
    const wasm = scorePostings(lists, stats, o);
    assert.deepEqual(wasm, reference(lists, stats, o));
    assert.ok(scoreKernel()!.memory.buffer.byteLength >= n * 12);
    assert.deepEqual(scorePostings(lists, stats, { ...o, engine: 'js' }), wasm);
  });
});
