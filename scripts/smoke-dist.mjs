#!/usr/bin/env node
// Smoke test of the built package under plain Node (no tsx): import dist/, ingest, search every way.
// Catches problems the tsx-run test suite cannot see (ESM-only resolution of dependencies, missing files).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const fathom = await import('../dist/index.js');
const dir = mkdtempSync(join(tmpdir(), 'fathom-smoke-'));
try {
  mkdirSync(join(dir, 'kb'));
  for (let i = 0; i < 40; i++) writeFileSync(join(dir, 'kb', `d${i}.md`), `# Doc ${i}\n\nTopic ${i % 5} covers item${i} and refunds.\n`);
  const embedder = {
    specificationVersion: 'v1', provider: 'smoke', modelId: 'bow', dimensions: 16, maxBatchSize: 64, supportsParallelCalls: false, normalized: false,
    async doEmbed({ values }) {
      return { embeddings: values.map((t) => { const v = new Float32Array(16); for (const w of t.toLowerCase().match(/[a-z0-9]+/g) ?? []) v[[...w].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 16] += 1; return v; }) };
    },
  };
  for (const mode of ['exact', 'ann']) {
    const store = await fathom.createSqliteStore({ path: join(dir, `${mode}.db`), vectorIndex: { mode } });
    const chunker = fathom.createChunker({ name: 'structure', tokenizer: fathom.createGptTokenizer(), maxTokens: 128 });
    const report = await fathom.ingest({ store, tenant: 't', paths: ['kb'], cwd: dir, chunker, embedder });
    assert.equal(report.counts.created, 40);
    for (const m of ['bm25', 'vector', 'hybrid']) {
      const { hits } = await fathom.retrieve({ store, tenant: 't', query: 'item7 refunds', mode: m, embedder, topK: 3 });
      assert.ok(hits.length > 0, `${mode}/${m} returned hits`);
    }
    const answer = await fathom.answer({ store, tenant: 't', question: 'What does doc 7 cover?', retrieval: { topK: 3 } });
    assert.equal(typeof answer.text, 'string');
    await store.close();
  }
  console.log('dist smoke: ok (import, ingest, bm25/vector/hybrid with exact and HNSW, answer)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
