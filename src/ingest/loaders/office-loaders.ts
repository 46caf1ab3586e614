import { FathomError } from '../../util/errors.js';
import type { LoaderInput } from '../../spec/loader.js';
import { loaderLimit } from '../limits/ingest-limits.js';
import { _defineFileLoader } from './_file-loader.js';
import { _checkZipSizes, _readZipParts } from './_zip-guard.js';
import { pptxToMarkdown } from './office/pptx-to-markdown.js';
import { xlsxToMarkdown } from './office/xlsx-to-markdown.js';

function _parts(input: LoaderInput, isPart: (name: string) => boolean): Map<string, string> {
  _checkZipSizes(input.bytes, { path: input.relativePath, max: loaderLimit(input.limits, 'decompressedBytes'), isPart });
  const parts = _readZipParts(input.bytes, isPart);
  if (!parts) throw new FathomError({ code: 'FILE_MALFORMED', message: `'${input.relativePath}' is not a readable Office (zip) file: check the file or exclude it.` });
  return parts;
}

/** Excel workbooks (`.xlsx`): each sheet a `## name` section with one Markdown table (zip parts read directly, sizes bounded first). */
export const xlsxLoader = _defineFileLoader({
  name: 'xlsx',
  format: 'xlsx',
  extensions: ['.xlsx'],
  extract: async (input) => ({ text: xlsxToMarkdown(_parts(input, (n) => /^xl\/(workbook\.xml|sharedStrings\.xml|_rels\/workbook\.xml\.rels|worksheets\/[^/]+\.xml)$/.test(n))) }),
});

/** PowerPoint decks (`.pptx`): each slide a `## Slide N: title` section with its text. */
export const pptxLoader = _defineFileLoader({
  name: 'pptx',
  format: 'pptx',
  extensions: ['.pptx'],
  extract: async (input) => ({ text: pptxToMarkdown(_parts(input, (n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))) }),
});
