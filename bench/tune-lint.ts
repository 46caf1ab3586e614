/**
 * `fathom tune lint` benchmark. Needs ../shared/data (skips, saying so, when it is absent).
 * 1. Near-duplicate detection of short prompts on a generated paraphrase set (bench/_paraphrase-set.ts:
 *    SQuAD 2.0 dev questions + rule-made paraphrases + hard negatives): precision/recall of
 *    `findParaphrases` per threshold, and of the whole finder (`findSimilarExamples`) at the defaults.
 * 2. The public fine-tuning sets in ../shared/data/finetune, linted as a new user would (and the tool-call
 *    set with --target openai): every finding listed.
 * 3. 10,000 examples with paraphrase detection: a file synthesised from GSM8K (three random problem
 *    sentences per prompt) and one of 10,000 short SQuAD questions (with planted paraphrases).
 * Run: `node --import tsx bench/tune-lint.ts` (FATHOM_SHARED_DATA=/path/to/shared/data from a worktree). Writes bench/results/tune-lint.json.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findParaphrases, findSimilarExamples, lintDataset } from '../src/tune/lint/index.js';
import type { LintDatasetOptions } from '../src/tune/lint/index.js';
import { toLintRecord } from '../src/tune/lint/lint-records.js';
import { createGptTokenizer } from '../src/util/tokenizers/index.js';
import { shared } from './_cli.js';
import { paraphraseSet } from './_paraphrase-set.js';

const here = import.meta.dirname;
/** ../shared/data from the repository, or FATHOM_SHARED_DATA (e.g. when running from a git worktree). */
const data = process.env.FATHOM_SHARED_DATA ?? shared;
if (!existsSync(join(data, 'finetune')) || !existsSync(join(data, 'squad2-dev'))) {
  console.log(`skip: ${data}/finetune and ${data}/squad2-dev are needed for this benchmark and are absent`);
  process.exit(0);
}
const squadQuestions = join(data, 'squad2-dev/questions.jsonl');
const chat = (user: string, assistant: string): string => JSON.stringify({ messages: [{ role: 'user', content: user }, { role: 'assistant', content: assistant }] });

// 1. Paraphrase precision / recall.
const set = paraphraseSet({ path: squadQuestions });
const key = (a: number, b: number): number => Math.min(a, b) * set.texts.length + Math.max(a, b);
const positives = new Set(set.positives.map(([a, b]) => key(a, b)));
const hard = new Set(set.hardNegatives.map(([a, b]) => key(a, b)));
const t1 = performance.now();
const scored = findParaphrases({ texts: set.texts, threshold: 0.3 });
const paraphraseMs = Math.round(performance.now() - t1);
const sweep = [0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9].map((threshold) => {
  const flagged = scored.filter(([, , s]) => s >= threshold);
  const tp = flagged.filter(([a, b]) => positives.has(key(a, b))).length;
  const precision = flagged.length ? tp / flagged.length : 1;
  const recall = tp / positives.size;
  return { threshold, flagged: flagged.length, truePositives: tp, hardNegativesFlagged: flagged.filter(([a, b]) => hard.has(key(a, b))).length,
    precision: +precision.toFixed(3), recall: +recall.toFixed(3), f1: +(precision + recall ? (2 * precision * recall) / (precision + recall) : 0).toFixed(3) };
});
const records = set.texts.map((q, i) => toLintRecord(i + 1, JSON.parse(chat(q, set.answers[i] || 'unanswerable')), 'chat'));
const pairs = findSimilarExamples({ records });
const foundPos = pairs.filter((p) => positives.has(key(p.a, p.b)));
const falsePairs = pairs.filter((p) => !positives.has(key(p.a, p.b)));
const finder = {
  pairs: pairs.length, truePositives: foundPos.length, precision: +(foundPos.length / Math.max(1, pairs.length)).toFixed(3), recall: +(foundPos.length / positives.size).toFixed(3),
  positivesReportedAsNearDuplicate: foundPos.filter((p) => p.sameAnswer).length, byMethod: Object.fromEntries(['same-input', 'tokens', 'shingles', 'input-shingles'].map((m) => [m, pairs.filter((p) => p.by === m).length])),
  hardNegativesFlagged: pairs.filter((p) => hard.has(key(p.a, p.b))).length,
  sampleFalsePositives: falsePairs.slice(0, 12).map((p) => [set.texts[p.a], set.texts[p.b], +p.similarity.toFixed(2), p.by]),
  sampleMissed: set.positives.filter(([a, b]) => !pairs.some((p) => p.a === a && p.b === b)).slice(0, 12).map(([a, b]) => [set.texts[a], set.texts[b]]),
};
console.log(`paraphrase set: ${set.texts.length} prompts, ${positives.size} paraphrase pairs, ${hard.size} hard negatives; findParaphrases ${paraphraseMs} ms`);
for (const s of sweep) console.log(`  t=${s.threshold}: P ${s.precision} R ${s.recall} F1 ${s.f1} (flagged ${s.flagged}, hard negatives ${s.hardNegativesFlagged})`);
console.log(`  findSimilarExamples (defaults): P ${finder.precision} R ${finder.recall} ${JSON.stringify(finder.byMethod)}`);

