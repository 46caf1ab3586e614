import { readFile } from 'node:fs/promises';
import { FathomError } from '../../util/errors.js';

function questionOf(record: Record<string, unknown>): string | undefined {
  for (const key of ['question', 'query', 'input', 'instruction', 'prompt']) {
    if (typeof record[key] === 'string' && record[key]) return record[key] as string;
  }
  const turns = (record.messages ?? record.conversations ?? record.prompt) as Array<Record<string, unknown>> | undefined;
  if (Array.isArray(turns)) {
    const users = turns.filter((t) => t && (t.role === 'user' || t.from === 'human'));
    const last = users.at(-1);
    const text = last?.content ?? last?.value;
    if (typeof text === 'string') return text;
  }
  return undefined;
}

/**
 * The questions of an evaluation file: a golden JSONL (`question` field), or any fine-tuning file
 * (the last user turn of each record).
 */
export async function readEvalQuestions(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8').catch((cause: unknown) => {
    throw new FathomError({ code: 'PATH_NOT_FOUND', message: `Evaluation file not found: ${path}. Pass a golden JSONL with "question" fields.`, cause, details: { path } });
  });
  const questions: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw new FathomError({ code: 'FILE_MALFORMED', message: `${path}:${i + 1} is not valid JSON; the evaluation file must be JSONL.`, details: { path, line: i + 1 } });
    }
    const q = record && typeof record === 'object' ? questionOf(record as Record<string, unknown>) : undefined;
    if (q) questions.push(q);
  });
  return questions;
}
