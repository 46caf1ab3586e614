/**
 * Server overhead under load (issue #14; target: ≤ 2 ms p50 over an in-process call at 32 clients).
 *  - store: 50,000 generated documents × 2 chunks = 100,000 chunks of Zipfian pseudo-English, BM25 only,
 *    committed straight to a real SQLite file once and cached under the temp folder (each run works on a copy);
 *  - concurrent writes: during every loopback run, ingest jobs upload 100 JSONL records each, back to back;
 *  - server: `createServer` in a child process on 127.0.0.1 (its own event loop, like `fathom serve`),
 *    rate limit off, logs silent, one reader API key;
 *  - load: autocannon at 1, 8 and 32 connections, `POST /v1/search` (k 5) and `POST /v1/ask` (extractive,
 *    every answer audit-logged), 40 different queries cycled, `--seconds` each (default 4);
 *  - in-process floor: the same calls (`retrieve()`, `answer()`, as the key's principal) in this process with the same number of
 *    concurrent callers for the same time, on the same file after the server stopped;
 *  - the server's code alone: `app.request()` in this process (no socket, no second process) at the same
 *    concurrency;
 *  - overhead = server p50 − in-process p50 (and app.request p50 − in-process p50) at the same concurrency (unpaired:
 *    separate phases, so load drift on a shared machine lands in it). Errors = transport errors + timeouts +
 *    non-2xx (so any SQLITE_BUSY reaching a client counts). Both sides are warmed up first (one pass of the queries).
 *  - several processes (bench/_serve-workers.ts, `--workers N`, default 2, 0 leaves it out): `fathom serve --workers N`,
 *    node:cluster workers on one port and one store, its own load row (`serverWorkers`, with ingest) and paired variant;
 *  - paired overhead (bench/_serve-paired.ts; idle server, no ingest) at 1, 8 and 32 clients: rounds of loopback,
 *    a bare node:http floor in the server's process returning the same bytes, in-process, app.request() and the
 *    workers, each a closed loop of c workers (`--paired-calls` calls each, the next when the previous returns), in a
 *    rotating order; medians of the per-round differences: server − in-process and server − bare floor; the server
 *    process's CPU per request; the load average per level.
 * Run: node --import tsx bench/serve.ts [--seconds 5] [--docs 50000] [--paired-rounds 60] [--paired-seconds 15] [--paired-calls 4] [--workers 2] → bench/results/serve.json (the store is cached in
 * $TMPDIR/fathom-bench-serve-cache/store-<docs>.db; the first run builds it)
 */
import { spawn } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { answer } from '../src/generate/index.js';
import { retrieve } from '../src/retrieve/index.js';
import { createApiKey, createServer } from '../src/server/index.js';
import type { DocumentWrite } from '../src/spec/store.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import { sha256 } from '../src/util/hash.js';
import { mulberry32 } from '../src/util/math/random.js';
import { listen } from '../src/server/__fixtures__/listen.js';
import { createChunker } from '../src/ingest/index.js';
import { pairedOverhead } from './_serve-paired.js';
import { startServeWorkers } from './_serve-workers.js';
import { createGptTokenizer } from '../src/util/tokenizers/index.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const tenant = 'bench';
/** The server's reader key's principal: in-process calls run as it too (the same ACL-aware search). */
const benchPrincipal = { id: 'user:bench', groups: [] as string[] };

