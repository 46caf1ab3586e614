import { basename } from 'node:path';
import type { LoadedDocument, SourceFormat } from '../../spec/document.js';
import type { LoadEvent, Loader, LoaderInput } from '../../spec/loader.js';
import { FathomError } from '../../util/errors.js';
import { normalizeText } from '../../util/text/normalize-text.js';
import { skipFromError } from './skip-from-error.js';
import { loaderLimit } from '../limits/ingest-limits.js';
import { limitExceeded } from '../limits/limit-exceeded.js';

/** What a whole-file loader extracts; `_defineFileLoader` fills in id, source, format and checks emptiness. */
export interface _Extracted {
  text: string;
  title?: string;
  pages?: LoadedDocument['pages'];
  metadata?: LoadedDocument['metadata'];
  acl?: LoadedDocument['acl'];
  /** Set when `text` is already normalised (PDF page spans point into it). */
  normalized?: boolean;
}

/**
 * Build a whole-file Loader: the file is read completely, then exactly one document or one skip is yielded,
 * so a file that fails part-way never produces a partial document. Errors become skips with their code.
 */
export function _defineFileLoader(spec: {
  name: string;
  format: SourceFormat;
  extensions: string[];
  extract: (input: LoaderInput) => Promise<_Extracted>;
}): Loader {
  return {
    name: spec.name,
    format: spec.format,
    extensions: spec.extensions,
    async *load(input: LoaderInput): AsyncIterable<LoadEvent> {
      let document: LoadedDocument;
      try {
        document = _toDocument(input, spec.format, await spec.extract(input));
      } catch (error) {
        yield { type: 'skip', skip: skipFromError(error, input.relativePath, spec.format) };
        return;
      }
      yield { type: 'document', document };
    },
  };
}

function _toDocument(input: LoaderInput, format: SourceFormat, extracted: _Extracted): LoadedDocument {
  const maxChars = loaderLimit(input.limits, 'extractedChars');
  const text = extracted.normalized ? extracted.text : normalizeText(extracted.text);
  if (text.length > maxChars) throw limitExceeded({ path: input.relativePath, limit: 'extractedChars', value: text.length, max: maxChars, what: 'its text has' });
  if (text.length === 0) {
    throw new FathomError({
      code: 'FILE_EMPTY',
      message: `'${input.relativePath}' has no text after extraction${format === 'pdf' ? ' (a scanned PDF needs OCR first)' : ''}: add content or exclude it.`,
      details: { path: input.relativePath },
    });
  }
  const title = extracted.title?.replace(/\s+/g, ' ').trim() || basename(input.relativePath);
  return {
    id: input.relativePath,
    source: input.relativePath,
    title,
    text,
    format,
    ...(extracted.pages ? { pages: extracted.pages } : {}),
    ...(input.modifiedAt !== undefined ? { modifiedAt: input.modifiedAt } : {}),
    metadata: extracted.metadata ?? {},
    ...(extracted.acl ? { acl: extracted.acl } : {}),
  };
}
