import { FathomError } from '../../util/errors.js';
import { _defineFileLoader } from './_file-loader.js';
import { decodeText } from './_decode-text.js';

interface _Cell {
  cell_type?: string;
  source?: string | string[];
}

/**
 * Jupyter notebooks (`.ipynb`): Markdown cells as Markdown, code cells as fenced code in the kernel's language
 * (outputs are not included), in cell order. The title is the first level-1 heading, else the file name.
 * A file that is not notebook JSON (no `cells` list) is FILE_MALFORMED.
 */
export const ipynbLoader = _defineFileLoader({
  name: 'ipynb',
  format: 'ipynb',
  extensions: ['.ipynb'],
  extract: async (input) => {
    const nb = JSON.parse(decodeText(input.bytes, input.relativePath)) as { cells?: unknown; metadata?: { language_info?: { name?: string }; kernelspec?: { language?: string } } };
    if (!Array.isArray(nb.cells)) {
      throw new FathomError({ code: 'FILE_MALFORMED', message: `'${input.relativePath}' is not a Jupyter notebook (no "cells" list): check the file, or exclude it.`, details: { path: input.relativePath } });
    }
    const lang = (nb.metadata?.language_info?.name ?? nb.metadata?.kernelspec?.language ?? '').replace(/[^\w+#.-]/g, '');
    const parts: string[] = [];
    for (const cell of nb.cells as _Cell[]) {
      const source = (Array.isArray(cell.source) ? cell.source.join('') : (cell.source ?? '')).replace(/\s+$/, '');
      if (!source) continue;
      if (cell.cell_type === 'markdown') parts.push(source);
      else if (cell.cell_type === 'code') {
        const fence = '`'.repeat(Math.max(3, ...[...source.matchAll(/`{3,}/g)].map((m) => m[0].length + 1)));
        parts.push(`${fence}${lang}\n${source}\n${fence}`);
      } else parts.push(source);
    }
    const text = parts.join('\n\n');
    const heading = /^# (.+)$/m.exec(text.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, ''))?.[1];
    return { text, metadata: { cells: nb.cells.length, ...(lang ? { language: lang } : {}) }, ...(heading ? { title: heading } : {}) };
  },
});
