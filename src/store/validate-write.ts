import type { DocumentWrite } from '../spec/store.js';
import { FathomError } from '../util/errors.js';

/** Reject a malformed write before anything is stored, naming what is wrong. */
export function validateWrite(write: DocumentWrite, index: number): void {
  const fail = (reason: string) => {
    throw new FathomError({
      code: 'INVALID_ARGUMENT',
      message: `Write ${index} (document '${write?.document?.id ?? '?'}') is invalid: ${reason}.`,
      details: { index, documentId: write?.document?.id },
    });
  };
  const doc = write?.document;
  if (!doc || typeof doc.id !== 'string' || doc.id.length === 0) fail('document.id must be a non-empty string');
  if (typeof doc.text !== 'string') fail('document.text must be a string');
  if (typeof write.contentHash !== 'string' || write.contentHash.length === 0) fail('contentHash must be a non-empty string');
  if (!Array.isArray(write.chunks)) fail('chunks must be an array');
  if (typeof write.at !== 'number' || !Number.isFinite(write.at)) fail('at must be epoch milliseconds');
  const n = write.chunks.length;
  if (write.vectors && write.vectors.length !== n) fail(`vectors has ${write.vectors.length} entries for ${n} chunks`);
  if (write.indexTexts && write.indexTexts.length !== n) fail(`indexTexts has ${write.indexTexts.length} entries for ${n} chunks`);
  if (write.contexts && write.contexts.length !== n) fail(`contexts has ${write.contexts.length} entries for ${n} chunks`);
  write.chunks.forEach((c, i) => {
    if (c.role !== 'leaf' && c.role !== 'parent') fail(`chunk ${i} has role '${String(c.role)}' (use 'leaf' or 'parent')`);
    if (doc.text.slice(c.start, c.end) !== c.text) fail(`chunk ${i} text is not document.text.slice(${c.start}, ${c.end})`);
    if (c.parentIndex !== undefined && (c.parentIndex < 0 || c.parentIndex >= n || c.parentIndex === i)) {
      fail(`chunk ${i} has parentIndex ${c.parentIndex} outside the draft list`);
    }
  });
}
