import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createSqliteStore } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'fathom-sqlite-crash-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const writer = fileURLToPath(new URL('./__fixtures__/crash-writer.ts', import.meta.url));
const batchSize = 100;

/** Start the writer, SIGKILL it once `batches` commits were acknowledged (mid-way through the next). */
function killMidRun(path: string, batches: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, path, String(batchSize)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acknowledged = 0;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (data: Buffer) => {
      acknowledged += data.toString().split('\n').filter((l) => l.startsWith('committed')).length;
      if (acknowledged >= batches && !child.killed) setTimeout(() => child.kill('SIGKILL'), 7);
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`writer exited with ${code}: ${stderr}`))));
  });
}

it('survives SIGKILL mid-commit: whole batches only, every document with exactly its chunks', async () => {
  const path = join(dir, 'crash.db');
  const acknowledged = await killMidRun(path, 3);
  const store = await createSqliteStore({ path });
  try {
    const counts = await store.countDocuments({ tenant: 'crash' });
    assert.ok(counts.documents >= acknowledged * batchSize, `${counts.documents} documents for ${acknowledged} acknowledged batches`);
    assert.equal(counts.documents % batchSize, 0, 'no partial batch');
    assert.equal(counts.versions, counts.documents);
    assert.equal(counts.chunks, counts.documents * 5);
    const docs = await store.listDocuments({ tenant: 'crash' });
    for (const doc of docs.filter((_, i) => i % 37 === 0)) {
      const chunks = await store.listChunks({ tenant: 'crash', documentId: doc.id });
      assert.deepEqual(chunks.map((c) => c.ordinal), [0, 1, 2, 3, 4]);
    }
    const hits = await store.searchKeyword({ tenant: 'crash', query: 'crashword', topK: 1_000_000 });
    assert.equal(hits.length, counts.chunks, 'every stored chunk is indexed');
    const vectors = await store.searchVector({ tenant: 'crash', vector: Float32Array.from([0, 0, 0, 1]), topK: 1_000_000 });
    assert.equal(vectors.length, counts.chunks, 'every stored chunk has its vector');
  } finally {
    await store.close();
  }
});
