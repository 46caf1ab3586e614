import { extname } from 'node:path';
import type { Loader } from '../../spec/loader.js';
import { csvLoader } from './csv-loader.js';
import { docxLoader } from './docx-loader.js';
import { htmlLoader } from './html-loader.js';
import { ipynbLoader } from './ipynb-loader.js';
import { jsonlLoader } from './jsonl-loader.js';
import { markdownLoader } from './markdown-loader.js';
import { asciidocLoader, rstLoader } from './markup-loaders.js';
import { odsLoader, odtLoader, pptxLoader, xlsxLoader } from './office-loaders.js';
import { pdfLoader } from './pdf-loader.js';
import { rtfLoader } from './rtf-loader.js';
import { textLoader } from './text-loader.js';

export { asciidocLoader, csvLoader, docxLoader, htmlLoader, ipynbLoader, jsonlLoader, markdownLoader, odsLoader, odtLoader, pdfLoader, pptxLoader, rstLoader, rtfLoader, textLoader, xlsxLoader };

/** Every built-in loader. Heavy parsers (unpdf, mammoth, readability, turndown) load on first use. */
export const defaultLoaders: Loader[] = [textLoader, markdownLoader, htmlLoader, pdfLoader, docxLoader, jsonlLoader, csvLoader, ipynbLoader, rstLoader, asciidocLoader, xlsxLoader, pptxLoader, odtLoader, odsLoader, rtfLoader];

/** The built-in whole-file loaders: these parse in the worker thread (`ingest.limits.isolate`). */
export const fileLoaders: Loader[] = [textLoader, markdownLoader, htmlLoader, pdfLoader, docxLoader, rstLoader, asciidocLoader, xlsxLoader, pptxLoader, odtLoader, odsLoader, rtfLoader];

/** The first loader (in order) that claims the path's extension (case-insensitive), or undefined. */
export function loaderForPath(path: string, loaders: Loader[] = defaultLoaders): Loader | undefined {
  const ext = extname(path).toLowerCase();
  if (!ext) return undefined;
  return loaders.find((loader) => loader.extensions.includes(ext));
}
