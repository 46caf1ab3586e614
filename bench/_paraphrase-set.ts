/**
 * A generated paraphrase set for measuring near-duplicate detection on short prompts: real questions
 * (SQuAD 2.0 dev, ../shared/data) plus rule-made paraphrases of some of them (request framing, a shortened
 * or inflected word, synonyms, article and punctuation edits; two per paraphrase) and hard negatives (one
 * named entity or number swapped for another question's). Deterministic (seeded).
 */
import { readFileSync } from 'node:fs';

export interface ParaphraseSet {
  texts: string[];
  /** Answer per text (a paraphrase has its original's answer; a hard negative has none). */
  answers: string[];
  /** Pairs (a < b) of the same question: an original and its paraphrases, paraphrases of one original, and equal texts. */
  positives: Array<[number, number]>;
  /** Pairs [original, hard negative]. */
  hardNegatives: Array<[number, number]>;
}

const SYNONYMS: Record<string, string> = {
  big: 'large', large: 'big', start: 'begin', began: 'started', begin: 'start', started: 'began', end: 'finish', ended: 'finished',
  famous: 'well-known', city: 'town', country: 'nation', kind: 'type', type: 'kind', main: 'primary', used: 'employed', use: 'utilize',
  called: 'named', named: 'called', made: 'created', built: 'constructed', created: 'made', first: 'earliest', largest: 'biggest',
  biggest: 'largest', many: 'numerous', people: 'persons', percent: 'percentage', year: 'yr', located: 'situated', important: 'significant',
};

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

export function paraphraseSet({ path, originals = 2000, paraphrases = 500, negatives = 300, seed = 7 }: { path: string; originals?: number; paraphrases?: number; negatives?: number; seed?: number }): ParaphraseSet {
  const rows = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { question: string; answers: string[] });
  const seen = new Set<string>();
  const base = rows.filter((r) => !seen.has(r.question) && seen.add(r.question)).slice(0, originals);
  const rnd = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const lowerFirst = (q: string): string => q.charAt(0).toLowerCase() + q.slice(1);
  const transforms: Array<(q: string) => string> = [
    (q) => pick([`Can you tell me ${lowerFirst(q)}`, `Quick question: ${q}`, q.replace(/\?*$/, ', please?'), `I'd like to know: ${lowerFirst(q)}`, `Do you know ${lowerFirst(q)}`]),
    (q) => {
      const words = q.split(' ');
      const idx = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{7,}$/.test(w)).map(([, i]) => i);
      if (idx.length === 0) return q.replace(/s\?$/, '?');
      const i = pick(idx);
      words[i] = words[i]!.slice(0, Math.max(4, Math.ceil(words[i]!.length * 0.6)));
      return words.join(' ');
    },
    (q) => q.split(' ').map((w) => SYNONYMS[w] ?? w).join(' '),
    (q) => q.replace(/\bthe /, '').replace(/ a /, ' the '),
    (q) => q.toLowerCase().replace(/\?$/, ''),
  ];
  const texts = base.map((r) => r.question);
  const answers = base.map((r) => r.answers[0] ?? 'unanswerable');
  const positives: Array<[number, number]> = [];
  const hardNegatives: Array<[number, number]> = [];
  for (let k = 0; k < paraphrases; k += 1) {
    const i = Math.floor(rnd() * base.length);
    const [t1, t2] = [Math.floor(rnd() * transforms.length), Math.floor(rnd() * transforms.length)];
    const para = transforms[t2 === t1 ? (t1 + 1) % transforms.length : t2]!(transforms[t1]!(texts[i]!));
    if (para === texts[i]) continue;
    texts.push(para);
    answers.push(answers[i]!);
    positives.push([i, texts.length - 1]);
  }
  const entity = /\b(?:[A-Z][a-z]+(?: [A-Z][a-z]+)*|\d{2,4})\b/g;
  for (let k = 0; k < negatives; k += 1) {
    const i = Math.floor(rnd() * base.length);
    const own = [...texts[i]!.slice(1).matchAll(entity)].map((m) => m[0]);
    const other = [...texts[Math.floor(rnd() * base.length)]!.slice(1).matchAll(entity)].map((m) => m[0]).filter((e) => !own.includes(e));
    if (own.length === 0 || other.length === 0) continue;
    const negative = texts[i]!.replace(pick(own), pick(other));
    texts.push(negative);
    answers.push('');
    hardNegatives.push([i, texts.length - 1]);
  }
  // Close the clusters: two paraphrases of one original are paraphrases of each other; equal texts are too.
  const cluster = new Map<number, number[]>();
  for (const [i, j] of positives) cluster.set(i, [...(cluster.get(i) ?? [i]), j]);
  const byText = new Map<string, number[]>();
  texts.forEach((t, i) => byText.set(t, [...(byText.get(t) ?? []), i]));
  const pairs = new Set<string>();
  for (const group of [...cluster.values(), ...byText.values()]) {
    for (const x of group) for (const y of group) if (x < y) pairs.add(`${x},${y}`);
  }
  const closed = [...pairs].map((p) => p.split(',').map(Number) as [number, number]);
  return { texts, answers, positives: closed, hardNegatives };
}
