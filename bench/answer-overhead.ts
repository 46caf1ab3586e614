/**
 * Answering overhead without model time (issue 4 budget: p95 <= 50 ms on a 10,000-chunk store): `answer()`
 * with rerank-free hybrid retrieval (BM25 + exact vector search, RRF), prompt assembly (default o200k token
 * counting), lexical citation verification and the audit-log write, against a real SQLite file.
 *  - store: 2,000 generated documents × 5 chunks = 10,000 chunks (Zipfian pseudo-English, ~100 words each),
 *    committed directly with vectors from a deterministic stand-in embedder (signed hashed bag of words,
 *    384 dims, unit length) — no model download, and embedding costs ~nothing;
 *  - model: a call-recording mock ChatModel that replies at once with the first sentence of source [1] plus
 *    "[1]" (so generation ≈ 0 ms and every answer has a citation to verify). It has no `countTokens`, like the
 *    HTTP providers, so the prompt budget is counted with the library's default tokenizer;
 *  - abstention threshold 0: every question goes through prompt assembly and verification (the default
 *    threshold would skip both for low-sufficiency questions and understate the cost).
 * Overhead per question = wall time of `answer()` (which includes the audit write) − `latencyMs.generate`.
 * Run: flock /tmp/fathom-bench.lock node --import tsx bench/answer-overhead.ts [--questions 300] [--warmup 50]
 *   → bench/results/answer-overhead.json
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { answer } from '../src/generate/index.js';
import type { EmbeddingModel } from '../src/spec/embedding-model.js';
import type { DocumentWrite } from '../src/spec/store.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import { createMockChatModel } from '../src/testing/mock-chat-model.js';
import { sha256 } from '../src/util/hash.js';
import { mulberry32 } from '../src/util/math/random.js';
import { repo } from './_cli.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const documents = 2_000;
const chunksPerDocument = 5;
const dims = 384;
const timedQuestions = arg('questions', 300);
const warmup = arg('warmup', 50);
const tenant = 'bench';

/** Signed feature hashing of lowercase word tokens (FNV-1a), L2-normalised: cosine follows shared words. */
export function hashedBagOfWords(dimensions: number): EmbeddingModel {
  const embedOne = (text: string): Float32Array => {
    const v = new Float32Array(dimensions);
    for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
      let h = 0x811c9dc5;
      for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193) >>> 0;
      v[h % dimensions]! += h & 0x80000000 ? -1 : 1;
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < dimensions; i++) v[i]! *= scale;
    return v;
  };
  return {
    specificationVersion: 'v1', provider: 'bench', modelId: `hashed-bow-${dimensions}`, dimensions, maxBatchSize: 2048,
    supportsParallelCalls: true, normalized: true,
    doEmbed: async ({ values }) => ({ embeddings: values.map(embedOne) }),
  };
}

