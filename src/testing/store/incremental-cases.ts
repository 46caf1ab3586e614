/**
 * Conformance: searches interleaved with writes (which lets a backend update in-memory indexes incrementally)
 * score exactly like a fresh store holding the same final content — BM25 statistics (N, df, average length)
 * and vectors included.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Store } from '../../spec/store.js';
import { hasVectors, makeWrite, withStore } from './fixtures.js';

const tenant = 'inc';
const words = ['river', 'stone', 'maple', 'cloud', 'ember', 'harbor', 'lantern', 'meadow', 'quartz', 'willow'];
const queries = ['river stone', 'maple cloud ember', 'harbor', 'lantern meadow quartz willow', 'stone stone river'];

const doc = (i: number, v: number) => {
  const paragraphs = [0, 1].map((p) => Array.from({ length: 3 + ((i * 7 + p * 3 + v) % 9) }, (_, j) => words[(i * 3 + j * (p + 2) + v) % words.length]).join(' '));
  const vectors = paragraphs.map((_, p) => [Math.cos(i + p + v), Math.sin(i * 2 + v), ((i + p) % 5) - 2]);
  return makeWrite({ id: `d${i}`, paragraphs, vectors, metadata: { v } });
};

async function scores(store: Store): Promise<Array<Map<string, number>>> {
  const out: Array<Map<string, number>> = [];
  for (const query of queries) {
    const hits = await store.searchKeyword({ tenant, query, topK: 1_000 });
    out.push(new Map(hits.map((h) => [h.chunk.text + '|' + h.document.id, h.score])));
  }
  for (const q of hasVectors(store) ? [[1, 0, 0], [0, 1, 1], [-1, 0.5, 2]] : []) {
    const hits = await store.searchVector({ tenant, vector: Float32Array.from(q), topK: 1_000 });
    out.push(new Map(hits.map((h) => [h.chunk.text + '|' + h.document.id, h.score])));
  }
  return out;
}

export function incrementalCases(create: () => Promise<Store>): void {
  it('scores after interleaved writes, new versions and deletes equal a fresh store with the same content', () =>
    withStore(create, async (store) => {
      await store.commit({ tenant, writes: Array.from({ length: 30 }, (_, i) => doc(i, 0)) });
      await scores(store);
      await store.commit({ tenant, writes: Array.from({ length: 10 }, (_, i) => doc(i * 2, 1)) });
      await scores(store);
      await store.deleteDocuments({ tenant, ids: ['d1', 'd3', 'd4', 'd25'] });
      await scores(store);
      await store.commit({ tenant, writes: [doc(30, 0), doc(31, 0), doc(3, 2), doc(2, 2), doc(2, 3)] });
      const incremental = await scores(store);
      await withStore(create, async (fresh) => {
        const final = new Map<number, number>();
        for (let i = 0; i < 32; i++) final.set(i, 0);
        for (let i = 0; i < 10; i++) final.set(i * 2, 1);
        for (const i of [1, 4, 25]) final.delete(i);
        final.set(3, 2);
        final.set(2, 3);
        await fresh.commit({ tenant, writes: [...final].map(([i, v]) => doc(i, v)) });
        const expected = await scores(fresh);
        incremental.forEach((got, q) => {
          assert.deepEqual([...got.keys()].sort(), [...expected[q]!.keys()].sort(), `same hits for search ${q}`);
          for (const [key, score] of got) assert.ok(Math.abs(score - expected[q]!.get(key)!) < 1e-9, `search ${q}, ${key}: ${score} vs ${expected[q]!.get(key)}`);
        });
      });
    }));
}
