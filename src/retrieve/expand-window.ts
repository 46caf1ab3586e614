import type { Chunk } from '../spec/chunk.js';
import type { Principal } from '../spec/access.js';
import type { Hit } from '../spec/hit.js';
import type { Store } from '../spec/store.js';

/**
 * Window expansion: widens each hit's chunk with up to `window` neighbouring leaf chunks on each side
 * (same document version, by ordinal), joined by their offsets so overlaps are not repeated. The
 * widened chunk keeps the hit's id; `chunk.metadata.windowChunkIds` lists the chunks it covers.
 * A hit whose window is already covered by an earlier hit's window is dropped.
 */
export async function expandWindow({ hits, store, tenant, window, principal }: { hits: readonly Hit[]; store: Store; tenant: string; window: number; principal?: Principal }): Promise<Hit[]> {
  const versions = new Map<string, Promise<Chunk[]>>();
  const covered = new Set<string>();
  const out: Hit[] = [];
  for (const hit of hits) {
    const { documentId, versionId } = hit.chunk;
    if (!versions.has(versionId)) versions.set(versionId, store.listChunks({ tenant, documentId, versionId, ...(principal ? { principal } : {}) }));
    const leaves = (await versions.get(versionId)!).filter((c) => c.role === 'leaf').sort((a, b) => a.ordinal - b.ordinal);
    const at = leaves.findIndex((c) => c.id === hit.chunk.id);
    if (at < 0 || window <= 0) {
      out.push(hit);
      continue;
    }
    const span = leaves.slice(Math.max(0, at - window), at + window + 1);
    const key = `${versionId}|${span[0]!.id}|${span.at(-1)!.id}`;
    if (covered.has(key)) continue;
    covered.add(key);
    out.push({ ...hit, chunk: _join(hit.chunk, span) });
  }
  return out;
}

function _join(hitChunk: Chunk, span: Chunk[]): Chunk {
  let text = span[0]!.text;
  let end = span[0]!.end;
  for (const c of span.slice(1)) {
    if (c.end <= end) continue;
    text += c.start >= end ? (c.start > end ? '\n' : '') + c.text : c.text.slice(end - c.start);
    end = c.end;
  }
  const tokenCount = span.reduce((n, c) => n + c.tokenCount, 0);
  return { ...hitChunk, text, start: span[0]!.start, end, tokenCount, metadata: { ...hitChunk.metadata, windowChunkIds: span.map((c) => c.id) } };
}
