import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../spec/store.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import { createMockChatModel } from '../testing/mock-chat-model.js';
import { createGptTokenizer } from '../util/tokenizers/index.js';
import { createChunker } from './chunkers/index.js';
import { contextualizeChunks } from './contextualize.js';
import { ingest } from './ingest.js';

describe('contextual retrieval at ingest', () => {
  let dir: string;
  let store: Store;
  const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer(), maxTokens: 40 });
  // The "context" names the document's subject, which the chunk text itself never mentions.
  const model = createMockChatModel({
    reply: (call) => (/<document>[\s\S]*Acme Widget[\s\S]*<\/document>/.test(call.messages[0]!.content) ? 'From the Acme Widget warranty policy.' : 'From an unrelated document.'),
  });
  const run = () => ingest({ store, tenant: 't', paths: ['docs'], cwd: dir, chunker, contextualize: { model } });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-ctx-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'warranty.md'), '# Acme Widget warranty\n\nThis policy covers the Acme Widget.\n\n## Claims\n\nClaims must be filed within ninety days of delivery, with the original receipt attached to the form.\n');
    store = await createSqliteStore({ path: join(dir, 's.db') });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prepends the generated context to the indexed text, not to the chunk text', async () => {
    const report = await run();
    assert.ok(report.contextual && report.contextual.generated >= 2, JSON.stringify(report.contextual));
    assert.equal(report.contextual.cached, 0);
    assert.ok(report.contextual.inputTokens > 0 && report.contextual.outputTokens > 0);
    const claims = (await store.listChunks({ tenant: 't', documentId: 'docs/warranty.md' })).find((c) => c.text.includes('ninety days'))!;
    assert.equal(claims.context, 'From the Acme Widget warranty policy.');
    assert.doesNotMatch(claims.text, /warranty policy/);
    const hits = await store.searchKeyword({ tenant: 't', query: 'widget warranty claims ninety days', topK: 1 });
    assert.equal(hits[0]?.chunk.id, claims.id, 'the context words make the claims chunk findable');
  });

  it('reuses cached contexts (e.g. after an interrupted run) instead of calling the model again', async () => {
    const text = '# Notes\n\nFirst paragraph about shipping.\n\nSecond paragraph about returns.\n';
    const drafts = await chunker.chunk({ text });
    const args = { store, tenant: 't', documentId: 'docs/notes.md', text, contentHash: 'h1', drafts, options: { model } };
    const first = await contextualizeChunks(args);
    const calls = model.calls.length;
    const second = await contextualizeChunks(args);
    assert.equal(second.generated, 0);
    assert.equal(second.cached, first.generated);
    assert.deepEqual(second.contexts, first.contexts);
    assert.equal(model.calls.length, calls, 'no model call on a cache hit');
    const changed = await contextualizeChunks({ ...args, contentHash: 'h2' });
    assert.equal(changed.cached, 0, 'a changed document gets fresh contexts');
  });
});
