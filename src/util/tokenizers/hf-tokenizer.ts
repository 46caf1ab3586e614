import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type * as HfTokenizers from '@huggingface/tokenizers';
import type { Tokenizer } from '../../spec/tokenizer.js';
import { FathomError } from '../errors.js';
import { _alignSegment } from './_hf-align.js';
import { _prepareWords } from './_prepared-words.js';

/** Options for {@link loadHfTokenizer}. */
export interface HfTokenizerOptions {
  /** A directory holding `tokenizer.json` (and optionally `tokenizer_config.json`), or the `tokenizer.json` file. */
  path: string;
  /** Identifier reported as `Tokenizer.id`. @default `hf:<directory name>` */
  id?: string;
  /** Words whose counts are memoised before the memo is reset. @default 100_000 */
  memoSize?: number;
}

interface HfLike {
  encode(text: string, options: { add_special_tokens: boolean }): { ids: number[]; tokens: string[] };
  decode(ids: number[], options: { skip_special_tokens: boolean; clean_up_tokenization_spaces: boolean }): string;
  normalizer: ((s: string) => string) | null;
}

// Pre-tokenizers and normalizers under which a text's tokens are the concatenation of its whitespace words' tokens.
const wordSplitting = new Set(['BertPreTokenizer', 'Whitespace', 'WhitespaceSplit', 'Punctuation', 'Digits']);
const charLocal = new Set(['BertNormalizer', 'Lowercase', 'NFC', 'NFD', 'NFKC', 'NFKD', 'StripAccents']);
type Part = { type?: string; pretokenizers?: Part[]; normalizers?: Part[] } | null | undefined;
const allOf = (part: Part, ok: Set<string>, key: 'pretokenizers' | 'normalizers'): boolean =>
  part?.type === 'Sequence' ? (part[key] ?? []).every((p) => allOf(p, ok, key)) : ok.has(part?.type ?? '');

/**
 * Loads a Hugging Face `tokenizer.json` through @huggingface/tokenizers, adding character offsets (which
 * that library does not report) and memoised per-word counting for whitespace-splitting tokenizers
 * (WordPiece/BERT). Counts exclude special tokens such as [CLS]/[SEP].
 */
export async function loadHfTokenizer({ path, id, memoSize = 100_000 }: HfTokenizerOptions): Promise<Tokenizer> {
  const isFile = (await stat(path).catch(() => null))?.isFile() ?? false;
  const dir = isFile ? dirname(path) : path;
  const file = isFile ? path : join(path, 'tokenizer.json');
  const json = await readJson(file, true);
  const config = (await readJson(join(dir, 'tokenizer_config.json'), false)) ?? {};
  let mod: typeof HfTokenizers;
  try {
    mod = await import('@huggingface/tokenizers');
  } catch (cause) {
    throw new FathomError({ code: 'DEPENDENCY_MISSING', message: 'Hugging Face tokenizers need `npm install @huggingface/tokenizers`.', cause });
  }
  let tok: HfLike;
  try {
    tok = new mod.Tokenizer(json as object, config as object) as unknown as HfLike;
  } catch (cause) {
    throw new FathomError({ code: 'FILE_MALFORMED', message: `${file} is not a tokenizer.json this library can load: ${String(cause)}`, cause, details: { path: file } });
  }
  const spec = json as { model?: { type?: string; continuing_subword_prefix?: string }; pre_tokenizer?: Part; normalizer?: Part; added_tokens?: Array<{ content: string }> };
  const splitsWords = allOf(spec.pre_tokenizer, wordSplitting, 'pretokenizers') && (spec.normalizer == null || allOf(spec.normalizer, charLocal, 'normalizers'));
  const added = (spec.added_tokens ?? []).map((t) => t.content).filter((c) => c.length > 0);
  const hasAdded = (text: string) => added.some((c) => text.includes(c));
  const plain = (text: string) => tok.encode(text, { add_special_tokens: false });

  const memo = new Map<string, number>();
  const wordCount = (word: string): number => {
    let c = memo.get(word);
    if (c === undefined) {
      c = plain(word).ids.length;
      if (memo.size >= memoSize) memo.clear();
      memo.set(word, c);
    }
    return c;
  };
  const count = (text: string): number => {
    if (!splitsWords || hasAdded(text)) return plain(text).ids.length;
    let n = 0;
    for (const m of text.matchAll(/\S+/g)) n += wordCount(m[0]);
    return n;
  };

  const prefix = spec.model?.type === 'WordPiece' ? (spec.model.continuing_subword_prefix ?? '##') : null;
  const addedSet = new Set(added);
  const surface = (token: string, tokenId: number): string => {
    if (addedSet.has(token)) return token;
    if (prefix !== null) return token.startsWith(prefix) ? token.slice(prefix.length) : token;
    return tok.decode([tokenId], { skip_special_tokens: false, clean_up_tokenization_spaces: false }).trim();
  };
  const normalize = (s: string) => (tok.normalizer ? tok.normalizer(s) : s);

  return {
    id: id ?? `hf:${basename(dir)}`,
    count,
    encode(text) {
      const ids: number[] = [];
      const offsets: Array<[number, number]> = [];
      const segments = splitsWords && !hasAdded(text) ? [...text.matchAll(/\S+/g)].map((m) => [m[0], m.index] as const) : [[text, 0] as const];
      for (const [segment, base] of segments) {
        const enc = plain(segment);
        ids.push(...enc.ids);
        _alignSegment(segment, base, enc.tokens.map((t, i) => surface(t, enc.ids[i] as number)), normalize, offsets);
      }
      return { ids, offsets };
    },
    prepare: splitsWords ? (text) => (hasAdded(text) ? { text, count: (a, b) => count(text.slice(a, b)) } : _prepareWords(text, wordCount, count)) : undefined,
  };
}

async function readJson(file: string, required: boolean): Promise<unknown> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (cause) {
    if (!required) return undefined;
    throw new FathomError({ code: 'PATH_NOT_FOUND', message: `No tokenizer at ${file}: pass the directory that holds tokenizer.json (as downloaded from the Hugging Face Hub).`, cause, details: { path: file } });
  }
  try {
    return JSON.parse(raw);
  } catch (cause) {
    throw new FathomError({ code: 'FILE_MALFORMED', message: `${file} is not valid JSON.`, cause, details: { path: file } });
  }
}
