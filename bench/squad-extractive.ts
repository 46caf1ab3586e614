/**
 * The extractive answerer on SQuAD 2.0 dev (6,078 questions over 646 paragraphs): BM25 top 5 per question,
 * the best short span of the best sentence as the prediction, official SQuAD EM / token F1 on answerable
 * questions, no-answer accuracy on unanswerable ones, retrieval recall@5. Abstention: the extractive
 * confidence model (answer-level + retrieval features) fitted on one half of the articles and evaluated on
 * the other (both directions reported, never test-on-train), compared with the retrieval sufficiency signal alone.
 * Run: node --import tsx bench/squad-extractive.ts   → bench/results/squad-extractive.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_EXTRACTIVE_THRESHOLD, extractiveConfidence, fitExtractiveConfidence, type ConfidenceModel } from '../src/generate/index.js';
import { repo } from './_cli.js';
import { exactMatch, runSquad, splitHalf, squadAvailable, squadDir, tokenF1, type SquadRun } from './_squad.js';

if (!squadAvailable()) {
  console.log(`SQuAD 2.0 dev not found at ${squadDir}; skipping the extractive-answer benchmark.`);
  process.exit(0);
}

const started = performance.now();
const { runs, paragraphs } = await runSquad();
const answerable = runs.filter((r) => !r.q.is_impossible);

/** Scores of the predictions when questions with `abstain(r)` true get no answer. */
function score(set: SquadRun[], abstain: (r: SquadRun) => boolean) {
  let em = 0, f1 = 0, hasAns = 0, noAnsCorrect = 0, noAns = 0, answeredHasAns = 0;
  for (const r of set) {
    const prediction = abstain(r) || !r.extractive.span ? '' : r.extractive.span;
    if (r.q.is_impossible) {
      noAns++;
      if (prediction === '') noAnsCorrect++;
    } else {
      hasAns++;
      if (prediction !== '') {
        answeredHasAns++;
        em += exactMatch(prediction, r.q.answers);
        f1 += tokenF1(prediction, r.q.answers);
      }
    }
  }
  const r4 = (x: number) => Number(x.toFixed(4));
  return {
    questions: set.length,
    hasAnsExactMatch: r4(em / hasAns),
    hasAnsF1: r4(f1 / hasAns),
    hasAnsAnsweredRate: r4(answeredHasAns / hasAns),
    noAnsAccuracy: r4(noAnsCorrect / noAns),
    overallExactMatch: r4((em + noAnsCorrect) / set.length),
    overallF1: r4((f1 + noAnsCorrect) / set.length),
  };
}

/** The threshold maximising overall F1 on `train` (SQuAD's best-threshold rule), and the lowest one reaching no-answer accuracy ≥ 0.60. */
function thresholds(train: SquadRun[], p: (r: SquadRun) => number) {
  const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const best = grid.reduce((a, t) => (score(train, (r) => p(r) < t).overallF1 > score(train, (r) => p(r) < a).overallF1 ? t : a), 0.5);
  const target = grid.find((t) => score(train, (r) => p(r) < t).noAnsAccuracy >= 0.6) ?? 0.99;
  const margin = grid.find((t) => score(train, (r) => p(r) < t).noAnsAccuracy >= 0.65) ?? 0.99;
  return { bestOverall: best, noAns60: target, noAns65: margin };
}

const halves = { A: runs.filter((r) => splitHalf(r.article) === 'A'), B: runs.filter((r) => splitHalf(r.article) === 'B') };
const crossFit: Record<string, unknown> = {};
const models: Record<string, ConfidenceModel> = {};
const thresholdsByTrain: Record<string, number> = {};
for (const [trainName, testName] of [['A', 'B'], ['B', 'A']] as const) {
  const train = halves[trainName];
  const test = halves[testName];
  const model = fitExtractiveConfidence({ samples: train.map((r) => ({ features: r.features, answerable: !r.q.is_impossible })), source: `SQuAD 2.0 dev (first half), articles of half ${trainName} (${train.length} questions), bench/squad-extractive.ts` });
  models[trainName] = model;
  thresholdsByTrain[trainName] = thresholds(train, (r) => extractiveConfidence({ features: r.features, model })).noAns65;
  const conf = (r: SquadRun) => extractiveConfidence({ features: r.features, model });
  const suff = (r: SquadRun) => r.trace.sufficiency;
  const tConf = thresholds(train, conf);
  const tSuff = thresholds(train, suff);
  crossFit[`train${trainName}_test${testName}`] = {
    trainQuestions: train.length,
    testQuestions: test.length,
    extractiveConfidence: {
      thresholdsChosenOnTrain: tConf,
      atBestOverallThreshold: score(test, (r) => conf(r) < tConf.bestOverall),
      atNoAns60Threshold: score(test, (r) => conf(r) < tConf.noAns60),
      atNoAns65Threshold: score(test, (r) => conf(r) < tConf.noAns65),
      [`atLibraryDefaultThreshold_${DEFAULT_EXTRACTIVE_THRESHOLD}`]: score(test, (r) => conf(r) < DEFAULT_EXTRACTIVE_THRESHOLD),
    },
    retrievalSufficiencyAlone: {
      thresholdsChosenOnTrain: tSuff,
      atBestOverallThreshold: score(test, (r) => suff(r) < tSuff.bestOverall),
      atNoAns60Threshold: score(test, (r) => suff(r) < tSuff.noAns60),
    },
  };
}

// Out-of-fold pooled: every question scored by the model (and threshold) fitted on the other half.
const oof = (r: SquadRun) => {
  const other = splitHalf(r.article) === 'A' ? 'B' : 'A';
  return extractiveConfidence({ features: r.features, model: models[other]! }) < thresholdsByTrain[other]!;
};
const outOfFold = { rule: 'model and threshold (no-answer accuracy >= 0.65 on its training half) from the other half', ...score(runs, oof), retrievalRecallAt5Answerable: 0 };

outOfFold.retrievalRecallAt5Answerable = Number((answerable.filter((r) => r.goldInTop5).length / answerable.length).toFixed(4));
const latencies = runs.map((r) => r.ms).sort((a, b) => a - b);
const result = {
  benchmark: 'squad-extractive',
  command: 'node --import tsx bench/squad-extractive.ts',
  dataset: 'SQuAD 2.0 dev, first half (CS224N split): ../shared/data/squad2-dev',
  paragraphs,
  questions: runs.length,
  answerableQuestions: answerable.length,
  unanswerableQuestions: runs.length - answerable.length,
  setup: 'one chunk per paragraph (title indexed with it), fathom BM25 (Lucene-equivalent, k1 0.9, b 0.4) top 5, extractiveAnswer span of the best sentence; official SQuAD normalisation',
  retrievalRecallAt5Answerable: Number((answerable.filter((r) => r.goldInTop5).length / answerable.length).toFixed(4)),
  noAbstention: score(runs, () => false),
  withAbstentionOutOfFold: outOfFold,
  crossFit,
  shippedModel: { trainedOn: 'A', threshold: thresholdsByTrain.A, thresholdRule: 'lowest threshold reaching no-answer accuracy >= 0.65 on the training half', model: models.A },
  perQuestionMs: { p50: Number(latencies[Math.floor(latencies.length / 2)]!.toFixed(2)), p95: Number(latencies[Math.floor(latencies.length * 0.95)]!.toFixed(2)) },
  wallSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  date: new Date().toISOString().slice(0, 10),
};
mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
writeFileSync(join(repo, 'bench', 'results', 'squad-extractive.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify({ ...result, shippedModel: undefined }, null, 2));
