/**
 * Retrieval latency side by side, in one run: fathom vs LangChain.js, LlamaIndex.TS and Orama on the same
 * generated corpus with the same deterministic stand-in embedder, at 10,000 and 100,000 chunks.
 * Run (under the shared lock, so it never overlaps the scale benchmark):
 *   flock /tmp/fathom-bench.lock node --import tsx bench/retrieval-peers.ts [--sizes 10000,100000] [--systems fathom,orama,...]
 * Peers live in bench/peers (`cd bench/peers && npm install --legacy-peer-deps`), never in the product.
 *
 * - Corpus: seeded passages of 30–90 words drawn from a Zipf(1.0) vocabulary of 20,000 words (English
 *   function words at the top ranks); queries: 2–5 words sampled from a random passage (content words
 *   preferred). 20 warm-up queries, then 200 measured queries, identical for every system.
 * - Embedder: hashed bag of words (FNV-1a → 384 dims, signed, sublinear tf, unit length), implemented once
 *   (`hashEmbed`) and wrapped as fathom's `EmbeddingModel`, LangChain `Embeddings` and LlamaIndex
 *   `BaseEmbedding`. Indexes are built from precomputed passage vectors (LlamaIndex always calls its embed
 *   model, so it gets one that looks the precomputed vector up); the query is embedded inside every timed call.
 * - Each system × size runs in its own child process (`--worker`), so peak RSS (maxRSS) is its own; the
 *   baseline RSS (corpus + vectors, before building) is recorded beside it. A measurement stops after
 *   BENCH_QUERY_BUDGET_S seconds (default 150) and a worker is killed after BENCH_WORKER_TIMEOUT_S (default
 *   1500); either is recorded as "did not finish" with what was measured.
 * - Recall@5 of every vector result against exact cosine (ties at the 5th score count as hits) is computed
 *   in the parent; BM25/hybrid overlap with fathom is informational (the analyzers differ).
 * Writes bench/results/retrieval-peers.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmbeddingModel } from '../src/spec/embedding-model.js';
import type { DocumentWrite } from '../src/spec/store.js';

const here = dirname(fileURLToPath(import.meta.url));
const DIMS = 384;
const WARMUP = 20;
const QUERIES = 200;
const SEED = 20261121;
const QUERY_BUDGET_MS = Number(process.env.BENCH_QUERY_BUDGET_S ?? 150) * 1000;
const WORKER_TIMEOUT_MS = Number(process.env.BENCH_WORKER_TIMEOUT_S ?? 1500) * 1000;
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const peers = createRequire(join(here, 'peers', 'package.json'));

// ---------- corpus, queries, embedder (deterministic) ----------

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTION_WORDS = 'the of and to in a is that for it as with was on be by this are or from at which an have not has but were all their can more one its also other than into time may only new some these two first any such used most been after would'.split(' ');

function corpus(n: number): { passages: string[]; queries: string[] } {
  const rnd = mulberry32(SEED);
  const syll = ['ka', 'ren', 'to', 'mi', 'sol', 'va', 'der', 'lin', 'po', 'ras', 'te', 'qu', 'ment', 'tion', 'al', 'or', 'ex', 'pro', 'sta', 'gen', 'bri', 'mon', 'cel', 'dra'];
  const seen = new Set(FUNCTION_WORDS);
  const vocab = [...FUNCTION_WORDS];
  while (vocab.length < 20_000) {
    const w = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => syll[Math.floor(rnd() * syll.length)]).join('');
    if (!seen.has(w)) {
      seen.add(w);
      vocab.push(w);
    }
  }
  const cdf = new Float64Array(vocab.length);
  let sum = 0;
  for (let r = 0; r < vocab.length; r++) cdf[r] = sum += 1 / (r + 1);
  const word = () => {
    const x = rnd() * sum;
    let lo = 0, hi = vocab.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1; else hi = mid;
    }
    return vocab[lo]!;
  };
  const passages: string[] = [];
  for (let i = 0; i < n; i++) {
    const len = 30 + Math.floor(rnd() * 61);
    const words = Array.from({ length: len }, word);
    for (let j = 8 + Math.floor(rnd() * 10); j < len - 1; j += 8 + Math.floor(rnd() * 10)) words[j] += '.';
    passages.push(`${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`);
  }
  const qrnd = mulberry32(SEED + 1);
  const queries: string[] = [];
  for (let q = 0; q < WARMUP + QUERIES; q++) {
    const source = passages[Math.floor(qrnd() * n)]!.toLowerCase().replace(/\./g, '').split(' ');
    const content = source.filter((w) => !FUNCTION_WORDS.includes(w));
    const len = 2 + Math.floor(qrnd() * 4);
    const words = Array.from({ length: len }, () => {
      const from = content.length > 0 && qrnd() < 0.8 ? content : source;
      return from[Math.floor(qrnd() * from.length)]!;
    });
    queries.push(words.join(' '));
  }
  return { passages, queries };
}

/** Hashed bag of words: FNV-1a of each lowercased token → dimension and sign, 1 + ln(tf), unit length. */
export function hashEmbed(text: string): Float32Array {
  const v = new Float32Array(DIMS);
  const tf = new Map<string, number>();
  for (const t of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) tf.set(t, (tf.get(t) ?? 0) + 1);
  for (const [t, c] of tf) {
    let h = 0x811c9dc5;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
    h >>>= 0;
    v[h % DIMS]! += (h & 0x80000000 ? -1 : 1) * (1 + Math.log(c));
  }
  let norm = 0;
  for (let i = 0; i < DIMS; i++) norm += v[i]! * v[i]!;
  const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < DIMS; i++) v[i]! *= s;
  return v;
}

