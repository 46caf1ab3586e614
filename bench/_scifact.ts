/** BEIR SciFact as the benchmarks read it: the corpus rows, query texts by id, and test qrels (query → doc → grade). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readScifact(dataDir: string): { corpus: Array<Record<string, string>>; queries: Map<string, string>; qrels: Map<string, Map<string, number>> } {
  const readJsonl = (file: string) => readFileSync(join(dataDir, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string>);
  const qrels = new Map<string, Map<string, number>>();
  for (const line of readFileSync(join(dataDir, 'qrels', 'test.tsv'), 'utf8').split('\n').slice(1)) {
    const [qid, docId, score] = line.trim().split('\t');
    if (!qid || !docId) continue;
    if (!qrels.has(qid)) qrels.set(qid, new Map());
    qrels.get(qid)!.set(docId, Number(score));
  }
  return { corpus: readJsonl('corpus.jsonl'), queries: new Map(readJsonl('queries.jsonl').map((q) => [q._id!, q.text!])), qrels };
}
