/**
 * Reading a BEIR-format directory: corpus.jsonl, queries.jsonl, qrels/<split>.tsv.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Qrels } from '../../spec/qrels.js';
import { FathomError } from '../../util/errors.js';
import { readQrels } from '../qrels.js';

export interface BeirPaths {
  corpus: string;
  queries: string;
  qrels: string;
}

export function beirPaths({ dir, split }: { dir: string; split: string }): BeirPaths {
  const paths = { corpus: join(dir, 'corpus.jsonl'), queries: join(dir, 'queries.jsonl'), qrels: join(dir, 'qrels', `${split}.tsv`) };
  for (const [name, path] of Object.entries(paths)) {
    if (!existsSync(path)) {
      throw new FathomError({
        code: 'INVALID_DATASET',
        message: `${dir} is not a BEIR directory for split "${split}": ${name} file ${path} is missing (expected corpus.jsonl, queries.jsonl, qrels/${split}.tsv).`,
      });
    }
  }
  return paths;
}

/** Query texts by id, for the ids in `wanted`. */
export async function readBeirQueries({ path, wanted }: { path: string; wanted: Set<string> }): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let line = 0;
  for await (const raw of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    line++;
    if (!raw.trim()) continue;
    let record: { _id?: unknown; text?: unknown };
    try {
      record = JSON.parse(raw);
    } catch {
      throw new FathomError({ code: 'INVALID_DATASET', message: `${path}:${line}: not valid JSON.` });
    }
    const id = String(record._id ?? '');
    if (wanted.has(id)) out.set(id, String(record.text ?? ''));
  }
  return out;
}

export async function readBeirQrels(path: string): Promise<Qrels> {
  return readQrels({ path });
}
