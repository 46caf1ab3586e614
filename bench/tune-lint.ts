/**
 * Lint the fine-tuning files in ../shared/data/finetune and record findings per check and examples/s.
 * Also lints a 10,000-example file synthesised (in the temp folder, deterministic) from the GSM8K
 * problems — sentences of three random problems per prompt, a random answer — for the target
 * "10,000 examples in under 10 s including near-duplicate detection". Tokenizer load is timed apart.
 * Run: `node --import tsx bench/tune-lint.ts`. Writes bench/results/tune-lint.json.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintDataset } from '../src/tune/data-index.js';
import type { LintDatasetOptions } from '../src/tune/data-index.js';
import { createGptTokenizer } from '../src/util/tokenizers/index.js';

const here = import.meta.dirname;
const data = join(here, '../../shared/data/finetune');
if (!existsSync(data)) {
  console.log(`skip: ${data} is absent (the shared fine-tuning data sets are needed for this benchmark)`);
  process.exit(0);
}

function synthesize10k(path: string): void {
  const rows = readFileSync(join(data, 'gsm8k-train-1000.chat.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { messages: Array<{ content: string }> });
  let s = 20260501;
  const rnd = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const sentences = rows.flatMap((r) => r.messages[0]!.content.split(/(?<=[.?!])\s+/));
  const out: string[] = [];
  for (let i = 0; i < 10_000; i += 1) {
    const q = Array.from({ length: 3 }, () => sentences[Math.floor(rnd() * sentences.length)]).join(' ');
    out.push(JSON.stringify({ messages: [{ role: 'user', content: q }, rows[Math.floor(rnd() * rows.length)]!.messages[1]] }));
  }
  writeFileSync(path, `${out.join('\n')}\n`);
}

const t0 = performance.now();
const tokenizer = createGptTokenizer();
const tokenizerLoadMs = Math.round(performance.now() - t0);
const tmp = mkdtempSync(join(tmpdir(), 'fathom-bench-tune-'));
const synthetic = join(tmp, 'gsm8k-synthetic-10k.chat.jsonl');
synthesize10k(synthetic);

const runs: Array<{ name: string; options: LintDatasetOptions }> = [
  { name: 'gsm8k-train-1000.chat.jsonl', options: { path: join(data, 'gsm8k-train-1000.chat.jsonl') } },
  { name: 'gsm8k-train-1000.chat.jsonl --output-pattern "#### -?[\\d,.]+$"', options: { path: join(data, 'gsm8k-train-1000.chat.jsonl'), outputPattern: '#### -?[\\d,.]+$' } },
  { name: 'glaive_toolcall_en_demo.chat.jsonl', options: { path: join(data, 'glaive_toolcall_en_demo.chat.jsonl') } },
  { name: 'dpo_en_demo.pairs.jsonl', options: { path: join(data, 'dpo_en_demo.pairs.jsonl') } },
  { name: 'gsm8k-synthetic-10k (generated from gsm8k)', options: { path: synthetic } },
];
const results = [];
try {
  for (const { name, options } of runs) {
    const start = performance.now();
    const report = await lintDataset({ ...options, tokenizer });
    const ms = performance.now() - start;
    const s = report.summary;
    const findingLines: Record<string, number> = {};
    for (const f of report.findings) findingLines[f.check] = (findingLines[f.check] ?? 0) + f.lines.length;
    results.push({
      file: name, examples: s.examples, format: s.format, ms: Math.round(ms), examplesPerSecond: Math.round(s.examples / (ms / 1000)),
      errors: s.errors, warnings: s.warnings, infos: s.infos, findingsPerCheck: s.byCheck, linesFlaggedPerCheck: findingLines, tokens: s.tokens,
      sample: report.findings.slice(0, 5).map((f) => ({ check: f.check, severity: f.severity, lines: f.lines.slice(0, 10), message: f.message })),
    });
    console.log(`${name}: ${s.examples} examples in ${Math.round(ms)} ms (${Math.round(s.examples / (ms / 1000))}/s); ${s.errors} errors, ${s.warnings} warnings; ${JSON.stringify(s.byCheck)}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const out = {
  benchmark: 'tune-lint', date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model,
  command: 'node --import tsx bench/tune-lint.ts', tokenizer: tokenizer.id, tokenizerLoadMs, target: '10,000 examples in < 10 s (incl. near-duplicate detection)',
  results,
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'tune-lint.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log('wrote bench/results/tune-lint.json');
