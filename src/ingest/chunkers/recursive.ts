import type { Chunker, ChunkerOptions } from '../../spec/chunker.js';
import type { PreparedText, Tokenizer } from '../../spec/tokenizer.js';
import { _budget, _overlap, _tokenizer } from './_options.js';
import { _attachPages } from './_pages.js';
import { _tokenWindows, type _Span } from './_windows.js';
import { type _Check } from './_deadline.js';
import { _prepare } from './_prepare.js';

/** Options for {@link createRecursiveChunker}. */
export type RecursiveChunkerOptions = Pick<ChunkerOptions, 'tokenizer' | 'maxTokens' | 'overlapTokens'> & {
  /** Separators tried in order; `''` means token windows. @default ['\n\n', '\n', '. ', ' ', ''] */
  separators?: string[];
};

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

function trim(text: string, a: number, b: number): [number, number] {
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return [a, b];
}

/**
 * LangChain's RecursiveCharacterTextSplitter measured in real tokens: split at the first separator present,
 * recurse into pieces still over budget with the next separators, then merge neighbouring pieces up to
 * `maxTokens`, carrying up to `overlapTokens` of trailing pieces into the next chunk. Separators stay with
 * the piece before them, so a chunk ends with its full stop rather than starting with it.
 */
export function createRecursiveChunker(options: RecursiveChunkerOptions): Chunker {
  const tokenizer = _tokenizer(options);
  const maxTokens = _budget('maxTokens', options.maxTokens ?? 512);
  const overlap = _overlap(options.overlapTokens ?? 64, maxTokens);
  const separators = options.separators ?? ['\n\n', '\n', '. ', ' ', ''];
  return {
    name: 'recursive',
    async chunk({ text, pages, deadline }) {
      const { check, prepared } = _prepare(tokenizer, text, deadline);
      const spans = split(tokenizer, prepared, 0, text.length, separators, maxTokens, overlap, check);
      const drafts = spans.map((s) => ({ text: text.slice(s.start, s.end), start: s.start, end: s.end, headingPath: [], tokenCount: s.tokens, role: 'leaf' as const }));
      return _attachPages(drafts, pages);
    },
  };
}

function split(tokenizer: Tokenizer, prepared: PreparedText, start: number, end: number, separators: string[], max: number, overlap: number, check: _Check): _Span[] {
  const text = prepared.text;
  let level = separators.findIndex((s) => s === '' || (text.indexOf(s, start) >= 0 && text.indexOf(s, start) < end));
  if (level < 0) level = separators.length;
  const sep = separators[level];
  if (sep === undefined || sep === '') return _tokenWindows(tokenizer, prepared, start, end, max, overlap, true, check);
  const pieces: Array<[number, number]> = [];
  let pos = start;
  while (pos < end) {
    const at = text.indexOf(sep, pos);
    const cut = at < 0 || at + sep.length > end ? end : at + sep.length;
    const [a, b] = trim(text, pos, cut);
    if (b > a) pieces.push([a, b]);
    pos = cut;
  }
  const out: _Span[] = [];
  let window: Array<[number, number]> = [];
  const flush = () => {
    if (window.length === 0) return;
    const a = (window[0] as [number, number])[0];
    const b = (window.at(-1) as [number, number])[1];
    out.push({ start: a, end: b, tokens: prepared.count(a, b) });
  };
  for (const piece of pieces) {
    check();
    if (prepared.count(piece[0], piece[1]) > max) {
      flush();
      window = [];
      out.push(...split(tokenizer, prepared, piece[0], piece[1], separators.slice(level + 1), max, overlap, check));
      continue;
    }
    if (window.length > 0 && prepared.count((window[0] as [number, number])[0], piece[1]) > max) {
      flush();
      // Keep trailing pieces as overlap while they fit the overlap and leave room for the new piece.
      while (window.length > 0) {
        const a = (window[0] as [number, number])[0];
        const b = (window.at(-1) as [number, number])[1];
        if (prepared.count(a, b) <= overlap && prepared.count(a, piece[1]) <= max) break;
        window.shift();
      }
    }
    window.push(piece);
  }
  flush();
  return out;
}
