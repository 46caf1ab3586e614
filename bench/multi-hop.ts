/**
 * Multi-hop retrieval on a bridge set built from SQuAD 2.0 dev (../shared/data/squad2-dev; skipped when absent).
 * Each item joins two paragraphs by a shared entity E: an answerable question whose gold paragraph P2 names E
 * has E replaced by a clue from a paragraph P1 of ANOTHER article that names E (its sentence with E removed):
 *   "When did Tesla move to New York?" → "When did it move to New York? (it: <P1 sentence without Tesla>)".
 * Hop 1 can find P1 from the clue; P2 needs E. Expected sources: P1 and P2. BM25 (title + text indexed), one
 * chunk per paragraph. Reports, single-hop vs two-hop (`hops: 2`, bridge entity) vs a variant whose hop-2
 * query is the whole question + the entity: recall@k (share of the two sources found), both@k (every source),
 * answer@k (P2) for k = 2, 5, 10.
 * Run: node --import tsx bench/multi-hop.ts   → bench/results/multi-hop.json
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { proposeBridgeEntities, retrieve, retrieveMultiHop } from '../src/retrieve/index.js';
import type { Hit } from '../src/spec/hit.js';
import type { Store } from '../src/spec/store.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';
import { sha256 } from '../src/util/hash.js';
import { repo } from './_cli.js';
import { squadAvailable, squadDir, type SquadQuestion } from './_squad.js';

if (!squadAvailable()) {
  console.log(`SQuAD 2.0 dev not found at ${squadDir}; skipping the multi-hop benchmark.`);
  process.exit(0);
}
const MAX_ITEMS = 300;
const KS = [2, 5, 10];
const readJsonl = <T>(file: string): T[] => readFileSync(join(squadDir, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
const corpus = readJsonl<{ _id: string; title: string; text: string }>('corpus.jsonl');
const questions = readJsonl<SquadQuestion>('questions.jsonl').filter((q) => !q.is_impossible);
const article = (id: string) => id.split('#')[0]!;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const QWORDS = new Set(['What', 'Which', 'Who', 'Whom', 'Whose', 'When', 'Where', 'Why', 'How', 'In', 'On', 'The', 'A', 'An', 'Of', 'At', 'By', 'For', 'To', 'Did', 'Does', 'Do', 'Is', 'Was', 'Were', 'Are']);

interface Item { question: string; original: string; entity: string; bridge: string; answer: string }
const items: Item[] = [];
const usedEntities = new Set<string>();
for (const q of questions) {
  if (items.length >= MAX_ITEMS) break;
  const p2 = corpus.find((d) => d._id === q.gold_doc);
  if (!p2) continue;
  const entities = (q.question.match(/\b[A-Z][\p{L}'-]+(?:\s+(?:of\s+|the\s+)?[A-Z][\p{L}'-]+)*/gu) ?? []).filter((e) => !QWORDS.has(e) && e.length > 3);
  for (const entity of entities) {
    const re = new RegExp(`\\b${escape(entity)}\\b`);
    if (usedEntities.has(entity) || !re.test(p2.text) || p2.title.replace(/_/g, ' ') === entity) continue;
    const others = corpus.filter((d) => article(d._id) !== article(p2._id) && re.test(d.text));
    if (others.length === 0 || others.length > 3) continue;
    const p1 = others[0]!;
    const sentence = p1.text.split(/(?<=[.!?])\s+/).find((s) => re.test(s))!;
    const words = sentence.replace(re, ' ').split(/\s+/).filter(Boolean);
    const at = Math.max(0, sentence.slice(0, sentence.search(re)).split(/\s+/).filter(Boolean).length - 6);
    const clue = words.slice(at, at + 14).join(' ');
    items.push({ question: `${q.question.replace(re, 'it')} (it: ${clue})`, original: q.question, entity, bridge: p1._id, answer: p2._id });
    usedEntities.add(entity);
    break;
  }
}

const store = await createSqliteStore({ path: ':memory:' });
const tenant = 'squad';
await store.commit({
  tenant,
  writes: corpus.map((d) => ({
    document: { id: d._id, source: `squad2#${d._id}`, title: d.title.replace(/_/g, ' '), text: d.text, format: 'beir', metadata: {} },
    contentHash: sha256(d.text),
    chunks: [{ text: d.text, start: 0, end: d.text.length, headingPath: [], tokenCount: 0, role: 'leaf' as const }],
    indexTexts: [`${d.title.replace(/_/g, ' ')}\n${d.text}`],
    at: 0,
  })),
});

/** The variant: hop 2 queries the whole question + the bridge entity (otherwise exactly `hops: 2`). */
async function fullQuestionVariant(s: Store, query: string, topK: number): Promise<Hit[]> {
  let firstHits: Hit[] = [];
  const result = await retrieveMultiHop({
    store: s, tenant, query, topK, hops: 2,
    retrieveOnce: async (o) => {
      if (o.query === query) return retrieve(o).then((r) => ((firstHits = r.hits), r));
      return retrieve({ ...o, query: `${query} ${proposeBridgeEntities({ question: query, hits: firstHits, limit: 1 }).join(' ')}` });
    },
  });
  return result.hits;
}

type Method = 'single-hop' | 'two-hop' | 'two-hop-full-question';
const tallies: Record<Method, Record<number, { recall: number; both: number; answer: number }>> = {} as never;
const t0 = performance.now();
for (const method of ['single-hop', 'two-hop', 'two-hop-full-question'] as Method[]) {
  tallies[method] = {};
  for (const k of KS) {
    const t = { recall: 0, both: 0, answer: 0 };
    for (const item of items) {
      const hits = method === 'two-hop-full-question' ? await fullQuestionVariant(store, item.question, k) : (await retrieve({ store, tenant, query: item.question, topK: k, hops: method === 'two-hop' ? 2 : 1 })).hits;
      const ids = new Set(hits.map((h) => h.document.id));
      const found = Number(ids.has(item.bridge)) + Number(ids.has(item.answer));
      t.recall += found / 2;
      t.both += Number(found === 2);
      t.answer += Number(ids.has(item.answer));
    }
    const n = items.length || 1;
    tallies[method][k] = { recall: +(t.recall / n).toFixed(3), both: +(t.both / n).toFixed(3), answer: +(t.answer / n).toFixed(3) };
  }
}
await store.close();

const result = {
  benchmark: 'multi-hop',
  dataset: 'SQuAD 2.0 dev (first half): bridge items joining two paragraphs of different articles by a shared entity (built by this script)',
  construction: 'answerable question whose gold paragraph P2 names entity E (a capitalised phrase of the question found in ≤ 3 paragraphs of other articles); E replaced by "it" and a 14-word clue from the sentence of P1 (another article) that names E',
  retrieval: 'bm25, title + text indexed, one chunk per paragraph',
  items: items.length,
  paragraphs: corpus.length,
  metrics: tallies,
  examples: items.slice(0, 3),
  seconds: +((performance.now() - t0) / 1000).toFixed(1),
};
mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
writeFileSync(join(repo, 'bench', 'results', 'multi-hop.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify({ items: result.items, metrics: tallies, seconds: result.seconds }, null, 2));
