import type { Chunker, ChunkerName, ChunkerOptions } from '../../spec/chunker.js';
import { FathomError } from '../../util/errors.js';
import { createFixedChunker } from './fixed.js';
import { createHierarchicalChunker } from './hierarchical.js';
import { createRecursiveChunker } from './recursive.js';
import { createSemanticChunker } from './semantic.js';
import { createStructureChunker } from './structure.js';

/** Options for {@link createChunker}: the chunker's name and its {@link ChunkerOptions}. */
export interface CreateChunkerOptions extends ChunkerOptions {
  /** Which chunker. @default 'structure' */
  name?: ChunkerName;
}

const factories: Record<ChunkerName, (o: ChunkerOptions) => Chunker> = {
  fixed: createFixedChunker,
  recursive: createRecursiveChunker,
  structure: createStructureChunker,
  semantic: createSemanticChunker,
  hierarchical: createHierarchicalChunker,
};

/** Creates a chunker by name; `structure` (Markdown-aware, never cuts a sentence) is the default. */
export function createChunker({ name = 'structure', ...options }: CreateChunkerOptions): Chunker {
  const factory = factories[name];
  if (!factory) {
    throw new FathomError({
      code: 'INVALID_CONFIG',
      message: `Unknown chunker '${String(name)}': use one of ${Object.keys(factories).join(', ')}.`,
      details: { name },
    });
  }
  return factory(options);
}