const fathomEmbedder: EmbeddingModel = {
  specificationVersion: 'v1', provider: 'bench', modelId: 'hashed-bow-384', dimensions: DIMS, maxBatchSize: 1024,
  supportsParallelCalls: true, normalized: true,
  doEmbed: async ({ values }) => ({ embeddings: values.map(hashEmbed) }),
};

// ---------- worker: one system at one size ----------

type Mode = 'vector' | 'bm25' | 'hybrid';
type Search = (query: string) => Promise<string[]>;
interface System {
  persistsToDisk: boolean;
  diskBytes?: () => number;
  notes: string[];
  searches: Partial<Record<Mode, Search | string>>;
  extra?: Record<string, unknown>;
  cleanup?: () => void;
  /** Additional configurations measured after the main ones (e.g. fathom forced exact). */
  variants?: () => Promise<Array<{ name: string; searches: Partial<Record<Mode, Search>> }>>;
}

const emit = (record: Record<string, unknown>) => process.stdout.write(`@@${JSON.stringify(record)}\n`);
const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function worker(system: string, n: number) {
  const { passages, queries } = corpus(n);
  const vectors = passages.map(hashEmbed);
  gc();
  emit({ phase: 'baseline', rssMb: rssMb(), maxRssMb: maxRssMb() });
  const start = performance.now();
  const sys = await builders[system]!(passages, vectors);
  emit({ phase: 'build', buildMs: Math.round(performance.now() - start), rssMb: rssMb(), maxRssMb: maxRssMb(), persistsToDisk: sys.persistsToDisk, diskMb: sys.diskBytes ? +(sys.diskBytes() / 2 ** 20).toFixed(1) : undefined, notes: sys.notes, ...sys.extra });
  const measureAll = async (variant: string, searches: System['searches']) => {
    for (const mode of (arg('modes')?.split(',') ?? ['vector', 'bm25', 'hybrid']) as Mode[]) {
      const search = searches[mode];
      if (search === undefined) continue;
      if (typeof search === 'string') {
        emit({ phase: 'measure', variant, mode, status: 'not-available', reason: search });
        continue;
      }
      gc();
      emit({ phase: 'measure', variant, mode, ...(await measure(search, queries)), rssMb: rssMb(), maxRssMb: maxRssMb() });
    }
  };
  await measureAll('default', sys.searches);
  for (const v of (await sys.variants?.()) ?? []) await measureAll(v.name, v.searches);
  emit({ phase: 'done', maxRssMb: maxRssMb() });
  sys.cleanup?.();
}

/** Per-query stage times (fathom's retrieval trace), for the breakdown of where its time goes. */
const stageLog: Array<Record<string, number>> = [];

