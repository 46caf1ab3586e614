import { FathomError } from '../util/errors.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { reportModel } from './report-model.js';
import type { ReportInput } from './report-model.js';

export type ReportFormat = 'json' | 'markdown' | 'html';

export interface RenderReportOptions extends ReportInput {
  /** `json` for machines (the report model), `markdown`, or one self-contained `html` page. */
  format: ReportFormat;
}

/** Render an evaluation run (with its diagnosis, comparison and decision when given) as JSON, Markdown or HTML. */
export function renderReport({ format, ...input }: RenderReportOptions): string {
  if (!input.run || !Array.isArray(input.run.results)) throw new FathomError({ code: 'INVALID_ARGUMENT', message: 'renderReport() needs an evaluation run with `results`: pass the JSON written by `fathom eval`.' });
  const model = reportModel(input);
  if (format === 'json') return `${JSON.stringify(model, null, 2)}\n`;
  if (format === 'markdown') return renderMarkdown(model);
  if (format === 'html') return renderHtml(model);
  throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Unknown report format "${String(format)}": use json, markdown or html.` });
}
