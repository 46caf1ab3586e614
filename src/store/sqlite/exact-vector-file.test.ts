import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Store } from '../../spec/store.js';
import { clusteredVectors } from '../../testing/store/approximate-cases.js';
import { makeWrite } from '../../testing/store/fixtures.js';
import { normalize } from '../../util/math/vector-math.js';
import { createSqliteStore } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-sqlite-exact-file-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const vectors = clusteredVectors(120, 3);
const open = (path: string) => createSqliteStore({ path, vectorIndex: { annThreshold: 100 } });
const sideFile = (path: string) => `${path}.t1.vectors`;
const top = async (store: Store, v: number[], k = 5) => (await store.searchVector({ tenant: 't', vector: Float32Array.from(v), topK: k })).map((h) => h.document.id);
const write = (from: number, to: number) => vectors.slice(from, to).map((v, i) => makeWrite({ id: `v${from + i}`, paragraphs: [`doc ${from + i}`], vectors: [v] }));

async function seeded(count: number): Promise<string> {
  const path = join(dir, `c${n++}`, 'store.db');
  const store = await open(path);
  await store.commit({ tenant: 't', writes: write(0, count) });
  await top(store, vectors[0]!); // builds the exact index and saves its side file
  await store.close();
  return path;
}

describe('the exact vector index side file', () => {
  it('a cold store answers from a current side file without reading the vectors table', async () => {
    const path = await seeded(60);
    assert.ok(existsSync(sideFile(path)));
    const raw = new Database(path);
    raw.prepare('DELETE FROM vectors').run(); // generation untouched: only the side file can answer
    raw.close();
    const cold = await open(path);
    assert.equal((await top(cold, vectors[42]!))[0], 'v42');
    await cold.close();
  });

  it('is not trusted after writes by another handle (stale generation): rebuilt from SQLite', async () => {
    const path = await seeded(60);
    const other = await open(path);
    await other.commit({ tenant: 't', writes: write(60, 70) });
    await other.close();
    const cold = await open(path);
    assert.equal((await top(cold, vectors[65]!))[0], 'v65');
    await cold.close();
  });

  it('a deleted vector does not outlive its deletion in the side file', async () => {
    const path = await seeded(60);
    const needle = Buffer.from(normalize(Float32Array.from(vectors[42]!)).buffer);
    assert.ok(readFileSync(sideFile(path)).includes(needle), 'control: the vector is in the side file');
    const store = await open(path);
    await store.deleteDocuments({ tenant: 't', ids: ['v42'] });
    assert.ok(!existsSync(sideFile(path)) || !readFileSync(sideFile(path)).includes(needle), 'deleted vector still on disk');
    assert.ok(!(await top(store, vectors[42]!, 20)).includes('v42'));
    await store.close();
    const cold = await open(path);
    assert.ok(!(await top(cold, vectors[42]!, 20)).includes('v42'));
    assert.ok(!readFileSync(sideFile(path)).includes(needle), 'rewritten without it');
    await cold.close();
  });

  it('is removed once the tenant passes to HNSW', async () => {
    const path = await seeded(60);
    const store = await open(path);
    await store.commit({ tenant: 't', writes: write(60, 120) });
    assert.equal((await top(store, vectors[110]!))[0], 'v110');
    assert.ok(!existsSync(sideFile(path)) && existsSync(`${path}.t1.usearch`));
    await store.close();
  });
});
