import type { ChunkerOptions } from '../../spec/chunker.js';
import { FathomError } from '../../util/errors.js';

/** Checks a token budget: a positive integer. */
export function _budget(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `${name} must be a positive whole number of tokens, got ${value}.`, details: { [name]: value } });
  }
  return value;
}

/** Checks an overlap: a whole number smaller than the budget. */
export function _overlap(value: number, maxTokens: number): number {
  if (!Number.isInteger(value) || value < 0 || value >= maxTokens) {
    throw new FathomError({
      code: 'INVALID_ARGUMENT',
      message: `overlapTokens must be a whole number from 0 to maxTokens - 1 (${maxTokens - 1}), got ${value}.`,
      details: { overlapTokens: value, maxTokens },
    });
  }
  return value;
}

/** Checks that a tokenizer was passed (every chunker counts with a real one). */
export function _tokenizer(options: Partial<ChunkerOptions> | undefined): ChunkerOptions['tokenizer'] {
  if (!options?.tokenizer || typeof options.tokenizer.count !== 'function') {
    throw new FathomError({
      code: 'INVALID_ARGUMENT',
      message: 'A chunker needs a `tokenizer` (e.g. createGptTokenizer() from fathom) to measure its token budget.',
    });
  }
  return options.tokenizer;
}
