#!/usr/bin/env node
// Smoke test of the built package under plain Node (no tsx): import dist/, ingest, search every way.
// Catches problems the tsx-run test suite cannot see (ESM-only resolution of dependencies, missing files).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  // Validators compiled at build time (scripts/precompile-schemas.mjs) report exactly what ajv compiling at run time does.
  const require = createRequire(import.meta.url);
  const { Ajv2020 } = require('ajv/dist/2020.js');
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
  require('ajv-formats')(ajv);
  const { _toIssues } = await import('../dist/util/json-schema/_issues.js');
  const { configSchema } = await import('../dist/cli/config-schema.js');
  const { precompiledKey } = await import('../dist/util/json-schema/_precompiled-key.js');
  const schema = configSchema();
  const precompiled = require(`../dist/util/json-schema/_precompiled/${precompiledKey(JSON.stringify(schema))}.cjs`);
  assert.equal(typeof precompiled, 'function', 'the config schema is precompiled');
  const compiled = ajv.compile(schema);
  const strip = (issues) => JSON.parse(JSON.stringify(issues, (k, v) => (k === '$id' ? undefined : v)));
  for (const value of [{}, { stor: {} }, { store: { path: 3 } }, { search: { topK: -1, mode: 'hybird' } }, { embedding: { provider: 'x' } }, []]) {
    assert.equal(precompiled(value), compiled(value), JSON.stringify(value));
    assert.deepEqual(strip(_toIssues(precompiled.errors ?? [])), strip(_toIssues(compiled.errors ?? [])), JSON.stringify(value));
  }
  // A cold `fathom search` with a config file validates without loading ajv.
  writeFileSync(join(dir, 'fathom.config.json'), JSON.stringify({ store: { path: 'exact.db' }, search: { topK: 3 } }));
  const probe = `const { runCli } = await import(${JSON.stringify(new URL('../dist/cli/main.js', import.meta.url).href)}); const code = await runCli(['search', 'refunds', '--mode', 'bm25', '-k', '2', '--tenant', 't']); const { createRequire } = await import('node:module'); const ajv = Object.keys(createRequire(import.meta.url).cache).filter((f) => /[\\/]ajv[\\/]dist[\\/]core/.test(f)); process.stdout.write(JSON.stringify({ code, ajv }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: dir, encoding: 'utf8' });
  const out = JSON.parse(r.stdout.slice(r.stdout.lastIndexOf('{')));
  assert.equal(out.code, 0, r.stderr);
  assert.deepEqual(out.ajv, [], 'ajv loaded by a cold search');
  // The bundled CLI (dist/cli/bundle, what bin/fathom.js runs) answers exactly as the unbundled one, its shipped code
  // cache is accepted by plain `node`, and packages it imports dynamically load with the cache in use (HTML ingest).
  const bin = new URL('../bin/fathom.js', import.meta.url).pathname;
  const cli = (args, env = {}) => {
    const c = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
    assert.equal(c.status, 0, `fathom ${args.join(' ')}: ${c.stderr}`);
    return c.stdout;
  };
  const timings = (text) => text.replace(/"(ms|latencyMs|retrieve|extract|generate|verify|total)": [\d.e-]+/g, '"$1": 0').replace(/"(logId)": "[^"]*"/g, '"$1": ""');
  for (const args of [['search', 'item7 refunds', '--tenant', 't', '--json'], ['ask', 'What does doc 7 cover?', '--tenant', 't', '--json'], ['docs', 'list', '--tenant', 't'], ['--help']]) {
    assert.equal(timings(cli(args)), timings(cli(args, { FATHOM_NO_BUNDLE: '1' })), `bundled and unbundled \`fathom ${args.join(' ')}\` differ`);
  }
  const loader = new URL('../dist/cli/run-bundle.js', import.meta.url).href;
  const bundle = new URL('../dist/cli/bundle/fathom.cjs', import.meta.url).pathname;
  const probeCache = `const { runBundle } = await import(${JSON.stringify(loader)}); const r = await runBundle({ file: ${JSON.stringify(bundle)}, argvs: [['--version']] }); process.stdout.write(JSON.stringify(r));`;
  const pc = spawnSync(process.execPath, ['--input-type=module', '-e', probeCache], { cwd: dir, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(pc.stdout.slice(pc.stdout.indexOf('{'))), { loaded: true, cache: 'accepted', wrote: false }, pc.stderr);
  // better-sqlite3's JavaScript runs from the bundle (its code cache), its addon is loaded by path: no module of the
  // package, nor `bindings` (the addon search), is read from node_modules by a bundled search.
  const probeSqlite = `const { runBundle } = await import(${JSON.stringify(loader)}); await runBundle({ file: ${JSON.stringify(bundle)}, argvs: [['search', 'refunds', '--tenant', 't']] }); const { createRequire } = await import('node:module'); process.stdout.write('\\n' + JSON.stringify(Object.keys(createRequire(import.meta.url).cache).filter((f) => /node_modules[\\\\/](better-sqlite3[\\\\/]lib|bindings)[\\\\/]/.test(f))));`;
  const ps = spawnSync(process.execPath, ['--input-type=module', '-e', probeSqlite], { cwd: dir, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(ps.stdout.slice(ps.stdout.lastIndexOf('\n') + 1)), [], ps.stderr);
  mkdirSync(join(dir, 'html'));
  writeFileSync(join(dir, 'html', 'page.html'), '<html><head><title>Returns</title></head><body><main><h1>Returns</h1><p>Returns are accepted within thirty days of delivery for every order.</p></main></body></html>');
  assert.match(cli(['ingest', 'html', '--tenant', 'h']), /1 new/);
  assert.match(cli(['search', 'returns delivery', '--tenant', 'h']), /Returns/);
  console.log('dist smoke: ok (import, ingest, bm25/vector/hybrid with exact and HNSW, answer; precompiled schemas equal ajv, a cold search loads no ajv; the bundled CLI equals the unbundled one, its code cache is accepted, it loads better-sqlite3 from itself, HTML ingest through it works)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
