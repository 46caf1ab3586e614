import type { ChunkDraft } from '../spec/chunk.js';

/**
 * The text indexed for a leaf chunk: the document title and the chunk's heading path, then the chunk text
 * (so "Enterprise" under "Pricing" is findable by both words), plus a contextual-retrieval context when given.
 * Parents are not indexed (empty string).
 */
export function indexText({ title, draft, context }: { title: string; draft: ChunkDraft; context?: string }): string {
  if (draft.role !== 'leaf') return '';
  // The title is always indexed (title + text, as BEIR's reference runs do), even when the text starts with it;
  // headings already at the start of the text are not repeated.
  const head = [title, ...draft.headingPath].filter((part, i, all) => part && all.indexOf(part) === i);
  const lines = head.filter((part, i) => (i === 0 && part === title) || !draft.text.startsWith(part));
  if (context) lines.push(context);
  lines.push(draft.text);
  return lines.join('\n');
}
