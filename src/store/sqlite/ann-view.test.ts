import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Store } from '../../spec/store.js';
import { clusteredVectors } from '../../testing/store/approximate-cases.js';
import { makeWrite } from '../../testing/store/fixtures.js';
import { createSqliteStore } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-sqlite-ann-view-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `c${n++}`, 'store.db');
const vectors = clusteredVectors(300, 3);
const open = (path: string) => createSqliteStore({ path, vectorIndex: { annThreshold: 100 } });
const graphOf = (path: string) => `${path}.t1.usearch`;
const top = async (store: Store, v: number[], k = 5) => (await store.searchVector({ tenant: 't', vector: Float32Array.from(v), topK: k })).map((h) => h.document.id);
/** Whether this process has `file` memory-mapped (Linux /proc). */
const mapped = (file: string) => readFileSync('/proc/self/maps', 'utf8').split('\n').some((line) => line.endsWith(` ${file}`));

async function seeded(from = 0, to = vectors.length): Promise<string> {
  const path = fresh();
  const store = await open(path);
  const writes = vectors.slice(from, to).map((v, i) => makeWrite({ id: `v${from + i}`, paragraphs: [`doc ${from + i}`], vectors: [v] }));
  await store.commit({ tenant: 't', writes });
  await top(store, vectors[0]!); // builds and saves the graph
  await store.close();
  return path;
}

describe('a cold store opens a current graph without reading the stored vectors', () => {
  it('answers from the saved graph and its meta alone (the vectors table is not read)', async () => {
    const path = await seeded();
    // Empty the vectors table behind the store's back, generation untouched: a process that counts or reads the
    // stored vectors sees none and answers nothing; one that opens the current graph still answers.
    const raw = new Database(path);
    raw.prepare('DELETE FROM vectors').run();
    raw.close();
    const cold = await open(path);
    assert.equal((await top(cold, vectors[42]!))[0], 'v42');
    await cold.close();
  });

  it('memory-maps the graph file rather than reading it', { skip: !existsSync('/proc/self/maps') && 'no /proc' }, async () => {
    const path = await seeded();
    assert.ok(!mapped(graphOf(path)), 'control: not mapped before');
    const cold = await open(path);
    assert.equal((await top(cold, vectors[7]!))[0], 'v7');
    assert.ok(mapped(graphOf(path)), 'the graph file is mapped');
    await cold.close();
  });

  it('writes after a mapped open: the graph is read into memory first, and the saved graph has the new rows', async () => {
    const path = await seeded(0, 250);
    const cold = await open(path);
    assert.equal((await top(cold, vectors[3]!))[0], 'v3');
    await cold.commit({ tenant: 't', writes: vectors.slice(250).map((v, i) => makeWrite({ id: `v${250 + i}`, paragraphs: ['later'], vectors: [v] })) });
    await cold.deleteDocuments({ tenant: 't', ids: ['v3'] });
    assert.equal((await top(cold, vectors[270]!))[0], 'v270');
    assert.ok(!(await top(cold, vectors[3]!, 10)).includes('v3'));
    await cold.close();
    const next = await open(path);
    assert.equal((await top(next, vectors[280]!))[0], 'v280');
    assert.ok(!(await top(next, vectors[3]!, 10)).includes('v3'));
    await next.close();
  });

  it('a copied store (new inodes) is verified by the whole-file hash and used, not rebuilt', async () => {
    const path = await seeded();
    const copy = join(dir, `copy${n++}`, 'store.db');
    mkdirSync(join(copy, '..'));
    for (const suffix of ['', '-wal', '.t1.usearch', '.t1.usearch.meta']) if (existsSync(`${path}${suffix}`)) copyFileSync(`${path}${suffix}`, `${copy}${suffix}`);
    const raw = new Database(copy);
    raw.prepare('DELETE FROM vectors').run(); // as above: only the graph can answer
    raw.close();
    const cold = await open(copy);
    assert.equal((await top(cold, vectors[99]!))[0], 'v99');
    await cold.close();
  });
});
