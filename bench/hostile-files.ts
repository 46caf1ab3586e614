/**
 * Hostile files at the sizes that broke fathom (600 KB PDF page tree, 5,000-level HTML, 800 KB without
 * whitespace, 200 MB one-line JSONL, 200 MB CSV record, 84 MB-of-XML DOCX, …), each ingested ALONE in its own
 * child process at the default `ingest.limits`, recording the outcome, wall time and peak RSS. Acceptance:
 * each ≤ 1 GiB RSS and ≤ the 30 s per-file budget. Writes bench/results/hostile-files.json.
 * Run: node --import tsx bench/hostile-files.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync, readdirSync, lstatSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/ingest/index.js';
import { createChunker } from '../src/ingest/chunkers/index.js';
import { DEFAULT_INGEST_LIMITS } from '../src/ingest/limits/ingest-limits.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import { hostileFiles, type HostileFile } from '../src/testing/hostile/hostile-files.js';
import { writeRepeated } from '../src/testing/hostile/write-repeated.js';
import { createGptTokenizer } from '../src/util/tokenizers/index.js';

const here = import.meta.dirname;
const cache = join(here, '.cache', 'hostile');

async function child(dir: string): Promise<void> {
  const dbPath = join(dir, '..', `hostile-${process.pid}.db`);
  const store = await createSqliteStore({ path: dbPath });
  const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer(), maxTokens: 512 });
  const t0 = performance.now();
  const report = await ingest({ store, tenant: 'bench', paths: ['.'], cwd: dir, chunker });
  const seconds = (performance.now() - t0) / 1000;
  await store.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  process.stdout.write(JSON.stringify({
    seconds,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    documents: report.counts.created,
    chunks: report.counts.chunks,
    skipped: report.skipped.map((s) => ({ path: s.path, code: s.code, ...(s.limit ? { limit: s.limit.name } : {}) })),
  }));
}

/**
 * Cases whose outcome depends on the machine's speed (kept out of the test suite): either loaded within
 * the budget or skipped naming it — never over it.
 */
const _benchOnly: HostileFile[] = [
  {
    name: 'slow.html',
    attack: 'HTML just under the element limit that takes long to convert and chunk (took 34.7 s against the 30 s budget when chunking was not charged to it)',
    write: (dir) => writeRepeated(join(dir, 'slow.html'), { head: '<html><body>', unit: '<p>some words in a paragraph</p>\n', tail: '</body></html>', bytes: 99_000 * 33 }),
    expect: { skip: 'LIMIT_EXCEEDED', limit: 'ingest.limits.fileTimeoutMs' },
  },
];

if (process.argv[2] === '--child') {
  await child(process.argv[3]!);
} else {
  const results: unknown[] = [];
  for (const c of [...hostileFiles(), ..._benchOnly]) {
    const slug = c.name.replace(/[^A-Za-z0-9.-]/g, '_');
    const dir = join(cache, slug, 'corpus');
    rmSync(join(cache, slug), { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await c.write(dir, 'full');
    const bytes = readdirSync(dir).reduce((n, f) => n + (lstatSync(join(dir, f)).isFile() ? statSync(join(dir, f)).size : 0), 0);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const processSeconds = (performance.now() - t0) / 1000;
    rmSync(join(cache, slug), { recursive: true, force: true });
    const out = r.status === 0 ? (JSON.parse(r.stdout) as { seconds: number; peakRssMiB: number }) : undefined;
    const row = {
      file: c.name,
      attack: c.attack,
      bytes,
      expected: c.expect,
      exitCode: r.status,
      ...(out ?? { error: r.stderr.slice(-2000) }),
      processSeconds,
      withinLimits: out ? out.seconds * 1000 <= DEFAULT_INGEST_LIMITS.fileTimeoutMs + 5_000 && out.peakRssMiB <= 1024 : false,
      ...(c.name === 'slow.html' ? { note: 'either outcome is correct (loaded within the budget, or skipped naming ingest.limits.fileTimeoutMs)' } : {}),
    };
    results.push(row);
    console.log(JSON.stringify(row));
  }
  const summary = {
    benchmark: 'hostile-files',
    command: 'node --import tsx bench/hostile-files.ts',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    limits: DEFAULT_INGEST_LIMITS,
    acceptance: 'each file alone: peak RSS <= 1024 MiB and ingest wall time <= fileTimeoutMs (30 s, which covers parse + chunk + contextualise; +5 s allowed for the run around it: walk, commit, process start-up of the store)',
    allWithinLimits: results.every((r) => (r as { withinLimits: boolean }).withinLimits),
    results,
  };
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'hostile-files.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`allWithinLimits: ${summary.allWithinLimits}`);
}
