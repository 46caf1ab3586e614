import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { loaderForPath } from '../../ingest/loaders/index.js';
import { skipFromError } from '../../ingest/loaders/skip-from-error.js';
import type { LoadedDocument } from '../../spec/document.js';
import { FathomError } from '../../util/errors.js';
import { buildChunker } from '../build.js';
import { commonArgs } from '../common-args.js';
import { cliContext } from '../context.js';
import { emit } from '../io.js';

/**
 * `fathom inspect <file>`: what retrieval would see, without ingesting: the extracted Markdown, the chunks
 * with their heading paths and token counts (configured chunker), the extraction figures and the warnings.
 */
export const inspectCommand = defineCommand({
  meta: { name: 'inspect', description: 'Show the extracted text, chunks (heading paths, tokens) and warnings of a file, without ingesting it' },
  args: {
    ...commonArgs,
    file: { type: 'positional', description: 'The file to inspect', required: true },
    chunker: { type: 'string', description: 'fixed | recursive | structure | hierarchical (default: config)', valueHint: 'name' },
    ocr: { type: 'string', schema: { enum: ['auto', 'off'] }, description: 'PDF pages without a text layer: auto (OCR with tesseract when installed) | off (default: config ingest.ocr, else auto)', valueHint: 'mode' },
  },
  async run(ctx) {
    const c = cliContext(ctx);
    const path = resolve(c.io.cwd, String(ctx.args.file));
    const rel = relative(c.io.cwd, path).startsWith('..') ? String(ctx.args.file) : relative(c.io.cwd, path) || path;
    const loader = loaderForPath(path);
    if (!loader) throw new FathomError({ code: 'UNSUPPORTED_FORMAT', message: `'${rel}' has no loader for its extension: fathom reads .md, .html, .pdf, .docx, .txt, .jsonl and .csv.` });
    let bytes: Uint8Array;
    try {
      if (!statSync(path).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      bytes = readFileSync(path);
    } catch (error) {
      const skip = skipFromError(error, rel, loader.format);
      throw new FathomError({ code: 'FILE_UNREADABLE', message: skip.reason });
    }
    const documents: LoadedDocument[] = [];
    const skipped: Array<{ path: string; code: string; reason: string }> = [];
    const ocr = ((ctx.args.ocr as string | undefined) ?? c.config.ingest.ocr) === 'off' ? 'off' : 'auto';
    for await (const event of loader.load({ path, relativePath: rel, bytes, options: { ocr } })) {
      if (event.type === 'document') documents.push(event.document);
      else skipped.push(event.skip);
    }
    const cfg = c.config.ingest.chunker;
    const chunker = await buildChunker({ ...cfg, name: ((ctx.args.chunker as string | undefined) ?? (cfg.name === 'semantic' ? 'structure' : cfg.name)) as typeof cfg.name });
    const out: _Inspected[] = [];
    for (const d of documents) {
      const chunks = (await chunker.chunk({ text: d.text, ...(d.pages ? { pages: d.pages } : {}) })).map((k) => ({ headingPath: k.headingPath, tokenCount: k.tokenCount, start: k.start, end: k.end, text: k.text }));
      const warnings = Array.isArray(d.metadata.extractionWarnings) ? (d.metadata.extractionWarnings as string[]) : [];
      out.push({ id: d.id, title: d.title, format: d.format, extraction: d.metadata.extraction, warnings, text: d.text, chunks });
    }
    emit(c.io, c.json, { file: rel, documents: out, skipped }, () => render(out, skipped));
    return documents.length ? 0 : 1;
  },
});

interface _Inspected {
  id: string;
  title: string;
  format: string;
  extraction: unknown;
  warnings: string[];
  text: string;
  chunks: Array<{ headingPath: string[]; tokenCount: number; start: number; end: number; text: string }>;
}

function render(docs: _Inspected[], skipped: Array<{ path: string; code: string; reason: string }>): string {
  const lines: string[] = [];
  for (const s of skipped) lines.push(`skipped ${s.path}: ${s.reason} [${s.code}]`);
  for (const d of docs) {
    lines.push(`=== ${d.title} (${d.format})`);
    if (d.extraction) lines.push(`extraction: ${JSON.stringify(d.extraction)}`);
    lines.push(d.warnings.length ? `warnings:\n${d.warnings.map((w) => `  - ${w}`).join('\n')}` : 'warnings: none');
    lines.push('--- extracted Markdown', d.text, `--- ${d.chunks.length} chunks`);
    d.chunks.forEach((k, i) => lines.push(`${i + 1}. [${k.tokenCount} tokens] ${k.headingPath.join(' › ') || '(no heading)'}: ${k.text.replace(/\s+/g, ' ').slice(0, 100)}`));
  }
  return lines.join('\n');
}