async function measure(search: Search, queries: string[]) {
  let t = performance.now();
  await search(queries[0]!);
  const firstQueryMs = +(performance.now() - t).toFixed(2);
  const budgetStart = performance.now();
  for (let i = 1; i < WARMUP; i++) {
    await search(queries[i]!);
    if (performance.now() - budgetStart > QUERY_BUDGET_MS) break;
  }
  const times: number[] = [];
  const ids: string[][] = [];
  stageLog.length = 0;
  for (let i = WARMUP; i < queries.length; i++) {
    t = performance.now();
    ids.push(await search(queries[i]!));
    times.push(performance.now() - t);
    if (performance.now() - budgetStart > QUERY_BUDGET_MS) break;
  }
  const pct = (xs: number[], p: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return +sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!.toFixed(3);
  };
  const q = (p: number) => pct(times, p);
  const stageNames = [...new Set(stageLog.flatMap((r) => Object.keys(r)))];
  const stageMs = stageLog.length === times.length && stageNames.length > 0 ? Object.fromEntries([
    ...stageNames.map((name) => { const xs = stageLog.map((r) => r[name] ?? 0); return [name, { p50: pct(xs, 0.5), p95: pct(xs, 0.95) }]; }),
    ['outsideStages', (() => { const xs = times.map((t, i) => t - Object.values(stageLog[i]!).reduce((a, b) => a + b, 0)); return { p50: pct(xs, 0.5), p95: pct(xs, 0.95) }; })()],
  ]) : undefined;
  const finished = times.length === QUERIES;
  return {
    status: finished ? 'ok' : 'did-not-finish', queries: times.length, firstQueryMs, p50: q(0.5), p95: q(0.95),
    mean: +(times.reduce((a, b) => a + b, 0) / times.length).toFixed(3), ...(stageMs ? { stageMs } : {}),
    ...(finished ? {} : { reason: `time budget: only ${times.length} of ${QUERIES} queries within ${QUERY_BUDGET_MS / 1000} s (warm-up included); p50/p95 are over those` }),
    ids,
  };
}

const dirBytes = (dir: string) => readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0);

