// Child process for the cross-process tests (see spawn-together.ts): `<go-file> <mode> <db> <worker index>`.
//   open   open (create and migrate) the store, commit one document, close
//   ann    HNSW forced: commit a document with a vector and search (which saves the graph), several rounds
//   dedup  ingest 30 documents whose texts every worker shares, under its own paths, with `dedup: skip`
//   near-dedup  the same, but each worker's copy differs in its last words (near duplicates, not exact)
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { ingest } from '../../../ingest/ingest.js';
import { createChunker } from '../../../ingest/chunkers/index.js';
import { createSqliteStore } from '../../../store/sqlite/index.js';
import { createGptTokenizer } from '../../../util/tokenizers/index.js';
import { makeWrite } from '../fixtures.js';

const [go, mode, path, index] = process.argv.slice(2) as [string, string, string, string];
const chunker = createChunker({ name: 'structure', tokenizer: createGptTokenizer(), maxTokens: 128 });
process.stdout.write('ready\n');
while (!existsSync(go)) await sleep(2);

try {
  if (mode === 'open') {
    const store = await createSqliteStore({ path });
    await store.commit({ tenant: 't', writes: [makeWrite({ id: `w${index}`, paragraphs: [`worker ${index} was here`] })] });
    await store.close();
  } else if (mode === 'ann') {
    const store = await createSqliteStore({ path, vectorIndex: { mode: 'ann' } });
    for (let round = 0; round < 12; round++) {
      const v = Array.from({ length: 8 }, (_, d) => Math.sin(Number(index) * 31 + round * 7 + d));
      await store.commit({ tenant: 't', writes: [makeWrite({ id: `w${index}-${round}`, paragraphs: [`worker ${index} round ${round}`], vectors: [v] })] });
      await store.searchVector({ tenant: 't', vector: Float32Array.from(v), topK: 3 });
    }
    await store.close();
  } else if (mode === 'dedup' || mode === 'near-dedup') {
    const store = await createSqliteStore({ path });
    const words = (k: number) => Array.from({ length: 200 }, (_, j) => `w${(k * 7919 + j * 104_729) % 100_003}`).join(' ');
    const documents = Array.from({ length: 30 }, (_, k) => ({
      id: `p${index}/doc${k}.md`,
      source: `p${index}/doc${k}.md`,
      title: `Doc ${k}`,
      text:
        mode === 'dedup'
          ? `Shared content number ${k}: the same words stored under another path by every worker.`
          : `Shared content number ${k}: ${words(k)}. Lightly edited by worker ${index}.`,
      format: 'markdown' as const,
      metadata: {},
    }));
    const report = await ingest({ store, tenant: 't', documents, chunker, dedup: { policy: 'skip' } });
    process.stdout.write(`${JSON.stringify(report.counts)}\n`);
    await store.close();
  }
  process.stdout.write('done\n');
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
