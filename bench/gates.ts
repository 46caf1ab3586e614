/**
 * Quality gates on the public data sets (../shared/data), run by .ci/run when present. Each gate runs the
 * product as a user does and fails (exit 1) below its floor.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fathomJson, shared } from './_cli.js';

interface Gate {
  name: string;
  needs: string;
  run: (work: string) => { value: number; floor: number; detail: string };
}

const gates: Gate[] = [
  {
    name: 'BM25 on BEIR SciFact test: nDCG@10 >= 0.675 (Lucene 0.6789)',
    needs: join(shared, 'beir-scifact'),
    run: (work) => {
      const r = fathomJson<{ metrics: Record<string, number> }>(['eval', 'beir', join(shared, 'beir-scifact'), '--mode', 'bm25', '--store', join(work, 'fathom.db')], work);
      return { value: r.metrics['ndcg@10']!, floor: 0.675, detail: `recall@100 ${r.metrics['recall@100']!.toFixed(4)}` };
    },
  },
];

let failed = 0;
for (const gate of gates) {
  if (!existsSync(gate.needs)) {
    console.log(`SKIP ${gate.name}: ${gate.needs} is not present`);
    continue;
  }
  const work = mkdtempSync(join(tmpdir(), 'fathom-gate-'));
  try {
    const { value, floor, detail } = gate.run(work);
    const ok = value >= floor;
    if (!ok) failed++;
    console.log(`${ok ? 'PASS' : 'FAIL'} ${gate.name}: ${value.toFixed(4)} (${detail})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