// 2 + 3. Lint runs.
const t0 = performance.now();
const tokenizer = createGptTokenizer();
const tokenizerLoadMs = Math.round(performance.now() - t0);
const tmp = mkdtempSync(join(tmpdir(), 'fathom-bench-tune-'));
function gsm8k10k(path: string): void {
  const rows = readFileSync(join(data, 'finetune/gsm8k-train-1000.chat.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { messages: Array<{ content: string }> });
  let s = 20260501;
  const rnd = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const sentences = rows.flatMap((r) => r.messages[0]!.content.split(/(?<=[.?!])\s+/));
  const out = Array.from({ length: 10_000 }, () => JSON.stringify({ messages: [{ role: 'user', content: Array.from({ length: 3 }, () => sentences[Math.floor(rnd() * sentences.length)]).join(' ') }, rows[Math.floor(rnd() * rows.length)]!.messages[1]] }));
  writeFileSync(path, `${out.join('\n')}\n`);
}
function squad10k(path: string): void {
  const big = paraphraseSet({ path: squadQuestions, originals: 6078, paraphrases: 4400, negatives: 0 });
  writeFileSync(path, `${big.texts.slice(0, 10_000).map((q, i) => chat(q, big.answers[i] || 'The passage does not say.')).join('\n')}\n`);
}
const gsmPath = join(tmp, 'gsm8k-synthetic-10k.chat.jsonl');
const squadPath = join(tmp, 'squad-short-10k.chat.jsonl');
gsm8k10k(gsmPath);
squad10k(squadPath);
const finetune = join(data, 'finetune');
const runs: Array<{ name: string; options: LintDatasetOptions; listFindings: boolean }> = [
  { name: 'gsm8k-train-1000.chat.jsonl', options: { path: join(finetune, 'gsm8k-train-1000.chat.jsonl') }, listFindings: true },
  { name: 'glaive_toolcall_en_demo.chat.jsonl', options: { path: join(finetune, 'glaive_toolcall_en_demo.chat.jsonl') }, listFindings: true },
  { name: 'glaive_toolcall_en_demo.chat.jsonl --target openai', options: { path: join(finetune, 'glaive_toolcall_en_demo.chat.jsonl'), target: 'openai' }, listFindings: true },
  { name: 'dpo_en_demo.pairs.jsonl', options: { path: join(finetune, 'dpo_en_demo.pairs.jsonl') }, listFindings: true },
  { name: 'gsm8k-synthetic-10k (generated from gsm8k)', options: { path: gsmPath }, listFindings: false },
  { name: 'squad-short-10k (SQuAD questions + generated paraphrases)', options: { path: squadPath }, listFindings: false },
];
const results = [];
try {
  for (const { name, options, listFindings } of runs) {
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    const report = await lintDataset({ ...options, tokenizer });
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
    const s = report.summary;
    results.push({
      file: name, examples: s.examples, format: s.format, ms: Math.round(ms), cpuMs, examplesPerSecond: Math.round(s.examples / (ms / 1000)),
      errors: s.errors, warnings: s.warnings, infos: s.infos, findingsPerCheck: s.byCheck, tokens: s.tokens, diversity: s.diversity,
      findings: (listFindings ? report.findings : report.findings.slice(0, 10)).map((f) => ({ check: f.check, severity: f.severity, lines: f.lines.slice(0, 20), ...(f.lines.length > 20 ? { moreLines: f.lines.length - 20 } : {}), message: f.message })),
    });
    console.log(`${name}: ${s.examples} examples in ${Math.round(ms)} ms wall, ${cpuMs} ms CPU (${Math.round(s.examples / (ms / 1000))}/s); ${s.errors} errors, ${s.warnings} warnings; ${JSON.stringify(s.byCheck)}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const out = {
  benchmark: 'tune-lint', date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, loadAverage: loadavg().map((x) => +x.toFixed(1)),
  note: 'ms is wall time, cpuMs the process CPU time (user + system) of the same run: on a shared machine the wall time includes waiting for a core.',
  command: 'node --import tsx bench/tune-lint.ts', tokenizer: tokenizer.id, tokenizerLoadMs,
  target: '10,000 examples linted with paraphrase detection in ≤ 10 s; near-duplicate precision/recall on a generated paraphrase set',
  paraphrases: {
    set: { source: 'SQuAD 2.0 dev questions (../shared/data/squad2-dev) + rule-made paraphrases (bench/_paraphrase-set.ts)', prompts: set.texts.length, paraphrasePairs: positives.size, hardNegatives: hard.size },
    findParaphrasesMs: paraphraseMs, tokenSimilaritySweep: sweep, findSimilarExamplesAtDefaults: finder,
  },
  results,
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'tune-lint.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log('wrote bench/results/tune-lint.json');
