/**
 * SQuAD 2.0 dev (../shared/data/squad2-dev) for the answering benchmarks: one chunk per paragraph (title
 * indexed with it), BM25 top 5 per question, the extractive answerer on the hits, official SQuAD scoring.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import type { DocumentWrite } from '../src/spec/store.js';
import type { AnswerSource } from '../src/spec/answer.js';
import type { RetrievalTrace } from '../src/spec/retrieve.js';
import { retrieve } from '../src/retrieve/index.js';
import { extractiveAnswer, type ExtractiveAnswer } from '../src/generate/index.js';
import { sha256 } from '../src/util/hash.js';
import { shared } from './_cli.js';

export const squadDir = join(shared, 'squad2-dev');
export const squadAvailable = () => existsSync(join(squadDir, 'questions.jsonl'));

export interface SquadQuestion { _id: string; question: string; answers: string[]; is_impossible: boolean; gold_doc: string }
export interface SquadRun { q: SquadQuestion; article: string; goldInTop5: boolean; trace: RetrievalTrace; extractive: ExtractiveAnswer; ms: number }

const readJsonl = <T>(file: string): T[] => readFileSync(join(squadDir, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);

/** Runs retrieval and the extractive answerer on every question. */
export async function runSquad(): Promise<{ runs: SquadRun[]; paragraphs: number }> {
  const corpus = readJsonl<{ _id: string; title: string; text: string }>('corpus.jsonl');
  const questions = readJsonl<SquadQuestion>('questions.jsonl');
  const store = await createSqliteStore({ path: ':memory:' });
  const tenant = 'squad';
  const writes: DocumentWrite[] = corpus.map((d) => ({
    document: { id: d._id, source: `squad2#${d._id}`, title: d.title.replace(/_/g, ' '), text: d.text, format: 'beir', metadata: {} },
    contentHash: sha256(d.text),
    chunks: [{ text: d.text, start: 0, end: d.text.length, headingPath: [], tokenCount: 0, role: 'leaf' }],
    indexTexts: [`${d.title.replace(/_/g, ' ')}\n${d.text}`],
    at: 0,
  }));
  await store.commit({ tenant, writes });
  const runs: SquadRun[] = [];
  for (const q of questions) {
    const t0 = performance.now();
    const { hits, trace } = await retrieve({ store, tenant, query: q.question, topK: 5, mode: 'bm25' });
    const sources: AnswerSource[] = hits.map((h, i) => ({ n: i + 1, chunkId: h.chunk.id, documentId: h.document.id, title: h.document.title, text: h.chunk.text, start: h.chunk.start, end: h.chunk.end }));
    const extractive = extractiveAnswer({ question: q.question, sources });
    runs.push({ q, article: q.gold_doc.split('#')[0]!, goldInTop5: hits.some((h) => h.document.id === q.gold_doc), trace, extractive, ms: performance.now() - t0 });
  }
  await store.close();
  return { runs, paragraphs: corpus.length };
}

/** SQuAD's official answer normalisation: lowercase, no punctuation, no articles, single spaces. */
export function normalizeAnswer(s: string): string {
  return s.toLowerCase().replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '').replace(/\b(a|an|the)\b/g, ' ').split(/\s+/).filter(Boolean).join(' ');
}

export function exactMatch(prediction: string, golds: string[]): number {
  return Math.max(0, ...golds.map((g) => Number(normalizeAnswer(g) === normalizeAnswer(prediction))));
}

export function tokenF1(prediction: string, golds: string[]): number {
  const p = normalizeAnswer(prediction).split(' ').filter(Boolean);
  return Math.max(0, ...golds.map((g) => {
    const t = normalizeAnswer(g).split(' ').filter(Boolean);
    const counts = new Map<string, number>();
    for (const w of t) counts.set(w, (counts.get(w) ?? 0) + 1);
    let common = 0;
    for (const w of p) {
      const c = counts.get(w) ?? 0;
      if (c > 0) { common++; counts.set(w, c - 1); }
    }
    if (common === 0) return 0;
    const precision = common / p.length;
    const recall = common / t.length;
    return (2 * precision * recall) / (precision + recall);
  }));
}

/** Area under the ROC curve of `score` separating positives from negatives (ties count half). */
export function auroc(samples: Array<{ score: number; positive: boolean }>): number {
  const sorted = [...samples].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (sorted[k]!.positive) rankSum += avgRank;
    i = j;
  }
  const pos = samples.filter((s) => s.positive).length;
  const neg = samples.length - pos;
  return pos === 0 || neg === 0 ? NaN : (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Deterministic split by article, so no paragraph's questions are on both sides. */
export function splitHalf(article: string): 'A' | 'B' {
  return parseInt(sha256(article).slice(0, 8), 16) % 2 === 0 ? 'A' : 'B';
}
