import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Store } from '../../spec/store.js';
import { clusteredVectors } from '../../testing/store/approximate-cases.js';
import { makeWrite } from '../../testing/store/fixtures.js';
import { normalize } from '../../util/math/vector-math.js';
import { createSqliteStore, type SqliteStoreOptions } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-sqlite-ann-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `c${n++}`, 'store.db');
const vectors = clusteredVectors(300, 3);
const open = (path: string, vectorIndex: SqliteStoreOptions['vectorIndex'] = { annThreshold: 100 }) => createSqliteStore({ path, vectorIndex });
const graphOf = (path: string) => `${path}.t1.usearch`;

async function seed(store: Store, from = 0, to = vectors.length): Promise<void> {
  const writes = vectors.slice(from, to).map((v, i) => makeWrite({ id: `v${from + i}`, paragraphs: [`doc ${from + i}`], vectors: [v], metadata: { bucket: (from + i) % 100 } }));
  await store.commit({ tenant: 't', writes });
}
const top = async (store: Store, v: number[], k = 5) => (await store.searchVector({ tenant: 't', vector: Float32Array.from(v), topK: k })).map((h) => h.document.id);

describe('sqlite approximate vector index', () => {
  it('persists the graph beside the database once a tenant passes the threshold, not before', async () => {
    const path = fresh();
    const store = await open(path);
    await seed(store, 0, 50);
    await top(store, vectors[0]!);
    assert.ok(!existsSync(graphOf(path)), 'exact below the threshold');
    await seed(store, 50);
    assert.equal((await top(store, vectors[70]!))[0], 'v70');
    assert.ok(existsSync(graphOf(path)) && existsSync(`${graphOf(path)}.meta`), 'graph and meta saved');
    await store.deleteDocuments({ tenant: 't', ids: vectors.slice(0, 260).map((_, i) => `v${i}`) });
    assert.equal((await top(store, vectors[270]!))[0], 'v270');
    assert.ok(!existsSync(graphOf(path)), 'back to exact below half the threshold: files removed');
    await store.close();
  });

  it('answers exactly when the graph returns fewer hits than asked and the tenant holds (identical vectors leave nodes unreachable)', async () => {
    const store = await open(fresh(), { mode: 'ann', connectivity: 4 });
    const directions = [0, 1, 2].map((axis) => Array.from({ length: 8 }, (_, j) => (j === axis ? 1 : 0)));
    await store.commit({ tenant: 't', writes: Array.from({ length: 600 }, (_, i) => makeWrite({ id: `d${i}`, paragraphs: [`doc ${i}`], vectors: [directions[i % 3]!] })) });
    const all = await top(store, directions[0]!, 600);
    assert.equal(new Set(all).size, 600, 'every vector of the tenant found');
    assert.deepEqual(all.slice(0, 200).sort(), Array.from({ length: 200 }, (_, i) => `d${i * 3}`).sort(), 'the identical ones first');
    await store.close();
  });

  it('finds every stored vector first when queried with itself (a single-threaded build: threaded ones missed some)', async () => {
    for (let round = 0; round < 3; round++) {
      const store = await open(fresh(), { mode: 'ann' });
      await seed(store, 0, 200);
      const misses: string[] = [];
      for (let i = 0; i < 200; i++) if ((await top(store, vectors[i]!, 1))[0] !== `v${i}`) misses.push(`v${i}`);
      assert.deepEqual(misses, [], `round ${round}`);
      await store.close();
    }
  });

  it('honours forced modes', async () => {
    const exact = fresh();
    const a = await open(exact, { mode: 'exact', annThreshold: 10 });
    await seed(a);
    assert.equal((await top(a, vectors[5]!))[0], 'v5');
    assert.ok(!existsSync(graphOf(exact)));
    await a.close();
    const ann = fresh();
    const b = await open(ann, { mode: 'ann' });
    await seed(b, 0, 10);
    assert.equal((await top(b, vectors[5]!))[0], 'v5');
    assert.ok(existsSync(graphOf(ann)));
    await b.close();
  });

  it('leaves no deleted vector in the saved graph (usearch keeps removed vectors’ bytes unless scrubbed)', async () => {
    const path = fresh();
    const store = await open(path, { annThreshold: 100, quantization: 'f32' });
    await seed(store);
    const marker = [...vectors[42]!];
    const needle = Buffer.from(normalize(Float32Array.from(marker)).buffer);
    await top(store, marker);
    assert.ok(readFileSync(graphOf(path)).includes(needle), 'control: the vector is in the graph file');
    await store.deleteDocuments({ tenant: 't', ids: ['v42'] });
    assert.ok(!readFileSync(graphOf(path)).includes(needle), 'deleted vector still in the graph file');
    assert.ok(!(await top(store, marker, 20)).includes('v42'));
    await store.close();
  });

  it('reconciles a stale graph after writes by another process, and rebuilds a damaged one', async () => {
    const path = fresh();
    const first = await open(path);
    await seed(first, 0, 200);
    await top(first, vectors[0]!);
    await first.close();
    const other = await open(path);
    await seed(other, 200);
    await other.commit({ tenant: 't', writes: [makeWrite({ id: 'v7', paragraphs: ['moved'], vectors: [vectors[250]!] })] });
    await other.close();
    const reopened = await open(path);
    assert.equal((await top(reopened, vectors[250]!, 2)).sort().join(), 'v250,v7', 'new and changed rows found');
    const hits = await reopened.searchVector({ tenant: 't', vector: Float32Array.from(vectors[250]!), topK: 300 });
    assert.deepEqual(hits.filter((h) => h.document.id === 'v7').map((h) => h.chunk.text), ['moved'], 'only the new version of v7');
    await reopened.close();
    writeFileSync(`${graphOf(path)}.meta`, 'garbage');
    const rebuilt = await open(path);
    assert.equal((await top(rebuilt, vectors[123]!))[0], 'v123');
    await rebuilt.close();
    writeFileSync(graphOf(path), 'not a graph');
    const again = await open(path);
    assert.equal((await top(again, vectors[124]!))[0], 'v124');
    await again.close();
  });

  it('sees writes made through another connection while its graph is loaded', async () => {
    const path = fresh();
    const reader = await open(path);
    const writer = await open(path);
    await seed(writer, 0, 200);
    assert.equal((await top(reader, vectors[3]!))[0], 'v3');
    await seed(writer, 200);
    await writer.deleteDocuments({ tenant: 't', ids: ['v3'] });
    assert.equal((await top(reader, vectors[220]!))[0], 'v220');
    assert.ok(!(await top(reader, vectors[3]!, 10)).includes('v3'));
    await reader.close();
    await writer.close();
  });
});
