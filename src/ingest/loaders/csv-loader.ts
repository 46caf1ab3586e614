import { once } from 'node:events';
import type { LoadEvent, Loader, LoaderInput, SkipReport } from '../../spec/loader.js';
import { loaderLimit } from '../limits/ingest-limits.js';
import { limitExceeded } from '../limits/limit-exceeded.js';
import { skipFromError } from './skip-from-error.js';
import { _decodedChunks } from './_record-source.js';
import { _recordFields, _recordToEvent } from './_record-to-event.js';

/**
 * CSV (`.csv`, `.tsv`) with a header row: one document per row, read streaming. Fields as for JSONL
 * (text column `text`, title `title`, id `_id` then `id`, metadata = the other columns); without an id
 * column the id is `${relativePath}#${line}`. A row with the wrong number of columns is a skip with its line
 * number and the rest continue; if the text column is missing the whole file is one skip.
 */
export const csvLoader: Loader = {
  name: 'csv',
  format: 'csv',
  extensions: ['.csv', '.tsv'],
  streaming: true,
  async *load(input: LoaderInput): AsyncIterable<LoadEvent> {
    const { parse } = await import('csv-parse');
    const fields = _recordFields(input);
    const seen = new Map<string, number>();
    const skips: SkipReport[] = [];
    const maxChars = loaderLimit(input.limits, 'recordChars');
    let oversize: Error | undefined;
    const parser = parse({
      // A row over the limit stops the file (the parser cannot find the next row safely): rows before it load.
      max_record_size: maxChars,
      columns: true,
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      delimiter: input.relativePath.toLowerCase().endsWith('.tsv') ? '\t' : ',',
      on_skip: (error) => {
        const line = error?.lines ?? 0;
        if (error?.code === 'CSV_MAX_RECORD_SIZE') {
          oversize ??= limitExceeded({ path: input.relativePath, limit: 'recordChars', value: maxChars, max: maxChars, what: `the row at line ${line} (the rest of the file was not read) has`, atLeast: true });
          return undefined;
        }
        skips.push({ path: `${input.relativePath}#${line}`, code: 'INVALID_RECORD', reason: `Row at line ${line} is malformed (${error?.message ?? 'unparseable'}): fix or remove that row.` });
        return undefined;
      },
    });
    const feeding = (async () => {
      for await (const text of _decodedChunks(input)) {
        if (parser.destroyed) return;
        const more = parser.write(text);
        if (oversize) break;
        if (!more) await Promise.race([once(parser, 'drain'), once(parser, 'close')]);
      }
      parser.end();
    })().catch((error: unknown) => parser.destroy(error as Error));
    let rows = 0;
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, unknown>; info: { lines: number } }>) {
        while (skips.length) yield { type: 'skip', skip: skips.shift()! };
        if (rows++ === 0) {
          const missing = fields.textFields.filter((f) => !(f in record));
          if (missing.length === fields.textFields.length) {
            yield { type: 'skip', skip: { path: input.relativePath, code: 'FILE_MALFORMED', reason: `'${input.relativePath}' has no column ${missing.map((f) => `'${f}'`).join(' or ')} (columns: ${Object.keys(record).slice(0, 12).join(', ')}): set loaderOptions.textFields to the column that holds the text.` } };
            return;
          }
        }
        yield _recordToEvent({ record, line: info.lines, input, format: 'csv', fields, seen });
      }
    } catch (error) {
      while (skips.length) yield { type: 'skip', skip: skips.shift()! };
      yield { type: 'skip', skip: skipFromError(error, input.relativePath, 'CSV') };
      return;
    } finally {
      // Stops the feeder (and closes the file) when the consumer stops early.
      parser.destroy();
      await feeding;
    }
    while (skips.length) yield { type: 'skip', skip: skips.shift()! };
    if (oversize) {
      yield { type: 'skip', skip: skipFromError(oversize, input.relativePath, 'CSV') };
      return;
    }
    if (rows === 0) yield { type: 'skip', skip: { path: input.relativePath, code: 'FILE_EMPTY', reason: `'${input.relativePath}' has no data rows: add rows under the header or exclude it.` } };
  },
};