const builders: Record<string, (passages: string[], vectors: Float32Array[]) => Promise<System>> = {
  async fathom(passages, vectors) {
    const { createSqliteStore } = await import('../src/store/sqlite/index.js');
    const { retrieve } = await import('../src/retrieve/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'fathom-peers-'));
    const path = join(dir, 'store.db');
    const tenant = 'bench';
    const store = await createSqliteStore({ path });
    const write = (i: number): DocumentWrite => {
      const text = passages[i]!;
      return {
        document: { id: `d${i}`, source: `bench://d${i}`, title: `p${i}`, text, format: 'text', metadata: {} },
        contentHash: `h${i}`, chunks: [{ text, start: 0, end: text.length, headingPath: [], tokenCount: text.split(' ').length, role: 'leaf' }],
        indexTexts: [text], vectors: [vectors[i]!], embeddingModel: 'bench', at: Date.now(),
      };
    };
    let t = performance.now();
    for (let i = 0; i < passages.length; i += 2_000) await store.commit({ tenant, writes: Array.from({ length: Math.min(2_000, passages.length - i) }, (_, j) => write(i + j)) });
    const commitMs = Math.round(performance.now() - t);
    // The in-memory keyword index and the vector index (HNSW graph above 20k vectors) load or build on first search: part of the build.
    t = performance.now();
    await store.searchKeyword({ tenant, query: 'warm', topK: 5 });
    const keywordIndexLoadMs = Math.round(performance.now() - t);
    t = performance.now();
    await store.searchVector({ tenant, vector: vectors[0]!, topK: 5 });
    const vectorIndexBuildMs = Math.round(performance.now() - t);
    const searcher = (s: typeof store, mode: Mode): Search => async (query) => {
      const { hits, trace } = await retrieve({ store: s, tenant, query, mode, topK: 5, embedder: fathomEmbedder });
      stageLog.push(Object.fromEntries(trace.stages.map((st) => [st.name, st.ms])));
      return hits.map((h) => h.document.id);
    };
    return {
      persistsToDisk: true, diskBytes: () => dirBytes(dir), cleanup: () => rmSync(dir, { recursive: true, force: true }),
      notes: ['createSqliteStore on a file in os.tmpdir() (WAL); commits of 2,000 documents; default settings: BM25 k1 0.9 b 0.4 with stemming + stop words, vector index auto (exact below 20,000 vectors, HNSW f16 M16 ef64 from there), hybrid = RRF k 60 over 50 candidates per list'],
      extra: { commitMs, keywordIndexLoadMs, vectorIndexBuildMs, vectorIndex: passages.length >= 20_000 ? 'hnsw (auto)' : 'exact (auto)' },
      searches: { vector: searcher(store, 'vector'), bm25: searcher(store, 'bm25'), hybrid: searcher(store, 'hybrid') },
      variants: passages.length >= 20_000 ? async () => {
        const exact = await createSqliteStore({ path, vectorIndex: { mode: 'exact' } });
        await exact.searchVector({ tenant, vector: vectors[0]!, topK: 5 });
        return [{ name: 'fathom-exact', searches: { vector: searcher(exact, 'vector'), hybrid: searcher(exact, 'hybrid') } }];
      } : undefined,
    };
  },

  async langchain(passages, vectors) {
    const { Embeddings } = peers('@langchain/core/embeddings');
    const { Document } = peers('@langchain/core/documents');
    const { MemoryVectorStore } = peers('@langchain/classic/vectorstores/memory');
    const { BM25Retriever } = peers('@langchain/community/retrievers/bm25');
    const { EnsembleRetriever } = peers('@langchain/classic/retrievers/ensemble');
    class HashEmbeddings extends Embeddings {
      async embedDocuments(texts: string[]) { return texts.map((t) => Array.from(hashEmbed(t))); }
      async embedQuery(text: string) { return Array.from(hashEmbed(text)); }
    }
    const docs = passages.map((text, i) => new Document({ pageContent: text, metadata: { id: `d${i}` }, id: `d${i}` }));
    const store = new MemoryVectorStore(new (HashEmbeddings as new (o: object) => unknown)({}));
    await store.addVectors(vectors.map((v) => Array.from(v)), docs);
    const bm25 = BM25Retriever.fromDocuments(docs, { k: 5 });
    const ensemble = new EnsembleRetriever({ retrievers: [store.asRetriever({ k: 5 }), bm25], weights: [0.5, 0.5] });
    const ids = (ds: Array<{ metadata: { id: string } }>) => ds.map((d) => d.metadata.id);
    return {
      persistsToDisk: false,
      notes: ['MemoryVectorStore.addVectors (precomputed vectors as number[]), BM25Retriever.fromDocuments k 5 (lowercase + whitespace split, re-scores every document per query), EnsembleRetriever [vector k 5, bm25 k 5] weights 0.5/0.5 (weighted RRF, c 60)'],
      searches: {
        vector: async (q) => ids(await store.similaritySearch(q, 5)),
        bm25: async (q) => ids(await bm25.invoke(q)),
        hybrid: async (q) => ids(await ensemble.invoke(q)).slice(0, 5),
      },
    };
  },

  async llamaindex(passages, vectors) {
    const { BaseEmbedding, Settings, TextNode, VectorStoreIndex } = peers('llamaindex');
    const byText = new Map<string, Float32Array>(passages.map((p, i) => [p, vectors[i]!]));
    // Looks passage vectors up (VectorStoreIndex always calls its embed model on insert); embeds queries.
    class HashEmbedding extends BaseEmbedding {
      async getTextEmbedding(text: string) { return Array.from(byText.get(text) ?? hashEmbed(text)); }
    }
    Settings.embedModel = new HashEmbedding();
    const nodes = passages.map((text, i) => new TextNode({ id_: `d${i}`, text }));
    const index = await VectorStoreIndex.init({ nodes });
    const retriever = index.asRetriever({ similarityTopK: 5 });
    return {
      persistsToDisk: false,
      notes: ['VectorStoreIndex.init({ nodes }) with the default in-memory SimpleVectorStore (explicit TextNodes, no splitter); embed model returns the precomputed passage vector; asRetriever({ similarityTopK: 5 })'],
      searches: {
        vector: async (q) => (await retriever.retrieve({ query: q })).map((r: { node: { id_: string } }) => r.node.id_),
        bm25: 'LlamaIndex.TS has no BM25 retriever in core/llamaindex (BM25 only through external stores or Python)',
        hybrid: 'not available: no BM25 in LlamaIndex.TS core, so no keyword+vector fusion without an external store',
      },
    };
  },

  async orama(passages, vectors) {
    const { create, insertMultiple, search } = peers('@orama/orama');
    const db = create({ schema: { id: 'string', text: 'string', embedding: `vector[${DIMS}]` } });
    await insertMultiple(db, passages.map((text, i) => ({ id: `d${i}`, text, embedding: Array.from(vectors[i]!) })), 1000);
    const ids = (r: { hits: Array<{ id: string }> }) => r.hits.map((h) => h.id);
    return {
      persistsToDisk: false,
      notes: ['create + insertMultiple (batch 1000) with precomputed vectors (number[]: Orama rejects a Float32Array on insert, stores Float32Array internally); default tokenizer (english, no stemming); vector similarity threshold 0 (default 0.8 would drop results); hybrid = Orama default weights'],
      searches: {
        vector: async (q) => ids(await search(db, { mode: 'vector', vector: { value: Array.from(hashEmbed(q)), property: 'embedding' }, similarity: 0, limit: 5 })),
        bm25: async (q) => ids(await search(db, { mode: 'fulltext', term: q, properties: ['text'], limit: 5 })),
        hybrid: async (q) => ids(await search(db, { mode: 'hybrid', term: q, properties: ['text'], vector: { value: Array.from(hashEmbed(q)), property: 'embedding' }, similarity: 0, limit: 5 })),
      },
    };
  },
};

// ---------- parent: run every system at every size, then compare ----------

interface WorkerResult { system: string; n: number; status: string; reason?: string; records: Array<Record<string, unknown>>; wallMs: number }

function runWorker(system: string, n: number): Promise<WorkerResult> {
  return new Promise((resolveRun) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--max-old-space-size=12288', '--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--worker', system, '--n', String(n)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const records: Array<Record<string, unknown>> = [];
    let buffer = '', stderr = '', timedOut = false;
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('@@')) {
          const r = JSON.parse(line.slice(2));
          records.push(r);
          console.error(`[${system} ${n}] ${JSON.stringify({ ...r, ids: undefined })}`);
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, WORKER_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const done = records.some((r) => r.phase === 'done');
      const reason = timedOut ? `killed after the worker time limit of ${WORKER_TIMEOUT_MS / 1000} s`
        : /heap out of memory|ENOMEM/i.test(stderr) ? `out of memory: ${stderr.split('\n').find((l) => /memory/i.test(l))}`
        : done ? undefined : `exited ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`;
      resolveRun({ system, n, status: done ? 'ok' : 'did-not-finish', reason, records, wallMs: Math.round(performance.now() - started) });
    });
  });
}

