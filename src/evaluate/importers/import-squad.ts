import { createReadStream, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { GoldenItem } from '../../spec/evaluation.js';
import { FathomError } from '../../util/errors.js';

/** Options of {@link importSquad}. */
export interface ImportSquadOptions {
  /** questions.jsonl: `{ _id, question, answers[], is_impossible, gold_doc, plausible_answers? }` per line. */
  path: string;
  /** Paragraphs `{ _id, title, text }` for oracle `context`. @default corpus.jsonl next to `path`, when present */
  corpus?: string;
  /** Keep at most this many answerable / unanswerable questions, in file order. @default all */
  maxAnswerable?: number;
  maxUnanswerable?: number;
}

/**
 * SQuAD 2.0-style questions → golden items. Answerable questions list their answers and the gold paragraph
 * as an expected document source; impossible ones are `answerable: false` with no answers or sources. With a
 * corpus, every item carries its gold paragraph as oracle `context` (for impossible items a look-alike: the
 * oracle tests abstention with related text in the prompt). `metadata` keeps `goldDoc` and `plausibleAnswers`.
 */
export async function importSquad({ path, corpus, maxAnswerable = Infinity, maxUnanswerable = Infinity }: ImportSquadOptions): Promise<GoldenItem[]> {
  if (!existsSync(path)) throw new FathomError({ code: 'PATH_NOT_FOUND', message: `SQuAD questions file '${path}' does not exist.`, details: { path } });
  const corpusPath = corpus ?? join(dirname(path), 'corpus.jsonl');
  const paragraphs = corpus !== undefined || existsSync(corpusPath) ? await _readCorpus(corpusPath) : undefined;
  const items: GoldenItem[] = [];
  let answerable = 0;
  let impossible = 0;
  await _eachJson(path, (r, line) => {
    if (typeof r._id !== 'string' || typeof r.question !== 'string' || typeof r.gold_doc !== 'string') {
      throw new FathomError({ code: 'INVALID_DATASET', message: `${path}:${line}: expected _id, question and gold_doc strings (SQuAD questions.jsonl shape).` });
    }
    const isImpossible = r.is_impossible === true;
    if (isImpossible ? impossible >= maxUnanswerable : answerable >= maxAnswerable) return;
    if (isImpossible) impossible++;
    else answerable++;
    const text = paragraphs?.get(r.gold_doc);
    items.push({
      id: r._id, question: r.question,
      answers: isImpossible ? [] : [...new Set((r.answers as string[] | undefined) ?? [])],
      sources: isImpossible ? [] : [{ documentId: r.gold_doc }],
      answerable: !isImpossible,
      ...(text !== undefined ? { context: [text] } : {}),
      tags: ['squad2', isImpossible ? 'unanswerable' : 'answerable'],
      metadata: { goldDoc: r.gold_doc, ...(Array.isArray(r.plausible_answers) && r.plausible_answers.length ? { plausibleAnswers: r.plausible_answers } : {}) },
    });
  });
  return items;
}

async function _readCorpus(path: string): Promise<Map<string, string>> {
  if (!existsSync(path)) throw new FathomError({ code: 'PATH_NOT_FOUND', message: `SQuAD corpus '${path}' does not exist.`, details: { path } });
  const out = new Map<string, string>();
  await _eachJson(path, (r) => {
    if (typeof r._id === 'string' && typeof r.text === 'string') out.set(r._id, r.text);
  });
  return out;
}

async function _eachJson(path: string, fn: (record: Record<string, unknown> & { _id?: unknown }, line: number) => void): Promise<void> {
  let line = 0;
  for await (const raw of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    line++;
    if (!raw.trim()) continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(raw);
    } catch {
      throw new FathomError({ code: 'INVALID_DATASET', message: `${path}:${line}: not valid JSON.` });
    }
    fn(record, line);
  }
}
