/** Deterministic documents of the Postgres concurrency test: document i has three paragraphs (three leaf chunks). */
import type { DocumentWrite } from '../../../spec/store.js';
import { makeWrite } from '../../store/fixtures.js';

const words = ['harbour', 'lighthouse', 'ferry', 'anchor', 'tide', 'gull', 'pier', 'sail', 'rope', 'buoy', 'keel', 'mast'];

export function concurrencyDoc(i: number): DocumentWrite {
  const paragraphs = [0, 1, 2].map((p) => Array.from({ length: 4 + ((i + p * 3) % 17) }, (_, j) => words[(i * 5 + j * (p + 1) + p) % words.length]).join(' ') + ` doc${i}`);
  return makeWrite({ id: `doc-${String(i).padStart(5, '0')}`, paragraphs, at: 1_000 + i });
}
