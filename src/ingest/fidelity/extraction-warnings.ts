import type { LoadedDocument } from '../../spec/document.js';

/**
 * The ingest-report warnings of one loaded document: every `metadata.extractionWarnings` entry a loader
 * recorded (HTML kept share under the threshold, skipped PDF pages), as `{ type: 'extraction', message }`
 * with the document's source in front.
 */
export function extractionWarnings(document: LoadedDocument): Array<{ type: string; message: string }> {
  const list = document.metadata.extractionWarnings;
  if (!Array.isArray(list)) return [];
  return list.map((w) => ({ type: 'extraction', message: `${document.source}: ${String(w)}` }));
}

/** One line for the ingest summary: how many documents have extraction warnings, and the first of them. */
export function summarizeExtractionWarnings(warnings: Array<{ type: string; message: string }>): string | undefined {
  const list = warnings.filter((w) => w.type === 'extraction');
  if (!list.length) return undefined;
  const docs = new Set(list.map((w) => w.message.split(': ')[0]));
  return `  ${list.length} extraction warning${list.length === 1 ? '' : 's'} in ${docs.size} document${docs.size === 1 ? '' : 's'} (e.g. ${list[0]!.message}); see "warnings" in the manifest or run fathom inspect <file>`;
}
