import type { SourceFormat } from '../../spec/document.js';
import type { LoadEvent, Loader, LoaderInput, SkipReport } from '../../spec/loader.js';
import { limitExceeded } from '../limits/limit-exceeded.js';
import { loaderLimit } from '../limits/ingest-limits.js';
import { skipFromError } from './skip-from-error.js';
import { _lines } from './_record-source.js';
import { _recordFields, _recordToEvent } from './_record-to-event.js';

/** Consecutive bad lines at the start after which the file is judged not to be JSONL at all. */
const _GIVE_UP_AFTER = 5;
const _BEIR_KEYS = new Set(['_id', 'title', 'text', 'metadata']);

/**
 * JSON Lines (`.jsonl`, `.ndjson`): one document per line, read streaming. Fields come from
 * `LoaderOptions` (text `text`, title `title`, id `_id` then `id`; metadata = the other scalar fields);
 * without an id field the id is `${relativePath}#${line}`. A bad line is a skip with its line number and
 * the rest continue. A BEIR `corpus.jsonl` (records of `_id`, `title`, `text`[, `metadata`]) is detected
 * by its shape and labelled format `beir`.
 */
export const jsonlLoader: Loader = {
  name: 'jsonl',
  format: 'jsonl',
  extensions: ['.jsonl', '.ndjson'],
  streaming: true,
  async *load(input: LoaderInput): AsyncIterable<LoadEvent> {
    const fields = _recordFields(input);
    const seen = new Map<string, number>();
    let format: SourceFormat | undefined;
    let pending: SkipReport[] | undefined = [];
    const bad = (line: number, reason: string): SkipReport => ({ path: `${input.relativePath}#${line}`, code: 'INVALID_RECORD', reason });
    const maxChars = loaderLimit(input.limits, 'recordChars');
    let tooLong = 0;
    try {
      for await (const entry of _lines(input, maxChars)) {
        const { line, number } = entry;
        if (line === undefined) {
          tooLong++;
          const at = `${input.relativePath}#${number}`;
          yield { type: 'skip', skip: skipFromError(limitExceeded({ path: at, limit: 'recordChars', value: 'length' in entry ? entry.length : 0, max: maxChars, what: `line ${number} has` }), at, 'JSON Lines') };
          continue;
        }
        if (!line.trim()) continue;
        let record: unknown;
        try {
          record = JSON.parse(line);
        } catch (error) {
          record = error instanceof Error ? error : new Error(String(error));
        }
        if (!format && pending?.length === 0 && (line.trim() === '[' || Array.isArray(record))) {
          yield { type: 'skip', skip: { path: input.relativePath, code: 'FILE_MALFORMED', reason: `'${input.relativePath}' holds a JSON array, not JSON Lines: write one object per line (e.g. \`jq -c '.[]' in.json > out.jsonl\`).` } };
          return;
        }
        let skip: SkipReport | undefined;
        if (record instanceof Error) skip = bad(number, `Line ${number} is not valid JSON (${record.message}): fix or remove that line.`);
        else if (!record || typeof record !== 'object' || Array.isArray(record)) skip = bad(number, `Line ${number} is not a JSON object: each line must be one {…} record.`);
        if (skip) {
          if (!pending) yield { type: 'skip', skip };
          else if (pending.push(skip) >= _GIVE_UP_AFTER) {
            yield { type: 'skip', skip: { path: input.relativePath, code: 'FILE_MALFORMED', reason: `'${input.relativePath}' is not JSON Lines: its first ${_GIVE_UP_AFTER} non-empty lines are not JSON objects (${pending[0]!.reason}). Write one JSON object per line.` } };
            return;
          }
          continue;
        }
        const obj = record as Record<string, unknown>;
        if (!format) {
          const missing = fields.textFields.filter((f) => obj[f] === undefined);
          if (missing.length === fields.textFields.length) {
            yield { type: 'skip', skip: { path: input.relativePath, code: 'FILE_MALFORMED', reason: `The first record of '${input.relativePath}' (line ${number}) has no field ${missing.map((f) => `'${f}'`).join(' or ')} (it has: ${Object.keys(obj).slice(0, 12).join(', ')}): set loaderOptions.textFields to the field that holds the text.` } };
            return;
          }
          format = _isBeir(obj, input) ? 'beir' : 'jsonl';
        }
        if (pending) {
          for (const s of pending) yield { type: 'skip', skip: s };
          pending = undefined;
        }
        yield _recordToEvent({ record: obj, line: number, input, format, fields, seen });
      }
    } catch (error) {
      if (pending) for (const s of pending) yield { type: 'skip', skip: s };
      yield { type: 'skip', skip: skipFromError(error, input.relativePath, 'JSON Lines') };
      return;
    }
    if (pending) {
      if (pending.length) for (const s of pending) yield { type: 'skip', skip: s };
      else if (!format && !tooLong) yield { type: 'skip', skip: { path: input.relativePath, code: 'FILE_EMPTY', reason: `'${input.relativePath}' has no records: add JSON lines or exclude it.` } };
    }
  },
};

function _isBeir(record: Record<string, unknown>, input: LoaderInput): boolean {
  const o = input.options;
  if (o.textFields || o.idField || o.titleField) return false;
  const keys = Object.keys(record);
  return record._id !== undefined && typeof record.text === 'string' && keys.every((k) => _BEIR_KEYS.has(k));
}
