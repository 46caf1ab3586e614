/**
 * The synthetic corpus of the Postgres benches: N chunks (2 per document), a 21-word vocabulary (every query term
 * matches most chunks, the worst case for postings), clustered 24-d vectors, metadata `team` red on 1 document in 4.
 */
import type { DocumentWrite } from '../src/spec/store.js';
import { clusteredVectors } from '../src/testing/store/approximate-cases.js';
import { sha256 } from '../src/util/hash.js';

export const syntheticWords = 'harbour lighthouse ferry anchor tide gull pier sail rope buoy keel mast river stone maple cloud ember lantern meadow quartz willow'.split(' ');
const words = syntheticWords;
const text = (i: number) => Array.from({ length: 12 + (i % 40) }, (_, j) => words[(i * 7 + j * j * 3 + (i >> 3)) % words.length]! + (j % 9 === 0 ? `${(i * 31 + j) % 997}` : '')).join(' ');

/** The n/2 document writes (with vectors). */
export function syntheticDocs(n: number): DocumentWrite[] {
  const vectors = clusteredVectors(n, 7);
  return Array.from({ length: n / 2 }, (_, d) => {
    const paragraphs = [text(2 * d), text(2 * d + 1)];
    const body = paragraphs.join('\n\n');
    return {
      document: { id: `d${d}`, source: `s${d}`, title: `T${d}`, text: body, format: 'markdown', metadata: { team: d % 4 === 0 ? 'red' : 'blue' } },
      contentHash: sha256(body),
      chunks: paragraphs.map((p, k) => ({ text: p, start: k ? paragraphs[0]!.length + 2 : 0, end: (k ? paragraphs[0]!.length + 2 : 0) + p.length, headingPath: [], tokenCount: 0, role: 'leaf' as const })),
      vectors: [Float32Array.from(vectors[2 * d]!), Float32Array.from(vectors[2 * d + 1]!)],
      embeddingModel: 'synthetic',
      at: d,
    };
  });
}

/** The 60 keyword queries (two vocabulary words and a number). */
export const syntheticQueries = Array.from({ length: 60 }, (_, i) => `${words[i % words.length]} ${words[(i * 5 + 3) % words.length]} ${(i * 13) % 997}`);
