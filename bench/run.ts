/**
 * `npm run bench`: runs every benchmark (each writes JSON to bench/results/). Benchmarks never assert wall
 * time; quality floors live in bench/gates.ts. Filter: `npm run bench -- ingest chunking`. Options after the names
 * go to each benchmark run: `npm run bench -- cold-query --sizes 100000 --runs 5` (the names are the leading
 * arguments, up to the first one starting with `-`; an unknown name is an error, not a silent run of everything).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const all = ['chunking', 'ingest', 'fidelity', 'hostile-files', 'beir', 'bm25-scifact', 'cold-query', 'vector', 'retrieval-peers', 'scale', 'embedding-throughput', 'embedding-adapter', 'squad-extractive', 'sufficiency-squad', 'answer-overhead', 'squad-report', 'tune-lint', 'install-weight', 'serve', 'monitor', 'dashboard', 'postgres', 'postgres-hnsw', 'postgres-ingest', 'multi-hop', 'postgres-textsearch'];
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('-'));
const wanted = firstOption < 0 ? args : args.slice(0, firstOption);
const forwarded = firstOption < 0 ? [] : args.slice(firstOption).filter((a, i) => !(i === 0 && a === '--'));
const unknown = wanted.filter((n) => !all.includes(n));
if (unknown.length) {
  console.error(`unknown benchmark${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Benchmarks: ${all.join(', ')}. Options for them go after the names.`);
  process.exit(2);
}
const failed: string[] = [];
for (const name of all.filter((n) => wanted.length === 0 || wanted.includes(n))) {
  const file = join(import.meta.dirname, `${name}.ts`);
  if (!existsSync(file)) continue;
  console.log(`\n=== bench ${name}${forwarded.length ? ` ${forwarded.join(' ')}` : ''}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...forwarded], { stdio: 'inherit' });
  if (r.status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`benchmarks failed: ${failed.join(', ')}`);
  process.exit(1);
}
