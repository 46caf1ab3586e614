import { existsSync } from 'node:fs';

/** The derived files of an HNSW graph path that exist on disk (the graph and its `.meta`). */
export function existingSideFiles(graph: string | undefined): string[] {
  return graph ? [graph, `${graph}.meta`].filter((f) => existsSync(f)) : [];
}
