/**
 * The sufficiency score (the one `ask` abstains on and `search --explain` shows) on SQuAD 2.0 dev: fit the model
 * on the questions of one half of the articles, choose the threshold there (the highest no-answer accuracy that
 * keeps answerable recall ≥ 0.85), and score the other half: AUROC, no-answer accuracy and answerable recall at
 * that threshold, both ways round. Also the AUROC of each feature alone.
 * Run: node --import tsx bench/sufficiency-squad.ts   → bench/results/sufficiency-squad.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calibrateSufficiency, chooseSufficiencyThreshold, computeSufficiency, SUFFICIENCY_FEATURES } from '../src/retrieve/index.js';
import type { SufficiencyModel } from '../src/spec/retrieve.js';
import { repo } from './_cli.js';
import { auroc, runSquad, splitHalf, squadAvailable, squadDir, type SquadRun } from './_squad.js';

if (!squadAvailable()) {
  console.log(`SQuAD 2.0 dev not found at ${squadDir}; skipping the sufficiency benchmark.`);
  process.exit(0);
}

const t0 = performance.now();
const { runs } = await runSquad();
const r4 = (x: number) => Number(x.toFixed(4));
const positive = (r: SquadRun) => !r.q.is_impossible;
const auc = (set: SquadRun[], f: (r: SquadRun) => number | null) => r4(auroc(set.map((r) => ({ score: f(r) ?? 0, positive: positive(r) }))));
const samples = (set: SquadRun[]) => set.map((r) => ({ features: r.trace.sufficiencyFeatures, answerable: positive(r) }));
const score = (model: SufficiencyModel) => (r: SquadRun) => computeSufficiency({ hits: [], query: '', model, features: r.trace.sufficiencyFeatures });

const features = Object.fromEntries(SUFFICIENCY_FEATURES.map((k) => [k, auc(runs, (r) => r.trace.sufficiencyFeatures[k])]));
const folds: Record<string, unknown> = {};
let shipped: SufficiencyModel | undefined;
for (const [train, test] of [['A', 'B'], ['B', 'A']] as const) {
  const trainRuns = runs.filter((r) => splitHalf(r.article) === train);
  const testRuns = runs.filter((r) => splitHalf(r.article) === test);
  const model = calibrateSufficiency({ samples: samples(trainRuns), source: `SQuAD 2.0 dev (first half), articles of half ${train} (${trainRuns.length} questions), bench/sufficiency-squad.ts` });
  if (train === 'A') shipped = model;
  const chosen = chooseSufficiencyThreshold({ samples: trainRuns.map((r) => ({ score: score(model)(r), answerable: positive(r) })), minAnswerableRecall: 0.85 });
  const s = score(model);
  const pos = testRuns.filter(positive);
  const neg = testRuns.filter((r) => !positive(r));
  folds[`train${train}_test${test}`] = {
    trainQuestions: trainRuns.length, testQuestions: testRuns.length,
    auroc: auc(testRuns, s),
    threshold: r4(chosen.threshold),
    noAnswerAccuracy: r4(neg.filter((r) => s(r) < chosen.threshold).length / neg.length),
    answerableRecall: r4(pos.filter((r) => s(r) >= chosen.threshold).length / pos.length),
    aurocPriorModel: auc(testRuns, (r) => r.trace.sufficiency),
  };
}
const result = {
  benchmark: 'sufficiency-squad',
  command: 'node --import tsx bench/sufficiency-squad.ts',
  dataset: 'SQuAD 2.0 dev, first half: ../shared/data/squad2-dev (positive = answerable)',
  questions: runs.length,
  setup: 'BM25 top 5 over one chunk per paragraph; the sufficiency features of the retrieve() trace; logistic model fitted on one half of the articles, threshold chosen on that half for answerable recall >= 0.85, scored on the other half',
  targets: { auroc: 0.75, noAnswerAccuracy: 0.7, answerableRecall: 0.85 },
  previousRun: { trainA_testB: { auroc: 0.6787, noAnswerAccuracy: 0.3261, answerableRecall: 0.88 }, trainB_testA: { auroc: 0.6779, noAnswerAccuracy: 0.4406, answerableRecall: 0.7994 }, note: 'before sentenceMissingTop, oneMissing, nameMissing and antonym (2026-12-05, morning)' },
  folds,
  attempts: {
    date: '2026-12-05 (evening, issue 13 trust3)',
    protocol: 'logistic model fitted on half A, AUROC on half B (held out) / and the reverse; baseline 0.7165 / 0.7041',
    boostedTrees: 'gradient-boosted trees on the same 22 features, fit A, test B: depth 1 x200 0.7094, depth 2 x150 0.7085, depth 3 x100 0.7113 (train AUROC up to 0.80: interactions overfit, no held-out gain)',
    sentenceFeatures: 'each added alone to the 22 (A->B / B->A): name missing from best sentence 0.7169/0.7050, number missing from best sentence 0.7180/0.7073, year/number swap 0.7158/0.7022, negation mismatch question vs sentence 0.7172/0.7021, absolute IDF of missing terms 0.7129/0.7032, max missing IDF 0.7140/0.7028, top1-top2 margin 0.7163/0.7043, question length 0.7162/0.7032, matched-term compactness 0.7145/0.7006, term order agreement 0.7173/0.7050, modifier of a matched word missing 0.7175/0.7035; all 15 together 0.7143/0.7005',
    answererFeatures: "the extractive answerer's own evidence (best-sentence IDF coverage, margin, missing IDF, number missing, answer-span model score, top-2 span margin, candidate count) added: best single 0.7196/0.7102 (number missing from the quoted sentence), all together 0.7206/0.7100",
    supportDepth: 'features read from the top 1 / 2 passages instead of 5: 0.7108/0.7026, 0.7178/0.7059',
    conclusion: 'no lexical or answer-span feature moves held-out AUROC by more than 0.006; the shipped model is unchanged. SQuAD 2.0 unanswerables are written against the retrieved paragraph (entity/number/antonym swaps, negation), so separating them needs a reader or NLI model, not term statistics',
  },
  aurocPerFeature: features,
  shippedModel: shipped,
  seconds: Math.round((performance.now() - t0) / 1000),
  date: new Date().toISOString().slice(0, 10),
};
mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
writeFileSync(join(repo, 'bench', 'results', 'sufficiency-squad.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify({ ...result, shippedModel: undefined }, null, 2));
