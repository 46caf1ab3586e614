import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { ReadExampleResult, TuneFormat } from '../../spec/tune-data.js';
import { FathomError } from '../../util/errors.js';
import { detectFormat, parseRecord } from './parse-record.js';

/** Options of {@link readExamples}. */
export interface ReadExamplesOptions {
  /** JSONL file to read. */
  path: string;
  /** Expected format. @default detected from the first valid record; later records must match it. */
  format?: TuneFormat;
  /** Stop reading when aborted. */
  signal?: AbortSignal;
}

/**
 * Stream a JSONL fine-tuning file line by line (never the whole file in memory). Yields a parsed
 * example or a line-numbered error per non-blank line; throws only when the file cannot be opened.
 */
export async function* readExamples({ path, format, signal }: ReadExamplesOptions): AsyncGenerator<ReadExampleResult> {
  const info = await stat(path).catch((cause: unknown) => {
    throw new FathomError({ code: 'PATH_NOT_FOUND', message: `Data file not found: ${path}. Check the path (relative paths resolve against the working directory).`, cause, details: { path } });
  });
  if (!info.isFile()) throw new FathomError({ code: 'FILE_UNREADABLE', message: `Not a file: ${path}. Pass a JSONL file.`, details: { path } });
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let fmt = format;
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (signal?.aborted) break;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { line, error: `invalid JSON: ${(error as Error).message}` };
      continue;
    }
    fmt ??= detectFormat(value);
    const parsed = parseRecord(value, fmt);
    yield 'error' in parsed ? { line, error: parsed.error } : { line, format: parsed.format, example: parsed.example };
  }
}
