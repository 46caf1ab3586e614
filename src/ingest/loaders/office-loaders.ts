import { FathomError } from '../../util/errors.js';
import type { LoaderInput } from '../../spec/loader.js';
import { loaderLimit } from '../limits/ingest-limits.js';
import { _defineFileLoader } from './_file-loader.js';
import { _checkZipSizes, _readZipParts } from './_zip-guard.js';
import { limitExceeded } from '../limits/limit-exceeded.js';
import { odfTitle } from './office/odf-title.js';
import { odsToMarkdown } from './office/ods-to-markdown.js';
import { odtToMarkdown } from './office/odt-to-markdown.js';
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

/** OpenDocument text (`.odt`, LibreOffice Writer): headings, paragraphs, lists, tables and code paragraphs as Markdown; the title from `meta.xml`. */
export const odtLoader = _defineFileLoader({
  name: 'odt',
  format: 'odt',
  extensions: ['.odt'],
  extract: async (input) => {
    const parts = _parts(input, (n) => n === 'content.xml' || n === 'styles.xml' || n === 'meta.xml');
    const content = parts.get('content.xml');
    if (!content) throw new FathomError({ code: 'FILE_MALFORMED', message: `'${input.relativePath}' has no content.xml: it is not an OpenDocument text; check the file or exclude it.` });
    const title = odfTitle(parts.get('meta.xml'));
    return { text: odtToMarkdown(content, parts.get('styles.xml')), ...(title ? { title } : {}) };
  },
});

/** OpenDocument spreadsheets (`.ods`, LibreOffice Calc): each sheet a `## name` section with one Markdown table. */
export const odsLoader = _defineFileLoader({
  name: 'ods',
  format: 'ods',
  extensions: ['.ods'],
  extract: async (input) => {
    const parts = _parts(input, (n) => n === 'content.xml' || n === 'meta.xml');
    const content = parts.get('content.xml');
    if (!content) throw new FathomError({ code: 'FILE_MALFORMED', message: `'${input.relativePath}' has no content.xml: it is not an OpenDocument spreadsheet; check the file or exclude it.` });
    const max = loaderLimit(input.limits, 'extractedChars');
    const onOverflow = (cells: number): never => {
      throw limitExceeded({ path: input.relativePath, limit: 'extractedChars', value: cells, max, what: 'its repeated cells expand to', atLeast: true });
    };
    const title = odfTitle(parts.get('meta.xml'));
    return { text: odsToMarkdown(content, { maxCells: max, onOverflow }), ...(title ? { title } : {}) };
  },
});
