/**
 * Quality gates on the public data sets (../shared/data), run by .ci/run when present. Each gate runs the
 * product as a user does and fails (exit 1) below its floor.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../src/report/__fixtures__/chromium.js';
import { fathomJson, repo, shared } from './_cli.js';

interface Gate {
  name: string;
  needs: string;
  /** Another reason to skip (a missing system package), checked after `needs`. */
  skip?: () => string | undefined;
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
  {
    // bench/squad-report.ts end to end (~20 s): 1 when the report is produced and every number Chromium shows equals the JSON report's.
    name: 'SQuAD 2.0 report (extractive, 300 + 300, split by article): produced, renders in Chromium, numbers equal the JSON (1 = yes)',
    needs: join(shared, 'squad2-dev'),
    skip: () => (findChromium() ? undefined : 'chromium is not installed (apt-get install -y chromium)'),
    run: (work) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'bench', 'squad-report.ts'), '--out', work, '--no-screenshot'], { cwd: repo, encoding: 'utf8', timeout: 240_000, maxBuffer: 1 << 26 });
      const file = join(work, 'squad-report.json');
      if (!existsSync(file)) return { value: 0, floor: 1, detail: `no report (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout).slice(-400)}` };
      const s = JSON.parse(readFileSync(file, 'utf8')) as { report: { produced: boolean; accuracy: Record<string, { share: number }> }; chromium: { numbersChecked: number; mismatchCount: number; mismatches: string[]; checkerSelfTest: { tampered: number; detected: number } } };
      const c = s.chromium;
      const ok = r.status === 0 && s.report.produced && c.mismatchCount === 0 && c.checkerSelfTest.detected === c.checkerSelfTest.tampered;
      return { value: ok ? 1 : 0, floor: 1, detail: `${c.numbersChecked} numbers shown, ${c.mismatchCount} differ${c.mismatches[0] ? ` (${c.mismatches[0]})` : ''}; rag accuracy ${s.report.accuracy.rag?.share}` };
    },
  },
];

let failed = 0;
for (const gate of gates) {
  const skip = existsSync(gate.needs) ? gate.skip?.() : `${gate.needs} is not present`;
  if (skip) {
    console.log(`SKIP ${gate.name}: ${skip}`);
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
