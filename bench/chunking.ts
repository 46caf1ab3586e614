/**
 * Chunking throughput: fathom's chunkers against LangChain.js and LlamaIndex.TS on the same corpus, in one
 * process. Run: `node --import tsx bench/chunking.ts` (peers: `cd bench/peers && npm install --legacy-peer-deps`).
 *
 * Corpus: 2,000 seeded Markdown documents of ~1,500 words (headings, paragraphs, lists, abbreviations,
 * numbers). Settings: 512-token chunks with 64 tokens of overlap where a splitter has overlap.
 *  - fathom structure / fixed / recursive: gpt-tokenizer o200k_base counts (exact).
 *  - LangChain RecursiveCharacterTextSplitter: measures length in characters by default, so it gets the
 *    character budget its users pick for ~512 tokens: chunkSize 2048, chunkOverlap 256 (4 chars/token).
 *  - LlamaIndex SentenceSplitter: chunkSize 512, chunkOverlap 64, its default tokenizer (js-tiktoken).
 * Trustworthy on a loaded machine: every splitter is warmed up on 100 documents, then the splitters run
 * interleaved (A, B, C, … then again, in a rotated order each round) for BENCH_ROUNDS rounds (default 5)
 * over all documents (the very slow LlamaIndex over the first BENCH_SLOW_DOCS, default 200, per round).
 * Reported per splitter: the median over rounds of docs/s and chunks/s by wall clock (`docsPerSec`) and by
 * process CPU time (`cpuDocsPerSec`, which other processes on the machine disturb less), and the ratios of
 * those medians. Writes bench/results/chunking.json with the machine, load average, date and command.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChunker } from '../src/ingest/chunkers/index.js';
import { createGptTokenizer } from '../src/util/tokenizers/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const DOCS = Number(process.env.BENCH_DOCS ?? 2000);
const SEED = 20260501;

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic corpus of Markdown documents. */
function corpus(n: number, seed: number): string[] {
  const rnd = mulberry32(seed);
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)] as T;
  const syll = ['ka', 'ren', 'to', 'mi', 'sol', 'va', 'der', 'lin', 'po', 'ras', 'te', 'qu', 'ment', 'tion', 'al', 'or', 'ex', 'pro', 'sta', 'gen'];
  const common = 'the of and to in is that for it as with was on be by this are or from at which an have not has but were all their can more one its also other than into time may only new some these two first any such used most been after would'.split(' ');
  const vocab = [...common, ...Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(syll)).join(''))];
  const extras = ['e.g.', 'i.e.', 'Dr.', 'U.S.', 'v2.1.3', '3.14', '42%', '$1,200', '(see below)', 'API', 'SLA'];
  const word = () => (rnd() < 0.04 ? pick(extras) : rnd() < 0.55 ? pick(common) : pick(vocab));
  const sentence = () => {
    const n = 8 + Math.floor(rnd() * 18);
    const ws = Array.from({ length: n }, word);
    if (rnd() < 0.3) ws.splice(1 + Math.floor(rnd() * (n - 2)), 0, `${pick(vocab)},`);
    const s = ws.join(' ');
    return s[0]!.toUpperCase() + s.slice(1) + pick(['.', '.', '.', '.', '?', '!']);
  };
  const docs: string[] = [];
  for (let d = 0; d < n; d++) {
    const parts: string[] = [`# ${pick(vocab)} ${pick(vocab)}`];
    let words = 0;
    while (words < 1500) {
      const r = rnd();
      let block: string;
      if (r < 0.12) block = `${rnd() < 0.6 ? '##' : '###'} ${pick(vocab)} ${pick(vocab)}`;
      else if (r < 0.24) block = Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => `- ${sentence()}`).join('\n');
      else block = Array.from({ length: 3 + Math.floor(rnd() * 5) }, sentence).join(' ');
      words += block.split(' ').length;
      parts.push(block);
    }
    docs.push(parts.join('\n\n'));
  }
  return docs;
}

interface Runner {
  name: string;
  settings: string;
  /** Runs on the first BENCH_SLOW_DOCS documents per round only. */
  slow?: boolean;
  split(text: string): Promise<number> | number;
}

interface Round {
  docs: number;
  chunks: number;
  ms: number;
  cpuMs: number;
}