/** Recall@5 against exact cosine; a returned id whose exact score ties the 5th best (±1e-6) counts. */
const truthCache = new Map<number, Array<{ scores: Float32Array; fifth: number }>>();
function vectorRecall(n: number, idsPerQuery: string[][]): number {
  if (!truthCache.has(n)) {
    const { passages, queries } = corpus(n);
    const matrix = new Float32Array(n * DIMS);
    passages.forEach((p, i) => matrix.set(hashEmbed(p), i * DIMS));
    truthCache.set(n, queries.slice(WARMUP).map((text) => {
      const q = hashEmbed(text);
      const scores = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0, o = i * DIMS; j < DIMS; j++) s += matrix[o + j]! * q[j]!;
        scores[i] = s;
      }
      return { scores, fifth: scores.slice().sort().reverse()[4]! };
    }));
  }
  const truth = truthCache.get(n)!;
  let hit = 0, total = 0;
  idsPerQuery.forEach((ids, qi) => {
    const { scores, fifth } = truth[qi]!;
    for (const id of ids.slice(0, 5)) if (scores[Number(id.slice(1))]! >= fifth - 1e-6) hit++;
    total += 5;
  });
  return +(hit / total).toFixed(4);
}

const overlap = (a: string[][], b: string[][]) => {
  let s = 0, c = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    s += a[i]!.filter((x) => b[i]!.includes(x)).length / 5;
    c++;
  }
  return c ? +(s / c).toFixed(4) : null;
};

const versionOf = (pkg: string) => JSON.parse(readFileSync(join(here, 'peers', 'node_modules', pkg, 'package.json'), 'utf8')).version as string;

