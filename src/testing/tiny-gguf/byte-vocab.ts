/** SentencePiece token types as GGUF stores them (`tokenizer.ggml.token_type`). */
const NORMAL = 1;
const UNKNOWN = 2;
const CONTROL = 3;
const BYTE = 6;

/** A SentencePiece-style vocabulary: pieces, merge scores and token types, with special ids. */
export interface TinyVocab {
  tokens: string[];
  scores: number[];
  types: number[];
  unkId: number;
  bosId: number;
  eosId: number;
}

const words = ['the', 'a', 'of', 'and', 'to', 'is', 'in', 'it', 'that', 'answer', 'yes', 'no', 'fathom'];
const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,?!:;\'"{}[]()-_ ';

/**
 * The byte-level vocabulary of the tiny test model: `<unk>`, `<s>`, `</s>`, the 256 byte tokens
 * `<0x00>`…`<0xFF>` (so any text tokenizes), `▁`, single characters, and merged pieces such as `▁the`
 * with every prefix a SentencePiece merge needs to reach them. Longer pieces score higher.
 */
export function byteVocab(): TinyVocab {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types = [UNKNOWN, CONTROL, CONTROL];
  const scores = [0, 0, 0];
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(BYTE);
    scores.push(0);
  }
  const pieces = new Set<string>(['▁', ...chars.replace(' ', '')]);
  for (const word of words) {
    const full = `▁${word}`;
    for (let end = 2; end <= full.length; end++) pieces.add(full.slice(0, end));
  }
  for (const piece of pieces) {
    tokens.push(piece);
    types.push(NORMAL);
    scores.push([...piece].length - 10 - scores.length * 1e-4);
  }
  return { tokens, scores, types, unkId: 0, bosId: 1, eosId: 2 };
}
