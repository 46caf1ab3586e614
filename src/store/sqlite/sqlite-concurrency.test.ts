import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { spawnTogether } from '../../testing/store/__fixtures__/spawn-together.js';
import { createSqliteStore } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-sqlite-concurrency-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const workers = 5;
const failures = (results: Awaited<ReturnType<typeof spawnTogether>>) => results.filter((r) => r.code !== 0).map((r) => r.stderr.split('\n').slice(0, 3).join(' | '));

describe('sqlite store across processes', () => {
  it('several processes creating the same new store at once all succeed (C7)', { timeout: 300_000 }, async () => {
    for (let round = 0; round < 3; round++) {
      const path = join(dir, `create${round}`, 'store.db');
      const results = await spawnTogether(Array.from({ length: workers }, (_, i) => ['open', path, String(i)]));
      assert.deepEqual(failures(results), [], `round ${round}`);
      const store = await createSqliteStore({ path });
      assert.equal((await store.countDocuments({ tenant: 't' })).documents, workers);
      await store.close();
    }
  });

  it('concurrent HNSW saves never collide on a temporary file (C8)', { timeout: 300_000 }, async () => {
    for (let round = 0; round < 2; round++) {
      const path = join(dir, `ann${round}`, 'store.db');
      await (await createSqliteStore({ path })).close();
      writeFileSync(`${path}.t1.usearch.999999999.0abc.tmp`, 'left by a writer that crashed mid-save');
      const results = await spawnTogether(Array.from({ length: workers }, (_, i) => ['ann', path, String(i)]));
      assert.deepEqual(failures(results), [], `round ${round}`);
      assert.deepEqual(readdirSync(join(dir, `ann${round}`)).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left behind');
      const store = await createSqliteStore({ path, vectorIndex: { mode: 'ann' } });
      const hits = await store.searchVector({ tenant: 't', vector: Float32Array.from({ length: 8 }, (_, d) => Math.sin(d)), topK: 100 });
      assert.equal(hits.length, workers * 12, 'every vector is searchable');
      await store.close();
    }
  });
});
