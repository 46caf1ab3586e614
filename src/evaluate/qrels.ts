import { readFile } from 'node:fs/promises';
import type { Qrels, Run } from '../spec/qrels.js';
import { FathomError } from '../util/errors.js';

/** Options of {@link parseQrels}. */
export interface ParseQrelsOptions {
  text: string;
  /**
   * `beir`: TSV `query-id corpus-id score` with a header line; `trec`: `qid iter docid rel`.
   * `auto` picks by column count of the first data line. @default 'auto'
   */
  format?: 'auto' | 'beir' | 'trec';
  /** Named in error messages. */
  source?: string;
}

/**
 * Parses BEIR qrels TSV or TREC qrels into `Map<queryId, Map<docId, rel>>`. Lines with a tab split on tabs only,
 * so ids with spaces ("Albert Einstein") survive; other lines split on whitespace. Blank lines are skipped; a
 * header line (first field `query-id`, or a non-numeric score) is skipped. A repeated (query, doc) pair
 * keeps the last grade.
 */
export function parseQrels({ text, format = 'auto', source = 'qrels' }: ParseQrelsOptions): Qrels {
  const qrels: Qrels = new Map();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const fields = _fields(line);
    const kind = format === 'auto' ? (fields.length >= 4 ? 'trec' : 'beir') : format;
    const [queryId, docId, grade] = kind === 'trec' ? [fields[0], fields[2], fields[3]] : [fields[0], fields[1], fields[2]];
    if (i === 0 && (queryId === 'query-id' || (grade !== undefined && !Number.isFinite(Number(grade))))) continue;
    const rel = Number(grade);
    if (queryId === undefined || docId === undefined || grade === undefined || !Number.isFinite(rel)) {
      throw new FathomError({
        code: 'INVALID_DATASET',
        message: `${source} line ${i + 1} is not a qrels line: expected 'query-id corpus-id score' (BEIR TSV) or 'qid iter docid rel' (TREC), got '${line.slice(0, 80)}'.`,
        details: { source, line: i + 1 },
      });
    }
    let judged = qrels.get(queryId);
    if (!judged) qrels.set(queryId, (judged = new Map()));
    judged.set(docId, rel);
  }
  return qrels;
}

/**
 * Parses a TREC run (`qid Q0 docid rank score tag`) into `Map<queryId, {docId, score}[]>`. The rank
 * column is ignored, as trec_eval does: documents are ranked by score.
 */
export function parseRun({ text, source = 'run' }: { text: string; source?: string }): Run {
  const run: Run = new Map();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const fields = _fields(line);
    const score = Number(fields[4]);
    if (fields.length < 5 || !Number.isFinite(score)) {
      throw new FathomError({
        code: 'INVALID_DATASET',
        message: `${source} line ${i + 1} is not a TREC run line: expected 'qid Q0 docid rank score [tag]', got '${line.slice(0, 80)}'.`,
        details: { source, line: i + 1 },
      });
    }
    const queryId = fields[0]!;
    let entries = run.get(queryId);
    if (!entries) run.set(queryId, (entries = []));
    entries.push({ docId: fields[2]!, score });
  }
  return run;
}

/** Reads a qrels file (BEIR TSV or TREC). */
export async function readQrels({ path, format = 'auto' }: { path: string; format?: ParseQrelsOptions['format'] }): Promise<Qrels> {
  return parseQrels({ text: await _read(path), format, source: path });
}

/** Reads a TREC run file. */
export async function readRun({ path }: { path: string }): Promise<Run> {
  return parseRun({ text: await _read(path), source: path });
}

/** Tab-separated when the line has a tab (ids may hold spaces: Wikipedia titles), else whitespace-separated. */
function _fields(line: string): string[] {
  return line.includes('\t') ? line.split('\t').map((f) => f.trim()) : line.split(/\s+/);
}

async function _read(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new FathomError({ code: 'PATH_NOT_FOUND', message: `Cannot read '${path}': check the path exists and is readable.`, cause, details: { path } });
  }
}
