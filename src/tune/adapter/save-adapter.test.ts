import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { EmbeddingAdapter } from '../../spec/embedding-adapter.js';
import { loadAdapter } from './load-adapter.js';
import { saveAdapter } from './save-adapter.js';

let dir = '';
before(async () => { dir = await mkdtemp(join(tmpdir(), 'fathom-adapter-')); });
after(async () => { await rm(dir, { recursive: true, force: true }); });

const adapter: EmbeddingAdapter = {
  specificationVersion: 'v1', dims: 3,
  weights: new Float32Array([1, 0.5, -0.25, 0, 1e-7, 3.5, -2, 0, 1]),
  bias: new Float32Array([0.1, -0.2, 0.3]),
  embeddingModel: { provider: 'transformers-js', modelId: 'bge-small' },
  metrics: { k: 10, queries: 50, recallBefore: 0.4, recallAfter: 0.8 },
};

describe('saveAdapter / loadAdapter', () => {
  it('round-trips weights, bias, model, metrics and metadata exactly', async () => {
    const path = join(dir, 'nested', 'a.json');
    await saveAdapter({ adapter, path, metadata: { epochs: 5 } });
    const loaded = await loadAdapter({ path });
    assert.deepEqual(loaded.adapter, adapter);
    assert.deepEqual(loaded.metadata, { epochs: 5 });
  });

  it('reports a missing file as PATH_NOT_FOUND and a foreign or truncated file as FILE_MALFORMED', async () => {
    await assert.rejects(loadAdapter({ path: join(dir, 'none.json') }), { code: 'PATH_NOT_FOUND' });
    const foreign = join(dir, 'foreign.json');
    await writeFile(foreign, '{"hello":1}');
    await assert.rejects(loadAdapter({ path: foreign }), { code: 'FILE_MALFORMED' });
    const truncated = join(dir, 'truncated.json');
    await writeFile(truncated, JSON.stringify({ format: 'fathom-embedding-adapter', version: 1, dims: 3, dtype: 'float32-le', weights: Buffer.alloc(8).toString('base64') }));
    await assert.rejects(loadAdapter({ path: truncated }), /expected 9/);
  });
});
