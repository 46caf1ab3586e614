import type { TuneExample, TuneFormat } from '../../spec/tune-data.js';
import { FathomError } from '../../util/errors.js';
import { detectFormat, parseRecord } from '../formats/parse-record.js';
import type { LintRecord } from '../lint/lint-records.js';
import { toLintRecord } from '../lint/lint-records.js';

/** Lint views of in-memory examples (format detected from the first); throws on a malformed one. */
export function toRecords(examples: TuneExample[], format?: TuneFormat): LintRecord[] {
  const fmt = format ?? detectFormat(examples[0]);
  return examples.map((example, i) => {
    const parsed = parseRecord(example, fmt);
    if ('error' in parsed) {
      throw new FathomError({ code: 'INVALID_RECORD', message: `Example ${i + 1}: ${parsed.error}. Run \`fathom tune lint\` first.`, details: { index: i } });
    }
    return toLintRecord(i + 1, parsed.example, parsed.format);
  });
}
