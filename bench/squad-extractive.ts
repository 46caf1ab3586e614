/**
 * The extractive answerer on SQuAD 2.0 dev (6,078 questions over 646 paragraphs): BM25 top 5 per question, the
 * answer span of `extractiveAnswer` as the prediction, official SQuAD EM / token F1 on the answerable questions
 * (the answerer's reading, without abstention), and then with the library's abstention (the sufficiency score at
 * DEFAULT_MIN_SUFFICIENCY): EM/F1, answered rate, no-answer accuracy. Retrieval recall@5, and how often the
 * quoted evidence sentence holds a gold answer (the span's ceiling).
 * Run: node --import tsx bench/squad-extractive.ts   → bench/results/squad-extractive.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MIN_SUFFICIENCY } from '../src/retrieve/index.js';
import { repo } from './_cli.js';
import { exactMatch, normalizeAnswer, runSquad, splitHalf, squadAvailable, squadDir, tokenF1, type SquadRun } from './_squad.js';

if (!squadAvailable()) {
  console.log(`SQuAD 2.0 dev not found at ${squadDir}; skipping the extractive-answer benchmark.`);
  process.exit(0);
}

const started = performance.now();
const { runs, paragraphs } = await runSquad();
const answerable = runs.filter((r) => !r.q.is_impossible);
const r4 = (x: number) => Number(x.toFixed(4));

/** Scores when questions with `abstain(r)` true get no answer. */
function score(set: SquadRun[], abstain: (r: SquadRun) => boolean) {
  let em = 0, f1 = 0, hasAns = 0, noAnsCorrect = 0, noAns = 0, answered = 0;
  for (const r of set) {
    const prediction = abstain(r) || !r.extractive.span ? '' : r.extractive.span;
    if (r.q.is_impossible) {
      noAns++;
      if (prediction === '') noAnsCorrect++;
    } else {
      hasAns++;
      if (prediction !== '') {
        answered++;
        em += exactMatch(prediction, r.q.answers);
        f1 += tokenF1(prediction, r.q.answers);
      }
    }
  }
  return { questions: set.length, hasAnsExactMatch: r4(em / hasAns), hasAnsF1: r4(f1 / hasAns), hasAnsAnsweredRate: r4(answered / hasAns), noAnsAccuracy: r4(noAnsCorrect / Math.max(1, noAns)) };
}

const evidenceHoldsAnswer = answerable.filter((r) => r.extractive.sentences[0] && r.q.answers.some((a) => ` ${normalizeAnswer(r.extractive.sentences[0]!.text)} `.includes(` ${normalizeAnswer(a)} `))).length;
const latencies = runs.map((r) => r.ms).sort((a, b) => a - b);
const result = {
  benchmark: 'squad-extractive',
  command: 'node --import tsx bench/squad-extractive.ts',
  dataset: 'SQuAD 2.0 dev, first half (CS224N split): ../shared/data/squad2-dev',
  paragraphs,
  questions: runs.length,
  answerableQuestions: answerable.length,
  unanswerableQuestions: runs.length - answerable.length,
  setup: 'one chunk per paragraph (title indexed with it), fathom BM25 (k1 0.9, b 0.4) top 5, extractiveAnswer span; official SQuAD normalisation (punctuation deleted)',
  before: { hasAnsExactMatch: 0.1777, hasAnsF1: 0.2887, note: 'span of the best sentence before issue 13 (bench/results/squad-extractive.json of 2026-11-21)' },
  previousRun: { answerableOnly: { hasAnsExactMatch: 0.246, hasAnsF1: 0.3247 }, note: 'before the copular-sentence span, the table-row, per-key, two-thing and JSON-schema answers (2026-12-05, midday)' },
  targets: { hasAnsExactMatch: 0.3, hasAnsF1: 0.4 },
  retrievalRecallAt5Answerable: r4(answerable.filter((r) => r.goldInTop5).length / answerable.length),
  evidenceSentenceHoldsAnswer: r4(evidenceHoldsAnswer / answerable.length),
  answerableOnly: score(answerable, () => false),
  attempts: {
    date: '2026-12-05 (evening, issue 13 trust3)',
    protocol: 'span model refitted on half A answerable questions whose quoted sentence holds a gold answer (45,073 candidate spans, 1,046 exact); EM/F1 measured on half A, then half B (held out); baseline A 0.2696/0.3356, B 0.2313/0.3270',
    pointwiseRefitWith5NewFeatures: 'features: sentence subject before a verb/comma, capitalised span for a "what X" question, span within 3 words after the head noun, appositive, after a preposition; pointwise logistic refit: A 0.2610/0.3282, B 0.2215/0.3061',
    handWeightsForNewFeatures: 'old 27 weights kept, new ones 0.7/0.3/0.3/0/0: A 0.2727/0.3384, B 0.2301/0.3264',
    softmaxRefit: 'per-question softmax (listwise) refit of all 32 weights: A 0.2704/0.3447, B 0.2289/0.3232',
    sentenceChoice: 'sentence score + 0.6 x (question bigrams in the sentence) x mean IDF, and rank penalty 0.08 instead of 0.03 per rank: A 0.2774/0.3443, B 0.2319/0.3262 (bigram alone: B 0.2319/0.3281; rank penalty alone: B 0.2313/0.3264)',
    lexicalisedSpanModel: 'lexicalised span model (per-question softmax over the candidate spans, 12 hashed templates: previous/next word, first/last word of the span, wh-word x context/length/capitalisation, punctuation; 30,288 weights, lr 0.1, l2 0.01, 15 epochs; chosen on an article split of half A: A1->A2 EM 0.2569 -> 0.2787): fitted on A, A 0.5807/0.6068 (memorised), B held out 0.2778/0.3811. Not shipped: the held-out gain comes from the span\'s own first/last word identities (without them A1->A2 0.2598/0.3350; context words seen >= 20 times only: 0.2525/0.3260), i.e. a table of ~9k Wikipedia answer words (150-250 kB) that would bias answers on users\' documents, and it still misses the EM target',
    conclusion: 'feature and weight changes raised half A and did not transfer to half B; only the lexicalised model did (B 0.2778/0.3811, not shipped, see lexicalisedSpanModel); the shipped span model is unchanged. Per question type on half A: "what" (other) questions are 553 of 1,276 with EM 0.139 (0.213 when the quoted sentence holds the answer); when/date EM 0.566; the span ceiling is the quoted sentence (holds the answer for 0.725)',
  },
  answerableHeldOutHalfB: { note: 'the span model (generate/_score-spans.ts) was fitted on half A: half B is held out', ...score(answerable.filter((r) => splitHalf(r.article) === 'B'), () => false) },
  withDefaultAbstention: { minSufficiency: DEFAULT_MIN_SUFFICIENCY, ...score(runs, (r) => r.trace.sufficiency < DEFAULT_MIN_SUFFICIENCY) },
  perQuestionMs: { p50: r4(latencies[Math.floor(latencies.length / 2)]!), p95: r4(latencies[Math.floor(latencies.length * 0.95)]!) },
  wallSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  date: new Date().toISOString().slice(0, 10),
};
mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
writeFileSync(join(repo, 'bench', 'results', 'squad-extractive.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
