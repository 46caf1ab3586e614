/**
 * `fathom eval beir` on BEIR SciFact (test), as a user runs it; writes bench/results/beir-scifact.json.
 * Run: node --import tsx bench/beir.ts   (needs ../shared/data/beir-scifact)
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fathomJson, repo, shared } from './_cli.js';

const dir = join(shared, 'beir-scifact');
if (!existsSync(dir)) {
  console.log(`beir bench skipped: ${dir} is not present`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'fathom-beir-'));
try {
  const args = ['eval', 'beir', dir, '--mode', 'bm25', '--store', join(work, 'fathom.db')];
  const cold = fathomJson<{ metrics: Record<string, number>; latency_ms: Record<string, number>; corpus: Record<string, unknown> }>(args, work);
  const warm = fathomJson<typeof cold>(args, work);
  const result = {
    benchmark: 'beir-scifact-bm25',
    command: `fathom ${args.slice(0, 5).join(' ')} --json`,
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    result: warm,
    coldIngest: cold.corpus,
    reference: { lucene_bm25_flat: { 'ndcg@10': 0.6789, 'recall@100': 0.9253 } },
    ratio_vs_lucene: { 'ndcg@10': warm.metrics['ndcg@10']! / 0.6789, 'recall@100': warm.metrics['recall@100']! / 0.9253 },
  };
  mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
  writeFileSync(join(repo, 'bench', 'results', 'beir-scifact.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(work, { recursive: true, force: true });
}