async function round(runner: Runner, docs: string[]): Promise<Round> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let chunks = 0;
  for (const doc of docs) chunks += await runner.split(doc);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { docs: docs.length, chunks, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const docs = corpus(DOCS, SEED);
const words = docs.reduce((a, d) => a + d.split(/\s+/).length, 0) / docs.length;
console.log(`corpus: ${docs.length} docs, ~${Math.round(words)} words, ~${Math.round(docs.reduce((a, d) => a + d.length, 0) / docs.length)} chars each`);

const tokenizer = createGptTokenizer({ encoding: 'o200k_base' });
const fathom = (name: 'structure' | 'fixed' | 'recursive'): Runner => {
  const chunker = createChunker({ name, tokenizer, maxTokens: 512, overlapTokens: 64 });
  return { name: `fathom ${name}`, settings: `maxTokens 512${name === 'structure' ? '' : ', overlapTokens 64'}, gpt-tokenizer o200k_base`, split: async (t) => (await chunker.chunk({ text: t })).length };
};

const peers = createRequire(join(here, 'peers', 'package.json'));
const runners: Runner[] = [fathom('structure'), fathom('fixed'), fathom('recursive')];
try {
  const { RecursiveCharacterTextSplitter } = peers('@langchain/textsplitters') as { RecursiveCharacterTextSplitter: new (o: object) => { splitText(t: string): Promise<string[]> } };
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 2048, chunkOverlap: 256 });
  runners.push({ name: 'LangChain RecursiveCharacterTextSplitter', settings: 'chunkSize 2048 chars, chunkOverlap 256 chars (≈512/64 tokens)', split: async (t) => (await splitter.splitText(t)).length });
} catch (e) {
  console.warn(`LangChain not installed in bench/peers (${(e as Error).message.split('\n')[0]})`);
}
try {
  const { SentenceSplitter } = peers('@llamaindex/core/node-parser') as { SentenceSplitter: new (o: object) => { splitText(t: string): string[] } };
  const splitter = new SentenceSplitter({ chunkSize: 512, chunkOverlap: 64 });
  runners.push({ name: 'LlamaIndex SentenceSplitter', slow: true, settings: 'chunkSize 512, chunkOverlap 64, default tokenizer (js-tiktoken)', split: (t) => splitter.splitText(t).length });
} catch (e) {
  console.warn(`LlamaIndex not installed in bench/peers (${(e as Error).message.split('\n')[0]})`);
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SLOW_DOCS = Number(process.env.BENCH_SLOW_DOCS ?? 200);
const docsFor = (r: Runner) => (r.slow ? docs.slice(0, SLOW_DOCS) : docs);
const loadBefore = loadavg();
for (const r of runners) for (const doc of docsFor(r).slice(0, 100)) await r.split(doc); // warm-up
const rounds = new Map<Runner, Round[]>(runners.map((r) => [r, []]));
for (let k = 0; k < ROUNDS; k++) {
  for (let j = 0; j < runners.length; j++) {
    const r = runners[(j + k) % runners.length] as Runner;
    rounds.get(r)!.push(await round(r, docsFor(r)));
  }
  console.log(`round ${k + 1}/${ROUNDS} done`);
}
const results = runners.map((r) => {
  const rs = rounds.get(r)!;
  const result = {
    name: r.name,
    settings: r.settings,
    docs: rs[0]?.docs ?? 0,
    chunks: rs[0]?.chunks ?? 0,
    rounds: rs.length,
    docsPerSec: Math.round(median(rs.map((x) => (x.docs / x.ms) * 1000))),
    chunksPerSec: Math.round(median(rs.map((x) => (x.chunks / x.ms) * 1000))),
    cpuDocsPerSec: Math.round(median(rs.map((x) => (x.docs / x.cpuMs) * 1000))),
    cpuChunksPerSec: Math.round(median(rs.map((x) => (x.chunks / x.cpuMs) * 1000))),
    roundDocsPerSec: rs.map((x) => Math.round((x.docs / x.ms) * 1000)),
  };
  console.log(`${result.name.padEnd(44)} ${String(result.docsPerSec).padStart(7)} docs/s ${String(result.chunksPerSec).padStart(8)} chunks/s  cpu ${String(result.cpuDocsPerSec).padStart(7)} docs/s  (${result.chunks} chunks; rounds ${result.roundDocsPerSec.join(' ')})`);
  return result;
});
const by = (n: string, key: 'docsPerSec' | 'cpuDocsPerSec' = 'docsPerSec') => results.find((r) => r.name === n)?.[key];
const ratio = (a?: number, b?: number) => (a && b ? Math.round((a / b) * 100) / 100 : null);
const structure = by('fathom structure');
const output = {
  benchmark: 'chunking',
  date: new Date().toISOString(),
  command: `node --import tsx bench/chunking.ts${process.env.BENCH_ROUNDS ? ` (BENCH_ROUNDS=${ROUNDS})` : ''}`,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, platform: `${process.platform}-${process.arch}`, loadAverage: { before: loadBefore.map((x) => Math.round(x * 100) / 100), after: loadavg().map((x) => Math.round(x * 100) / 100) } },
  method: `interleaved rounds after a warm-up; medians over ${ROUNDS} rounds; ratios are ratios of medians`,
  corpus: { docs: docs.length, seed: SEED, avgWords: Math.round(words) },
  results,
  ratios: {
    fathomStructureOverLlamaIndex: ratio(structure, by('LlamaIndex SentenceSplitter')),
    fathomStructureOverLangChain: ratio(structure, by('LangChain RecursiveCharacterTextSplitter')),
    cpuFathomStructureOverLlamaIndex: ratio(by('fathom structure', 'cpuDocsPerSec'), by('LlamaIndex SentenceSplitter', 'cpuDocsPerSec')),
    cpuFathomStructureOverLangChain: ratio(by('fathom structure', 'cpuDocsPerSec'), by('LangChain RecursiveCharacterTextSplitter', 'cpuDocsPerSec')),
  },
  targets: { fathomStructureOverLlamaIndex: '>= 25', fathomStructureOverLangChain: '>= 0.5' },
};
console.log(output.ratios);
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'chunking.json'), `${JSON.stringify(output, null, 2)}\n`);