// Pseudo-English: 20,000 pronounceable words drawn with Zipf's law (s = 1), mixed with English function words.
const random = mulberry32(20261121);
const syllables = 'ba be bi bo bu ca ce co cu da de di do fa fe fi fo ga ge go ha he hi ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo za ze zo'.split(' ');
const vocabulary = [...new Set(Array.from({ length: 24_000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join('') + (random() < 0.3 ? 'n' : '')))].slice(0, 20_000);
const functionWords = 'the of and to in is that for it as with was on by be at this are from or an which not have has its were but'.split(' ');
const zipfCdf = (() => {
  const weights = vocabulary.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return Float64Array.from(weights, (w) => (acc += w / total));
})();
const zipfWord = (): string => {
  const u = random();
  let lo = 0;
  let hi = zipfCdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (zipfCdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary[lo]!;
};
const sentence = (): string => {
  const words = Array.from({ length: 10 + Math.floor(random() * 10) }, () => (random() < 0.35 ? functionWords[Math.floor(random() * functionWords.length)]! : zipfWord()));
  return `${words[0]!.charAt(0).toUpperCase()}${words[0]!.slice(1)} ${words.slice(1).join(' ')}.`;
};

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const summary = (xs: number[]) => ({ p50: +percentile(xs, 50).toFixed(3), p95: +percentile(xs, 95).toFixed(3), p99: +percentile(xs, 99).toFixed(3), max: +Math.max(...xs).toFixed(3), mean: +(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3) });

const dir = mkdtempSync(join(tmpdir(), 'fathom-answer-overhead-'));
const embedder = hashedBagOfWords(dims);
try {
  const store = await createSqliteStore({ path: join(dir, 'fathom.db') });
  const chunkTexts: string[] = [];
  const buildStart = performance.now();
  for (let d0 = 0; d0 < documents; d0 += 200) {
    const writes: DocumentWrite[] = [];
    for (let d = d0; d < Math.min(documents, d0 + 200); d++) {
      const title = `${zipfWord()} ${zipfWord()} handbook ${d}`;
      const chunks = Array.from({ length: chunksPerDocument }, () => Array.from({ length: 5 + Math.floor(random() * 3) }, sentence).join(' '));
      let offset = 0;
      const text = chunks.join('\n\n');
      const drafts = chunks.map((c) => {
        const draft = { text: c, start: offset, end: offset + c.length, headingPath: [], tokenCount: c.split(' ').length, role: 'leaf' as const };
        offset += c.length + 2;
        return draft;
      });
      chunkTexts.push(...chunks);
      const { embeddings } = await embedder.doEmbed({ values: chunks.map((c) => `${title}\n${c}`) });
      writes.push({
        document: { id: `doc-${d}`, source: `generated/doc-${d}.md`, title, text, format: 'markdown', metadata: {} },
        contentHash: sha256(text), chunks: drafts, vectors: embeddings, embeddingModel: embedder.modelId,
        indexTexts: chunks.map((c) => `${title}\n${c}`), at: Date.now(),
      });
    }
    await store.commit({ tenant, writes });
  }
  const buildSeconds = (performance.now() - buildStart) / 1000;
  const counts = await store.countDocuments({ tenant });

  // Questions: a 5–8-word window of a random sentence of a random chunk, asked as a question.
  const questions = Array.from({ length: warmup + timedQuestions }, () => {
    const chunk = chunkTexts[Math.floor(random() * chunkTexts.length)]!;
    const sentences = chunk.split(/(?<=\.)\s+/);
    const words = sentences[Math.floor(random() * sentences.length)]!.replace(/\.$/, '').toLowerCase().split(' ');
    const len = Math.min(words.length, 5 + Math.floor(random() * 4));
    const at = Math.floor(random() * (words.length - len + 1));
    return `What do the documents say about ${words.slice(at, at + len).join(' ')}?`;
  });

  const firstSourceSentence = /<source n="1"[^>]*>\n([^]*?)(?:(?<=\.)\s|\n<\/source>)/;
  const { countTokens: _whitespaceCount, ...model } = createMockChatModel({
    modelId: 'instant', contextWindow: 8192,
    reply: (call) => {
      const m = firstSourceSentence.exec(call.messages.at(-1)!.content);
      return m ? `${m[1]!.trim()} [1]` : 'I could not find this in the documents.';
    },
  });

  const rows: Array<{ wall: number; overhead: number; latency: Record<string, number>; stages: Record<string, number>; supported: boolean; abstained: boolean }> = [];
  for (let i = 0; i < questions.length; i++) {
    const t0 = performance.now();
    const a = await answer({ store, tenant, question: questions[i]!, model, retrieval: { mode: 'hybrid', embedder, topK: 5 }, abstention: { threshold: 0 }, log: true });
    const wall = performance.now() - t0;
    if (i < warmup) continue;
    const stages = Object.fromEntries((a.trace?.stages ?? []).map((s) => [s.name, s.ms]));
    rows.push({
      wall, overhead: wall - (a.latencyMs.generate ?? 0), latency: a.latencyMs, stages, abstained: a.abstained,
      supported: a.citations.length > 0 && a.citations.every((c) => c.valid && c.supported),
    });
  }
  const logged = (await store.listQueryLog({ tenant, limit: 1_000_000 })).length;
  await store.close();

  const pick = (f: (r: (typeof rows)[number]) => number) => summary(rows.map(f));
  const overhead = pick((r) => r.overhead);
  const result = {
    benchmark: 'answer-overhead',
    command: 'flock /tmp/fathom-bench.lock node --import tsx bench/answer-overhead.ts',
    budget: { metric: 'p95 of answer() wall time minus model generation time', limitMs: 50, p95Ms: overhead.p95, pass: overhead.p95 <= 50 },
    store: {
      backend: 'sqlite (file, WAL)', documents: counts.documents, chunks: counts.chunks, vectorIndex: 'exact (below the 20,000-vector ANN threshold)',
      corpus: 'generated: 20,000-word Zipfian pseudo-English + function words; 5-7 sentences of 10-19 words per chunk; title indexed with each chunk',
      embedder: `${embedder.modelId}: signed hashed bag of words, ${dims} dims, unit length`, buildSeconds: +buildSeconds.toFixed(1),
    },
    pipeline: {
      retrieval: { mode: 'hybrid', fusion: 'rrf k=60', candidates: 50, topK: 5, reranker: null, mmr: false },
      model: 'createMockChatModel, instant reply: first sentence of source [1] + " [1]"; no countTokens (default o200k counting)',
      abstentionThreshold: 0, verify: 'lexical', log: true,
    },
    questions: { warmup, timed: rows.length, form: 'What do the documents say about <5-8 words of a random sentence>?' },
    checks: {
      abstained: rows.filter((r) => r.abstained).length,
      allCitationsSupported: rows.filter((r) => r.supported).length,
      auditEntries: logged,
    },
    latencyMs: {
      overheadExcludingModel: overhead,
      wall: pick((r) => r.wall),
      retrieve: pick((r) => r.latency.retrieve ?? 0),
      // retrieve() runs the two searches under Promise.all: the bm25 stage's clock also covers the vector search's synchronous work.
      'retrieve.bm25 (overlaps vector)': pick((r) => r.stages.bm25 ?? 0),
      'retrieve.vector': pick((r) => r.stages.vector ?? 0),
      'retrieve.fuse': pick((r) => r.stages.fuse ?? 0),
      'prompt assembly and abstention checks': pick((r) => r.latency.total! - (r.latency.retrieve ?? 0) - (r.latency.generate ?? 0) - (r.latency.verify ?? 0)),
      generate: pick((r) => r.latency.generate ?? 0),
      verify: pick((r) => r.latency.verify ?? 0),
      'total (answer.latencyMs.total: before the audit write)': pick((r) => r.latency.total!),
      'audit log write (wall − total)': pick((r) => r.wall - r.latency.total!),
    },
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
    date: new Date().toISOString().slice(0, 10),
  };
  mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
  writeFileSync(join(repo, 'bench', 'results', 'answer-overhead.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
