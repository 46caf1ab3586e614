import { createRequire } from 'node:module';
import { FathomError } from '../errors.js';
import { _heapMerge } from './_heap-merge.js';

/** Pre-tokens longer than this (characters) are merged by `_heapMerge` (same result, O(n log n)). */
const _LONG_PIECE = 256;

/** The pieces of a gpt-tokenizer encoding that exact counting and offsets need. */
export interface BpeCore {
  /** The encoding's pre-tokenizer regex (flags `gu`). */
  splitRegex: RegExp;
  /** Token ids of one pre-token (BPE never merges across pre-tokens). */
  encodePiece(piece: string): number[];
  /** UTF-8 byte length of a token. */
  tokenByteLength(id: number): number;
}

interface CoreInternals {
  tokenSplitRegex: RegExp;
  bytePairRankDecoder: Array<string | number[] | undefined>;
  getBpeRankFromString(s: string): number | undefined;
  getBpeRankFromBytes(bytes: Uint8Array): number | undefined;
  bytePairEncode(s: string): number[];
}

const require = createRequire(import.meta.url);
const cache = new Map<string, BpeCore>();
/** The encodings gpt-tokenizer 4 ships. */
const ENCODINGS = ['o200k_base', 'cl100k_base', 'p50k_base', 'p50k_edit', 'r50k_base', 'o200k_harmony', 'gpt2'];
const utf8 = new TextEncoder();

/** Loads an encoding lazily (o200k_base takes ~200 ms) and reaches the BPE core gpt-tokenizer 4 uses internally. */
export function _loadBpeCore(encoding: string): BpeCore {
  const hit = cache.get(encoding);
  if (hit) return hit;
  if (!ENCODINGS.includes(encoding)) {
    throw new FathomError({ code: 'INVALID_ARGUMENT', message: `Unknown tokenizer encoding '${encoding}': use one of ${ENCODINGS.join(', ')} (fathom.config.json ingest.chunker.tokenizer takes o200k_base or cl100k_base).`, details: { encoding } });
  }
  let mod: { default?: unknown };
  try {
    mod = require(`gpt-tokenizer/encoding/${encoding}`) as { default?: unknown };
  } catch (cause) {
    throw new FathomError({
      code: 'DEPENDENCY_MISSING',
      message: `gpt-tokenizer encoding '${encoding}' could not be loaded: run \`npm install gpt-tokenizer@4\`.`,
      cause,
      details: { encoding },
    });
  }
  const api = (mod.default ?? mod) as { bytePairEncodingCoreProcessor?: CoreInternals };
  const core = api.bytePairEncodingCoreProcessor;
  if (!core || !(core.tokenSplitRegex instanceof RegExp) || typeof core.bytePairEncode !== 'function' || typeof core.getBpeRankFromBytes !== 'function') {
    throw new FathomError({
      code: 'DEPENDENCY_MISSING',
      message: 'This gpt-tokenizer version is not supported (its BPE core changed): install gpt-tokenizer@4.0.0.',
      details: { encoding },
    });
  }
  const byteLengths = new Map<number, number>();
  const result: BpeCore = {
    splitRegex: new RegExp(core.tokenSplitRegex.source, 'gu'),
    encodePiece(piece) {
      const rank = core.getBpeRankFromString(piece);
      if (rank !== undefined) return [rank];
      if (piece.length > _LONG_PIECE) return _heapMerge(utf8.encode(piece), (bytes) => core.getBpeRankFromBytes(bytes));
      return core.bytePairEncode(piece);
    },
    tokenByteLength(id) {
      let n = byteLengths.get(id);
      if (n === undefined) {
        const value = core.bytePairRankDecoder[id];
        n = typeof value === 'string' ? utf8.encode(value).length : (value?.length ?? 1);
        byteLengths.set(id, n);
      }
      return n;
    },
  };
  cache.set(encoding, result);
  return result;
}