if (process.argv[2] === '--child') {
  const store = await createSqliteStore({ path: process.argv[3]! });
  const { key } = await createApiKey({ store, tenant, principal: 'user:bench', role: 'reader' });
  const { key: writerKey } = await createApiKey({ store, tenant, principal: 'user:bench-writer', role: 'writer' });
  const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer({ encoding: 'o200k_base' }), maxTokens: 256, overlapTokens: 0 });
  const server = createServer({ store, chunker, config: { rateLimit: false } });
  const { url } = await listen(server);
  // The floor: a bare node:http server in this same process returning the bytes the fathom server returned for the
  // same route and body (computed through the app on first sight, then cached), and the process's CPU time.
  const bytes = new Map<string, Buffer>();
  const bare = createHttpServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (b: Buffer) => parts.push(b)).on('end', async () => {
      const body = Buffer.concat(parts).toString();
      const k = `${req.url}\n${body}`;
      let out = bytes.get(k);
      if (!out) {
        const r = await server.app.request(req.url!, { method: 'POST', headers: { authorization: req.headers.authorization!, 'content-type': 'application/json' }, body });
        bytes.set(k, (out = Buffer.from(await r.arrayBuffer())));
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': out.length }).end(out);
    });
  });
  const cpu = createHttpServer((_req, res) => {
    const u = process.cpuUsage();
    res.end(String(u.user + u.system));
  });
  const port = (h: ReturnType<typeof createHttpServer>) => new Promise<number>((r) => h.listen(0, '127.0.0.1', () => r((h.address() as { port: number }).port)));
  process.stdout.write(`${JSON.stringify({ url, key, writerKey, bareUrl: `http://127.0.0.1:${await port(bare)}`, cpuUrl: `http://127.0.0.1:${await port(cpu)}/` })}\n`);
  process.on('SIGTERM', async () => {
    await server.drain(2000);
    await store.close();
    process.exit(0);
  });
} else await main();

