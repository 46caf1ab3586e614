import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpenAICompatibleServer } from '../testing/openai-compatible-server.js';
import type { ScriptedServer } from '../testing/openai-compatible-server.js';
import { runCliCaptured } from './__fixtures__/run-cli.js';

/** Bag-of-words vectors hashed into 64 dimensions: cosine similarity follows shared words. */
function bagOfWords(texts: string[]): number[][] {
  return texts.map((text) => {
    const v = new Array(64).fill(0);
    for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
      let h = 7;
      for (const ch of w) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
      v[h % 64] += 1;
    }
    return v;
  });
}

const cli = (cwd: string, ...args: string[]) => runCliCaptured({ cwd, args });

describe('fathom search with an embedding model', () => {
  let dir: string;
  let server: ScriptedServer;
  before(async () => {
    server = await startOpenAICompatibleServer({ embed: bagOfWords });
    dir = mkdtempSync(join(tmpdir(), 'fathom-search-'));
    mkdirSync(join(dir, 'kb'));
    writeFileSync(join(dir, 'kb', 'refunds.md'), '# Refunds\n\nEnterprise customers get a full refund within thirty days.\n');
    writeFileSync(join(dir, 'kb', 'refunds-faq.md'), '# Refund questions\n\nCan enterprise customers get a refund? A full refund is possible within thirty days.\n');
    writeFileSync(join(dir, 'kb', 'security.md'), '# Security\n\nData is encrypted at rest and in transit.\n');
    writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ embedding: { provider: 'openai-compatible', baseURL: server.url, model: 'bow', dimensions: 64 } }));
    const r = await cli(dir, 'ingest', 'kb', '--json');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.json().counts.embeddings, 3);
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('vector mode ranks by embedding similarity and explains the vector stage', async () => {
    const r = (await cli(dir, 'search', 'encrypted data', '--mode', 'vector', '--json', '-k', '1')).json();
    assert.equal(r.hits[0].document.id, 'kb/security.md');
    assert.ok(r.hits[0].stages.vector.score > 0);
    assert.equal(r.hits[0].stages.bm25, undefined);
  });

  it('hybrid mode fuses both lists; every hit carries each stage score', async () => {
    const r = (await cli(dir, 'search', 'enterprise refund', '--mode', 'hybrid', '--json', '-k', '3')).json();
    assert.equal(r.mode, 'hybrid');
    const top = r.hits[0];
    assert.ok(top.stages.bm25 && top.stages.vector && top.stages.fused, JSON.stringify(top.stages));
    assert.deepEqual(r.trace.stages.map((s: { name: string }) => s.name).sort(), ['bm25', 'fuse', 'vector']);
    const convex = (await cli(dir, 'search', 'enterprise refund', '--mode', 'hybrid', '--fusion', 'convex', '--alpha', '0.3', '--json')).json();
    assert.ok(convex.hits[0].stages.fused.score <= 1, 'convex scores of min-max normalised lists are in [0, 1]');
    const human = await cli(dir, 'search', 'enterprise refund', '--mode', 'hybrid', '--explain');
    assert.match(human.out, /bm25: score .* \| vector: score .* \| fused: score/);
    assert.match(human.out, /sufficiency: \d\.\d{3}/);
  });

  it('--mmr records an mmr stage and still returns k results', async () => {
    const r = (await cli(dir, 'search', 'enterprise refund', '--mode', 'hybrid', '--mmr', '--lambda', '0.3', '--json', '-k', '2')).json();
    assert.equal(r.hits.length, 2);
    assert.ok(r.trace.stages.some((s: { name: string }) => s.name === 'mmr'));
  });

  it('rejects --rerank without a configured reranker with an actionable error', async () => {
    const r = await cli(dir, 'search', 'refund', '--rerank');
    assert.equal(r.code, 2);
    assert.match(r.err, /INVALID_CONFIG.*rerank/);
  });
});

describe('repeatable flags', () => {
  it('ANDs every --filter and honours every --include', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fathom-flags-'));
    try {
      mkdirSync(join(dir, 'kb', 'sub'), { recursive: true });
      writeFileSync(join(dir, 'kb', 'a.md'), '# A\n\nRefunds are processed weekly.\n');
      writeFileSync(join(dir, 'kb', 'b.txt'), 'Refunds are processed daily.\n');
      writeFileSync(join(dir, 'kb', 'sub', 'c.md'), '# C\n\nRefunds are processed monthly.\n');
      writeFileSync(join(dir, 'kb', 'd.html'), '<html><body><h1>D</h1><p>Refunds are processed hourly.</p></body></html>');
      const ing = await cli(dir, 'ingest', 'kb', '--include', '**/*.md', '--include', '**/*.txt', '--json');
      assert.deepEqual(ing.json().counts.created, 3, 'the .html file is not included');
      const both = (await cli(dir, 'search', 'refunds processed', '--json', '--filter', 'format=markdown', '--filter', 'source!=kb/a.md')).json();
      assert.deepEqual(both.hits.map((h: { document: { id: string } }) => h.document.id), ['kb/sub/c.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