async function main() {
  const sizes = (arg('sizes') ?? '10000,100000').split(',').map(Number);
  const systems = (arg('systems') ?? 'fathom,orama,langchain,llamaindex').split(',');
  const loadavgAtStart = loadavg().map((x) => +x.toFixed(2));
  const runs: WorkerResult[] = [];
  const runMeta = new Map<number, Record<string, unknown>>();
  for (const n of sizes) {
    const meta: Record<string, unknown> = { started: new Date().toISOString(), loadavgAtStart: loadavg().map((x) => +x.toFixed(2)), command: `flock /tmp/fathom-bench.lock node --import tsx bench/retrieval-peers.ts ${process.argv.slice(2).join(' ')}`.trim() };
    for (const system of systems) runs.push(await runWorker(system, n));
    runMeta.set(n, { ...meta, loadavgAtEnd: loadavg().map((x) => +x.toFixed(2)) });
  }

  const sizesOut = sizes.map((n) => {
    const perSystem: Record<string, unknown> = {};
    const p95: Record<string, Record<string, { p95: number; status: string }>> = { vector: {}, bm25: {}, hybrid: {} };
    const fathomIds: Record<string, string[][]> = {};
    for (const run of runs.filter((r) => r.n === n)) {
      const baseline = run.records.find((r) => r.phase === 'baseline');
      const build = run.records.find((r) => r.phase === 'build');
      const done = run.records.find((r) => r.phase === 'done');
      const measures: Record<string, Record<string, unknown>> = {};
      for (const m of run.records.filter((r) => r.phase === 'measure')) {
        const { phase, variant, mode, ids, rssMb, maxRssMb, ...rest } = m as Record<string, unknown> & { ids?: string[][] };
        void phase; void rssMb; void maxRssMb;
        const name = variant === 'default' ? run.system : String(variant);
        const entry: Record<string, unknown> = { ...rest };
        if (ids && mode === 'vector') entry.recallAt5VsExact = vectorRecall(n, ids);
        if (ids && run.system === 'fathom' && name === 'fathom') fathomIds[String(mode)] = ids;
        if (ids && run.system !== 'fathom' && fathomIds[String(mode)]) entry.top5OverlapWithFathom = overlap(ids, fathomIds[String(mode)]!);
        (measures[name] ??= {})[String(mode)] = entry;
        if (typeof rest.p95 === 'number') p95[String(mode)]![name] = { p95: rest.p95, status: String(rest.status) };
      }
      perSystem[run.system] = {
        status: run.status, ...(run.reason ? { reason: run.reason } : {}), workerWallMs: run.wallMs,
        baselineRssMb: baseline?.rssMb, build: build && { ...build, phase: undefined, maxRssMb: undefined },
        peakRssMb: (done ?? [...run.records].reverse().find((r) => r.maxRssMb))?.maxRssMb,
        peakRssOverBaselineMb: baseline && done ? Number(done.maxRssMb) - Number(baseline.maxRssMb) : undefined,
        latencyMs: measures,
      };
    }
    const comparison = Object.fromEntries(Object.entries(p95).map(([mode, bySystem]) => {
      const peerEntries = Object.entries(bySystem).filter(([s]) => !s.startsWith('fathom'));
      const fastest = peerEntries.sort((a, b) => a[1].p95 - b[1].p95)[0];
      const f = bySystem.fathom;
      if (!fastest || !f) return [mode, { note: !f ? 'fathom missing' : 'no peer offers this mode' }];
      const ratio = +(fastest[1].p95 / f.p95).toFixed(2);
      const exact = bySystem['fathom-exact'];
      return [mode, {
        fathomP95: f.p95, fastestPeer: fastest[0], fastestPeerP95: fastest[1].p95, fastestPeerStatus: fastest[1].status,
        ratioPeerOverFathom: ratio, target: '>= 3', pass: ratio >= 3,
        ...(exact ? { fathomExactP95: exact.p95, ratioPeerOverFathomExact: +(fastest[1].p95 / exact.p95).toFixed(2), passExact: fastest[1].p95 / exact.p95 >= 3 } : {}),
      }];
    }));
    return { chunks: n, run: runMeta.get(n), systems: perSystem, p95Comparison: comparison };
  });

  const out = {
    benchmark: 'retrieval-peers',
    date: new Date().toISOString(),
    command: `flock /tmp/fathom-bench.lock node --import tsx bench/retrieval-peers.ts${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, memGb: Math.round(totalmem() / 2 ** 30), loadavgAtStart, loadavgAtEnd: loadavg().map((x) => +x.toFixed(2)) },
    versions: {
      '@langchain/core': versionOf('@langchain/core'), '@langchain/classic': versionOf('@langchain/classic'), '@langchain/community': versionOf('@langchain/community'),
      llamaindex: versionOf('llamaindex'), '@llamaindex/core (used by llamaindex)': versionOf('llamaindex/node_modules/@llamaindex/core'),
      '@orama/orama': versionOf('@orama/orama'),
    },
    setup: {
      corpus: 'seeded passages of 30-90 words, Zipf(1.0) over 20,000 words (English function words at the top ranks)',
      queries: `${WARMUP} warm-up + ${QUERIES} measured, 2-5 words sampled from a random passage (content words preferred); same for every system; top-5`,
      embedder: 'hashed bag of words, FNV-1a into 384 dims, signed, 1+ln(tf), unit length; query embedding inside every timed call; indexes built from precomputed passage vectors',
      isolation: 'one child process per system and size (peak RSS = its maxRSS; baseline = corpus + vectors before the build); --expose-gc, gc() before each mode',
      budgets: { perModeSeconds: QUERY_BUDGET_MS / 1000, perWorkerSeconds: WORKER_TIMEOUT_MS / 1000 },
      persistence: { fathom: 'SQLite file on disk (WAL) + HNSW graph file beside it', langchain: 'in memory only', llamaindex: 'in memory only (SimpleVectorStore; persisting is a separate JSON dump)', orama: 'in memory only (persistence is a separate plugin/snapshot)' },
    },
    caveats: [
      "fathom's default vector index switches to HNSW (f16, M16, ef64) from 20,000 vectors; on these hashed bag-of-words vectors (no cluster structure) its recall@5 against exact is ~0.21 at 100k, so the 100k 'vector'/'hybrid' fathom numbers are fast but approximate; 'fathom-exact' (vectorIndex.mode 'exact', recall 1.0) is the like-for-like comparison with the exact in-memory peers and is what the pass/fail should be read against (ratioPeerOverFathomExact).",
      "fathom stageMs in hybrid mode: bm25 and vector run inside Promise.all over synchronous store calls, so each stage's ms includes the other's work and outsideStages goes negative; read stageMs for vector and bm25 modes only.",
      "did-not-finish = fewer than 200 measured queries within the per-mode time budget; their p50/p95 are over the queries that did run (same query order for every system).",
      "The 10,000-chunk section was re-run (--merge) on a quiet machine: the first run overlapped unlocked test suites (load average ~3.2 on 2 cores) and inflated the fastest systems' tails (fathom vector p95 7.2 ms vs 1.6 ms quiet); the first run's comparison is kept in previousRuns.",
    ],
    sizes: sizesOut,
  };
  const file = join(here, 'results', 'retrieval-peers.json');
  mkdirSync(dirname(file), { recursive: true });
  // --merge: re-run some sizes and replace only their sections (each section keeps its own date and load).
  if (process.argv.includes('--merge')) {
    const before = JSON.parse(readFileSync(file, 'utf8')) as typeof out & { previousRuns?: unknown[] };
    const replaced = before.sizes.filter((s) => sizes.includes(s.chunks));
    out.sizes = [...before.sizes.filter((s) => !sizes.includes(s.chunks)), ...out.sizes].sort((a, b) => a.chunks - b.chunks);
    Object.assign(out, { previousRuns: [...(before.previousRuns ?? []), ...replaced.map((s) => ({ replacedOn: out.date, ...s, systems: undefined }))] });
    out.date = before.date;
    out.command = before.command;
  }
  writeFileSync(file, `${JSON.stringify(out, (k, v) => (k === 'ids' ? undefined : v), 2)}\n`);
  for (const s of sizesOut) console.log(s.chunks, JSON.stringify(s.p95Comparison));
  console.log(`wrote ${file}`);
}

if (arg('worker')) {
  worker(arg('worker')!, Number(arg('n'))).then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
} else {
  await main();
}