async function main(): Promise<void> {
  const seconds = arg('seconds', 4);
  const loadAverage1mAtStart = +loadavg()[0]!.toFixed(1);
  const random = mulberry32(20261205);
  const syl = 'ba be bi bo bu ca ce co cu da de di do fa fe fi fo ga ge go ha he hi ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no pa pe pi po ra re ri ro ru sa se si so ta te ti to tu'.split(' ');
  const vocab = [...new Set(Array.from({ length: 12_000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => syl[Math.floor(random() * syl.length)]).join('')))].slice(0, 10_000);
  const fn = 'the of and to in is that for it as with was on by be at this are from'.split(' ');
  const word = () => vocab[Math.min(vocab.length - 1, Math.floor(vocab.length * random() ** 3))]!;
  const sentence = () => `${Array.from({ length: 10 + Math.floor(random() * 8) }, () => (random() < 0.35 ? fn[Math.floor(random() * fn.length)]! : word())).join(' ')}.`;

  const docs = arg('docs', 50_000);
  const dir = mkdtempSync(join(tmpdir(), 'fathom-bench-serve-'));
  const path = join(dir, 'fathom.db');
  const cacheDir = join(tmpdir(), 'fathom-bench-serve-cache');
  const cached = join(cacheDir, `store-${docs}.db`);
  const chunkTexts: string[] = [];
  try {
    // The texts are generated every time (the queries come from them); the store is built once and cached.
    const batches: DocumentWrite[][] = [];
    for (let d0 = 0; d0 < docs; d0 += 250) {
      const writes: DocumentWrite[] = [];
      for (let d = d0; d < Math.min(docs, d0 + 250); d++) {
        const chunks = [0, 1].map(() => Array.from({ length: 5 }, sentence).join(' '));
        const text = chunks.join('\n\n');
        chunkTexts.push(...chunks);
        if (existsSync(cached)) continue;
        writes.push({
          document: { id: `doc-${d}`, source: `gen/doc-${d}.md`, title: `Doc ${d}`, text, format: 'markdown', metadata: {} }, contentHash: sha256(text),
          chunks: chunks.map((c, i) => ({ text: c, start: i === 0 ? 0 : chunks[0]!.length + 2, end: (i === 0 ? 0 : chunks[0]!.length + 2) + c.length, headingPath: [], tokenCount: c.split(' ').length, role: 'leaf' as const })),
          at: Date.now(),
        });
      }
      if (writes.length) batches.push(writes);
    }
    let buildSeconds: number | null = null;
    if (!existsSync(cached)) {
      const t0 = performance.now();
      mkdirSync(cacheDir, { recursive: true });
      const building = `${cached}.building`;
      rmSync(building, { force: true });
      const store = await createSqliteStore({ path: building });
      for (const writes of batches) await store.commit({ tenant, writes });
      await store.compact();
      await store.close();
      renameSync(building, cached);
      buildSeconds = +((performance.now() - t0) / 1000).toFixed(1);
      console.log(`built ${cached} in ${buildSeconds} s`);
    }
    batches.length = 0;
    copyFileSync(cached, path);
    const store = await createSqliteStore({ path });
    const counts = await store.countDocuments({ tenant });
    await store.close();
    const queries = Array.from({ length: 40 }, () => {
      const words = chunkTexts[Math.floor(random() * chunkTexts.length)]!.replace(/\./g, '').split(' ');
      const at = Math.floor(random() * (words.length - 6));
      return words.slice(at, at + 6).join(' ');
    });

    // Server in a child process.
    const child = spawn(process.execPath, [...(process.env.FATHOM_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.FATHOM_BENCH_PROFILE}`] : []), '--import', 'tsx', import.meta.filename, '--child', path], { stdio: ['ignore', 'pipe', 'inherit'] });
    const { url, key, writerKey, bareUrl, cpuUrl } = await new Promise<{ url: string; key: string; writerKey: string; bareUrl: string; cpuUrl: string }>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
      });
      child.once('exit', (c) => reject(new Error(`server exited ${c}`)));
    });
    // `fathom serve --workers N` (node:cluster processes) on the same store: its own row (0 leaves it out).
    const workers = arg('workers', 2);
    const clustered = workers > 0 ? await startServeWorkers({ workers, path, tenant }) : undefined;
    const cluster = clustered?.child;
    const pct = (xs: number[], p: number) => {
      const s = [...xs].sort((a, b) => a - b);
      return +s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!.toFixed(3);
    };
    const stats = (xs: number[], secs: number) => ({ requests: xs.length, throughputPerSec: +(xs.length / secs).toFixed(1), p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99) });
    const routes = { search: (q: string) => ({ query: q, k: 5 }), ask: (q: string) => ({ question: `What about ${q}?` }) };
    const loadRows = async (target: { url: string; key: string; writerKey: string }, tag: string) => {
      // Warm-up (not measured): one pass of the queries fills the store's caches (each worker's, over several passes).
      for (const [route, body] of Object.entries(routes)) {
        for (let i = 0; i < queries.length * (tag ? workers : 1); i++) await fetch(`${target.url}/v1/${route}`, { method: 'POST', headers: { authorization: `Bearer ${target.key}`, 'content-type': 'application/json' }, body: JSON.stringify(body(queries[i % queries.length]!)) }).then((r) => r.arrayBuffer());
      }
      const rows: Record<string, unknown> = {};
      for (const [route, body] of Object.entries(routes)) {
        for (const connections of [1, 8, 32]) {
          const latencies: number[] = [];
          const inst = autocannon({
            url: `${target.url}/v1/${route}`, connections, duration: seconds, headers: { authorization: `Bearer ${target.key}`, 'content-type': 'application/json' },
            requests: queries.map((q) => ({ method: 'POST', body: JSON.stringify(body(q)) })),
          });
          inst.on('response', (_c: unknown, _s: number, _b: number, ms: number) => latencies.push(ms));
          const ingesting = _ingestWhile(target.url, target.writerKey, `${tag}${route}-${connections}`, seconds * 1000);
          const r = await inst;
          const ingest = await ingesting;
          rows[`${route}@${connections}`] = { ...stats(latencies, seconds), errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, ingest };
          console.log(tag || 'server', route, connections, JSON.stringify(rows[`${route}@${connections}`]));
        }
      }
      return rows;
    };
    const server = await loadRows({ url, key, writerKey }, '');
    const serverWorkers = clustered ? await loadRows(clustered, `workers${workers}-`) : undefined;
    const paired = await pairedOverhead({
      url, bareUrl, cpuUrl, key, path, tenant, principal: 'user:bench', queries, routes, concurrency: [1, 8, 32],
      rounds: arg('paired-rounds', 60), secondsPerLevel: arg('paired-seconds', 15), callsPerWorker: arg('paired-calls', 4),
      workersUrl: clustered?.url, workersKey: clustered?.key,
    });
    for (const p of [child, cluster]) {
      if (!p) continue;
      p.removeAllListeners('exit');
      p.kill('SIGTERM');
      await new Promise((r) => p.once('exit', r));
    }

    // In-process floor at the same concurrency.
    const local = await createSqliteStore({ path });
    const calls = {
      search: (q: string) => retrieve({ store: local, tenant, principal: benchPrincipal, query: q, topK: 5, mode: 'bm25' }),
      ask: (q: string) => answer({ store: local, tenant, principal: benchPrincipal, question: `What about ${q}?`, retrieval: { topK: 5, mode: 'bm25' }, metadata: { principal: benchPrincipal.id, via: 'bench' } }),
    };
    for (const q of queries) await calls.search(q);
    const inProcess: Record<string, unknown> = {};
    for (const [route, call] of Object.entries(calls)) {
      for (const connections of [1, 8, 32]) {
        const latencies: number[] = [];
        const end = performance.now() + seconds * 1000;
        await Promise.all(Array.from({ length: connections }, async (_, w) => {
          for (let i = w; performance.now() < end; i += connections) {
            const t0 = performance.now();
            await call(queries[i % queries.length]!);
            latencies.push(performance.now() - t0);
          }
        }));
        inProcess[`${route}@${connections}`] = stats(latencies, seconds);
        console.log('in-process', route, connections, JSON.stringify(inProcess[`${route}@${connections}`]));
      }
    }
    // The server's own code (auth, validation, JSON, metrics) without sockets or a second process:
    // `app.request()` in this process at the same concurrency. On an oversubscribed machine the loopback
    // numbers above also include scheduler waits of two processes per request; this one does not.
    const { key: localKey } = await createApiKey({ store: local, tenant, principal: 'user:bench-local', role: 'reader' });
    const app = createServer({ store: local, config: { rateLimit: false } }).app;
    const appCalls = { search: routes.search, ask: routes.ask };
    const appRequest: Record<string, unknown> = {};
    for (const [route, body] of Object.entries(appCalls)) {
      for (const connections of [1, 8, 32]) {
        const latencies: number[] = [];
        const end = performance.now() + seconds * 1000;
        await Promise.all(Array.from({ length: connections }, async (_, w) => {
          for (let i = w; performance.now() < end; i += connections) {
            const t0 = performance.now();
            const json = JSON.stringify(body(queries[i % queries.length]!));
            // Content-Length as every HTTP client sends it: without it the body limit counts a stream (~0.6 ms more).
            const r = await app.request(`/v1/${route}`, { method: 'POST', headers: { authorization: `Bearer ${localKey}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(json)) }, body: json });
            await r.arrayBuffer();
            if (r.status !== 200) throw new Error(`app.request ${route}: ${r.status}`);
            latencies.push(performance.now() - t0);
          }
        }));
        appRequest[`${route}@${connections}`] = stats(latencies, seconds);
        console.log('app.request', route, connections, JSON.stringify(appRequest[`${route}@${connections}`]));
      }
    }
    await local.close();
    const appOverheadP50Ms = Object.fromEntries(Object.keys(appRequest).map((k) => [k, +((appRequest[k] as { p50: number }).p50 - (inProcess[k] as { p50: number }).p50).toFixed(3)]));
    const overheadP50Ms = Object.fromEntries(Object.keys(server).map((k) => [k, +((server[k] as { p50: number }).p50 - (inProcess[k] as { p50: number }).p50).toFixed(3)]));
    const workersOverheadP50Ms = serverWorkers && Object.fromEntries(Object.keys(serverWorkers).map((k) => [k, +((serverWorkers[k] as { p50: number }).p50 - (inProcess[k] as { p50: number }).p50).toFixed(3)]));
    const result = {
      benchmark: 'serve', date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverage1mAtStart, loadAverage1mAtEnd: +loadavg()[0]!.toFixed(1),
      store: { ...counts, mode: 'bm25', answerer: 'extractive', buildSeconds, cachedAt: cached }, secondsPerRun: seconds,
      concurrentIngest: 'during every loopback run, ingest jobs (POST /v1/ingest, a JSONL of 100 records each, one after the other) write to the same store; `ingest` per run: jobs, documents written, their failures and any non-2xx', latencyUnit: 'ms',
      server, inProcess, appRequest, overheadP50Ms, appOverheadP50Ms, workers, serverWorkers, workersOverheadP50Ms, pairedOverhead: paired,
      errorsTotal: [...Object.values(server), ...Object.values(serverWorkers ?? {})].reduce((n: number, r) => n + (r as { errors: number; timeouts: number; non2xx: number }).errors + (r as { timeouts: number }).timeouts + (r as { non2xx: number }).non2xx, 0),
      ingestFailures: [...Object.values(server), ...Object.values(serverWorkers ?? {})].reduce((n: number, r) => n + (r as { ingest: { failed: number; non2xx: number } }).ingest.failed + (r as { ingest: { non2xx: number } }).ingest.non2xx, 0),
      notes: 'autocannon latency has 1 ms resolution per response event (responseTime, ms float); the machine is shared (2 cores), so absolute numbers vary run to run.',
    };
    mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
    writeFileSync(join(import.meta.dirname, 'results', 'serve.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify({ pairedOverheadP50Ms: Object.fromEntries(Object.entries(paired).map(([k, v]) => [k, v.overheadP50Ms])), overheadP50Ms, appOverheadP50Ms, workersOverheadP50Ms, errorsTotal: result.errorsTotal, ingestFailures: result.ingestFailures }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Ingest jobs one after the other for `ms`: each uploads 100 JSONL records and waits for its job to end. */
async function _ingestWhile(url: string, key: string, tag: string, ms: number): Promise<{ jobs: number; documents: number; failed: number; non2xx: number; busy: number }> {
  const out = { jobs: 0, documents: 0, failed: 0, non2xx: 0, busy: 0 };
  const end = performance.now() + ms;
  const headers = { authorization: `Bearer ${key}` };
  for (let n = 0; performance.now() < end; n++) {
    const form = new FormData();
    const lines = Array.from({ length: 100 }, (_, i) => JSON.stringify({ id: `ingest-${tag}-${n}-${i}`, text: `Record ${i} of batch ${n} (${tag}) about the quarterly ledger and the harbour pilots.` }));
    form.append('files', new Blob([`${lines.join('\n')}\n`]), `batch-${tag}-${n}.jsonl`);
    const r = await fetch(`${url}/v1/ingest`, { method: 'POST', headers, body: form });
    const text = await r.text();
    if (/SQLITE_BUSY|STORE_BUSY/.test(text)) out.busy++;
    if (r.status !== 202) {
      out.non2xx++;
      continue;
    }
    const id = (JSON.parse(text) as { id: string }).id;
    out.jobs++;
    for (;;) {
      await new Promise((res) => setTimeout(res, 50));
      const job = (await (await fetch(`${url}/v1/jobs/${id}`, { headers })).json()) as { status: string; result?: { counts?: { created?: number } }; error?: { code: string } };
      if (job.status === 'succeeded') {
        out.documents += job.result?.counts?.created ?? 0;
        break;
      }
      if (job.status !== 'queued' && job.status !== 'running') {
        out.failed++;
        if (/BUSY/.test(job.error?.code ?? '')) out.busy++;
        break;
      }
    }
  }
  return out;
}
