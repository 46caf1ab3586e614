/** Corpora of bench/cold-query.ts: BEIR SciFact, generated Zipf text (as in bench/scale.ts), and generated text with random vectors. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { englishStopWords } from '../src/util/text/stopwords.js';
import { mulberry32 } from '../src/util/math/random.js';

export interface Corpus {
  name: string;
  documents: () => Iterable<{ id: string; title: string; text: string; vector?: Float32Array }>;
  query: string;
  queries: () => string[];
  /** Dimensions of the documents' vectors (vector corpora: searched with `--mode vector`). */
  dims?: number;
}

// ---------- generated text: Zipf (s = 1) over 100,000 words, Lucene's stop words at the top ranks ----------
const uniform = mulberry32;
const vocab: string[] = [...englishStopWords];
{
  const on = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'st', 'tr', 'pl'];
  const vw = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];
  const seen = new Set(vocab);
  const r = uniform(7);
  while (vocab.length < 100_000) {
    let w = '';
    for (let s = 2 + Math.floor(r() * 3); s > 0; s--) w += on[Math.floor(r() * on.length)]! + vw[Math.floor(r() * vw.length)]!;
    if (r() < 0.3) w += 'n';
    if (seen.has(w)) continue;
    seen.add(w);
    vocab.push(w);
  }
}
const cdf = new Float64Array(vocab.length);
{
  let sum = 0;
  for (let i = 0; i < vocab.length; i++) cdf[i] = sum += 1 / (i + 1);
  for (let i = 0; i < vocab.length; i++) cdf[i]! /= sum;
}
const zipf = (u: number) => {
  let lo = 0, hi = vocab.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return vocab[lo]!;
};
const generatedText = (i: number) => {
  const r = uniform(i * 31 + 11);
  return Array.from({ length: 20 + Math.floor(r() * 61) }, () => zipf(r())).join(' ');
};
/** A query: 4 non-stop words of document i (so it has hits), frequent and rare alike. */
const generatedQuery = (i: number) => generatedText(i).split(' ').filter((w) => !englishStopWords.has(w)).slice(0, 4).join(' ');

export function generated(n: number): Corpus {
  return {
    name: `generated-${n}`,
    *documents() {
      for (let i = 0; i < n; i++) yield { id: `doc-${i}`, title: `Generated document ${i}`, text: generatedText(i) };
    },
    query: generatedQuery(Math.floor(n / 2) + 7),
    queries: () => Array.from({ length: 300 }, (_, q) => generatedQuery((q * 7919) % n)),
  };
}

export function scifact(data: string): Corpus {
  const lines = (file: string) => readFileSync(join(data, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string>);
  const queries = lines('queries.jsonl').map((q) => q.text!);
  return {
    name: 'scifact',
    *documents() {
      for (const d of lines('corpus.jsonl')) yield { id: d._id!, title: d.title!, text: `${d.title}\n${d.text}` };
    },
    query: queries[0]!,
    queries: () => queries.slice(0, 300),
  };
}

/** `n` generated documents, each with a random `dims`-dimensional vector (seeded by its number). */
export function withVectors(n: number, dims = 384): Corpus {
  const text = generated(n);
  return {
    ...text,
    name: `vectors-${n}`,
    dims,
    *documents() {
      let i = 0;
      for (const d of text.documents()) {
        const r = uniform(i++ * 97 + 5);
        yield { ...d, vector: Float32Array.from({ length: dims }, () => r() - 0.5) };
      }
    },
  };
}
