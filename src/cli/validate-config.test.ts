import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from './__fixtures__/run-cli.js';

describe('fathom.config.json validation (schemas/fathom-config.schema.json)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fathom-config-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const withConfig = async (text: string) => {
    const sub = mkdtempSync(join(dir, 'c-'));
    writeFileSync(join(sub, 'fathom.config.json'), text);
    return runCliCaptured({ cwd: sub, args: ['docs', 'list', '--json'] });
  };

  const cases: Array<[config: string, expected: RegExp[]]> = [
    ['{ "stor": { "path": "x.db" } }', [/unknown key "stor"/, /did you mean "store"\?/]],
    ['{ "ingest": { "chunker": { "maxTokns": 100 } } }', [/in ingest\.chunker/, /did you mean "maxTokens"\?/]],
    ['[]', [/must be a JSON object/, /got an array/]],
    ['{ "ingest": { "batchSize": "abc" } }', [/ingest\.batchSize/, /"abc"/, /integer from 1 to 100000/]],
    ['{ "search": { "mode": "nonsense" } }', [/search\.mode/, /"nonsense"/, /"bm25", "vector", "hybrid"/]],
    ['{ "ingest": { "dedup": { "threshold": 7 } } }', [/ingest\.dedup\.threshold/, /\b7\b/, /\(0, 1\]/, /nearest valid value: 1/]],
    ['{ "ingest": { "chunker": { "maxTokens": 100, "overlapTokens": 200 } } }', [/ingest\.chunker\.overlapTokens/, /200/, /below ingest\.chunker\.maxTokens \(100\)/]],
    ['{ "ingest": { "maxFileBytes": -1 } }', [/ingest\.maxFileBytes/, /-1/, /integer ≥ 1/]],
    ['{ "store": { "path": 5 } }', [/store\.path/, /\b5\b/, /non-empty string/]],
    ['{ "store": null }', [/store: null/, /an object/]],
    ['{ "ingest": null }', [/ingest: null/, /an object/]],
    ['{ "search": { "topK": 0 } }', [/search\.topK/, /nearest valid value: 1/]],
    ['{ "ingest": { "chunker": { "tokenizer": "bogus" } } }', [/ingest\.chunker\.tokenizer/, /"o200k_base", "cl100k_base"/]],
    ['{ "embedding": { "provider": "openai", "model": "m" } }', [/embedding\.provider/, /nearest valid value: "openai-compatible"/]],
    ['{ "embedding": { "provider": "openai-compatible", "model": "m" } }', [/embedding\.baseURL is missing/]],
    ['{ "generation": { "provider": "anthropic", "model": "m", "temperature": 1 } }', [/unknown key "temperature" in generation/]],
    ['{ "tenant": "default " }', [/tenant/, /no leading or trailing spaces/]],
    ['{ "ingest": { "limits": { "pages": "many" } } }', [/ingest\.limits\.pages/]],
  ];

  for (const [config, expected] of cases) {
    it(`rejects ${config} with a typed error naming the key, the value and what is allowed`, async () => {
      const r = await withConfig(config);
      assert.equal(r.code, 2, r.err);
      assert.equal(r.json().error.code, 'INVALID_CONFIG');
      for (const re of expected) assert.match(r.err, re);
      assert.doesNotMatch(r.err, /\n\s+at /);
    });
  }

  it('accepts every key of the template `fathom init` writes, plus ingest.limits and followSymlinks', async () => {
    const sub = mkdtempSync(join(dir, 'ok-'));
    assert.equal((await runCliCaptured({ cwd: sub, args: ['init'] })).code, 0);
    const r = await runCliCaptured({ cwd: sub, args: ['ingest', '.', '--json'] });
    assert.equal(r.code, 0, r.err);
    const ok = await withConfig(JSON.stringify({ ingest: { followSymlinks: false, limits: { decompressedBytes: 1e8, extractedChars: 1e7, elements: 100000, pages: 2000, chunksPerDocument: 20000, fileTimeoutMs: 30000, memoryMb: 512 } }, store: { path: 'x.db', vectorIndex: { mode: 'exact' } } }));
    assert.equal(ok.json().error.code, 'STORE_NOT_FOUND');
  });

  it('--config naming a directory or a missing file is a typed error', async () => {
    const isDir = await runCliCaptured({ cwd: dir, args: ['docs', 'list', '--config', '.'] });
    assert.equal(isDir.code, 2);
    assert.match(isDir.err, /INVALID_CONFIG.*is a directory/);
    const missing = await runCliCaptured({ cwd: dir, args: ['docs', 'list', '--config', 'nope.json'] });
    assert.equal(missing.code, 2);
    assert.match(missing.err, /PATH_NOT_FOUND/);
    mkdirSync(join(dir, 'sub'), { recursive: true });
  });
});
