/**
 * `npm run bench`: runs every benchmark (each writes JSON to bench/results/). Benchmarks never assert wall
 * time; quality floors live in bench/gates.ts. Filter: `npm run bench -- ingest chunking`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const all = ['chunking', 'ingest', 'fidelity', 'hostile-files', 'beir', 'bm25-scifact', 'cold-query', 'vector', 'retrieval-peers', 'scale', 'embedding-throughput', 'embedding-adapter', 'squad-extractive', 'sufficiency-squad', 'answer-overhead', 'squad-report', 'tune-lint', 'install-weight', 'serve', 'monitor', 'dashboard', 'postgres', 'postgres-hnsw', 'postgres-ingest', 'multi-hop'];
const wanted = process.argv.slice(2);
const failed: string[] = [];
for (const name of all.filter((n) => wanted.length === 0 || wanted.includes(n))) {
  const file = join(import.meta.dirname, `${name}.ts`);
  if (!existsSync(file)) continue;
  console.log(`\n=== bench ${name}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`benchmarks failed: ${failed.join(', ')}`);
  process.exit(1);
}
