/**
 * Ingest throughput and peak memory: BEIR SciFact (5,183 abstracts, when ../shared/data exists), generated
 * JSONL corpora of 10,000 and 100,000 documents, and a generated Markdown tree of 2,000 files (front matter,
 * headings, lists, tables, fenced code with `#` comments: the Markdown loader's whole path). Each corpus runs in its own child process so peak RSS is its own.
 * Writes bench/results/ingest.json. Run: node --import tsx bench/ingest.ts
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { ingest } from '../src/ingest/index.js';
import { createChunker } from '../src/ingest/chunkers/index.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import { createGptTokenizer } from '../src/util/tokenizers/index.js';

const here = import.meta.dirname;
const cache = join(here, '.cache');
const shared = resolve(here, '../../shared/data/beir-scifact/corpus.jsonl');

async function child(source: string): Promise<void> {
  const dbPath = join(cache, `ingest-${process.pid}.db`);
  rmSync(dbPath, { force: true });
  const store = await createSqliteStore({ path: dbPath });
  const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer(), maxTokens: 512 });
  const t0 = performance.now();
  const report = await ingest({ store, tenant: 'bench', paths: [source], cwd: dirname(source), chunker, batchSize: 256 });
  const seconds = (performance.now() - t0) / 1000;
  await store.close();
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}-wal`, { force: true });
  rmSync(`${dbPath}-shm`, { force: true });
  process.stdout.write(JSON.stringify({
    documents: report.counts.documents,
    chunks: report.counts.chunks,
    skipped: report.counts.skipped,
    seconds,
    docsPerSecond: report.counts.documents / seconds,
    chunksPerSecond: report.counts.chunks / seconds,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  }));
}

const words = 'policy pricing refund enterprise customer support data retention security audit invoice contract renewal seat plan usage limit region backup incident response training model retrieval index query latency'.split(' ');

async function generate(n: number): Promise<string> {
  const file = join(cache, `generated-${n}.jsonl`);
  if (existsSync(file)) return file;
  mkdirSync(cache, { recursive: true });
  const out = createWriteStream(file);
  let seed = 42;
  const rnd = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let i = 0; i < n; i++) {
    const sentences = Array.from({ length: 6 + Math.floor(rnd() * 10) }, () =>
      `${Array.from({ length: 8 + Math.floor(rnd() * 12) }, () => words[Math.floor(rnd() * words.length)]).join(' ')} d${i}.`);
    const line = `${JSON.stringify({ _id: `doc-${i}`, title: `Generated document ${i}`, text: sentences.join(' ') })}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return file;
}

/** `n` Markdown files in `markdown-<n>/`, each with YAML front matter, 3 sections, a list, a table and a fenced code block. */
async function generateMarkdown(n: number): Promise<string> {
  const dir = join(cache, `markdown-${n}`);
  if (existsSync(join(dir, `${n - 1}.md`))) return dir;
  mkdirSync(dir, { recursive: true });
  let seed = 7;
  const rnd = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const sentence = (i: number): string => `${Array.from({ length: 8 + Math.floor(rnd() * 12) }, () => words[Math.floor(rnd() * words.length)]).join(' ')} m${i}.`;
  const paragraph = (i: number): string => Array.from({ length: 3 + Math.floor(rnd() * 5) }, () => sentence(i)).join(' ');
  for (let i = 0; i < n; i++) {
    const parts = [`---\ntitle: Generated page ${i}\ntags: [${words[i % words.length]}, ${words[(i * 7) % words.length]}]\nowner:\n  team: docs\n---\n`, `# Generated page ${i} { #page-${i} }\n`, paragraph(i)];
    for (let s = 0; s < 3; s++) {
      parts.push(`## Section ${s} of page ${i}\n`, paragraph(i), `- ${sentence(i)}\n- ${sentence(i)}\n- \`inline ${s}\` ${sentence(i)}`);
      if (s === 1) parts.push(`| key | value |\n|---|---|\n| region | ${words[i % words.length]} |\n| seats | ${i} |`);
      if (s === 2) parts.push(`\`\`\`sh\n# configure the ${words[i % words.length]} index\nfathom ingest docs --chunker structure # ${i}\n\`\`\``);
    }
    writeFileSync(join(dir, `${i}.md`), `${parts.join('\n\n')}\n`);
  }
  return dir;
}

function runChild(source: string): Record<string, number> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', source], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`child failed for ${source}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

if (process.argv[2] === '--child') {
  await child(process.argv[3]!);
} else if (process.argv[2] === '--markdown-corpus') {
  // For paired A/B runs of `--child <dir>` against another checkout: print the generated tree's path.
  console.log(await generateMarkdown(Number(process.argv[3] ?? 2000)));
} else {
  const results: Record<string, unknown> = {};
  if (existsSync(shared)) results.scifact = runChild(shared);
  else console.log('ingest bench: ../shared/data not present, SciFact corpus skipped');
  results.markdown_2000 = runChild(await generateMarkdown(2000));
  console.log('markdown 2000:', results.markdown_2000);
  for (const n of [10_000, 100_000]) {
    results[`generated_${n}`] = runChild(await generate(n));
    console.log(`generated ${n}:`, results[`generated_${n}`]);
  }
  const r10 = results.generated_10000 as { peakRssMiB: number };
  const r100 = results.generated_100000 as { peakRssMiB: number };
  const summary = {
    benchmark: 'ingest',
    command: 'node --import tsx bench/ingest.ts',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    config: { chunker: 'structure', maxTokens: 512, tokenizer: 'o200k_base', embedder: null, batchSize: 256 },
    results,
    peakRssRatio_100k_over_10k: r100.peakRssMiB / r10.peakRssMiB,
  };
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'ingest.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(JSON.stringify(summary, null, 2));
}
