/**
 * How well the abstention signals separate answerable from unanswerable SQuAD 2.0 dev questions: AUROC of
 * the retrieval sufficiency signal, of each of its features, of each answer-level feature of the extractive
 * answerer, and of the extractive confidence model fitted on one half of the articles and scored on the other.
 * Run: node --import tsx bench/sufficiency-squad.ts   → bench/results/sufficiency-squad.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIDENCE_FEATURES, extractiveConfidence, fitExtractiveConfidence } from '../src/generate/index.js';
import { repo } from './_cli.js';
import { auroc, runSquad, splitHalf, squadAvailable, squadDir, type SquadRun } from './_squad.js';

if (!squadAvailable()) {
  console.log(`SQuAD 2.0 dev not found at ${squadDir}; skipping the sufficiency benchmark.`);
  process.exit(0);
}

const { runs } = await runSquad();
const r4 = (x: number) => Number(x.toFixed(4));
const auc = (set: SquadRun[], f: (r: SquadRun) => number | null) => r4(auroc(set.map((r) => ({ score: f(r) ?? 0, positive: !r.q.is_impossible }))));

const retrievalFeatures = Object.fromEntries(Object.keys(runs[0]!.trace.sufficiencyFeatures).map((k) => [k, auc(runs, (r) => r.trace.sufficiencyFeatures[k as keyof typeof r.trace.sufficiencyFeatures])]));
const answerFeatures = Object.fromEntries(CONFIDENCE_FEATURES.map((k) => [k, auc(runs, (r) => r.features[k])]));
const crossFitted: Record<string, number> = {};
for (const [train, test] of [['A', 'B'], ['B', 'A']] as const) {
  const model = fitExtractiveConfidence({ samples: runs.filter((r) => splitHalf(r.article) === train).map((r) => ({ features: r.features, answerable: !r.q.is_impossible })) });
  const testRuns = runs.filter((r) => splitHalf(r.article) === test);
  crossFitted[`train${train}_test${test}`] = auc(testRuns, (r) => extractiveConfidence({ features: r.features, model }));
  crossFitted[`retrievalSufficiency_test${test}`] = auc(testRuns, (r) => r.trace.sufficiency);
}

const result = {
  benchmark: 'sufficiency-squad',
  command: 'node --import tsx bench/sufficiency-squad.ts',
  dataset: 'SQuAD 2.0 dev, first half: ../shared/data/squad2-dev (positive = answerable)',
  questions: runs.length,
  setup: 'BM25 top 5 over one chunk per paragraph; features of retrieve() trace and of extractiveAnswer()',
  aurocRetrievalSufficiency: auc(runs, (r) => r.trace.sufficiency),
  aurocRetrievalFeatures: retrievalFeatures,
  aurocAnswerFeatures: answerFeatures,
  aurocExtractiveConfidenceCrossFitted: crossFitted,
  date: new Date().toISOString().slice(0, 10),
};
mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
writeFileSync(join(repo, 'bench', 'results', 'sufficiency-squad.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
