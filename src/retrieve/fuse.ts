import type { Hit } from '../spec/hit.js';
import type { FusionOptions } from '../spec/retrieve.js';
import { fuseConvex } from './fuse-convex.js';
import { fuseRrf } from './fuse-rrf.js';

/** Fuses the BM25 and vector candidate lists with the chosen method (RRF k = 60 by default). */
export function fuse({ bm25, vector, fusion = { method: 'rrf' } }: { bm25: readonly Hit[]; vector: readonly Hit[]; fusion?: FusionOptions }): Hit[] {
  if (fusion.method === 'convex') return fuseConvex({ bm25, vector, alpha: fusion.alpha, normalization: fusion.normalization });
  return fuseRrf({ lists: [bm25, vector], k: fusion.k });
}
