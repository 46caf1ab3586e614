/** Every chunk of a document: offsets, heading path, tokens, role and parent link. */
import type { Chunk } from '../../spec/chunk.js';

export function ChunkTable({ chunks, selected, onSelect }: { chunks: Chunk[]; selected?: string; onSelect: (id: string) => void }) {
  const byId = new Map(chunks.map((c) => [c.id, c]));
  return (
    <table class="grid chunks">
      <thead><tr><th scope="col">#</th><th scope="col">Role</th><th scope="col">Offsets</th><th scope="col">Heading path</th><th scope="col">Tokens</th><th scope="col">Parent</th><th scope="col">Pages</th></tr></thead>
      <tbody>
        {chunks.map((c) => (
          <tr key={c.id} class={selected === c.id ? 'selected' : undefined} data-chunk-id={c.id}>
            <td><button type="button" class="link" onClick={() => onSelect(c.id)} aria-label={`Show chunk ${c.ordinal}`}>{c.ordinal}</button></td>
            <td>{c.role}</td>
            <td>{c.start}–{c.end}</td>
            <td>{c.headingPath.join(' › ') || '—'}</td>
            <td>{c.tokenCount}</td>
            <td>{c.parentId ? <button type="button" class="link" onClick={() => onSelect(c.parentId!)}>#{byId.get(c.parentId)?.ordinal ?? c.parentId}</button> : '—'}</td>
            <td>{c.pages?.join(', ') ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
