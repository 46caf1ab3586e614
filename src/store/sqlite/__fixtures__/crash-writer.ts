// Child process for the crash-safety test: commits batches forever, printing each acknowledged batch.
import { sha256 } from '../../../util/hash.js';
import { createSqliteStore } from '../index.js';

const [path, batchSizeArg] = process.argv.slice(2);
const batchSize = Number(batchSizeArg ?? 100);
const store = await createSqliteStore({ path: path! });
for (let batch = 0; ; batch++) {
  const writes = Array.from({ length: batchSize }, (_, i) => {
    const id = `b${batch}-d${i}`;
    const paragraphs = Array.from({ length: 5 }, (_, p) => `Batch ${batch} document ${i} paragraph ${p} crashword text.`);
    const text = paragraphs.join('\n');
    let start = 0;
    const chunks = paragraphs.map((t) => {
      const c = { text: t, start, end: start + t.length, headingPath: [], tokenCount: 6, role: 'leaf' as const };
      start += t.length + 1;
      return c;
    });
    return {
      document: { id, source: id, title: id, text, format: 'text' as const, metadata: { batch } },
      contentHash: sha256(text),
      chunks,
      vectors: chunks.map((_, p) => Float32Array.from([batch, i, p, 1])),
      at: batch,
    };
  });
  await store.commit({ tenant: 'crash', writes });
  process.stdout.write(`committed ${batch}\n`);
}
