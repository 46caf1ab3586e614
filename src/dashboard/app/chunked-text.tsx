/**
 * A version's extracted text with its leaf chunks drawn on it: each chunk is a span carrying its offsets
 * (`data-start`/`data-end`), alternately shaded, its number shown by CSS. Overlap with the previous chunk is
 * drawn once, in the earlier chunk. Text between chunks (dropped by the chunker) stays unshaded.
 */
import type { Chunk } from '../../spec/chunk.js';

export function ChunkedText({ text, chunks, selected, onSelect }: { text: string; chunks: Chunk[]; selected?: string; onSelect: (id: string) => void }) {
  const leaves = chunks.filter((c) => c.role === 'leaf').sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const c of leaves) {
    const start = Math.max(c.start, at);
    if (start > at) parts.push(<span class="gap">{text.slice(at, start)}</span>);
    if (c.end > start) {
      parts.push(
        <span key={c.id} class={`chunk c${c.ordinal % 2}${selected === c.id ? ' selected' : ''}`} data-chunk-id={c.id} data-start={c.start} data-end={c.end} data-ordinal={c.ordinal}
          onClick={() => onSelect(c.id)} title={`Chunk ${c.ordinal}: ${c.tokenCount} tokens${c.headingPath.length ? ` · ${c.headingPath.join(' › ')}` : ''}`}>
          {text.slice(start, c.end)}
        </span>,
      );
    }
    at = Math.max(at, c.end);
  }
  if (at < text.length) parts.push(<span class="gap">{text.slice(at)}</span>);
  return <pre class="doc-text" aria-label="Extracted text with chunk boundaries">{parts}</pre>;
}
